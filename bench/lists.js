"use strict";
/* Supporting lists at scale: node bench/lists.js [rows...] after `npm run build:cli`.
   Rows are generated in memory, report by report (30 colleges × 10 months; a third 取证, two thirds 培训,
   a third of the certificates with a 身份证号 hashed by the core's pure-TS HMAC), then parsed,
   checked, reconciled against a form built from the list counts, cross-checked against the master's
   ledger and merged into it — what `quota rollup` will do. Each size runs in its own child process so
   its peak RSS is its own. A final case reads 100,000 rows from one sheet of one report. */
const { execFileSync } = require("child_process");
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

function main() {
  const sizes = process.argv
    .slice(2)
    .map(Number)
    .filter((n) => n > 0);
  const runs = (sizes.length ? sizes : [100_000, 1_000_000])
    .map((n) => [n, false])
    .concat([[100_000, true]]);
  for (const [n, single] of runs) {
    const out = execFileSync(
      process.execPath,
      ["--max-old-space-size=4096", __filename, "--child", String(n), single ? "single" : "many"],
      { encoding: "utf8" }
    );
    const r = JSON.parse(out);
    const label = single ? `${n} rows in one report` : `${n} rows in ${r.reports} reports`;
    process.stdout.write(
      `${label.padEnd(34)} ${(r.ms / 1000).toFixed(2)} s check+reconcile+dedupe+merge (generation ${(r.generatingMs / 1000).toFixed(2)} s not counted), peak RSS ${r.peakRssMB.toFixed(0)} MB, rows ${r.rows}, findings ${r.findings} (planted ${r.planted}), CPU ${(r.cpuMs / 1000).toFixed(2)} s incl. generation, not reconciled ${r.notReconciled}\n`
    );
  }
}

if (process.argv[2] === "--child") child(Number(process.argv[3]), process.argv[4] === "single");
else main();
