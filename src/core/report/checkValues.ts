import { Decimal, compare, multiply, toText } from "../decimal";
import { Finding, finding } from "./finding";
import { expectedRate, rateMatches } from "./rateMatches";
import type { CountProblem, CountReading } from "./readCount";
import type { CountField, ReportReading } from "./readReport";
import { COUNT_FIELDS, FIELD_NAMES, SECTION_KEYS, SECTIONS, SectionKey } from "./reportLayout";
import type { ReportRule } from "./ruleContext";

const ONE: Decimal = { units: 1n, scale: 0 };
const HUNDRED: Decimal = { units: 100n, scale: 0 };

/**
 * The numbers rules: whole numbers ≥ 0 (text digits read with a warning), 当月完成 ≤ 累计已完成,
 * and 累计完成率 = 累计已完成 ÷ 年度任务 (a zero target takes an empty rate, 0 or a dash).
 * 表4 leaves some colleges out: their 1+X target may stay empty.
 */
export const checkValues: ReportRule = (reading, { match }) => {
  const targetOptional = (key: SectionKey) => key === "onex" && match?.targets.onex === null;
  const findings: Finding[] = [];
  for (const key of SECTION_KEYS) {
    const section = reading.report.sections[key];
    if (!section.found) continue;
    const counts = reading.counts[key];
    const targetZero =
      section.target === 0 || (counts.target.kind === "empty" && targetOptional(key));
    for (const f of COUNT_FIELDS) {
      const required = f === "target" ? !targetOptional(key) : !targetZero;
      const found = countFinding(counts[f], section.cells[f], required, key, f);
      if (found) findings.push(found);
    }
    findings.push(...monthOverCumulative(reading, key));
    findings.push(...checkRate(reading, key, targetZero));
  }
  return findings;
};

/** What is wrong with one count, if anything: missing when required, text, unverified or invalid. */
function countFinding(
  r: CountReading,
  cell: string,
  required: boolean,
  key: SectionKey,
  field: CountField
): Finding | null {
  // Most counts are fine: named only for a finding.
  if (r.kind === "count" && !r.fromText && !r.unverified) return null;
  if (r.kind === "empty" && !required) return null;
  const what = `${SECTIONS[key].name}的“${FIELD_NAMES[field]}”`;
  if (r.kind === "empty") return finding("value-missing", cell, `${what}未填写`);
  if (r.kind === "count" && r.fromText) {
    return finding(
      "value-text",
      cell,
      `${what}是文本“${r.shown}”，已按数字 ${r.value} 读取；请改为数字格式`
    );
  }
  if (r.kind === "count" && r.unverified) {
    return finding(
      "value-unverified",
      cell,
      `${what}是公式，文件要求打开时重新计算，表中结果 ${r.value} 可能不是最新的；请在 Excel/WPS 中重新计算并保存`
    );
  }
  if (r.kind !== "invalid") return null;
  const message: Record<CountProblem, string> = {
    "not-number": `${what}应为阿拉伯数字，表中为“${r.shown}”`,
    negative: `${what}不能为负数，表中为 ${r.shown}`,
    fraction: `${what}应为整数，表中为 ${r.shown}`,
    date: `${what}应为人数，表中是日期 ${r.shown}；请把单元格格式改为“常规”或“数值”后填写人数`,
    boolean: `${what}应为人数，表中是逻辑值 ${r.shown}（是/否）`,
    "no-result": `${what}是公式，公式没有计算结果，请在 Excel/WPS 中重新计算并保存`,
    stale: `${what}的公式结果 ${r.shown} 已过时（按表中数据应为 ${r.detail}），请在 Excel/WPS 中重新计算并保存`,
    format: `${what}的数字格式“${r.detail}”显示的数字与存储的 ${r.shown} 不同，请把单元格格式改为“常规”或“数值”`,
  };
  return finding(`value-${r.problem}`, cell, message[r.problem]);
}

/** 当月完成 greater than 累计已完成. */
function monthOverCumulative(reading: ReportReading, key: SectionKey): Finding[] {
  const section = reading.report.sections[key];
  if (section.month === null || section.cumulative === null) return [];
  if (section.month <= section.cumulative) return [];
  return [
    finding(
      "month-exceeds-cumulative",
      section.cells.month,
      `${SECTIONS[key].name}的当月完成 ${section.month} 大于累计已完成 ${section.cumulative}`
    ),
  ];
}

function checkRate(reading: ReportReading, key: SectionKey, targetZero: boolean): Finding[] {
  const section = reading.report.sections[key];
  const rate = reading.rates[key];
  const cell = section.cells.rate;
  const name = SECTIONS[key].name;
  if (rate.kind === "invalid")
    return [
      finding(
        "rate-not-number",
        cell,
        `${name}的累计完成率应为数字（如 45.67 或 45.67%），表中为“${rate.shown}”`
      ),
    ];
  if (targetZero) {
    if (rate.kind === "rate" && rate.value.units !== 0n) {
      return [
        finding(
          "rate-without-target",
          cell,
          `${name}的年度任务为 0，累计完成率应留空或填 0、—，表中为 ${rate.shown}`
        ),
      ];
    }
    return [];
  }
  const { target, cumulative } = section;
  if (target === null || cumulative === null) return [];
  // Worked out only for a finding: most rates match.
  const expected = () => expectedRate(cumulative, target);
  const how = `累计已完成 ${cumulative} ÷ 年度任务 ${target}`;
  if (rate.kind === "empty")
    return [
      finding("rate-missing", cell, `${name}的累计完成率未填写，应为 ${expected()}（${how}）`),
    ];
  if (rate.kind === "dash" || !rateMatches(rate.value, rate.percent, cumulative, target)) {
    let shown = rate.kind === "rate" && !rate.percent ? toText(rate.value) : rate.shown;
    // A fraction shows as a percentage in a %-formatted cell; say both, as the reader cannot see the format.
    if (
      rate.kind === "rate" &&
      !rate.percent &&
      rate.value.units > 0n &&
      compare(rate.value, ONE) <= 0
    ) {
      shown += `（若单元格为百分比格式，即 ${toText(multiply(rate.value, HUNDRED))}%）`;
    }
    return [
      finding(
        "rate-mismatch",
        cell,
        `${name}的累计完成率应为 ${expected()}（${how}），表中为 ${shown}`
      ),
    ];
  }
  return [];
}
