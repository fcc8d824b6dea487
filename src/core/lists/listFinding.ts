import { FINDING_SEVERITY, Finding, FindingCode } from "../report/finding";

/** A finding on a list: the sheet as well as the cell, since a report workbook holds several sheets. */
export interface ListFinding extends Finding {
  readonly sheet: string;
}

export function listFinding(
  code: FindingCode,
  sheet: string,
  cell: string | null,
  message: string
): ListFinding {
  // finding()'s fields in its order, then the sheet: one object, not a copy of one.
  return { code, severity: FINDING_SEVERITY[code], cell, message, sheet };
}
