"use strict";
/*
 * The floor for validate and roll-up: only what no implementation can avoid — read each report
 * file and load it with exceljs, one after the other. Reports wall time and peak memory (max RSS)
 * the way bench/child.js does for a CLI command.
 */
const ExcelJS = require("exceljs");
const { readFile } = require("fs/promises");
const { join } = require("path");
const { reportNames } = require("./reports.js");

const dir = process.argv[2];
const files = reportNames(dir)
  .sort()
  .map((n) => join(dir, n));
const start = process.hrtime.bigint();
(async () => {
  let sheets = 0;
  for (const file of files) {
    const bytes = await readFile(file);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes);
    sheets += workbook.worksheets.length;
  }
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  process.stdout.write(
    JSON.stringify({
      code: sheets === files.length ? 0 : 1,
      files: files.length,
      ms,
      maxRssMB: process.resourceUsage().maxRSS / 1024,
    })
  );
})();
