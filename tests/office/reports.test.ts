import {
  checkActiveSheet,
  clearHighlight,
  highlightCells,
  selectCell,
} from "../../src/adapters/office/checkActiveSheet";
import { addTemplateSheet } from "../../src/adapters/office/addTemplateSheet";
import { rollUpInWorkbook } from "../../src/adapters/office/rollUpInWorkbook";
import type { ReportFile } from "../../src/core/rollup/reportFile";
import { formulaOf } from "../../src/adapters/office/queueWorkbookModel";
import { importIntoLedger } from "../../src/core/rollup/ledger";
import { ledgerSheet } from "../../src/core/rollup/ledgerSheet";
import { demoReport } from "../../src/cli/demoReports";
import { CellValue, Grid, parseAddress } from "../../src/core/grid";
import { TEMPLATE_CELLS } from "../../src/core/report/buildReportTemplate";
import { buildQuotaTables } from "../../src/core/quotaTables";
import { buildQuotaWorkbook } from "../../src/core/quotaWorkbook";
import { quotaLookupFromTables } from "../../src/core/report/quotaLookup";
import { ALL, ExcelMock, SheetSpec } from "../support/excelMock";
import { modelGrid, modelGrids } from "../support/modelGrid";
import { planColleges } from "../support/planData";

const JUNE = { year: 2022, month: 6 };
const tables = buildQuotaTables(planColleges());
const quotas = quotaLookupFromTables(tables.rows);
const quotaSheets: SheetSpec[] = modelGrids(buildQuotaWorkbook(tables)).map((g) => ({
  name: g.name,
  rows: g.rows as CellValue[][],
}));
const targets = (college: string) => quotas.find(college)!;
const ctx = (excel: ExcelMock) => excel.context as unknown as Excel.RequestContext;

describe("检查本表", () => {
  test("one round trip, findings with cells, 年度任务 checked against 表1–表4 in the workbook", async () => {
    const report = modelGrid(demoReport(targets("经济管理学院"), JUNE, 0.4, 20, true));
    const excel = new ExcelMock([
      { name: report.name, rows: report.rows as CellValue[][] },
      ...quotaSheets,
    ]);
    const outcome = await checkActiveSheet(ctx(excel), null);
    expect(excel.syncs).toBe(1);
    expect(outcome.againstQuotas).toBe(true);
    expect(outcome.results).toHaveLength(1);
    expect(outcome.results[0]!.college).toBe("经济管理学院");
    expect(outcome.results[0]!.errors.map((e) => [e.code, e.cell])).toEqual([
      ["month-exceeds-cumulative", "D4"],
    ]);
  });

  test("a good report passes; without 表1–表4 the targets are not checked", async () => {
    const report = modelGrid(demoReport(targets("艺术学院"), JUNE, 0.5, 20));
    const excel = new ExcelMock([{ name: report.name, rows: report.rows as CellValue[][] }]);
    const outcome = await checkActiveSheet(ctx(excel), JUNE);
    expect(excel.syncs).toBe(1);
    expect(outcome.againstQuotas).toBe(false);
    expect(outcome.againstLedger).toBe(false);
    expect(outcome.results[0]!.valid).toBe(true);
  });

  test("in the master: 累计已完成 checked against last month in 月报台账, still one round trip", async () => {
    const report = modelGrid(demoReport(targets("经济管理学院"), JUNE, 0.4, 20));
    const sheets = [{ name: report.name, rows: report.rows as CellValue[][] }, ...quotaSheets];
    const june = (await checkActiveSheet(ctx(new ExcelMock(sheets)), null)).results[0]!.values!;
    // May as the ledger has it: right for every section but training, one short.
    const may = Object.fromEntries(
      Object.entries(june).map(([key, v]) => [
        key,
        { ...v, cumulative: v.cumulative! - v.month! - (key === "training" ? 1 : 0) },
      ])
    ) as typeof june;
    const { ledger } = importIntoLedger(
      [],
      [
        {
          college: "经济管理学院",
          month: "2022-05",
          values: may,
          file: "5月.xlsx",
          sha256: "h",
          filer: null,
          filedOn: null,
        },
      ],
      "t"
    );
    const ledgerGrid = modelGrid(ledgerSheet(ledger));
    const excel = new ExcelMock([
      ...sheets,
      { name: ledgerGrid.name, rows: ledgerGrid.rows as CellValue[][] },
    ]);
    const outcome = await checkActiveSheet(ctx(excel), null);
    expect(excel.syncs).toBe(1);
    expect(outcome.againstLedger).toBe(true);
    expect(outcome.results[0]!.errors.map((e) => [e.code, e.cell])).toEqual([
      ["cumulative-mismatch", "E4"],
    ]);
  });

  test("a sheet that is not a report: one finding at A1", async () => {
    const excel = new ExcelMock([{ name: "Sheet1", rows: [["随便写的"]] }]);
    const outcome = await checkActiveSheet(ctx(excel), null);
    expect(outcome.results[0]!.errors.map((e) => [e.code, e.cell])).toEqual([
      ["form-not-found", "A1"],
    ]);
  });

  test("select, highlight and clear: fills change and come back, values never written", async () => {
    const excel = new ExcelMock([{ name: "6月", rows: [["x"]] }]);
    excel.fills.set("6月!D4", "#FFFF00");
    await selectCell(ctx(excel), "6月", "D4");
    expect(excel.calls).toContain("select 6月!D4");
    const saved = await highlightCells(ctx(excel), "6月", ["D4", "E6"]);
    expect([...saved]).toEqual([
      ["D4", "#FFFF00"],
      ["E6", "#FFFFFF"],
    ]);
    await clearHighlight(ctx(excel), "6月", saved);
    const d4 = excel.ranges.filter((r) => r.address === "D4").map((r) => r.mock.format.fill.color);
    // select's range, then highlight's (was yellow, set to red), then clear's (yellow again)
    expect(d4.slice(1)).toEqual(["#FFC7CE", "#FFFF00"]);
    expect(excel.calls).toContain("clear fill 6月!E6");
    expect(
      excel.ranges.every((r) => r.mock.values === undefined && r.mock.formulas === undefined)
    ).toBe(true);
  });
});

describe("添加月报表", () => {
  test("the template with 年度任务 from 表1–表4, under a free name", async () => {
    const excel = new ExcelMock([{ name: "2022年6月" }, ...quotaSheets]);
    const outcome = await addTemplateSheet(ctx(excel), "经济管理学院", JUNE, ALL);
    expect(outcome).toEqual({ sheet: "2022年6月（2）", withTargets: true });
    expect(excel.syncs).toBe(2);
    const written = excel.formulasAt("2022年6月（2）")!;
    expect(written[3]![2]).toBe(1975);
    expect(written[3]![5]).toBe('=IF(C4=0,"",ROUND(E4/C4*100,2))');
  });

  test("an unknown college is refused before anything is written", async () => {
    const excel = new ExcelMock(quotaSheets);
    await expect(addTemplateSheet(ctx(excel), "不存在学院", JUNE, ALL)).rejects.toThrow(
      /没有学院“不存在学院”/
    );
    expect(excel.added).toEqual([]);
  });
});

describe("汇总月报 into the open workbook", () => {
  const report = (
    college: string,
    share: number,
    day = 20,
    broken = false,
    filer?: string
  ): ReportFile => {
    const sheet = demoReport(targets(college), JUNE, share, day, broken);
    const grid = modelGrid(sheet);
    if (filer) {
      const { row, column } = parseAddress(TEMPLATE_CELLS.filer);
      (grid.rows[row] as CellValue[])[column] = filer;
    }
    return { file: `${college}.xlsx`, sha256: `${college}-${share}-${broken}`, grids: [grid] };
  };
  const fingerprint = async (g: Grid) => `sheet-${g.name}`;
  const owned = ["表1", "表2", "表3", "表4"].map((n, i) => ({
    name: `_QUOTA_table${i + 1}`,
    formula: `='${n}'!$A$1`,
  }));

  test("writes 汇总 and 月报台账 in two round trips; rejected reports listed; text stays text", async () => {
    const excel = new ExcelMock([{ name: "首页", rows: [["教务处"]] }, ...quotaSheets], owned);
    const files = [
      report("外国语学院", 0.5),
      report("人文学院", 0.3, 29, false, '=HYPERLINK("http://x","y")'),
      report("艺术学院", 0.5, 20, true),
    ];
    const result = await rollUpInWorkbook(
      ctx(excel),
      files,
      { month: null, sheets: [], fingerprint },
      ALL,
      () => true
    );
    if ("error" in result || "confirm" in result) throw new Error("no result");
    expect(excel.syncs).toBe(2);
    expect(excel.added).toEqual(["汇总2022-06", "月报台账"]);
    expect(result.rejected.map((r) => r.file)).toEqual(["艺术学院.xlsx（2022年6月）"]);
    expect(result.summary.late.map((l) => l.college)).toEqual(["人文学院"]);
    // 艺术学院 sent a report, rejected: listed there, not as 未报送.
    expect(result.summary.missing).toHaveLength(9);
    expect(result.summary.missing).not.toContain("艺术学院");
    expect(result.summary.sections.training.target).toBe(14572);
    const ledger = excel.formulasAt("月报台账")!;
    expect(ledger).toHaveLength(1 + 2 * 4);
    expect(ledger.flat()).toContain('\'=HYPERLINK("http://x","y")');
    expect(excel.calls.some((c) => c.startsWith("chart 汇总2022-06 BarClustered A"))).toBe(true);
    expect(excel.calls.some((c) => c.startsWith("DataBar 汇总2022-06!B"))).toBe(true);
    expect(excel.writes("首页").filter((w) => w.address !== "")).toEqual([]);
    expect(excel.addedNames.map((n) => n.name)).toEqual([
      "_QUOTA_summary_2022_06",
      "_QUOTA_ledger",
    ]);
  });

  test("a college-month already in the ledger is replaced only after asking; sheets of this workbook count too", async () => {
    const first = new ExcelMock([...quotaSheets], owned);
    const r1 = await rollUpInWorkbook(
      ctx(first),
      [report("外国语学院", 0.5)],
      { month: JUNE, sheets: [], fingerprint },
      ALL,
      () => true
    );
    if ("error" in r1 || "confirm" in r1) throw new Error("no result");
    const ledgerRows = first
      .formulasAt("月报台账")!
      .map((r) => r.map((v) => (typeof v === "string" ? v.replace(/^'/, "") : v)));
    const summaryName = "汇总2022-06";
    const art = modelGrid(demoReport(targets("艺术学院"), JUNE, 0.5, 20));
    const second = new ExcelMock(
      [
        ...quotaSheets,
        { name: "月报台账", rows: ledgerRows as CellValue[][], tables: ["QUOTA_ledger"] },
        { name: summaryName, rows: [["旧"]] },
        { name: "艺术学院6月", rows: art.rows as CellValue[][] },
      ],
      [
        ...owned,
        { name: "_QUOTA_ledger", formula: "='月报台账'!$A$1" },
        { name: "_QUOTA_summary_2022_06", formula: `='${summaryName}'!$A$1` },
      ]
    );
    const asked: string[][] = [];
    const r2 = await rollUpInWorkbook(
      ctx(second),
      [report("外国语学院", 0.6)],
      { month: JUNE, sheets: ["艺术学院6月"], fingerprint },
      ALL,
      (replaced) => (asked.push([...replaced]), true)
    );
    if ("error" in r2 || "confirm" in r2) throw new Error("no result");
    expect(asked).toEqual([["外国语学院 2022-06"]]);
    // read; write (with the old 汇总's charts loaded); the new chart after the old ones are gone
    expect(second.syncs).toBe(3);
    expect(second.added).toEqual([]);
    expect(second.deletedTables).toEqual(["月报台账!QUOTA_ledger"]);
    expect(r2.summary.colleges.map((c) => c.college)).toEqual(["外国语学院", "艺术学院"]);

    const declined = new ExcelMock(
      [...quotaSheets, { name: "月报台账", rows: ledgerRows as CellValue[][] }],
      [...owned, { name: "_QUOTA_ledger", formula: "='月报台账'!$A$1" }]
    );
    const r3 = await rollUpInWorkbook(
      ctx(declined),
      [report("外国语学院", 0.7)],
      { month: JUNE, sheets: [], fingerprint },
      ALL,
      () => false
    );
    expect(r3).toEqual({ confirm: ["外国语学院 2022-06"] });
    expect(declined.syncs).toBe(1);
    expect(declined.added).toEqual([]);
  });

  test("the round trips do not grow with the number of reports", async () => {
    const excel = new ExcelMock([...quotaSheets], owned);
    const files = quotas.colleges.flatMap((c) => [
      report(c.college, 0.45),
      report(c.college, 0.45),
    ]);
    await rollUpInWorkbook(
      ctx(excel),
      files,
      { month: JUNE, sheets: [], fingerprint },
      ALL,
      () => true
    );
    expect(excel.syncs).toBe(2);
  });

  test("a sheet of the same name that is not ours stops the roll-up before anything is written", async () => {
    const excel = new ExcelMock(
      [...quotaSheets, { name: "月报台账", rows: [["别人的台账"]] }],
      owned
    );
    const result = await rollUpInWorkbook(
      ctx(excel),
      [report("外国语学院", 0.5)],
      { month: JUNE, sheets: [], fingerprint },
      ALL,
      () => true
    );
    expect(result).toEqual({ error: expect.stringMatching(/月报台账/) });
    expect(excel.syncs).toBe(1);
  });
});

describe("text written through Range.formulas stays text", () => {
  test.each([
    ["2022-06", "'2022-06"],
    ["2022-06-20", "'2022-06-20"],
    ["6月20日", "'6月20日"],
    ["1,000", "'1,000"],
    ["50%", "'50%"],
    ["(5)", "'(5)"],
    ["12:30", "'12:30"],
    ["3e5", "'3e5"],
    ["TRUE", "'TRUE"],
    ['=HYPERLINK("http://x","y")', `'=HYPERLINK("http://x","y")`],
    ["-1", "'-1"],
    ["#N/A", "'#N/A"],
    ["#REF!", "'#REF!"],
    ["#div/0!", "'#div/0!"],
    ["#VALUE!", "'#VALUE!"],
    ["#NAME?", "'#NAME?"],
    ["#SPILL!", "'#SPILL!"],
    ["＝SUM(1,2)", "'＝SUM(1,2)"],
    ["＋1", "'＋1"],
    ["－1", "'－1"],
    ["＠x", "'＠x"],
    ["@x", "'@x"],
    ["+86 371", "'+86 371"],
    ["#1 教学楼", "#1 教学楼"],
    ["外国语学院", "外国语学院"],
    ["ab12cd34", "ab12cd34"],
    ["2022年6月 汇总", "2022年6月 汇总"],
  ])("%s → %s", (text, written) => {
    expect(formulaOf({ value: text })).toBe(written);
  });

  test("numbers and formulas are written as they are", () => {
    expect(formulaOf({ value: 2022 })).toBe(2022);
    expect(formulaOf({ value: 1.5, formula: "A1/2" })).toBe("=A1/2");
  });
});
