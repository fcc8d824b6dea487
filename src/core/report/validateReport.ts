import { cutText } from "../cutText";
import { Grid, parseAddress } from "../grid";
import { cutLongText } from "./checkSheet";
import type { Finding } from "./finding";
import { locateReport } from "./locateReport";
import { MonthlyReport, SectionValues, reportValues } from "./monthlyReport";
import { readReport } from "./readReport";
import type { SectionKey } from "./reportLayout";
import type { MonthSource } from "./reportMonth";
import { runRules } from "./reportRules";
import { ValidateOptions, ruleContext } from "./ruleContext";

export type { ValidateOptions } from "./ruleContext";

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
  // Most reports have no finding: nothing to sort or split.
  if (findings.length === 0) return { ...base, valid: true, errors: [], warnings: [] };
  const sorted = [...findings].sort((a, b) => position(a.cell) - position(b.cell));
  const errors = sorted.filter((f) => f.severity === "error");
  return {
    ...base,
    valid: errors.length === 0,
    errors,
    warnings: sorted.filter((f) => f.severity === "warning"),
  };
}

/** Validates the form on one sheet with every rule of REPORT_RULES; null when the sheet does not hold it. */
export function validateReport(grid: Grid, options: ValidateOptions = {}): ReportResult | null {
  const location = locateReport(grid);
  if (!location) return null;
  const reading = readReport(grid, location, { fileName: options.fileName, month: options.month });
  const context = ruleContext(grid, reading, options);
  const findings = runRules(reading, context);
  const { report } = reading;
  const college = context.college;
  return resultOf(
    {
      file: options.fileName ?? null,
      sheet: grid.name,
      college: college === null ? null : cutText(college),
      month: report.month,
      monthSource: report.monthSource,
      values: reportValues(report),
      report: cutLongText(report),
    },
    findings
  );
}
