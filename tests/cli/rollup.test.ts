/* quota rollup end to end, through the CLI's main: report files written from the demo's
   demoReport() with chosen numbers, a quota workbook from `quota generate`, and the master read
   back with exceljs, as raw XML and after LibreOffice has recalculated it. */
import ExcelJS from "exceljs";
import { importTimeZone, localTime } from "../../src/core/rollup/localTime";
import JSZip from "jszip";
import { createHash } from "crypto";
import { copyFileSync, existsSync, readFileSync, readdirSync, writeFileSync } from "fs";
import { join } from "path";
import { streamModelToFile, writeModelToFile } from "../../src/adapters/xlsx/node";
import { buildReportTemplate } from "../../src/core/report/buildReportTemplate";
import type { Grid } from "../../src/core/grid";
import type { QuotaLookup } from "../../src/core/report/quotaLookup";
import type { SectionKey } from "../../src/core/report/reportLayout";
import type { YearMonth } from "../../src/core/report/reportMonth";
import { LedgerRow, importIntoLedger } from "../../src/core/rollup/ledger";
import { ledgerSheet } from "../../src/core/rollup/ledgerSheet";
import { summarize } from "../../src/core/rollup/rollupSummary";
import { summarySheet } from "../../src/core/rollup/summarySheet";
import { CellResult, recalculatedValues, requireLibreOfficeInCI } from "../support/libreoffice";
import { writeReport } from "../support/reportFactory";
import { CliRun, runCli } from "../support/runCli";
import { once } from "../support/once";
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
  sheetsOf,
  subfolder,
} from "../support/rollupFixtures";
import { useTempDir } from "../support/tempDir";

const available = requireLibreOfficeInCI();
const tmp = useTempDir("rollup-cli-");
jest.setTimeout(180_000);

// June figures chosen to be added up by hand (targets: 外国语学院 369/78/71/16,
// 人文学院 2842/881/568/223, 传媒学院 411/23/104/5; school 14572/3604/3685/972).
const HUMANITIES_JUNE: Figures = {
  training: [300, 1200],
  advanced: [100, 400],
  nonadvanced: [60, 250],
  onex: [20, 90],
};
// May, so that June = May + June's 当月完成 (人文学院 900 + 300 = 1200 …).
const HUMANITIES_MAY: Figures = {
  training: [250, 900],
  advanced: [80, 300],
  nonadvanced: [50, 190],
  onex: [15, 70],
};

const ALL_COLLEGES = [
  "外国语学院",
  "人文学院",
  "机械与电气信息学院",
  "传媒学院",
  "经济管理学院",
  "风景园林学院",
  "建筑与土木工程学院",
  "计算机工程学院",
  "艺术学院",
  "体育学院",
  "职业教育学院",
  "应用科技学院",
];
const SECTION_NAMES: Record<SectionKey, string> = {
  training: "培训任务",
  advanced: "高级工及以上取证人数",
  nonadvanced: "非高级工及以上取证人数",
  onex: "1+X证书取证人数",
};
/** The only formulas a master may hold: 累计完成率 of the school-wide 附件6. */
const RATE_FORMULA = /^IF\(C(\d+)=0,"",ROUND\(E\1\/C\1\*100,2\)\)$/;

let quotaFile = "";
let quotas: QuotaLookup;
const targetsOf = (college: string) => quotas.find(college)!;
/** A report of the college's with its targets, filed on the 20th. */
const reportOf = (dir: string, name: string, college: string, month: YearMonth, done: Figures) =>
  writeReport(dir, name, { targets: targetsOf(college), month, done });

beforeAll(async () => {
  quotaFile = join(tmp(), "2022-任务分配表.xlsx");
  quotas = await sampleQuotas(quotaFile);
});

const folder = (name: string) => subfolder(tmp(), name);

const sha256 = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");

function json(run: CliRun) {
  try {
    return JSON.parse(run.stdout);
  } catch {
    throw new Error(`not JSON (exit ${run.code}):\n${run.stdout}\n${run.stderr}`);
  }
}

/** Every cell of a grid as text, joined (to look for a line anywhere on a sheet). */
const textOf = (grid: Grid) =>
  grid.rows.map((r) => r.map((v) => (v === null ? "" : String(v))).join("|")).join("\n");

/** The row whose first cell is `first`. */
const rowStarting = (grid: Grid, first: string) => grid.rows.find((r) => r[0] === first);

async function loadWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

/** The <f> formulas of every sheet of an .xlsx, read from its XML. */
async function formulasInXml(file: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const formulas: string[] = [];
  for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n))) {
    const xml = await zip.file(name)!.async("string");
    for (const m of xml.matchAll(/<f(?:\s[^>]*)?>([^<]*)<\/f>/g))
      formulas.push(m[1]!.replace(/&quot;/g, '"').replace(/&amp;/g, "&"));
  }
  return formulas;
}

/** What exceljs keeps of a sheet's conditional formats and data validation (not in its types). */
interface SheetExtras {
  readonly conditionalFormattings: { ref: string; rules: { type: string; x14Id?: string }[] }[];
  readonly dataValidations: { model: unknown };
  readonly _merges: object;
}
const extras = (ws: ExcelJS.Worksheet) => ws as unknown as SheetExtras;

const hasError = (v: CellResult) =>
  typeof v === "string" && (/^#[A-Z/0!?]+/.test(v) || /^Err:\d+/.test(v));

/** The school-wide 附件6 of a 汇总 sheet: [target, month, cumulative, rate] per section. */
function schoolBlock(grid: Grid): unknown[][] {
  return [4, 6, 8, 10].map((r) => grid.rows[r]!.slice(2, 6));
}

/** When the first June roll-up runs (UTC): 09:05 in Beijing. */
const IMPORTED_AT = new Date("2022-06-30T01:05:00Z");
/** Only Date is faked: exceljs and fs still need real timers and ticks. */
const REAL_TIMERS: NonNullable<FakeTimersConfig["doNotFake"]> = [
  "hrtime",
  "nextTick",
  "performance",
  "queueMicrotask",
  "requestAnimationFrame",
  "cancelAnimationFrame",
  "requestIdleCallback",
  "cancelIdleCallback",
  "setImmediate",
  "clearImmediate",
  "setInterval",
  "clearInterval",
  "setTimeout",
  "clearTimeout",
];

describe("quota rollup: one month from scratch, then again", () => {
  let dir = "";
  let master = "";
  let first: CliRun;
  const files: Record<string, string> = {};

  beforeAll(async () => {
    dir = folder("june");
    files.foreign = await writeReport(dir, "01-外国语学院-2022年6月.xlsx", {
      targets: targetsOf("外国语学院"),
      month: JUNE,
      done: FOREIGN_JUNE,
      day: 20,
      filer: "王老师",
    });
    files.humanities = await writeReport(dir, "02-人文学院-2022年6月.xlsx", {
      targets: targetsOf("人文学院"),
      month: JUNE,
      done: HUMANITIES_JUNE,
      day: 29,
      filer: "赵老师",
    });
    files.media = await writeReport(dir, "04-传媒学院-2022年6月.xlsx", {
      targets: targetsOf("传媒学院"),
      month: JUNE,
      done: MEDIA_JUNE,
      day: 25,
      filer: "钱老师",
    });
    // Excel's lock file beside an open report is not a report.
    writeFileSync(join(dir, "~$01-外国语学院-2022年6月.xlsx"), "lock");
    master = join(tmp(), "june-master.xlsx");
    // The import time is the clock's: a fixed one, so the ledger's 导入时间 can be hand-computed.
    jest.useFakeTimers({ now: IMPORTED_AT, doNotFake: REAL_TIMERS });
    try {
      first = await runCli("rollup", dir, "-o", master, "--quotas", quotaFile, "--json");
    } finally {
      jest.useRealTimers();
    }
  });

  test("school totals and rates equal the hand-computed ones; missing and late colleges", async () => {
    const run = first;
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const result = json(run);
    expect(result.month).toBe("2022-06");
    // training 40+300+50 = 390 this month, 150+1200+200 = 1550 in all, 1550/14572 = 10.64 %;
    // advanced 440/3604 = 12.21 %; non-advanced 330/3685 = 8.96 %; 1+X 98/972 = 10.08 %.
    expect(result.sections).toEqual({
      training: { target: 14572, month: 390, cumulative: 1550, rate: 10.64 },
      advanced: { target: 3604, month: 113, cumulative: 440, rate: 12.21 },
      nonadvanced: { target: 3685, month: 78, cumulative: 330, rate: 8.96 },
      onex: { target: 972, month: 23, cumulative: 98, rate: 10.08 },
    });
    const s = (target: number, month: number, cumulative: number, rate: number) => ({
      target,
      month,
      cumulative,
      rate,
    });
    expect(result.colleges).toEqual([
      {
        college: "外国语学院",
        sections: {
          training: s(369, 40, 150, 40.65),
          advanced: s(78, 10, 30, 38.46),
          nonadvanced: s(71, 8, 30, 42.25),
          onex: s(16, 2, 6, 37.5),
        },
      },
      {
        college: "人文学院",
        sections: {
          training: s(2842, 300, 1200, 42.22),
          advanced: s(881, 100, 400, 45.4),
          nonadvanced: s(568, 60, 250, 44.01),
          onex: s(223, 20, 90, 40.36),
        },
      },
      {
        college: "传媒学院",
        sections: {
          training: s(411, 50, 200, 48.66),
          advanced: s(23, 3, 10, 43.48),
          nonadvanced: s(104, 10, 50, 48.08),
          onex: s(5, 1, 2, 40),
        },
      },
    ]);
    expect(result.rejected).toEqual([]);
    expect(result.missing).toEqual(
      ALL_COLLEGES.filter((c) => !["外国语学院", "人文学院", "传媒学院"].includes(c))
    );
    expect(result.late).toEqual(["人文学院"]);

    const sheets = await sheetsOf(master);
    expect([...sheets.keys()]).toEqual(["汇总2022-06", "月报台账"]);
    const summary = sheets.get("汇总2022-06")!;
    expect(schoolBlock(summary)).toEqual([
      [14572, 390, 1550, 10.64],
      [3604, 113, 440, 12.21],
      [3685, 78, 330, 8.96],
      [972, 23, 98, 10.08],
    ]);
    // Each college against June's linear expectation (training 40 %, certificates 44.44 %).
    expect(rowStarting(summary, "外国语学院")).toEqual([
      "外国语学院",
      40.65,
      38.46,
      42.25,
      37.5,
      150,
      30,
      30,
      6,
      "落后：高级工及以上、非高级工及以上、1+X证书",
      "2022-06-20",
    ]);
    expect(rowStarting(summary, "人文学院")![9]).toBe("落后：非高级工及以上、1+X证书");
    expect(rowStarting(summary, "传媒学院")![9]).toBe("落后：高级工及以上、1+X证书");
    const text = textOf(summary);
    expect(text).toContain("本月未报送（9）");
    expect(text).toContain("逾期报送（6月27日后，1）");
    expect(rowStarting(summary, "人文学院")).toBeDefined();
    expect(
      summary.rows.some((r) => r.join("|") === "人文学院|2022-06-29|02-人文学院-2022年6月.xlsx")
    ).toBe(true);
    expect(text).toContain("各学院年度任务之和 14574，相差 2");

    const workbook = await loadWorkbook(master);
    const ws = workbook.getWorksheet("汇总2022-06")!;
    expect(ws.getCell("F5").formula).toBe('IF(C5=0,"",ROUND(E5/C5*100,2))');
    expect(ws.getCell("F5").result).toBe(10.64);
    // The colleges and the 按期应完成 row under them.
    expect(extras(ws).conditionalFormattings.map((c) => c.ref)).toEqual(["B17:E20"]);
    expect(extras(ws).conditionalFormattings[0]!.rules[0]!.type).toBe("dataBar");

    // 月报台账: one row per college and section, with the file, its SHA-256, time and filer.
    const ledger = await ledgerOf(master);
    const expected = [
      ["外国语学院", FOREIGN_JUNE, files.foreign!, "王老师", "2022-06-20"],
      ["人文学院", HUMANITIES_JUNE, files.humanities!, "赵老师", "2022-06-29"],
      ["传媒学院", MEDIA_JUNE, files.media!, "钱老师", "2022-06-25"],
    ] as const;
    // Imported at the faked clock, in local time (Beijing when the machine is on UTC), to the minute.
    const zone = importTimeZone(process.env.TZ);
    expect(ledger).toEqual(
      expected.flatMap(([college, figures, path, filer, filedOn]) =>
        (["training", "advanced", "nonadvanced", "onex"] as const).map((section) => ({
          college,
          month: "2022-06",
          section,
          target: targetsOf(college)[section],
          done: figures[section]![0],
          cumulative: figures[section]![1],
          file: path.split("/").pop(),
          sha256: sha256(path),
          importedAt: localTime(IMPORTED_AT, zone),
          filer,
          filedOn,
        }))
      )
    );
    if (zone === "Asia/Shanghai") expect(ledger[0]!.importedAt).toBe("2022-06-30 09:05");
    expect(sheets.get("月报台账")!.rows[0]).toEqual([
      "学院",
      "月份",
      "项目",
      "年度任务",
      "当月完成",
      "累计已完成",
      "来源文件",
      "导入时间",
      "填报人",
      "填报时间",
      "校验",
      "SHA-256",
    ]);
    expect(sheets.get("月报台账")!.rows[1]![2]).toBe(SECTION_NAMES.training);
  });

  test("the same files again into the master: nothing changes, the files are reported unchanged", async () => {
    // A copy of the first run's master, so that this test does not change what the others read.
    const again = join(tmp(), "june-master-again.xlsx");
    copyFileSync(master, again);
    const before = await sheetsOf(again);
    const run = await rollupInto(dir, again, quotaFile);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      "已导入过（未改动）：01-外国语学院-2022年6月.xlsx、02-人文学院-2022年6月.xlsx、04-传媒学院-2022年6月.xlsx"
    );
    expect(run.stdout).not.toMatch(/新增|替换/);
    const after = await sheetsOf(again);
    expect(after.get("月报台账")).toEqual(before.get("月报台账"));
    expect(after.get("汇总2022-06")).toEqual(before.get("汇总2022-06"));
    expect([...after.keys()]).toEqual(["汇总2022-06", "月报台账"]);
  });

  test("one file twice in a run (a copy, and a path named twice) counts once", async () => {
    const dup = folder("duplicate");
    copyFileSync(files.foreign!, join(dup, "01-外国语学院-2022年6月.xlsx"));
    copyFileSync(files.foreign!, join(dup, "01-外国语学院-2022年6月 - 副本.xlsx"));
    const out = join(tmp(), "duplicate-master.xlsx");
    const run = await runCli(
      "rollup",
      dup,
      join(dup, "01-外国语学院-2022年6月.xlsx"),
      "-o",
      out,
      "--quotas",
      quotaFile
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("新增：外国语学院 2022-06");
    // The copy sorts first and goes in; the original is the same file, named twice but read once.
    expect(run.stdout.split("\n")).toContain("  已导入过（未改动）：01-外国语学院-2022年6月.xlsx");
    expect(run.stdout).toContain("培训任务：累计 150 / 14572（1.03%）");
    const ledger = await ledgerOf(out);
    expect(ledger).toHaveLength(4);
    expect(new Set(ledger.map((r) => r.file))).toEqual(
      new Set(["01-外国语学院-2022年6月 - 副本.xlsx"])
    );
    expect(schoolBlock((await sheetsOf(out)).get("汇总2022-06")!)[0]).toEqual([
      14572, 40, 150, 1.03,
    ]);
  });

  test("two different reports from one college in one run: both rejected, the master not guessed", async () => {
    const two = folder("two-versions");
    copyFileSync(files.foreign!, join(two, "01-外国语学院-2022年6月.xlsx"));
    await writeReport(two, "01-外国语学院-2022年6月-修改.xlsx", {
      targets: targetsOf("外国语学院"),
      month: JUNE,
      done: { ...FOREIGN_JUNE, training: [41, 151] },
      day: 21,
      filer: "王老师",
    });
    copyFileSync(files.humanities!, join(two, "02-人文学院-2022年6月.xlsx"));
    const out = join(tmp(), "two-versions-master.xlsx");
    const run = await runCli("rollup", two, "-o", out, "--quotas", quotaFile, "--json");
    expect(run.code).toBe(1);
    const result = json(run);
    const message =
      "外国语学院本月有 2 份不同的报表（01-外国语学院-2022年6月-修改.xlsx（2022年6月）、01-外国语学院-2022年6月.xlsx（2022年6月）），请只保留一份后重新汇总";
    expect(result.rejected).toEqual(
      ["01-外国语学院-2022年6月-修改.xlsx", "01-外国语学院-2022年6月.xlsx"].map((file) => ({
        file,
        sheet: "2022年6月",
        errors: [{ code: "college-twice", cell: null, message }],
      }))
    );
    expect(result.colleges.map((c: { college: string }) => c.college)).toEqual(["人文学院"]);
    // It did send this month: listed as rejected, not as 未报送.
    expect(result.missing).not.toContain("外国语学院");
    expect((await ledgerOf(out)).map((r) => r.college)).toEqual(Array(4).fill("人文学院"));
  });

  (available ? test : test.skip)(
    "LibreOffice recalculates the new master with no error anywhere and the same rates",
    async () => {
      const values = await recalculatedValues(master);
      for (const [sheet, rows] of Object.entries(values))
        for (const row of rows)
          for (const v of row) expect([sheet, v, hasError(v)]).toEqual([sheet, v, false]);
      const summary = values["汇总2022-06"]!;
      expect([4, 6, 8, 10].map((r) => summary[r]!.slice(2, 6))).toEqual([
        [14572, 390, 1550, 10.64],
        [3604, 113, 440, 12.21],
        [3685, 78, 330, 8.96],
        [972, 23, 98, 10.08],
      ]);
      expect(values["月报台账"]!.length).toBe(13);
    }
  );
});

/** June's reports after May's: 外国语学院 right, 人文学院 with 累计 1250 where May's 900 + 300 is 1200. */
async function juneAfterMay(name: string): Promise<string> {
  const june = folder(name);
  await reportOf(june, "01-外国语学院-2022年6月.xlsx", "外国语学院", JUNE, FOREIGN_JUNE);
  await reportOf(june, "02-人文学院-2022年6月.xlsx", "人文学院", JUNE, {
    ...HUMANITIES_JUNE,
    training: [300, 1250],
  });
  return june;
}

describe("quota rollup: May, then June into the May master", () => {
  /** The May master: read, never written after beforeAll (each roll-up into it goes to a copy). */
  let master = "";
  let mayLedger: LedgerRow[] = [];
  let maySummary: Grid;

  beforeAll(async () => {
    const may = folder("may");
    await reportOf(may, "01-外国语学院-2022年5月.xlsx", "外国语学院", MAY, FOREIGN_MAY);
    await reportOf(may, "02-人文学院-2022年5月.xlsx", "人文学院", MAY, HUMANITIES_MAY);
    master = join(tmp(), "2022-总表.xlsx");
    const run = await runCli("rollup", may, "-o", master, "--quotas", quotaFile);
    expect(run.code).toBe(0);
    mayLedger = await ledgerOf(master);
    expect(mayLedger).toHaveLength(8);
    maySummary = (await sheetsOf(master)).get("汇总2022-05")!;
  });

  /** A copy of a master to roll into, so that no test changes what another one reads. */
  const copyOf = (from: string, name: string) => {
    const to = join(tmp(), name);
    copyFileSync(from, to);
    return to;
  };

  /** June rolled into a copy of the May master (人文学院's wrong 累计 and 传媒学院's May rejected). */
  const juneImported = once(async () => {
    const june = await juneAfterMay("june-into-may");
    await reportOf(june, "03-传媒学院-2022年5月.xlsx", "传媒学院", MAY, MEDIA_JUNE);
    const into = copyOf(master, "2022-总表-6月.xlsx");
    const rollup = (...extra: string[]) => rollupInto(june, into, quotaFile, ...extra);
    // Reports for two months: the month is set, not voted.
    const unset = await rollup();
    const run = await rollup("--month", "2022-06", "--json");
    return { master: into, unset, run };
  });

  /** Corrected June reports into a copy of the June master, first without --replace, then with it. */
  const juneReplaced = once(async () => {
    const fix = folder("june-fix");
    await reportOf(fix, "01-外国语学院-2022年6月（更正）.xlsx", "外国语学院", JUNE, {
      ...FOREIGN_JUNE,
      training: [45, 155],
    });
    await reportOf(fix, "02-人文学院-2022年6月（更正）.xlsx", "人文学院", JUNE, HUMANITIES_JUNE);
    const into = copyOf((await juneImported()).master, "2022-总表-6月更正.xlsx");
    const rollup = (...extra: string[]) => rollupInto(fix, into, quotaFile, ...extra);
    const before = readFileSync(into);
    const asked = await rollup();
    const written = !readFileSync(into).equals(before);
    const run = await rollup("--replace");
    return { master: into, asked, written, run };
  });

  test("quota validate --previous <master>: each report against the month before its own in 月报台账", async () => {
    const june = await juneAfterMay("validate-against-master");
    // No April in the ledger: said, not guessed.
    await reportOf(june, "03-人文学院-2022年5月.xlsx", "人文学院", MAY, HUMANITIES_MAY);
    const run = await runCli(
      "validate",
      june,
      "--previous",
      master,
      "--quotas",
      quotaFile,
      "--json"
    );
    expect(run.code).toBe(1);
    const results = json(run) as {
      file: string;
      valid: boolean;
      errors: { code: string; cell: string; message: string }[];
      warnings: { code: string; message: string }[];
    }[];
    expect(results.map((r) => [r.file, r.valid])).toEqual([
      ["01-外国语学院-2022年6月.xlsx", true],
      ["02-人文学院-2022年6月.xlsx", false],
      ["03-人文学院-2022年5月.xlsx", true],
    ]);
    expect(results[1]!.errors).toEqual([
      {
        code: "cumulative-mismatch",
        cell: "E4",
        message: "培训任务的累计已完成应为 上月累计 900 + 当月完成 300 = 1200，表中为 1250",
      },
    ]);
    expect(results[2]!.warnings.map((w) => w.code)).toContain("previous-missing");
  });

  test("June's 累计 is checked against May's; a wrong one and another month's report are rejected, May stays", async () => {
    const { master: june, unset, run } = await juneImported();
    expect(unset.code).toBe(2);
    expect(unset.stderr).toContain("报表的月份不一致：");
    expect(unset.stderr).toContain("2022-05（03-传媒学院-2022年5月.xlsx）");
    expect(run.code).toBe(1);
    const result = json(run);
    expect(result.month).toBe("2022-06");
    expect(result.rejected).toEqual([
      {
        file: "02-人文学院-2022年6月.xlsx",
        sheet: "2022年6月",
        errors: [
          {
            code: "cumulative-mismatch",
            cell: "E4",
            message: "培训任务的累计已完成应为 上月累计 900 + 当月完成 300 = 1200，表中为 1250",
          },
        ],
      },
      {
        file: "03-传媒学院-2022年5月.xlsx",
        sheet: "2022年5月",
        errors: [
          {
            code: "month-mismatch",
            cell: "A1",
            message:
              "工作表所写月份为 2022年5月，按指定的 2022年6月 核对；月份不一致的报表不汇总，请核对后重新报送",
          },
        ],
      },
    ]);
    // June after the import: 外国语学院 only (150/14572, 30/3604, 30/3685, 6/972).
    expect(result.sections).toEqual({
      training: { target: 14572, month: 40, cumulative: 150, rate: 1.03 },
      advanced: { target: 3604, month: 10, cumulative: 30, rate: 0.83 },
      nonadvanced: { target: 3685, month: 8, cumulative: 30, rate: 0.81 },
      onex: { target: 972, month: 2, cumulative: 6, rate: 0.62 },
    });
    // 人文学院 sent June's report (rejected); 传媒学院 sent only May's, so June is still missing.
    expect(result.missing).toEqual(
      ALL_COLLEGES.filter((c) => c !== "外国语学院" && c !== "人文学院")
    );

    const ledger = await ledgerOf(june);
    expect(ledger.filter((r) => r.month === "2022-05")).toEqual(mayLedger);
    expect(
      ledger.filter((r) => r.month === "2022-06").map((r) => [r.college, r.cumulative])
    ).toEqual([
      ["外国语学院", 150],
      ["外国语学院", 30],
      ["外国语学院", 30],
      ["外国语学院", 6],
    ]);
    const sheets = await sheetsOf(june);
    expect([...sheets.keys()]).toEqual(["汇总2022-05", "汇总2022-06", "月报台账"]);
    expect(sheets.get("汇总2022-05")).toEqual(maySummary);
    // The 汇总 sheet lists the rejected reports with their findings.
    const summary = sheets.get("汇总2022-06")!;
    expect(textOf(summary)).toContain("未汇总的报表（有错误，2）");
    expect(rowStarting(summary, "02-人文学院-2022年6月.xlsx（2022年6月）")).toEqual([
      "02-人文学院-2022年6月.xlsx（2022年6月）",
      "1 个错误",
      "E4：培训任务的累计已完成应为 上月累计 900 + 当月完成 300 = 1200，表中为 1250",
    ]);
    expect(rowStarting(summary, "03-传媒学院-2022年5月.xlsx（2022年5月）")![2]).toBe(
      "A1：工作表所写月份为 2022年5月，按指定的 2022年6月 核对；月份不一致的报表不汇总，请核对后重新报送"
    );
  });

  test("another file for a college-month replaces its rows; earlier months are untouched", async () => {
    // Without --replace the college-month in the master stays, and the output says which file it is.
    const { master: fixed, asked, written, run } = await juneReplaced();
    expect(asked.code).toBe(1);
    expect(asked.stdout).toContain(
      "外国语学院 2022-06 已由文件“01-外国语学院-2022年6月.xlsx”导入总表；要用“01-外国语学院-2022年6月（更正）.xlsx”替换它，请加 --replace"
    );
    expect(asked.stdout).toContain("新增：人文学院 2022-06");
    expect(written).toBe(true);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      "替换：外国语学院 2022-06（原文件“01-外国语学院-2022年6月.xlsx”，新文件“01-外国语学院-2022年6月（更正）.xlsx”）"
    );
    expect(run.stdout).toContain("已导入过（未改动）：02-人文学院-2022年6月（更正）.xlsx");
    // training 155 + 1200 = 1355 of 14572 = 9.30 %; advanced 430/3604 = 11.93 %.
    expect(run.stdout).toContain("培训任务：累计 1355 / 14572（9.3%）");
    expect(run.stdout).toContain("高级工及以上取证人数：累计 430 / 3604（11.93%）");

    const ledger = await ledgerOf(fixed);
    expect(ledger.filter((r) => r.month === "2022-05")).toEqual(mayLedger);
    const juneRows = ledger.filter((r) => r.month === "2022-06");
    // 人文学院 went in on the first run, 外国语学院 was replaced on the second (--replace).
    expect(juneRows.map((r) => [r.college, r.file, r.done, r.cumulative])).toEqual([
      ["人文学院", "02-人文学院-2022年6月（更正）.xlsx", 300, 1200],
      ["人文学院", "02-人文学院-2022年6月（更正）.xlsx", 100, 400],
      ["人文学院", "02-人文学院-2022年6月（更正）.xlsx", 60, 250],
      ["人文学院", "02-人文学院-2022年6月（更正）.xlsx", 20, 90],
      ["外国语学院", "01-外国语学院-2022年6月（更正）.xlsx", 45, 155],
      ["外国语学院", "01-外国语学院-2022年6月（更正）.xlsx", 10, 30],
      ["外国语学院", "01-外国语学院-2022年6月（更正）.xlsx", 8, 30],
      ["外国语学院", "01-外国语学院-2022年6月（更正）.xlsx", 2, 6],
    ]);
    expect(schoolBlock((await sheetsOf(fixed)).get("汇总2022-06")!)).toEqual([
      [14572, 345, 1355, 9.3],
      [3604, 110, 430, 11.93],
      [3685, 68, 280, 7.6],
      [972, 22, 96, 9.88],
    ]);
  });

  (available ? test : test.skip)(
    "LibreOffice recalculates the master written into (two months) with no error anywhere",
    async () => {
      const values = await recalculatedValues((await juneReplaced()).master);
      expect(Object.keys(values)).toEqual(["汇总2022-05", "汇总2022-06", "月报台账"]);
      for (const [sheet, rows] of Object.entries(values))
        for (const row of rows)
          for (const v of row) expect([sheet, v, hasError(v)]).toEqual([sheet, v, false]);
      expect(values["汇总2022-06"]![4]!.slice(2, 6)).toEqual([14572, 345, 1355, 9.3]);
      expect(values["月报台账"]!.length).toBe(1 + 8 + 8);
    }
  );
});

describe("quota rollup: text that looks like a formula stays text", () => {
  const HYPERLINK = '=HYPERLINK("http://x","y")';
  let fresh = "";
  let into = "";

  beforeAll(async () => {
    const dir = folder("formula-text");
    await writeReport(dir, "=SUM(1,2)-外国语学院-2022年6月.xlsx", {
      targets: targetsOf("外国语学院"),
      month: JUNE,
      done: FOREIGN_JUNE,
      day: 28,
      filer: HYPERLINK,
    });
    // 当月完成 300 > 累计 200: rejected, listed by its file name.
    await reportOf(dir, "=1+1-传媒学院-2022年6月.xlsx", "传媒学院", JUNE, {
      ...MEDIA_JUNE,
      training: [300, 200],
    });
    fresh = join(tmp(), "formula-fresh.xlsx");
    const first = await runCli("rollup", dir, "-o", fresh, "--quotas", quotaFile);
    expect(first.code).toBe(1);

    // Without the quota workbook the 填报单位 itself becomes the college, in the ledger and 汇总.
    const other = folder("formula-unit");
    await writeReport(other, "=A1-体育学院-2022年6月.xlsx", {
      targets: targetsOf("体育学院"),
      month: JUNE,
      done: { training: [10, 20], nonadvanced: [2, 5] },
      unit: HYPERLINK,
      filer: "=1+2",
    });
    into = join(tmp(), "formula-into.xlsx");
    copyFileSync(fresh, into);
    const second = await rollupInto(other, into, null, "--json");
    expect(second.code).toBe(0);
    expect(json(second).colleges.map((c: { college: string }) => c.college)).toEqual([
      "外国语学院",
      HYPERLINK,
    ]);
  });

  test.each([
    ["a new master (streamed)", () => fresh],
    ["a master written into", () => into],
  ])("in %s: every such cell is a string, and the only formulas are the rates", async (_, file) => {
    const path = file();
    const workbook = await loadWorkbook(path);
    const literal: string[] = [];
    workbook.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((c) => {
          if (c.type === ExcelJS.ValueType.Formula) {
            expect([ws.name, c.address, c.formula]).toEqual([
              ws.name,
              c.address,
              expect.stringMatching(RATE_FORMULA),
            ]);
          } else if (typeof c.value === "string" && c.value.startsWith("=")) {
            if (c.isMerged && c.master !== c) return; // a merged cell shows its first cell's text
            expect(c.type).toBe(ExcelJS.ValueType.String);
            literal.push(`${ws.name}!${c.address}=${c.value}`);
          }
        })
      )
    );
    for (const f of await formulasInXml(path)) expect(f).toMatch(RATE_FORMULA);

    const ledger = await ledgerOf(path);
    const foreign = ledger.filter((r) => r.college === "外国语学院");
    expect(foreign.map((r) => [r.file, r.filer])).toEqual(
      Array(4).fill(["=SUM(1,2)-外国语学院-2022年6月.xlsx", HYPERLINK])
    );
    const summary = (await sheetsOf(path)).get("汇总2022-06")!;
    expect(
      summary.rows.some(
        (r) => r.join("|") === "外国语学院|2022-06-28|=SUM(1,2)-外国语学院-2022年6月.xlsx"
      )
    ).toBe(true);
    // Where each text lands: 来源文件 and 填报人 of the ledger, 逾期 and 未汇总 of 汇总, the college.
    const count = (value: string) => literal.filter((l) => l.endsWith(`=${value}`)).length;
    if (path === fresh) {
      expect(rowStarting(summary, "=1+1-传媒学院-2022年6月.xlsx（2022年6月）")).toBeDefined();
      expect(count("=SUM(1,2)-外国语学院-2022年6月.xlsx")).toBe(5);
      expect(count(HYPERLINK)).toBe(4);
      expect(count("=1+1-传媒学院-2022年6月.xlsx（2022年6月）")).toBe(1);
      expect(literal).toHaveLength(10);
    } else {
      const sport = ledger.filter((r) => r.college === HYPERLINK);
      expect(sport.map((r) => [r.file, r.filer])).toEqual(
        Array(4).fill(["=A1-体育学院-2022年6月.xlsx", "=1+2"])
      );
      expect(rowStarting(summary, HYPERLINK)).toBeDefined();
      expect(count("=SUM(1,2)-外国语学院-2022年6月.xlsx")).toBe(5);
      // Ledger (填报人, college), the colleges' table and 名单核对 of 汇总.
      expect(count(HYPERLINK)).toBe(4 + 4 + 1 + 1);
      expect(count("=A1-体育学院-2022年6月.xlsx")).toBe(4);
      expect(count("=1+2")).toBe(4);
      expect(literal).toHaveLength(23);
    }
  });

  (available ? test : test.skip)(
    "LibreOffice keeps them as the literal text, with no error anywhere",
    async () => {
      for (const path of [fresh, into]) {
        const values = await recalculatedValues(path);
        const all = Object.values(values).flat(2);
        for (const v of all) expect([path, v, hasError(v)]).toEqual([path, v, false]);
        expect(all).toContain(HYPERLINK);
        expect(all).toContain("=SUM(1,2)-外国语学院-2022年6月.xlsx");
        if (path === into) expect(all).toContain("=1+2");
        else expect(all).toContain("=1+1-传媒学院-2022年6月.xlsx（2022年6月）");
      }
    }
  );
});

describe("quota rollup: the master is kept safe", () => {
  let master = "";
  let sportDir = "";

  beforeAll(async () => {
    const june = folder("safe-june");
    await reportOf(june, "01-外国语学院-2022年6月.xlsx", "外国语学院", JUNE, FOREIGN_JUNE);
    master = join(tmp(), "safe-master.xlsx");
    expect((await runCli("rollup", june, "-o", master, "--quotas", quotaFile)).code).toBe(0);
    sportDir = folder("safe-sport");
    await reportOf(sportDir, "10-体育学院-2022年6月.xlsx", "体育学院", JUNE, {
      training: [10, 20],
      nonadvanced: [2, 5],
    });
  });

  test("-o onto an existing master without --into is refused; the master stays byte for byte", async () => {
    const before = readFileSync(master);
    const run = await runCli("rollup", sportDir, "-o", master, "--quotas", quotaFile);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("已存在，是一份总表（含月报台账或汇总表），未覆盖");
    expect(run.stderr).toContain("--into");
    expect(readFileSync(master).equals(before)).toBe(true);
  });

  test("a sheet the tool did not create survives a roll-up into the master unchanged", async () => {
    const withNotes = join(tmp(), "master-with-notes.xlsx");
    const workbook = await loadWorkbook(master);
    const notes = workbook.addWorksheet("教务处备注");
    notes.getCell("A1").value = "本月请各学院 25 日前报送";
    notes.getCell("B2").value = { formula: "1+2", result: 3 } as ExcelJS.CellFormulaValue;
    notes.getCell("C3").value = 42;
    notes.getCell("C3").numFmt = "0.00";
    notes.getCell("C3").font = { bold: true, color: { argb: "FFFF0000" } };
    notes.mergeCells("D1:E2");
    notes.getCell("D1").value = "合并";
    notes.getColumn(1).width = 30;
    await workbook.xlsx.writeFile(withNotes);

    const run = await rollupInto(sportDir, withNotes, quotaFile);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("新增：体育学院 2022-06");
    const after = await loadWorkbook(withNotes);
    expect(after.worksheets.map((w) => w.name).sort()).toEqual(
      ["教务处备注", "汇总2022-06", "月报台账"].sort()
    );
    const kept = after.getWorksheet("教务处备注")!;
    expect(kept.getCell("A1").value).toBe("本月请各学院 25 日前报送");
    expect(kept.getCell("B2").formula).toBe("1+2");
    expect(kept.getCell("B2").result).toBe(3);
    expect(kept.getCell("C3").value).toBe(42);
    expect(kept.getCell("C3").numFmt).toBe("0.00");
    expect(kept.getCell("C3").font).toEqual(
      expect.objectContaining({ bold: true, color: { argb: "FFFF0000" } })
    );
    expect(kept.getCell("E2").master.address).toBe("D1");
    expect(kept.getColumn(1).width).toBe(30);
    expect((await ledgerOf(withNotes)).map((r) => r.college)).toEqual([
      ...Array(4).fill("外国语学院"),
      ...Array(4).fill("体育学院"),
    ]);
  });

  test.each([
    [
      "--into a corrupt file",
      async () => {
        const bad = join(tmp(), "损坏的总表.xlsx");
        writeFileSync(bad, Buffer.concat([Buffer.from("PK\u0003\u0004"), Buffer.alloc(200, 7)]));
        return {
          target: bad,
          args: ["--into", bad, "-o", bad],
          error: /文件“损坏的总表.xlsx”.*损坏/,
        };
      },
    ],
    [
      "an output that is a folder",
      async () => {
        const out = folder("output-is-a-folder.xlsx");
        return { target: master, args: ["--into", master, "-o", out], error: /无法写入（EISDIR）/ };
      },
    ],
    [
      "an output in a folder that does not exist",
      async () => ({
        target: master,
        args: ["--into", master, "-o", join(tmp(), "no-such-folder", "m.xlsx")],
        error: /无法写入（ENOENT）/,
      }),
    ],
    [
      "a sheet of the month's name that is not the tool's",
      async () => {
        const clash = join(tmp(), "clash-master.xlsx");
        const workbook = await loadWorkbook(master);
        workbook.removeWorksheet(workbook.getWorksheet("汇总2022-06")!.id);
        workbook.addWorksheet("汇总2022-06").getCell("A1").value = "我自己的汇总";
        workbook.definedNames.remove("'汇总2022-06'!$A$1", "_QUOTA_summary_2022_06");
        await workbook.xlsx.writeFile(clash);
        return {
          target: clash,
          args: ["--into", clash, "-o", clash],
          error: /已有同名工作表“汇总2022-06”，且不是本工具生成的/,
        };
      },
    ],
  ])("a failed import (%s) leaves the existing master byte for byte", async (_, setup) => {
    const { target, args, error } = await setup();
    const bytes = readFileSync(target);
    const run = await runCli("rollup", sportDir, ...args, "--quotas", quotaFile);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(error);
    expect(readFileSync(target).equals(bytes)).toBe(true);
    expect(readdirSync(tmp()).filter((n) => /(tmp|quota-lock)$/.test(n))).toEqual([]);
  });
});

describe("quota rollup: bad inputs", () => {
  test("--month of another month than the reports name: rejected, not imported as that month", async () => {
    const dir = folder("month-option");
    await reportOf(dir, "01-外国语学院-2022年6月.xlsx", "外国语学院", JUNE, FOREIGN_JUNE);
    const out = join(tmp(), "month-option.xlsx");
    const run = await runCli(
      "rollup",
      dir,
      "-o",
      out,
      "--quotas",
      quotaFile,
      "--month",
      "2022-07",
      "--json"
    );
    expect(run.code).toBe(1);
    const result = json(run);
    expect(result.month).toBe("2022-07");
    expect(result.rejected).toEqual([
      {
        file: "01-外国语学院-2022年6月.xlsx",
        sheet: "2022年6月",
        errors: [
          {
            code: "month-mismatch",
            cell: "A1",
            message:
              "工作表所写月份为 2022年6月，按指定的 2022年7月 核对；月份不一致的报表不汇总，请核对后重新报送",
          },
        ],
      },
    ]);
    expect(result.missing).toContain("外国语学院");
    // No valid report: nothing is written.
    expect(existsSync(out)).toBe(false);
    expect(run.stderr).toContain("没有可汇总的报表：未写入任何文件");
  });

  test("every report rejected: the month still comes from them and they are listed", async () => {
    const dir = folder("all-rejected");
    await reportOf(dir, "02-人文学院-2022年6月.xlsx", "人文学院", JUNE, {
      ...HUMANITIES_JUNE,
      training: [1300, 1200],
    });
    const run = await runCli(
      "rollup",
      dir,
      "-o",
      join(tmp(), "all-rejected.xlsx"),
      "--quotas",
      quotaFile,
      "--json"
    );
    expect(run.code).toBe(1);
    const result = json(run);
    expect(result.month).toBe("2022-06");
    expect(
      result.rejected.map((r: { file: string; errors: { code: string }[] }) => [
        r.file,
        r.errors.map((e) => e.code),
      ])
    ).toEqual([["02-人文学院-2022年6月.xlsx", ["month-exceeds-cumulative"]]]);
  });

  test("without --quotas: rolled up, with a warning of what cannot be known", async () => {
    const dir = folder("no-quotas");
    await reportOf(dir, "01-外国语学院-2022年6月.xlsx", "外国语学院", JUNE, FOREIGN_JUNE);
    const run = await runCli("rollup", dir, "-o", join(tmp(), "no-quotas.xlsx"), "--json");
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("未指定 --quotas");
    expect(json(run).sections.training).toEqual({
      target: 369,
      month: 40,
      cumulative: 150,
      rate: 40.65,
    });
  });

  test("validate and rollup take folders and globs; a glob or folder that gives nothing is a usage error", async () => {
    const dir = folder("globs");
    await reportOf(dir, "01-外国语学院-2022年6月.xlsx", "外国语学院", JUNE, FOREIGN_JUNE);
    await reportOf(dir, "02-人文学院-2022年6月.xlsx", "人文学院", JUNE, HUMANITIES_JUNE);
    const folderRun = await runCli("validate", dir, "--json");
    expect(folderRun.code).toBe(0);
    expect(json(folderRun)).toHaveLength(2);
    const globRun = await runCli("validate", join(dir, "02*.xlsx"), "--json");
    expect(json(globRun).map((r: { file: string }) => r.file)).toEqual([
      "02-人文学院-2022年6月.xlsx",
    ]);
    for (const command of ["validate", "rollup"]) {
      const output = command === "rollup" ? ["-o", join(tmp(), "none.xlsx")] : [];
      const none = await runCli(command, join(dir, "01*.xlsx"), join(dir, "09*.xlsx"), ...output);
      expect(none.code).toBe(2);
      expect(none.stderr).toContain("没有与");
      const inFolderName = await runCli(command, join(tmp(), "*", "01*.xlsx"), ...output);
      expect(inFolderName.code).toBe(2);
      expect(inFolderName.stderr).toContain("通配符只能用在文件名中");
    }
  });

  test("unreadable files are rejected with a reason while the others are rolled up", async () => {
    const dir = folder("unreadable");
    await reportOf(dir, "01-外国语学院-2022年6月.xlsx", "外国语学院", JUNE, FOREIGN_JUNE);
    await reportOf(dir, "04-传媒学院-2022年6月.xlsx", "传媒学院", JUNE, MEDIA_JUNE);
    writeFileSync(
      join(dir, "05-损坏.xlsx"),
      Buffer.concat([Buffer.from("PK\u0003\u0004"), Buffer.alloc(100)])
    );
    writeFileSync(join(dir, "06-空.xlsx"), "");
    writeFileSync(
      join(dir, "07-旧版.xlsx"),
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])
    );
    writeFileSync(join(dir, "08-不是月报.csv"), "学院,人数\n外国语学院,3\n");
    const out = join(tmp(), "unreadable-master.xlsx");
    const run = await runCli(
      "rollup",
      dir,
      join(dir, "09-不存在.xlsx"),
      "-o",
      out,
      "--quotas",
      quotaFile,
      "--json"
    );
    expect(run.code).toBe(1);
    const result = json(run);
    expect(
      result.rejected.map((r: { file: string; errors: { code: string; message: string }[] }) => [
        r.file,
        r.errors.map((e) => e.code),
      ])
    ).toEqual([
      ["05-损坏.xlsx", ["file-unreadable"]],
      ["06-空.xlsx", ["file-unreadable"]],
      ["07-旧版.xlsx", ["file-unreadable"]],
      ["08-不是月报.csv", ["form-not-found"]],
      ["09-不存在.xlsx", ["file-unreadable"]],
    ]);
    const message = (i: number) => result.rejected[i].errors[0].message as string;
    expect(message(0)).toContain("损坏");
    expect(message(1)).toContain("空");
    expect(message(2)).toContain(".xls");
    expect(message(4)).toContain("不存在");
    expect(result.sections.training).toEqual({
      target: 14572,
      month: 90,
      cumulative: 350,
      rate: 2.4,
    });
    expect((await ledgerOf(out)).map((r) => r.college)).toEqual([
      ...Array(4).fill("外国语学院"),
      ...Array(4).fill("传媒学院"),
    ]);
    expect(textOf((await sheetsOf(out)).get("汇总2022-06")!)).toContain(
      "未汇总的报表（有错误，5）"
    );
  });

  test("a quota workbook or master that cannot be read stops the run with exit 1", async () => {
    const dir = folder("inputs-ok");
    await reportOf(dir, "01-外国语学院-2022年6月.xlsx", "外国语学院", JUNE, FOREIGN_JUNE);
    const out = join(tmp(), "never-written.xlsx");
    const noQuotas = await runCli("rollup", dir, "-o", out, "--quotas", join(tmp(), "无.xlsx"));
    expect([noQuotas.code, noQuotas.stderr]).toEqual([1, expect.stringContaining("文件“无.xlsx”")]);
    const noMaster = await runCli("rollup", dir, "-o", out, "--into", join(tmp(), "无总表.xlsx"));
    expect([noMaster.code, noMaster.stderr]).toEqual([1, expect.stringContaining("不存在")]);
    expect(readdirSync(tmp())).not.toContain("never-written.xlsx");
  });

  test.each([
    [["rollup", "-o", "m.xlsx"], /至少一个月报表/],
    [["rollup", "reports"], /-o <总表.xlsx>/],
    [["rollup", "reports", "-o", "m.csv"], /-o <总表.xlsx>/],
    [["rollup", "reports", "-o", "m.xlsx", "--month", "2022-13"], /--month 应为年月/],
    [["rollup", "reports", "-o", "m.xlsx", "--bogus"], /bogus/],
    [["rollup", "{empty}", "-o", "m.xlsx"], /没有找到任何 .xlsx 或 .csv 月报表文件/],
  ])("usage error %j exits 2", async (argv, message) => {
    const empty = folder("empty");
    const run = await runCli(...argv.map((a) => (a === "{empty}" ? empty : a)));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toContain("运行 quota help 查看用法");
  });
});

describe("the streamed master", () => {
  test("holds the same cells, styles, merges, print setup, data bars and names as one written in memory", async () => {
    const { ledger } = importIntoLedger(
      [],
      [
        {
          college: "外国语学院",
          month: "2022-06",
          values: {
            training: { target: 369, month: 40, cumulative: 150, rate: 40.65 },
            advanced: { target: 78, month: 10, cumulative: 30, rate: 38.46 },
            nonadvanced: { target: 71, month: 8, cumulative: 30, rate: 42.25 },
            onex: { target: 16, month: 2, cumulative: 6, rate: 37.5 },
          },
          file: "=a.xlsx",
          sha256: "0".repeat(64),
          filer: '=HYPERLINK("http://x")',
          filedOn: "2022-06-28",
        },
      ],
      "2022-06-28T08:00:00.000Z"
    );
    const summary = summarize(ledger, "2022-06", { quotas });
    const model = {
      sheets: [
        summarySheet(summary, [{ file: "坏.xlsx", errors: 2, messages: ["D4：一", "E6：二"] }]),
        ledgerSheet(ledger),
        // A report template: merges over several rows, row heights, whole-number validation.
        buildReportTemplate({
          college: "外国语学院",
          month: JUNE,
          targets: targetsOf("外国语学院"),
        }),
      ],
    };
    const streamed = join(tmp(), "streamed.xlsx");
    const inMemory = join(tmp(), "in-memory.xlsx");
    await streamModelToFile(model, streamed);
    await writeModelToFile(model, inMemory);
    const [a, b] = [await loadWorkbook(streamed), await loadWorkbook(inMemory)];
    const shape = (workbook: ExcelJS.Workbook) => ({
      names: workbook.definedNames.model,
      calc: workbook.calcProperties,
      sheets: workbook.worksheets.map((ws) => {
        const cells: unknown[] = [];
        ws.eachRow({ includeEmpty: true }, (row, r) => {
          cells.push(["height", r, row.height]);
          row.eachCell({ includeEmpty: true }, (c) =>
            cells.push([c.address, c.type, c.value, c.style, c.isMerged ? c.master.address : null])
          );
        });
        return {
          name: ws.name,
          cells,
          merges: Object.keys(extras(ws)._merges).sort(),
          widths: ws.columns.map((c) => c.width),
          views: ws.views,
          pageSetup: ws.pageSetup,
          dataValidations: extras(ws).dataValidations.model,
          // The data bar's Excel 2010 id is random; that it is there is what counts.
          bars: extras(ws).conditionalFormattings.map((cf) => ({
            ...cf,
            rules: cf.rules.map((rule) => ({
              ...rule,
              x14Id: /^\{[0-9A-F-]{36}\}$/.test(rule.x14Id ?? ""),
            })),
          })),
        };
      }),
    });
    expect(shape(a)).toEqual(shape(b));
    const zip = await JSZip.loadAsync(readFileSync(streamed));
    expect(await zip.file("xl/workbook.xml")!.async("string")).toContain('fullCalcOnLoad="1"');
  });

  (existsSync("/dev/full") ? test : test.skip)(
    "a disk that fills up fails the write instead of leaving it waiting",
    async () => {
      const model = { sheets: [ledgerSheet([])] };
      await expect(streamModelToFile(model, "/dev/full")).rejects.toThrow(/ENOSPC/);
    }
  );
});
