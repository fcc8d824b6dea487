import { Finding, finding } from "./finding";
import { chineseDate } from "./readFilingDate";
import type { ReportReading } from "./readReport";
import { DUE_DAY } from "./reportLayout";
import { chineseMonth, monthIndex } from "./reportMonth";

const SOURCE_NAMES = { sheet: "工作表", file: "文件名" } as const;

/** The three filing rules of REPORT_RULES together: who filed, which month, when. */
export function checkFiling(reading: ReportReading): Finding[] {
  return [...checkSignatures(reading), ...checkMonth(reading), ...checkTimeliness(reading)];
}

/**
 * Who filed: 填报单位 and 填报人 are required when their labels are there, 负责人 only expected
 * (always), 填报时间 required and a date.
 */
export function checkSignatures({ location, report, date }: ReportReading): Finding[] {
  const findings: Finding[] = [];
  if (location.unit.labelCell && report.college === null)
    findings.push(finding("unit-missing", location.unit.cell, "未填写填报单位"));
  if (location.filer.labelCell && report.filer === null)
    findings.push(finding("filer-missing", location.filer.cell, "未填写填报人"));
  if (report.head === null) {
    findings.push(
      finding(
        "head-missing",
        location.head.cell,
        location.head.labelCell ? "未填写填报单位负责人" : "没有“填报单位负责人（签字）：”一栏"
      )
    );
  }
  if (location.date.labelCell) {
    if (date.kind === "empty")
      findings.push(finding("date-missing", location.date.cell, "未填写填报时间"));
    if (date.kind === "invalid") {
      findings.push(
        finding(
          "date-invalid",
          location.date.cell,
          `填报时间“${date.shown}”不是有效日期，请写成 2022年6月25日`
        )
      );
    }
  }
  return findings;
}

/** The report month unknown, or named otherwise by the sheet or the file name. */
export function checkMonth({ location, monthChoice }: ReportReading): Finding[] {
  const month = monthChoice.month;
  if (!month) {
    return [
      finding(
        "month-unknown",
        location.title?.cell ?? "A1",
        "无法确定报表月份（可在工作表名或文件名中写明，如“2022年6月”），未核对报送时间"
      ),
    ];
  }
  if (!monthChoice.conflict) return [];
  const { month: other, source } = monthChoice.conflict;
  return [
    finding(
      "month-mismatch",
      location.title?.cell ?? "A1",
      `${SOURCE_NAMES[source]}所写月份为 ${chineseMonth(other)}，按${
        monthChoice.source === "sheet" ? "工作表所写" : "指定"
      }的 ${chineseMonth(month)} 核对`
    ),
  ];
}

/**
 * 填报时间 after the due day (the 27th) of the report month, or in a later month, is late; one
 * before the month is suspicious.
 */
export function checkTimeliness({ location, date, monthChoice }: ReportReading): Finding[] {
  const month = monthChoice.month;
  if (date.kind !== "date" || !month) return [];
  const d = date.date;
  const due = `${chineseMonth(month)}${DUE_DAY}日`;
  const order = monthIndex(d) - monthIndex(month);
  if (order > 0 || (order === 0 && d.day > DUE_DAY)) {
    return [
      finding(
        "date-late",
        location.date.cell,
        `填报时间 ${chineseDate(d)} 晚于报送期限 ${due}（每月 ${DUE_DAY} 日前报送）`
      ),
    ];
  }
  if (order < 0) {
    return [
      finding(
        "date-early",
        location.date.cell,
        `填报时间 ${chineseDate(d)} 早于报表月份 ${chineseMonth(month)}，请核对填报时间或报表月份`
      ),
    ];
  }
  return [];
}
