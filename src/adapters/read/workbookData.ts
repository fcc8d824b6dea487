import type { Grid } from "../../core/grid";

/** A name defined in the workbook: a sheet's ownership name, a print area, a named range. */
export interface DefinedName {
  readonly name: string;
  /** What it refers to, as written ('Sheet'!$A$1). */
  readonly ref: string;
  /** The sheet it is local to, when it is. */
  readonly localSheet: string | null;
  readonly hidden: boolean;
}

/** A spreadsheet file as the reader layer gives it, whatever its format. */
export interface WorkbookData {
  readonly format: "xlsx" | "xls" | "ods" | "csv";
  /** Every sheet, visible or not, in the workbook's order, with merges. */
  readonly sheets: readonly (Grid & { readonly merges: readonly string[] })[];
  readonly definedNames: readonly DefinedName[];
}
