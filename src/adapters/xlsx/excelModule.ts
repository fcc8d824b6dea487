/** The exceljs namespace, handed in by the host: required in Node, loaded lazily in the browser. */
export type ExcelModule = typeof import("exceljs");
export type ExcelWorkbook = import("exceljs").Workbook;
export type ExcelWorksheet = import("exceljs").Worksheet;
