import type { Grid } from "../../src/core/grid";
import type { SheetModel, WorkbookModel } from "../../src/core/workbookModel";

/** A model sheet as the values a host would read back (cached results for formulas). */
export const modelGrid = (sheet: SheetModel): Grid => ({
  name: sheet.name,
  rows: sheet.cells.map((r) => r.map((c) => c?.value ?? null)),
});

export const modelGrids = (model: WorkbookModel): Grid[] => model.sheets.map(modelGrid);
