import { Finding, FindingCode, finding } from "../report/finding";

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
  return { ...finding(code, cell, message), sheet };
}
