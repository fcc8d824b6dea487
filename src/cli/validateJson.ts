import type { ReportResult } from "../core/report/validateReport";

/** The --json shape of one result. */
export function reportJson(result: ReportResult) {
  // List findings (培训名单, 取证名单) also name their sheet.
  const plain = (f: ReportResult["errors"][number] & { sheet?: string }) => ({
    code: f.code,
    ...(f.sheet !== undefined ? { sheet: f.sheet } : {}),
    cell: f.cell,
    message: f.message,
  });
  return {
    file: result.file,
    sheet: result.sheet,
    college: result.college,
    month: result.month,
    valid: result.valid,
    errors: result.errors.map(plain),
    warnings: result.warnings.map(plain),
  };
}
