/* The web page as a WPS or browser user meets it, in Debian's Chromium at 320 and 1280 px, served
   and opened from disk (file://): layout and text size, one focus ring, one quota workbook for every
   tab, errors beside their picker, the no-quota note by the totals and in the master, 附件6 for one
   or all colleges (workbook and zip), columns by hand, confirmation before replacing a
   college-month, errors first with a filter and a 问题清单. */
import ExcelJS from "exceljs";
import { spawn } from "child_process";
import JSZip from "jszip";
import { readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { pathToFileURL } from "url";
import { Browser, Page } from "playwright-core";
import { writeModelToFile } from "../../src/adapters/xlsx/node";
import { readGrids } from "../../src/adapters/xlsx/readGrids";
import { demoReport } from "../../src/cli/demoReports";
import { buildQuotaTables } from "../../src/core/quotaTables";
import { quotaLookupFromTables } from "../../src/core/report/quotaLookup";
import { planColleges, SAMPLE_DIR } from "../support/planData";
import { runCli } from "../support/runCli";
import { StaticServer, WEB, pageReady, startBrowser, stopBrowser } from "../support/browserHarness";
import { useTempDir } from "../support/tempDir";

const ready = pageReady("taskpane.html", "the page test");
const it = ready ? test : test.skip;
const tmp = useTempDir("page-");
jest.setTimeout(120_000);

let browser: Browser;
let server: StaticServer;
let quotaFile = "";
const quotas = quotaLookupFromTables(buildQuotaTables(planColleges()).rows);
const june = { year: 2022, month: 6 };

async function report(college: string, share: number, name = college): Promise<string> {
  const file = join(tmp(), `${name}-2022年6月.xlsx`);
  await writeModelToFile({ sheets: [demoReport(quotas.find(college)!, june, share, 20)] }, file);
  return file;
}

beforeAll(async () => {
  if (!ready) return;
  quotaFile = join(tmp(), "任务分配表.xlsx");
  await runCli("generate", join(SAMPLE_DIR, "graduates.csv"), "-o", quotaFile);
  ({ server, browser } = await startBrowser());
});
afterAll(() => stopBrowser({ server, browser }));

type Where = "served" | "file";

async function openPage(
  width: number,
  where: Where = "served"
): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ acceptDownloads: true, viewport: { width, height: 800 } });
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.route(/appsforoffice\.microsoft\.com/, (route) => route.abort());
  const url =
    where === "served"
      ? `${server.url}/taskpane.html`
      : pathToFileURL(join(WEB, "taskpane.html")).href;
  await page.goto(url);
  await page.waitForSelector("html[data-pane-ready=browser]");
  return { page, errors };
}

async function download(page: Page, selector: string, name: string): Promise<string> {
  const [d] = await Promise.all([page.waitForEvent("download"), page.click(selector)]);
  const file = join(tmp(), name);
  await d.saveAs(file);
  return file;
}

const gridsOf = async (file: string) => readGrids(ExcelJS, readFileSync(file), file);

describe.each([320, 1280])("at %i px", (width) => {
  it("readable: no sideways scrolling, text ≥ 13 px, a centred column on wide screens", async () => {
    const { page, errors } = await openPage(width);
    for (const tab of ["quota", "templates", "check", "rollup"]) {
      await page.click(`#tab-${tab}`);
      const layout = await page.evaluate(() => {
        const main = document.getElementById("app")!.getBoundingClientRect();
        const sizes = [...document.querySelectorAll("body *")]
          .filter((e) => e.getClientRects().length > 0 && (e.textContent ?? "").trim() !== "")
          .map((e) => parseFloat(getComputedStyle(e).fontSize));
        const button = document
          .querySelector(".tab-panel:not([hidden]) .file-input")
          ?.getBoundingClientRect();
        return {
          overflow: document.documentElement.scrollWidth - window.innerWidth,
          smallest: Math.min(...sizes),
          left: main.left,
          right: window.innerWidth - main.right,
          mainWidth: main.width,
          buttonWidth: button?.width ?? 0,
        };
      });
      expect([tab, layout.overflow]).toEqual([tab, 0]);
      expect(layout.smallest).toBeGreaterThanOrEqual(13);
      if (width === 1280) {
        expect(layout.mainWidth).toBeLessThanOrEqual(760);
        expect(Math.abs(layout.left - layout.right)).toBeLessThanOrEqual(2);
        expect(layout.buttonWidth).toBeLessThan(layout.mainWidth / 2);
      }
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it("one focus ring: tabbing to a picker rings that picker only", async () => {
    const { page } = await openPage(width);
    await page.click("#tab-check");
    await page.focus("#tab-check");
    const rings: number[] = [];
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press("Tab");
      const ringed = await page.$$eval(
        "#panel-check .file-input",
        (labels) => labels.filter((l) => getComputedStyle(l).boxShadow !== "none").length
      );
      rings.push(ringed);
    }
    // the three pickers are reached in turn, each ringed alone
    expect(Math.max(...rings)).toBe(1);
    expect(rings.filter((n) => n === 1).length).toBeGreaterThanOrEqual(3);
    await page.close();
  });

  it("without the quota workbook the totals say whose sum they are, on screen and in the master", async () => {
    const { page, errors } = await openPage(width);
    await page.click("#tab-rollup");
    await page.setInputFiles("#rollup-files", [
      await report("外国语学院", 0.5),
      await report("人文学院", 0.3),
    ]);
    await page.waitForSelector("#download-master");
    const note = await page.textContent("#targets-from-reports");
    expect(note).toContain("已报送学院的年度任务之和");
    const inView = await page.$eval("#rollup-output", (e) => {
      const r = e.getBoundingClientRect();
      return r.top >= 0 && r.top < window.innerHeight;
    });
    expect(inView).toBe(true);
    const file = await download(page, "#download-master", `master-${width}.xlsx`);
    const summary = (await gridsOf(file))[0]!;
    expect(summary.rows.flat().some((v) => String(v).includes("已报送学院的年度任务之和"))).toBe(
      true
    );
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe.each<Where>(["served", "file"])("the page %s", (where) => {
  it("one quota workbook serves every tab; a failed pick says why beside it and clears it", async () => {
    const { page, errors } = await openPage(320, where);
    await page.click("#tab-check");
    await page.setInputFiles("#quota-file-check", quotaFile);
    await page.waitForSelector("#quota-file-check-message.picker-message--success");
    await page.click("#tab-rollup");
    expect(await page.textContent("#panel-rollup")).toContain("已选：任务分配表.xlsx（12 个学院");
    await page.click("#tab-templates");
    expect(await page.$$eval("#template-college option", (o) => o.length)).toBe(13);

    const stray = join(tmp(), "随便一个表.xlsx");
    await writeModelToFile(
      { sheets: [demoReport(quotas.find("人文学院")!, june, 0.1, 20)] },
      stray
    );
    await page.setInputFiles("#quota-file-templates", stray);
    await page.waitForSelector("#quota-file-templates-message.picker-message--error");
    const message = await page.textContent("#quota-file-templates-message");
    expect(message).toContain("“随便一个表.xlsx”不能用作任务分配表");
    expect(message).toContain("请选择由本工具");
    expect(message).not.toMatch(/quota |exceljs|发给教务处/);
    await page.click("#tab-check");
    expect(await page.textContent("#panel-check")).toContain("未选择任务分配表");
    expect(await page.textContent("#panel-check")).not.toContain("已选：任务分配表.xlsx");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("附件6 for all colleges: one workbook with a sheet each, a zip of one file each, or one college", async () => {
    const { page, errors } = await openPage(1280, where);
    await page.click("#tab-templates");
    await page.click("#download-templates");
    expect(await page.textContent("#template-message")).toContain("还没有选择任务分配表");
    await page.setInputFiles("#quota-file-templates", quotaFile);
    await page.waitForSelector("#quota-file-templates-message.picker-message--success");
    await page.click("#download-templates");
    expect(await page.textContent("#template-message")).toContain("还没有选择月份");
    await page.fill("#template-month", "2022-06");

    const book = await download(page, "#download-templates", `all-${where}.xlsx`);
    const sheets = await gridsOf(book);
    expect(sheets.map((g) => g.name)).toEqual(
      quotas.colleges.flatMap((c) => [
        `${c.college}2022年6月`,
        `${c.college}培训名单`,
        `${c.college}取证名单`,
      ])
    );
    const check = await runCli("validate", book, "--json");
    const results = JSON.parse(check.stdout) as { college: string; month: string }[];
    expect(results.map((r) => r.college)).toEqual(quotas.colleges.map((c) => c.college));

    const zipFile = await download(page, "#download-templates-zip", `all-${where}.zip`);
    const zip = await JSZip.loadAsync(readFileSync(zipFile));
    const names = Object.keys(zip.files).sort();
    expect(names).toEqual(quotas.colleges.map((c) => `月报表-${c.college}-2022年6月.xlsx`).sort());
    const first = await zip.file(names[0]!)!.async("uint8array");
    // Each file as `quota template --all --split` writes it: the form and its two lists.
    expect((await readGrids(ExcelJS, first, names[0]!)).map((g) => g.name).slice(1)).toEqual([
      "培训名单",
      "取证名单",
    ]);

    await page.selectOption("#template-college", "人文学院");
    expect(await page.isVisible("#download-templates-zip")).toBe(false);
    const one = await download(page, "#download-templates", `one-${where}.xlsx`);
    expect((await gridsOf(one)).map((g) => g.name)).toEqual([
      "人文学院2022年6月",
      "人文学院培训名单",
      "人文学院取证名单",
    ]);
    expect(errors).toEqual([]);
    await page.close();
  });
});

it("a graduate table with unknown headers: columns by hand, then the tables", async () => {
  const { page, errors } = await openPage(320);
  const csv = join(tmp(), "甲乙丙.csv");
  writeFileSync(csv, "学院,甲,乙,丙\n外国语学院,238,97,5\n文学院,100,0,12\n");
  await page.setInputFiles("#graduates-file", csv);
  await page.waitForSelector("#manual-columns");
  expect(await page.textContent("#graduates-file-message")).toContain("手动指定");
  await page.fill("#columns-undergraduate", "B");
  await page.fill("#columns-higherVocational", "C");
  await page.fill("#columns-secondaryVocational", "X1");
  await page.click("#apply-columns");
  await page.waitForSelector("#graduates-file-message.picker-message--error");
  expect(await page.textContent("#graduates-file-message")).toContain("应为列字母");
  await page.fill("#columns-secondaryVocational", "d");
  await page.click("#apply-columns");
  await page.waitForSelector("#download-quota");
  expect(await page.isVisible("#manual-columns")).toBe(false);
  const rows = await page.$$eval(".data-table:first-of-type tbody th", (t) =>
    t.map((e) => e.textContent)
  );
  expect(rows).toEqual(["外国语学院", "文学院", "合计"]);
  expect(errors).toEqual([]);
  await page.close();
});

it("a corrected report asks before it replaces the college-month in the master", async () => {
  const first = await report("外国语学院", 0.5);
  const master = join(tmp(), "六月总表.xlsx");
  expect((await runCli("rollup", first, "-o", master, "--quotas", quotaFile)).code).toBe(0);
  const corrected = await report("外国语学院", 0.6, "外国语学院-更正");
  const { page, errors } = await openPage(320);
  await page.click("#tab-rollup");
  await page.setInputFiles("#quota-file-rollup", quotaFile);
  await page.waitForSelector("#quota-file-rollup-message.picker-message--success");
  await page.setInputFiles("#master-file", master);
  await page.waitForSelector("#master-file-message.picker-message--success");
  await page.setInputFiles("#rollup-files", corrected);
  await page.waitForSelector(".confirm");
  expect(await page.textContent(".confirm")).toContain("外国语学院 2022-06");
  await page.click('.confirm button:text-is("不替换")');
  await page.waitForSelector("#rollup-files-message.picker-message--info");
  expect(await page.textContent("#rollup-files-message")).toContain("总表没有改动");
  expect(await page.$("#download-master")).toBeNull();

  await page.setInputFiles("#rollup-files", corrected);
  await page.waitForSelector(".confirm");
  await page.click('.confirm button:text-is("替换")');
  await page.waitForSelector("#download-master");
  const file = await download(page, "#download-master", "replaced.xlsx");
  const ledger = (await gridsOf(file)).find((g) => g.name === "月报台账")!;
  const files = ledger.rows.slice(1).map((r) => String(r[r.length - 1] ?? "") + r.join("|"));
  expect(files.some((f) => f.includes("外国语学院-更正-2022年6月.xlsx"))).toBe(true);
  expect(files.some((f) => f.includes("|外国语学院-2022年6月.xlsx|"))).toBe(false);
  expect(errors).toEqual([]);
  await page.close();
});

it("月报检查: errors first, 只看有错误, and the 问题清单 download", async () => {
  const good = await report("外国语学院", 0.5);
  const brokenFile = join(tmp(), "艺术学院-2022年6月.xlsx");
  await writeModelToFile(
    { sheets: [demoReport(quotas.find("艺术学院")!, june, 0.5, 20, true)] },
    brokenFile
  );
  const { page, errors } = await openPage(1280);
  await page.click("#tab-check");
  await page.setInputFiles("#report-files", [good, brokenFile, quotaFile]);
  await page.waitForSelector("#check-output .report-result");
  expect(await page.textContent("#skipped-files")).toContain(
    "“任务分配表.xlsx”是任务分配表，不是月报表，已跳过"
  );
  const headings = () =>
    page.$$eval("#check-output .report-result", (rs) =>
      rs
        .filter((r) => getComputedStyle(r).display !== "none")
        .map((r) => r.querySelector("h3")!.textContent)
    );
  expect(await headings()).toEqual([
    "✗ 有错误：艺术学院-2022年6月.xlsx · 2022年6月",
    "✓ 通过：外国语学院-2022年6月.xlsx · 2022年6月",
  ]);
  await page.check("#only-errors");
  expect(await headings()).toEqual(["✗ 有错误：艺术学院-2022年6月.xlsx · 2022年6月"]);
  const list = await download(page, "#download-problems", "问题清单.xlsx");
  const rows = (await gridsOf(list))[0]!.rows;
  expect(rows[1]).toEqual(["学院", "文件", "工作表", "单元格", "类别", "问题", "怎么改"]);
  expect(rows[2]!.slice(0, 2)).toEqual(["艺术学院", "艺术学院-2022年6月.xlsx"]);
  expect(rows[2]![4]).toBe("错误");
  expect(String(rows[2]![6])).not.toBe("");
  expect(errors).toEqual([]);
  await page.close();
});

it("work that takes over a second shows a progress bar, gone when done", async () => {
  const { page, errors } = await openPage(320);
  // hold the spreadsheet reader's download until the bar has been seen
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/reader|exceljs/, async (route) => {
    await held;
    await route.continue();
  });
  await page.click("#tab-check");
  await page.setInputFiles("#report-files", await report("外国语学院", 0.5));
  await page.waitForSelector("#check-output .progress-row:not([hidden])", { timeout: 10_000 });
  release();
  await page.waitForSelector("#check-output .report-result");
  expect(await page.$("#check-output .progress-row:not([hidden])")).toBeNull();
  expect(errors).toEqual([]);
  await page.close();
});

it("scripts/serveStatic.js run as a command serves dist/web and prints the address", async () => {
  const child = spawn(process.execPath, [
    join(__dirname, "..", "..", "scripts", "serveStatic.js"),
    WEB,
    "0",
  ]);
  try {
    const line = await new Promise<string>((resolve, reject) => {
      child.stdout.on("data", (d: Buffer) => resolve(d.toString()));
      child.on("exit", (code) => reject(new Error(`exited ${code}`)));
    });
    const url = /http:\/\/\S+\/taskpane\.html/.exec(line)?.[0];
    expect(url).toBeDefined();
    const page = await browser.newPage();
    await page.route(/appsforoffice\.microsoft\.com/, (route) => route.abort());
    await page.goto(url!);
    await page.waitForSelector("html[data-pane-ready=browser]");
    await page.close();
  } finally {
    child.kill();
  }
});
