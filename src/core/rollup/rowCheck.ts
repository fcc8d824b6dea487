import type { LedgerRow } from "./ledger";

/** FNV-1a, 32 bits, over UTF-16 code units: a short check of a row, not a secret. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/**
 * A ledger row's 校验: 8 hex digits over what the roll-up trusts in it (college, month, section,
 * the three figures and the source file's SHA-256). A figure changed by hand no longer matches.
 */
export function rowCheck(row: LedgerRow): string {
  const fields = [
    row.college,
    row.month,
    row.section,
    row.target,
    row.done,
    row.cumulative,
    row.sha256,
  ].map((v) => (v === null ? "" : String(v)));
  return fnv1a(fields.join("\u001f")).toString(16).padStart(8, "0");
}
