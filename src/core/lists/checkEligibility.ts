import { cellAddress } from "../grid";
import { YearMonth, formatMonth } from "../report/reportMonth";
import { ListFinding, listFinding } from "./listFinding";
import type { Education } from "./listLayout";
import type { ListRow } from "./listRow";
import type { ListSettings } from "./listSettings";
import type { ListLocation } from "./locateList";

const EDUCATION_NAMES: Readonly<Record<Education, string>> = {
  undergraduate: "本科",
  junior: "高职（专科）",
  secondary: "中职（中专）",
};

/** The year of study on a date (YYYY-MM-DD) for a 入学年份: 2019级 on 2022-06-15 → 3, on 2022-09-01 → 4. */
export function yearOfStudy(grade: number, date: string, startMonth: number): number {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return year - grade + (month >= startMonth ? 1 : 0);
}

/** The date's month as YYYY-MM. */
export const monthOf = (date: string): string => date.slice(0, 7);

const monthKey = formatMonth;

/**
 * The rules a row must keep whatever the other rows say: its date in the plan year and not after the
 * report month; 1+X only in the years `settings.onexYears` allows; 专家讲座 only for graduating students.
 */
export function checkEligibility(
  row: ListRow,
  location: ListLocation,
  month: YearMonth,
  settings: ListSettings
): ListFinding[] {
  const findings: ListFinding[] = [];
  const at = (column: "date" | "type" | "form") =>
    cellAddress(row.row, location.columns[column] ?? location.columns.date ?? 0);
  const report = (code: ListFinding["code"], column: "date" | "type" | "form", message: string) =>
    findings.push(listFinding(code, location.sheet, at(column), message));
  const what = row.kind === "training" ? "培训日期" : "发证日期";
  if (row.date !== null) {
    if (Number(row.date.slice(0, 4)) !== month.year)
      report("list-date-outside-year", "date", `${what} ${row.date} 不在 ${month.year} 年度任务内`);
    else if (monthOf(row.date) > monthKey(month))
      report(
        "list-date-after-month",
        "date",
        `${what} ${row.date} 晚于报表月份 ${monthKey(month)}`
      );
  }
  if (row.grade === null || row.education === null || row.date === null) return findings;
  const level = EDUCATION_NAMES[row.education];
  if (row.kind === "certificate" && row.type === "onex") {
    const year = yearOfStudy(row.grade, row.date, settings.academicYearStartMonth);
    const allowed = settings.onexYears[row.education];
    if (!allowed.includes(year))
      report(
        "list-onex-ineligible",
        "type",
        `1+X证书只能由${describeYears(settings)}考取；该生为${row.grade}级${level}，发证时是第${year}学年`
      );
  }
  if (row.kind === "training" && row.form === "lecture") {
    const graduates = row.grade + settings.programYears[row.education];
    if (graduates !== month.year)
      report(
        "list-lecture-ineligible",
        "form",
        `专家讲座只对${month.year}届毕业生计入培训；该生为${row.grade}级${level}（${graduates}届）`
      );
  }
  return findings;
}

function describeYears(settings: ListSettings): string {
  const ordinal = (ys: readonly number[]) =>
    ys.map((y) => `大${"一二三四五六"[y - 1] ?? y}`).join("、");
  return (Object.keys(EDUCATION_NAMES) as Education[])
    .filter((e) => settings.onexYears[e].length > 0)
    .map((e) => `${EDUCATION_NAMES[e]}${ordinal(settings.onexYears[e])}学生`)
    .join("、");
}
