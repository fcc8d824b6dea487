import { buildReportTemplate, TEMPLATE_CELLS } from "../core/report/buildReportTemplate";
import type { CollegeTargets } from "../core/report/quotaLookup";
import { SECTION_KEYS } from "../core/report/reportLayout";
import type { YearMonth } from "../core/report/reportMonth";
import { percent } from "../core/rollup/rollupSummary";
import { parseAddress } from "../core/grid";
import type { ModelCell, ModelValue, SheetModel } from "../core/workbookModel";

/** A sheet with some cells' values replaced; formulas and styles stay, the value is their cached result. */
export function fill(sheet: SheetModel, values: Readonly<Record<string, ModelValue>>): SheetModel {
  const cells = sheet.cells.map((row) => [...row]) as (ModelCell | null)[][];
  for (const [address, value] of Object.entries(values)) {
    const { row, column } = parseAddress(address);
    const target = (cells[row] ??= []);
    target[column] = { ...(target[column] ?? { value: null }), value };
  }
  return { ...sheet, cells };
}

/**
 * A filled-in 附件6 for the demo: the college has done `share` of each target by the month,
 * `monthShare` of that in the month itself; filed on `day`. `broken` writes a 当月完成 larger than
 * the 累计, which the validator must catch.
 */
export function demoReport(
  targets: CollegeTargets,
  month: YearMonth,
  share: number,
  day: number,
  broken = false
): SheetModel {
  const values: Record<string, ModelValue> = {};
  for (const s of SECTION_KEYS) {
    const target = targets[s] ?? 0;
    const cumulative = Math.round(target * share);
    const done = broken && s === "training" ? cumulative + 5 : Math.round(cumulative / 3);
    const cells = TEMPLATE_CELLS.sections[s];
    values[cells.month] = done;
    values[cells.cumulative] = cumulative;
    values[cells.rate] = percent(cumulative, target);
  }
  values[TEMPLATE_CELLS.filer] = "张老师";
  values[TEMPLATE_CELLS.head] = "李院长";
  values[TEMPLATE_CELLS.date.year] = month.year;
  values[TEMPLATE_CELLS.date.month] = month.month;
  values[TEMPLATE_CELLS.date.day] = day;
  return fill(buildReportTemplate({ college: targets.college, month, targets }), values);
}
