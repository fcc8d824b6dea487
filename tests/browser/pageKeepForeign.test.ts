/* Issue 10, the page: a roll-up into last month's master keeps a person's picture and comment on a
   sheet of their own, byte for byte, and the tool's own June chart (the lazily loaded chunk). */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { Browser, Page } from "playwright-core";
import { ourCharts, relsOf, resolveTarget, sheetParts } from "../../src/adapters/xlsx/ourCharts";
import { reattachCharts } from "../../src/adapters/xlsx/reattachCharts";
import { buildQuotaTables } from "../../src/core/quotaTables";
import { quotaLookupFromTables } from "../../src/core/report/quotaLookup";
import { planColleges, SAMPLE_DIR } from "../support/planData";
import { writeReport } from "../support/reportFactory";
import { runCli } from "../support/runCli";
import { StaticServer, pageReady, startBrowser, stopBrowser } from "../support/browserHarness";
import { useTempDir } from "../support/tempDir";

const ready = pageReady("taskpane.html", "the page test");
const it = ready ? test : test.skip;
const tmp = useTempDir("page-keep-");
jest.setTimeout(120_000);

const PNG =
  "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR42mP8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==";
const quotas = quotaLookupFromTables(buildQuotaTables(planColleges()).rows);

let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  if (!ready) return;
  ({ server, browser } = await startBrowser());
});
afterAll(() => stopBrowser({ server, browser }));

const report = (month: number, done: readonly [number, number]) =>
  writeReport(tmp(), `外国语学院-2022年${month}月.xlsx`, {
    targets: quotas.find("外国语学院")!,
    month: { year: 2022, month },
    done: { training: done },
  });

/** June's master from the CLI, with 教务处's sheet holding a picture and a note. */
async function master(quotaFile: string): Promise<string> {
  const plain = join(tmp(), "plain.xlsx");
  const june = await report(6, [20, 100]);
  expect((await runCli("rollup", june, "-o", plain, "--quotas", quotaFile)).code).toBe(0);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(readFileSync(plain)) as unknown as ArrayBuffer);
  const own = workbook.addWorksheet("教务处");
  own.getCell("A1").value = "教务处自己的表";
  own.getCell("A1").note = "教务处的批注";
  const image = workbook.addImage({ base64: PNG, extension: "png" });
  own.addImage(image, { tl: { col: 2, row: 2 }, ext: { width: 60, height: 60 } });
  const zip = await JSZip.loadAsync((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
  await reattachCharts(zip, (await ourCharts(JSZip, readFileSync(plain))).charts);
  const file = join(tmp(), "六月总表.xlsx");
  writeFileSync(file, await zip.generateAsync({ type: "nodebuffer" }));
  return file;
}

/** The bytes of the parts the sheet reaches by its drawing, VML and comments relationships. */
async function personParts(bytes: Buffer): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  const sheet = new Map(await sheetParts(zip)).get("教务处")!;
  const rels = await zip.file(relsOf(sheet))!.async("string");
  const found: string[] = [];
  for (const type of ["drawing", "vmlDrawing", "comments"]) {
    const target = new RegExp(`relationships/${type}" Target="([^"]+)"`).exec(rels)![1]!;
    const part = resolveTarget(sheet, target);
    found.push(await zip.file(part)!.async("base64"));
    if (type === "drawing") {
      const drawingRels = await zip.file(relsOf(part))!.async("string");
      const media = resolveTarget(part, /Target="([^"]+\.png)"/.exec(drawingRels)![1]!);
      found.push(await zip.file(media)!.async("base64"));
    }
  }
  return found;
}

async function download(page: Page): Promise<string> {
  const [d] = await Promise.all([page.waitForEvent("download"), page.click("#download-master")]);
  const file = join(tmp(), "七月总表.xlsx");
  await d.saveAs(file);
  return file;
}

it("the page rolls July into a master with 教务处's picture and note: kept byte for byte, June's chart too", async () => {
  const quotaFile = join(tmp(), "任务分配表.xlsx");
  await runCli("generate", join(SAMPLE_DIR, "graduates.csv"), "-o", quotaFile);
  const masterFile = await master(quotaFile);
  const before = await personParts(readFileSync(masterFile));
  const page = await browser.newPage({ acceptDownloads: true });
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.route(/appsforoffice\.microsoft\.com/, (route) => route.abort());
  await page.goto(`${server.url}/taskpane.html`);
  await page.waitForSelector("html[data-pane-ready=browser]");
  await page.click("#tab-rollup");
  await page.setInputFiles("#quota-file-rollup", quotaFile);
  await page.waitForSelector("#quota-file-rollup-message.picker-message--success");
  await page.setInputFiles("#master-file", masterFile);
  await page.waitForSelector("#master-file-message.picker-message--success");
  await page.setInputFiles("#rollup-files", await report(7, [40, 140]));
  await page.waitForSelector("#download-master");
  const file = await download(page);
  expect(await personParts(readFileSync(file))).toEqual(before);
  const zip = await JSZip.loadAsync(readFileSync(file));
  const sheets = new Map(await sheetParts(zip));
  for (const summary of ["汇总2022-06", "汇总2022-07"]) {
    const rels = await zip.file(relsOf(sheets.get(summary)!))!.async("string");
    expect({ summary, drawing: rels.includes("relationships/drawing") }).toEqual({
      summary,
      drawing: true,
    });
  }
  expect(errors).toEqual([]);
  await page.close();
});
