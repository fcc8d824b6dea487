/* The page reads .xls, .et and .ods reports (SheetJS's chunk, loaded on the first such file). */
import { copyFileSync, existsSync, readFileSync } from "fs";
import { join } from "path";
import { chromium } from "playwright-core";
import { writeModelToFile } from "../../src/adapters/xlsx/node";
import { demoReport } from "../../src/cli/demoReports";
import { buildQuotaTables } from "../../src/core/quotaTables";
import { quotaLookupFromTables } from "../../src/core/report/quotaLookup";
import { requireLibreOfficeInCI } from "../support/libreoffice";
import { convertWithLibreOffice } from "../support/libreofficeConvert";
import { planColleges, SAMPLE_DIR } from "../support/planData";
import { runCli } from "../support/runCli";
import { useTempDir } from "../support/tempDir";

const { serveStatic, CHROMIUM } = require("../../scripts/serveStatic.js");

const WEB = join(__dirname, "..", "..", "dist", "web");
const built = existsSync(join(WEB, "taskpane.html")) && existsSync(CHROMIUM.executablePath);
if (!built && process.env.CI)
  throw new Error("this test needs `npm run build` and /usr/bin/chromium");
const soffice = requireLibreOfficeInCI();
const tmp = useTempDir("browser-formats-");
jest.setTimeout(240_000);

(built && soffice ? test : test.skip)(
  "a report as .xls, .et and .ods passes in the page as its .xlsx does",
  async () => {
    const quotaFile = join(tmp(), "quota.xlsx");
    await runCli("generate", join(SAMPLE_DIR, "graduates.csv"), "-o", quotaFile);
    const quotas = quotaLookupFromTables(buildQuotaTables(planColleges()).rows);
    const xlsx = join(tmp(), "外国语学院-2022年6月.xlsx");
    await writeModelToFile(
      { sheets: [demoReport(quotas.find("外国语学院")!, { year: 2022, month: 6 }, 0.5, 20)] },
      xlsx
    );
    const [xls] = await convertWithLibreOffice(xlsx, join(tmp(), "xls"), "xls");
    const [ods] = await convertWithLibreOffice(xlsx, join(tmp(), "ods"), "ods");
    const et = xls!.replace(/\.xls$/, ".et");
    copyFileSync(xls!, et);

    const server = await serveStatic(WEB);
    const browser = await chromium.launch({
      executablePath: CHROMIUM.executablePath,
      args: CHROMIUM.args,
      headless: true,
    });
    try {
      const page = await browser.newPage({ viewport: { width: 320, height: 900 } });
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(String(e)));
      await page.route(/appsforoffice\.microsoft\.com/, (route) => route.abort());
      await page.goto(`${server.url}/taskpane.html`);
      await page.waitForSelector("html[data-pane-ready=browser]");
      await page.click("#tab-check");
      expect(await page.getAttribute("#report-files", "accept")).toBe(".xlsx,.xls,.et,.ods,.csv");
      await page.setInputFiles("#quota-file-check", quotaFile);
      await page.waitForFunction(() =>
        document.querySelector("#panel-check")?.textContent?.includes("12 个学院")
      );
      const files = [xls!, et, ods!].map((f) => ({
        name: f.replace(/^.*[\\/]/, ""),
        mimeType: "application/octet-stream",
        buffer: readFileSync(f),
      }));
      await page.setInputFiles("#report-files", files);
      await page.waitForSelector("#check-output .report-result:nth-child(3)");
      const headings = await page.$$eval("#check-output .result__heading", (hs) =>
        hs.map((h) => h.textContent)
      );
      expect(headings).toEqual([
        "✓ 通过：外国语学院-2022年6月.xls · 2022年6月",
        "✓ 通过：外国语学院-2022年6月.et · 2022年6月",
        "✓ 通过：外国语学院-2022年6月.ods · 2022年6月",
      ]);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
      await server.close();
    }
  }
);
