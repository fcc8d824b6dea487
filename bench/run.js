"use strict";
/* npm run bench: figures for the notes. Run after `npm run build`. */
const { execFileSync } = require("child_process");
const { mkdirSync, writeFileSync } = require("fs");
const { join } = require("path");

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

function graduatesCsv(count) {
  const rows = ["二级学院名称,本科生,高职生,中职生"];
  for (let i = 0; i < count; i++)
    rows.push(`学院${i + 1},${(i * 37) % 3000},${(i * 53) % 1200},${(i * 71) % 600}`);
  const file = join(work, `graduates-${count}.csv`);
  writeFileSync(file, rows.join("\n"));
  return file;
}

function runChild(argv) {
  const out = execFileSync(process.execPath, [join(__dirname, "child.js"), JSON.stringify(argv)], {
    encoding: "utf8",
  });
  return JSON.parse(out);
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
  for (const file of ["taskpane.html", "taskpane.css", "taskpane.js", "functions.js"]) {
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

const sections = { functions: customFunctions, generate, bundle: paneBundle, pane: paneReady };
const only = process.argv.slice(2);
(async () => {
  for (const [name, run] of Object.entries(sections))
    if (only.length === 0 || only.includes(name)) await run();
  writeFileSync(join(work, "results.json"), JSON.stringify(results, null, 2));
  process.stdout.write(`\n结果已写入 ${join(work, "results.json")}\n`);
})().catch((error) => {
  process.stderr.write(`${error.stack || error}\n`);
  process.exitCode = 1;
});
