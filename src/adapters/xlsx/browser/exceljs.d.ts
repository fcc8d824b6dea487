/** exceljs built from its sources for the page (see exceljs.js): the package's own typings. */
declare const ExcelJS: typeof import("exceljs");
export = ExcelJS;
