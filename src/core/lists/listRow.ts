import type { CertificateType, Education, ListKind, Rank, TrainingForm } from "./listLayout";

/** What both lists have; null where the cell was empty or unreadable (the parser reported it). */
export interface ListRowBase {
  readonly kind: ListKind;
  /** Zero-based sheet row. */
  readonly row: number;
  readonly studentId: string;
  readonly name: string;
  readonly major: string;
  /** 入学年份 from 年级. */
  readonly grade: number | null;
  readonly education: Education | null;
  /** 培训日期 / 发证日期 as YYYY-MM-DD. */
  readonly date: string | null;
}

/** One row of 培训名单: one 人次. */
export interface TrainingRow extends ListRowBase {
  readonly kind: "training";
  readonly project: string;
  readonly form: TrainingForm | null;
}

/** One row of 取证名单: one certificate. */
export interface CertificateRow extends ListRowBase {
  readonly kind: "certificate";
  readonly type: CertificateType | null;
  readonly title: string;
  readonly rank: Rank | null;
  readonly number: string;
  /** Normalised; null when the column is absent or the cell empty. */
  readonly idNumber: string | null;
}

export type ListRow = TrainingRow | CertificateRow;
