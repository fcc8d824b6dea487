import type { Grid } from "./grid";
import { ColumnMapping, layoutFromMapping } from "./columnMapping";
import { findGraduateTable, GraduateTable, readGraduateTable } from "./graduateTable";
import { buildQuotaTables, QuotaOptions, QuotaTables } from "./quotaTables";
import { buildQuotaWorkbook, FormulaStyle } from "./quotaWorkbook";
import type { WorkbookModel } from "./workbookModel";

export interface GenerateOptions extends QuotaOptions {
  readonly formulas?: FormulaStyle;
  /** Columns named by a person when the header is not found automatically. */
  readonly columns?: ColumnMapping;
  /** The graduates' 届 for the titles, over what the graduate file says (2022届…). */
  readonly year?: number;
}

export interface GenerateResult {
  readonly graduates: GraduateTable;
  readonly tables: QuotaTables;
  readonly workbook: WorkbookModel;
}

/** From the sheets of a graduate file to the quota workbook: find the table, compute, lay out. */
export function generateQuotas(
  grids: readonly Grid[],
  options: GenerateOptions = {}
): GenerateResult {
  const graduates = options.columns
    ? mappedTable(grids, options.columns)
    : findGraduateTable(grids);
  const tables = buildQuotaTables(graduates.colleges, options);
  const workbook = buildQuotaWorkbook(tables, {
    formulas: options.formulas,
    year: options.year ?? graduates.year,
  });
  return { graduates, tables, workbook };
}

function mappedTable(grids: readonly Grid[], columns: ColumnMapping): GraduateTable {
  const layout = layoutFromMapping(grids, columns);
  return readGraduateTable(
    grids.find((g) => g.name === layout.sheet)!,
    layout
  );
}
