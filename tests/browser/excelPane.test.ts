/* The pane inside Excel, as far as Chromium can show it: a stand-in office.js says the host is
   Excel and answers each Excel.run with what the test queues (no workbook here: the adapters have
   their own tests on the strict mock). Checks the panel's wiring: the tabs, the version guard, the
   question before updating earlier sheets, the result, the conversion and an Excel error. */
import { Browser, Page } from "playwright-core";
import { StaticServer, pageReady, startBrowser, stopBrowser } from "../support/browserHarness";

const ready = pageReady("boot.js", "the Excel pane test");
jest.setTimeout(120_000);

/** What Excel on Windows puts in the pane's URL. */
const IN_OFFICE = "?_host_Info=Excel$Win32$16.01$zh-CN$$$$0";
const CDN = /appsforoffice\.microsoft\.com/;

// Office.js as the pane uses it at start-up, and an Excel.run that hands back queued answers
// (an answer {reject: {code, message}} makes it fail as Excel does).
const FAKE_OFFICE_JS = `
window.__answers = [];
window.__runs = 0;
window.Office = {
  HostType: { Excel: "Excel" },
  context: { requirements: { isSetSupported: function () { return !window.__oldExcel; } } },
  onReady: function (callback) {
    return Promise.resolve().then(function () { callback({ host: "Excel" }); });
  },
};
window.Excel = {
  run: function () {
    window.__runs++;
    var answer = window.__answers.shift();
    if (answer && answer.reject)
      return Promise.reject(Object.assign(new Error(answer.reject.message), answer.reject));
    return answer ? Promise.resolve(answer) : Promise.reject(new Error("no answer queued"));
  },
};`;

let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  if (!ready) return;
  ({ server, browser } = await startBrowser());
});
afterAll(() => stopBrowser({ server, browser }));

async function openInExcel(init = ""): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 320, height: 900 } });
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.route(CDN, (route) =>
    route.fulfill({ status: 200, contentType: "text/javascript", body: FAKE_OFFICE_JS })
  );
  await page.addInitScript(init);
  await page.goto(`${server.url}/taskpane.html${IN_OFFICE}`);
  return { page, errors };
}

const queue = (page: Page, ...answers: unknown[]) =>
  page.evaluate((a) => {
    (window as unknown as { __answers: unknown[] }).__answers.push(...a);
  }, answers);
const runs = (page: Page) => page.evaluate(() => (window as unknown as { __runs: number }).__runs);
const status = (page: Page) => page.textContent("#status");

/** A plan as generateInWorkbook hands it back: enough for the pane to show. */
const PLAN = {
  renamed: [["表1", "表1 (2)"]],
  graduates: { warnings: ["第 5 行人数为空，按 0 计"] },
  tables: { rows: [], totals: {}, notes: [{ level: "info", message: "说明一条" }] },
};

(ready ? describe : describe.skip)("the pane inside Excel", () => {
  test("three tabs; 任务分配 has the formula style, 生成 and both conversions", async () => {
    const { page, errors } = await openInExcel();
    await page.waitForSelector("html[data-pane-ready=excel]");
    const tabs = await page.$$eval("[role=tab]", (ts) => ts.map((t) => t.textContent));
    expect(tabs).toEqual(["任务分配", "月报", "汇总"]);
    const styles = await page.$$eval("#formula-style option", (os) =>
      os.map((o) => (o as HTMLOptionElement).value)
    );
    expect(styles).toEqual(["quota", "native", "values"]);
    for (const id of ["#generate", "#convert-native", "#convert-values", "#quota-output"])
      expect(await page.$(id)).not.toBeNull();
    expect(await status(page)).toContain("就绪");
    expect(errors).toEqual([]);
    await page.close();
  });

  test("an Excel below ExcelApi 1.12 gets the versions that can run the add-in", async () => {
    const { page } = await openInExcel("window.__oldExcel = true;");
    await page.waitForSelector("html[data-pane-ready=excel]");
    expect(await page.textContent("#app")).toContain("Excel 版本过旧");
    expect(await status(page)).toContain("Excel 2021");
    expect(await page.$("#generate")).toBeNull();
    await page.close();
  });

  test("生成 asks before updating earlier sheets; 取消 leaves the workbook alone", async () => {
    const { page } = await openInExcel();
    await page.waitForSelector("#generate");
    await queue(page, { confirm: ["表1", "表2"] });
    await page.click("#generate");
    const question = await page.waitForSelector(".confirm");
    expect(await question.textContent()).toContain(
      "工作表 表1、表2 是上次生成的，要用新结果更新吗？"
    );
    await page.click(".confirm__actions >> text=取消");
    await page.waitForFunction(() =>
      document.getElementById("status")?.textContent?.includes("已取消")
    );
    expect(await status(page)).toContain("已取消，工作簿未改动。");
    expect(await runs(page)).toBe(1);
    expect(await page.isEnabled("#generate")).toBe(true);
    await page.close();
  });

  test("生成 after 更新: run again, the tables shown, renamed sheets and warnings said", async () => {
    const { page, errors } = await openInExcel();
    await page.waitForSelector("#generate");
    await queue(page, { confirm: ["表1"] }, { plan: PLAN });
    await page.click("#generate");
    await page.click(".confirm__actions >> text=更新");
    await page.waitForSelector("#quota-output .data-table");
    expect(await runs(page)).toBe(2);
    const captions = await page.$$eval("#quota-output caption", (cs) =>
      cs.map((c) => c.textContent)
    );
    expect(captions).toEqual([
      "表1 培训任务",
      "表2 高级工及以上",
      "表3 非高级工及以上",
      "表4 1+X证书",
    ]);
    const shown = await status(page);
    expect(shown).toContain("已生成表1–表4（0 个学院）");
    expect(shown).toContain("已有非本工具的“表1”，新表命名为“表1 (2)”");
    expect(shown).toContain("第 5 行人数为空");
    expect(errors).toEqual([]);
    await page.close();
  });

  test("an Excel error while generating lands in the status line, 生成 usable again", async () => {
    const { page } = await openInExcel();
    await page.waitForSelector("#generate");
    await queue(page, { reject: { code: "AccessDenied", message: "denied" } });
    await page.click("#generate");
    await page.waitForFunction(() =>
      document.getElementById("status")?.textContent?.includes("受保护")
    );
    expect(await status(page)).toContain("工作簿或工作表受保护，无法写入。");
    expect(await page.isEnabled("#generate")).toBe(true);
    expect(await page.$("#manual-layout section")).toBeNull();
    await page.close();
  });

  test.each([
    [
      "普通公式",
      "#convert-native",
      { cells: 3, sheets: ["表1", "表2"], asValues: 0 },
      ["已转换 3 个单元格（表1、表2）", "现在可把工作簿发给"],
    ],
    [
      "数值, with an APPORTION spill",
      "#convert-values",
      { cells: 3, sheets: ["表1", "表2"], asValues: 1 },
      ["已转换 3 个单元格（表1、表2）", "其中 1 个 QUOTA.APPORTION"],
    ],
    [
      "nothing to convert",
      "#convert-native",
      { cells: 0, sheets: [], asValues: 0 },
      ["没有 QUOTA 函数，无需转换"],
    ],
  ])("转换 (%s): what was converted is said", async (_case, button, outcome, said) => {
    const { page } = await openInExcel();
    await page.waitForSelector(button);
    await queue(page, outcome);
    await page.click(button);
    await page.waitForSelector("#status.app-status--success");
    const shown = await status(page);
    for (const words of said) expect(shown).toContain(words);
    expect(await runs(page)).toBe(1);
    await page.close();
  });
});
