/* Mutants of checkFiling that survived tests/core: 填报时间 against the report month across month
   and year ends, and what the late and early findings say. */
import { fill } from "../../../src/cli/demoReports";
import { TEMPLATE_CELLS } from "../../../src/core/report/buildReportTemplate";
import type { YearMonth } from "../../../src/core/report/reportMonth";
import { validateReport } from "../../../src/core/report/validateReport";
import { ROUND_TARGETS } from "../../support/coreFixtures";
import { modelGrid } from "../../support/modelGrid";
import { reportSheet } from "../../support/reportFactory";

const targets = ROUND_TARGETS;

/** The findings on 填报时间 of a report for `month` filed on year-month-day. */
function dateFindings(month: YearMonth, [year, filedMonth, day]: [number, number, number]) {
  const sheet = fill(reportSheet({ targets, month, done: {} }), {
    [TEMPLATE_CELLS.date.year]: year,
    [TEMPLATE_CELLS.date.month]: filedMonth,
    [TEMPLATE_CELLS.date.day]: day,
  });
  const result = validateReport(modelGrid(sheet), { fileName: "外国语学院.xlsx", previous: null });
  expect(result).not.toBeNull();
  return [...result!.errors, ...result!.warnings]
    .filter((f) => f.code.startsWith("date-"))
    .map((f) => [f.code, f.message]);
}

const JUNE = { year: 2022, month: 6 };
const DECEMBER = { year: 2022, month: 12 };
const JANUARY = { year: 2023, month: 1 };

describe("填报时间 against the report month", () => {
  test.each([
    ["June, filed June 1", JUNE, [2022, 6, 1], null],
    ["June, filed on the 27th", JUNE, [2022, 6, 27], null],
    ["June, filed on the 28th", JUNE, [2022, 6, 28], "date-late"],
    ["June, filed July 1 (a later month, an early day)", JUNE, [2022, 7, 1], "date-late"],
    ["June, filed June 2023 (a later year, the same month)", JUNE, [2023, 6, 10], "date-late"],
    ["June, filed May 31", JUNE, [2022, 5, 31], "date-early"],
    ["June, filed June 2021", JUNE, [2021, 6, 10], "date-early"],
    ["December, filed December 27", DECEMBER, [2022, 12, 27], null],
    ["December, filed January 3 of the next year", DECEMBER, [2023, 1, 3], "date-late"],
    ["January, filed December 31 of the year before", JANUARY, [2022, 12, 31], "date-early"],
    ["January, filed January 27", JANUARY, [2023, 1, 27], null],
  ] as const)("%s", (_label, month, filed, code) => {
    const found = dateFindings(month, [...filed]);
    expect(found.map(([c]) => c)).toEqual(code ? [code] : []);
  });

  test("the late finding names the date, the deadline of the report month and the rule", () => {
    expect(dateFindings(JUNE, [2022, 7, 1])).toEqual([
      ["date-late", "填报时间 2022年7月1日 晚于报送期限 2022年6月27日（每月 27 日前报送）"],
    ]);
  });

  test("the early finding names the date and the report month", () => {
    expect(dateFindings(JANUARY, [2022, 12, 31])).toEqual([
      ["date-early", "填报时间 2022年12月31日 早于报表月份 2023年1月，请核对填报时间或报表月份"],
    ]);
  });
});
