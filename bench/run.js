"use strict";
/* npm run bench: figures for the notes. Run after `npm run build`. */
const { execFileSync } = require("child_process");
const { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } = require("fs");
const { join } = require("path");
const { ensureReports, graduatesCsv: writeGraduatesCsv, reportNames } = require("./reports.js");

const root = join(__dirname, "..");
const work = join(root, "out", "bench");
mkdirSync(work, { recursive: true });
const results = {};

function line(label, value) {
  process.stdout.write(`${label.padEnd(48)} ${value}\n`);
}

function customFunctions() {
  const { callSheetFunction } = require("../dist/node/core/sheetFunctions.js");
  const cases = {
    TRAINING: [[[238, 97, 0]], null],
    ADVANCED: [790, null],
    NONADVANCED: [250, 755, null, null],
    INTERMEDIATE: [250, null],
    ONEX: [[[632, 238]], "21%"],
    COMPLETION: [123, 369],
    APPORTION: [
      14572,
      [[335], [2584], [936], [374], [1795], [207], [476], [1648], [885], [61], [558], [3388]],
    ],
  };
  process.stdout.write("\n自定义函数（单线程，每秒调用次数）\n");
  for (const [name, args] of Object.entries(cases)) {
    for (let i = 0; i < 20000; i++) callSheetFunction(name, args); // warm up
    const n = 200000;
    const start = process.hrtime.bigint();
    for (let i = 0; i < n; i++) callSheetFunction(name, args);
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    results[`calls_per_second_${name}`] = Math.round(n / seconds);
    line(`  QUOTA.${name}`, `${Math.round(n / seconds).toLocaleString("en")} 次/秒`);
  }
}

/** Milliseconds since a hrtime.bigint() reading. */
const sinceMs = (start) => Number(process.hrtime.bigint() - start) / 1e6;

const graduatesCsv = (count) => writeGraduatesCsv(work, count);

function runChild(argv) {
  // The argv goes through a file: thousands of paths exceed the limit of one argument.
  const file = join(work, "child-argv.json");
  writeFileSync(file, JSON.stringify(argv));
  const start = process.hrtime.bigint();
  const out = execFileSync(process.execPath, [join(__dirname, "child.js"), `@${file}`], {
    encoding: "utf8",
    maxBuffer: 1 << 20,
  });
  return { ...JSON.parse(out), wholeMs: sinceMs(start) };
}

/**
 * Loads every report of a folder with one reader and nothing else, in a fresh process: "lean"
 * (fflate + saxes, the fastest floor), "sheetjs" or "exceljs" (the reader before issue 14).
 */
function runFloor(dir, mode = "lean") {
  const start = process.hrtime.bigint();
  const out = execFileSync(process.execPath, [join(__dirname, "floor.js"), dir, mode], {
    encoding: "utf8",
  });
  return { ...JSON.parse(out), wholeMs: sinceMs(start) };
}

/**
 * The median (by time) of `times` runs of the command and of the floor, taken in turns so that
 * a slower stretch of the machine falls on both alike.
 */
function medianPair(times, command, floor) {
  const a = [];
  const b = [];
  for (let i = 0; i < times; i++) {
    a.push(command());
    b.push(floor());
  }
  const mid = (runs) => runs.sort((x, y) => x.ms - y.ms)[Math.floor(runs.length / 2)];
  return [mid(a), mid(b)];
}

const seconds = (ms) => (ms >= 10000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(0)} ms`);

/** One line: the command, the floor, and the ratios of time and peak memory. */
function againstFloor(key, label, run, floor) {
  results[`${key}_ms`] = Math.round(run.ms);
  results[`${key}_peak_rss_mb`] = Math.round(run.maxRssMB);
  results[`${key}_floor_ms`] = Math.round(floor.ms);
  results[`${key}_floor_peak_rss_mb`] = Math.round(floor.maxRssMB);
  results[`${key}_time_ratio`] = Math.round((run.ms / floor.ms) * 100) / 100;
  results[`${key}_rss_ratio`] = Math.round((run.maxRssMB / floor.maxRssMB) * 100) / 100;
  // CPU time as well: on a shared machine wall time depends on what else runs.
  results[`${key}_cpu_ms`] = Math.round(run.cpuMs);
  results[`${key}_floor_cpu_ms`] = Math.round(floor.cpuMs);
  results[`${key}_cpu_ratio`] = Math.round((run.cpuMs / floor.cpuMs) * 100) / 100;
  // The whole process, from spawn to exit (node's start, loading the code, the work), as issue
  // 14's table measures readers: what a person waits for.
  results[`${key}_process_ms`] = Math.round(run.wholeMs);
  results[`${key}_floor_process_ms`] = Math.round(floor.wholeMs);
  results[`${key}_process_ratio`] = Math.round((run.wholeMs / floor.wholeMs) * 100) / 100;
  line(
    `  ${label}`,
    `${seconds(run.ms)}，峰值 ${run.maxRssMB.toFixed(0)} MB｜地板 ${seconds(floor.ms)}，` +
      `${floor.maxRssMB.toFixed(0)} MB｜时间 ${(run.ms / floor.ms).toFixed(2)}×，` +
      `内存 ${(run.maxRssMB / floor.maxRssMB).toFixed(2)}×｜CPU ${seconds(run.cpuMs)}，` +
      `地板 ${seconds(floor.cpuMs)}，${(run.cpuMs / floor.cpuMs).toFixed(2)}×`
  );
  line(
    "    整个进程（启动到退出）",
    `${seconds(run.wholeMs)}｜地板 ${seconds(floor.wholeMs)}｜${(run.wholeMs / floor.wholeMs).toFixed(2)}×`
  );
}

async function reportsFor(count) {
  const started = Date.now();
  const set = await ensureReports(root, work, count);
  if (set.made)
    process.stdout.write(
      `  （已生成 ${count} 份月报到 ${set.dir}，${seconds(Date.now() - started)}；下次复用）\n`
    );
  return set;
}

async function validateReports() {
  process.stdout.write(
    "\nquota validate（独立进程；地板 = 只用 fflate 解压 + saxes 切分依次读入同样的文件；目标 ≤ 1.0×）\n"
  );
  const count = 1000;
  const { dir, quotaFile } = await reportsFor(count);
  const files = reportNames(dir)
    .sort()
    .map((n) => join(dir, n));
  const [run, floor] = medianPair(
    3,
    () => runChild(["validate", ...files, "--quotas", quotaFile]),
    () => runFloor(dir)
  );
  if (run.code !== 0) throw new Error(`validate exited ${run.code}`);
  againstFloor(`validate_${count}`, `${count.toLocaleString("en")} 份月报`, run, floor);
  process.stdout.write("  同样的文件，其他读取器只读入（各 1 次，供对照）：\n");
  for (const mode of ["quota", "sheetjs", "exceljs"]) {
    const other = runFloor(dir, mode);
    results[`load_${count}_${mode}_ms`] = Math.round(other.ms);
    results[`load_${count}_${mode}_peak_rss_mb`] = Math.round(other.maxRssMB);
    line(`    ${mode}`, `${seconds(other.ms)}，峰值 ${other.maxRssMB.toFixed(0)} MB`);
  }
}

/** Hostile files (issue 10): each judged in a fresh process; time and peak memory. */
function hostileFiles() {
  const { writeHostile } = require("./hostile.js");
  process.stdout.write("\n恶意文件（quota validate，独立进程；目标 ≤ 5 s、≤ 300 MB）\n");
  const files = writeHostile(work);
  const labels = {
    xfd: "XFD 列 × 100,000 行",
    bomb: "压缩炸弹（目录如实写 300 MB）",
    lyingBomb: "压缩炸弹（目录谎报 1 MB）",
  };
  for (const [key, file] of Object.entries(files)) {
    const run = runChild(["validate", file]);
    results[`hostile_${key}_ms`] = Math.round(run.ms);
    results[`hostile_${key}_peak_rss_mb`] = Math.round(run.maxRssMB);
    line(
      `  ${labels[key]}`,
      `${seconds(run.ms)}，峰值 ${run.maxRssMB.toFixed(0)} MB，退出码 ${run.code}`
    );
  }
}

async function rollupReports() {
  process.stdout.write(
    "\nquota rollup（独立进程，含写总表；地板同上；目标 ≤ 1.2×，峰值内存不随文件数增长）\n"
  );
  for (const count of [12, 1000, 10000]) {
    const { dir, quotaFile } = await reportsFor(count);
    const times = count >= 10000 ? 1 : 3;
    const master = join(work, `master-${count}.xlsx`);
    const [run, floor] = medianPair(
      times,
      () => {
        // rollup refuses to overwrite a master without --into.
        rmSync(master, { force: true });
        return runChild(["rollup", dir, "-o", master, "--quotas", quotaFile]);
      },
      () => runFloor(dir)
    );
    if (run.code !== 0) throw new Error(`rollup exited ${run.code} for ${count} reports`);
    againstFloor(`rollup_${count}`, `${count.toLocaleString("en")} 份月报`, run, floor);
  }
}

function generate() {
  process.stdout.write("\nquota generate（独立进程，3 次取中位数）\n");
  for (const count of [12, 5000]) {
    const input =
      count === 12 ? join(root, "samples", "plan-2022", "graduates.csv") : graduatesCsv(count);
    const runs = [1, 2, 3].map(() =>
      runChild(["generate", input, "-o", join(work, `quota-${count}.xlsx`)])
    );
    if (runs.some((r) => r.code !== 0)) throw new Error(`generate failed for ${count}`);
    runs.sort((a, b) => a.ms - b.ms);
    const mid = runs[1];
    results[`generate_${count}_ms`] = Math.round(mid.ms);
    results[`generate_${count}_peak_rss_mb`] = Math.round(mid.maxRssMB);
    line(`  ${count} 个学院`, `${mid.ms.toFixed(0)} ms，峰值内存 ${mid.maxRssMB.toFixed(0)} MB`);
  }
}

function paneBundle() {
  const { gzipSync } = require("zlib");
  const { readFileSync } = require("fs");
  const web = join(root, "dist", "web");
  process.stdout.write("\n任务窗格启动包（不含 office.js；exceljs 为按需加载的分块）\n");
  let raw = 0;
  let gz = 0;
  for (const file of ["taskpane.html", "taskpane.css", "boot.js", "taskpane.js", "functions.js"]) {
    const data = readFileSync(join(web, file));
    const zipped = gzipSync(data, { level: 9 }).length;
    raw += data.length;
    gz += zipped;
    line(
      `  ${file}`,
      `${(data.length / 1024).toFixed(1)} KB，gzip ${(zipped / 1024).toFixed(1)} KB`
    );
  }
  results.pane_startup_kb = Math.round(raw / 102.4) / 10;
  results.pane_startup_gzip_kb = Math.round(gz / 102.4) / 10;
  line("  合计", `${(raw / 1024).toFixed(1)} KB，gzip ${(gz / 1024).toFixed(1)} KB`);
}

async function paneReady() {
  const { chromium } = require("playwright-core");
  const { serveStatic, CHROMIUM } = require("../scripts/serveStatic.js");
  const server = await serveStatic(join(root, "dist", "web"));
  const browser = await chromium.launch({
    executablePath: CHROMIUM.executablePath,
    args: CHROMIUM.args,
  });
  const times = [];
  for (let i = 0; i < 7; i++) {
    const page = await browser.newPage();
    await page.route(/appsforoffice\.microsoft\.com/, (route) => route.abort());
    await page.goto(`${server.url}/taskpane.html`);
    await page.waitForSelector("html[data-pane-ready]");
    times.push(await page.evaluate(() => performance.now()));
    await page.close();
  }
  await browser.close();
  await server.close();
  times.sort((a, b) => a - b);
  results.pane_ready_ms = Math.round(times[3]);
  process.stdout.write(
    "\n无头 Chromium 中从开始加载到窗格就绪（7 次中位数，office.js 请求即时失败）\n"
  );
  line("  就绪时间", `${times[3].toFixed(0)} ms`);
}

const sections = {
  functions: customFunctions,
  generate,
  bundle: paneBundle,
  pane: paneReady,
  validate: validateReports,
  rollup: rollupReports,
  office: () => require("./syncPayload.js").main(), // Office.js request sizes (no build needed)
  hostile: hostileFiles,
};
const only = process.argv.slice(2);
(async () => {
  for (const [name, run] of Object.entries(sections))
    if (only.length === 0 || only.includes(name)) await run();
  // Figures of sections not run this time stay as they were.
  const file = join(work, "results.json");
  const earlier = existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : {};
  writeFileSync(file, JSON.stringify({ ...earlier, ...results }, null, 2));
  process.stdout.write(`\n结果已写入 ${join(work, "results.json")}\n`);
})().catch((error) => {
  process.stderr.write(`${error.stack || error}\n`);
  process.exitCode = 1;
});
