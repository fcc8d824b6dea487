import type { Grid } from "../grid";
import { finding } from "./finding";
import { findReportMonth, formatMonth } from "./reportMonth";
import { ReportResult, ValidateOptions, resultOf, validateReport } from "./validateReport";

/** Validates every sheet that holds the form; a workbook without it gets one error. */
export function validateWorkbook(
  grids: readonly Grid[],
  options: ValidateOptions = {}
): ReportResult[] {
  const results = grids.flatMap((grid) => validateReport(grid, options) ?? []);
  if (results.length > 0) return results;
  const names = grids.map((g) => `“${g.name}”`).join("、");
  return [
    fileResult(
      options,
      finding(
        "form-not-found",
        "A1",
        `没有找到月报表（附件6）：工作表 ${names} 中都没有“年度任务”“当月完成”“累计已完成”“累计完成率”表头`
      )
    ),
  ];
}

/** A file that cannot be read at all: one error, no sheet. */
export function unreadableFile(options: ValidateOptions, message: string): ReportResult {
  return fileResult(options, finding("file-unreadable", null, message));
}

function fileResult(options: ValidateOptions, problem: ReturnType<typeof finding>): ReportResult {
  const month = findReportMonth({
    option: options.month ?? null,
    sheetName: "",
    fileName: options.fileName ?? null,
  });
  return resultOf(
    {
      file: options.fileName ?? null,
      sheet: null,
      college: null,
      month: month.month ? formatMonth(month.month) : null,
      monthSource: month.source,
      values: null,
      report: null,
    },
    [problem]
  );
}
