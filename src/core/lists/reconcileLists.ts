import type { MonthlyReport } from "../report/monthlyReport";
import { SECTION_KEYS, SECTIONS, SectionKey } from "../report/reportLayout";
import { ListFinding, listFinding } from "./listFinding";
import type { ListKind } from "./listLayout";
import type { ListLedger } from "./listLedger";

/** One section's numbers: the lists' and the form's (null where the form has none). */
export interface SectionReconciliation {
  readonly section: SectionKey;
  readonly list: { readonly month: number; readonly toDate: number };
  readonly form: { readonly month: number | null; readonly cumulative: number | null };
  /** False when either number differs; true also when the list is absent (nothing to compare). */
  readonly reconciled: boolean;
}

export interface ListReconciliation {
  readonly sections: readonly SectionReconciliation[];
  readonly reconciled: boolean;
  readonly findings: readonly ListFinding[];
}

/** The form as reconciliation needs it: a parsed 附件6 (see readReport). */
export type ReconciledForm = Pick<MonthlyReport, "sheet" | "college" | "month" | "sections">;

/** The list a section is counted from. */
export const SECTION_LIST: Readonly<Record<SectionKey, ListKind>> = {
  training: "training",
  advanced: "certificate",
  nonadvanced: "certificate",
  onex: "certificate",
};

/** A report's list counts for a section, this month and to date, given the master's earlier months. */
export function listCounts(
  report: ListLedger,
  master: ListLedger | null,
  college: string,
  section: SectionKey,
  month: string
): { month: number; toDate: number } {
  const before = master?.countIn(college, section, month) ?? { month: 0, toDate: 0 };
  if (section === "training") {
    const mine = report.countIn(college, section, month);
    return { month: before.month + mine.month, toDate: before.toDate + mine.toDate };
  }
  let inMonth = before.month;
  let toDate = before.toDate;
  for (const [student, first] of report.personsOf(college, section)) {
    if (first > month || first.slice(0, 4) !== month.slice(0, 4)) continue;
    const prior = master?.personMonth(college, section, student);
    if (prior !== undefined && prior <= month) {
      if (prior === month && first < month) inMonth--; // counted earlier now: not new this month
      continue;
    }
    toDate++;
    if (first === month) inMonth++;
  }
  return { month: inMonth, toDate };
}

/**
 * Per section of 附件6: the report month's count in the lists (by 发证日期 / 培训日期; 取证 in
 * persons, 培训 in 人次) must equal 当月完成, and the count to date (the master's earlier months and
 * this report) must equal 累计已完成. `present` says which lists the workbook has; sections of an
 * absent list are not compared. Findings sit on the form's cells.
 */
export function reconcileLists(
  form: ReconciledForm,
  report: ListLedger,
  master: ListLedger | null,
  present: Readonly<Record<ListKind, boolean>>
): ListReconciliation {
  const findings: ListFinding[] = [];
  const sections: SectionReconciliation[] = [];
  const college = form.college ?? "";
  for (const section of SECTION_KEYS) {
    const s = form.sections[section];
    const list = form.month
      ? listCounts(report, master, college, section, form.month)
      : { month: 0, toDate: 0 };
    const values = { month: s.month, cumulative: s.cumulative };
    const compare = present[SECTION_LIST[section]] && form.month !== null && s.found;
    const name = SECTIONS[section].name;
    const unit = SECTIONS[section].unit;
    const source = section === "training" ? "培训名单" : "取证名单";
    let ok = true;
    if (compare && s.month !== null && s.month !== list.month) {
      ok = false;
      findings.push(
        listFinding(
          "list-count-month",
          form.sheet,
          s.cells.month,
          `${name}：${source}中${form.month}为 ${list.month} ${unit}，当月完成填 ${s.month}`
        )
      );
    }
    if (compare && s.cumulative !== null && s.cumulative !== list.toDate) {
      ok = false;
      findings.push(
        listFinding(
          "list-count-cumulative",
          form.sheet,
          s.cells.cumulative,
          `${name}：名单累计到${form.month}为 ${list.toDate} ${unit}，累计已完成填 ${s.cumulative}`
        )
      );
    }
    sections.push({ section, list, form: values, reconciled: ok });
  }
  return { sections, reconciled: sections.every((s) => s.reconciled), findings };
}
