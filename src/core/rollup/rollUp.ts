import type { CellValue } from "../grid";
import { checkPrevious } from "../report/checkAgainst";
import {
  CumulativeLedger,
  PreviousMonth,
  previousFromLedger,
  previousMonthOf,
} from "../report/previousMonth";

export { previousMonthOf };
import type { QuotaLookup } from "../report/quotaLookup";
import { YearMonth, formatMonth, parseMonth } from "../report/reportMonth";
import type { ReportResult } from "../report/validateReport";
import { unreadableFile, validateWorkbook } from "../report/validateWorkbook";
import type { SheetModel, WorkbookModel } from "../workbookModel";
import type { IdHasher } from "../lists/idHasher";
import { PendingLists, collectLists, listLedgerSheet, settleLists } from "../lists/rollupLists";
import { MasterLists, checkListKey } from "../lists/listKeyCheck";
import { ListLine, listLines } from "../lists/listLines";
import type { LedgerFinding } from "../lists/listLedger";
import { collegeKey } from "../report/quotaLookup";
import { fileProblems } from "./fileTrust";
import { ImportOutcome, LedgerEntry, LedgerRow, importIntoLedger } from "./ledger";
import type { Problem, Rejected } from "./rejected";
import type { ReportFile } from "./reportFile";
import { replaceGate } from "./replaceGate";
import { ledgerSheet } from "./ledgerSheet";
import { RollupSummary, SchoolTargets, summarize } from "./rollupSummary";
import { summarySheet } from "./summarySheet";

/** A report file after validation: all the roll-up keeps of it (its sheets can be let go). */
export interface CheckedFile {
  readonly file: string;
  readonly sha256: string;
  readonly results: readonly ReportResult[];
  /** Each result's 培训名单 / 取证名单 (null: none), when the lists were read. */
  readonly lists?: readonly (PendingLists | null)[];
}

export type { Problem, Rejected } from "./rejected";

/** Validates one file for the roll-up; `grids` null means it could not be read (`error` says why). */
export function checkReportFile(
  file: ReportFile,
  options: {
    month?: YearMonth | null;
    quotas?: QuotaLookup | null;
    /** Read the lists too, hashing 身份证号 with the school's key (null: masked only). */
    lists?: { hasher: IdHasher | null };
  }
): CheckedFile {
  const validate = {
    fileName: file.file,
    month: options.month ?? null,
    quotas: options.quotas ?? null,
  };
  const results = file.grids
    ? validateWorkbook(file.grids, validate)
    : [unreadableFile(validate, file.error ?? "文件无法读取")];
  const grids = file.grids;
  if (!grids || !options.lists) return { file: file.file, sha256: file.sha256, results };
  const read = { hasher: options.lists.hasher, shared: results.length > 1 };
  const lists = results.map((r) => collectLists(r, grids, read));
  return { file: file.file, sha256: file.sha256, results, lists };
}

export interface RollUpOptions {
  /** The master's ledger before this import. */
  readonly ledger: readonly LedgerRow[];
  readonly quotas?: QuotaLookup | null;
  readonly schoolTargets?: SchoolTargets | null;
  /** YYYY-MM; else the month every valid report is for (reports that disagree are an error). */
  readonly month?: string | null;
  /** A college-month already in the ledger may be replaced by another file (default true: the pane asks first). */
  readonly replace?: boolean;
  /** ISO time stamp for the ledger. */
  readonly importedAt: string;
  /**
   * The supporting lists: the master's 名单台账 and the hasher of 身份证号 (null: no key). Given,
   * the reports' lists are reconciled and checked for duplicates, the key is checked against the
   * master's, the 名单台账 is written and the 汇总 says 名单核对 per college. Absent: no lists.
   */
  readonly lists?: { readonly master: MasterLists; readonly hasher: IdHasher | null } | null;
}

export interface RollUpResult {
  readonly month: string;
  /** Reports that go into the ledger (new, replacing, or already there): none means nothing to write. */
  readonly accepted: number;
  /** College-months replaced, with the file that was in the ledger and the one now. */
  readonly replacements: readonly {
    readonly key: string;
    readonly oldFile: string;
    readonly newFile: string;
  }[];
  readonly rejected: readonly Rejected[];
  readonly outcome: ImportOutcome;
  readonly summary: RollupSummary;
  /** The month's 汇总 sheet and 月报台账 (and 名单台账). */
  readonly workbook: WorkbookModel;
  /**
   * Findings on the other side of a duplicate across colleges: a college already in the master or
   * earlier in this run, whose list a later report duplicates (that report has its own finding).
   */
  readonly listFindings: readonly LedgerFinding[];
  /** 名单核对 per college (empty when the run reads no lists). */
  readonly listLines: readonly ListLine[];
  /** What the run should say besides (e.g. a master without a key check value). */
  readonly notes: readonly string[];
  /**
   * The 名单台账's rows after the roll-up (the master's own row arrays first, as given) and the key
   * check value its header records; null when the run reads no lists. The pane appends from it.
   */
  readonly listLedger: {
    readonly rows: readonly (readonly CellValue[])[];
    readonly keyCheck: string | null;
  } | null;
}

/** 累计已完成 of the month before, from the ledger. */
export function previousCumulative(
  ledger: readonly LedgerRow[],
  month: string
): CumulativeLedger | null {
  const last = previousMonthOf(month);
  const before = ledger.filter((r) => r.month === last);
  if (before.length === 0) return null;
  // Keyed by college names from files: no prototype, so that __proto__ is just a name.
  const cumulative: Record<string, Record<string, number>> = Object.create(null);
  for (const r of before)
    if (r.cumulative !== null) (cumulative[r.college] ??= {})[r.section] = r.cumulative;
  return cumulative;
}

/** A ledger as the validator's last month: for a report of month M, the ledger's M−1. */
export function previousOfLedger(ledger: readonly LedgerRow[]): (month: string) => PreviousMonth {
  // Once per month, not per report: each walks the whole ledger (reports × rows otherwise).
  const byMonth = new Map<string, PreviousMonth>();
  return (month) => {
    let previous = byMonth.get(month);
    if (!previous)
      byMonth.set(month, (previous = previousFromLedger(previousCumulative(ledger, month) ?? {})));
    return previous;
  };
}

/** The months the reports name, each with the files naming it (a file counts once per month). */
function monthsNamed(files: readonly CheckedFile[], validOnly: boolean): Map<string, string[]> {
  // A set per month beside the list: includes() on the list was quadratic in a month's files.
  const months = new Map<string, { names: string[]; seen: Set<string> }>();
  for (const f of files)
    for (const r of f.results) {
      if (!r.month || (validOnly && !r.valid)) continue;
      let named = months.get(r.month);
      if (!named) months.set(r.month, (named = { names: [], seen: new Set() }));
      if (named.seen.has(f.file)) continue;
      named.seen.add(f.file);
      named.names.push(f.file);
    }
  return new Map([...months].map(([month, { names }]) => [month, names]));
}

/** Reports for more than one month: the run must be told which month it is. */
export interface MonthConflict {
  readonly months: ReadonlyMap<string, readonly string[]>;
}

/** The roll-up month: --month, else the one month every valid report names; null when none can be told. */
function rollupMonth(
  files: readonly CheckedFile[],
  option: string | null | undefined
): string | null | MonthConflict {
  if (option) return formatMonth(parseMonth(option)!);
  const valid = monthsNamed(files, true);
  if (valid.size > 1) return { months: valid };
  if (valid.size === 1) return [...valid.keys()][0]!;
  // Every report rejected: still the month they are for, so that they are listed (nothing is written).
  return mostCommon(files.flatMap((f) => f.results.flatMap((r) => (r.month ? [r.month] : []))));
}

function mostCommon(values: readonly string[]): string | null {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return (
    [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0].localeCompare(a[0]))[0]?.[0] ?? null
  );
}

/**
 * A college's month comes from one report. Copies of the same file count once; two different
 * reports from one college in one import are both rejected, since picking either would be a guess.
 */
function oneReportPerCollege(accepted: readonly Accepted[], rejected: Rejected[]): LedgerEntry[] {
  const byCollege = new Map<string, { name: string; sheet: string | null; entry: LedgerEntry }[]>();
  for (const a of accepted)
    byCollege.set(a.entry.college, [...(byCollege.get(a.entry.college) ?? []), a]);
  const entries: LedgerEntry[] = [];
  for (const [college, reports] of byCollege) {
    const distinct = new Set(reports.map((r) => r.entry.sha256)).size;
    if (distinct === 1) {
      // The ledger reports the copies as already imported.
      entries.push(...reports.map((r) => r.entry));
      continue;
    }
    const names = reports.map((r) => r.name);
    for (const r of reports)
      rejected.push({
        file: r.name,
        fileName: r.entry.file,
        sheet: r.sheet,
        college,
        month: r.entry.month,
        errors: [
          {
            code: "college-twice",
            cell: null,
            message: `${college}本月有 ${distinct} 份不同的报表（${names.join("、")}），请只保留一份后重新汇总`,
          },
        ],
      });
  }
  return entries;
}

/** The colleges a file name may name: the quota workbook's and the ledger's. */
function knownColleges(options: RollUpOptions): string[] {
  const names = new Set(options.ledger.map((r) => r.college));
  for (const c of options.quotas?.colleges ?? []) names.add(c.college);
  return [...names].filter((n) => n.length >= 2);
}

/** The colleges whose ledger rows of `month` were edited by hand (collegeKey). */
function editedColleges(ledger: readonly LedgerRow[], month: string): Set<string> {
  return new Set(
    ledger.filter((r) => r.month === month && r.edited).map((r) => collegeKey(r.college))
  );
}

/** Why one report of the file is not rolled up; none when it is. */
function reportProblems(
  r: ReportResult,
  month: string,
  previous: PreviousMonth | null,
  editedBefore: ReadonlySet<string>
): Problem[] {
  const problems: Problem[] = [...r.errors];
  const named = r.warnings.find((w) => w.code === "month-mismatch");
  if (r.valid && named)
    problems.push({
      code: "month-mismatch",
      cell: named.cell,
      message: `${named.message}；月份不一致的报表不汇总，请核对后重新报送`,
    });
  else if (r.valid && r.month !== month) {
    problems.push({
      code: "month-other",
      cell: null,
      message: `这是 ${r.month ?? "月份不明"} 的报表，本次汇总 ${month}`,
    });
  }
  // A report of another month is refused for its month alone: its 累计 says nothing about this month's.
  if (problems.length > 0 || !(r.valid && r.report && r.college && previous)) return problems;
  const against = checkPrevious(r.report, r.college, previous).filter(
    (p) => p.severity === "error"
  );
  if (against.length > 0 && editedBefore.has(collegeKey(r.college)))
    // The master, not the college, is what changed: say so instead of blaming the report.
    return [
      ...problems,
      {
        code: "ledger-edited",
        cell: null,
        message: `总表“月报台账”中${r.college} ${previousMonthOf(month)}的行被手工改动过（校验值不符），无法据此核对本月累计；这不是学院报表的错误，请教务处核对总表该行（改动无误可清空该行“校验”单元格）后重新汇总`,
      },
    ];
  return [...problems, ...against];
}

/** The reports sorted: accepted (each a ledger entry) and rejected with their reasons. */
function sortReports(
  files: readonly CheckedFile[],
  month: string,
  options: RollUpOptions
): { accepted: Accepted[]; rejected: Rejected[] } {
  const cumulative = previousCumulative(options.ledger, month);
  // Built once: its lookup map would otherwise be rebuilt for every report.
  const previous = cumulative ? previousFromLedger(cumulative) : null;
  const known = knownColleges(options);
  const editedBefore = editedColleges(options.ledger, previousMonthOf(month));
  const accepted: Accepted[] = [];
  const rejected: Rejected[] = [];
  for (const f of files) {
    const whole = fileProblems(f.file, f.results, known);
    for (const r of f.results) {
      const name = f.file + (r.sheet ? `（${r.sheet}）` : "");
      const problems = [...whole, ...reportProblems(r, month, previous, editedBefore)];
      const place = { file: name, fileName: f.file, sheet: r.sheet };
      if (problems.length > 0 || !r.values || !r.college)
        rejected.push({ ...place, college: r.college, month: r.month, errors: problems });
      else accepted.push({ name, sheet: r.sheet, entry: entryOf(f, r as Valid, month) });
    }
  }
  return { accepted, rejected };
}

type Accepted = { name: string; sheet: string | null; entry: LedgerEntry };
type Valid = ReportResult & { college: string; values: NonNullable<ReportResult["values"]> };

function entryOf(f: CheckedFile, r: Valid, month: string): LedgerEntry {
  return {
    college: r.college,
    month,
    values: r.values,
    file: f.file,
    sha256: f.sha256,
    filer: r.report?.filer ?? null,
    filedOn: r.report?.filedOn ?? null,
  };
}

/** The month: from --month or the reports; an error when they disagree or none can be told. */
function monthOrError(
  files: readonly CheckedFile[],
  option: string | null | undefined
): string | RollUpError {
  const month = rollupMonth(files, option);
  if (month !== null && typeof month === "object")
    return {
      error: `报表的月份不一致：${[...month.months].map(([m, names]) => `${m}（${names.join("、")}）`).join("；")}；请用 --month 指定汇总月份`,
      months: month.months,
    };
  if (!month)
    return {
      error: "无法确定汇总月份：请指定月份，或在报表的工作表名、文件名或填报时间中写明月份",
    };
  return month;
}

export interface RollUpError {
  readonly error: string;
  readonly months?: ReadonlyMap<string, readonly string[]>;
  /** The run's 身份证号 key does not match the master's (see checkListKey). */
  readonly key?: boolean;
}

/** The lists settled against the master (null: the run reads no lists), or the key refused. */
function settle(
  files: readonly CheckedFile[],
  lists: RollUpOptions["lists"]
): { files: readonly CheckedFile[]; lists: SettledLists | null } | RollUpError {
  if (!lists) return { files, lists: null };
  const key = checkListKey(lists.master, lists.hasher);
  if ("refused" in key) return { error: key.refused, key: true };
  const settled = settleLists(files, lists.master.rows);
  const any = lists.master.rows.length > 0 || files.some((f) => f.lists?.some(Boolean));
  return {
    files: settled.files,
    lists: { ...settled, keyCheck: key.keyCheck, note: key.note ?? null, any },
  };
}

type SettledLists = ReturnType<typeof settleLists<CheckedFile>> & {
  keyCheck: string | null;
  note: string | null;
  /** Any list row, in the master or a report: else no 名单台账 is written. */
  any: boolean;
};

/** Colleges that sent a report for the month that was not rolled up: not 未报送. */
const sentRejected = (rejected: readonly Rejected[], month: string) =>
  rejected.flatMap((r) =>
    r.college && r.month === month && !r.errors.some((e) => e.code === "month-mismatch")
      ? [r.college]
      : []
  );

/** A rejected report as the 汇总 lists it. */
const rejectedLine = (r: Rejected) => ({
  file: r.file,
  errors: r.errors.length,
  messages: r.errors.map((e) => {
    const sheet = e.sheet && e.sheet !== r.sheet ? `${e.sheet}!` : "";
    const at = e.cell ? `${sheet}${e.cell}` : null;
    return at ? `${at}：${e.message}` : e.message;
  }),
});

/**
 * The month's roll-up from validated files: reports with errors, of another month, or whose
 * 累计已完成 does not follow from last month's ledger are rejected with their reasons (with
 * `lists`, also those whose lists have errors or do not reconcile, and a run whose ID key does not
 * match the master's is refused); the rest go into the ledger, and the month's summary is built.
 */
export function rollUp(
  files: readonly CheckedFile[],
  options: RollUpOptions
): RollUpResult | RollUpError {
  const month = monthOrError(files, options.month);
  if (typeof month !== "string") return month;
  const settled = settle(files, options.lists);
  if ("error" in settled) return settled;
  const { accepted, rejected } = sortReports(settled.files, month, options);
  const gate = replaceGate(
    options.ledger,
    oneReportPerCollege(accepted, rejected),
    options.replace ?? true
  );
  rejected.push(...gate.rejected);
  const outcome = importIntoLedger(options.ledger, gate.entries, options.importedAt);
  const summary = summarize(outcome.ledger, month, {
    quotas: options.quotas,
    schoolTargets: options.schoolTargets,
    sentRejected: sentRejected(rejected, month),
  });
  const lists = settled.lists ? listsOut(settled.lists, settled.files, rejected, summary) : null;
  const workbook: WorkbookModel = {
    sheets: [
      summarySheet(summary, rejected.map(rejectedLine), lists?.lines),
      ledgerSheet(outcome.ledger),
      ...(lists?.sheet ? [lists.sheet] : []),
    ],
  };
  return {
    month,
    accepted: gate.entries.length,
    replacements: gate.replacements,
    rejected,
    outcome,
    summary,
    workbook,
    listFindings: settled.lists?.others ?? [],
    listLines: lists?.lines ?? [],
    notes: settled.lists?.note ? [settled.lists.note] : [],
    listLedger: lists?.sheet ? { rows: lists.rows, keyCheck: settled.lists!.keyCheck } : null,
  };
}

/** The 名单台账 after the roll-up (when there is any list row) and the 汇总's 名单核对. */
function listsOut(
  lists: SettledLists,
  files: readonly CheckedFile[],
  rejected: readonly Rejected[],
  summary: RollupSummary
): { sheet: SheetModel | null; lines: ListLine[]; rows: readonly (readonly CellValue[])[] } {
  const rows = lists.ledgerRows(rejected);
  const lines = listLines({
    month: summary.month,
    accepted: summary.colleges.map((c) => c.college),
    rejected,
    files,
    ledgerRows: rows,
    others: lists.others,
  });
  return { sheet: lists.any ? listLedgerSheet(rows, lists.keyCheck) : null, lines, rows };
}
