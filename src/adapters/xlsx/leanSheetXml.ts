import { columnLetter, parseAddress } from "../../core/grid";
import { cutText } from "../../core/cutText";
import type { CellStyleName, ModelCell, SheetModel } from "../../core/workbookModel";
import { leanSheetTail } from "./leanSheetTail";
import { pageSetupOf, rowHeightsOf } from "./writeWorkbook";
import { xmlText } from "./xmlText";

/*
 * A worksheet part of a new workbook, piece by piece (the head, then one row at a time, then the
 * tail), so that a writer can hand each piece on and never hold the whole sheet: what exceljs's
 * in-memory writer (renderSheet) makes of the same sheet, read back alike.
 */

/** Shared strings: the index of a text in the workbook's table (added when new). */
export interface StringTable {
  id(text: string): number;
}

/** What a sheet's rows need: the named styles' format ids and the shared strings. */
export interface SheetWriting {
  readonly styleIds: Readonly<Record<CellStyleName, number>>;
  readonly strings: StringTable;
  /** A new {GUID} for an Excel 2010 data bar. */
  readonly guid: () => string;
}

interface SheetLayout {
  readonly rows: number;
  readonly columns: number;
  /** The cells a merge covers besides its first, by row, then column: the first cell's format. */
  readonly covered: Map<number, Map<number, number>>;
  readonly heights: Map<number, number>;
  readonly letters: readonly string[];
}

/** Rows and columns the sheet spans, with its merges and row heights. */
function layoutOf(sheet: SheetModel, w: SheetWriting): SheetLayout {
  const heights = rowHeightsOf(sheet);
  let rows = sheet.cells.length;
  let columns = 0;
  for (const row of sheet.cells) columns = Math.max(columns, row.length);
  for (const r of heights.keys()) rows = Math.max(rows, r + 1);
  const covered = new Map<number, Map<number, number>>();
  for (const range of sheet.merges) {
    const [from, to = from] = range.split(":").map(parseAddress);
    const style = sheet.cells[from!.row]?.[from!.column]?.style;
    const id = style ? w.styleIds[style] : 0;
    for (let r = from!.row; r <= to!.row; r++) {
      const inRow = covered.get(r) ?? new Map<number, number>();
      covered.set(r, inRow);
      for (let c = from!.column; c <= to!.column; c++)
        if (r !== from!.row || c !== from!.column) inRow.set(c, id);
    }
    rows = Math.max(rows, to!.row + 1);
    columns = Math.max(columns, to!.column + 1);
  }
  const letters = Array.from({ length: columns }, (_, c) => columnLetter(c));
  return { rows, columns, covered, heights, letters };
}

/** A formula's `<f>` and cached result, after the `<c …` attributes. */
function formulaXml(formula: string, result: ModelCell["value"]): string {
  const f = `<f>${xmlText(formula)}</f>`;
  if (result === null || result === undefined) return `>${f}`;
  if (typeof result === "string") return ` t="str">${f}<v>${xmlText(result)}</v>`;
  if (typeof result === "boolean") return ` t="b">${f}<v>${result ? 1 : 0}</v>`;
  // A result that is no number Excel holds is left out (it is recalculated on load anyway).
  return Number.isFinite(result) ? `>${f}<v>${result}</v>` : `>${f}`;
}

/** One cell ("" for an empty cell of no style); text goes to the shared strings, cut to fit. */
function cellXml(ref: string, cell: ModelCell, w: SheetWriting): string {
  const styleId = cell.style ? w.styleIds[cell.style] : 0;
  const head = styleId ? `<c r="${ref}" s="${styleId}"` : `<c r="${ref}"`;
  const value = cell.value;
  if (cell.formula !== undefined) return `${head}${formulaXml(cell.formula, value)}</c>`;
  if (value === null || value === undefined) return styleId ? `${head}/>` : "";
  if (typeof value === "string") return `${head} t="s"><v>${w.strings.id(cutText(value))}</v></c>`;
  if (typeof value === "boolean") return `${head} t="b"><v>${value ? 1 : 0}</v></c>`;
  // NaN or ±Infinity: #NUM! where the figure is, as writeWorkbook's excelValue writes it.
  if (!Number.isFinite(value)) return `${head} t="e"><v>#NUM!</v></c>`;
  return `${head}><v>${value}</v></c>`;
}

/** Row `r` (zero-based), or "" when it has neither a cell nor a height. */
function rowXml(sheet: SheetModel, layout: SheetLayout, r: number, w: SheetWriting): string {
  const cells = sheet.cells[r] ?? [];
  const covered = layout.covered.get(r);
  const number = r + 1;
  let body = "";
  const end = covered ? layout.columns : cells.length;
  for (let c = 0; c < end; c++) {
    const merged = covered?.get(c);
    if (merged !== undefined)
      body += merged
        ? `<c r="${layout.letters[c]}${number}" s="${merged}"/>`
        : `<c r="${layout.letters[c]}${number}"/>`;
    else if (cells[c]) body += cellXml(`${layout.letters[c]}${number}`, cells[c]!, w);
  }
  const set = layout.heights.get(r);
  // A height of 0 or less is left out, as exceljs does (0 would hide the row).
  const height = set !== undefined && set > 0 ? set : undefined;
  if (!body && height === undefined) return "";
  const ht = height === undefined ? "" : ` ht="${height}" customHeight="1"`;
  return body ? `<row r="${number}"${ht}>${body}</row>` : `<row r="${number}"${ht}/>`;
}

/** Column widths, neighbours of one width in one <col>. */
function colsXml(widths: readonly number[]): string {
  let xml = "";
  for (let c = 0; c < widths.length;) {
    let last = c;
    while (last + 1 < widths.length && widths[last + 1] === widths[c]) last++;
    if (widths[c] !== undefined && widths[c]! > 0)
      xml += `<col min="${c + 1}" max="${last + 1}" width="${widths[c]}" customWidth="1"/>`;
    c = last + 1;
  }
  return xml ? `<cols>${xml}</cols>` : "";
}

/** Everything before the first row: fit to page, extent, frozen rows, widths. */
function sheetHead(sheet: SheetModel, layout: SheetLayout): string {
  const fit = pageSetupOf(sheet).fitToPage ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : "";
  const extent =
    layout.rows > 0 && layout.columns > 0
      ? `A1:${layout.letters[layout.columns - 1]}${layout.rows}`
      : "A1";
  // Frozen rows, as viewsOf gives them to exceljs.
  const n = sheet.frozenRows;
  const panes =
    n > 0
      ? `<sheetView workbookViewId="0"><pane ySplit="${n}" topLeftCell="A${n + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/></sheetView>`
      : "";
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    `${fit}<dimension ref="${extent}"/>${panes ? `<sheetViews>${panes}</sheetViews>` : ""}` +
    `<sheetFormatPr defaultRowHeight="15"/>${colsXml(sheet.columnWidths)}<sheetData>`
  );
}

/**
 * The worksheet part of a sheet, piece by piece: the head, each row that has something, and the
 * tail (merges, data bars, validations, print setup).
 */
export function* leanSheetXml(sheet: SheetModel, w: SheetWriting): Generator<string> {
  const layout = layoutOf(sheet, w);
  yield sheetHead(sheet, layout);
  for (let r = 0; r < layout.rows; r++) {
    const row = rowXml(sheet, layout, r, w);
    if (row) yield row;
  }
  yield `</sheetData>${leanSheetTail(sheet, w.guid)}</worksheet>`;
}
