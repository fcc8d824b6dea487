import type { Grid } from "../grid";
import type { MonthlyReport } from "../report/monthlyReport";
import { parseMonth } from "../report/reportMonth";
import { ListCheck, ListCheckOptions, checkLists } from "./checkLists";
import type { ListFinding } from "./listFinding";
import type { LedgerFinding, ListLedger } from "./listLedger";
import { crossCheck } from "./mergeLedger";
import { ListReconciliation, reconcileLists } from "./reconcileLists";

export interface ReportListsResult {
  readonly check: ListCheck;
  readonly reconciliation: ListReconciliation;
  /** This report's findings: rows, eligibility, duplicates (also against the master), counts. */
  readonly findings: readonly ListFinding[];
  /** Findings the master's duplicates give to other colleges' earlier reports (same 学号 in two colleges). */
  readonly others: readonly LedgerFinding[];
}

/**
 * The lists of one report workbook against its parsed 附件6 and the master's ledger (null when there is
 * none): what `quota validate` and `quota rollup` report. The master is not changed; after accepting
 * the report call `mergeLedger(master, result.check.ledger)` and append the rows `onLedgerRow` gave.
 * Null when the form has no college or month (the form's own findings say so).
 */
export function checkReportLists(
  grids: readonly Grid[],
  form: MonthlyReport,
  master: ListLedger | null,
  options: Omit<ListCheckOptions, "college" | "month"> = {}
): ReportListsResult | null {
  const check = formLists(grids, form, options);
  return check && reconciled(check, form, master);
}

/**
 * As checkReportLists, but null also when the lists have no row (a form without 支撑材料): then
 * nothing is reconciled, since the caller drops such a result.
 */
export function checkListedReport(
  grids: readonly Grid[],
  form: MonthlyReport,
  master: ListLedger | null,
  options: Omit<ListCheckOptions, "college" | "month"> = {}
): ReportListsResult | null {
  const check = formLists(grids, form, options);
  return check && check.rows > 0 ? reconciled(check, form, master) : null;
}

function formLists(
  grids: readonly Grid[],
  form: MonthlyReport,
  options: Omit<ListCheckOptions, "college" | "month">
): ListCheck | null {
  const month = form.month ? parseMonth(form.month) : null;
  if (!form.college || !month) return null;
  return checkLists(grids, { ...options, college: form.college, month });
}

function reconciled(
  check: ListCheck,
  form: MonthlyReport,
  master: ListLedger | null
): ReportListsResult {
  const reconciliation = reconcileLists(form, check.ledger, master, check.present);
  const cross = master ? crossCheck(master, check.ledger) : [];
  const mine = cross.filter((f) => f.college === form.college && f.month === form.month);
  const others = cross.filter((f) => !mine.includes(f));
  return {
    check,
    reconciliation,
    findings: [...check.findings, ...mine, ...reconciliation.findings],
    others,
  };
}
