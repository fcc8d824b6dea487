import type { MonthSource } from "./reportMonth";
import type { FieldKey, SectionKey } from "./reportLayout";

/** One section's numbers as read; null where nothing usable was written. */
export interface SectionReport {
  readonly key: SectionKey;
  /** False when the section's header row is not on the sheet. */
  readonly found: boolean;
  readonly target: number | null;
  readonly month: number | null;
  readonly cumulative: number | null;
  /** 累计完成率 as a percentage (45.67), also when written as a %-formatted fraction; null when empty or a dash. */
  readonly rate: number | null;
  /** A1 addresses of the label and of each value. */
  readonly cells: Readonly<Record<FieldKey | "label", string>>;
}

/** A filled-in 附件6, as read from one sheet, apart from what is wrong with it. */
export interface MonthlyReport {
  readonly sheet: string;
  /** 填报单位 as written, without white space or a trailing （公章）. */
  readonly college: string | null;
  readonly collegeCell: string;
  /** YYYY-MM. */
  readonly month: string | null;
  readonly monthSource: MonthSource | null;
  /** 填报时间 as YYYY-MM-DD. */
  readonly filedOn: string | null;
  readonly filedOnCell: string;
  readonly filer: string | null;
  readonly filerCell: string;
  readonly head: string | null;
  readonly headCell: string;
  readonly sections: Readonly<Record<SectionKey, SectionReport>>;
}

export interface SectionValues {
  readonly target: number | null;
  readonly month: number | null;
  readonly cumulative: number | null;
  readonly rate: number | null;
}

/** The numbers of a report, per section: what the roll-up consumes. */
export function reportValues(report: MonthlyReport): Record<SectionKey, SectionValues> {
  const values = {} as Record<SectionKey, SectionValues>;
  for (const [key, s] of Object.entries(report.sections) as [SectionKey, SectionReport][]) {
    values[key] = { target: s.target, month: s.month, cumulative: s.cumulative, rate: s.rate };
  }
  return values;
}
