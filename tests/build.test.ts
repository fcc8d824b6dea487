/* What `npm run build` produced (npm test builds first): the functions' metadata and bundles. */
import { existsSync, readFileSync, readdirSync } from "fs";
import { join } from "path";

const WEB = join(__dirname, "..", "dist", "web");
const built = existsSync(join(WEB, "functions.json"));
if (!built && process.env.CI)
  throw new Error("dist/web is missing: npm test runs `npm run build` first");

interface Param {
  name: string;
  description?: string;
  optional?: boolean;
}
interface Fn {
  id: string;
  name: string;
  description: string;
  parameters: Param[];
  result: { dimensionality?: string };
}

(built ? describe : describe.skip)("built add-in", () => {
  const metadata = built
    ? (JSON.parse(readFileSync(join(WEB, "functions.json"), "utf8")) as { functions: Fn[] })
    : { functions: [] };
  const chinese = /[\u4e00-\u9fff]/;

  test("functions.json lists the seven QUOTA functions", () => {
    expect(metadata.functions.map((f) => f.name).sort()).toEqual(
      [
        "ADVANCED",
        "APPORTION",
        "COMPLETION",
        "INTERMEDIATE",
        "NONADVANCED",
        "ONEX",
        "TRAINING",
      ].sort()
    );
  });

  test("every function and parameter has a Chinese description", () => {
    for (const f of metadata.functions) {
      expect([f.name, chinese.test(f.description)]).toEqual([f.name, true]);
      for (const p of f.parameters)
        expect([f.name, p.name, chinese.test(p.description ?? "")]).toEqual([f.name, p.name, true]);
    }
  });

  test("optional rates and the spilled APPORTION", () => {
    const byName = new Map(metadata.functions.map((f) => [f.name, f]));
    expect(byName.get("TRAINING")!.parameters.map((p) => [p.name, p.optional === true])).toEqual([
      ["graduates", false],
      ["rate", true],
    ]);
    expect(
      byName
        .get("NONADVANCED")!
        .parameters.filter((p) => p.optional)
        .map((p) => p.name)
    ).toEqual(["intermediateRate", "undergraduateRate"]);
    expect(byName.get("APPORTION")!.result.dimensionality).toBe("matrix");
  });

  test("the functions bundle carries no file-format library; exceljs is a lazy chunk", () => {
    const functions = readFileSync(join(WEB, "functions.js"), "utf8");
    const taskpane = readFileSync(join(WEB, "taskpane.js"), "utf8");
    for (const bundle of [functions, taskpane]) {
      expect(bundle).not.toMatch(/JSZip|sharedStrings\.xml|xl\/workbook\.xml/);
    }
    expect(functions.length).toBeLessThan(30_000);
    expect(readdirSync(join(WEB, "chunks")).some((f) => /exceljs/.test(f))).toBe(true);
  });
});
