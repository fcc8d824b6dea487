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

/** Sheets whose values one round trip reads by walking the workbook; a larger workbook costs one more. */
export const CHAINED_SHEETS = 30;

/**
 * Queues the loads of every sheet's used range, without knowing the sheet names: a walk from the
 * first sheet (getFirst, getNextOrNullObject), so that lists named in any way (外国语学院培训名单,
 * 2022年6月取证名单, Sheet2) are read in the same batch as the form. After the sync, the returned
 * function gives the grids of the sheets walked, and of those past the walk that `wanted` accepts
 * (one more round trip, only in a workbook of more than `limit` sheets).
 */
export function loadSheets(context: Excel.RequestContext, limit = CHAINED_SHEETS) {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  const walk: { sheet: Excel.Worksheet; range: Excel.Range }[] = [];
  let sheet = worksheets.getFirst();
  for (let i = 0; i < limit; i++) {
    sheet.load("name");
    walk.push({ sheet, range: loadUsed(sheet) });
    sheet = sheet.getNextOrNullObject();
  }
  return async (wanted: (name: string) => boolean): Promise<Grid[]> => {
    const grids = walk
      .filter(({ sheet }) => !sheet.isNullObject)
      .map(({ sheet, range }) => usedGrid(sheet.name, range));
    const walked = new Set(walk.filter((w) => !w.sheet.isNullObject).map((w) => w.sheet.name));
    const rest = worksheets.items
      .map((w) => w.name)
      .filter((name) => !walked.has(name) && wanted(name));
    if (rest.length === 0) return grids;
    const ranges = rest.map((name) => ({ name, range: loadUsed(worksheets.getItem(name)) }));
    await context.sync();
    return [...grids, ...ranges.map(({ name, range }) => usedGrid(name, range))];
  };
}
