import type { LedgerFinding } from "./listLedger";
import { ListLedger } from "./listLedger";
import { crossCheck, mergeLedger } from "./mergeLedger";

/**
 * The lists of the reports checked together (one `quota validate` run, one page check): each
 * report's list against the earlier ones, so that a duplicate between two colleges' files is
 * found before the roll-up, and told to both. A college-month met again (two versions of one
 * report) is not compared with its other version.
 */
export class RunLedger {
  private readonly ledger = new ListLedger();
  private readonly seen = new Set<string>();

  /** The report's duplicates of earlier reports: its own findings, and those of the earlier reports. */
  add(
    college: string,
    month: string,
    report: ListLedger
  ): { mine: LedgerFinding[]; others: LedgerFinding[] } {
    const key = `${college}\u0000${month}`;
    if (this.seen.has(key)) return { mine: [], others: [] };
    this.seen.add(key);
    const cross = crossCheck(this.ledger, report);
    mergeLedger(this.ledger, report);
    const isMine = (f: LedgerFinding) => f.college === college && f.month === month;
    return { mine: cross.filter(isMine), others: cross.filter((f) => !isMine(f)) };
  }
}
