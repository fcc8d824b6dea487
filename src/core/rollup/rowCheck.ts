import type { LedgerRow } from "./ledger";

/** FNV-1a, 32 bits, over UTF-16 code units, from `hash` on: fed field by field, as over their join. */
function fnv1a(text: string, hash = 0x811c9dc5): number {
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/**
 * A ledger row's 校验: 8 hex digits over what the roll-up trusts in it (college, month, section,
 * the three figures and the source file's SHA-256), joined by U+001F. A figure changed by hand no
 * longer matches. Hashed field by field: no joined string per row (a ledger has thousands).
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
  ];
  let hash = 0x811c9dc5;
  for (let i = 0; i < fields.length; i++) {
    if (i > 0) hash = fnv1a("\u001f", hash);
    const v = fields[i]!;
    hash = fnv1a(v === null ? "" : String(v), hash);
  }
  return hash.toString(16).padStart(8, "0");
}
