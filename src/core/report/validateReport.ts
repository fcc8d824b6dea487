import { Grid, parseAddress } from "../grid";
import { checkPrevious, checkQuotas } from "./checkAgainst";
import { checkFiling } from "./checkFiling";
import { checkValues } from "./checkValues";
import { Finding } from "./finding";
import { locateReport } from "./locateReport";
import { MonthlyReport, SectionValues, reportValues } from "./monthlyReport";
import type { PreviousMonth } from "./previousMonth";
import type { QuotaLookup } from "./quotaLookup";
import { readReport } from "./readReport";
import type { SectionKey } from "./reportLayout";
import type { MonthSource, YearMonth } from "./reportMonth";

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

/** One report (a sheet holding the form), or one file that has none. */
export interface ReportResult {
  readonly file: string | null;
  readonly sheet: string | null;
  /** The college as in the quota workbook when it matched, else as written. */
  readonly college: string | null;
  /** YYYY-MM. */
  readonly month: string | null;
  readonly monthSource: MonthSource | null;
  readonly valid: boolean;
  readonly errors: readonly Finding[];
  readonly warnings: readonly Finding[];
  readonly values: Readonly<Record<SectionKey, SectionValues>> | null;
  readonly report: MonthlyReport | null;
}

function position(cell: string | null): number {
  if (cell === null) return -1;
  const { row, column } = parseAddress(cell);
  return row * 16_384 + column;
}

/** Findings in reading order, split by severity. */
export function resultOf(
  base: Pick<
    ReportResult,
    "file" | "sheet" | "college" | "month" | "monthSource" | "values" | "report"
  >,
  findings: readonly Finding[]
): ReportResult {
  const sorted = [...findings].sort((a, b) => position(a.cell) - position(b.cell));
  const errors = sorted.filter((f) => f.severity === "error");
  return {
    ...base,
    valid: errors.length === 0,
    errors,
    warnings: sorted.filter((f) => f.severity === "warning"),
  };
}

/** Validates the form on one sheet; null when the sheet does not hold it. */
export function validateReport(grid: Grid, options: ValidateOptions = {}): ReportResult | null {
  const location = locateReport(grid);
  if (!location) return null;
  const reading = readReport(grid, location, { fileName: options.fileName, month: options.month });
  const { report } = reading;
  const findings: Finding[] = [...location.findings];

  let college = report.college;
  let onexOptional = false;
  if (options.quotas) {
    const checked = checkQuotas(report, options.quotas);
    findings.push(...checked.findings);
    if (checked.college) {
      college = checked.college.college;
      onexOptional = checked.college.onex === null;
    }
  }
  findings.push(...checkValues(reading, (key) => key === "onex" && onexOptional));
  const previous =
    options.previous ??
    (options.previousOf && report.month ? options.previousOf(report.month) : null);
  if (previous && college) findings.push(...checkPrevious(report, college, previous));
  findings.push(...checkFiling(reading));

  return resultOf(
    {
      file: options.fileName ?? null,
      sheet: grid.name,
      college,
      month: report.month,
      monthSource: report.monthSource,
      values: reportValues(report),
      report,
    },
    findings
  );
}
