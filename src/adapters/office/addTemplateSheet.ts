import { InputError } from "../../core/errors";
import { buildReportTemplate, templateSheetName } from "../../core/report/buildReportTemplate";
import { readQuotaLookup } from "../../core/report/quotaLookup";
import type { YearMonth } from "../../core/report/reportMonth";
import type { ExcelFeatures } from "./features";
import { writeWorkbookModel } from "./queueWorkbookModel";
import { loadQuotaSheets } from "./readQuotaSheets";

/**
 * Adds the month's 附件6 for a college as a new sheet, 年度任务 filled in from 表1–表4 when this
 * workbook holds them. Two round trips; an existing sheet is never replaced (the new one takes another name).
 */
export async function addTemplateSheet(
  context: Excel.RequestContext,
  college: string,
  month: YearMonth,
  features: ExcelFeatures
): Promise<{ sheet: string; withTargets: boolean }> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  const quotaGrids = loadQuotaSheets(context);
  await context.sync();

  const grids = quotaGrids();
  const quotas = grids.length === 4 ? readQuotaLookup(grids) : null;
  const targets = quotas ? quotas.find(college) : null;
  if (quotas && !targets) {
    throw new InputError(
      `任务分配表中没有学院“${college}”；可选：${quotas.colleges.map((c) => c.college).join("、")}`
    );
  }
  const sheet = buildReportTemplate({ college: targets?.college ?? college, month, targets });
  const taken = new Set(worksheets.items.map((w) => w.name));
  let name = sheet.name;
  for (let n = 2; taken.has(name); n++) name = `${sheet.name}（${n}）`;
  await writeWorkbookModel(context, { sheets: [{ ...sheet, name }] }, new Map(), features);
  return { sheet: name, withTargets: targets !== null && targets !== undefined };
}

export { templateSheetName };
