import type { CellValue } from "../grid";
import { loadLedger } from "./ledgerRows";
import type { ListLedger } from "./listLedger";

/**
 * The master's 名单台账 as each report is checked against it: a report of a college-month the
 * master already holds (handed in again) is checked against the master without that month's
 * rows, as the roll-up will replace them; else the whole master. Built once; a ledger without a
 * college-month is built when asked for.
 */
export class MasterLedgers {
  readonly whole: ListLedger;
  /** The last ledger without a college-month (one kept: each is as large as the master). */
  private without: { key: string; ledger: ListLedger } | null = null;

  constructor(private readonly rows: readonly (readonly CellValue[])[]) {
    this.whole = loadLedger(rows);
  }

  /** The ledger a report of `college` for `month` (YYYY-MM) is checked against. */
  for(college: string | null, month: string | null): ListLedger {
    const held = this.whole.sources.some((s) => s.college === college && s.month === month);
    if (!held) return this.whole;
    const key = `${college}\u0000${month}`;
    if (this.without?.key !== key)
      this.without = { key, ledger: loadLedger(this.rows, (c, m) => c === college && m === month) };
    return this.without.ledger;
  }
}
