/** A cell's value as the core sees it, whatever host or file it came from. */
export type CellValue = string | number | boolean | Date | null;

/** Whether a person sees the sheet: shown, hidden (可取消隐藏) or veryHidden (only through VBA). */
export type SheetState = "visible" | "hidden" | "veryHidden";

/** What the file says about a cell besides its value; only cells with something to say have one. */
export interface CellInfo {
  /** The cell holds a formula; its value is the result the file cached. */
  readonly formula: boolean;
  /** A formula with no cached result in the file (never calculated, or saved without results). */
  readonly noCachedValue?: boolean;
  /** The formula's text without "=", when the file gives it (not for a shared formula's followers). */
  readonly formulaText?: string;
  /** The number format, when not General. */
  readonly numberFormat?: string;
}

/**
 * One sheet's used values, row-major from A1: `rows[r][c]` is the cell at row r+1, column c+1.
 * Rows may be sparse (holes where nothing is written): walk them with `eachCell`, never by
 * length, so a stray cell at column XFD costs one cell and not 16,384.
 */
export interface Grid {
  readonly name: string;
  readonly rows: readonly (readonly CellValue[])[];
  /** Absent for grids that did not come from a file (Office ranges, CSV): visible. */
  readonly state?: SheetState;
  /** The file asks Excel to recalculate on open (cached results may be stale). */
  readonly calcOnLoad?: boolean;
  /** Formula and number-format facts for a cell, when the reader kept them. */
  readonly info?: (row: number, column: number) => CellInfo | undefined;
}

/** Calls `fn` for each written cell of a row, left to right, skipping holes however wide the row. */
export function eachCell(
  row: readonly CellValue[] | undefined,
  fn: (value: CellValue, column: number) => void
): void {
  if (!row) return;
  if (row.length <= 64) {
    for (let c = 0; c < row.length; c++) if (c in row) fn(row[c] ?? null, c);
    return;
  }
  for (const key in row) {
    const c = Number(key);
    if (Number.isInteger(c)) fn(row[c] ?? null, c);
  }
}

/** The written cells of a row as [column, value] pairs (see `eachCell`). */
export function cellsOf(row: readonly CellValue[] | undefined): [number, CellValue][] {
  const out: [number, CellValue][] = [];
  eachCell(row, (v, c) => out.push([c, v]));
  return out;
}

export function cellInfo(grid: Grid, row: number, column: number): CellInfo | undefined {
  return grid.info?.(row, column);
}

/** Letters of the columns met so far (a run names the same few thousands of times). */
const LETTERS: (string | undefined)[] = new Array<string | undefined>(1024);

/** 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  if ((index | 0) !== index || index < 0 || index >= 1024) return letters(index);
  return (LETTERS[index] ??= letters(index));
}

function letters(index: number): string {
  let n = index + 1;
  let text = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    text = String.fromCharCode(65 + r) + text;
    n = Math.floor((n - 1) / 26);
  }
  return text;
}

/** Zero-based row and column → "B3". */
export function cellAddress(row: number, column: number): string {
  return `${columnLetter(column)}${row + 1}`;
}

/** "B3" → zero-based { row: 2, column: 1 }. */
export function parseAddress(address: string): { row: number; column: number } {
  const match = /^\$?([A-Z]+)\$?(\d+)$/i.exec(address.trim());
  if (!match) throw new RangeError(`not a cell address: ${address}`);
  let column = 0;
  for (const ch of match[1]!.toUpperCase()) column = column * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(match[2]) - 1, column: column - 1 };
}

export function cellAt(grid: Grid, row: number, column: number): CellValue {
  return grid.rows[row]?.[column] ?? null;
}

/** A cell as text, for matching labels. */
export function cellText(value: CellValue): string {
  if (value === null) return "";
  if (value instanceof Date) return dateText(value);
  return String(value).trim();
}

/** A sheet name as written in a formula; quoting is always valid, in Excel, WPS and LibreOffice alike. */
export function sheetRef(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** A date as a person reads it: 2022-07-05, with the time only when there is one. */
export function dateText(value: Date): string {
  if (Number.isNaN(value.getTime())) return "";
  const iso = value.toISOString();
  const time = iso.slice(11, 19);
  return time === "00:00:00" ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${time}`;
}
