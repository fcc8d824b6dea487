/*
 * Stands in for exceljs's CSV support (lib/csv/csv.js, with fast-csv and dayjs) in the page,
 * which reads CSV with its own reader and writes none: workbook.csv says so instead.
 */
module.exports = class NoCsv {
  constructor() {
    throw new Error("exceljs's CSV support is not part of the page's build");
  }
};
