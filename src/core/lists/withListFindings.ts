import type { Grid } from "../grid";
import type { Finding } from "../report/finding";
import { ReportResult, resultOf } from "../report/validateReport";
import { collegeListPrefix } from "../report/collegeTemplates";
import { ReportListsResult, checkListedReport } from "./checkReportLists";
import type { IdHasher } from "./idHasher";
import type { ListLedger } from "./listLedger";

/** The sheet a finding is on, when it is not the form's (list findings carry it). */
export const sheetOf = (f: Finding): string | null =>
  (f as Finding & { sheet?: string }).sheet ?? null;

export interface ListCheckContext {
  /** The master's 名单台账 (earlier months, other colleges); null skips the cross-month checks. */
  readonly master: ListLedger | null;
  readonly hasher?: IdHasher | null;
  /** The workbook holds several colleges' forms: each takes only the lists named after it. */
  readonly shared?: boolean;
}

/**
 * One report's lists checked with its form. Null when the workbook has no list row at all: a
 * form without 支撑材料 (or with the template's empty lists) is checked as before.
 */
export function reportLists(
  result: ReportResult,
  grids: readonly Grid[],
  context: ListCheckContext
): ReportListsResult | null {
  const report = result.report;
  if (!report) return null;
  const college = result.college ?? report.college;
  const own =
    context.shared && college
      ? grids.filter((g) => g.name.startsWith(collegeListPrefix(college)))
      : grids;
  const form = { ...report, college };
  return checkListedReport(own, form, context.master, { hasher: context.hasher ?? null });
}

/** The result with its lists' findings added (without a master, 累计 is not compared with the lists). */
export function withListFindings(
  result: ReportResult,
  lists: ReportListsResult | null,
  master: ListLedger | null
): ReportResult {
  if (!lists) return result;
  const findings = lists.findings.filter((f) => master || f.code !== "list-count-cumulative");
  return resultOf(result, [...result.errors, ...result.warnings, ...findings]);
}

/** The master's 名单台账 sheet. */
export const LIST_LEDGER_SHEET = "名单台账";
