/* The page's new workbooks are our own writer's (the writer chunk, fflate): 任务分配表, the 附件6
   zip and a new master download without exceljs's chunk ever being requested, and read back as
   the CLI's files of the same input. */
import JSZip from "jszip";
import { readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { Browser, Page } from "playwright-core";
import { ourChartsIn, readGridsFromFile, writeModelToFile } from "../../src/adapters/xlsx/node";
import { demoReport } from "../../src/cli/demoReports";
import { readQuotaLookup } from "../../src/core/report/quotaLookup";
import { SAMPLE_DIR } from "../support/planData";
import { runCli } from "../support/runCli";
import { StaticServer, pageReady, startBrowser, stopBrowser } from "../support/browserHarness";
import { useTempDir } from "../support/tempDir";

const ready = pageReady("taskpane.html", "the lean downloads test");
const it = ready ? test : test.skip;
const tmp = useTempDir("lean-page-");
jest.setTimeout(120_000);

let browser: Browser;
let server: StaticServer;
let quotaFile = "";

beforeAll(async () => {
  if (!ready) return;
  quotaFile = join(tmp(), "任务分配表.xlsx");
  await runCli("generate", join(SAMPLE_DIR, "graduates.csv"), "-o", quotaFile);
  ({ server, browser } = await startBrowser());
});
afterAll(() => stopBrowser({ server, browser }));

async function openPage(): Promise<{ page: Page; errors: string[]; chunks: string[] }> {
  const page = await browser.newPage({ acceptDownloads: true });
  const errors: string[] = [];
  const chunks: string[] = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("request", (r) => {
    const chunk = /chunks\/([^/.]+)\.[0-9a-f]+\.js$/.exec(r.url());
    if (chunk) chunks.push(chunk[1]!);
  });
  await page.route(/appsforoffice\.microsoft\.com/, (route) => route.abort());
  await page.goto(`${server.url}/taskpane.html`);
  await page.waitForSelector("html[data-pane-ready=browser]");
  return { page, errors, chunks };
}

async function download(page: Page, selector: string, name: string): Promise<string> {
  const [d] = await Promise.all([page.waitForEvent("download"), page.click(selector)]);
  const file = join(tmp(), name);
  await d.saveAs(file);
  return file;
}

it("任务分配表 and the 附件6 zip download without exceljs", async () => {
  const { page, errors, chunks } = await openPage();

  await page.setInputFiles("#graduates-file", join(SAMPLE_DIR, "graduates.csv"));
  await page.waitForSelector("#download-quota");
  const quota = await download(page, "#download-quota", "任务分配表.xlsx");
  expect(await readGridsFromFile(quota)).toEqual(await readGridsFromFile(quotaFile));

  await page.click("#tab-templates");
  await page.setInputFiles("#quota-file-templates", quota);
  await page.waitForSelector("#quota-file-templates-message.picker-message--success");
  await page.fill("#template-month", "2022-06");
  const zipFile = await download(page, "#download-templates-zip", "各学院.zip");
  const zip = await JSZip.loadAsync(readFileSync(zipFile));
  const names = Object.keys(zip.files);
  expect(names.length).toBeGreaterThan(5);
  // Each college's file as `quota template --all --split` writes it.
  const dir = join(tmp(), "split");
  const args = ["--all", "--split", "--month", "2022-06", "--quotas", quotaFile, "-o", dir];
  expect((await runCli("template", ...args)).code).toBe(0);
  const form = join(tmp(), "form.xlsx");
  writeFileSync(form, await zip.file(names[0]!)!.async("uint8array"));
  expect(await readGridsFromFile(form)).toEqual(await readGridsFromFile(join(dir, names[0]!)));

  expect(chunks).toContain("writer");
  expect(chunks).not.toContain("exceljs");
  expect(errors).toEqual([]);
  await page.close();
});

it("a new master: our writer's, with its chart, without exceljs or JSZip", async () => {
  const quotas = readQuotaLookup(await readGridsFromFile(quotaFile));
  const reports = [];
  for (const [i, college] of ["外国语学院", "人文学院"].entries()) {
    const file = join(tmp(), `${college}-2022年6月.xlsx`);
    const sheet = demoReport(quotas.find(college)!, { year: 2022, month: 6 }, 0.3 + i / 5, 20);
    await writeModelToFile({ sheets: [sheet] }, file);
    reports.push(file);
  }
  const { page, errors, chunks } = await openPage();
  await page.click("#tab-rollup");
  await page.setInputFiles("#quota-file-rollup", quotaFile);
  await page.waitForSelector("#quota-file-rollup-message.picker-message--success");
  await page.setInputFiles("#rollup-files", reports);
  await page.waitForSelector("#download-master");
  const master = await download(page, "#download-master", "总表.xlsx");
  const cli = join(tmp(), "cli-master.xlsx");
  const run = await runCli("rollup", ...reports, "-o", cli, "--quotas", quotaFile);
  expect(run.code).toBe(0);
  const [onPage, byCli] = [await readGridsFromFile(master), await readGridsFromFile(cli)];
  // The import time differs: the rest is the CLI's.
  const noTime = (g: unknown) => JSON.stringify(g).replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/g, "");
  expect(noTime(onPage)).toEqual(noTime(byCli));
  expect((await ourChartsIn(readFileSync(master))).charts.length).toBeGreaterThan(0);
  expect(chunks).toEqual(expect.arrayContaining(["writer", "charts"]));
  expect(chunks.filter((c) => c === "exceljs" || c === "jszip")).toEqual([]);
  expect(errors).toEqual([]);
  await page.close();
});
