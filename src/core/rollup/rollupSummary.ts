import { decimalFromInteger, divideRounded, toNumber } from "../decimal";
import type { QuotaLookup } from "../report/quotaLookup";
import { DUE_DAY, SECTION_KEYS, SectionKey } from "../report/reportLayout";
import type { LedgerRow } from "./ledger";
import { expectedPercent } from "./progress";

export interface SectionProgress {
  readonly target: number | null;
  readonly month: number;
  readonly cumulative: number;
  /** 累计完成率 in percent, 2 decimals; null when there is no target. */
  readonly rate: number | null;
}

export interface SchoolSection extends SectionProgress {
  /** Σ of the colleges' 年度任务, beside the school target from the quota workbook. */
  readonly collegeTargets: number;
}

export interface CollegeProgress {
  readonly college: string;
  readonly sections: Readonly<
    Record<SectionKey, SectionProgress & { readonly expected: number; readonly behind: boolean }>
  >;
  readonly file: string;
  readonly filedOn: string | null;
}

export interface LateReport {
  readonly college: string;
  readonly filedOn: string;
  readonly file: string;
}

export interface RollupSummary {
  readonly month: string;
  readonly sections: Readonly<Record<SectionKey, SchoolSection>>;
  readonly expected: Readonly<Record<SectionKey, number>>;
  readonly colleges: readonly CollegeProgress[];
  /** Colleges expected to report that sent nothing for the month. */
  readonly missing: readonly string[];
  readonly late: readonly LateReport[];
  /** No quota workbook: the school's 年度任务 is the sum of the colleges in the ledger, not the plan's. */
  readonly targetsFromReports?: boolean;
}

/** The school's totals from the quota workbook (表1–表4 合计), when known. */
export type SchoolTargets = Readonly<Record<SectionKey, number>>;

export function percent(part: number, whole: number | null): number | null {
  if (whole === null || whole === 0) return null;
  return toNumber(divideRounded(decimalFromInteger(part * 100), decimalFromInteger(whole), 2));
}

/** One college's month from its ledger rows. */
function collegeProgress(
  college: string,
  mine: readonly LedgerRow[],
  expected: Readonly<Record<SectionKey, number>>
): CollegeProgress {
  const sections = Object.fromEntries(
    SECTION_KEYS.map((s) => {
      const row = mine.find((r) => r.section === s);
      const target = row?.target ?? null;
      const cumulative = row?.cumulative ?? 0;
      const rate = percent(cumulative, target);
      return [
        s,
        {
          target,
          month: row?.done ?? 0,
          cumulative,
          rate,
          expected: expected[s],
          behind: rate !== null && rate < expected[s],
        },
      ];
    })
  ) as CollegeProgress["sections"];
  return { college, sections, file: mine[0]!.file, filedOn: mine[0]!.filedOn };
}

/** The school's sections: the colleges' sums against the school's targets. */
function schoolSections(
  colleges: readonly CollegeProgress[],
  options: { quotas?: QuotaLookup | null; schoolTargets?: SchoolTargets | null }
): Record<SectionKey, SchoolSection> {
  return Object.fromEntries(
    SECTION_KEYS.map((s) => {
      const collegeTargets = colleges.reduce((a, c) => a + (c.sections[s].target ?? 0), 0);
      const allTargets = options.quotas
        ? options.quotas.colleges.reduce((a, c) => a + (c[s] ?? 0), 0)
        : collegeTargets;
      const target = options.schoolTargets?.[s] ?? allTargets;
      const done = colleges.reduce((a, c) => a + c.sections[s].month, 0);
      const cumulative = colleges.reduce((a, c) => a + c.sections[s].cumulative, 0);
      return [
        s,
        {
          target,
          month: done,
          cumulative,
          rate: percent(cumulative, target),
          collegeTargets: allTargets,
        },
      ];
    })
  ) as Record<SectionKey, SchoolSection>;
}

/** The month's progress, school-wide and per college, from the ledger. */
export function summarize(
  ledger: readonly LedgerRow[],
  month: string,
  options: {
    quotas?: QuotaLookup | null;
    schoolTargets?: SchoolTargets | null;
    /** Colleges that sent a report this month that was not rolled up: not 未报送. */
    sentRejected?: readonly string[];
  } = {}
): RollupSummary {
  // Linear in the ledger: a school may roll up thousands of reports.
  const byCollege = new Map<string, LedgerRow[]>();
  for (const r of ledger) {
    if (r.month !== month) continue;
    const mine = byCollege.get(r.college);
    if (mine) mine.push(r);
    else byCollege.set(r.college, [r]);
  }
  const expectedColleges = options.quotas
    ? options.quotas.colleges.map((c) => c.college)
    : [...new Set(ledger.map((r) => r.college))];
  const expectedSet = new Set(expectedColleges);
  const order = [
    ...expectedColleges.filter((c) => byCollege.has(c)),
    ...[...byCollege.keys()].filter((c) => !expectedSet.has(c)),
  ];
  const expected = Object.fromEntries(
    SECTION_KEYS.map((s) => [s, expectedPercent(month, s)])
  ) as Record<SectionKey, number>;

  const colleges = order.map((college) =>
    collegeProgress(college, byCollege.get(college)!, expected)
  );
  const sections = schoolSections(colleges, options);

  const due = `${month}-${String(DUE_DAY).padStart(2, "0")}`;
  const late = colleges
    .filter((c) => c.filedOn !== null && c.filedOn > due)
    .map((c) => ({ college: c.college, filedOn: c.filedOn!, file: c.file }));
  // A set: includes() on the list was colleges × rejected reports.
  const sent = new Set(options.sentRejected ?? []);
  return {
    month,
    sections,
    expected,
    colleges,
    missing: [...new Set(expectedColleges)].filter((c) => !byCollege.has(c) && !sent.has(c)),
    late,
    ...(options.quotas || options.schoolTargets ? {} : { targetsFromReports: true }),
  };
}
