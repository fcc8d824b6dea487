"use strict";
/* Supporting lists at scale: node bench/lists.js [--json] [--no-files] [rows...] after `npm run build:cli`.
   Part 1 (files): report workbooks (附件6 + 培训名单 + 取证名单, 30 colleges × 10 months, the form's
   figures equal to the lists') are written once to out/bench/lists-N/; then, each in a fresh process,
   `quota validate DIR` (QUOTA_ID_KEY set: read, check, reconcile, dedupe across the files) beside
   the bare exceljs load of the same files and the lean floor (fflate + saxes), wall time and max RSS.
   Part 2 (core, in memory) as before:
   Rows are generated in memory, report by report (30 colleges × 10 months; a third 取证, two thirds 培训,
   a third of the certificates with a 身份证号 hashed by the core's pure-TS HMAC), then parsed,
   checked, reconciled against a form built from the list counts, cross-checked against the master's
   ledger and merged into it — what `quota rollup` will do. Each size runs in its own child process so
   its peak RSS is its own. A final case reads 100,000 rows from one sheet of one report. */
const { execFileSync } = require("child_process");
const { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } = require("fs");
const { join } = require("path");

const dist = join(__dirname, "..", "dist", "node", "core", "lists");
const COLLEGES = 30;
let plantedCount = 0;
const MONTHS = 10; // 2022-03 … 2022-12
const TRAINING_HEADER = [
  "序号",
  "学号",
  "姓名",
  "专业",
  "年级",
  "学历层次",
  "培训项目",
  "培训形式",
  "培训日期",
];
const CERT_HEADER = [
  "序号",
  "学号",
  "姓名",
  "专业",
  "年级",
  "学历层次",
  "证书类型",
  "证书名称或职业（工种）",
  "等级",
  "证书编号",
  "发证日期",
  "身份证号",
];
const TYPES = ["职业技能等级证书", "职业资格证书", "1+X证书", "专项职业能力证书"];
const RANKS = {
  职业技能等级证书: ["高级工", "中级工"],
  职业资格证书: ["高级工", "技师"],
  "1+X证书": ["中级", "初级"],
  专项职业能力证书: [""],
};

function idNumber(n) {
  const birth = new Date(Date.UTC(1998, 0, 1) + (n % 3650) * 86_400_000).toISOString().slice(0, 10);
  const body = `410102${birth.replace(/-/g, "")}${String(Math.floor(n / 3650) % 1000).padStart(3, "0")}`;
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body[i]) * w[i];
  return body + "10X98765432"[sum % 11];
}

/** One college's lists for one month: `rows` rows, a third certificates. */
function reportGrids(college, month, rows, serial) {
  const mm = String(month).padStart(2, "0");
  const certRows = [["取证名单"], CERT_HEADER];
  const trainRows = [["培训名单"], TRAINING_HEADER];
  for (let i = 0; i < rows; i++) {
    const n = serial + i;
    const student = `${college}${String(n).padStart(7, "0")}`;
    const day = `2022-${mm}-${String((i % 27) + 1).padStart(2, "0")}`;
    if (i % 3 === 0) {
      const type = TYPES[n % 4];
      const rank = RANKS[type][n % RANKS[type].length];
      const id = n % 9 === 0 ? idNumber(n) : null;
      const planted = i >= 3 && n % 1000 === 0; // a duplicate 证书编号, once in 1000 rows
      if (planted) plantedCount++;
      certRows.push([
        i + 1,
        student,
        "张三",
        "会计",
        "2020级",
        "高职（专科）",
        type,
        `职业${n % 50}`,
        rank,
        `Z${planted ? n - 3 : n}`,
        day,
        id,
      ]);
    } else {
      trainRows.push([
        i + 1,
        student,
        "李四",
        "会计",
        "2020级",
        "高职（专科）",
        `项目${n % 200}`,
        "培训",
        day,
      ]);
    }
  }
  return [
    { name: "取证名单", rows: certRows },
    { name: "培训名单", rows: trainRows },
  ];
}

function formOf(lists, check, master, college, month) {
  const { listCounts } = lists.reconcile;
  const sections = {};
  ["training", "advanced", "nonadvanced", "onex"].forEach((key, i) => {
    const c = listCounts(check.ledger, master, college, key, month);
    const row = 5 + i * 2;
    sections[key] = {
      key,
      found: true,
      target: 0,
      month: c.month,
      cumulative: c.toDate,
      rate: null,
      cells: {
        label: `A${row}`,
        target: `B${row}`,
        month: `C${row}`,
        cumulative: `D${row}`,
        rate: `E${row}`,
      },
    };
  });
  return { sheet: "附件6", college, month, sections };
}

function load() {
  return {
    check: require(join(dist, "checkLists.js")),
    reconcile: require(join(dist, "reconcileLists.js")),
    merge: require(join(dist, "mergeLedger.js")),
    ledger: require(join(dist, "listLedger.js")),
    hasher: require(join(dist, "idHasher.js")),
  };
}

function child(total, single) {
  const lists = load();
  const hasher = lists.hasher.makeIdHasher("bench-secret-key-0123456789");
  const master = new lists.ledger.ListLedger();
  let peak = 0;
  let findings = 0;
  const codes = {};
  let notReconciled = 0;
  let rowsSeen = 0;
  const reports = single ? [[0, 6]] : [];
  if (!single)
    for (let m = 3; m < 3 + MONTHS; m++) for (let c = 0; c < COLLEGES; c++) reports.push([c, m]);
  const perReport = Math.ceil(total / reports.length);
  const start = process.hrtime.bigint();
  let generating = 0n;
  reports.forEach(([c, m], k) => {
    const college = `学院${String(c).padStart(2, "0")}`;
    const g0 = process.hrtime.bigint();
    const grids = reportGrids(college, m, perReport, k * perReport);
    generating += process.hrtime.bigint() - g0;
    const check = lists.check.checkLists(grids, {
      college,
      month: { year: 2022, month: m },
      hasher,
    });
    const monthText = `2022-${String(m).padStart(2, "0")}`;
    const rec = lists.reconcile.reconcileLists(
      formOf(lists, check, master, college, monthText),
      check.ledger,
      master,
      check.present
    );
    const cross = lists.merge.crossCheck(master, check.ledger);
    lists.merge.mergeLedger(master, check.ledger);
    rowsSeen += check.rows;
    for (const f of [...check.findings, ...cross, ...rec.findings])
      codes[f.code] = (codes[f.code] || 0) + 1;
    findings += check.findings.length + cross.length + rec.findings.length;
    if (!rec.reconciled) notReconciled++;
    peak = Math.max(peak, process.memoryUsage.rss());
  });
  const ms = Number(process.hrtime.bigint() - start - generating) / 1e6;
  const maxRss = Math.max(peak, process.resourceUsage().maxRSS * 1024);
  process.stdout.write(
    JSON.stringify({
      rows: rowsSeen,
      reports: reports.length,
      ms,
      generatingMs: Number(generating) / 1e6,
      peakRssMB: maxRss / 2 ** 20,
      findings,
      planted: plantedCount,
      codes,
      cpuMs: process.cpuUsage().user / 1000,
      notReconciled,
      keys: master.numbers.size + master.trainings.size,
    }) + "\n"
  );
}

const root = join(__dirname, "..");
const TARGET = 100_000; // each section's 年度任务 in the bench's forms: rates stay small and valid

/** A 附件6 whose figures are the lists' own counts (so only the planted duplicates are findings). */
function formSheet(college, month, counts) {
  const { demoReport, fill } = require(join(root, "dist/node/cli/demoReports.js"));
  const { TEMPLATE_CELLS } = require(join(root, "dist/node/core/report/buildReportTemplate.js"));
  const { percent } = require(join(root, "dist/node/core/rollup/rollupSummary.js"));
  const targets = {
    college,
    training: TARGET,
    advanced: TARGET,
    nonadvanced: TARGET,
    onex: TARGET,
  };
  const base = demoReport(targets, { year: 2022, month }, 0, 20);
  const values = {};
  for (const [s, c] of Object.entries(counts)) {
    const cells = TEMPLATE_CELLS.sections[s];
    values[cells.month] = c.month;
    values[cells.cumulative] = c.toDate;
    values[cells.rate] = percent(c.toDate, TARGET);
  }
  return fill(base, values);
}

/** A list grid as a sheet of plain values (title, header, rows). */
const gridSheet = (grid) => ({
  name: grid.name,
  cells: grid.rows.map((r) => r.map((v) => (v === null ? null : { value: v }))),
  merges: [],
  columnWidths: grid.rows[1].map(() => 12),
  frozenRows: 2,
});

/** Writes the report workbooks of `total` list rows once (kept in out/bench/lists-N for later runs). */
async function ensureListFiles(total) {
  const dir = join(root, "out", "bench", `lists-${total}`);
  const reports = COLLEGES * MONTHS;
  const done = join(dir, ".complete");
  if (existsSync(done)) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const lists = load();
  const { streamModelToFile } = require(join(root, "dist/node/adapters/xlsx/node.js"));
  const perReport = Math.ceil(total / reports);
  let k = 0;
  for (let m = 3; m < 3 + MONTHS; m++)
    for (let c = 0; c < COLLEGES; c++, k++) {
      const college = `学院${String(c).padStart(2, "0")}`;
      const grids = reportGrids(college, m, perReport, k * perReport);
      const check = lists.check.checkLists(grids, { college, month: { year: 2022, month: m } });
      const month = `2022-${String(m).padStart(2, "0")}`;
      const counts = {};
      for (const s of ["training", "advanced", "nonadvanced", "onex"])
        counts[s] = lists.reconcile.listCounts(check.ledger, null, college, s, month);
      const sheets = [formSheet(college, m, counts), ...grids.map(gridSheet)];
      await streamModelToFile({ sheets }, join(dir, `${college}-2022年${m}月.xlsx`));
    }
  writeFileSync(done, `${k} reports\n`);
  return dir;
}

/** One run in a fresh process of this script (`--cli ARGV` or `--load MODE DIR`): its figures. */
function timed(args, env = {}) {
  const out = execFileSync(process.execPath, [__filename, ...args], {
    encoding: "utf8",
    env: { ...process.env, ...env },
    maxBuffer: 1 << 24,
  });
  return JSON.parse(out.trim().split("\n").pop());
}

/** Wall time, CPU time (user + system) and max RSS of this process since `start`. */
function figures(start, extra) {
  const usage = process.resourceUsage();
  return JSON.stringify({
    ...extra,
    seconds: Number(process.hrtime.bigint() - start) / 1e9,
    cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6,
    maxRssMB: usage.maxRSS / 1024,
  });
}

/** `--cli ARGV`: the CLI in this process, its output dropped. */
async function cliChild(argv) {
  const { main } = require(join(root, "dist/node/cli/main.js"));
  const silent = { stdout: () => undefined, stderr: () => undefined };
  const start = process.hrtime.bigint();
  const code = await main(argv, silent);
  process.stdout.write(figures(start, { code }) + "\n");
}

/** `--load exceljs|lean DIR`: every .xlsx of DIR loaded and nothing else (as bench/floor.js). */
async function loadChild(mode, dir) {
  const { readFile } = require("fs/promises");
  const ExcelJS = require("exceljs");
  const { unzipSync, strFromU8 } = require("fflate");
  const { SaxesParser } = require("saxes");
  const lean = (bytes) => {
    const parts = unzipSync(bytes, {
      filter: (f) => /^xl\/(workbook|sharedStrings|worksheets\/sheet\d+)\.xml$/.test(f.name),
    });
    for (const data of Object.values(parts)) new SaxesParser().write(strFromU8(data)).close();
  };
  const files = readdirSync(dir).filter((n) => n.endsWith(".xlsx"));
  const start = process.hrtime.bigint();
  for (const name of files) {
    const bytes = await readFile(join(dir, name));
    if (mode === "lean") lean(bytes);
    else await new ExcelJS.Workbook().xlsx.load(bytes);
  }
  process.stdout.write(figures(start, { files: files.length }) + "\n");
}

/** `quota validate` of the files beside the bare loads of the same files. */
async function filesCase(total) {
  const t0 = Date.now();
  const dir = await ensureListFiles(total);
  const made = (Date.now() - t0) / 1000;
  const key = { QUOTA_ID_KEY: "bench-secret-key-0123456789" };
  const validate = timed(["--cli", JSON.stringify(["validate", dir, "--json"])], key);
  const exceljs = timed(["--load", "exceljs", dir]);
  const lean = timed(["--load", "lean", dir]);
  return {
    rows: total,
    files: readdirSync(dir).filter((n) => n.endsWith(".xlsx")).length,
    writeSeconds: made,
    validate,
    exceljsLoad: exceljs,
    leanLoad: lean,
  };
}

const say = (text) => process.stdout.write(text);
const fmt = (r) =>
  `${r.seconds.toFixed(2)} s wall, ${r.cpuSeconds.toFixed(2)} s CPU, max RSS ${r.maxRssMB.toFixed(0)} MB`;

async function main() {
  const flags = process.argv.slice(2);
  const json = flags.includes("--json");
  const sizes = flags.map(Number).filter((n) => n > 0);
  const wanted = sizes.length ? sizes : [100_000, 1_000_000];
  const report = { files: [], core: [] };
  if (!flags.includes("--no-files"))
    for (const n of wanted) {
      const r = await filesCase(n);
      report.files.push(r);
      if (json) continue;
      say(
        `${n} list rows in ${r.files} report files (written once in ${r.writeSeconds.toFixed(0)} s)\n`
      );
      say(
        `  quota validate (read, check, reconcile, dedupe, ID HMAC) ${fmt(r.validate)}, exit ${r.validate.code}\n`
      );
      say(`  bare exceljs load of the same files                   ${fmt(r.exceljsLoad)}\n`);
      say(`  lean floor (fflate + saxes) of the same files          ${fmt(r.leanLoad)}\n`);
    }
  const runs = wanted.map((n) => [n, false]).concat([[100_000, true]]);
  for (const [n, single] of runs) {
    const out = execFileSync(
      process.execPath,
      ["--max-old-space-size=4096", __filename, "--child", String(n), single ? "single" : "many"],
      { encoding: "utf8" }
    );
    const r = JSON.parse(out);
    report.core.push({ single, ...r });
    if (json) continue;
    const label = single ? `${n} rows in one report` : `${n} rows in ${r.reports} reports`;
    say(
      `core, in memory: ${label.padEnd(34)} ${(r.ms / 1000).toFixed(2)} s check+reconcile+dedupe+merge (generation ${(r.generatingMs / 1000).toFixed(2)} s not counted), peak RSS ${r.peakRssMB.toFixed(0)} MB, rows ${r.rows}, findings ${r.findings} (planted ${r.planted}), CPU ${(r.cpuMs / 1000).toFixed(2)} s incl. generation, not reconciled ${r.notReconciled}\n`
    );
  }
  if (json) say(JSON.stringify(report) + "\n");
}

const fail = (error) => {
  console.error(error);
  process.exit(1);
};
if (process.argv[2] === "--child") child(Number(process.argv[3]), process.argv[4] === "single");
else if (process.argv[2] === "--cli") cliChild(JSON.parse(process.argv[3])).catch(fail);
else if (process.argv[2] === "--load") loadChild(process.argv[3], process.argv[4]).catch(fail);
else main().catch(fail);
