import { cellAddress } from "../grid";
import type { YearMonth } from "../report/reportMonth";
import { ChoiceRange, ModelCell, SheetModel, cell } from "../workbookModel";
import { LIST_CHOICES, LIST_LAYOUTS, ListColumn, ListKind } from "./listLayout";

/** Data rows the template's drop-downs cover below the header. */
export const LIST_TEMPLATE_ROWS = 1000;
const HEADER_ROW = 1; // zero-based: the title, then the header

/** The drop-down of a column, when it has one. */
const CHOICES: Partial<Record<ListColumn, readonly string[]>> = {
  education: LIST_CHOICES.education,
  form: LIST_CHOICES.form,
  type: LIST_CHOICES.type,
  rank: LIST_CHOICES.rank,
};

/** Minimum widths in characters, so 学号, 证书编号 and 身份证号 show whole. */
const WIDTHS: Partial<Record<ListColumn, number>> = {
  seq: 6,
  studentId: 14,
  name: 10,
  major: 18,
  grade: 8,
  education: 14,
  project: 24,
  form: 12,
  date: 12,
  type: 18,
  title: 22,
  rank: 10,
  number: 22,
  idNumber: 22,
};

export interface ListSheetOptions {
  readonly college: string;
  readonly month: YearMonth;
  /** The sheet name; LIST_LAYOUTS[kind].sheet when absent. */
  readonly name?: string;
}

/**
 * An empty 培训名单 or 取证名单 for a college's month: a title, the header row (repeated on every
 * printed page), drop-downs for 学历层次, 培训形式, 证书类型 and 等级, A4 landscape.
 */
export function buildListSheet(kind: ListKind, options: ListSheetOptions): SheetModel {
  const layout = LIST_LAYOUTS[kind];
  const columns = layout.order;
  const last = columns.length - 1;
  const { year, month } = options.month;
  const title = `${options.college}${year}年${month}月${layout.sheet}`;
  const header: ModelCell[] = columns.map((c) => cell(layout.columns[c]!.header, "header"));
  const choiceRanges: ChoiceRange[] = [];
  columns.forEach((c, i) => {
    const values = CHOICES[c];
    if (!values) return;
    const from = cellAddress(HEADER_ROW + 1, i);
    const to = cellAddress(HEADER_ROW + LIST_TEMPLATE_ROWS, i);
    choiceRanges.push({ range: `${from}:${to}`, values });
  });
  return {
    name: options.name ?? layout.sheet,
    cells: [[cell(title, "title")], header],
    merges: [`${cellAddress(0, 0)}:${cellAddress(0, last)}`],
    columnWidths: columns.map((c) => WIDTHS[c] ?? 10),
    frozenRows: HEADER_ROW + 1,
    landscape: true,
    choiceRanges,
    rowHeights: { 0: 28, 1: 30 },
  };
}

/** Both lists, 培训名单 then 取证名单; `prefix` goes before each sheet name (a workbook of many colleges). */
export function buildListSheets(
  options: Omit<ListSheetOptions, "name">,
  prefix = ""
): SheetModel[] {
  return (["training", "certificate"] as const).map((kind) =>
    buildListSheet(kind, { ...options, name: `${prefix}${LIST_LAYOUTS[kind].sheet}` })
  );
}
