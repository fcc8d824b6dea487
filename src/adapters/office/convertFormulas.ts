import { toNativeFormula, usesQuotaFunctions } from "../../core/nativeFormula";
import { cellAddress } from "../../core/grid";

export type ConvertMode = "native" | "values";

export interface ConvertOutcome {
  readonly cells: number;
  readonly sheets: readonly string[];
  /** Cells kept as values because their function has no native form (QUOTA.APPORTION). */
  readonly asValues: number;
}

interface Pending {
  readonly ws: Excel.Worksheet;
  readonly used: Excel.Range;
  /** Position of the cell in the used range. */
  readonly r: number;
  readonly c: number;
  readonly spill: Excel.Range | null;
}

/**
 * Replaces every QUOTA.* formula in the workbook by a native formula (or by its value), so that
 * a college without the add-in sees numbers instead of #NAME?. Three round trips (the sheets,
 * their formulas and values, the writes), four when a formula kept as values may spill (Excel
 * with dynamic arrays, ExcelApi 1.12): then its whole spill range is written as values, not only
 * the anchor cell. Only cells that use QUOTA functions (and their spills) are written.
 */
export async function convertFormulas(
  context: Excel.RequestContext,
  mode: ConvertMode,
  spills: boolean = true
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
  const sheets: string[] = [];
  const asValues: Pending[] = [];
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
          const spill = spills ? target.getSpillingToRangeOrNullObject() : null;
          spill?.load("rowIndex,columnIndex,rowCount,columnCount");
          asValues.push({ ws, used: range, r, c, spill });
        } else target.formulas = [[native]];
        cells++;
        touched = true;
      })
    );
    if (touched) sheets.push(ws.name);
  }
  if (asValues.some((p) => p.spill)) await context.sync();
  for (const pending of asValues) writeValues(pending);
  if (cells > 0) await context.sync();
  return { cells, sheets, asValues: asValues.length };
}

/** A formula's value, or its whole spill's values, written over it (read before anything was written). */
function writeValues({ ws, used, r, c, spill }: Pending): void {
  const rows = spill && !spill.isNullObject ? spill.rowCount : 1;
  const columns = spill && !spill.isNullObject ? spill.columnCount : 1;
  const values = Array.from({ length: rows }, (_, i) =>
    Array.from({ length: columns }, (_, j) => used.values[r + i]?.[c + j] ?? "")
  );
  const top = cellAddress(used.rowIndex + r, used.columnIndex + c);
  const bottom = cellAddress(used.rowIndex + r + rows - 1, used.columnIndex + c + columns - 1);
  ws.getRange(top === bottom ? top : `${top}:${bottom}`).values = values;
}
