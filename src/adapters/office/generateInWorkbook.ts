import { PlanOptions, QuotaSheetPlan, planQuotaSheets } from "../../core/planQuotaSheets";
import type { ExcelFeatures } from "./features";
import { cropToSelection, inspectWorkbook } from "./inspectWorkbook";
import { SheetTarget, writeWorkbookModel } from "./queueWorkbookModel";

export interface GenerateOutcome {
  readonly plan: QuotaSheetPlan;
}

/** Sheets of an earlier run that would be updated, not yet agreed to: ask, then run again. */
export interface NeedsConfirmation {
  readonly confirm: readonly string[];
}

/**
 * 表1–表4 into the open workbook: one round trip reads the graduate sheet and what the workbook
 * holds, one writes (a very large plan's write takes several, each request under the budget).
 * When sheets of an earlier run would be updated and `approved` does not cover them, nothing is
 * written and they come back to be asked about outside Excel.run. Errors (no table found …) reject with a QuotaError for the pane to show.
 */
export async function generateInWorkbook(
  context: Excel.RequestContext,
  options: PlanOptions,
  features: ExcelFeatures,
  approved: (sheets: readonly string[]) => boolean
): Promise<GenerateOutcome | NeedsConfirmation> {
  const state = await inspectWorkbook(context);
  const grid = cropToSelection(state.activeGrid, state.selection);
  const plan = planQuotaSheets(grid, state, options);
  if (plan.replacing.length > 0 && !approved(plan.replacing)) return { confirm: plan.replacing };
  const targets = new Map<string, SheetTarget>();
  for (const sheet of plan.model.sheets) {
    const replace = plan.replacing.includes(sheet.name);
    targets.set(sheet.name, {
      replace,
      tables: replace ? (state.tables.get(sheet.name) ?? []) : [],
      marked: replace,
      staleMark: !replace && sheet.key !== undefined && state.stale.has(sheet.key),
    });
  }
  await writeWorkbookModel(context, plan.model, targets, features);
  return { plan };
}
