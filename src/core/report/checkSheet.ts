import { MAX_CELL_TEXT, cutText } from "../cutText";
import { Finding, finding } from "./finding";
import type { MonthlyReport } from "./monthlyReport";
import type { ReportReading } from "./readReport";
import type { RuleContext } from "./ruleContext";

/** A form on a sheet nobody sees is not a report: whoever hid it may speak for another college. */
export function checkHidden({ report }: ReportReading, { sheetState, college }: RuleContext) {
  if (sheetState !== "hidden" && sheetState !== "veryHidden") return [];
  const how = sheetState === "veryHidden" ? "深度隐藏（只能用 VBA 取消）" : "隐藏";
  return [
    finding(
      "sheet-hidden",
      null,
      `工作表“${report.sheet}”是${how}的，其中有一张月报表${college ? `（填报单位：${college}）` : ""}；隐藏的工作表不作为报表读取，请删除它或取消隐藏后重新报送`
    ),
  ];
}

const TEXT_FIELDS = [
  ["filer", "填报人", "filerCell"],
  ["head", "负责人", "headCell"],
  ["college", "填报单位", "collegeCell"],
] as const;

const tooLong = (report: MonthlyReport) =>
  TEXT_FIELDS.filter(([field]) => (report[field]?.length ?? 0) > MAX_CELL_TEXT);

/** 填报人, 负责人 or 填报单位 longer than a cell holds is cut (cutLongText), with a warning: the ledger is a sheet. */
export function checkTextLength({ report }: ReportReading): Finding[] {
  return tooLong(report).map(([field, label, cell]) =>
    finding(
      "text-cut",
      report[cell],
      `${label}有 ${report[field]!.length} 个字符，超过单元格上限 ${MAX_CELL_TEXT}，已截断`
    )
  );
}

/** The report with 填报人, 负责人 and 填报单位 cut to what a cell holds. */
export function cutLongText(report: MonthlyReport): MonthlyReport {
  const long = tooLong(report);
  if (long.length === 0) return report;
  const cut = { ...report };
  for (const [field] of long) cut[field] = cutText(report[field]!);
  return cut;
}
