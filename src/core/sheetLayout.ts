import { CELL_STYLES, CellLook } from "./cellStyles";
import { parseAddress } from "./grid";
import { heightForLines, textWidth, widthForText, wrapText, CELL_PADDING } from "./textWidth";
import type { ModelCell, SheetModel } from "./workbookModel";

/** A cell's area on the page: one cell, or the merge it begins. */
interface Area {
  readonly row: number;
  readonly column: number;
  readonly lastRow: number;
  readonly lastColumn: number;
}

/** The widest a wrapping column grows before its text wraps, in digit widths. */
export const WRAP_WIDTH = 36;

/** The text a cell shows, as its number format prints it. */
export function shownText(cell: ModelCell | null): string {
  if (!cell || cell.value === null) return "";
  const value = cell.value;
  if (typeof value !== "number") return String(value);
  const format = cell.style ? CELL_STYLES[cell.style].numberFormat : undefined;
  if (format === "0") return String(Math.round(value));
  if (format === "0.00") return value.toFixed(2);
  if (format === "0.00%") return `${(value * 100).toFixed(2)}%`;
  return String(value);
}

const lookOf = (cell: ModelCell) => CELL_STYLES[cell.style ?? "text"];

/** A filled cell, the area it prints in (its own fields: one object per cell), its shown text and its look. */
export interface PlacedCell extends Area {
  readonly cell: ModelCell;
  readonly text: string;
  readonly look: CellLook;
  /** textWidth of the text in its look when it is one line; null when it has line breaks. */
  readonly oneLine: number | null;
}

/** A cell's key in the maps below: a number, not a "row,column" string, for sheets of many cells. */
const keyOf = (row: number, column: number) => row * 16_384 + column;

/** The merges' areas by their first cell, and the cells they cover besides. */
function mergeAreas(merges: readonly string[]): {
  merged: Map<number, Area>;
  covered: Set<number>;
} {
  const merged = new Map<number, Area>();
  const covered = new Set<number>();
  for (const range of merges) {
    const [from, to = from] = range.split(":").map(parseAddress);
    const area = { row: from!.row, column: from!.column, lastRow: to!.row, lastColumn: to!.column };
    merged.set(keyOf(area.row, area.column), area);
    for (let r = area.row; r <= area.lastRow; r++)
      for (let c = area.column; c <= area.lastColumn; c++)
        if (r !== area.row || c !== area.column) covered.add(keyOf(r, c));
  }
  return { merged, covered };
}

/**
 * textWidth of one-line texts in a look, each distinct text measured once: a ledger repeats them,
 * and a lookup costs less than measuring before V8 optimizes (a sheet is laid out once per run).
 */
function oneLineWidths(): (text: string, look: CellLook) => number | null {
  const byLook = new Map<CellLook, Map<string, number | null>>();
  return (text, look) => {
    let widths = byLook.get(look);
    if (!widths) byLook.set(look, (widths = new Map()));
    let width = widths.get(text);
    if (width === undefined) {
      width = text.includes("\n") ? null : textWidth(text, look.size, look.bold);
      widths.set(text, width);
    }
    return width;
  };
}

/**
 * The filled cells of a sheet (merges by their first cell; covered cells skipped) as parallel
 * arrays, entry i for the i-th cell (i < cells.length): a ledger of thousands of rows lays out
 * without an object per cell, and its numbers sit in typed arrays sized once (not grown by push:
 * less for the garbage collector).
 */
interface Placed {
  readonly cells: ModelCell[];
  readonly rows: Int32Array;
  readonly columns: Int32Array;
  readonly lastRows: Int32Array;
  readonly lastColumns: Int32Array;
  readonly texts: string[];
  readonly looks: CellLook[];
  /** textWidth of the text in its look when it is one line; NaN when it has line breaks. */
  readonly oneLines: Float64Array;
}

/** How many cells the sheet's rows hold (empty ones too): the most placeCells can place. */
function cellCount(rows: SheetModel["cells"]): number {
  let count = 0;
  for (const row of rows) if (row) for (let c = 0; c < row.length; c++) if (row[c]) count++;
  return count;
}

function placeCells(sheet: SheetModel): Placed {
  const { merged, covered } = mergeAreas(sheet.merges);
  const measure = oneLineWidths();
  const rows = sheet.cells;
  const most = cellCount(rows);
  const p: Placed = {
    cells: [],
    rows: new Int32Array(most),
    columns: new Int32Array(most),
    lastRows: new Int32Array(most),
    lastColumns: new Int32Array(most),
    texts: [],
    looks: [],
    oneLines: new Float64Array(most),
  };
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (!row) continue;
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (!cell) continue;
      const text = shownText(cell);
      if (text === "" || (covered.size > 0 && covered.has(keyOf(r, c)))) continue;
      const area = merged.size > 0 ? merged.get(keyOf(r, c)) : undefined;
      const look = lookOf(cell);
      const i = p.cells.length;
      p.cells.push(cell);
      p.rows[i] = r;
      p.columns[i] = c;
      p.lastRows[i] = area ? area.lastRow : r;
      p.lastColumns[i] = area ? area.lastColumn : c;
      p.texts.push(text);
      p.looks.push(look);
      p.oneLines[i] = measure(text, look) ?? NaN;
    }
  }
  return p;
}

/** Every filled cell with the area it prints in (merges by their first cell; covered cells skipped). */
export function cellAreas(sheet: SheetModel): PlacedCell[] {
  const p = placeCells(sheet);
  return p.cells.map((cell, i) => ({
    cell,
    row: p.rows[i]!,
    column: p.columns[i]!,
    lastRow: p.lastRows[i]!,
    lastColumn: p.lastColumns[i]!,
    text: p.texts[i]!,
    look: p.looks[i]!,
    oneLine: Number.isNaN(p.oneLines[i]) ? null : p.oneLines[i]!,
  }));
}

const DEFAULT_HEIGHT = heightForLines(1);

const sumOf = (values: readonly number[], from: number, to: number, fallback: number) => {
  let total = 0;
  for (let i = from; i <= to; i++) total += values[i] ?? fallback;
  return total;
};

/** The lines a cell takes in a width: wrapped when its style wraps, else its own lines. */
export function linesIn(cell: ModelCell, width: number): string[] {
  const look = lookOf(cell);
  const text = shownText(cell);
  if (!look.wrap) return text.split("\n");
  const room = width - CELL_PADDING.width;
  // Most cells fit on one line: no need to wrap them.
  if (!text.includes("\n") && textWidth(text, look.size, look.bold) <= room) return [text];
  return wrapText(text, room, look.size, look.bold);
}

/**
 * How many lines linesIn gives for placed cell i, without making them when the text fits; a text
 * wrapped once per width and look (a ledger repeats each file's texts on its four rows).
 */
function lineCounter(p: Placed): (i: number, width: number) => number {
  const wrapped = new Map<CellLook, Map<number, Map<string, number>>>();
  return (i, width) => {
    const text = p.texts[i]!;
    const look = p.looks[i]!;
    const oneLine = p.oneLines[i]!;
    if (!look.wrap) return Number.isNaN(oneLine) ? text.split("\n").length : 1;
    const room = width - CELL_PADDING.width;
    if (!Number.isNaN(oneLine) && oneLine <= room) return 1;
    let byRoom = wrapped.get(look);
    if (!byRoom) wrapped.set(look, (byRoom = new Map()));
    let counts = byRoom.get(room);
    if (!counts) byRoom.set(room, (counts = new Map()));
    let count = counts.get(text);
    if (count === undefined)
      counts.set(text, (count = wrapText(text, room, look.size, look.bold).length));
    return count;
  };
}

/** widthForText of placed cell i, from the width of its one line when it has one. */
function widthOf(p: Placed, i: number): number {
  const oneLine = p.oneLines[i]!;
  const look = p.looks[i]!;
  return Number.isNaN(oneLine)
    ? widthForText(p.texts[i]!, look.size, look.bold)
    : Math.ceil(Math.max(0, oneLine) + CELL_PADDING.width);
}

/** Each column as wide as its widest unmerged text; a merge too narrow widens its last column. */
function columnWidths(p: Placed, base: readonly number[], wrapWidth: number) {
  const widths = [...base];
  const n = p.cells.length;
  for (let i = 0; i < n; i++) {
    const column = p.columns[i]!;
    if (column !== p.lastColumns[i]) continue;
    const need = widthOf(p, i);
    const wrapped = p.looks[i]!.wrap ? Math.min(need, wrapWidth) : need;
    widths[column] = Math.max(widths[column] ?? 0, wrapped);
  }
  for (let i = 0; i < n; i++) {
    const column = p.columns[i]!;
    const last = p.lastColumns[i]!;
    if (column === last || p.looks[i]!.wrap) continue;
    const need = widthOf(p, i);
    const have = sumOf(widths, column, last, 8);
    if (need > have) widths[last] = (widths[last] ?? 8) + need - have;
  }
  return widths;
}

/**
 * Column widths and row heights from the text the cells hold (the sheet's own are minimums): a
 * column is as wide as its widest unmerged text (wrapping text up to `wrapWidth`, then it wraps),
 * a merge too narrow for unwrapped text widens its last column, and each row is as tall as its
 * most wrapped cell; a merge over several rows shares out what it lacks.
 */
export function layoutSheet(sheet: SheetModel, wrapWidth = WRAP_WIDTH): SheetModel {
  const p = placeCells(sheet);
  const widths = columnWidths(p, sheet.columnWidths, wrapWidth);
  const heights: number[] = [];
  sheet.cells.forEach((_, r) => (heights[r] = sheet.rowHeights?.[r] ?? DEFAULT_HEIGHT));
  const lineCount = lineCounter(p);
  const tall = (i: number) => {
    const width = sumOf(widths, p.columns[i]!, p.lastColumns[i]!, 8);
    return heightForLines(lineCount(i, width), p.looks[i]!.size);
  };
  const n = p.cells.length;
  for (let i = 0; i < n; i++) {
    const row = p.rows[i]!;
    if (row === p.lastRows[i]) heights[row] = Math.max(heights[row]!, tall(i));
  }
  for (let i = 0; i < n; i++) {
    const row = p.rows[i]!;
    const last = p.lastRows[i]!;
    if (row === last) continue;
    const lack = tall(i) - sumOf(heights, row, last, DEFAULT_HEIGHT);
    if (lack <= 0) continue;
    const share = Math.ceil(lack / (last - row + 1));
    for (let r = row; r <= last; r++) heights[r] = (heights[r] ?? DEFAULT_HEIGHT) + share;
  }
  const rowHeights: Record<number, number> = {};
  heights.forEach((h, r) => (rowHeights[r] = h));
  return { ...sheet, columnWidths: widths.map((w) => w ?? 8), rowHeights };
}

/** A cell whose text does not fit where it prints, by the width model. */
export interface Overflow {
  readonly row: number;
  readonly column: number;
  readonly text: string;
  readonly problem: string;
}

/** The cells whose text is wider than their area (unwrapped) or taller than it (wrapped). */
export function overflowingCells(sheet: SheetModel): Overflow[] {
  const problems: Overflow[] = [];
  const widths = sheet.columnWidths;
  const heights = sheet.cells.map((_, r) => sheet.rowHeights?.[r] ?? DEFAULT_HEIGHT);
  for (const area of cellAreas(sheet)) {
    const cell = area.cell;
    const look = lookOf(cell);
    const width = sumOf(widths, area.column, area.lastColumn, 8);
    const height = sumOf(heights, area.row, area.lastRow, DEFAULT_HEIGHT);
    const lines = linesIn(cell, width);
    const at = { row: area.row, column: area.column, text: shownText(cell) };
    const widest = Math.max(...lines.map((l) => textWidth(l, look.size, look.bold)));
    if (widest + CELL_PADDING.width > width + 0.01)
      problems.push({ ...at, problem: `宽 ${widest.toFixed(1)} > ${width}` });
    if (heightForLines(lines.length, look.size) > height + 0.01)
      problems.push({ ...at, problem: `${lines.length} 行高于 ${height}pt` });
    if (lines.some((l, i) => i > 0 && /^[）)》」』】，。、；：％%]/u.test(l)))
      problems.push({ ...at, problem: "行首是标点" });
  }
  return problems;
}
