import type { Education } from "./listLayout";

/**
 * How the plan's open questions are read. The defaults are the plan's most likely reading:
 *
 * - `onexRecognition: "also"` — the plan says holders of 1+X 高级/中级 are 认定为高级工 and 1+X 初级
 *   认定为中级工, and derives the 1+X task as 21% of the 高职 + 中职 graduates' certificate tasks
 *   (表4), i.e. 1+X certificates are part of those tasks: a 1+X 高级/中级 counts in 1+X证书 and
 *   in 高级工及以上, a 1+X 初级 in 1+X证书 and in 非高级工及以上 (each person once per section).
 *   `"separate"` counts 1+X certificates in the 1+X section only.
 * - `onexYears` — 1+X only for 本科 in their 3rd or 4th year and 专科 in their 2nd or 3rd year at the
 *   发证日期. The plan says nothing of 中职 here but counts 中职 graduates in the 1+X task (表4), so
 *   中职 is read like 专科 (2nd or 3rd year).
 * - `programYears` — the length of each programme, for 专家讲座: it counts as 培训 only for
 *   students in the year they graduate (the plan allows it for the 2022届), i.e. 入学年份 +
 *   length = the plan year.
 * - The year of study changes on 1 September (`academicYearStartMonth: 9`): a 2019级 student is in
 *   the 3rd year from 2021-09-01 to 2022-08-31.
 */
export interface ListSettings {
  readonly onexRecognition: "also" | "separate";
  readonly onexYears: Readonly<Record<Education, readonly number[]>>;
  readonly programYears: Readonly<Record<Education, number>>;
  readonly academicYearStartMonth: number;
}

export const DEFAULT_LIST_SETTINGS: ListSettings = {
  onexRecognition: "also",
  onexYears: { undergraduate: [3, 4], junior: [2, 3], secondary: [2, 3] },
  programYears: { undergraduate: 4, junior: 3, secondary: 3 },
  academicYearStartMonth: 9,
};
