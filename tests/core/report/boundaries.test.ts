/* Rules users depend on, at their edges: due by the 27th, the month before January,
   累计已完成 = 上月累计 + 当月完成 (too low as well as too high). */
import type { Grid } from "../../../src/core/grid";
import type { PreviousMonth } from "../../../src/core/report/previousMonth";
import type { CollegeTargets } from "../../../src/core/report/quotaLookup";
import { validateReport } from "../../../src/core/report/validateReport";
import type { LedgerRow } from "../../../src/core/rollup/ledger";
import { previousCumulative, previousMonthOf } from "../../../src/core/rollup/rollUp";
import type { SheetModel } from "../../../src/core/workbookModel";
import { ReportSpec, reportSheet } from "../../support/reportFactory";

const targets: CollegeTargets = {
  college: "外国语学院",
  training: 100,
  advanced: 50,
  nonadvanced: 40,
  onex: 10,
};

const gridOf = (sheet: SheetModel): Grid => ({
  name: sheet.name,
  rows: sheet.cells.map((r) => r.map((c) => c?.value ?? null)),
});

function codes(spec: Partial<ReportSpec>, previous?: PreviousMonth): string[] {
  const sheet = reportSheet({ targets, month: { year: 2022, month: 6 }, done: {}, ...spec });
  const result = validateReport(gridOf(sheet), {
    fileName: "外国语学院-2022年6月.xlsx",
    previous: previous ?? null,
  });
  expect(result).not.toBeNull();
  return [...result!.errors, ...result!.warnings].map((f) => f.code);
}

describe("报送期限: late only after the 27th", () => {
  test.each([
    [26, false],
    [27, false],
    [28, true],
  ])("filed on June %i: late %s", (day, late) => {
    expect(codes({ day }).includes("date-late")).toBe(late);
  });
});

describe("the month before January is December of the year before", () => {
  test("previousMonthOf", () => {
    expect(previousMonthOf("2023-01")).toBe("2022-12");
    expect(previousMonthOf("2022-06")).toBe("2022-05");
    expect(previousMonthOf("2022-12")).toBe("2022-11");
  });

  test("a January roll-up checks against December's ledger rows", () => {
    const row = (month: string, cumulative: number) =>
      ({ college: "外国语学院", month, section: "training", cumulative }) as unknown as LedgerRow;
    const ledger = [row("2023-12", 1), row("2022-12", 77), row("2022-11", 5)];
    expect(previousCumulative(ledger, "2023-01")).toEqual({ 外国语学院: { training: 77 } });
  });
});

describe("累计已完成 against 上月累计 + 当月完成", () => {
  // 上月累计 10 in 培训 (0 elsewhere); 当月完成 5 → 累计 must be 15.
  const last: PreviousMonth = (_college, section) => (section === "training" ? 10 : 0);
  test.each([
    ["too low", 12, true],
    ["right", 15, false],
    ["too high", 18, true],
  ])("累计 %s (%i)", (_label, cumulative, wrong) => {
    const found = codes({ done: { training: [5, cumulative] } }, last);
    expect(found.filter((c) => c === "cumulative-mismatch")).toHaveLength(wrong ? 1 : 0);
  });
});
