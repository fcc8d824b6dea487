/* The pane's 检查本表 and 汇总 with 培训名单 / 取证名单, against the strict Office.js double. */
import { checkActiveSheet, selectCell } from "../../src/adapters/office/checkActiveSheet";
import { placeOf } from "../../src/taskpane/findingsView";
import { CHUNK_ROWS, HEAD_ROWS, loadHead, readHead } from "../../src/adapters/office/usedGrid";
import { InWorkbookResult, rollUpInWorkbook } from "../../src/adapters/office/rollUpInWorkbook";
import type { ReportFile } from "../../src/core/rollup/reportFile";
import { fill } from "../../src/cli/demoReports";
import type { CellValue, Grid } from "../../src/core/grid";
import { keyCheckValue, makeIdHasher } from "../../src/core/lists/idHasher";
import { LEDGER_HEADERS } from "../../src/core/lists/ledgerRows";
import { buildReportTemplate, TEMPLATE_CELLS } from "../../src/core/report/buildReportTemplate";
import { buildQuotaTables } from "../../src/core/quotaTables";
import { buildQuotaWorkbook } from "../../src/core/quotaWorkbook";
import { quotaLookupFromTables } from "../../src/core/report/quotaLookup";
import { SECTION_KEYS, SectionKey } from "../../src/core/report/reportLayout";
import type { YearMonth } from "../../src/core/report/reportMonth";
import { percent } from "../../src/core/rollup/rollupSummary";
import type { ModelValue } from "../../src/core/workbookModel";
import { ALL, ExcelMock, SheetSpec } from "../support/excelMock";
import { modelGrid, modelGrids } from "../support/modelGrid";
import { planColleges } from "../support/planData";
import { CERT_HEADER, TRAINING_HEADER } from "../core/lists/listFixtures";

const JUNE = { year: 2022, month: 6 };
const JULY = { year: 2022, month: 7 };
const tables = buildQuotaTables(planColleges());
const quotas = quotaLookupFromTables(tables.rows);
const quotaSheets: SheetSpec[] = modelGrids(buildQuotaWorkbook(tables)).map((g) => ({
  name: g.name,
  rows: g.rows as CellValue[][],
}));
const owned = ["表1", "表2", "表3", "表4"].map((n, i) => ({
  name: `_QUOTA_table${i + 1}`,
  formula: `='${n}'!$A$1`,
}));
const ctx = (excel: ExcelMock) => excel.context as unknown as Excel.RequestContext;
const BUDGET = 5_000_000;

type Counts = Record<SectionKey, [number, number]>;

/** A filled-in 附件6 with these 当月完成 / 累计已完成 per section. */
function form(college: string, month: YearMonth, counts: Counts): Grid {
  const targets = quotas.find(college)!;
  const values: Record<string, ModelValue> = {};
  for (const s of SECTION_KEYS) {
    const cells = TEMPLATE_CELLS.sections[s];
    values[cells.month] = counts[s][0];
    values[cells.cumulative] = counts[s][1];
    values[cells.rate] = percent(counts[s][1], targets[s] ?? 0);
  }
  Object.assign(values, {
    [TEMPLATE_CELLS.filer]: "张老师",
    [TEMPLATE_CELLS.head]: "李院长",
    [TEMPLATE_CELLS.date.year]: month.year,
    [TEMPLATE_CELLS.date.month]: month.month,
    [TEMPLATE_CELLS.date.day]: 25,
  });
  return modelGrid(fill(buildReportTemplate({ college, month, targets }), values));
}

const mm = (m: number) => String(m).padStart(2, "0");

/**
 * A college's lists of `training` and `certificates` rows dated over months `from`..`upTo` (the last
 * month's rows are that month's), one student per certificate: 高级工, 中级工 and 1+X 初级 in turn.
 * Returns the sheets and the counts the form must show for the lists to reconcile.
 */
function lists(
  tag: string,
  training: number,
  certificates: number,
  upTo: number,
  prefix = "",
  from = 1
): { sheets: Grid[]; counts: Counts } {
  const monthOf = (i: number) => from + (i % (upTo - from + 1));
  const counts: Counts = { training: [0, 0], advanced: [0, 0], nonadvanced: [0, 0], onex: [0, 0] };
  const count = (s: SectionKey, m: number) => {
    counts[s][1]++;
    if (m === upTo) counts[s][0]++;
  };
  const trainingRows: CellValue[][] = [];
  for (let i = 0; i < training; i++) {
    const m = monthOf(i);
    trainingRows.push([
      i + 1,
      `${tag}T${i}`,
      "李四",
      "会计",
      "2019级",
      "高职（专科）",
      "会计实务",
      "培训",
      `2022-${mm(m)}-10`,
    ]);
    count("training", m);
  }
  const kinds = [
    ["职业技能等级证书", "高级工", ["advanced"]],
    ["职业技能等级证书", "中级工", ["nonadvanced"]],
    ["1+X证书", "初级", ["onex", "nonadvanced"]],
  ] as const;
  const certificateRows: CellValue[][] = [];
  for (let i = 0; i < certificates; i++) {
    const m = monthOf(i);
    const [type, rank, sections] = kinds[i % 3]!;
    certificateRows.push([
      i + 1,
      `${tag}C${i}`,
      "王五",
      "会计",
      "2019级",
      "高职（专科）",
      type,
      "会计",
      rank,
      `${tag}-NO-${i}`,
      `2022-${mm(m)}-15`,
      null,
    ]);
    for (const s of sections) count(s, m);
  }
  return {
    sheets: [
      { name: `${prefix}培训名单`, rows: [["培训名单"], TRAINING_HEADER, ...trainingRows] },
      { name: `${prefix}取证名单`, rows: [["取证名单"], CERT_HEADER, ...certificateRows] },
    ],
    counts,
  };
}

const spec = (g: Grid): SheetSpec => ({ name: g.name, rows: g.rows as CellValue[][] });

describe("检查本表 with the workbook's lists", () => {
  test("form + lists in one round trip; a wrong row and a count off by one named by sheet and cell", async () => {
    const { sheets, counts } = lists("S", 12, 9, 6);
    // Planted: a March 培训日期 changed to July (row 5 of 培训名单), and 培训 one more on the form.
    (sheets[0]!.rows[4] as CellValue[])[8] = "2022-07-01";
    const [month, cumulative] = counts.training;
    const shown = { ...counts, training: [month + 1, cumulative + 1] as [number, number] };
    const report = form("经济管理学院", JUNE, shown);
    const excel = new ExcelMock([spec(report), ...sheets.map(spec), ...quotaSheets]);
    const outcome = await checkActiveSheet(ctx(excel), null);
    expect(excel.syncs).toBe(1);
    expect(outcome.listSheets).toEqual(["培训名单", "取证名单"]);
    expect(outcome.againstListLedger).toBe(false);
    const [result] = outcome.results;
    const where = (fs: readonly { code: string; cell: string | null }[]) =>
      fs.map((f) => `${f.code}@${(f as { sheet?: string }).sheet ?? "-"}!${f.cell}`);
    // The July row counts nowhere (an error of its own); June's list has one 人次 less than the form.
    expect(where(result!.errors)).toEqual([
      `list-count-month@${report.name}!${TEMPLATE_CELLS.sections.training.month}`,
      "list-date-after-month@培训名单!I5",
    ]);
    expect(result!.errors[0]!.message).toContain(String(month));
    expect(result!.errors[0]!.message).toContain(String(month + 1));
    expect(excel.megabytes.every((mb) => mb < BUDGET / 1e6)).toBe(true);
  });

  test("a finding is placed on its own sheet, and clicking it selects that cell there", async () => {
    const { sheets, counts } = lists("S", 6, 3, 6);
    (sheets[1]!.rows[3] as CellValue[])[6] = "合格证";
    const report = form("经济管理学院", JUNE, counts);
    const excel = new ExcelMock([spec(report), ...sheets.map(spec)]);
    const [result] = (await checkActiveSheet(ctx(excel), null)).results;
    const places = result!.errors.map((e) => placeOf(result!, e));
    expect(places).toContainEqual({ sheet: "取证名单", cell: "G4" });
    const place = places.find((p) => p?.sheet === "取证名单")!;
    await selectCell(ctx(excel), place.sheet!, place.cell);
    expect(excel.calls.slice(-2)).toEqual(["activate 取证名单", "select 取证名单!G4"]);
    // A finding on the form is placed on the form's sheet.
    const onForm = { code: "value-missing", severity: "error", cell: "D4", message: "m" } as const;
    expect(placeOf(result!, onForm)).toEqual({ sheet: report.name, cell: "D4" });
  });

  test("in the master: the lists checked against its 名单台账, a repeat across months named", async () => {
    const first = new ExcelMock([...quotaSheets], owned, { budget: BUDGET });
    const june = lists("A", 6, 6, 6);
    await rollUpLists(first, [reportFile("外国语学院", JUNE, june)], JUNE);
    const july = lists("A7", 7, 7, 7, "", 7);
    for (const s of SECTION_KEYS) july.counts[s][1] += june.counts[s][1];
    const checkJuly = async () => {
      const excel = new ExcelMock(
        [
          spec(form("外国语学院", JULY, july.counts)),
          ...july.sheets.map(spec),
          { name: "名单台账（总表）", rows: first.rowsOf("名单台账") },
        ],
        [{ name: "_QUOTA_listLedger", formula: "='名单台账（总表）'!$A$1" }]
      );
      const outcome = await checkActiveSheet(ctx(excel), null);
      expect(excel.syncs).toBe(1);
      expect(outcome.againstListLedger).toBe(true);
      expect(outcome.listSheets).toEqual(["培训名单", "取证名单"]);
      return outcome.results[0]!;
    };
    // 累计已完成 is June's and July's together: it reconciles against the master's ledger.
    expect((await checkJuly()).errors).toEqual([]);
    (july.sheets[1]!.rows[2] as CellValue[])[9] = "A-NO-1";
    const repeated = await checkJuly();
    expect(
      repeated.errors.map((e) => `${e.code}@${(e as { sheet?: string }).sheet}!${e.cell}`)
    ).toEqual(["list-duplicate-number@取证名单!J3"]);
  });

  test("lists named after the college in a workbook of several forms: each form takes its own", async () => {
    const mine = lists("A", 3, 3, 6, "外国语学院");
    const theirs = lists("B", 4, 0, 6, "艺术学院");
    const report = form("外国语学院", JUNE, mine.counts);
    const excel = new ExcelMock([
      spec(report),
      ...mine.sheets.map(spec),
      spec({ ...form("艺术学院", JUNE, theirs.counts), name: "艺术学院6月" }),
      ...theirs.sheets.map(spec),
    ]);
    const outcome = await checkActiveSheet(ctx(excel), null);
    expect(excel.syncs).toBe(1);
    expect(outcome.listSheets).toEqual(["外国语学院培训名单", "外国语学院取证名单"]);
    expect(outcome.results[0]!.errors).toEqual([]);

    // On a list sheet, 检查本表 checks the form it goes with (named after the same college).
    excel.active = "艺术学院培训名单";
    const onList = await checkActiveSheet(ctx(excel), null);
    expect(onList.results.map((r) => [r.college, r.sheet])).toEqual([["艺术学院", "艺术学院6月"]]);
    expect(onList.listSheets).toEqual(["艺术学院培训名单", "艺术学院取证名单"]);
    expect(onList.results[0]!.errors).toEqual([]);
  });

  test("a form without lists is checked as before, and says so", async () => {
    const report = form("经济管理学院", JUNE, lists("S", 3, 3, 6).counts);
    const excel = new ExcelMock([spec(report)]);
    const outcome = await checkActiveSheet(ctx(excel), null);
    expect(excel.syncs).toBe(1);
    expect(outcome.listSheets).toEqual([]);
    expect(outcome.results[0]!.valid).toBe(true);
  });

  test("more sheets than one walk reads: the rest that may hold lists cost one more round trip", async () => {
    const { sheets, counts } = lists("S", 3, 3, 6);
    const filler = Array.from({ length: 40 }, (_, i) => ({ name: `说明${i}`, rows: [["x"]] }));
    const excel = new ExcelMock([
      spec(form("经济管理学院", JUNE, counts)),
      ...filler,
      ...sheets.map(spec),
    ]);
    const outcome = await checkActiveSheet(ctx(excel), null);
    expect(excel.syncs).toBe(2);
    expect(outcome.listSheets).toEqual(["培训名单", "取证名单"]);
    expect(outcome.results[0]!.errors).toEqual([]);
  });
});

/** A report file: its form and lists. */
function reportFile(college: string, month: YearMonth, made: ReturnType<typeof lists>): ReportFile {
  return {
    file: `${college}.xlsx`,
    sha256: `${college}-${month.month}`,
    grids: [form(college, month, made.counts), ...made.sheets],
  };
}

async function rollUpLists(
  excel: ExcelMock,
  files: ReportFile[],
  month: YearMonth,
  key: string | null = null
): Promise<InWorkbookResult> {
  const result = await rollUpInWorkbook(
    ctx(excel),
    files,
    {
      month,
      sheets: [],
      fingerprint: async (g) => g.name,
      hasher: key ? makeIdHasher(key) : null,
    },
    ALL,
    () => true
  );
  if ("error" in result || "confirm" in result) throw new Error(JSON.stringify(result));
  return result;
}

describe("汇总 with lists", () => {
  test("writes 名单台账; a report with another college's 证书编号 is rejected, its rows kept out", async () => {
    const excel = new ExcelMock([...quotaSheets], owned, { budget: BUDGET });
    const a = lists("A", 6, 6, 6);
    const b = lists("B", 6, 6, 6);
    // Planted: 人文学院's 3rd certificate carries a 证书编号 of 外国语学院's.
    (b.sheets[1]!.rows[4] as CellValue[])[9] = "A-NO-0";
    const result = await rollUpLists(
      excel,
      [reportFile("外国语学院", JUNE, a), reportFile("人文学院", JUNE, b)],
      JUNE,
      "a-secret-key-of-the-school"
    );
    expect(result.written).toBe(true);
    expect(result.lists).toEqual({ any: true, hashed: true });
    expect(result.rejected.map((r) => r.college)).toEqual(["人文学院"]);
    expect(
      result.rejected[0]!.errors.map(
        (e) => `${e.code}@${(e as { sheet?: string }).sheet}!${e.cell}`
      )
    ).toContain("list-duplicate-number@取证名单!J5");
    expect(excel.added).toEqual(["汇总2022-06", "月报台账", "名单台账"]);
    const ledger = excel.rowsOf("名单台账");
    // The header carries the key's check value (a hasher was given), so a run with another key is refused.
    const check = keyCheckValue(makeIdHasher("a-secret-key-of-the-school"));
    expect(ledger[0]).toEqual([...LEDGER_HEADERS, "密钥校验值", check]);
    expect(ledger).toHaveLength(1 + 12);
    expect(JSON.stringify(ledger)).not.toContain("李四");
    expect(excel.addedNames.map((n) => n.name)).toContain("_QUOTA_listLedger");
  });

  test("next month: the ledger is read back (also renamed) and a repeated certificate across months rejected", async () => {
    const excel = new ExcelMock([...quotaSheets], owned, { budget: BUDGET });
    const june = lists("A", 6, 6, 6);
    await rollUpLists(excel, [reportFile("外国语学院", JUNE, june)], JUNE);
    excel.renameSheet("名单台账", "名单台账（勿改）");
    // July's list holds July's rows; its 累计 adds them to June's.
    const july = lists("A7", 7, 7, 7, "", 7);
    for (const s of SECTION_KEYS) july.counts[s][1] += june.counts[s][1];
    // July's list repeats June's certificate A-NO-1 (and so would double-count it).
    (july.sheets[1]!.rows[2] as CellValue[])[9] = "A-NO-1";
    const again = await rollUpLists(excel, [reportFile("外国语学院", JULY, july)], JULY);
    expect(again.written).toBe(false);
    expect(again.rejected[0]!.errors.map((e) => e.code)).toContain("list-duplicate-number");
    expect(again.lists).toEqual({ any: true, hashed: false });
    expect(excel.rowsOf("名单台账（勿改）")).toHaveLength(1 + 12);

    // Fixed, July goes in: its rows are appended under June's, which are not written again.
    (july.sheets[1]!.rows[2] as CellValue[])[9] = "A7-NO-0";
    const before = excel.ranges.length;
    const fixed = await rollUpLists(excel, [reportFile("外国语学院", JULY, july)], JULY);
    expect(fixed.rejected).toEqual([]);
    const ledger = excel.rowsOf("名单台账（勿改）");
    expect(ledger).toHaveLength(1 + 12 + 14);
    expect(ledger.slice(13).every((r) => r[0] === "外国语学院" || r.includes("外国语学院"))).toBe(
      true
    );
    const written = excel.ranges
      .slice(before)
      .filter(
        (r) => r.sheet === "名单台账（勿改）" && (Array.isArray(r.mock.formulas) || r.cleared)
      );
    expect(written.map((w) => w.address)).toEqual([expect.stringMatching(/^A14:[A-Z]+27$/)]);
  });

  test("sheets of this workbook rolled up take the lists named after their college", async () => {
    const a = lists("A", 4, 4, 6, "外国语学院");
    const b = lists("B", 5, 3, 6, "艺术学院");
    b.counts.advanced = [b.counts.advanced[0] + 1, b.counts.advanced[1] + 1];
    const excel = new ExcelMock(
      [
        ...quotaSheets,
        spec({ ...form("外国语学院", JUNE, a.counts), name: "外国语学院6月" }),
        ...a.sheets.map(spec),
        spec({ ...form("艺术学院", JUNE, b.counts), name: "艺术学院6月" }),
        ...b.sheets.map(spec),
      ],
      owned,
      { budget: BUDGET }
    );
    const result = await rollUpInWorkbook(
      ctx(excel),
      [],
      { month: JUNE, sheets: ["外国语学院6月", "艺术学院6月"], fingerprint: async (g) => g.name },
      ALL,
      () => true
    );
    if ("error" in result || "confirm" in result) throw new Error(JSON.stringify(result));
    expect(result.rejected.map((r) => r.college)).toEqual(["艺术学院"]);
    expect(result.rejected[0]!.errors.map((e) => e.code)).toEqual([
      "list-count-month",
      "list-count-cumulative",
    ]);
    expect(excel.rowsOf("名单台账")).toHaveLength(1 + 8);
  });

  test("no valid report: nothing is written, one round trip", async () => {
    const excel = new ExcelMock([{ name: "首页", rows: [["教务处"]] }, ...quotaSheets], owned);
    const bad = lists("A", 6, 6, 6);
    bad.counts.training = [bad.counts.training[0] + 1, bad.counts.training[1] + 1];
    const result = await rollUpLists(excel, [reportFile("外国语学院", JUNE, bad)], JUNE);
    expect(result.written).toBe(false);
    expect(result.accepted).toBe(0);
    expect(excel.syncs).toBe(1);
    expect(excel.added).toEqual([]);
    expect(excel.addedNames).toEqual([]);
    expect(
      excel.ranges.filter(
        (r) => Array.isArray(r.mock.formulas) || Array.isArray(r.mock.values) || r.cleared
      )
    ).toEqual([]);
  });

  test("a year of the real plan's lists: every request under the 5 MB budget", async () => {
    const colleges = quotas.colleges.map((c) => c.college);
    const perCollege = (total: number) => Math.ceil(total / colleges.length);
    const excel = new ExcelMock([...quotaSheets], owned, { budget: BUDGET });
    const june = colleges.map((_, i) => lists(`K${i}-`, perCollege(14_600), perCollege(7_100), 6));
    const files = colleges.map((c, i) => reportFile(c, JUNE, june[i]!));
    const result = await rollUpLists(excel, files, JUNE, "a-secret-key-of-the-school");
    expect(result.rejected).toEqual([]);
    const rows = excel.rowsOf("名单台账").length - 1;
    expect(rows).toBeGreaterThanOrEqual(14_600 + 7_100);
    const largest = Math.max(...excel.megabytes);
    expect(largest).toBeLessThan(BUDGET / 1e6);
    const firstSyncs = excel.syncs;

    // July against that ledger: read back whole, checked, and only July's rows appended.
    const july = colleges.map((_, i) => lists(`K${i}-J`, 30, 15, 7, "", 7));
    july.forEach((l, i) => {
      for (const s of SECTION_KEYS) l.counts[s][1] += june[i]!.counts[s][1];
    });
    const before = excel.requests.length;
    const next = await rollUpLists(
      excel,
      colleges.map((c, i) => reportFile(c, JULY, july[i]!)),
      JULY,
      "a-secret-key-of-the-school"
    );
    expect(next.rejected).toEqual([]);
    expect(excel.rowsOf("名单台账").length - 1).toBe(rows + colleges.length * 45);
    const julyLargest = Math.max(...excel.megabytes.slice(before));
    expect(julyLargest).toBeLessThan(BUDGET / 1e6);
    console.log(
      `名单台账 ${rows} rows written in ${firstSyncs} round trips (largest request ${largest.toFixed(2)} MB); ` +
        `July appended in ${excel.syncs - firstSyncs} (largest ${julyLargest.toFixed(2)} MB)`
    );
  });
});

describe("a long sheet is read in parts", () => {
  test("first rows with the batch, the rest a chunk per round trip, whole and in place", async () => {
    const total = HEAD_ROWS + CHUNK_ROWS + 7;
    const rows: CellValue[][] = [
      ["表头", "值"],
      ...Array.from({ length: total - 1 }, (_, i) => [`行${i + 2}`, i + 2]),
    ];
    const excel = new ExcelMock([{ name: "名单台账", rows }]);
    const load = loadHead(ctx(excel).workbook.worksheets.getItem("名单台账"));
    await ctx(excel).sync();
    const grid = await readHead(ctx(excel), "名单台账", load);
    expect(excel.syncs).toBe(3);
    expect(grid.rows).toHaveLength(total);
    expect(grid.rows[HEAD_ROWS - 1]).toEqual([`行${HEAD_ROWS}`, HEAD_ROWS]);
    expect(grid.rows[HEAD_ROWS]).toEqual([`行${HEAD_ROWS + 1}`, HEAD_ROWS + 1]);
    expect(grid.rows[total - 1]).toEqual([`行${total}`, total]);
  });
});
