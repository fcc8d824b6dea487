/* The pane outside Office on report files: check findings, then the roll-up's downloaded master. */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { readFileSync } from "fs";
import { join } from "path";
import { Browser, Page } from "playwright-core";
import { writeModelToFile } from "../../src/adapters/xlsx/node";
import { readGrids } from "../../src/adapters/xlsx/readGrids";
import { demoReport } from "../../src/cli/demoReports";
import { buildQuotaTables } from "../../src/core/quotaTables";
import { quotaLookupFromTables } from "../../src/core/report/quotaLookup";
import { planColleges, SAMPLE_DIR } from "../support/planData";
import { runCli } from "../support/runCli";
import { StaticServer, pageReady, startBrowser, stopBrowser } from "../support/browserHarness";
import { useTempDir } from "../support/tempDir";

const ready = pageReady("taskpane.html", "the pane test");
const tmp = useTempDir();
jest.setTimeout(120_000);

let browser: Browser;
let server: StaticServer;
let quotaFile = "";
const reports: string[] = [];

beforeAll(async () => {
  if (!ready) return;
  quotaFile = join(tmp(), "quota.xlsx");
  await runCli("generate", join(SAMPLE_DIR, "graduates.csv"), "-o", quotaFile);
  const quotas = quotaLookupFromTables(buildQuotaTables(planColleges()).rows);
  const june = { year: 2022, month: 6 };
  const plan: [string, number, number, boolean][] = [
    ["外国语学院", 0.5, 20, false],
    ["人文学院", 0.3, 29, false],
    ["艺术学院", 0.5, 21, true],
  ];
  for (const [college, share, day, broken] of plan) {
    const file = join(tmp(), `${college}-2022年6月.xlsx`);
    await writeModelToFile(
      { sheets: [demoReport(quotas.find(college)!, june, share, day, broken)] },
      file
    );
    reports.push(file);
  }
  ({ server, browser } = await startBrowser());
});
afterAll(() => stopBrowser({ server, browser }));

async function openPane(): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({
    acceptDownloads: true,
    viewport: { width: 320, height: 900 },
  });
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.route(/appsforoffice\.microsoft\.com/, (route) => route.abort());
  await page.goto(`${server.url}/taskpane.html`);
  await page.waitForSelector("html[data-pane-ready=browser]");
  return { page, errors };
}

(ready ? test : test.skip)("月报检查: findings per file, against the quota workbook", async () => {
  const { page, errors } = await openPane();
  await page.click("#tab-check");
  await page.setInputFiles("#quota-file-check", quotaFile);
  await page.waitForFunction(() =>
    document.querySelector("#panel-check")?.textContent?.includes("12 个学院")
  );
  const files = reports.map((f) => ({
    name: f.replace(/^.*[\\/]/, ""),
    mimeType: "application/octet-stream",
    buffer: readFileSync(f),
  }));
  await page.setInputFiles("#report-files", [
    ...files,
    { name: "坏.xlsx", mimeType: "application/octet-stream", buffer: Buffer.from("nope") },
  ]);
  await page.waitForSelector("#check-output .report-result:nth-child(4)");
  const headings = await page.$$eval("#check-output .result__heading", (hs) =>
    hs.map((h) => h.textContent)
  );
  // errors first, then the reports that passed, each group in file order
  expect(headings).toEqual([
    "✗ 有错误：艺术学院-2022年6月.xlsx · 2022年6月",
    "✗ 有错误：坏.xlsx",
    "✓ 通过：外国语学院-2022年6月.xlsx · 2022年6月",
    "✓ 通过：人文学院-2022年6月.xlsx · 2022年6月",
  ]);
  const codes = await page.$$eval("#check-output [data-code]", (items) =>
    items.map((i) => i.getAttribute("data-code"))
  );
  expect(codes).toEqual(["month-exceeds-cumulative", "file-unreadable", "date-late"]);
  expect(await page.textContent("#status")).toContain("2 份通过，2 份有错误");
  expect(errors).toEqual([]);
  await page.close();
});

(ready ? test : test.skip)(
  "月报检查 with last month's master: 累计已完成 checked against its 月报台账",
  async () => {
    const master = join(tmp(), "june-master.xlsx");
    expect((await runCli("rollup", ...reports, "-o", master, "--quotas", quotaFile)).code).toBe(1);
    // July as June's demo figures again: 累计 unchanged although 当月完成 > 0, so every section is wrong.
    const quotas = quotaLookupFromTables(buildQuotaTables(planColleges()).rows);
    const july = join(tmp(), "外国语学院-2022年7月.xlsx");
    await writeModelToFile(
      { sheets: [demoReport(quotas.find("外国语学院")!, { year: 2022, month: 7 }, 0.5, 20)] },
      july
    );
    const { page, errors } = await openPane();
    await page.click("#tab-check");
    await page.setInputFiles("#quota-file-check", quotaFile);
    await page.waitForFunction(() =>
      document.querySelector("#panel-check")?.textContent?.includes("12 个学院")
    );
    await page.setInputFiles("#previous-file-check", master);
    await page.waitForFunction(() =>
      document.querySelector("#panel-check")?.textContent?.includes("已选：june-master.xlsx")
    );
    await page.setInputFiles("#report-files", july);
    await page.waitForSelector("#check-output .report-result");
    const codes = await page.$$eval("#check-output [data-code]", (items) =>
      items.map((i) => i.getAttribute("data-code"))
    );
    expect(codes).toEqual(Array(4).fill("cumulative-mismatch"));
    expect(errors).toEqual([]);
    await page.close();
  }
);

(ready ? test : test.skip)("月报汇总: the downloaded master holds 汇总 and 月报台账", async () => {
  const { page, errors } = await openPane();
  await page.click("#tab-rollup");
  await page.setInputFiles("#quota-file-rollup", quotaFile);
  await page.waitForFunction(() =>
    document.querySelector("#panel-rollup")?.textContent?.includes("12 个学院")
  );
  await page.setInputFiles("#rollup-files", reports);
  await page.waitForSelector("#download-master");
  expect(
    await page.$$eval(".college-bar", (bars) => bars.map((b) => b.getAttribute("data-college")))
  ).toEqual(["外国语学院", "人文学院"]);
  expect(await page.textContent("#late-colleges")).toContain("人文学院");
  expect(await page.textContent("#rejected-reports")).toContain("艺术学院");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.click("#download-master"),
  ]);
  const file = join(tmp(), "master.xlsx");
  await download.saveAs(file);
  const grids = await readGrids(ExcelJS, readFileSync(file), file);
  expect(grids.map((g) => g.name)).toEqual(["汇总2022-06", "月报台账"]);
  // The page's master carries the native chart too (added to the written xlsx).
  expect((await JSZip.loadAsync(readFileSync(file))).file("xl/charts/chart1.xml")).not.toBeNull();
  const ledger = grids[1]!.rows.slice(1).filter((r) => r.length > 0);
  expect(ledger.map((r) => r[0])).toEqual([
    ...Array(4).fill("外国语学院"),
    ...Array(4).fill("人文学院"),
  ]);
  expect(errors).toEqual([]);
  await page.close();
});

(ready ? test : test.skip)(
  "月报汇总 into last month's master: the download keeps June's chart and adds July's",
  async () => {
    const june = join(tmp(), "june-with-chart.xlsx");
    await runCli("rollup", ...reports, "-o", june, "--quotas", quotaFile);
    const quotas = quotaLookupFromTables(buildQuotaTables(planColleges()).rows);
    const july = join(tmp(), "机械与电气信息学院-2022年7月.xlsx");
    const targets = quotas.find("机械与电气信息学院")!;
    const report = demoReport(targets, { year: 2022, month: 7 }, 0.4, 20);
    await writeModelToFile({ sheets: [report] }, july);
    const { page, errors } = await openPane();
    await page.click("#tab-rollup");
    await page.setInputFiles("#quota-file-rollup", quotaFile);
    await page.setInputFiles("#master-file", june);
    await page.waitForFunction(() =>
      document.querySelector("#panel-rollup")?.textContent?.includes("本月数据将并入此总表")
    );
    await page.setInputFiles("#rollup-files", [july]);
    await page.waitForSelector("#download-master");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.click("#download-master"),
    ]);
    const file = join(tmp(), "master-july.xlsx");
    await download.saveAs(file);
    const zip = await JSZip.loadAsync(readFileSync(file));
    const charts = Object.keys(zip.files).filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n));
    expect(charts).toHaveLength(2);
    const refs = await Promise.all(
      charts.map(async (c) => /<c:f>'(汇总[^']+)'!/.exec(await zip.file(c)!.async("string"))![1])
    );
    expect(refs.sort()).toEqual(["汇总2022-06", "汇总2022-07"]);
    expect(errors).toEqual([]);
    await page.close();
  }
);
