/* The pane outside Office, in Debian's Chromium: loads with no page error, a graduate file is
   picked, the tables show, and the downloaded workbook's quotas equal the published ones. */
import ExcelJS from "exceljs";
import { readFileSync } from "fs";
import { join } from "path";
import { Browser, Page } from "playwright-core";
import { readGrids } from "../../src/adapters/xlsx/readGrids";
import { readPlanCsv, SAMPLE_DIR } from "../support/planData";
import { StaticServer, pageReady, startBrowser, stopBrowser } from "../support/browserHarness";
import { useTempDir } from "../support/tempDir";

const ready = pageReady("taskpane.html", "the pane test");
const tmp = useTempDir();
jest.setTimeout(120_000);

let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  if (!ready) return;
  ({ server, browser } = await startBrowser());
});
afterAll(() => stopBrowser({ server, browser }));

async function openPane(): Promise<{ page: Page; errors: string[]; requests: string[] }> {
  const page = await browser.newPage({
    acceptDownloads: true,
    viewport: { width: 320, height: 900 },
  });
  const errors: string[] = [];
  const requests: string[] = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("request", (r) => requests.push(r.url()));
  // No internet here: make the Office.js CDN fail at once, as it does offline.
  await page.route(/appsforoffice\.microsoft\.com/, (route) => route.abort());
  await page.goto(`${server.url}/taskpane.html`);
  await page.waitForSelector("html[data-pane-ready=browser]");
  return { page, errors, requests };
}

(ready ? test : test.skip)(
  "a graduate file in, the tables shown, the workbook downloaded",
  async () => {
    const { page, errors, requests } = await openPane();
    expect(requests.some((u) => /exceljs/.test(u))).toBe(false);
    await page.setInputFiles("#graduates-file", join(SAMPLE_DIR, "graduates.csv"));
    await page.waitForSelector("#download-quota");
    // Reading takes the reader's chunk; the download the writer's.
    expect(requests.some((u) => /reader/.test(u))).toBe(true);

    const captions = await page.$$eval(".data-table caption", (cs) => cs.map((c) => c.textContent));
    expect(captions).toEqual([
      "表1 培训任务",
      "表2 高级工及以上",
      "表3 非高级工及以上",
      "表4 1+X证书",
    ]);
    const totals = await page.$$eval(".data-table__total", (rows) =>
      rows.map((r) => r.textContent)
    );
    expect(totals).toEqual([
      "合计1324714572",
      "合计45043604",
      "合计163571083685",
      "合计36041024972",
    ]);
    expect(await page.textContent("#status")).toContain("12 个学院");

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.click("#download-quota"),
    ]);
    const file = join(tmp(), "download.xlsx");
    await download.saveAs(file);
    // A new workbook is our own writer's: exceljs loads only to write into a master.
    expect(requests.some((u) => /writer/.test(u))).toBe(true);
    expect(requests.some((u) => /exceljs/.test(u))).toBe(false);
    const grids = await readGrids(ExcelJS, readFileSync(file), file);
    const csv: Record<string, string> = {
      表1: "table1-training.csv",
      表2: "table2-advanced.csv",
      表3: "table3-nonadvanced.csv",
      表4: "table4-onex.csv",
    };
    for (const [sheet, name] of Object.entries(csv)) {
      const published = readPlanCsv(name).slice(1);
      // Under the title and the plan's two header rows, down to 合计 (表1's note follows).
      const rows = grids
        .find((g) => g.name === sheet)!
        .rows.slice(3, 3 + published.length)
        .map((r) => r.map(String));
      expect([sheet, rows]).toEqual([sheet, published]);
    }
    expect(errors).toEqual([]);
    await page.close();
  }
);

(ready ? test : test.skip)(
  "a file that is not a workbook: a message in the pane, no page error",
  async () => {
    const { page, errors } = await openPane();
    await page.setInputFiles("#graduates-file", {
      name: "报表.xlsx",
      mimeType: "application/octet-stream",
      buffer: Buffer.from("not a workbook"),
    });
    // said beside the picker, with the next step
    await page.waitForSelector("#graduates-file-message.picker-message--error");
    const message = await page.textContent("#graduates-file-message");
    expect(message).toMatch(/“报表.xlsx”无法读取/);
    expect(message).toMatch(/另存为 .xlsx/);
    expect(errors).toEqual([]);
    await page.close();
  }
);
