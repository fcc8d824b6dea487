/* Issue 10, in-process drills: a report file is untrusted, a master is never lost. Overwrite
   attempts, a symlinked and a read-only master, a renamed and a hand-edited ledger, one college
   per file and hidden sheets, --replace, the month set not voted, __proto__ as a college, text
   longer than a cell. (Concurrent runs and kill -9 are in trustProcess.test.ts.) */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import {
  chmodSync,
  existsSync,
  lstatSync,
  readFileSync,
  readdirSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "fs";
import { join } from "path";
import { readGridsFromFile } from "../../src/adapters/xlsx/node";
import { toExcelWorkbook } from "../../src/adapters/xlsx/writeWorkbook";
import { TEMPLATE_CELLS } from "../../src/core/report/buildReportTemplate";
import type { QuotaLookup } from "../../src/core/report/quotaLookup";
import type { YearMonth } from "../../src/core/report/reportMonth";
import { SAMPLE_DIR } from "../support/planData";
import { ReportSpec, reportSheet, writeReport } from "../support/reportFactory";
import { runCli } from "../support/runCli";
import {
  FOREIGN_JUNE,
  FOREIGN_MAY,
  Figures,
  JUNE,
  MAY,
  MEDIA_JUNE,
  ledgerOf,
  rollupInto,
  sampleQuotas,
  subfolder,
} from "../support/rollupFixtures";
import { useTempDir } from "../support/tempDir";

const tmp = useTempDir("trust-cli-");
jest.setTimeout(120_000);

let quotaFile = "";
let quotas: QuotaLookup;
const targetsOf = (college: string) => quotas.find(college)!;
const specOf = (college: string, month: YearMonth, done: Figures): ReportSpec => ({
  targets: targetsOf(college),
  month,
  done,
});

beforeAll(async () => {
  quotaFile = join(tmp(), "任务分配表.xlsx");
  quotas = await sampleQuotas(quotaFile);
});

const folder = (name: string) => subfolder(tmp(), name);

/** A master with 外国语学院's May. */
async function mayMaster(name: string): Promise<string> {
  const dir = folder(`${name}-may`);
  await writeReport(dir, "01-外国语学院-2022年5月.xlsx", specOf("外国语学院", MAY, FOREIGN_MAY));
  const master = join(tmp(), `${name}.xlsx`);
  const run = await runCli("rollup", dir, "-o", master, "--quotas", quotaFile);
  expect([run.code, run.stderr]).toEqual([0, expect.any(String)]);
  return master;
}

/** 外国语学院's June, in a folder of its own. */
async function juneFolder(name: string): Promise<string> {
  const dir = folder(name);
  await writeReport(dir, "01-外国语学院-2022年6月.xlsx", specOf("外国语学院", JUNE, FOREIGN_JUNE));
  return dir;
}

describe("no command writes over a workbook it did not make", () => {
  test("generate onto a master or a person's workbook is refused, byte for byte; onto its own, or --force, it writes", async () => {
    const master = await mayMaster("generate-onto");
    const mine = join(tmp(), "我的工作簿.xlsx");
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("预算").getCell("A1").value = "我的数据";
    await workbook.xlsx.writeFile(mine);
    for (const target of [master, mine]) {
      const before = readFileSync(target);
      const run = await runCli("generate", join(SAMPLE_DIR, "graduates.csv"), "-o", target);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/已存在，是.*未覆盖.*--force/);
      expect(readFileSync(target).equals(before)).toBe(true);
    }
    expect(
      (await runCli("generate", join(SAMPLE_DIR, "graduates.csv"), "-o", quotaFile)).code
    ).toBe(0);
    const forced = await runCli(
      "generate",
      join(SAMPLE_DIR, "graduates.csv"),
      "-o",
      mine,
      "--force"
    );
    expect(forced.code).toBe(0);
    expect((await readGridsFromFile(mine)).map((g) => g.name)).toContain("表1");
  });

  test("template onto a quota workbook is refused; onto a template it made, it writes", async () => {
    const before = readFileSync(quotaFile);
    const args = ["template", "--college", "外国语学院", "--month", "2022-06"];
    const refused = await runCli(...args, "-o", quotaFile);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("是一份任务分配表，未覆盖");
    expect(readFileSync(quotaFile).equals(before)).toBe(true);
    const report = join(tmp(), "模板.xlsx");
    expect((await runCli(...args, "-o", report)).code).toBe(0);
    expect((await runCli(...args, "-o", report)).code).toBe(0);
  });

  test("rollup -o onto a quota workbook is refused; with --force it writes", async () => {
    const dir = await juneFolder("onto-quotas");
    const copy = join(tmp(), "任务分配表-副本.xlsx");
    writeFileSync(copy, readFileSync(quotaFile));
    const refused = await runCli("rollup", dir, "-o", copy, "--quotas", quotaFile);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("是一份任务分配表，未覆盖");
    expect(readFileSync(copy).equals(readFileSync(quotaFile))).toBe(true);
    const forced = await runCli("rollup", dir, "-o", copy, "--quotas", quotaFile, "--force");
    expect(forced.code).toBe(0);
    expect((await ledgerOf(copy)).length).toBe(4);
  });
});

describe("the master's file is kept as it is", () => {
  test("a symlinked master is written through the link; its mode is kept", async () => {
    const master = await mayMaster("linked-target");
    chmodSync(master, 0o640);
    const link = join(tmp(), "总表-链接.xlsx");
    symlinkSync(master, link);
    const run = await rollupInto(await juneFolder("linked-june"), link, quotaFile);
    expect(run.code).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(statSync(master).mode & 0o777).toBe(0o640);
    expect((await ledgerOf(master)).map((r) => r.month)).toEqual([
      ...Array(4).fill("2022-05"),
      ...Array(4).fill("2022-06"),
    ]);
    expect(readdirSync(tmp()).filter((n) => /(tmp|quota-lock)$/.test(n))).toEqual([]);
  });

  test("a read-only master is not replaced", async () => {
    const master = await mayMaster("read-only");
    chmodSync(master, 0o444);
    const before = readFileSync(master);
    const run = await rollupInto(await juneFolder("read-only-june"), master, quotaFile);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("文件是只读的，未改动");
    expect(readFileSync(master).equals(before)).toBe(true);
    expect(statSync(master).mode & 0o777).toBe(0o444);
  });
});

describe("the ledger as Excel shows it", () => {
  test("a renamed 月报台账 is found by its ownership name and written back under its new name", async () => {
    const master = await mayMaster("renamed");
    // What Excel does on renaming a sheet: the sheet's name and the names that refer to it.
    const zip = await JSZip.loadAsync(readFileSync(master));
    const xml = await zip.file("xl/workbook.xml")!.async("string");
    const renamed = xml
      .replace(/name="月报台账"/, 'name="台账（勿删）"')
      // A quote in a name's text may be written as it is (Excel, our writer) or as &apos; (exceljs).
      .replace(/(&apos;|')?月报台账(&apos;|')?!/g, "'台账（勿删）'!");
    expect(renamed).not.toBe(xml);
    zip.file("xl/workbook.xml", renamed);
    writeFileSync(master, await zip.generateAsync({ type: "nodebuffer" }));

    const run = await rollupInto(await juneFolder("renamed-june"), master, quotaFile);
    expect([run.code, run.stdout]).toEqual([
      0,
      expect.stringContaining("新增：外国语学院 2022-06"),
    ]);
    const names = (await readGridsFromFile(master)).map((g) => g.name);
    expect(names).toContain("台账（勿删）");
    expect(names).not.toContain("月报台账");
    expect((await ledgerOf(master, "台账（勿删）")).map((r) => r.month)).toEqual([
      ...Array(4).fill("2022-05"),
      ...Array(4).fill("2022-06"),
    ]);
  });

  test("a ledger row edited by hand is the master's edit, not the college's error", async () => {
    const master = await mayMaster("edited");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(master);
    const sheet = workbook.getWorksheet("月报台账")!;
    // 外国语学院 May 培训任务 累计已完成: 110 → 100 by hand.
    expect(sheet.getCell("F2").value).toBe(110);
    sheet.getCell("F2").value = 100;
    await workbook.xlsx.writeFile(master);
    expect((await ledgerOf(master)).map((r) => r.edited ?? false)).toEqual([
      true,
      false,
      false,
      false,
    ]);

    const run = await rollupInto(await juneFolder("edited-june"), master, quotaFile, "--json");
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("被手工改动过（校验值不符）；这是总表的改动，不是学院报表的问题");
    const result = JSON.parse(run.stdout);
    expect(result.rejected[0].errors.map((e: { code: string }) => e.code)).toEqual([
      "ledger-edited",
    ]);
    expect(result.rejected[0].errors[0].message).toContain("这不是学院报表的错误");
  });
});

describe("one file, one college, visible", () => {
  /** A genuine visible report and a hidden one claiming 传媒学院. */
  async function withHidden(dir: string, state: "hidden" | "veryHidden"): Promise<string> {
    const visible = reportSheet(specOf("外国语学院", JUNE, FOREIGN_JUNE));
    const hidden = { ...reportSheet(specOf("传媒学院", JUNE, MEDIA_JUNE)), name: "附表" };
    const workbook = toExcelWorkbook(ExcelJS, { sheets: [visible, hidden] });
    workbook.getWorksheet("附表")!.state = state;
    const path = join(dir, `01-外国语学院-2022年6月-${state}.xlsx`);
    await workbook.xlsx.writeFile(path);
    return path;
  }

  test.each(["hidden", "veryHidden"] as const)(
    "a %s sheet with another college's form: named in a finding, and the file is not rolled up",
    async (state) => {
      const dir = folder(`hidden-${state}`);
      const file = await withHidden(dir, state);
      const validated = await runCli("validate", file, "--quotas", quotaFile, "--json");
      const results = JSON.parse(validated.stdout);
      const hidden = results.find((r: { sheet: string }) => r.sheet === "附表");
      expect(hidden.errors.map((e: { code: string }) => e.code)).toContain("sheet-hidden");
      expect(hidden.errors[0].message).toContain("工作表“附表”是");

      const master = join(tmp(), `hidden-${state}.xlsx`);
      const run = await runCli("rollup", dir, "-o", master, "--quotas", quotaFile, "--json");
      expect(run.code).toBe(1);
      const rejected = JSON.parse(run.stdout).rejected;
      expect(rejected.map((r: { sheet: string }) => r.sheet).sort()).toEqual(["2022年6月", "附表"]);
      for (const r of rejected)
        expect(r.errors.map((e: { code: string }) => e.code)).toContain("file-colleges");
      expect(existsSync(master)).toBe(false);
    }
  );

  test("a file named for another college than its form is rejected", async () => {
    const dir = folder("named-other");
    await writeReport(dir, "04-传媒学院-2022年6月.xlsx", specOf("外国语学院", JUNE, FOREIGN_JUNE));
    const run = await runCli("rollup", dir, "-o", join(tmp(), "named.xlsx"), "--quotas", quotaFile);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("文件名写的是“传媒学院”，表中填报单位却是“外国语学院”");
  });
});

describe("the month is set, not voted", () => {
  test("one file of many sheets naming May cannot turn a June run into May: a usage error listing the months", async () => {
    const dir = await juneFolder("vote");
    const may = reportSheet(specOf("传媒学院", MAY, MEDIA_JUNE));
    const sheets = Array.from({ length: 5 }, (_, i) => ({ ...may, name: `2022年5月-${i + 1}` }));
    await toExcelWorkbook(ExcelJS, { sheets }).xlsx.writeFile(
      join(dir, "02-传媒学院-2022年5月.xlsx")
    );
    const master = join(tmp(), "vote.xlsx");
    const run = await runCli("rollup", dir, "-o", master, "--quotas", quotaFile);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("报表的月份不一致：");
    expect(run.stderr).toContain("2022-06（01-外国语学院-2022年6月.xlsx）");
    expect(existsSync(master)).toBe(false);
    const june = await runCli(
      "rollup",
      dir,
      "-o",
      master,
      "--quotas",
      quotaFile,
      "--month",
      "2022-06"
    );
    expect(june.code).toBe(1);
    expect((await ledgerOf(master)).map((r) => r.college)).toEqual(Array(4).fill("外国语学院"));
  });
});

describe("text from a file is only text", () => {
  test("__proto__ as 填报单位 is a plain college name, and pollutes nothing", async () => {
    const proto = { ...targetsOf("外国语学院"), college: "__proto__" };
    const may = folder("proto-may");
    await writeReport(may, "a-2022年5月.xlsx", { targets: proto, month: MAY, done: FOREIGN_MAY });
    await writeReport(may, "b-2022年5月.xlsx", specOf("传媒学院", MAY, FOREIGN_MAY));
    const master = join(tmp(), "proto.xlsx");
    expect((await runCli("rollup", may, "-o", master)).code).toBe(0);
    const june = folder("proto-june");
    await writeReport(june, "a-2022年6月.xlsx", {
      targets: proto,
      month: JUNE,
      done: FOREIGN_JUNE,
    });
    await writeReport(june, "b-2022年6月.xlsx", specOf("传媒学院", JUNE, FOREIGN_JUNE));
    const run = await rollupInto(june, master, null);
    expect([run.code, run.stdout]).toEqual([0, expect.stringContaining("新增：__proto__ 2022-06")]);
    expect(({} as Record<string, unknown>).training).toBeUndefined();
    expect(
      (await ledgerOf(master)).filter((r) => r.month === "2022-06").map((r) => r.college)
    ).toEqual([...Array(4).fill("__proto__"), ...Array(4).fill("传媒学院")]);
  });

  test("a 填报人 longer than a cell holds is cut to 32,767 characters with a finding", async () => {
    const dir = folder("long-filer");
    const filer = "张".repeat(40_003);
    // Written with exceljs directly: the tool's own writer would cut it already.
    const workbook = toExcelWorkbook(ExcelJS, {
      sheets: [reportSheet(specOf("外国语学院", JUNE, FOREIGN_JUNE))],
    });
    workbook.worksheets[0]!.getCell(TEMPLATE_CELLS.filer).value = filer;
    await workbook.xlsx.writeFile(join(dir, "01-外国语学院-2022年6月.xlsx"));
    const validated = JSON.parse((await runCli("validate", dir, "--json")).stdout);
    expect(validated[0].warnings.map((w: { code: string }) => w.code)).toContain("text-cut");
    const master = join(tmp(), "long-filer.xlsx");
    expect((await runCli("rollup", dir, "-o", master, "--quotas", quotaFile)).code).toBe(0);
    expect((await ledgerOf(master)).map((r) => r.filer!.length)).toEqual(Array(4).fill(32_767));
  });
});
