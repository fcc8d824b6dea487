/** The exceljs namespace, handed in by the host: required in Node, loaded lazily in the browser. */
export type ExcelModule = typeof import("exceljs");
export type ExcelWorkbook = import("exceljs").Workbook;
export type ExcelWorksheet = import("exceljs").Worksheet;

/**
 * How exceljs zips a workbook written into: deflate at level 1 (JSZip's pako at its default level
 * was a third of a month's `rollup --into` of the sample master), as our own writer does.
 */
export const EXCELJS_ZIP: Partial<import("exceljs").XlsxWriteOptions> = {
  zip: { compression: "DEFLATE", compressionOptions: { level: 1 } },
};
