import type { SectionValues } from "../report/monthlyReport";
import { SECTION_KEYS, SectionKey } from "../report/reportLayout";

/** One row of 月报台账: a college's figures for one month and section, and where they came from. */
export interface LedgerRow {
  readonly college: string;
  /** YYYY-MM. */
  readonly month: string;
  readonly section: SectionKey;
  readonly target: number | null;
  readonly done: number | null;
  readonly cumulative: number | null;
  readonly file: string;
  readonly sha256: string;
  /** ISO time of the import. */
  readonly importedAt: string;
  readonly filer: string | null;
  /** 填报时间, YYYY-MM-DD. */
  readonly filedOn: string | null;
}

/** A valid report ready to go into the ledger. */
export interface LedgerEntry {
  readonly college: string;
  readonly month: string;
  readonly values: Readonly<Record<SectionKey, SectionValues>>;
  readonly file: string;
  readonly sha256: string;
  readonly filer: string | null;
  readonly filedOn: string | null;
}

export interface ImportOutcome {
  readonly ledger: readonly LedgerRow[];
  /** College-months new to the ledger. */
  readonly added: readonly string[];
  /** College-months whose earlier figures were replaced by another file. */
  readonly replaced: readonly string[];
  /** Files already in the ledger (same SHA-256): nothing changed. */
  readonly unchanged: readonly string[];
}

export const collegeMonth = (college: string, month: string) => `${college} ${month}`;

/**
 * Adds reports to the ledger: a college-month is replaced as a whole by a different file, left as
 * it is by the same file again, and earlier months are never touched. Rows stay in a stable order.
 */
export function importIntoLedger(
  ledger: readonly LedgerRow[],
  entries: readonly LedgerEntry[],
  importedAt: string
): ImportOutcome {
  const before = new Set(ledger.map((r) => collegeMonth(r.college, r.month)));
  let rows = [...ledger];
  const touched = new Set<string>();
  const unchanged: string[] = [];
  for (const entry of entries) {
    const key = collegeMonth(entry.college, entry.month);
    const existing = rows.filter((r) => collegeMonth(r.college, r.month) === key);
    if (existing.some((r) => r.sha256 === entry.sha256)) {
      unchanged.push(entry.file);
      continue;
    }
    rows = rows.filter((r) => collegeMonth(r.college, r.month) !== key);
    touched.add(key);
    rows.push(
      ...SECTION_KEYS.map((section) => ({
        college: entry.college,
        month: entry.month,
        section,
        target: entry.values[section].target,
        done: entry.values[section].month,
        cumulative: entry.values[section].cumulative,
        file: entry.file,
        sha256: entry.sha256,
        importedAt,
        filer: entry.filer,
        filedOn: entry.filedOn,
      }))
    );
  }
  // Array.prototype.sort is stable: within a month, rows keep the order they came in.
  rows.sort((a, b) => a.month.localeCompare(b.month));
  return {
    ledger: rows,
    added: [...touched].filter((k) => !before.has(k)),
    replaced: [...touched].filter((k) => before.has(k)),
    unchanged,
  };
}
