/** A cell's value as the core sees it, whatever host or file it came from. */
export type CellValue = string | number | boolean | Date | null;

/** One sheet's used values, row-major from A1: `rows[r][c]` is the cell at row r+1, column c+1. */
export interface Grid {
  readonly name: string;
  readonly rows: readonly (readonly CellValue[])[];
  /** Whether the sheet is shown; unset is visible (CSV, hosts that do not say). */
  readonly state?: "visible" | "hidden" | "veryHidden";
}

/** 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    letters = String.fromCharCode(65 + r) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
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
  if (value instanceof Date) return value.toISOString();
  return String(value).trim();
}

/** A sheet name as written in a formula; quoting is always valid, in Excel, WPS and LibreOffice alike. */
export function sheetRef(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}
