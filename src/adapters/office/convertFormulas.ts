import { toNativeFormula, usesQuotaFunctions } from "../../core/nativeFormula";
import { cellAddress } from "../../core/grid";

export type ConvertMode = "native" | "values";

export interface ConvertOutcome {
  readonly cells: number;
  readonly sheets: readonly string[];
  /** Cells kept as values because their function has no native form (QUOTA.APPORTION). */
  readonly asValues: number;
}

/**
 * Replaces every QUOTA.* formula in the workbook by a native formula (or by its value), so that
 * a college without the add-in sees numbers instead of #NAME?. Three round trips: the sheets,
 * their formulas and values, the writes. Only cells that use QUOTA functions are written.
 */
export async function convertFormulas(
  context: Excel.RequestContext,
  mode: ConvertMode
): Promise<ConvertOutcome> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  await context.sync();
  const used = worksheets.items.map((ws) => {
    const range = ws.getUsedRangeOrNullObject(true);
    range.load("formulas,values,rowIndex,columnIndex");
    return { ws, range };
  });
  await context.sync();
  let cells = 0;
  let asValues = 0;
  const sheets: string[] = [];
  for (const { ws, range } of used) {
    if (range.isNullObject) continue;
    let touched = false;
    range.formulas.forEach((row, r) =>
      row.forEach((formula, c) => {
        if (typeof formula !== "string" || !formula.startsWith("=") || !usesQuotaFunctions(formula))
          return;
        const target = ws.getRange(cellAddress(range.rowIndex + r, range.columnIndex + c));
        const native = mode === "native" ? toNativeFormula(formula) : null;
        if (native === null) {
          target.values = [[range.values[r]![c]]];
          asValues++;
        } else target.formulas = [[native]];
        cells++;
        touched = true;
      })
    );
    if (touched) sheets.push(ws.name);
  }
  if (cells > 0) await context.sync();
  return { cells, sheets, asValues };
}
