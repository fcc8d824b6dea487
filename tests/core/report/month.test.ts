import { readFilingDate } from "../../../src/core/report/readFilingDate";
import { findReportMonth, monthInText, parseMonth } from "../../../src/core/report/reportMonth";

describe("the report month", () => {
  test.each([
    ["2022-06", { year: 2022, month: 6 }],
    ["2022-6", { year: 2022, month: 6 }],
    ["202206", { year: 2022, month: 6 }],
    ["2022年6月", { year: 2022, month: 6 }],
    ["2022/12", { year: 2022, month: 12 }],
    ["2022-13", null],
    ["June", null],
    ["6月", null],
  ])("--month %p", (text, expected) => expect(parseMonth(text)).toEqual(expected));

  test.each([
    ["2022年6月", { year: 2022, month: 6 }],
    ["2022 年 6 月", { year: 2022, month: 6 }],
    ["2022-06", { year: 2022, month: 6 }],
    ["经管学院月报-2022.06", { year: 2022, month: 6 }],
    ["202206", { year: 2022, month: 6 }],
    ["经管学院20220625", { year: 2022, month: 6 }],
    ["6月", { year: null, month: 6 }],
    ["１２月份", { year: null, month: 12 }],
    ["六月", { year: null, month: 6 }],
    ["十一月", { year: null, month: 11 }],
    ["Sheet1", null],
    ["2022-2023学年", null],
    ["“人人持证、技能河南”建设工作任务进度月报表", null],
  ])("named in %p", (text, expected) => expect(monthInText(text)).toEqual(expected));

  test("the user's choice, else the sheet, else the file name, else 填报时间", () => {
    const filedOn = { year: 2022, month: 7, day: 3 };
    expect(
      findReportMonth({
        option: { year: 2022, month: 5 },
        sheetName: "2022年6月",
        fileName: "x.xlsx",
      })
    ).toEqual({
      month: { year: 2022, month: 5 },
      source: "option",
      conflict: { month: { year: 2022, month: 6 }, source: "sheet" },
    });
    expect(
      findReportMonth({ sheetName: "2022年6月", fileName: "月报-2022-05.xlsx" })
    ).toMatchObject({ month: { year: 2022, month: 6 }, source: "sheet" });
    expect(
      findReportMonth({ sheetName: "Sheet1", fileName: "/tmp/月报-2022-05.xlsx" })
    ).toMatchObject({ month: { year: 2022, month: 5 }, source: "file" });
    expect(findReportMonth({ sheetName: "Sheet1", fileName: "a.xlsx", filedOn })).toMatchObject({
      month: { year: 2022, month: 7 },
      source: "date",
    });
    expect(findReportMonth({ sheetName: "Sheet1", fileName: "a.xlsx" })).toEqual({
      month: null,
      source: null,
      conflict: null,
    });
  });

  test("a month without a year takes it from the file name or 填报时间", () => {
    expect(findReportMonth({ sheetName: "6月", fileName: "2022年月报.xlsx" })).toMatchObject({
      month: { year: 2022, month: 6 },
      source: "sheet",
    });
    expect(
      findReportMonth({ sheetName: "6月", filedOn: { year: 2022, month: 6, day: 25 } })
    ).toMatchObject({ month: { year: 2022, month: 6 } });
    // a December report filed in January belongs to the year before
    expect(
      findReportMonth({ sheetName: "12月", filedOn: { year: 2023, month: 1, day: 5 } })
    ).toMatchObject({ month: { year: 2022, month: 12 } });
    expect(findReportMonth({ sheetName: "6月" })).toMatchObject({ month: null, source: null });
  });
});

describe("填报时间", () => {
  const date = (year: number, month: number, day: number) => ({
    kind: "date",
    date: { year, month, day },
  });
  test.each([
    [["2022年6月25日"], date(2022, 6, 25)],
    [["2022 年 6 月 25 日"], date(2022, 6, 25)],
    [["２０２２年６月２５日"], date(2022, 6, 25)],
    [["2022-06-25"], date(2022, 6, 25)],
    [["2022/6/5"], date(2022, 6, 5)],
    [["2022.6.25"], date(2022, 6, 25)],
    [["20220625"], date(2022, 6, 25)],
    [[2022, "年", 6, "月", 25, "日"], date(2022, 6, 25)],
    [[44737], date(2022, 6, 25)],
    [[new Date(Date.UTC(2022, 5, 25))], date(2022, 6, 25)],
    // a reader that makes local midnight in UTC+8 still gives the 25th
    [[new Date(Date.UTC(2022, 5, 24, 16))], date(2022, 6, 25)],
    [[], { kind: "empty" }],
    [["年", "月", "日"], { kind: "empty" }],
    [["2022年2月30日"], { kind: "invalid", shown: "2022年2月30日" }],
    [[2022, "年", "月", "日"], { kind: "invalid", shown: "2022 年 月 日" }],
    [[12], { kind: "invalid", shown: "12" }],
    [["下周"], { kind: "invalid", shown: "下周" }],
    [["    年    月    日"], { kind: "empty" }],
    [["6月25日"], { kind: "invalid", shown: "6月25日" }],
  ] as const)("%p", (values, expected) => expect(readFilingDate(values)).toEqual(expected));
});
