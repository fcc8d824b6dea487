import { checkCollege, checkLastMonth, checkTargets } from "./checkAgainst";
import { checkMonth, checkSignatures, checkTimeliness } from "./checkFiling";
import { checkHidden, checkTextLength } from "./checkSheet";
import { checkValues } from "./checkValues";
import type { Finding, FindingCode } from "./finding";
import type { ReportReading } from "./readReport";
import type { ReportRule, RuleContext } from "./ruleContext";

export interface ReportRuleEntry {
  /** What the rule looks at, for a reader of this table. */
  readonly name: string;
  /** Every code the rule can report; each is registered in FINDING_SEVERITY and has a test case. */
  readonly codes: readonly FindingCode[];
  readonly check: ReportRule;
}

/**
 * Every rule of the 附件6 check, declared once, in the order their findings are produced (the
 * result then orders them by cell, this order breaking ties). A new rule is one entry here; its
 * codes are registered in finding.ts (severity) and problemList.ts (HOW_TO_FIX), each with a case
 * in tests/support/reportCorpus.ts (tests/core/report/rules.test.ts fails otherwise).
 */
export const REPORT_RULES: readonly ReportRuleEntry[] = [
  {
    name: "the form's labels, headers and sections (found while locating it)",
    codes: [
      "label-missing",
      "progress-label-missing",
      "section-missing",
      "section-label",
      "section-duplicate",
      "header-unit",
    ],
    check: ({ location }) => [...location.findings],
  },
  {
    name: "填报单位 is a college of the quota workbook",
    codes: ["college-unknown", "college-name-differs"],
    check: checkCollege,
  },
  { name: "each 年度任务 is the college's quota", codes: ["target-mismatch"], check: checkTargets },
  {
    name: "the counts and 累计完成率",
    codes: [
      "value-missing",
      "value-text",
      "value-unverified",
      "value-not-number",
      "value-negative",
      "value-fraction",
      "value-date",
      "value-boolean",
      "value-no-result",
      "value-stale",
      "value-format",
      "month-exceeds-cumulative",
      "rate-not-number",
      "rate-without-target",
      "rate-missing",
      "rate-mismatch",
    ],
    check: checkValues,
  },
  {
    name: "累计已完成 = last month's + 当月完成",
    codes: ["cumulative-mismatch", "previous-missing"],
    check: checkLastMonth,
  },
  {
    name: "填报单位, 填报人, 负责人 and 填报时间 filled in",
    codes: ["unit-missing", "filer-missing", "head-missing", "date-missing", "date-invalid"],
    check: checkSignatures,
  },
  {
    name: "the report month known and agreed",
    codes: ["month-unknown", "month-mismatch"],
    check: checkMonth,
  },
  { name: "filed on time", codes: ["date-late", "date-early"], check: checkTimeliness },
  { name: "the form on a sheet a person sees", codes: ["sheet-hidden"], check: checkHidden },
  { name: "text that fits a cell", codes: ["text-cut"], check: checkTextLength },
];

/**
 * Codes reported outside the rules: of a whole file (validateWorkbook) and of the supporting lists
 * 培训名单 / 取证名单 (src/core/lists, codes "list-…").
 */
export const CODES_OUTSIDE_RULES: readonly FindingCode[] = ["file-unreadable", "form-not-found"];
export const LIST_CODE_PREFIX = "list-";

/** Runs the rules in order; a rule reporting a code it does not declare is a bug, not a finding. */
export function runRules(
  reading: ReportReading,
  context: RuleContext,
  rules: readonly ReportRuleEntry[] = REPORT_RULES
): Finding[] {
  return rules.flatMap(({ name, codes, check }) => {
    const findings = check(reading, context);
    const stray = findings.find((f) => !codes.includes(f.code));
    if (stray) throw new Error(`report rule “${name}” reported ${stray.code}, not among its codes`);
    return findings;
  });
}
