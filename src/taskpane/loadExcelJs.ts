import type { ExcelModule } from "../adapters/xlsx/excelModule";

let pending: Promise<ExcelModule> | null = null;

/** exceljs is large: it loads only when a file is picked or written, never at start-up. */
export function loadExcelJs(): Promise<ExcelModule> {
  pending ??= import(/* webpackChunkName: "exceljs" */ "exceljs").then(
    (m) => ((m as unknown as { default?: ExcelModule }).default ?? m) as ExcelModule
  );
  return pending;
}

/** JSZip, to add the charts exceljs cannot write (loaded with the first master written). */
export async function loadJsZip(): Promise<import("../adapters/xlsx/addChart").ZipModule> {
  const m = await import(/* webpackChunkName: "jszip" */ "jszip");
  return ((m as unknown as { default?: unknown }).default ??
    m) as import("../adapters/xlsx/addChart").ZipModule;
}
