/* What real Excel enforces and office-addin-mock does not: request size (measured with the real
   Office.js request builder), names that outlive their sheet, charts that pile up, spills. */
import { FONT_NAME } from "../../src/core/cellStyles";
import { convertFormulas } from "../../src/adapters/office/convertFormulas";
import { generateInWorkbook } from "../../src/adapters/office/generateInWorkbook";
import { rollUpInWorkbook } from "../../src/adapters/office/rollUpInWorkbook";
import type { ReportFile } from "../../src/core/rollup/reportFile";
import { LedgerRow } from "../../src/core/rollup/ledger";
import { ledgerSheet } from "../../src/core/rollup/ledgerSheet";
import { formulaOf } from "../../src/adapters/office/queueWorkbookModel";
import { ALL, ExcelMock } from "../support/excelMock";
import { graduateSheet, manyColleges, masterFor, monthlyReport } from "../support/officeScenario";
import { planColleges } from "../support/planData";

const ctx = (excel: ExcelMock) => excel.context as unknown as Excel.RequestContext;
const yes = () => true;
const workbookFor = masterFor;
const report = monthlyReport;

async function rollUpMonth(excel: ExcelMock, reports: ReportFile[], year: number, m: number) {
  const before = excel.syncs;
  const result = await rollUpInWorkbook(
    ctx(excel),
    reports,
    { month: { year, month: m }, sheets: [], fingerprint: async () => "" },
    ALL,
    yes
  );
  if ("error" in result || "confirm" in result) throw new Error(JSON.stringify(result));
  return { result, syncs: excel.syncs - before };
}

/** The ledger's rows as the sheet should hold them (text without its leading '). */
const expectedLedger = (rows: readonly LedgerRow[]) =>
  ledgerSheet(rows).cells.map((row) =>
    row.map((c) => {
      const v = formulaOf(c);
      return typeof v === "string" && v.startsWith("'") ? v.slice(1) : v === "" ? null : v;
    })
  );

describe("request budget, measured with the real Office.js request builder", () => {
  test("the real plan, every month of a year: each request under 1 MB, ≤ 4 round trips, 月报台账 updated not rewritten", async () => {
    const { quotas, sheets, names } = workbookFor(planColleges());
    const excel = new ExcelMock(sheets, names, { budget: 1_000_000 });
    let ledger: readonly LedgerRow[] = [];
    for (let m = 1; m <= 12; m++) {
      const written = excel.requests.length;
      const { result, syncs } = await rollUpMonth(
        excel,
        quotas.colleges.map((c) => report(c, 2022, m)),
        2022,
        m
      );
      expect(syncs).toBeLessThanOrEqual(4);
      ledger = result.outcome.ledger;
      const largest = Math.max(...excel.requests.slice(written).map((r) => r.bytes));
      expect(largest).toBeLessThan(1_000_000);
      if (m > 1) {
        // only this month's rows go into 月报台账: no write reaches back to row 2
        const ledgerWrites = excel
          .writes("月报台账")
          .filter((w) => Array.isArray(w.mock.formulas))
          .slice(-1);
        expect(ledgerWrites[0]!.address).toMatch(new RegExp(`^A${(m - 1) * 48 + 2}:`));
        expect(ledgerWrites[0]!.mock.format.font.name).toBe(FONT_NAME);
      }
    }
    expect(ledger).toHaveLength(12 * 12 * 4);
    expect(excel.rowsOf("月报台账")).toEqual(expectedLedger(ledger));
    expect(excel.added.filter((n) => n === "月报台账")).toHaveLength(1);
  });

  test("five years of ledger: next month's roll-up stays under 1 MB a request", async () => {
    const { quotas, sheets, names } = workbookFor(planColleges());
    const excel = new ExcelMock(sheets, names, { budget: 1e9 });
    let last = null;
    for (let year = 2022; year < 2027; year++) {
      // one roll-up per year carrying the year's 12 months of reports builds the ledger fast
      for (let m = 1; m <= 12; m++)
        last = await rollUpMonth(
          excel,
          quotas.colleges.map((c) => report(c, year, m)),
          year,
          m
        );
    }
    expect(last!.result.outcome.ledger).toHaveLength(5 * 12 * 12 * 4);
    const from = excel.requests.length;
    const next = await rollUpMonth(
      excel,
      quotas.colleges.map((c) => report(c, 2027, 1)),
      2027,
      1
    );
    expect(next.syncs).toBeLessThanOrEqual(4);
    expect(Math.max(...excel.requests.slice(from).map((r) => r.bytes))).toBeLessThan(1_000_000);
  }, 120_000);

  test("2,000 colleges: 表1–表4 and 汇总 in several requests, each under 4 MB", async () => {
    const colleges = manyColleges(2000);
    const { quotas, sheets, names } = workbookFor(colleges);
    const excel = new ExcelMock(sheets, names, { budget: 4_000_000 });
    const { syncs } = await rollUpMonth(
      excel,
      quotas.colleges.map((c) => report(c, 2022, 6)),
      2022,
      6
    );
    expect(syncs).toBeGreaterThan(2);
    expect(Math.max(...excel.megabytes)).toBeLessThan(4);
    const graduates = new ExcelMock(
      [
        {
          name: "毕业生",
          rows: [
            ["二级学院名称", "本科生", "高职生", "中职生"],
            ...colleges.map((c) => [
              c.name,
              c.undergraduate,
              c.higherVocational,
              c.secondaryVocational,
            ]),
          ],
        },
      ],
      [],
      { budget: 4_000_000 }
    );
    await generateInWorkbook(ctx(graduates), { formulas: "quota" }, ALL, yes);
    expect(Math.max(...graduates.megabytes)).toBeLessThan(4);
    // title, two header rows, the colleges, 合计 and 表1's note
    expect(graduates.formulasAt("表1")).toHaveLength(3 + 2000 + 1 + 1);
  }, 120_000);

  test("the double fails a sync over its budget", async () => {
    const { quotas, sheets, names } = workbookFor(planColleges());
    const excel = new ExcelMock(sheets, names, { budget: 20_000 });
    await expect(
      rollUpMonth(
        excel,
        quotas.colleges.map((c) => report(c, 2022, 1)),
        2022,
        1
      )
    ).rejects.toThrow(/over the budget/);
  });
});

describe("re-running after a person changed our sheets", () => {
  const graduates = () => graduateSheet(planColleges());
  const ours = ["表1", "表2", "表3", "表4", "参数", "说明"];

  test.each(ours)(
    "%s deleted, renamed or moved: generation runs again with one name per sheet",
    async (sheet) => {
      for (const change of ["delete", "rename", "move"] as const) {
        const excel = new ExcelMock([graduates()]);
        await generateInWorkbook(ctx(excel), { formulas: "quota" }, ALL, yes);
        if (change === "delete") excel.deleteSheet(sheet);
        if (change === "rename") excel.renameSheet(sheet, `${sheet}改`);
        if (change === "move") excel.moveSheet(sheet, 0);
        const outcome = await generateInWorkbook(ctx(excel), { formulas: "quota" }, ALL, yes);
        expect("plan" in outcome).toBe(true);
        const marks = excel.names.map((n) => n.name).sort();
        expect(marks).toEqual([...new Set(marks)]);
        expect(marks).toHaveLength(6);
        expect(excel.names.filter((n) => String(n.formula).includes("#REF!"))).toEqual([]);
      }
    }
  );

  test.each(["delete", "rename", "move"] as const)(
    "月报台账 or 汇总 %sd: the roll-up runs again, one name per sheet",
    async (change) => {
      const { quotas, sheets, names } = workbookFor(planColleges());
      for (const sheet of ["月报台账", "汇总2022-07"]) {
        const excel = new ExcelMock(sheets, names);
        const reports = (m: number) => quotas.colleges.map((c) => report(c, 2022, m));
        await rollUpMonth(excel, reports(6), 2022, 6);
        await rollUpMonth(excel, reports(7), 2022, 7);
        if (change === "delete") excel.deleteSheet(sheet);
        if (change === "rename") excel.renameSheet(sheet, `${sheet}（旧）`);
        if (change === "move") excel.moveSheet(sheet, 0);
        // the ledger's case goes on to August; 汇总's runs July again
        const next = sheet === "月报台账" ? 8 : 7;
        const { result } = await rollUpMonth(excel, reports(next), 2022, next);
        const marks = excel.names.map((n) => n.rawName as string);
        expect(marks).toEqual([...new Set(marks)]);
        expect(excel.names.filter((n) => String(n.rawFormula).includes("#REF!"))).toEqual([]);
        // our ledger is where its name says, and holds every month still there
        const ledgerAt = excel.names.find((n) => n.rawName === "_QUOTA_ledger")!.rawFormula;
        const ledgerSheetName = /^='(.+)'!/.exec(ledgerAt)![1]!;
        expect(excel.rowsOf(ledgerSheetName)).toEqual(expectedLedger(result.outcome.ledger));
        const kept = sheet === "月报台账" ? (change === "delete" ? 1 : 3) : 2;
        expect(result.outcome.ledger).toHaveLength(kept * 12 * 4);
        if (sheet === "月报台账" && change === "rename")
          expect(ledgerSheetName).toBe("月报台账（旧）");
      }
    }
  );

  test("names.add of an existing name throws, as in Excel", () => {
    const excel = new ExcelMock(
      [{ name: "表1" }],
      [{ name: "_QUOTA_table1", formula: "=#REF!$A$1" }]
    );
    const workbook = ctx(excel).workbook;
    expect(() =>
      workbook.names.add("_QUOTA_table1", workbook.worksheets.getItem("表1").getRange("A1"))
    ).toThrow(/invalid/i);
  });

  test("writing an array of the wrong shape throws, as in Excel", () => {
    const excel = new ExcelMock([{ name: "表1" }]);
    const range = ctx(excel).workbook.worksheets.getItem("表1").getRange("A1:B2");
    expect(() => (range.values = [[1, 2, 3]])).toThrow(/doesn't match/);
    range.values = [
      [1, 2],
      [3, 4],
    ];
    expect(excel.rowsOf("表1")).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });
});

describe("汇总 run again", () => {
  test("keeps exactly one chart", async () => {
    const { quotas, sheets, names } = workbookFor(planColleges());
    const excel = new ExcelMock(sheets, names);
    const reports = quotas.colleges.map((c) => report(c, 2022, 6));
    await rollUpMonth(excel, reports, 2022, 6);
    expect(excel.chartsOn("汇总2022-06")).toHaveLength(1);
    for (let i = 0; i < 2; i++) {
      const { syncs } = await rollUpMonth(excel, reports, 2022, 6);
      expect(syncs).toBeLessThanOrEqual(4);
      expect(excel.chartsOn("汇总2022-06")).toHaveLength(1);
    }
  });
});

describe("转换为数值 with a QUOTA.APPORTION spill", () => {
  test("every spilled cell gets its value, not the formula and not only the anchor", async () => {
    const formula = "=QUOTA.APPORTION(10,B1:B3)";
    const excel = new ExcelMock([
      {
        name: "分配",
        rows: [
          [formula, 1],
          [null, 2],
          [null, 1],
        ],
        values: [
          [3, 1],
          [5, 2],
          [2, 1],
        ],
        spills: { A1: "A1:A3" },
      },
    ]);
    const outcome = await convertFormulas(ctx(excel), "values", true);
    expect(outcome).toEqual({ cells: 1, sheets: ["分配"], asValues: 1 });
    expect(excel.rowsOf("分配").map((r) => r[0])).toEqual([3, 5, 2]);
    const written = excel.writes("分配").filter((w) => w.mock.values !== undefined);
    expect(written.map((w) => w.address)).toEqual(["A1:A3"]);
    expect(JSON.stringify(written[0]!.mock.values)).not.toContain("QUOTA");
  });

  test("without dynamic arrays (no spill), the cell alone", async () => {
    const excel = new ExcelMock([
      { name: "分配", rows: [["=QUOTA.APPORTION(10,B1:B3)", 1]], values: [[10, 1]] },
    ]);
    await convertFormulas(ctx(excel), "values", false);
    expect(excel.rowsOf("分配")).toEqual([[10, 1]]);
    expect(excel.syncs).toBe(3);
  });
});
