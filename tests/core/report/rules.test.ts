/* The 附件6 rules are one table (REPORT_RULES): each entry declares the codes it reports; every
   registered code is reported by a rule (or by the file check, or the lists) and has a case. */
import type { Grid } from "../../../src/core/grid";
import { FINDING_SEVERITY, ROLLUP_CODES, finding } from "../../../src/core/report/finding";
import { locateReport } from "../../../src/core/report/locateReport";
import { readReport } from "../../../src/core/report/readReport";
import {
  CODES_OUTSIDE_RULES,
  LIST_CODE_PREFIX,
  REPORT_RULES,
  ReportRuleEntry,
  runRules,
} from "../../../src/core/report/reportRules";
import { ruleContext } from "../../../src/core/report/ruleContext";
import { validateReport } from "../../../src/core/report/validateReport";
import type { SheetModel } from "../../../src/core/workbookModel";
import { REPORT_CORPUS } from "../../support/reportCorpus";
import { reportSheet } from "../../support/reportFactory";

/** Codes whose cases are not in REPORT_CORPUS, and where they are. */
const CASES_ELSEWHERE: Record<string, string> = {
  "file-unreadable": "tests/cli/report.test.ts",
  "form-not-found": "tests/core/report/corpus.test.ts",
  "sheet-hidden": "tests/cli/trust.test.ts",
  "text-cut": "tests/cli/trust.test.ts",
  ...Object.fromEntries(ROLLUP_CODES.map((code) => [code, "tests/core/rollupCodes.test.ts"])),
};

const CASES = new Set([
  ...REPORT_CORPUS.flatMap((c) => [...c.errors, ...c.warnings].map((s) => s.split("@")[0]!)),
  ...Object.keys(CASES_ELSEWHERE),
]);

/** What is wrong with a rule table against a code registry and the codes that have a case. */
function ruleTableProblems(
  rules: readonly ReportRuleEntry[],
  registry: Readonly<Record<string, string>>,
  cases: ReadonlySet<string>
): string[] {
  const problems: string[] = [];
  const ruleOf = new Map<string, string>();
  for (const { name, codes } of rules) {
    for (const code of codes) {
      if (!(code in registry)) problems.push(`rule “${name}”: ${code} is not registered`);
      if (ruleOf.has(code)) problems.push(`${code}: in rules “${ruleOf.get(code)}” and “${name}”`);
      ruleOf.set(code, name);
    }
  }
  for (const code of Object.keys(registry)) {
    if (code.startsWith(LIST_CODE_PREFIX)) continue; // src/core/lists, cases in tests/core/lists
    const outside = [...CODES_OUTSIDE_RULES, ...ROLLUP_CODES].includes(code as never);
    if (!ruleOf.has(code) && !outside) problems.push(`${code}: registered, no rule reports it`);
    if (!cases.has(code)) problems.push(`${code}: registered, no case`);
  }
  return problems;
}

const gridOf = (sheet: SheetModel): Grid => ({
  name: sheet.name,
  rows: sheet.cells.map((r) => r.map((c) => c?.value ?? null)),
});
const june = { year: 2022, month: 6 };
const targets = { college: "外国语学院", training: 100, advanced: 50, nonadvanced: 40, onex: 10 };

describe("the rule table", () => {
  test("every rule's codes are registered, and every registered code has a rule and a case", () => {
    expect(REPORT_RULES.length).toBeGreaterThan(5);
    expect(ruleTableProblems(REPORT_RULES, FINDING_SEVERITY, CASES)).toEqual([]);
  });

  test("a rule with a code that is not registered fails", () => {
    const rules = [
      ...REPORT_RULES,
      { name: "new", codes: ["rate-too-high"], check: () => [] } as unknown as ReportRuleEntry,
    ];
    expect(ruleTableProblems(rules, FINDING_SEVERITY, CASES)).toEqual([
      "rule “new”: rate-too-high is not registered",
    ]);
  });

  test("a registered code that no rule reports, or without a case, fails", () => {
    const registry = { ...FINDING_SEVERITY, "rate-too-high": "error" };
    expect(ruleTableProblems(REPORT_RULES, registry, CASES)).toEqual([
      "rate-too-high: registered, no rule reports it",
      "rate-too-high: registered, no case",
    ]);
    const withRule = [
      ...REPORT_RULES,
      { name: "new", codes: ["rate-too-high"], check: () => [] } as unknown as ReportRuleEntry,
    ];
    expect(ruleTableProblems(withRule, registry, CASES)).toEqual([
      "rate-too-high: registered, no case",
    ]);
    expect(ruleTableProblems(withRule, registry, new Set([...CASES, "rate-too-high"]))).toEqual([]);
  });

  test("a code in two rules fails", () => {
    const again: ReportRuleEntry = { name: "again", codes: ["date-late"], check: () => [] };
    const rules = [...REPORT_RULES, again];
    expect(ruleTableProblems(rules, FINDING_SEVERITY, CASES)).toEqual([
      "date-late: in rules “filed on time” and “again”",
    ]);
  });
});

describe("running the rules", () => {
  const grid = gridOf(reportSheet({ targets, month: june, done: {} }));
  const reading = readReport(grid, locateReport(grid)!, { month: june });
  const context = ruleContext(grid, reading, { month: june });

  test("a new rule is one entry: its findings come after those of the rules before it", () => {
    const before = runRules(reading, context);
    const extra: ReportRuleEntry = {
      name: "extra",
      codes: ["head-missing"],
      check: ({ report }) => [finding("head-missing", report.headCell, "未填写填报单位负责人")],
    };
    const after = runRules(reading, context, [...REPORT_RULES, extra]);
    expect(after).toEqual([
      ...before,
      finding("head-missing", reading.report.headCell, "未填写填报单位负责人"),
    ]);
  });

  test("a rule reporting a code it does not declare is a bug, not a finding", () => {
    const liar: ReportRuleEntry = {
      name: "liar",
      codes: ["date-late"],
      check: () => [finding("date-early", "A1", "早于报表月份")],
    };
    expect(() => runRules(reading, context, [liar])).toThrow(/liar.*date-early/);
  });

  test("validateReport reports what the rules report, ordered by cell", () => {
    const hidden: Grid = { ...grid, state: "hidden" };
    const result = validateReport(hidden, { month: june })!;
    const findings = runRules(reading, ruleContext(hidden, reading, { month: june }));
    expect(findings.map((f) => f.code)).toContain("sheet-hidden");
    expect([...result.errors, ...result.warnings].map((f) => f.code).sort()).toEqual(
      findings.map((f) => f.code).sort()
    );
    expect(result.errors[0]!.code).toBe("sheet-hidden");
  });
});
