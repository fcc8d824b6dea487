import type { Grid } from "../grid";
import { locateReport } from "./locateReport";
import type { MonthlyReport } from "./monthlyReport";
import { QuotaLookup, collegeKey } from "./quotaLookup";
import { readReport } from "./readReport";
import { SECTION_KEYS, SectionKey } from "./reportLayout";
import { addMonths, formatMonth, parseMonth } from "./reportMonth";

/** The month before, as the ledger writes months: 2023-01 → 2022-12. */
export function previousMonthOf(month: string): string {
  const ym = parseMonth(month);
  if (!ym) throw new RangeError(`not a month: ${month}`);
  return formatMonth(addMonths(ym, -1));
}

/** Last month's 累计已完成 of a college and section; undefined when it is not known. */
export type PreviousMonth = (college: string, section: SectionKey) => number | undefined;

/** college → section → 累计已完成, as the roll-up's ledger keeps it. */
export type CumulativeLedger = Readonly<
  Record<string, Readonly<Partial<Record<SectionKey, number>>>>
>;

/** A ledger as a PreviousMonth; college names match after normalizeLabel, without a trailing （公章）. */
export function previousFromLedger(ledger: CumulativeLedger): PreviousMonth {
  const byKey = new Map(
    Object.entries(ledger).map(([college, sections]) => [collegeKey(college), sections])
  );
  return (college, section) => byKey.get(collegeKey(college))?.[section];
}

/**
 * Last month's reports as a PreviousMonth. With the quota workbook, a report's 填报单位 is first
 * matched to its college there, so that 某某大学经济管理学院 last month finds 经济管理学院 now.
 */
export function previousFromReports(
  reports: readonly MonthlyReport[],
  quotas?: QuotaLookup | null
): PreviousMonth {
  // Keyed by text from a file: no prototype, so that a college named __proto__ is just a name.
  const ledger: Record<string, Partial<Record<SectionKey, number>>> = Object.create(null);
  for (const report of reports) {
    if (!report.college) continue;
    const name = quotas?.find(report.college)?.college ?? report.college;
    const entry = (ledger[name] ??= {});
    for (const key of SECTION_KEYS) {
      const cumulative = report.sections[key].cumulative;
      if (cumulative !== null && entry[key] === undefined) entry[key] = cumulative;
    }
  }
  const previous = previousFromLedger(ledger);
  return (college, section) => previous(quotas?.find(college)?.college ?? college, section);
}

/** The reports on every sheet of last month's file(s) that holds the form. */
export function reportsOf(grids: readonly Grid[], fileName?: string | null): MonthlyReport[] {
  return grids.flatMap((grid) => {
    const location = locateReport(grid);
    return location ? [readReport(grid, location, { fileName }).report] : [];
  });
}

/** Last month's report file as a PreviousMonth; null when none of its sheets holds the form. */
export function previousFromGrids(
  grids: readonly Grid[],
  quotas?: QuotaLookup | null
): PreviousMonth | null {
  const reports = reportsOf(grids);
  return reports.length > 0 ? previousFromReports(reports, quotas) : null;
}
