/**
 * A file-format-free description of the sheets the product writes. The exceljs adapter turns it
 * into an .xlsx, the Office.js adapter into ranges of the open workbook.
 */
export type ModelValue = string | number | boolean | null;

export interface ModelCell {
  readonly value: ModelValue;
  /** A formula without the leading "="; `value` is then its cached result. */
  readonly formula?: string;
  readonly style?: CellStyleName;
}

/** Named styles, so both adapters render the same look. */
export type CellStyleName =
  | "title"
  | "header"
  | "text"
  | "integer"
  | "percent"
  | "total"
  | "totalText"
  | "note"
  | "warning"
  /** A bordered label cell of a printed form (附件6), centred and wrapped. */
  | "formLabel"
  /** A bordered cell a college fills in: whole numbers. */
  | "formInput"
  /** A bordered computed percentage in a form (0.00 as a percent number, e.g. 45.67). */
  | "formPercent"
  /** Plain text of a form outside the grid (填报单位, 填报人 …). */
  | "formText";

export interface SheetModel {
  readonly name: string;
  /** Marks the sheet as the product's own (table1, params …), so a later run may update it and never anything else. */
  readonly key?: string;
  /** Row-major from A1; null is an empty cell. */
  readonly cells: readonly (readonly (ModelCell | null)[])[];
  readonly merges: readonly string[];
  /** Widths in characters, per column from A. */
  readonly columnWidths: readonly number[];
  /** Rows frozen at the top (the title and the header). */
  readonly frozenRows: number;
  /** The header row and the last data row (zero-based, 合计 excluded), when the sheet holds one table. */
  readonly table?: {
    readonly headerRow: number;
    readonly lastRow: number;
    readonly columns: number;
  };
  readonly landscape?: boolean;
  /** Cells that only take whole numbers ≥ 0 (data validation), as A1 ranges. */
  readonly wholeNumberRanges?: readonly string[];
  /** Cells that take one of a list of values (a drop-down), as A1 ranges. */
  readonly choiceRanges?: readonly ChoiceRange[];
  /** A bar chart over a block whose first column holds the categories and first row the series names (drawn where the host can). */
  readonly chart?: {
    readonly title: string;
    readonly source: string;
    /** Where the chart is drawn (A1 range of empty rows kept for it, printed on a page of its own); the host chooses when absent. */
    readonly at?: string;
  };
  /** Ranges shown with data bars (progress at a glance where no chart can be drawn). */
  readonly dataBars?: readonly string[];
  /** Row heights in points, by zero-based row; unset rows keep the default. */
  readonly rowHeights?: Readonly<Record<number, number>>;
}

export interface ChoiceRange {
  readonly range: string;
  readonly values: readonly string[];
}

export interface WorkbookModel {
  readonly sheets: readonly SheetModel[];
}

export const cell = (value: ModelValue, style?: CellStyleName, formula?: string): ModelCell =>
  formula === undefined ? { value, style } : { value, style, formula };

/** The defined name that marks a sheet as the product's own; it follows the sheet through renames and survives save. */
export const OWNER_NAME_PREFIX = "_QUOTA_";

export const ownerName = (key: string) => `${OWNER_NAME_PREFIX}${key}`;
