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

/**
 * Rows of a sheet read in the first round trip; the rest are read in round trips of `CHUNK_ROWS`.
 * Excel on the web refuses a response over 5 MB as it does a request: a year's 名单台账 (21,700
 * rows) is about 4.4 MB of values, so no sheet is read whole in one response.
 */
export const HEAD_ROWS = 3000;
export const CHUNK_ROWS = 5000;

/** A sheet's used range queued for loading: its size, and the values of its first HEAD_ROWS rows. */
export interface HeadLoad {
  readonly sheet: Excel.Worksheet;
  readonly used: Excel.Range;
  readonly head: Excel.Range;
}

/** Queues the load of a sheet's size and first rows; read it with `readHead` after the sync. */
export function loadHead(sheet: Excel.Worksheet): HeadLoad {
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load("rowIndex,columnIndex,rowCount,columnCount");
  const head = used.getIntersectionOrNullObject(`1:${HEAD_ROWS}`);
  head.load("values,rowIndex,columnIndex");
  return { sheet, used, head };
}

/**
 * After the sync of `loadHead`: the sheet as a Grid from A1. Rows past the first HEAD_ROWS are read
 * now, CHUNK_ROWS per round trip (none for a sheet of HEAD_ROWS rows or fewer).
 */
export async function readHead(
  context: Excel.RequestContext,
  name: string,
  { sheet, used, head }: HeadLoad
): Promise<Grid> {
  const grid = usedGrid(name, head);
  if (used.isNullObject) return grid;
  const rows = grid.rows as CellValue[][];
  const end = used.rowIndex + used.rowCount;
  // One chunk per round trip, one after another: each response stays far under 5 MB.
  for (let from = Math.max(HEAD_ROWS, used.rowIndex); from < end; from += CHUNK_ROWS)
    await readRows(context, sheet, used, from, Math.min(CHUNK_ROWS, end - from), rows);
  for (let i = 0; i < rows.length; i++) rows[i] ??= [];
  return grid;
}

/** Rows [from, from + count) of the used range into `rows` (from A1), in one round trip. */
async function readRows(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  used: Excel.Range,
  from: number,
  count: number,
  rows: CellValue[][]
): Promise<void> {
  const part = sheet.getRangeByIndexes(from, used.columnIndex, count, used.columnCount);
  part.load("values");
  await context.sync();
  part.values.forEach((row, r) => {
    const cells: CellValue[] = new Array(used.columnIndex).fill(null);
    for (const v of row) cells.push(v === "" ? null : (v as CellValue));
    rows[from + r] = cells;
  });
}

/** Sheets whose values one round trip reads by walking the workbook; a larger workbook costs one more. */
export const CHAINED_SHEETS = 30;

/**
 * Queues the loads of every sheet's used range, without knowing the sheet names: a walk from the
 * first sheet (getFirst, getNextOrNullObject), so that lists named in any way (外国语学院培训名单,
 * 2022年6月取证名单, Sheet2) are read in the same batch as the form. After the sync, the returned
 * function gives the grids of the sheets walked that `walked` accepts (all by default), and of
 * those past the walk that `rest` accepts (one more round trip, only in a workbook of more than
 * `limit` sheets). A sheet longer than HEAD_ROWS costs more round trips (see readHead).
 */
export function loadSheets(context: Excel.RequestContext, limit = CHAINED_SHEETS) {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  const walk: HeadLoad[] = [];
  let sheet = worksheets.getFirst();
  for (let i = 0; i < limit; i++) {
    sheet.load("name");
    walk.push(loadHead(sheet));
    sheet = sheet.getNextOrNullObject();
  }
  return async (
    rest: (name: string) => boolean,
    walked: (name: string) => boolean = () => true
  ): Promise<Grid[]> => {
    const done = walk.filter((w) => !w.sheet.isNullObject);
    const names = new Set(done.map((w) => w.sheet.name));
    const more = worksheets.items
      .map((w) => w.name)
      .filter((name) => !names.has(name) && rest(name))
      .map((name) => ({ name, load: loadHead(worksheets.getItem(name)) }));
    if (more.length > 0) await context.sync();
    const grids: Grid[] = [];
    for (const w of done.filter((d) => walked(d.sheet.name)))
      grids.push(await readHead(context, w.sheet.name, w));
    for (const r of more) grids.push(await readHead(context, r.name, r.load));
    return grids;
  };
}
