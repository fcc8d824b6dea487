/* Mutants of importIntoLedger, expectedPercent and the previous-month lookups that survived
   tests/core: what a re-import adds, replaces and leaves; the order of the rows; the months at
   the ends of the year; which of last month's figures counts. */
import type { Grid } from "../../../src/core/grid";
import type { SectionValues } from "../../../src/core/report/monthlyReport";
import type { MonthlyReport } from "../../../src/core/report/monthlyReport";
import {
  previousFromGrids,
  previousFromLedger,
  previousFromReports,
} from "../../../src/core/report/previousMonth";
import { quotaLookup } from "../../../src/core/report/quotaLookup";
import type { SectionKey } from "../../../src/core/report/reportLayout";
import { LedgerEntry, collegeMonth, importIntoLedger } from "../../../src/core/rollup/ledger";
import { expectedPercent } from "../../../src/core/rollup/progress";
import { previousMonthOf } from "../../../src/core/rollup/rollUp";
import { modelGrid } from "../../support/modelGrid";
import { reportSheet } from "../../support/reportFactory";

const v = (month: number, cumulative: number): SectionValues => ({
  target: 10,
  month,
  cumulative,
  rate: null,
});
const entry = (college: string, month: string, sha256: string, n = 1): LedgerEntry => ({
  college,
  month,
  sha256,
  file: `${sha256}.xlsx`,
  filer: "王老师",
  filedOn: `${month}-20`,
  values: { training: v(n, n), advanced: v(0, 0), nonadvanced: v(0, 0), onex: v(0, 0) } as Record<
    SectionKey,
    SectionValues
  >,
});
const keys = (rows: readonly { college: string; month: string; file: string }[]) => [
  ...new Set(rows.map((r) => `${r.month} ${r.college} ${r.file}`)),
];

describe("importIntoLedger", () => {
  test("a new file adds, another file replaces, the same file again changes nothing", () => {
    const first = importIntoLedger(
      [],
      [entry("甲", "2022-06", "a"), entry("乙", "2022-06", "b")],
      "t1"
    );
    expect([first.added, first.replaced, first.unchanged]).toEqual([
      [collegeMonth("甲", "2022-06"), collegeMonth("乙", "2022-06")],
      [],
      [],
    ]);
    expect(first.ledger).toHaveLength(8);
    expect(first.ledger[0]).toEqual({
      college: "甲",
      month: "2022-06",
      section: "training",
      target: 10,
      done: 1,
      cumulative: 1,
      file: "a.xlsx",
      sha256: "a",
      importedAt: "t1",
      filer: "王老师",
      filedOn: "2022-06-20",
    });
    const second = importIntoLedger(
      first.ledger,
      [entry("乙", "2022-06", "b"), entry("甲", "2022-06", "c", 2)],
      "t2"
    );
    expect([second.added, second.replaced, second.unchanged]).toEqual([
      [],
      ["甲 2022-06"],
      ["b.xlsx"],
    ]);
    // 乙 untouched keeps its place and time; 甲 replaced goes after it, with the new time.
    expect(keys(second.ledger)).toEqual(["2022-06 乙 b.xlsx", "2022-06 甲 c.xlsx"]);
    expect(second.ledger.map((r) => r.importedAt)).toEqual([
      ...Array(4).fill("t1"),
      ...Array(4).fill("t2"),
    ]);
  });

  test("within one import: the same file twice counts once, a second file for the college-month wins", () => {
    const once = importIntoLedger(
      [],
      [entry("甲", "2022-06", "a"), entry("甲", "2022-06", "a")],
      "t"
    );
    expect([once.added, once.unchanged, once.ledger.length]).toEqual([
      ["甲 2022-06"],
      ["a.xlsx"],
      4,
    ]);
    const twice = importIntoLedger(
      [],
      [entry("甲", "2022-06", "a"), entry("乙", "2022-06", "b"), entry("甲", "2022-06", "c")],
      "t"
    );
    expect(keys(twice.ledger)).toEqual(["2022-06 乙 b.xlsx", "2022-06 甲 c.xlsx"]);
    expect(twice.added).toEqual(["乙 2022-06", "甲 2022-06"]);
  });

  test("a college-month of one row (the others deleted by hand) is still known by its file", () => {
    const [first] = importIntoLedger([], [entry("甲", "2022-06", "a")], "t1").ledger;
    const again = importIntoLedger([first!], [entry("甲", "2022-06", "a")], "t2");
    expect([again.added, again.replaced, again.unchanged]).toEqual([[], [], ["a.xlsx"]]);
    expect(again.ledger).toEqual([first]);
  });

  test("a college-month whose rows name two files (edited by hand) is unchanged by either file", () => {
    const rows = importIntoLedger([], [entry("甲", "2022-06", "a")], "t1").ledger;
    const mixed = rows.map((r, i) => (i === 3 ? { ...r, sha256: "x" } : r));
    expect(importIntoLedger(mixed, [entry("甲", "2022-06", "a")], "t2").unchanged).toEqual([
      "a.xlsx",
    ]);
  });

  test("a ledger out of order comes back sorted by month, each month in the order it had", () => {
    const out = importIntoLedger(
      [],
      ["2022-09", "2022-07", "2022-08", "2022-07", "2022-06", "2022-09", "2022-06"].map((m, i) =>
        entry(`学院${i}`, m, `s${i}`)
      ),
      "t"
    );
    expect(keys(out.ledger)).toEqual([
      "2022-06 学院4 s4.xlsx",
      "2022-06 学院6 s6.xlsx",
      "2022-07 学院1 s1.xlsx",
      "2022-07 学院3 s3.xlsx",
      "2022-08 学院2 s2.xlsx",
      "2022-09 学院0 s0.xlsx",
      "2022-09 学院5 s5.xlsx",
    ]);
  });

  test("rows sorted by month, stable within a month; earlier months never touched", () => {
    const june = importIntoLedger([], [entry("甲", "2022-06", "a")], "t1").ledger;
    const after = importIntoLedger(
      june,
      [entry("乙", "2022-07", "b"), entry("乙", "2022-05", "c"), entry("丙", "2022-06", "d")],
      "t2"
    );
    expect(keys(after.ledger)).toEqual([
      "2022-05 乙 c.xlsx",
      "2022-06 甲 a.xlsx",
      "2022-06 丙 d.xlsx",
      "2022-07 乙 b.xlsx",
    ]);
    expect(after.ledger.filter((r) => r.college === "甲")).toEqual(june);
  });
});

describe("the months at the ends of the year", () => {
  test("the month before January is December of the year before", () => {
    expect(previousMonthOf("2023-01")).toBe("2022-12");
    expect(previousMonthOf("2022-10")).toBe("2022-09");
    expect(previousMonthOf("2022-11")).toBe("2022-10");
  });

  test.each([
    ["2022-01", "training", 0],
    ["2022-02", "advanced", 0],
    ["2022-03", "training", 10],
    ["2022-04", "nonadvanced", 22.22],
    ["2022-11", "training", 90],
    ["2022-11", "advanced", 100],
    ["2022-12", "training", 100],
    ["2022-12", "nonadvanced", 100],
  ] as const)("expected by the end of %s, %s: %d %", (month, section, expected) => {
    expect(expectedPercent(month, section)).toBe(expected);
  });

  test("a month that is not one is an error, not 0 %", () => {
    expect(() => expectedPercent("2022-13", "training")).toThrow("not a month: 2022-13");
  });
});

describe("last month's 累计", () => {
  const report = (college: string | null, training: number | null, advanced: number | null) =>
    ({
      college,
      sections: {
        training: { cumulative: training },
        advanced: { cumulative: advanced },
        nonadvanced: { cumulative: null },
        onex: { cumulative: 0 },
      },
    }) as unknown as MonthlyReport;

  test("the first report of a college counts; an empty 累计 or an unnamed college gives none", () => {
    const previous = previousFromReports([
      report(null, 5, 5),
      report("外国语学院", 110, null),
      report("外国语学院", 999, 20),
    ]);
    expect(previous("外国语学院", "training")).toBe(110);
    expect(previous("外国语学院", "advanced")).toBe(20);
    expect(previous("外国语学院", "nonadvanced")).toBeUndefined();
    expect(previous("外国语学院", "onex")).toBe(0);
    expect(previous("人文学院", "training")).toBeUndefined();
  });

  test("with the quota workbook a longer name of last month finds this month's college", () => {
    const quotas = quotaLookup([
      { college: "经济管理学院", training: 1, advanced: 1, nonadvanced: 1, onex: 1 },
    ]);
    const previous = previousFromReports([report("某某大学经济管理学院", 30, 3)], quotas);
    expect(previous("经济管理学院", "training")).toBe(30);
    expect(
      previousFromReports([report("某某大学经济管理学院", 30, 3)])("经济管理学院", "training")
    ).toBeUndefined();
  });

  test("a ledger keyed by names from files: __proto__ is a name; none of the form: null", () => {
    const previous = previousFromLedger({ 外国语学院: { training: 7 } });
    expect(previous("外国语学院（公章）", "training")).toBe(7);
    expect(previous("__proto__", "training")).toBeUndefined();
    const empty: Grid = { name: "Sheet1", rows: [["不是月报"]] };
    expect(previousFromGrids([empty])).toBeNull();
    const targets = {
      college: "外国语学院",
      training: 100,
      advanced: 50,
      nonadvanced: 40,
      onex: 10,
    };
    const may = reportSheet({
      targets,
      month: { year: 2022, month: 5 },
      done: { training: [5, 33] },
    });
    const fromFile = previousFromGrids([empty, modelGrid(may)]);
    expect(fromFile!("外国语学院", "training")).toBe(33);
    expect(fromFile!("外国语学院", "advanced")).toBe(0);
  });
});
