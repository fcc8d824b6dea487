export type Severity = "error" | "warning";

/** Every finding the validator can report, with its severity. The codes are stable ids. */
export const FINDING_SEVERITY = {
  // the file and the form
  "file-unreadable": "error",
  "form-not-found": "error",
  "label-missing": "error",
  "progress-label-missing": "warning",
  "section-missing": "error",
  "section-label": "error",
  "section-duplicate": "error",
  "header-unit": "warning",
  // the numbers
  "value-missing": "error",
  "value-text": "warning",
  "value-not-number": "error",
  "value-negative": "error",
  "value-fraction": "error",
  "value-date": "error",
  "value-boolean": "error",
  "value-no-result": "error",
  "value-stale": "error",
  "value-format": "error",
  "value-unverified": "warning",
  "month-exceeds-cumulative": "error",
  "rate-missing": "error",
  "rate-not-number": "error",
  "rate-mismatch": "error",
  "rate-without-target": "error",
  // against the quota workbook and last month
  "college-unknown": "error",
  "college-name-differs": "warning",
  "target-mismatch": "error",
  "cumulative-mismatch": "error",
  "previous-missing": "warning",
  // who, when, which month
  "unit-missing": "error",
  "filer-missing": "error",
  "head-missing": "warning",
  "date-missing": "error",
  "date-invalid": "error",
  "date-late": "warning",
  "date-early": "warning",
  "month-unknown": "warning",
  "month-mismatch": "warning",
  // what a person sees of the file (issue 10)
  "sheet-hidden": "error",
  "text-cut": "warning",
  // the supporting lists 培训名单 / 取证名单 (src/core/lists; cases in tests/core/lists)
  "list-missing": "warning",
  "list-column-missing": "error",
  "list-field-missing": "error",
  "list-value-invalid": "error",
  "list-date-invalid": "error",
  "list-grade-invalid": "error",
  "list-id-invalid": "warning",
  "list-date-outside-year": "error",
  "list-date-after-month": "error",
  "list-onex-ineligible": "error",
  "list-lecture-ineligible": "error",
  "list-count-month": "error",
  "list-count-cumulative": "error",
  "list-duplicate-number": "error",
  "list-duplicate-certificate": "error",
  "list-student-two-colleges": "warning",
  "list-duplicate-training": "warning",
  // the roll-up's own reasons to leave out a report that validates (src/core/rollup)
  "file-colleges": "error",
  "file-college-differs": "error",
  "college-twice": "error",
  "month-other": "error",
  "replace-needed": "error",
  "ledger-edited": "error",
} as const satisfies Record<string, Severity>;

export type FindingCode = keyof typeof FINDING_SEVERITY;

/** The codes only the roll-up reports (a report that validates, left out of the month's roll-up). */
export const ROLLUP_CODES = [
  "file-colleges",
  "file-college-differs",
  "college-twice",
  "month-other",
  "replace-needed",
  "ledger-edited",
] as const satisfies readonly FindingCode[];

export interface Finding {
  readonly code: FindingCode;
  readonly severity: Severity;
  /** A1 address on the report's sheet; null for a problem of the whole file. */
  readonly cell: string | null;
  /** In Chinese, for the college. */
  readonly message: string;
}

export function finding(code: FindingCode, cell: string | null, message: string): Finding {
  return { code, severity: FINDING_SEVERITY[code], cell, message };
}
