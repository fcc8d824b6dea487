/* The CLI's one-file bundle (webpack.cli.config.js), which `npm run build:cli` writes after tsc. */
import { execFileSync } from "child_process";
import { existsSync, readFileSync } from "fs";
import { wrap } from "module";
import { join } from "path";
import { Script } from "vm";
import { useTempDir } from "./support/tempDir";

const ROOT = join(__dirname, "..");
const CLI = join(ROOT, "dist", "node", "cli");
const BUNDLE = join(CLI, "quota.js");
const BIN = join(ROOT, "bin", "quota.js");
const LOADER = join(ROOT, "bin", "loadCli.js");
const built = existsSync(join(CLI, "main.js"));
if (!built && process.env.CI)
  throw new Error("dist/node is missing: npm test runs `npm run build` first");

const tmp = useTempDir("cli-bundle-");
jest.setTimeout(60_000);

(built ? describe : describe.skip)("the built CLI", () => {
  test("is bundled beside main.js, with a code cache V8 accepts", () => {
    expect(existsSync(BUNDLE)).toBe(true);
    const source = readFileSync(BUNDLE, "utf8");
    const script = new Script(wrap(source), {
      filename: BUNDLE,
      cachedData: readFileSync(`${BUNDLE}.cache`),
    });
    expect(script.cachedDataRejected).toBe(false);
    // Packages stay in node_modules; ASCII only, read by V8 as a one-byte string.
    expect(source).toContain('require("exceljs")');
    expect(source).not.toMatch(/class Workbook\b/);
    expect([...source].every((c) => c.charCodeAt(0) < 0x80)).toBe(true);
  });

  test("bin/quota.js loads the bundle, and no package before a command needs it", () => {
    // bin/quota.js loads the bundle through vm: require.cache then holds bin/ alone.
    const code = `process.argv = [process.argv[0], ${JSON.stringify(BIN)}, "--help"];
      process.on("exit", () => process.stdout.write(JSON.stringify(Object.keys(require.cache))));
      require(${JSON.stringify(BIN)});`;
    const run = execFileSync(process.execPath, ["-e", code], { cwd: tmp(), encoding: "utf8" });
    expect(run).toContain("用法：quota");
    expect(JSON.parse(run.slice(run.lastIndexOf("["))) as string[]).toEqual([BIN, LOADER]);
  });

  test("works from another folder: generate reads its input and writes the workbook", () => {
    const output = join(tmp(), "任务分配表.xlsx");
    const input = join(ROOT, "samples", "plan-2022", "graduates.csv");
    const run = execFileSync("node", [BIN, "generate", input, "-o", output], {
      cwd: tmp(),
      encoding: "utf8",
    });
    expect(run).toContain(output);
    expect(existsSync(output)).toBe(true);
  });
});
