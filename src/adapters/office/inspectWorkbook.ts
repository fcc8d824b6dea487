import type { Grid } from "../../core/grid";
import { loadUsed, usedGrid } from "./usedGrid";
import { OWNER_NAME_PREFIX } from "../../core/workbookModel";

/** What one round trip learns about the open workbook. */
export interface WorkbookState {
  readonly sheetNames: readonly string[];
  /** Ownership key (table1 …) → the sheet that carries it now. */
  readonly owned: ReadonlyMap<string, string>;
  /** Tables by sheet name, so that a sheet can be rewritten cleanly. */
  readonly tables: ReadonlyMap<string, readonly string[]>;
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
  const names = context.workbook.names;
  names.load("items/name,items/formula");
  const tables = context.workbook.tables;
  tables.load("items/name,items/worksheet/name");
  const active = worksheets.getActiveWorksheet();
  active.load("name");
  const used = loadUsed(active);
  const selected = context.workbook.getSelectedRange();
  selected.load("rowIndex,columnIndex,rowCount,columnCount");

  await context.sync();

  const owned = new Map<string, string>();
  for (const item of names.items) {
    if (!item.name.startsWith(OWNER_NAME_PREFIX)) continue;
    const sheet = sheetOfReference(item.formula);
    if (sheet) owned.set(item.name.slice(OWNER_NAME_PREFIX.length), sheet);
  }
  const tablesBySheet = new Map<string, string[]>();
  for (const table of tables.items) {
    const list = tablesBySheet.get(table.worksheet.name) ?? [];
    list.push(table.name);
    tablesBySheet.set(table.worksheet.name, list);
  }
  const multi = selected.rowCount * selected.columnCount > 1;
  return {
    sheetNames: worksheets.items.map((w) => w.name),
    owned,
    tables: tablesBySheet,
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

/** "='表1'!$A$1" or "=Sheet1!$A$1" → the sheet name; null for #REF! (the sheet was deleted). */
export function sheetOfReference(formula: string): string | null {
  const match = /^=?(?:'((?:[^']|'')+)'|([^'!]+))!/.exec(formula);
  if (!match) return null;
  return match[1] !== undefined ? match[1].replace(/''/g, "'") : match[2]!;
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
