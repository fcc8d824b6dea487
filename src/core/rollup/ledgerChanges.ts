import type { LedgerRow } from "./ledger";

const FIELDS: readonly (keyof LedgerRow)[] = [
  "college",
  "month",
  "section",
  "target",
  "done",
  "cumulative",
  "file",
  "sha256",
  "importedAt",
  "filer",
  "filedOn",
];

/**
 * Rows of the new ledger (indices) that differ from the row at the same position before, or are
 * new at the end: what an update in place writes. A month appended is its own rows; a replaced
 * college-month is its rows; nothing else moves.
 */
export function changedLedgerRows(
  before: readonly LedgerRow[],
  after: readonly LedgerRow[]
): number[] {
  const changed: number[] = [];
  after.forEach((row, i) => {
    const old = before[i];
    if (!old || FIELDS.some((f) => old[f] !== row[f])) changed.push(i);
  });
  return changed;
}
