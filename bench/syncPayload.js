"use strict";
/*
 * npm run bench (or: node bench/syncPayload.js) — the size of every context.sync() request the
 * Office adapters send, measured with the real Office.js request builder (Excel on the web's host
 * script from @microsoft/office-js, run in a Node vm, its request executor intercepted: see
 * tests/support/officeRequest.ts). The adapters run on the project's test double, which mirrors
 * every call on the real builder. Budgets: under 1 MB a request for the real plan (12 colleges),
 * under 4 MB at any size; Excel on the web rejects requests over 5 MB. Exit code 1 over budget.
 * Needs no build: the TypeScript sources are transpiled on the fly.
 */
const fs = require("fs");
const path = require("path");
const Module = require("module");
const ts = require("typescript");

const root = path.join(__dirname, "..");
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, parent, ...rest) {
  try {
    return resolve.call(this, request, parent, ...rest);
  } catch (error) {
    if (request.startsWith("."))
      for (const alt of [`${request}.ts`, request.replace(/\.js$/, ".ts")]) {
        try {
          return resolve.call(this, alt, parent, ...rest);
        } catch {
          /* next */
        }
      }
    throw error;
  }
};
require.extensions[".ts"] = (m, filename) =>
  m._compile(
    ts.transpileModule(fs.readFileSync(filename, "utf8"), {
      compilerOptions: {
        module: ts.ModuleKind.CommonJS,
        target: ts.ScriptTarget.ES2020,
        esModuleInterop: true,
      },
      fileName: filename,
    }).outputText,
    filename
  );

const load = (p) => require(path.join(root, p));
const { ExcelMock, ALL } = load("tests/support/excelMock.ts");
const scenario = load("tests/support/officeScenario.ts");
const { planColleges } = load("tests/support/planData.ts");
const { generateInWorkbook } = load("src/adapters/office/generateInWorkbook.ts");
const { rollUpInWorkbook } = load("src/adapters/office/rollUpInWorkbook.ts");

const MB = 1e6;
let over = 0;

function line(label, excel, from, budget) {
  const sizes = excel.requests.slice(from).map((r) => r.bytes / MB);
  const largest = Math.max(...sizes);
  if (largest >= budget) over++;
  const list = sizes.map((s) => s.toFixed(3)).join(" ");
  process.stdout.write(
    `${label.padEnd(40)} ${String(sizes.length).padStart(2)} 次往返  最大 ${largest.toFixed(3)} MB  [${list}]${largest >= budget ? `  超出 ${budget} MB` : ""}\n`
  );
}

async function generate(colleges, budget) {
  const excel = new ExcelMock([scenario.graduateSheet(colleges)], [], { budget: Infinity });
  await generateInWorkbook(excel.context, { formulas: "quota" }, ALL, () => true);
  line(`生成表1–表4，${colleges.length} 个学院`, excel, 0, budget);
}

async function month(excel, quotas, year, m) {
  const reports = quotas.colleges.map((c) => scenario.monthlyReport(c, year, m));
  const options = { month: { year, month: m }, sheets: [], fingerprint: async () => "" };
  const result = await rollUpInWorkbook(excel.context, reports, options, ALL, () => true);
  if ("error" in result || "confirm" in result) throw new Error(JSON.stringify(result));
  return result;
}

async function main() {
  process.stdout.write("\nOffice.js 请求大小（真实请求构造器，每次 context.sync 一项）\n");
  await generate(planColleges(), 1);
  await generate(scenario.manyColleges(2000), 4);

  const plan = scenario.masterFor(planColleges());
  const year = new ExcelMock(plan.sheets, plan.names, { budget: Infinity });
  for (let m = 1; m <= 12; m++) {
    const from = year.requests.length;
    const result = await month(year, plan.quotas, 2022, m);
    line(
      `汇总 2022-${String(m).padStart(2, "0")}，12 个学院，台账 ${result.outcome.ledger.length} 行`,
      year,
      from,
      1
    );
  }
  for (let y = 2023; y < 2027; y++)
    for (let m = 1; m <= 12; m++) await month(year, plan.quotas, y, m);
  const from = year.requests.length;
  const five = await month(year, plan.quotas, 2027, 1);
  line(`汇总 2027-01，五年台账 ${five.outcome.ledger.length} 行`, year, from, 1);
  // Reading 月报台账 back is a response, not a request: it grows with the ledger.
  const ledgerValues = JSON.stringify({ values: year.rowsOf("月报台账") });
  process.stdout.write(
    `${"  读取五年台账的响应（值的 JSON，估计）".padEnd(40)} ${(Buffer.byteLength(ledgerValues) / MB).toFixed(3)} MB\n`
  );

  const big = scenario.masterFor(scenario.manyColleges(2000));
  const large = new ExcelMock(big.sheets, big.names, { budget: Infinity });
  await month(large, big.quotas, 2022, 1);
  line("汇总 2022-01，2000 个学院（新建台账）", large, 0, 4);
  const next = large.requests.length;
  await month(large, big.quotas, 2022, 2);
  line("汇总 2022-02，2000 个学院（追加台账）", large, next, 4);
  if (over > 0) {
    process.stdout.write(`${over} 项超出预算\n`);
    process.exitCode = 1;
  }
}

module.exports = { main };
if (require.main === module)
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
