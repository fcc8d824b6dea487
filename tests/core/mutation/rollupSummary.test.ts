/* Mutants of summarize() and percent() that survived tests/core: rounding, the 27th, behind at
   exactly the expected rate, the order and the missing colleges, where the school target comes from. */
import type { SectionValues } from "../../../src/core/report/monthlyReport";
import { quotaLookup } from "../../../src/core/report/quotaLookup";
import type { SectionKey } from "../../../src/core/report/reportLayout";
import { LedgerEntry, LedgerRow, importIntoLedger } from "../../../src/core/rollup/ledger";
import { percent, summarize } from "../../../src/core/rollup/rollupSummary";
import { sectionValues } from "../../support/coreFixtures";

const v = sectionValues;

/** A report: training target 100 (cumulative as given), advanced 90/9, nonadvanced 40/3, no 1+X. */
function entry(
  college: string,
  month: string,
  training: number,
  filedOn: string | null
): LedgerEntry {
  return {
    college,
    month,
    sha256: `${college}${month}`,
    file: `${college}.xlsx`,
    filer: null,
    filedOn,
    values: {
      training: v(100, 1, training),
      advanced: v(90, 2, 9),
      nonadvanced: v(40, 3, 3),
      onex: v(null, 0, 0),
    } as Record<SectionKey, SectionValues>,
  };
}

const ledgerOf = (entries: LedgerEntry[]): readonly LedgerRow[] =>
  importIntoLedger([], entries, "2022-06-30 09:05").ledger;

describe("percent: 2 decimals, half up", () => {
  test.each([
    [1, 800, 0.13],
    [1, 3, 33.33],
    [2, 3, 66.67],
    [369, 369, 100],
    [0, 5, 0],
  ])("%i of %i is %d %", (part, whole, expected) => {
    expect(percent(part, whole)).toBe(expected);
  });

  test("no rate without a target", () => {
    expect(percent(5, 0)).toBeNull();
    expect(percent(5, null)).toBeNull();
  });
});

describe("summarize", () => {
  test("late only when filed after the 27th of the month; no date is not late", () => {
    const summary = summarize(
      ledgerOf([
        entry("甲学院", "2022-06", 10, "2022-06-27"),
        entry("乙学院", "2022-06", 10, "2022-06-28"),
        entry("丙学院", "2022-06", 10, "2022-07-01"),
        entry("丁学院", "2022-06", 10, null),
      ]),
      "2022-06"
    );
    expect(summary.late).toEqual([
      { college: "乙学院", filedOn: "2022-06-28", file: "乙学院.xlsx" },
      { college: "丙学院", filedOn: "2022-07-01", file: "丙学院.xlsx" },
    ]);
  });

  test("behind only below the expected rate: at it is on time; no target is never behind", () => {
    // June: training expected 40 %; advanced 44.44 % (9 / 90 = 10 %: behind); no 1+X target.
    const summary = summarize(
      ledgerOf([entry("甲学院", "2022-06", 40, null), entry("乙学院", "2022-06", 39, null)]),
      "2022-06"
    );
    const [on, behind] = summary.colleges.map((c) => c.sections);
    expect(on!.training).toEqual({
      target: 100,
      month: 1,
      cumulative: 40,
      rate: 40,
      expected: 40,
      behind: false,
    });
    expect(behind!.training.behind).toBe(true);
    expect(on!.advanced).toEqual(
      expect.objectContaining({ rate: 10, expected: 44.44, behind: true })
    );
    expect(on!.onex).toEqual(expect.objectContaining({ target: null, rate: null, behind: false }));
  });

  test("only the month's rows; a college missing a section has 0 of it and no target", () => {
    const ledger = ledgerOf([
      entry("甲学院", "2022-05", 30, null),
      entry("甲学院", "2022-06", 50, null),
    ]).filter((r) => r.section !== "nonadvanced");
    const summary = summarize(ledger, "2022-06");
    expect(summary.sections.training).toEqual({
      target: 100,
      month: 1,
      cumulative: 50,
      rate: 50,
      collegeTargets: 100,
    });
    expect(summary.colleges[0]!.sections.nonadvanced).toEqual(
      expect.objectContaining({ target: null, month: 0, cumulative: 0, rate: null })
    );
    expect(summary.targetsFromReports).toBe(true);
  });

  test("without the quota workbook, a college of the ledger that sent nothing this month is missing", () => {
    const ledger = ledgerOf([
      entry("甲学院", "2022-05", 1, null),
      entry("乙学院", "2022-06", 1, null),
    ]);
    const summary = summarize(ledger, "2022-06");
    expect(summary.colleges.map((c) => c.college)).toEqual(["乙学院"]);
    expect(summary.missing).toEqual(["甲学院"]);
  });

  const quotas = quotaLookup([
    { college: "甲学院", training: 100, advanced: 90, nonadvanced: 40, onex: null },
    { college: "乙学院", training: 200, advanced: 10, nonadvanced: 20, onex: 5 },
    { college: "丙学院", training: 300, advanced: 10, nonadvanced: 20, onex: 5 },
  ]);

  test("colleges in the quota workbook's order, then the others as they came; missing less those that sent", () => {
    const summary = summarize(
      ledgerOf([
        entry("外来学院", "2022-06", 1, null),
        entry("丙学院", "2022-06", 1, null),
        entry("甲学院", "2022-06", 1, null),
      ]),
      "2022-06",
      { quotas }
    );
    expect(summary.colleges.map((c) => c.college)).toEqual(["甲学院", "丙学院", "外来学院"]);
    expect(summary.missing).toEqual(["乙学院"]);
    expect(summarize([], "2022-06", { quotas, sentRejected: ["乙学院"] }).missing).toEqual([
      "甲学院",
      "丙学院",
    ]);
    expect(summary.targetsFromReports).toBeUndefined();
  });

  test("the school target: the plan's when given, else the quota workbook's sum, else the reports'", () => {
    const ledger = ledgerOf([entry("甲学院", "2022-06", 50, null)]);
    const fromQuotas = summarize(ledger, "2022-06", { quotas }).sections.training;
    expect(fromQuotas).toEqual({
      target: 600,
      month: 1,
      cumulative: 50,
      rate: 8.33,
      collegeTargets: 600,
    });
    const plan = { training: 1000, advanced: 1, nonadvanced: 1, onex: 1 };
    const fromPlan = summarize(ledger, "2022-06", { quotas, schoolTargets: plan });
    expect(fromPlan.sections.training).toEqual({
      target: 1000,
      month: 1,
      cumulative: 50,
      rate: 5,
      collegeTargets: 600,
    });
    expect(fromPlan.targetsFromReports).toBeUndefined();
    expect(
      summarize(ledger, "2022-06", { schoolTargets: plan }).targetsFromReports
    ).toBeUndefined();
    expect(summarize(ledger, "2022-06").sections.training.target).toBe(100);
  });
});
