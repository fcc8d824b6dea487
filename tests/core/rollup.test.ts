import type { Grid } from "../../src/core/grid";
import type { SectionValues } from "../../src/core/report/monthlyReport";
import type { SectionKey } from "../../src/core/report/reportLayout";
import { quotaLookupFromTables } from "../../src/core/report/quotaLookup";
import { buildQuotaTables } from "../../src/core/quotaTables";
import { LedgerEntry, importIntoLedger } from "../../src/core/rollup/ledger";
import { ledgerSheet, readLedger } from "../../src/core/rollup/ledgerSheet";
import { expectedPercent } from "../../src/core/rollup/progress";
import { summarize } from "../../src/core/rollup/rollupSummary";
import { summarySheet } from "../../src/core/rollup/summarySheet";
import type { SheetModel } from "../../src/core/workbookModel";
import { sectionValues } from "../support/coreFixtures";
import { planColleges } from "../support/planData";

const v = sectionValues;
function entry(
  college: string,
  month: string,
  sha256: string,
  n: number,
  filedOn = `${month}-20`
): LedgerEntry {
  return {
    college,
    month,
    sha256,
    file: `${college}-${month}.xlsx`,
    filer: '=HYPERLINK("http://x")',
    filedOn,
    values: {
      training: v(100, n, 2 * n),
      advanced: v(50, n, n),
      nonadvanced: v(40, 1, 3),
      onex: v(null, 0, 0),
    } as Record<SectionKey, SectionValues>,
  };
}

const gridOf = (sheet: SheetModel): Grid => ({
  name: sheet.name,
  rows: sheet.cells.map((r) => r.map((c) => c?.value ?? null)),
});

describe("月报台账", () => {
  test("import, re-import, replace, duplicate", () => {
    const first = importIntoLedger(
      [],
      [entry("A学院", "2022-05", "h1", 5), entry("B学院", "2022-05", "h2", 7)],
      "t1"
    );
    expect(first.added).toEqual(["A学院 2022-05", "B学院 2022-05"]);
    expect(first.ledger).toHaveLength(8);

    const again = importIntoLedger(first.ledger, [entry("A学院", "2022-05", "h1", 5)], "t2");
    expect(again.unchanged).toEqual(["A学院-2022-05.xlsx"]);
    expect(again.ledger).toEqual(first.ledger);

    const replaced = importIntoLedger(first.ledger, [entry("A学院", "2022-05", "h9", 6)], "t3");
    expect(replaced.replaced).toEqual(["A学院 2022-05"]);
    expect(replaced.ledger).toHaveLength(8);
    expect(
      replaced.ledger
        .filter((r) => r.college === "A学院" && r.section === "training")
        .map((r) => r.done)
    ).toEqual([6]);
    expect(replaced.ledger.filter((r) => r.college === "B学院")).toEqual(
      first.ledger.filter((r) => r.college === "B学院")
    );

    const june = importIntoLedger(replaced.ledger, [entry("A学院", "2022-06", "h10", 1)], "t4");
    expect(june.ledger.filter((r) => r.month === "2022-05")).toEqual(replaced.ledger);
  });

  test("round trip through the sheet, text stays text", () => {
    const { ledger } = importIntoLedger(
      [],
      [entry("A学院", "2022-05", "h1", 5)],
      "2022-05-28T10:00:00Z"
    );
    const sheet = ledgerSheet(ledger);
    expect(sheet.cells[1]!.every((c) => c?.formula === undefined)).toBe(true);
    expect(readLedger([gridOf(sheet)])).toEqual(ledger);
    expect(readLedger([])).toEqual([]);
    expect(() => readLedger([{ name: "月报台账", rows: [["学院"]] }])).toThrow(/缺少列/);
  });
});

describe("月报台账 read back after a spreadsheet turned its month and date text into dates", () => {
  test("a Date or an Excel serial in 月份 and 填报时间 reads as the text it was", () => {
    const { ledger } = importIntoLedger([], [entry("A学院", "2022-06", "h1", 5)], "t");
    const grid = gridOf(ledgerSheet(ledger));
    const header = grid.rows[0]!.map(String);
    const month = header.indexOf("月份");
    const filed = header.findIndex((h) => h.startsWith("填报时间"));
    expect([month, filed].every((i) => i >= 0)).toBe(true);
    const asDates = grid.rows.map((row, i) =>
      i === 0
        ? row
        : row.map((v, c) =>
            c === month ? new Date(Date.UTC(2022, 5, 1)) : c === filed ? 44732 /* 2022-06-20 */ : v
          )
    );
    const read = readLedger([{ name: grid.name, rows: asDates }]);
    expect(read.map((r) => [r.month, r.filedOn])).toEqual(
      ledger.map(() => ["2022-06", "2022-06-20"])
    );
  });
});

describe("汇总", () => {
  test("expected progress is linear from March", () => {
    expect(expectedPercent("2022-03", "advanced")).toBe(11.11);
    expect(expectedPercent("2022-06", "advanced")).toBe(44.44);
    expect(expectedPercent("2022-06", "training")).toBe(40);
    expect(expectedPercent("2022-11", "onex")).toBe(100);
    expect(expectedPercent("2022-12", "onex")).toBe(100);
    expect(expectedPercent("2022-02", "training")).toBe(0);
  });

  test("sums, rates, behind, missing and late against hand-computed figures", () => {
    const tables = buildQuotaTables(planColleges());
    const quotas = quotaLookupFromTables(tables.rows);
    const { ledger } = importIntoLedger(
      [],
      [
        entry("外国语学院", "2022-06", "a", 90),
        entry("人文学院", "2022-06", "b", 10, "2022-06-29"),
        entry("外国语学院", "2022-05", "c", 1),
      ],
      "t"
    );
    const summary = summarize(ledger, "2022-06", {
      quotas,
      schoolTargets: { training: 14572, advanced: 3604, nonadvanced: 3685, onex: 972 },
    });
    expect(summary.colleges.map((c) => c.college)).toEqual(["外国语学院", "人文学院"]);
    // training: month 90 + 10, cumulative 180 + 20, target 14572 → 200 / 14572 = 1.37%
    expect(summary.sections.training).toEqual({
      target: 14572,
      month: 100,
      cumulative: 200,
      rate: 1.37,
      collegeTargets: 14574,
    });
    const foreign = summary.colleges[0]!.sections;
    expect(foreign.training).toEqual(
      expect.objectContaining({ target: 100, cumulative: 180, rate: 180, behind: false })
    );
    expect(summary.colleges[1]!.sections.training).toEqual(
      expect.objectContaining({ rate: 20, expected: 40, behind: true })
    );
    expect(summary.missing).toHaveLength(10);
    expect(summary.missing).not.toContain("外国语学院");
    expect(summary.late).toEqual([
      { college: "人文学院", filedOn: "2022-06-29", file: "人文学院-2022-06.xlsx" },
    ]);

    const sheet = summarySheet(summary, [{ file: "坏.xlsx", errors: 2 }]);
    const text = sheet.cells
      .flat()
      .map((c) => String(c?.value ?? ""))
      .join("|");
    expect(text).toContain("各学院年度任务之和 14574，相差 2");
    expect(text).toContain("落后：培训任务");
    expect(text).toContain("坏.xlsx");
    // The colleges, then the rates expected by now (a bar group of its own in the chart).
    expect(sheet.cells[18]![0]!.value).toBe("按期应完成");
    expect(sheet.dataBars).toEqual(["B17:E19"]);
    // Each college's 累计 under its own header; 外国语学院: 培训 180, 高级工 90, 非高级工 3, 1+X 0
    // (entry(): cumulative 2n, n, 3, 0 with n = 90); 人文学院 (n = 10): 20, 10, 3, 0.
    const header = sheet.cells[15]!.map((c) => c?.value);
    const column = (name: string) => header.indexOf(name);
    const counts = ["培训累计", "高级工累计", "非高级工累计", "1+X累计"];
    expect(counts.map(column).every((i) => i > 0)).toBe(true);
    expect(counts.map((name) => sheet.cells[16]![column(name)]!.value)).toEqual([180, 90, 3, 0]);
    expect(counts.map((name) => sheet.cells[17]![column(name)]!.value)).toEqual([20, 10, 3, 0]);
    // Rates: 外国语学院 高级工 90 / 50 = 180 %, 非高级工 3 / 40 = 7.5 %.
    const rates = ["高级工完成率", "非高级工完成率"];
    expect(rates.map((name) => sheet.cells[16]![column(name)]!.value)).toEqual([180, 7.5]);
    expect(sheet.chart).toEqual({
      title: "各学院累计完成率（%）",
      source: "A16:E19",
      at: "A21:K44",
    });
  });
});
