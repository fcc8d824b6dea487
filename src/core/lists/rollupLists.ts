import type { CellValue, Grid } from "../grid";
import { ReportResult, resultOf } from "../report/validateReport";
import { SheetModel, cell } from "../workbookModel";
import { ListCheck, checkLists } from "./checkLists";
import type { IdHasher } from "./idHasher";
import { LEDGER_HEADERS, loadLedger, readLedgerRow } from "./ledgerRows";
import { crossCheck, mergeLedger } from "./mergeLedger";
import { reconcileLists } from "./reconcileLists";
import { parseMonth } from "../report/reportMonth";
import { collegeListPrefix } from "../report/collegeTemplates";
import { LIST_LEDGER_SHEET } from "./withListFindings";
import { KEY_CHECK_LABEL } from "./listKeyCheck";
import type { LedgerFinding, ListLedger } from "./listLedger";

/** A report's lists as read with its file: the compact ledger and the 名单台账 rows, no grids. */
export interface PendingLists {
  readonly check: ListCheck;
  readonly rows: readonly CellValue[][];
}

/** Reads one report's lists (null when the workbook has no list row: a form-only report). */
export function collectLists(
  result: ReportResult,
  grids: readonly Grid[],
  options: { hasher?: IdHasher | null; shared?: boolean }
): PendingLists | null {
  const college = result.college ?? result.report?.college ?? null;
  const month = result.month ? parseMonth(result.month) : null;
  if (!result.report || !college || !month) return null;
  const own = options.shared
    ? grids.filter((g) => g.name.startsWith(collegeListPrefix(college)))
    : grids;
  const rows: CellValue[][] = [];
  const check = checkLists(own, {
    college,
    month,
    hasher: options.hasher ?? null,
    onLedgerRow: (cells) => rows.push(cells),
  });
  return check.rows > 0 ? { check, rows } : null;
}

/** A checked report file with its lists (the roll-up's CheckedFile). */
export interface ListedFile {
  readonly file: string;
  readonly results: readonly ReportResult[];
  readonly lists?: readonly (PendingLists | null)[];
}

const keyOf = (college: string, month: string) => `${college}\u0000${month}`;

/** Where a result sits: its file and sheet (as `Rejected` names it). */
export interface ResultPlace {
  readonly fileName: string;
  readonly sheet: string | null;
}

/** Reports handed in this run, by college and month: the master's rows of these are replaced. */
function handedIn(files: readonly ListedFile[]): Set<string> {
  const again = new Set<string>();
  for (const f of files)
    for (const r of f.results) if (r.college && r.month) again.add(keyOf(r.college, r.month));
  return again;
}

/**
 * One report's lists against the run's ledger (the master and the reports accepted before it):
 * its result with the lists' findings, and the findings its duplicates give other colleges.
 */
function settleOne(
  r: ReportResult,
  lists: PendingLists | null | undefined,
  master: ListLedger
): { result: ReportResult; others: LedgerFinding[] } {
  if (!lists || !r.report) return { result: r, others: [] };
  const form = { ...r.report, college: r.college ?? r.report.college };
  const ledger = lists.check.ledger;
  const cross = crossCheck(master, ledger);
  const mine = cross.filter((x) => x.college === form.college && x.month === form.month);
  const others = cross.filter((x) => !(x.college === form.college && x.month === form.month));
  const rec = reconcileLists(form, ledger, master, lists.check.present);
  const findings = [...lists.check.findings, ...mine, ...rec.findings];
  const result = resultOf(r, [...r.errors, ...r.warnings, ...findings]);
  if (result.valid && rec.reconciled) mergeLedger(master, ledger);
  return { result, others };
}

/**
 * The reports' lists against the master's 名单台账 (rows without the header) and each other, in
 * order: duplicates across months and colleges, and 累计 against the master. A report whose lists
 * have errors or do not reconcile becomes invalid (the roll-up rejects it). The master's rows of
 * a college-month handed in again are left out, so a resubmission replaces them. `others` are the
 * findings that fall on the other side of a duplicate: a college already in the master or earlier
 * in this run, whose list the later report duplicates.
 */
export function settleLists<F extends ListedFile>(
  files: readonly F[],
  masterRows: readonly (readonly CellValue[])[]
) {
  const again = handedIn(files);
  const master = loadLedger(masterRows, (c, m) => again.has(keyOf(c, m)));
  const others: LedgerFinding[] = [];
  const settled = files.map((f): F => ({
    ...f,
    results: f.results.map((r, i) => {
      const one = settleOne(r, f.lists?.[i], master);
      others.push(...one.others);
      return one.result;
    }),
  }));
  /** The 名单台账 after the roll-up: the master's rows, those of accepted reports replacing theirs. */
  const ledgerRows = (rejected: readonly ResultPlace[]): (readonly CellValue[])[] => {
    const out = new Set(rejected.map((p) => `${p.fileName}\u0000${p.sheet}`));
    const accepted = settled.flatMap((f) =>
      f.results.flatMap((r, i) =>
        out.has(`${f.file}\u0000${r.sheet}`) ? [] : [{ r, lists: f.lists?.[i] ?? null }]
      )
    );
    const replaced = new Set(accepted.map(({ r }) => keyOf(r.college ?? "", r.month ?? "")));
    const kept = masterRows.filter((cells) => {
      const { source } = readLedgerRow(cells);
      return !replaced.has(keyOf(source.college, source.month));
    });
    return [...kept, ...accepted.flatMap(({ lists }) => lists?.rows ?? [])];
  };
  return { files: settled, ledgerRows, others };
}

/**
 * The master's 名单台账 sheet (names and IDs masked; the ID as a keyed hash), with the key check
 * value (when a key was used) right of the header: KEY_CHECK_LABEL, then the value.
 */
export function listLedgerSheet(
  rows: readonly (readonly CellValue[])[],
  keyCheck: string | null = null
): SheetModel {
  const plain = (v: CellValue) => (v instanceof Date ? v.toISOString().slice(0, 10) : v);
  return {
    name: LIST_LEDGER_SHEET,
    key: "listLedger",
    cells: [
      [
        ...LEDGER_HEADERS.map((h) => cell(h, "header")),
        ...(keyCheck ? [cell(KEY_CHECK_LABEL, "header"), cell(keyCheck, "text")] : []),
      ],
      ...rows.map((r) => r.map((v) => (v === null || v === undefined ? null : cell(plain(v))))),
    ],
    merges: [],
    columnWidths: [...LEDGER_HEADERS.map((h) => Math.max(10, h.length * 2 + 2)), 12, 14],
    frozenRows: 1,
  };
}
