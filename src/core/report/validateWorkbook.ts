import { MAX_CELL_TEXT, cutText } from "../cutText";
import type { Grid } from "../grid";
import { Finding, finding } from "./finding";
import { findReportMonth, formatMonth } from "./reportMonth";
import { ReportResult, ValidateOptions, resultOf, validateReport } from "./validateReport";

/** Validates every sheet that holds the form; a workbook without it gets one error. */
export function validateWorkbook(
  grids: readonly Grid[],
  options: ValidateOptions = {}
): ReportResult[] {
  const results = grids.flatMap((grid) => {
    const result = validateReport(grid, options);
    return result ? [cutLongText(hiddenForm(result, grid))] : [];
  });
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

/** A form on a sheet nobody sees is not a report: whoever hid it may speak for another college. */
function hiddenForm(result: ReportResult, grid: Grid): ReportResult {
  if (grid.state !== "hidden" && grid.state !== "veryHidden") return result;
  const how = grid.state === "veryHidden" ? "深度隐藏（只能用 VBA 取消）" : "隐藏";
  return withFindings(result, [
    finding(
      "sheet-hidden",
      null,
      `工作表“${grid.name}”是${how}的，其中有一张月报表${result.college ? `（填报单位：${result.college}）` : ""}；隐藏的工作表不作为报表读取，请删除它或取消隐藏后重新报送`
    ),
  ]);
}

/** 填报人, 负责人 or 填报单位 longer than a cell holds is cut, with a warning (the ledger is a sheet). */
function cutLongText(result: ReportResult): ReportResult {
  const report = result.report;
  if (!report) return result;
  const fields = [
    ["filer", "填报人", report.filerCell],
    ["head", "负责人", report.headCell],
    ["college", "填报单位", report.collegeCell],
  ] as const;
  const long = fields.filter(([field]) => (report[field]?.length ?? 0) > MAX_CELL_TEXT);
  if (long.length === 0) return result;
  const cut = { ...report };
  for (const [field] of long) cut[field] = cutText(report[field]!);
  const findings = long.map(([field, label, cell]) =>
    finding(
      "text-cut",
      cell,
      `${label}有 ${report[field]!.length} 个字符，超过单元格上限 ${MAX_CELL_TEXT}，已截断`
    )
  );
  return withFindings(
    { ...result, report: cut, college: result.college === null ? null : cutText(result.college) },
    findings
  );
}

function withFindings(result: ReportResult, findings: readonly Finding[]): ReportResult {
  return resultOf(result, [...result.errors, ...result.warnings, ...findings]);
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
