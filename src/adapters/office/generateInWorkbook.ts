import { PlanOptions, QuotaSheetPlan, planQuotaSheets } from "../../core/planQuotaSheets";
import type { ExcelFeatures } from "./features";
import { cropToSelection, inspectWorkbook } from "./inspectWorkbook";
import { SheetTarget, queueWorkbookModel } from "./queueWorkbookModel";

export interface GenerateOutcome {
  readonly plan: QuotaSheetPlan | null;
  /** False when the user declined to update the sheets of an earlier run. */
  readonly written: boolean;
}

/**
 * 表1–表4 into the open workbook in two round trips: one to read the graduate sheet and what
 * the workbook holds, one to write; `confirm` is asked in between when our own sheets would be
 * updated. Errors (no table found …) reject with a QuotaError for the pane to show.
 */
export async function generateInWorkbook(
  context: Excel.RequestContext,
  options: PlanOptions,
  features: ExcelFeatures,
  confirm: (sheets: readonly string[]) => Promise<boolean>
): Promise<GenerateOutcome> {
  const state = await inspectWorkbook(context);
  const grid = cropToSelection(state.activeGrid, state.selection);
  const plan = planQuotaSheets(grid, state, options);
  if (plan.replacing.length > 0 && !(await confirm(plan.replacing)))
    return { plan, written: false };
  const targets = new Map<string, SheetTarget>();
  for (const sheet of plan.model.sheets) {
    const replace = plan.replacing.includes(sheet.name);
    targets.set(sheet.name, {
      replace,
      tables: replace ? (state.tables.get(sheet.name) ?? []) : [],
      marked: replace,
    });
  }
  queueWorkbookModel(context, plan.model, targets, features);
  await context.sync();
  return { plan, written: true };
}
