import type { CellValue, Grid } from "../../core/grid";

/** Queues the load of a sheet's used range (values only); read it with `usedGrid` after the sync. */
export function loadUsed(sheet: Excel.Worksheet): Excel.Range {
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load("values,rowIndex,columnIndex");
  return used;
}

/** A loaded used range as a Grid from A1; empty when the sheet (or the range) is a null object. */
export function usedGrid(name: string, used: Excel.Range): Grid {
  const rows: CellValue[][] = [];
  if (!used.isNullObject) {
    used.values.forEach((row, r) => {
      const cells: CellValue[] = new Array(used.columnIndex).fill(null);
      for (const v of row) cells.push(v === "" ? null : (v as CellValue));
      rows[used.rowIndex + r] = cells;
    });
  }
  for (let i = 0; i < rows.length; i++) rows[i] ??= [];
  return { name, rows };
}
