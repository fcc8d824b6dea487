"use strict";
/*
 * Report files for the validate and roll-up benchmarks: one filled-in 附件6 (June 2022) per
 * college, written once into out/bench/reports-N/ with the quota workbook beside the folder
 * (out/bench/reports-N.quota.xlsx), and reused while the folder holds N reports.
 */
const { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } = require("fs");
const { join } = require("path");

const MONTH = { year: 2022, month: 6 };
/** As the demo: how far each college has got by the end of June. */
const SHARES = [0.5, 0.46, 0.3, 0.52, 0.45, 0.6, 0.2, 0.48, 0.47, 0.5, 0.45, 0.49];

const reportNames = (dir) =>
  existsSync(dir) ? readdirSync(dir).filter((n) => /\.xlsx$/i.test(n)) : [];

/** A graduate table of `count` made-up colleges (学院1…), as the generate section uses. */
function graduatesCsv(work, count) {
  const rows = ["二级学院名称,本科生,高职生,中职生"];
  for (let i = 0; i < count; i++)
    rows.push(`学院${i + 1},${(i * 37) % 3000},${(i * 53) % 1200},${(i * 71) % 600}`);
  const file = join(work, `graduates-${count}.csv`);
  writeFileSync(file, rows.join("\n"));
  return file;
}

/**
 * The folder of `count` reports and its quota workbook; writes them when missing or when the
 * folder holds another number of files. 12 reports are the bundled 2022 sample's colleges.
 */
async function ensureReports(root, work, count) {
  const dir = join(work, `reports-${count}`);
  const quotaFile = join(work, `reports-${count}.quota.xlsx`);
  if (reportNames(dir).length === count && existsSync(quotaFile))
    return { dir, quotaFile, made: false };

  const { main } = require("../dist/node/cli/main.js");
  const { readGridsFromFile, writeModelToFile } = require("../dist/node/adapters/xlsx/node.js");
  const { readQuotaLookup } = require("../dist/node/core/report/quotaLookup.js");
  const { demoReport } = require("../dist/node/cli/demoReports.js");

  const graduates =
    count === 12 ? join(root, "samples", "plan-2022", "graduates.csv") : graduatesCsv(work, count);
  const silent = { stdout: () => undefined, stderr: () => undefined };
  if ((await main(["generate", graduates, "-o", quotaFile], silent)) !== 0)
    throw new Error(`quota generate failed for ${count} colleges`);
  const { colleges } = readQuotaLookup(await readGridsFromFile(quotaFile));
  if (colleges.length < count) throw new Error(`only ${colleges.length} colleges for ${count}`);

  // Written into a scratch folder and renamed: an interrupted run is never taken for a full one.
  const scratch = `${dir}.partial`;
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch, { recursive: true });
  const width = String(count).length;
  const started = Date.now();
  for (let i = 0; i < count; i++) {
    const targets = colleges[i];
    const sheet = demoReport(targets, MONTH, SHARES[i % SHARES.length], 18 + (i % 9));
    const name = `${String(i + 1).padStart(width, "0")}-${targets.college}-2022年6月.xlsx`;
    await writeModelToFile({ sheets: [sheet] }, join(scratch, name));
    if ((i + 1) % 1000 === 0)
      process.stdout.write(
        `  已写入 ${i + 1} / ${count} 份月报（${((Date.now() - started) / 1000).toFixed(0)} s）\n`
      );
  }
  rmSync(dir, { recursive: true, force: true });
  renameSync(scratch, dir);
  return { dir, quotaFile, made: true };
}

module.exports = { ensureReports, graduatesCsv, reportNames };
