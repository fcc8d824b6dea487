import { Finding, finding } from "./finding";
import type { MonthlyReport } from "./monthlyReport";
import type { PreviousMonth } from "./previousMonth";
import { SECTION_KEYS, SECTIONS } from "./reportLayout";
import type { ReportRule } from "./ruleContext";

/** 填报单位 must be a college of the quota workbook; one matched by its ending only is named. */
export const checkCollege: ReportRule = ({ report }, { quotas, match }) => {
  if (!quotas || report.college === null) return [];
  if (!match) {
    const names = quotas.colleges.map((c) => c.college).join("、");
    return [
      finding(
        "college-unknown",
        report.collegeCell,
        `填报单位“${report.college}”不在任务分配表中（任务分配表中的学院：${names}）`
      ),
    ];
  }
  if (!match.bySuffix) return [];
  return [
    finding(
      "college-name-differs",
      report.collegeCell,
      `填报单位“${report.college}”按任务分配表中的“${match.targets.college}”核对`
    ),
  ];
};

/** Each 年度任务 is the college's quota (a college that 表4 leaves out has a 1+X target of 0 or nothing). */
export const checkTargets: ReportRule = ({ report }, { match }) => {
  if (!match) return [];
  const college = match.targets;
  const findings: Finding[] = [];
  for (const key of SECTION_KEYS) {
    const section = report.sections[key];
    if (!section.found || section.target === null) continue;
    const quota = college[key] ?? 0;
    if (section.target !== quota) {
      const source = college[key] === null ? "表4 不含本单位" : `任务分配表 ${SECTIONS[key].table}`;
      findings.push(
        finding(
          "target-mismatch",
          section.cells.target,
          `${SECTIONS[key].name}的年度任务应为 ${quota}（${source}），表中为 ${section.target}`
        )
      );
    }
  }
  return findings;
};

/** 累计已完成 against last month's, when last month and the college are known. */
export const checkLastMonth: ReportRule = ({ report }, { college, previous }) =>
  previous && college ? checkPrevious(report, college, previous) : [];

/** 累计已完成 = last month's 累计已完成 + 当月完成. */
export function checkPrevious(
  report: MonthlyReport,
  college: string,
  previous: PreviousMonth
): Finding[] {
  const findings: Finding[] = [];
  const missing: string[] = [];
  for (const key of SECTION_KEYS) {
    const section = report.sections[key];
    if (!section.found || section.month === null || section.cumulative === null) continue;
    const last = previous(college, key);
    if (last === undefined) {
      missing.push(SECTIONS[key].name);
      continue;
    }
    if (last + section.month !== section.cumulative) {
      findings.push(
        finding(
          "cumulative-mismatch",
          section.cells.cumulative,
          `${SECTIONS[key].name}的累计已完成应为 上月累计 ${last} + 当月完成 ${section.month} = ${last + section.month}，表中为 ${section.cumulative}`
        )
      );
    }
  }
  if (missing.length > 0) {
    const cell =
      report.sections[SECTION_KEYS.find((k) => SECTIONS[k].name === missing[0])!].cells.cumulative;
    findings.push(
      finding(
        "previous-missing",
        cell,
        `上月数据中没有“${college}”的${missing.join("、")}累计数，未核对累计已完成`
      )
    );
  }
  return findings;
}
