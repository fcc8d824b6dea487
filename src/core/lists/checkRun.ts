import type { Grid } from "../grid";
import { ReportResult, ValidateOptions, resultOf } from "../report/validateReport";
import { validateWorkbook } from "../report/validateWorkbook";
import type { IdHasher } from "./idHasher";
import type { LedgerFinding } from "./listLedger";
import type { MasterLedgers } from "./masterLedgers";
import { RunLedger } from "./runLedger";
import { reportLists, withListFindings } from "./withListFindings";

/** The reports checked together (one `quota validate` run, one check on the page), in order. */
export interface CheckRun {
  readonly ledger: RunLedger;
  readonly results: ReportResult[];
  /** The other side of duplicates with the master's 名单台账 (earlier months, other colleges). */
  readonly inMaster: LedgerFinding[];
  /** How many forms came with list rows. */
  listed: number;
}

export function newCheckRun(): CheckRun {
  return { ledger: new RunLedger(), results: [], inMaster: [], listed: 0 };
}

/**
 * One workbook's forms with their lists, into the run: each form's lists against the master (a
 * college-month the master holds is checked without its rows there: it would replace them) and
 * against the run's earlier reports; a duplicate between two files is told to both.
 */
export function checkWorkbookLists(
  grids: readonly Grid[],
  options: ValidateOptions & { fileName: string | null },
  lists: { readonly master: MasterLedgers | null; readonly hasher: IdHasher | null },
  run: CheckRun
): ReportResult[] {
  const forms = validateWorkbook(grids, options);
  const mine: ReportResult[] = [];
  for (const form of forms) {
    const master = lists.master?.for(form.college, form.month) ?? null;
    const context = { master, hasher: lists.hasher, shared: forms.length > 1 };
    const found = reportLists(form, grids, context);
    let result = withListFindings(form, found, master);
    run.inMaster.push(...(found?.others ?? []));
    if (found) run.listed++;
    if (found && form.college && form.month) {
      const cross = run.ledger.add(form.college, form.month, found.check.ledger);
      if (cross.mine.length > 0)
        result = resultOf(result, [...result.errors, ...result.warnings, ...cross.mine]);
      tellEarlier(run.results, cross.others);
    }
    run.results.push(result);
    mine.push(result);
  }
  return mine;
}

/** Findings for reports checked earlier in the run (the other side of a duplicate): added to theirs. */
function tellEarlier(results: ReportResult[], others: readonly LedgerFinding[]): void {
  // Most reports duplicate nothing: no walk over every earlier result (quadratic in a run).
  if (others.length === 0) return;
  results.forEach((r, i) => {
    const mine = others.filter((f) => f.college === r.college && f.month === r.month);
    if (mine.length > 0) results[i] = resultOf(r, [...r.errors, ...r.warnings, ...mine]);
  });
}
