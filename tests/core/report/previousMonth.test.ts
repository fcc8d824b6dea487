import type { Grid } from "../../../src/core/grid";
import { checkFiling } from "../../../src/core/report/checkFiling";
import { locateReport } from "../../../src/core/report/locateReport";
import { previousMonthOf } from "../../../src/core/report/previousMonth";
import type { CalendarDate } from "../../../src/core/report/readFilingDate";
import { ReportReading, readReport } from "../../../src/core/report/readReport";
import { YearMonth, addMonths, monthIndex } from "../../../src/core/report/reportMonth";
import type { SheetModel } from "../../../src/core/workbookModel";
import { reportSheet } from "../../support/reportFactory";

describe("month arithmetic across the year boundary", () => {
  test.each([
    [{ year: 2023, month: 1 }, -1, { year: 2022, month: 12 }],
    [{ year: 2022, month: 12 }, 1, { year: 2023, month: 1 }],
    [{ year: 2022, month: 6 }, -1, { year: 2022, month: 5 }],
    [{ year: 2022, month: 2 }, -1, { year: 2022, month: 1 }],
    [{ year: 2022, month: 12 }, -1, { year: 2022, month: 11 }],
    [{ year: 2023, month: 3 }, -15, { year: 2021, month: 12 }],
    [{ year: 2022, month: 11 }, 14, { year: 2024, month: 1 }],
    [{ year: 2022, month: 6 }, 0, { year: 2022, month: 6 }],
  ])("%p plus %i months is %p", (from, n, to) => expect(addMonths(from, n)).toEqual(to));

  test("months a year apart are 12 indexes apart; December and the January after are adjacent", () => {
    expect(monthIndex({ year: 2023, month: 6 }) - monthIndex({ year: 2022, month: 6 })).toBe(12);
    expect(monthIndex({ year: 2023, month: 1 }) - monthIndex({ year: 2022, month: 12 })).toBe(1);
  });

  test.each([
    ["2023-01", "2022-12"],
    ["2022-06", "2022-05"],
    ["2022-12", "2022-11"],
    ["2000-01", "1999-12"],
  ])("the month before %s is %s", (month, before) => expect(previousMonthOf(month)).toBe(before));

  test("a month that is not one is refused, not turned into a wrong month", () => {
    expect(() => previousMonthOf("2022-13")).toThrow(RangeError);
  });
});

describe("报送期限 across the year boundary", () => {
  const targets = { college: "外国语学院", training: 100, advanced: 50, nonadvanced: 40, onex: 10 };
  const gridOf = (sheet: SheetModel): Grid => ({
    name: sheet.name,
    rows: sheet.cells.map((r) => r.map((c) => c?.value ?? null)),
  });
  function filed(month: YearMonth, on: CalendarDate): string[] {
    const grid = gridOf(reportSheet({ targets, month, done: {} }));
    const reading = readReport(grid, locateReport(grid)!, { month });
    const dated: ReportReading = { ...reading, date: { kind: "date", date: on } };
    return checkFiling(dated).map((f) => f.code);
  }

  test.each([
    [{ year: 2022, month: 12 }, { year: 2022, month: 12, day: 27 }, []],
    [{ year: 2022, month: 12 }, { year: 2022, month: 12, day: 28 }, ["date-late"]],
    [{ year: 2022, month: 12 }, { year: 2023, month: 1, day: 2 }, ["date-late"]],
    [{ year: 2023, month: 1 }, { year: 2022, month: 12, day: 31 }, ["date-early"]],
    [{ year: 2023, month: 1 }, { year: 2023, month: 1, day: 5 }, []],
    [{ year: 2023, month: 1 }, { year: 2022, month: 1, day: 5 }, ["date-early"]],
  ])("a report of %p filed on %p: %p", (month, on, codes) =>
    expect(filed(month, on).filter((c) => c.startsWith("date-"))).toEqual(codes)
  );
});
