import { buildListSheets } from "../lists/buildListSheets";
import type { SheetModel, WorkbookModel } from "../workbookModel";
import { buildReportTemplate, templateSheetName } from "./buildReportTemplate";
import type { CollegeTargets } from "./quotaLookup";
import type { YearMonth } from "./reportMonth";

/** Characters Excel refuses in a sheet name, and its 31-character limit. */
const SHEET_NAME_BAD = /[[\]:*?/\\]/g;
const SHEET_NAME_MAX = 31;

/** A college's 附件6 sheet named 学院2022年6月, so that the month is read back from the name. */
export function collegeSheetName(college: string, month: YearMonth): string {
  const suffix = templateSheetName(month);
  const name = college.replace(SHEET_NAME_BAD, "").slice(0, SHEET_NAME_MAX - suffix.length);
  return `${name}${suffix}`;
}

/** One 附件6 per college, each on its own sheet, with the college's 年度任务 filled in. */
export function collegeTemplates(
  colleges: readonly CollegeTargets[],
  month: YearMonth
): { college: string; sheet: SheetModel }[] {
  const used = new Set<string>();
  return colleges.map((targets) => {
    let name = collegeSheetName(targets.college, month);
    for (let n = 2; used.has(name); n++) name = `${n}${collegeSheetName(targets.college, month)}`;
    used.add(name);
    const sheet = buildReportTemplate({ college: targets.college, month, targets });
    return { college: targets.college, sheet: { ...sheet, name } };
  });
}

/** The prefix of a college's list sheets in a shared workbook: 外国语学院培训名单 (31 characters at most). */
export function collegeListPrefix(college: string): string {
  return college.replace(SHEET_NAME_BAD, "").slice(0, SHEET_NAME_MAX - "培训名单".length);
}

/** All colleges' 附件6 in one workbook, a sheet per college, each followed by its 培训名单 and 取证名单. */
export function collegeTemplatesWorkbook(
  colleges: readonly CollegeTargets[],
  month: YearMonth
): WorkbookModel {
  return {
    sheets: collegeTemplates(colleges, month).flatMap((t) => [
      t.sheet,
      ...buildListSheets({ college: t.college, month }, collegeListPrefix(t.college)),
    ]),
  };
}

/** A file name for one college's 附件6: 月报表-外国语学院-2022年6月.xlsx. */
export function collegeTemplateFileName(college: string, month: YearMonth): string {
  return `月报表-${college.replace(/[\\/:*?"<>|]/g, "")}-${templateSheetName(month)}.xlsx`;
}
