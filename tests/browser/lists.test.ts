/* The web page with supporting lists (培训名单, 取证名单): checks name sheet and cell, the roll-up keeps
   名单台账, a duplicate across colleges and a count off by one are caught, nothing to roll up offers nothing. */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { pathToFileURL } from "url";
import { Browser, Page } from "playwright-core";
import { readGrids } from "../../src/adapters/xlsx/readGrids";
import { makeIdHasher } from "../../src/core/lists/idHasher";
import { SAMPLE_DIR } from "../support/planData";
import { runCli } from "../support/runCli";
import { CERT, ListRow, TRAIN, fillListReport } from "../support/listReport";
import { StaticServer, WEB, pageReady, startBrowser, stopBrowser } from "../support/browserHarness";
import { useTempDir } from "../support/tempDir";

const ready = pageReady("taskpane.html", "the page's list test");
const tmp = useTempDir("lists-page-");
jest.setTimeout(180_000);

const ID = "11010519491231002X";
const KEY = "学校的密钥-0123456789abcdef";

/**
 * A college's report made by `quota template`, its form filled ([当月完成, 累计已完成] per section)
 * and its lists' rows written under the headers (row 3 on).
 */
async function report(
  college: string,
  name: string,
  month: 6 | 7,
  done: [number, number][],
  lists: { training: ListRow[]; certificate: ListRow[] }
): Promise<string> {
  const blank = join(tmp(), `blank-${name}`);
  const args = ["--college", college, "--month", `2022-0${month}`, "--quotas", quotaFile];
  expect((await runCli("template", ...args, "-o", blank)).code).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(blank);
  fillListReport(wb, month, done, lists);
  const file = join(tmp(), name);
  await wb.xlsx.writeFile(file);
  return file;
}

let browser: Browser;
let server: StaticServer;
let quotaFile = "";
/** 经济管理学院: lists that match its form. */
let eco = "";
/** 人文学院: its one certificate has 经济管理学院's 证书编号 (a duplicate across colleges). */
let hum = "";
/** 艺术学院: 当月完成 培训 3 against 2 rows of June (and a July row, which counts nowhere). */
let art = "";

beforeAll(async () => {
  if (!ready) return;
  quotaFile = join(tmp(), "quota.xlsx");
  expect((await runCli("generate", join(SAMPLE_DIR, "graduates.csv"), "-o", quotaFile)).code).toBe(
    0
  );
  eco = await report(
    "经济管理学院",
    "经济管理学院-2022年6月.xlsx",
    6,
    [
      [2, 2],
      [1, 1],
      [0, 0],
      [0, 0],
    ],
    {
      training: [TRAIN("2019010101", "2022-06-10"), TRAIN("2019010102", "2022-06-11")],
      certificate: [CERT("2019010101", "ZS-0001", "2022-06-15", ID)],
    }
  );
  hum = await report(
    "人文学院",
    "人文学院-2022年6月.xlsx",
    6,
    [
      [0, 0],
      [1, 1],
      [0, 0],
      [0, 0],
    ],
    { training: [], certificate: [CERT("2020020201", "ZS-0001", "2022-06-20")] }
  );
  art = await report(
    "艺术学院",
    "艺术学院-2022年6月.xlsx",
    6,
    [
      [3, 3],
      [0, 0],
      [0, 0],
      [0, 0],
    ],
    {
      training: [
        TRAIN("2019030101", "2022-06-10"),
        TRAIN("2019030102", "2022-06-11"),
        TRAIN("2019030103", "2022-07-01"),
      ],
      certificate: [],
    }
  );
  ({ server, browser } = await startBrowser());
});
afterAll(() => stopBrowser({ server, browser }));

type Where = "served" | "file";

async function openPage(where: Where = "served"): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({
    acceptDownloads: true,
    viewport: { width: 480, height: 900 },
  });
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.route(/appsforoffice\.microsoft\.com/, (route) => route.abort());
  await page.goto(
    where === "served"
      ? `${server.url}/taskpane.html`
      : pathToFileURL(join(WEB, "taskpane.html")).href
  );
  await page.waitForSelector("html[data-pane-ready=browser]");
  return { page, errors };
}

const textOf = (page: Page, selector: string) =>
  page.$$eval(selector, (items) => items.map((i) => i.textContent ?? ""));

/** The findings shown for the reports, as "code@where" with where read from the text. */
const shownFindings = (page: Page) =>
  page.$$eval("#check-output [data-code]", (items) =>
    items.map((i) => {
      const where = /^(?:错误|提醒) ([^：]+)：/.exec(i.textContent ?? "")?.[1] ?? "-";
      return `${i.getAttribute("data-code")}@${where}`;
    })
  );

async function pickQuotas(page: Page, tab: "check" | "rollup"): Promise<void> {
  await page.setInputFiles(`#quota-file-${tab}`, quotaFile);
  await page.waitForFunction(
    (t) => document.querySelector(`#panel-${t}`)?.textContent?.includes("12 个学院"),
    tab
  );
}

/** The key goes in the folded field on the 汇总 tab. */
async function typeKey(page: Page, key: string): Promise<void> {
  if (!(await page.isVisible("#id-key-rollup"))) await page.click("#id-key-rollup-details summary");
  await page.fill("#id-key-rollup", key);
}

/** 月报汇总 on the page; the downloaded master's path, or null when none is offered. */
async function rollUpOnPage(
  page: Page,
  files: string[],
  options: { master?: string; key?: string; name: string }
): Promise<string | null> {
  await page.click("#tab-rollup");
  await pickQuotas(page, "rollup");
  if (options.master) {
    await page.setInputFiles("#master-file", options.master);
    await page.waitForFunction(() =>
      document.querySelector("#panel-rollup")?.textContent?.includes("本月数据将并入此总表")
    );
  }
  if (options.key) await typeKey(page, options.key);
  await page.setInputFiles("#rollup-files", files);
  await page.waitForSelector("#rollup-output .result, #rollup-output #rejected-reports");
  if (!(await page.$("#download-master"))) return null;
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.click("#download-master"),
  ]);
  const file = join(tmp(), options.name);
  await download.saveAs(file);
  return file;
}

const gridsOf = async (file: string) => readGrids(ExcelJS, readFileSync(file), file);

describe.each<Where>(["served", "file"])("opened %s", (where) => {
  (ready ? test : test.skip)(
    "月报检查 reads each report's lists: findings name their sheet and cell",
    async () => {
      const { page, errors } = await openPage(where);
      await page.click("#tab-check");
      await pickQuotas(page, "check");
      await page.setInputFiles("#report-files", [eco, hum, art]);
      await page.waitForSelector("#check-output .report-result:nth-child(3)");
      // The files are compared with each other, as `quota validate` does: 人文学院's certificate
      // carries 经济管理学院's 证书编号, and both are told.
      expect(await textOf(page, "#check-output .report-result > .result__heading")).toEqual([
        "✗ 有错误：经济管理学院-2022年6月.xlsx · 2022年6月",
        "✗ 有错误：人文学院-2022年6月.xlsx · 2022年6月",
        "✗ 有错误：艺术学院-2022年6月.xlsx · 2022年6月",
      ]);
      // 培训 counts 2 in June against 3 on the form; the July row is after the report month.
      expect((await shownFindings(page)).sort()).toEqual([
        "list-count-month@D4",
        "list-date-after-month@培训名单!I5",
        "list-duplicate-number@取证名单!J3",
        "list-duplicate-number@取证名单!J3",
      ]);
      // Without a master the cross-month checks are skipped, and the page says so.
      expect(await page.textContent("#skipped-files")).toContain("未核对名单的累计已完成");
      expect(await page.textContent("#status")).toContain("0 份通过，3 份有错误");
      // The 问题清单 to send back names the list sheet too.
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.click("#download-problems"),
      ]);
      const problems = join(tmp(), `问题清单-${where}.xlsx`);
      await download.saveAs(problems);
      const rows = (await gridsOf(problems))[0]!.rows.map((r) => r.map(String).join("|"));
      expect(rows.some((r) => r.includes("培训名单|I5"))).toBe(true);
      expect(errors).toEqual([]);
      await page.close();
    }
  );
});

(ready ? test : test.skip)(
  "月报汇总: a duplicate 证书编号 across colleges and a count off by one are rejected; the master keeps 名单台账",
  async () => {
    const { page, errors } = await openPage();
    const master = await rollUpOnPage(page, [eco, hum, art], { name: "总表-6月.xlsx" });
    expect(master).not.toBeNull();
    const rejected = await page.textContent("#rejected-reports");
    expect(rejected).toContain("人文学院-2022年6月.xlsx");
    expect(rejected).toContain("取证名单!J3");
    expect(rejected).toContain("艺术学院-2022年6月.xlsx");
    expect(rejected).toContain("2022年6月!D4");
    expect(rejected).toContain("培训名单!I5");
    // No key: the page says what is not checked.
    expect(await page.textContent("#rollup-output #skipped-files")).toContain("未填写身份证号密钥");
    const grids = await gridsOf(master!);
    expect(grids.map((g) => g.name)).toEqual(["汇总2022-06", "月报台账", "名单台账"]);
    const ledger = grids[2]!.rows.slice(1).filter((r) => r.length > 0);
    // eco's 2 training rows and its certificate; hum's and art's rows are left out.
    expect(ledger).toHaveLength(3);
    const text = JSON.stringify(grids[2]!.rows);
    expect(text).toContain("2019010101");
    expect(text).not.toContain("2020020201");
    expect(text).not.toContain("2019030101");
    expect(text).not.toContain(ID);
    expect(text).not.toContain("王五");
    expect(errors).toEqual([]);
    await page.close();
  }
);

(ready ? test : test.skip)(
  "the ID key: refused under 16 characters beside the field, never stored, hashes IDs in 名单台账",
  async () => {
    const { page, errors } = await openPage();
    await page.click("#tab-rollup");
    expect(await page.getAttribute("#id-key-rollup", "type")).toBe("password");
    await typeKey(page, "太短的密钥");
    expect(await page.textContent("#id-key-rollup-message")).toContain("至少 16 个字符");
    await page.setInputFiles("#rollup-files", [eco]);
    await page.waitForFunction(() =>
      document.querySelector("#rollup-files-message")?.textContent?.includes("密钥太短")
    );
    expect(await page.$("#download-master")).toBeNull();

    await typeKey(page, KEY);
    expect(await page.textContent("#id-key-rollup-message")).toContain("密钥可用");
    const master = await rollUpOnPage(page, [eco], { name: "总表-密钥.xlsx", key: KEY });
    expect(await page.textContent("#rollup-output")).not.toContain("未填写身份证号密钥");
    const grids = await gridsOf(master!);
    const list = grids.find((g) => g.name === "名单台账")!;
    const header = list.rows[0]!.map(String);
    const certRow = list.rows.find((r) => r.includes("ZS-0001"))!;
    expect(certRow[header.indexOf("身份证号摘要")]).toBe(makeIdHasher(KEY)(ID));
    // The key is in no storage of the page and in no part of the file.
    const stored = await page.evaluate(() =>
      JSON.stringify([{ ...localStorage }, { ...sessionStorage }, document.cookie])
    );
    expect(stored).not.toContain(KEY);
    const zip = await JSZip.loadAsync(readFileSync(master!));
    const parts = Object.values(zip.files).filter((f) => !f.dir);
    expect(parts.length).toBeGreaterThan(5);
    for (const part of parts) expect(await part.async("string")).not.toContain("0123456789abcdef");
    expect(errors).toEqual([]);
    await page.close();
  }
);

(ready ? test : test.skip)(
  "no valid report: nothing to download, said plainly; the master is not offered with an empty 汇总",
  async () => {
    const { page, errors } = await openPage();
    const master = await rollUpOnPage(page, [art], { name: "不应下载.xlsx" });
    expect(master).toBeNull();
    expect(await page.$("#download-master")).toBeNull();
    expect(await page.textContent("#rollup-files-message")).toContain("没有可汇总的报表");
    expect(await page.textContent("#status")).toContain("未生成总表");
    expect(await page.textContent("#rejected-reports")).toContain("2022年6月!D4");
    expect(errors).toEqual([]);
    await page.close();
  }
);

/** The master with 月报台账 renamed as Excel does it: the sheet and the names that point at it. */
async function renameLedger(from: string, to: string, name: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(from));
  const xml = await zip.file("xl/workbook.xml")!.async("string");
  expect(xml).toContain("_QUOTA_ledger");
  zip.file("xl/workbook.xml", xml.split("月报台账").join(name));
  const file = join(tmp(), `renamed-${name}.xlsx`);
  writeFileSync(file, await zip.generateAsync({ type: "nodebuffer" }));
  return file;
}

/** July: 经济管理学院 adds 1 training row (累计 = June's 2 + 1); 人文学院's certificate repeats its June number. */
async function julyReports(): Promise<[string, string]> {
  const ecoJuly = await report(
    "经济管理学院",
    "经济管理学院-2022年7月.xlsx",
    7,
    [
      [1, 3],
      [0, 1],
      [0, 0],
      [0, 0],
    ],
    { training: [TRAIN("2019010103", "2022-07-05")], certificate: [] }
  );
  const humJuly = await report(
    "人文学院",
    "人文学院-2022年7月.xlsx",
    7,
    [
      [0, 0],
      [1, 1],
      [0, 0],
      [0, 0],
    ],
    { training: [], certificate: [CERT("2020020201", "ZS-0001", "2022-07-02")] }
  );
  return [ecoJuly, humJuly];
}

(ready ? test : test.skip)(
  "a renamed 月报台账 is found by its ownership name: July's check and roll-up use June's ledgers",
  async () => {
    const june = join(tmp(), "june-cli.xlsx");
    expect((await runCli("rollup", eco, "--quotas", quotaFile, "-o", june)).code).toBe(0);
    const renamed = await renameLedger(june, "台账（勿删）", "台账（勿删）");
    const [ecoJuly, humJuly] = await julyReports();
    const { page, errors } = await openPage();
    await page.click("#tab-check");
    expect(await page.isVisible("#id-key-check-details")).toBe(false);
    await page.setInputFiles("#previous-file-check", renamed);
    await page.waitForFunction(() =>
      document.querySelector("#panel-check")?.textContent?.includes("按名单台账核对")
    );
    // A master with 名单台账: the key (for its ID hashes) may be given, and the check says it was not.
    expect(await page.isVisible("#id-key-check-details")).toBe(true);
    await page.setInputFiles("#report-files", [ecoJuly, humJuly]);
    await page.waitForSelector("#check-output .report-result:nth-child(2)");
    // 人文学院 was not in June's ledger (previous-missing, on its form); its certificate repeats June's.
    expect((await shownFindings(page)).sort()).toEqual([
      "list-duplicate-number@取证名单!J3",
      "previous-missing@E4",
    ]);
    expect(await page.textContent("#skipped-files")).toContain("已改名为“台账（勿删）”");
    expect(await page.textContent("#skipped-files")).toContain("不按身份证号与总表查重");

    // The renamed master picked among the reports by mistake is still known as a master, and set aside.
    const july = await rollUpOnPage(page, [ecoJuly, humJuly, renamed], {
      master: renamed,
      name: "总表-7月.xlsx",
    });
    expect(await page.textContent("#rejected-reports")).toContain("取证名单!J3");
    expect(await page.textContent("#rollup-output #skipped-files")).toContain("是总表，不是月报表");
    const grids = await gridsOf(july!);
    const names = grids.map((g) => g.name);
    expect(names).toContain("台账（勿删）");
    expect(names).not.toContain("月报台账");
    const ledger = grids.find((g) => g.name === "台账（勿删）")!.rows.slice(1);
    expect(ledger.filter((r) => r[1] === "2022-07").map((r) => r[0])).toEqual(
      Array(4).fill("经济管理学院")
    );
    const list = grids.find((g) => g.name === "名单台账")!.rows.slice(1);
    expect(JSON.stringify(list)).toContain("2019010103");
    expect(errors).toEqual([]);
    await page.close();
  }
);
