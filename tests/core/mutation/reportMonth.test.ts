/* Mutants of reportMonth.ts: months written out and read back at their edges (October to
   December, a month without a year, a title, a conflict between the sheet and the file). */
import {
  chineseMonth,
  findReportMonth,
  formatMonth,
  monthInText,
  parseMonth,
  sameMonth,
} from "../../../src/core/report/reportMonth";

test("written out: two-digit months padded, Chinese months as written", () => {
  expect(formatMonth({ year: 2022, month: 6 })).toBe("2022-06");
  expect(formatMonth({ year: 2022, month: 10 })).toBe("2022-10");
  expect(chineseMonth({ year: 2023, month: 1 })).toBe("2023年1月");
  expect(sameMonth({ year: 2022, month: 6 }, { year: 2022, month: 6 })).toBe(true);
  expect(sameMonth({ year: 2022, month: 6 }, { year: 2023, month: 6 })).toBe(false);
  expect(sameMonth({ year: 2022, month: 6 }, { year: 2022, month: 7 })).toBe(false);
});

test.each([
  ["2022.10", { year: 2022, month: 10 }],
  ["２０２２年１２月", { year: 2022, month: 12 }],
  [" 2022 - 01 ", { year: 2022, month: 1 }],
  ["2022-00", null],
  ["2022-1-5", null],
  ["22-06", null],
])("--month %p", (text, expected) => {
  expect(parseMonth(text)).toEqual(expected);
});

test.each([
  ["2022_10", { year: 2022, month: 10 }],
  ["月报2022-12-25", { year: 2022, month: 12 }],
  ["202210月报", { year: 2022, month: 10 }],
  ["2022-13月报", null],
  ["10月", { year: null, month: 10 }],
  ["12月", { year: null, month: 12 }],
  ["第13月", null],
  ["十月", { year: null, month: 10 }],
  ["十二月", { year: null, month: 12 }],
  ["一月", { year: null, month: 1 }],
])("named in %p", (text, expected) => {
  expect(monthInText(text)).toEqual(expected);
});

describe("findReportMonth", () => {
  test("the title names the month when the sheet does not", () => {
    expect(
      findReportMonth({ sheetName: "Sheet1", title: "2022年10月进度月报表", fileName: null })
    ).toEqual({ month: { year: 2022, month: 10 }, source: "sheet", conflict: null });
  });

  test("a sheet and a file naming two months: the sheet's, with the file's as the conflict", () => {
    expect(
      findReportMonth({ sheetName: "2022年6月", fileName: "C:\\报表\\月报-2022-05.xlsx" })
    ).toEqual({
      month: { year: 2022, month: 6 },
      source: "sheet",
      conflict: { month: { year: 2022, month: 5 }, source: "file" },
    });
  });

  test("the user's month agreeing with the sheet's: no conflict", () => {
    expect(findReportMonth({ option: { year: 2022, month: 6 }, sheetName: "2022年6月" })).toEqual({
      month: { year: 2022, month: 6 },
      source: "option",
      conflict: null,
    });
  });

  test("a month without a year: the file's year, else 填报时间's (the year before when later)", () => {
    const filed = (year: number, month: number) => ({ year, month, day: 3 });
    const month = (
      sheetName: string,
      filedOn: ReturnType<typeof filed> | null,
      fileName?: string
    ) => findReportMonth({ sheetName, filedOn, fileName }).month;
    expect(month("6月", filed(2022, 6))).toEqual({ year: 2022, month: 6 });
    expect(month("6月", filed(2023, 5))).toEqual({ year: 2022, month: 6 });
    expect(month("6月", filed(2023, 7))).toEqual({ year: 2023, month: 6 });
    expect(month("6月", filed(2030, 1), "2022年月报.xlsx")).toEqual({ year: 2022, month: 6 });
    expect(month("Sheet1", filed(2022, 7), "6月.xlsx")).toEqual({ year: 2022, month: 6 });
  });

  test("only 填报时间: its month, from the date", () => {
    expect(
      findReportMonth({ sheetName: "Sheet1", filedOn: { year: 2022, month: 11, day: 30 } })
    ).toEqual({ month: { year: 2022, month: 11 }, source: "date", conflict: null });
  });
});
