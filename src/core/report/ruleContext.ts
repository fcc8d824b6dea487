import type { Grid, SheetState } from "../grid";
import type { Finding } from "./finding";
import type { PreviousMonth } from "./previousMonth";
import type { CollegeMatch, QuotaLookup } from "./quotaLookup";
import type { ReportReading } from "./readReport";
import type { YearMonth } from "./reportMonth";

export interface ValidateOptions {
  /** The file's name: shown in the result, and a source of the report month. */
  readonly fileName?: string | null;
  /** The month the user chose; it wins over the sheet and file names. */
  readonly month?: YearMonth | null;
  /** The quota workbook: 填报单位 and each 年度任务 are checked against it. */
  readonly quotas?: QuotaLookup | null;
  /** Last month's cumulative figures: 累计已完成 = last month's + 当月完成. */
  readonly previous?: PreviousMonth | null;
  /** The month before a report month (YYYY-MM), when that depends on the report (a master's ledger). */
  readonly previousOf?: ((month: string) => PreviousMonth) | null;
}

/** What a rule may look at besides the reading of the form (which holds 填报时间 and the month). */
export interface RuleContext {
  readonly options: ValidateOptions;
  /** The quota workbook, when given. */
  readonly quotas: QuotaLookup | null;
  /** The quota workbook's college that 填报单位 names; null without quotas, 填报单位 or a match. */
  readonly match: CollegeMatch | null;
  /** The college as in the quota workbook when it matched, else as written. */
  readonly college: string | null;
  /** Last month's 累计已完成, when known. */
  readonly previous: PreviousMonth | null;
  /** Whether a person sees the sheet; absent is visible. */
  readonly sheetState: SheetState | undefined;
}

/** One 附件6 rule: what is wrong with a read form, in the order a person reads it. */
export type ReportRule = (reading: ReportReading, context: RuleContext) => Finding[];

/** The facts the rules share: the quota workbook's college and last month's figures. */
export function ruleContext(
  grid: Grid,
  reading: ReportReading,
  options: ValidateOptions
): RuleContext {
  const { report } = reading;
  const quotas = options.quotas ?? null;
  const match = quotas && report.college !== null ? (quotas.match(report.college) ?? null) : null;
  const previous =
    options.previous ??
    (options.previousOf && report.month ? options.previousOf(report.month) : null);
  return {
    options,
    quotas,
    match,
    college: match ? match.targets.college : report.college,
    previous,
    sheetState: grid.state,
  };
}
