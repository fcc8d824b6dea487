import type { ExcelModule } from "../adapters/xlsx/excelModule";
import { setSheetJsLoader } from "../adapters/read/sheetJsModule";

// .xls, .et and .ods files are read by SheetJS, in its own chunk loaded on the first such file.
setSheetJsLoader(() => import(/* webpackChunkName: "sheetjs" */ "@e965/xlsx"));

let pending: Promise<ExcelModule> | null = null;

/** exceljs is large: it loads only when a file is picked or written, never at start-up. */
export function loadExcelJs(): Promise<ExcelModule> {
  pending ??= import(/* webpackChunkName: "exceljs" */ "exceljs").then(
    (m) => ((m as unknown as { default?: ExcelModule }).default ?? m) as ExcelModule
  );
  return pending;
}

type ReaderModule = typeof import("../adapters/xlsx/readGrids");
let reader: Promise<ReaderModule> | null = null;

/** The file reader (format sniffing, unzip, sheet parsing) is a chunk of its own, loaded on the first file. */
export function loadReader(): Promise<ReaderModule> {
  reader ??= import(/* webpackChunkName: "reader" */ "../adapters/xlsx/readGrids.js");
  return reader;
}
