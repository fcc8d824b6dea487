/* A case for each of the roll-up's own codes (ROLLUP_CODES): a report that validates, left out of
   the month's roll-up, through rollUp() itself. tests/core/report/rules.test.ts demands these. */
import type { Grid } from "../../src/core/grid";
import { ROLLUP_CODES } from "../../src/core/report/finding";
import type { YearMonth } from "../../src/core/report/reportMonth";
import type { LedgerRow } from "../../src/core/rollup/ledger";
import { CheckedFile, RollUpResult, checkReportFile, rollUp } from "../../src/core/rollup/rollUp";
import type { SheetModel } from "../../src/core/workbookModel";
import { ROUND_TARGETS } from "../support/coreFixtures";
import { Done, reportSheet } from "../support/reportFactory";

const MAY: YearMonth = { year: 2022, month: 5 };
const JUNE: YearMonth = { year: 2022, month: 6 };
const MEDIA = { ...ROUND_TARGETS, college: "传媒学院" };

const gridOf = (sheet: SheetModel, name = sheet.name): Grid => ({
  name,
  rows: sheet.cells.map((r) => r.map((c) => c?.value ?? null)),
});

function file(name: string, sheets: SheetModel[], sha256 = name): CheckedFile {
  return checkReportFile(
    { file: name, sha256, grids: sheets.map((s, i) => gridOf(s, `${s.name}${i || ""}`)) },
    {}
  );
}

const june = (training: Done = [10, 30], targets = ROUND_TARGETS) =>
  reportSheet({ targets, month: JUNE, done: { training } });

const row = (over: Partial<LedgerRow>): LedgerRow => ({
  college: "外国语学院",
  month: "2022-05",
  section: "training",
  target: 100,
  done: 20,
  cumulative: 20,
  file: "五月.xlsx",
  sha256: "may",
  importedAt: "2022-05-30 09:00",
  filer: null,
  filedOn: "2022-05-20",
  ...over,
});

function codesOf(result: ReturnType<typeof rollUp>): string[] {
  expect("error" in result).toBe(false);
  return (result as RollUpResult).rejected.flatMap((r) => r.errors.map((e) => e.code));
}

const options = (over: Partial<Parameters<typeof rollUp>[1]> = {}) => ({
  ledger: [],
  month: "2022-06",
  importedAt: "2022-06-30 09:00",
  ...over,
});

type Case = {
  code: (typeof ROLLUP_CODES)[number];
  run: () => ReturnType<typeof rollUp>;
  expected: string[];
};

const CASES: Case[] = [
  {
    code: "file-colleges", // one file holding two colleges' forms
    run: () => rollUp([file("两个学院.xlsx", [june(), june([10, 30], MEDIA)])], options()),
    expected: ["file-colleges", "file-colleges"],
  },
  {
    code: "file-college-differs", // the file name names another known college
    run: () =>
      rollUp(
        [file("传媒学院-6月.xlsx", [june()])],
        options({ ledger: [row({ college: "传媒学院", month: "2022-04" })] })
      ),
    expected: ["file-college-differs"],
  },
  {
    code: "college-twice", // two different reports of one college in one run
    run: () => rollUp([file("a.xlsx", [june()]), file("b.xlsx", [june([11, 31])])], options()),
    expected: ["college-twice", "college-twice"],
  },
  {
    code: "month-other", // a report of May in June's roll-up
    run: () =>
      rollUp(
        [
          file("五月.xlsx", [reportSheet({ targets: ROUND_TARGETS, month: MAY, done: {} })]),
          file("六月.xlsx", [june()]),
        ],
        options()
      ),
    expected: ["month-other"],
  },
  {
    code: "replace-needed", // another file for a college-month already in the ledger
    run: () =>
      rollUp(
        [file("新.xlsx", [june()])],
        options({ ledger: [row({ month: "2022-06", sha256: "old" })], replace: false })
      ),
    expected: ["replace-needed"],
  },
  {
    code: "ledger-edited", // 累计 against a May row edited by hand: the master, not the college
    run: () =>
      rollUp(
        [file("六月.xlsx", [june()])],
        options({ ledger: [row({ cumulative: 5, edited: true })] })
      ),
    expected: ["ledger-edited"],
  },
];

describe("the roll-up's codes, each from a report that validates", () => {
  test("the reports used validate", () => {
    expect(file("外国语学院.xlsx", [june()]).results.map((r) => [r.valid, r.month])).toEqual([
      [true, "2022-06"],
    ]);
  });

  test("every roll-up code has exactly one case", () => {
    expect(CASES.map((c) => c.code).sort()).toEqual([...ROLLUP_CODES].sort());
  });

  test.each(CASES.map((c) => [c.code, c] as const))("%s", (_, c) => {
    expect(codesOf(c.run())).toEqual(c.expected);
  });

  test("the same May row not edited: the college's 累计 is the error", () => {
    const result = rollUp(
      [file("六月.xlsx", [june()])],
      options({ ledger: [row({ cumulative: 5 })] })
    );
    expect(codesOf(result)).toEqual(["cumulative-mismatch"]);
  });

  test("with replace, the other file replaces; May beside June is rolled up alone", () => {
    const ledger = [row({ month: "2022-06", sha256: "old" })];
    const replaced = rollUp([file("新.xlsx", [june()])], options({ ledger, replace: true }));
    expect((replaced as RollUpResult).replacements.length).toBe(1);
    const may = file("五月.xlsx", [reportSheet({ targets: ROUND_TARGETS, month: MAY, done: {} })]);
    expect((rollUp([may, file("六月.xlsx", [june()])], options()) as RollUpResult).accepted).toBe(
      1
    );
  });
});
