"use strict";
/*
 * The floors for validate and roll-up: only what no implementation can avoid — read each report
 * file and load it, one after the other, with one reader. Reports wall time and peak memory
 * (max RSS) the way bench/child.js does for a CLI command.
 *   node bench/floor.js DIR [lean|exceljs|sheetjs|quota]
 * lean: fflate unzips, saxes tokenises every sheet and the shared strings (the fastest floor
 * for JavaScript in issue 14's table); exceljs: today's reader before issue 14; sheetjs: SheetJS
 * 0.20.3 (@e965/xlsx); quota: the tool's own reader (src/adapters/read), load only.
 */
const { readFile } = require("fs/promises");
const { join } = require("path");
const { reportNames } = require("./reports.js");

const dir = process.argv[2];
const mode = process.argv[3] ?? "lean";

/** fflate + saxes: unzip, then tokenise the workbook, shared strings and sheets; count cells. */
function leanLoader() {
  const { unzipSync, strFromU8 } = require("fflate");
  const { SaxesParser } = require("saxes");
  return async (bytes) => {
    const parts = unzipSync(bytes, {
      filter: (f) => /^xl\/(workbook|sharedStrings|worksheets\/sheet\d+)\.xml$/.test(f.name),
    });
    let sheets = 0;
    for (const [name, data] of Object.entries(parts)) {
      const parser = new SaxesParser();
      let cells = 0;
      parser.on("opentag", (tag) => {
        if (tag.name === "c") cells++;
      });
      parser.on("text", () => undefined);
      parser.write(strFromU8(data)).close();
      if (name.startsWith("xl/worksheets/")) sheets++;
      void cells;
    }
    return sheets;
  };
}

function excelJsLoader() {
  const ExcelJS = require("exceljs");
  return async (bytes) => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes);
    return workbook.worksheets.length;
  };
}

function sheetJsLoader() {
  const XLSX = require("@e965/xlsx");
  return async (bytes) => XLSX.read(bytes, { type: "buffer", dense: true }).SheetNames.length;
}

/** The tool's own reader (src/adapters/read, built into dist/node): every sheet as a grid. */
function quotaLoader() {
  require("../dist/node/adapters/xlsx/node.js");
  const { readGrids } = require("../dist/node/adapters/xlsx/readGrids.js");
  return async (bytes) => (await readGrids(null, bytes, "report.xlsx")).length;
}

/** CPU time (all threads: the GC's too) since `from`: steadier than wall time on a shared machine. */
const cpuMs = (from) => {
  const u = process.cpuUsage(from);
  return (u.user + u.system) / 1000;
};

const load = {
  lean: leanLoader,
  exceljs: excelJsLoader,
  sheetjs: sheetJsLoader,
  quota: quotaLoader,
}[mode]();
const files = reportNames(dir)
  .sort()
  .map((n) => join(dir, n));
const start = process.hrtime.bigint();
const cpu0 = process.cpuUsage();
(async () => {
  let sheets = 0;
  for (const file of files) sheets += await load(await readFile(file));
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  process.stdout.write(
    JSON.stringify({
      code: sheets === files.length ? 0 : 1,
      files: files.length,
      ms,
      cpuMs: cpuMs(cpu0),
      maxRssMB: process.resourceUsage().maxRSS / 1024,
    })
  );
})();
