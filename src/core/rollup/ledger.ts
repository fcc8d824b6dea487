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
  /** When it was imported, as a person reads it: 2026-11-29 09:50 local time (older masters: ISO). */
  readonly importedAt: string;
  readonly filer: string | null;
  /** 填报时间, YYYY-MM-DD. */
  readonly filedOn: string | null;
  /** The row's 校验 as read from the master (kept when it does not match: an edit stays visible). */
  readonly check?: string | null;
  /** Read from a master whose 校验 of this row does not match its figures: edited by hand. */
  readonly edited?: boolean;
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

/** A ledger row's month for sorting: plain code-unit order (YYYY-MM sorts by date). */
const byMonth = (a: LedgerRow, b: LedgerRow) =>
  a.month < b.month ? -1 : a.month > b.month ? 1 : 0;

function rowsOf(entry: LedgerEntry, importedAt: string): LedgerRow[] {
  return SECTION_KEYS.map((section) => ({
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
  }));
}

/**
 * Adds reports to the ledger: a college-month is replaced as a whole by a different file, left as
 * it is by the same file again, and earlier months are never touched. Rows stay in a stable order:
 * the ledger's untouched rows as they were, then the new and replaced college-months in the order
 * they were imported, sorted by month. Linear in the size of the ledger and the entries.
 */
export function importIntoLedger(
  ledger: readonly LedgerRow[],
  entries: readonly LedgerEntry[],
  importedAt: string
): ImportOutcome {
  const earlier = new Map<string, LedgerRow[]>();
  for (const r of ledger) {
    const key = collegeMonth(r.college, r.month);
    const rows = earlier.get(key);
    if (rows) rows.push(r);
    else earlier.set(key, [r]);
  }
  // The college-months this import writes, in the order last written (a Map keeps insertion order).
  const fresh = new Map<string, LedgerRow[]>();
  const unchanged: string[] = [];
  for (const entry of entries) {
    const key = collegeMonth(entry.college, entry.month);
    const existing = fresh.get(key) ?? earlier.get(key);
    if (existing?.some((r) => r.sha256 === entry.sha256)) {
      unchanged.push(entry.file);
      continue;
    }
    fresh.delete(key);
    fresh.set(key, rowsOf(entry, importedAt));
  }
  const rows = ledger.filter((r) => !fresh.has(collegeMonth(r.college, r.month)));
  for (const added of fresh.values()) for (const r of added) rows.push(r);
  // Array.prototype.sort is stable: within a month, rows keep the order they came in.
  rows.sort(byMonth);
  const touched = [...fresh.keys()];
  return {
    ledger: rows,
    added: touched.filter((k) => !earlier.has(k)),
    replaced: touched.filter((k) => earlier.has(k)),
    unchanged,
  };
}
