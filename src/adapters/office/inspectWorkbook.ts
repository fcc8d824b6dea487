import type { Grid } from "../../core/grid";
import { loadUsed, usedGrid } from "./usedGrid";
import { Ownership, loadOwnership, readOwnership } from "./ownership";

/** What one round trip learns about the open workbook. */
export interface WorkbookState extends Ownership {
  readonly sheetNames: readonly string[];
  readonly activeSheet: string;
  /** The active sheet's values from A1 (the used range, placed at its position). */
  readonly activeGrid: Grid;
  /** The selection, when it is more than one cell: zero-based bounds. */
  readonly selection: { row: number; column: number; rows: number; columns: number } | null;
}

/** Everything the generation needs to know about the workbook, in one round trip. */
export async function inspectWorkbook(context: Excel.RequestContext): Promise<WorkbookState> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  const ownership = loadOwnership(context);
  const active = worksheets.getActiveWorksheet();
  active.load("name");
  const used = loadUsed(active);
  const selected = context.workbook.getSelectedRange();
  selected.load("rowIndex,columnIndex,rowCount,columnCount");

  await context.sync();

  const multi = selected.rowCount * selected.columnCount > 1;
  return {
    sheetNames: worksheets.items.map((w) => w.name),
    ...readOwnership(ownership),
    activeSheet: active.name,
    activeGrid: usedGrid(active.name, used),
    selection: multi
      ? {
          row: selected.rowIndex,
          column: selected.columnIndex,
          rows: selected.rowCount,
          columns: selected.columnCount,
        }
      : null,
  };
}

/** Only the selected cells, when the user selected the table. */
export function cropToSelection(grid: Grid, selection: WorkbookState["selection"]): Grid {
  if (!selection) return grid;
  const rows = grid.rows.map((row, r) =>
    r < selection.row || r >= selection.row + selection.rows
      ? []
      : row.map((v, c) =>
          c >= selection.column && c < selection.column + selection.columns ? v : null
        )
  );
  return { name: grid.name, rows };
}
