import { SheetModel, WorkbookModel, cell } from "../workbookModel";
import type { FindingCode, Severity } from "./finding";
import type { ReportResult } from "./validateReport";

/** What the college does about each finding, in words for the person who fills in the form. */
export const HOW_TO_FIX: Readonly<Record<FindingCode, string>> = {
  "file-unreadable": "用 Excel 或 WPS 打开后另存为 .xlsx，再重新报送",
  "form-not-found": "请使用教务处下发的月报表（附件6）模板填写",
  "label-missing": "请勿改动模板中的文字，按模板重新填写",
  "progress-label-missing": "请保留模板左侧的“工作进度”字样",
  "section-missing": "请补上缺少的一项（按模板的四项填写）",
  "section-label": "请把该项名称改回模板中的写法",
  "section-duplicate": "同一项只保留一行",
  "header-unit": "请按模板表头填写单位（人次/人）",
  "value-missing": "请在该单元格填写数字（没有就填 0）",
  "value-text": "请把文字格式的数字改为数字格式",
  "value-not-number": "请只填阿拉伯数字",
  "value-date": "该单元格应填人数，现在是日期；请改为数字（单元格格式设为“常规”或“数值”）",
  "value-boolean": "该单元格应填人数，现在是“是/否”（TRUE/FALSE）；请改为数字",
  "value-no-result":
    "公式没有计算结果：请在 Excel 或 WPS 中打开，重新计算（按 F9）后保存，再重新报送",
  "value-stale": "公式的结果与显示不一致：请在 Excel 或 WPS 中重新计算（按 F9）并保存，再重新报送",
  "value-format":
    "单元格格式让显示的数字与实际数值不同：请把格式改为“常规”或“数值”，核对后重新报送",
  "value-unverified": "公式的结果无法核对：最好直接填写数字，或在 Excel/WPS 中重新计算后保存",
  "value-negative": "人数不能为负数，请更正",
  "value-fraction": "人数应为整数，请更正",
  "month-exceeds-cumulative": "当月完成不能大于累计已完成，请核对",
  "rate-missing": "请填写累计完成率，或保留模板中的公式",
  "rate-not-number": "累计完成率请填数字，或保留模板中的公式",
  "rate-mismatch": "累计完成率应为 累计已完成 ÷ 年度任务 × 100，请更正或保留模板中的公式",
  "rate-without-target": "请先填写年度任务",
  "college-unknown": "填报单位请写学院全称（与任务分配表一致）",
  "college-name-differs": "填报单位请写与任务分配表一致的名称",
  "target-mismatch": "年度任务请按任务分配表填写",
  "cumulative-mismatch": "累计已完成应为 上月累计 + 本月完成，请核对",
  "previous-missing": "无需修改；如上月已报送，请向教务处核对",
  "unit-missing": "请填写填报单位",
  "filer-missing": "请填写填报人",
  "head-missing": "请填写负责人",
  "date-missing": "请填写填报时间（年、月、日）",
  "date-invalid": "填报时间应为有效日期",
  "date-late": "请按时报送（每月 27 日前）",
  "date-early": "请核对填报时间是否写错",
  "month-unknown": "请在工作表名或文件名中写明月份，如 2022年6月",
  "month-mismatch": "请核对报表月份，改为本月后重新报送",
  "sheet-hidden": "请取消隐藏该工作表，或删除它后重新报送（报表只能放在可见的工作表中）",
  "text-cut": "该单元格文字过长（超过 32767 个字符），请删减后重新报送",
  "list-missing": "请在月报表中附上培训名单、取证名单（使用下发模板中的工作表）",
  "list-column-missing": "请按模板补上名单缺少的列（表头文字与模板一致）",
  "list-field-missing": "请补填该行缺少的内容",
  "list-value-invalid": "请从下拉列表中选择（按模板中的写法填写）",
  "list-date-invalid": "请填写有效日期，如 2022-06-15",
  "list-grade-invalid": "年级请填入学年份，如 2019级",
  "list-id-invalid": "请核对身份证号（18 位；单元格格式设为“文本”，以免末位被改写）",
  "list-date-outside-year": "请核对日期：应在本年度计划期内",
  "list-date-after-month": "该日期晚于本月，请在对应月份再报送",
  "list-onex-ineligible":
    "1+X 证书只计本科三、四年级和专科二、三年级学生；请核对年级、学历层次或删去该行",
  "list-lecture-ineligible": "专家讲座只计当年毕业生；请核对年级或改为其他培训形式",
  "list-count-month": "请使名单中本月的人数与“当月完成”一致（补全名单或更正月报数字）",
  "list-count-cumulative": "请使名单累计人数与“累计已完成”一致（补报漏报的名单或更正月报数字）",
  "list-duplicate-number": "同一证书编号只能报一次：请删去重复的行，或核对证书编号",
  "list-duplicate-certificate": "同一学生的同一证书只能报一次：请删去重复的行",
  "list-student-two-colleges": "该学生也出现在另一学院的名单中：请与该学院核对，由其所在学院报送",
  "list-duplicate-training": "同一学生同一项目同一天出现两次：请核对是否重复",
  "file-colleges": "一个文件只放一个学院的报表：请各学院分别报送",
  "file-college-differs": "请核对文件名与填报单位，由本学院报送本学院的报表",
  "college-twice": "同一学院本月只保留一份报表，删去其余的后重新汇总",
  "month-other": "请按本次汇总的月份报送，或指定该月份另行汇总",
  "replace-needed": "确认要替换总表中已导入的报表时，加 --replace 重新汇总",
  "ledger-edited": "不是学院的错误：请教务处核对总表“月报台账”中被改动的行",
};

/** One line of the 问题清单: a finding of one report, with where and what to do. */
export interface ProblemRow {
  readonly college: string;
  readonly file: string;
  readonly sheet: string;
  readonly cell: string;
  readonly severity: Severity;
  readonly message: string;
  readonly fix: string;
}

/** Every finding of the reports, one row each: errors first, then by college and file. */
export function problemRows(results: readonly ReportResult[]): ProblemRow[] {
  const rows = results.flatMap((r) =>
    [...r.errors, ...r.warnings].map((f) => ({
      college: r.college ?? "（填报单位不明）",
      file: r.file ?? "",
      sheet: (f as { sheet?: string }).sheet ?? r.sheet ?? "",
      cell: f.cell ?? "",
      severity: f.severity,
      message: f.message,
      fix: HOW_TO_FIX[f.code],
    }))
  );
  const rank = (s: Severity) => (s === "error" ? 0 : 1);
  return rows
    .map((row, i) => ({ row, i }))
    .sort((a, b) => rank(a.row.severity) - rank(b.row.severity) || a.i - b.i)
    .map((x) => x.row);
}

/** The 问题清单 workbook: a sheet ready to send back to the colleges. */
export function problemListWorkbook(rows: readonly ProblemRow[]): WorkbookModel {
  const head = ["学院", "文件", "工作表", "单元格", "类别", "问题", "怎么改"];
  const sheet: SheetModel = {
    name: "问题清单",
    cells: [
      [cell(`月报表问题清单（${rows.length} 条，错误在前）`, "title")],
      head.map((h) => cell(h, "header")),
      ...rows.map((r) => [
        cell(r.college, "text"),
        cell(r.file, "text"),
        cell(r.sheet, "text"),
        cell(r.cell, "text"),
        cell(r.severity === "error" ? "错误" : "提醒", r.severity === "error" ? "warning" : "text"),
        cell(r.message, "text"),
        cell(r.fix, "text"),
      ]),
      ...(rows.length === 0 ? [[cell("没有发现问题。", "note")]] : []),
    ],
    merges: ["A1:G1"],
    columnWidths: [18, 24, 14, 8, 6, 50, 40],
    frozenRows: 2,
  };
  return { sheets: [sheet] };
}
