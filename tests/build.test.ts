/* What `npm run build` produced (npm test builds first): the functions' metadata and bundles. */
import { existsSync, readFileSync, readdirSync } from "fs";
import { join } from "path";

const ROOT = join(__dirname, "..");
const WEB = join(ROOT, "dist", "web");
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

interface Lock {
  packages: Record<string, { version?: string; dev?: boolean; devOptional?: boolean }>;
}
/** dist/web-modules.json (webpack.config.js's ModuleListPlugin): the source files of each chunk group. */
type ModuleList = Record<string, { files: string[]; modules: string[] }>;

const PREBUILT = /^\/dist\/[^/]+$|\.min\.js$/;

/** The package a bundled file belongs to, as package-lock.json keys it (node_modules/a/node_modules/b). */
function packageOf(file: string): string | null {
  return /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(file)?.[1] ?? null;
}

/**
 * Bundled files that `npm audit --omit=dev` cannot account for: a package package-lock.json does
 * not list or lists as a devDependency, or a prebuilt bundle (a file right in the package's dist/,
 * or .min.js) whose own dependencies are inside it, unlisted (exceljs's dist/exceljs.min.js holds
 * JSZip and core-js). Sources compiled a file to a module (uuid's dist/esm-browser/) are no bundle.
 */
function unaudited(modules: readonly string[], lock: Lock): string[] {
  const found: string[] = [];
  for (const file of modules) {
    const key = packageOf(file);
    if (!key) {
      if (!file.startsWith("src/")) found.push(`${file}: neither our source nor a package`);
      continue;
    }
    const entry = lock.packages[key];
    if (!entry) found.push(`${file}: ${key} is not in package-lock.json`);
    else if (entry.dev || entry.devOptional) found.push(`${file}: ${key} is a devDependency`);
    if (PREBUILT.test(file.slice(key.length))) found.push(`${file}: a prebuilt bundle`);
  }
  return found;
}

test("the audit check can fail: a prebuilt bundle, an unlisted or a dev package", () => {
  const lock: Lock = {
    packages: {
      "node_modules/exceljs": { version: "4.4.0" },
      "node_modules/exceljs/node_modules/saxes": { version: "5.0.1" },
      "node_modules/@e965/xlsx": { version: "0.20.3" },
      "node_modules/webpack": { version: "5.0.0", dev: true },
    },
  };
  expect(
    unaudited(
      [
        "src/taskpane/loadExcelJs.ts",
        "node_modules/exceljs/lib/doc/workbook.js",
        "node_modules/exceljs/node_modules/saxes/saxes.js",
        "node_modules/@e965/xlsx/xlsx.mjs",
        "node_modules/exceljs/dist/es5/index.js",
      ],
      lock
    )
  ).toEqual([]);
  expect(
    unaudited(
      [
        "node_modules/exceljs/dist/exceljs.min.js",
        "node_modules/exceljs/dist/exceljs.js",
        "node_modules/jszip/lib/index.js",
        "node_modules/webpack/buildin/global.js",
        "webpack/runtime/x.js",
      ],
      lock
    )
  ).toHaveLength(5);
});

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

  describe("what the page bundles, as npm audit sees it", () => {
    const list = JSON.parse(
      readFileSync(join(ROOT, "dist", "web-modules.json"), "utf8")
    ) as ModuleList;
    const lock = JSON.parse(readFileSync(join(ROOT, "package-lock.json"), "utf8")) as Lock;

    test("the module list is this build's: its files are the files in dist/web", () => {
      for (const group of Object.values(list))
        for (const file of group.files)
          expect([file, existsSync(join(WEB, file))]).toEqual([file, true]);
      expect(Object.keys(list).sort()).toEqual(
        [
          "charts",
          "exceljs",
          "functions",
          "jszip",
          "reader",
          "sheetjs",
          "taskpane",
          "writer",
        ].sort()
      );
      // A new workbook's writer and its chart adder (all but a master written into): no exceljs, no JSZip.
      for (const group of ["writer", "charts"])
        expect(list[group]!.modules.filter((m) => /exceljs|jszip/.test(m))).toEqual([]);
    });

    test("exceljs and JSZip are built from their sources, not their prebuilt bundles", () => {
      const exceljs = list.exceljs!.modules;
      expect(exceljs).toContain("node_modules/exceljs/lib/doc/workbook.js");
      expect(exceljs).toContain("node_modules/jszip/lib/index.js");
      expect(exceljs.filter((m) => PREBUILT.test(m.slice(packageOf(m)?.length ?? 0)))).toEqual([]);
      expect(list.jszip!.modules).toContain("node_modules/jszip/lib/index.js");
    });

    test.each(Object.keys(list))(
      "every package in %s is one npm audit --omit=dev sees",
      (group) => {
        expect(unaudited(list[group]!.modules, lock)).toEqual([]);
      }
    );

    test("the start-up bundles hold no package: exceljs and JSZip stay lazy", () => {
      for (const group of ["functions", "taskpane"])
        expect(list[group]!.modules.filter((m) => !m.startsWith("src/"))).toEqual([]);
    });
  });
});
