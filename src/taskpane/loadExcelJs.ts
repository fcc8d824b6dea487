import type { ExcelModule } from "../adapters/xlsx/excelModule";

let pending: Promise<ExcelModule> | null = null;

/** exceljs is large: it loads only when a file is picked or written, never at start-up. */
export function loadExcelJs(): Promise<ExcelModule> {
  pending ??= import(/* webpackChunkName: "exceljs" */ "exceljs").then(
    (m) => ((m as unknown as { default?: ExcelModule }).default ?? m) as ExcelModule
  );
  return pending;
}
