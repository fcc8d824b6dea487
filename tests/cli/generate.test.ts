import ExcelJS from "exceljs";
import { existsSync, mkdirSync, writeFileSync } from "fs";
import { join } from "path";
import { readGrids } from "../../src/adapters/xlsx/readGrids";
import { planColleges, readPlanCsv, SAMPLE_DIR } from "../support/planData";
import { runCli } from "../support/runCli";
import { useTempDir } from "../support/tempDir";
import { readFileSync } from "fs";

const tmp = useTempDir();
const plan = planColleges();

async function sheetValues(file: string, sheet: string): Promise<unknown[][]> {
  const grids = await readGrids(ExcelJS, readFileSync(file), file);
  return grids.find((g) => g.name === sheet)!.rows as unknown[][];
}

/** The college rows and 合计 of a written table (under the two header rows), as the published CSV has them. */
async function tableAsCsv(file: string, sheet: string): Promise<string[][]> {
  const rows = await sheetValues(file, sheet);
  const end = rows.findIndex((r) => String(r[0]) === "合计");
  return rows.slice(3, end + 1).map((r) => r.map((v) => String(v)));
}

/** The column names of a two-row header: the sub-header where there is one, else the label above. */
const columnNames = (rows: unknown[][]) =>
  rows[1]!.map((top, c) => String(rows[2]?.[c] ?? top ?? ""));

describe("quota generate from the sample", () => {
  test.each(["native", "values"])(
    "--formulas %s writes 表1–表4 equal to the published tables",
    async (formulas) => {
      const out = join(tmp(), `quota-${formulas}.xlsx`);
      const run = await runCli(
        "generate",
        join(SAMPLE_DIR, "graduates.csv"),
        "-o",
        out,
        "--formulas",
        formulas
      );
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(out);
      expect(run.stderr).toContain("14574");
      const expected: Record<string, string> = {
        表1: "table1-training.csv",
        表2: "table2-advanced.csv",
        表3: "table3-nonadvanced.csv",
        表4: "table4-onex.csv",
      };
      for (const [sheet, csv] of Object.entries(expected)) {
        const published = readPlanCsv(csv);
        const written = await sheetValues(out, sheet);
        expect(columnNames(written)).toEqual(published[0]);
        expect(await tableAsCsv(out, sheet)).toEqual(published.slice(1));
      }
      const sheets = (await readGrids(ExcelJS, readFileSync(out), out)).map((g) => g.name);
      expect(sheets).toEqual(["表1", "表2", "表3", "表4", "参数", "说明"]);
    }
  );

  test("native formulas are ROUND over integer percentages referencing 参数", async () => {
    const out = join(tmp(), "formulas.xlsx");
    await runCli("generate", join(SAMPLE_DIR, "graduates.csv"), "-o", out);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.getWorksheet("表1")!.getCell("F4").formula).toBe(
      "ROUND(E4*ROUND('参数'!$B$3*100,0)/100,0)"
    );
    expect(wb.getWorksheet("表1")!.getCell("F16").formula).toBe(
      "ROUND(E16*ROUND('参数'!$B$3*100,0)/100,0)"
    );
    expect(wb.getWorksheet("表1")!.getCell("B16").formula).toBe("SUM(B4:B15)");
    expect(wb.getWorksheet("表3")!.getCell("D8").formula).toBe(
      "ROUND((B8*ROUND('参数'!$B$5*100,0)+C8*ROUND('参数'!$B$6*100,0))/100,0)"
    );
    expect(wb.getWorksheet("表4")!.getCell("B4").formula).toBe("'表2'!C4");
    expect(wb.getWorksheet("表4")!.getCell("E15").formula).toBe(
      "ROUND(D15*ROUND('参数'!$B$7*100,0)/100,0)"
    );
    expect(wb.getWorksheet("表1")!.getCell("F8").result).toBe(1975);
    const ws = wb.getWorksheet("表1")!;
    expect(ws.pageSetup.paperSize).toBe(9);
    expect(ws.views[0]).toEqual(expect.objectContaining({ state: "frozen", ySplit: 3 }));
  });

  test("--formulas quota is a usage error: no file of ours holds a formula Excel will not calculate", async () => {
    const out = join(tmp(), "quota-fns.xlsx");
    const run = await runCli(
      "generate",
      join(SAMPLE_DIR, "graduates.csv"),
      "-o",
      out,
      "--formulas",
      "quota"
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--formulas quota 已不再支持.*native.*values/s);
    expect(existsSync(out)).toBe(false);
  });

  test("--json", async () => {
    const run = await runCli(
      "generate",
      join(SAMPLE_DIR, "graduates.csv"),
      "-o",
      join(tmp(), "j.xlsx"),
      "--json"
    );
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.rows).toHaveLength(12);
    expect(json.rows[4]).toEqual({
      college: "经济管理学院",
      training: 1975,
      advanced: 632,
      nonadvanced: 464,
      intermediate: 238,
      onex: 183,
    });
    expect(json.rows[10]).toEqual(expect.objectContaining({ college: "职业教育学院", onex: null }));
    expect(json.totals).toEqual(
      expect.objectContaining({ training: 14572, advanced: 3604, nonadvanced: 3685, onex: 972 })
    );
    expect(json.notes.filter((n: { level: string }) => n.level === "warning")).toHaveLength(2);
  });

  test("--rates, --onex-exclude none and --apportion", async () => {
    const run = await runCli(
      "generate",
      join(SAMPLE_DIR, "graduates.csv"),
      "-o",
      join(tmp(), "r.xlsx"),
      "--rates",
      "training=120%,onex=0.25",
      "--onex-exclude",
      "none",
      "--apportion",
      "--json"
    );
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.totals.training).toBe(15896); // round(13247 × 1.2) = 15896.4
    const sum = (k: string) =>
      json.rows.reduce((a: number, r: Record<string, number>) => a + r[k]!, 0);
    expect(sum("training")).toBe(15896);
    expect(json.rows[10].onex).not.toBeNull();
    expect(sum("onex")).toBe(json.totals.onex);
  });
});

describe("input files of every shape", () => {
  async function xlsx(name: string, build: (ws: ExcelJS.Worksheet) => void): Promise<string> {
    const wb = new ExcelJS.Workbook();
    build(wb.addWorksheet("毕业生"));
    const file = join(tmp(), name);
    await wb.xlsx.writeFile(file);
    return file;
  }

  test("an xlsx with a title, merged two-row header, 序号 and text numbers", async () => {
    const file = await xlsx("merged.xlsx", (ws) => {
      ws.addRow(["2022届毕业生人数"]);
      ws.mergeCells("A1:F1");
      ws.addRow(["序号", "二级学院名称", "毕业生人数"]);
      ws.addRow([null, null, "中职生", "高职生", "本科生", "合计"]);
      ws.mergeCells("A2:A3");
      ws.mergeCells("B2:B3");
      ws.mergeCells("C2:F2");
      plan.forEach((c, i) =>
        ws.addRow([
          i + 1,
          c.name,
          String(c.secondaryVocational),
          c.higherVocational,
          c.undergraduate,
          null,
        ])
      );
      ws.addRow([null, "合计", 1635, 4504, 7108, 13247]);
    });
    const run = await runCli("generate", file, "-o", join(tmp(), "merged-out.xlsx"), "--json");
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).totals.training).toBe(14572);
  });

  test("a GB18030 CSV as Excel saves it on Chinese Windows", async () => {
    const file = join(tmp(), "gbk.csv");
    // "学院,本科,高职,中职\r\n外国语学院,238,97,0" in GB18030
    const gbk = Buffer.from(
      "d1a7d4ba2cb1bebfc62cb8dfd6b02cd6d0d6b00d0acde2b9fad3efd1a7d4ba2c3233382c39372c30",
      "hex"
    );
    writeFileSync(file, gbk);
    const run = await runCli("generate", file, "-o", join(tmp(), "gbk.xlsx"), "--json");
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).rows[0]).toEqual(
      expect.objectContaining({ college: "外国语学院", training: 369 })
    );
  });

  test.each([
    ["missing.xlsx", null, /文件“missing.xlsx”.*不存在/],
    ["empty.xlsx", Buffer.alloc(0), /空/],
    ["old.xls", Buffer.from("d0cf11e0a1b11ae1000000", "hex"), /\.xls/],
    ["corrupt.xlsx", Buffer.from("PK\u0003\u0004garbage"), /损坏/],
    ["text.xlsx", Buffer.from("hello"), /不是 Excel/],
  ])("%s: exit 1 with a clear message", async (name, bytes, message) => {
    const file = join(tmp(), name);
    if (bytes) writeFileSync(file, bytes);
    const out = join(tmp(), `never-${name}.xlsx`);
    const run = await runCli("generate", file, "-o", out);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(message);
    expect(existsSync(out)).toBe(false);
  });

  test("no table: exit 1 naming what it looked for and where", async () => {
    const file = await xlsx("none.xlsx", (ws) => ws.addRow(["姓名", "分数"]));
    const run = await runCli("generate", file, "-o", join(tmp(), "none-out.xlsx"));
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/none\.xlsx.*本科.*毕业生/);
  });

  test("a bad cell: exit 1 naming file, sheet and cell", async () => {
    const file = await xlsx("bad.xlsx", (ws) => {
      ws.addRow(["学院", "本科", "高职", "中职"]);
      ws.addRow(["外国语学院", 238, "九十七", 0]);
    });
    const run = await runCli("generate", file, "-o", join(tmp(), "bad-out.xlsx"));
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/bad\.xlsx.*毕业生.*C2.*九十七/);
  });
  test.each([
    ["a folder", (dir: string) => dir, /EISDIR.*文件夹/],
    ["under a file", (dir: string) => join(dir, "plain.txt", "out.xlsx"), /ENOTDIR.*不是文件夹/],
    ["a missing folder", (dir: string) => join(dir, "no", "such", "out.xlsx"), /ENOENT.*路径/],
  ])("output path is %s: exit 1 naming the system's reason", async (_name, target, message) => {
    const dir = join(tmp(), "outdir.xlsx");
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "plain.txt"), "x");
    const run = await runCli("generate", join(SAMPLE_DIR, "graduates.csv"), "-o", target(dir));
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(message);
  });
});

describe("usage errors exit 2", () => {
  test.each([
    [[]],
    [["frobnicate"]],
    [["generate"]],
    [["generate", "a.csv"]],
    [["generate", "a.csv", "-o", "out.txt"]],
    [["generate", "a.csv", "-o", "o.xlsx", "--formulas", "magic"]],
    [["generate", "a.csv", "-o", "o.xlsx", "--rates", "training=abc"]],
    [["generate", "a.csv", "-o", "o.xlsx", "--floors", "nope=1"]],
    [["generate", "a.csv", "-o", "o.xlsx", "--bogus"]],
  ])("%j", async (argv) => {
    const run = await runCli(...argv);
    expect(run.code).toBe(2);
    expect(run.stderr + run.stdout).toMatch(/用法/);
  });

  test("help exits 0", async () => {
    expect((await runCli("help")).code).toBe(0);
  });
});
