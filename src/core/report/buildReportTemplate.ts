import { cellAddress } from "../grid";
import { layoutSheet } from "../sheetLayout";
import { ModelCell, SheetModel, cell } from "../workbookModel";
import type { CollegeTargets } from "./quotaLookup";
import {
  FIELD_KEYS,
  FORM_LABELS,
  FieldKey,
  SECTION_KEYS,
  SECTIONS,
  SectionKey,
  fieldHeader,
} from "./reportLayout";
import { YearMonth } from "./reportMonth";

export interface ReportTemplateOptions {
  readonly college: string;
  readonly month: YearMonth;
  /** The college's quotas; without them 年度任务 is left for the college to fill in. */
  readonly targets?: CollegeTargets | null;
}

const FIRST_SECTION_ROW = 2; // zero-based: title, 填报单位, then the grid
const sectionRow = (i: number) => FIRST_SECTION_ROW + 2 * i;
const GRID_END = sectionRow(SECTION_KEYS.length); // the blank row after the grid
const FILER_ROW = GRID_END + 1;
const HEAD_ROW = GRID_END + 2;
const DATE_ROW = GRID_END + 3;
const LABEL_COLUMN = 1;
const FIELD_COLUMN: Readonly<Record<FieldKey, number>> = {
  target: 2,
  month: 3,
  cumulative: 4,
  rate: 5,
};

/** Where the template puts what a college fills in (A1 addresses). */
export const TEMPLATE_CELLS = {
  unit: "A2",
  sections: Object.fromEntries(
    SECTION_KEYS.map((key, i) => [
      key,
      Object.fromEntries(
        FIELD_KEYS.map((f) => [f, cellAddress(sectionRow(i) + 1, FIELD_COLUMN[f])])
      ),
    ])
  ) as Readonly<Record<SectionKey, Readonly<Record<FieldKey, string>>>>,
  filer: cellAddress(FILER_ROW, 2),
  head: cellAddress(HEAD_ROW, 2),
  date: {
    year: cellAddress(DATE_ROW, 1),
    month: cellAddress(DATE_ROW, 3),
    day: cellAddress(DATE_ROW, 5),
  },
} as const;

/** The sheet name the template uses, from which the validator reads the month back: 2022年6月. */
export function templateSheetName(month: YearMonth): string {
  return `${month.year}年${month.month}月`;
}

/** The template's cells and layout as they are laid down, top to bottom. */
interface Draft {
  readonly rows: (ModelCell | null)[][];
  readonly merges: string[];
  readonly wholeNumberRanges: string[];
  readonly rowHeights: Record<number, number>;
}

const range = (r1: number, c1: number, r2: number, c2: number) =>
  `${cellAddress(r1, c1)}:${cellAddress(r2, c2)}`;

/**
 * 附件6 as the plan prints it, for one college and month: the title, 填报单位（公章）, the six-column
 * grid (a tall merged 工作进度, a merged label per section, 年度任务 from the quotas when given,
 * 累计完成率 as a formula), then 填报人, 负责人 and 填报时间 with separate 年 月 日 cells.
 */
export function buildReportTemplate(options: ReportTemplateOptions): SheetModel {
  const draft: Draft = { rows: [], merges: [], wholeNumberRanges: [], rowHeights: {} };
  addHeading(draft, options);
  SECTION_KEYS.forEach((key, i) => addSection(draft, key, i, options.targets));
  draft.merges.push(range(FIRST_SECTION_ROW, 0, GRID_END - 1, 0));
  addSignatures(draft);
  return layoutSheet({
    name: templateSheetName(options.month),
    cells: draft.rows.map((r) => r ?? []),
    merges: draft.merges,
    columnWidths: [12, 24, 14, 14, 14, 14, 4],
    frozenRows: 0,
    wholeNumberRanges: draft.wholeNumberRanges,
    rowHeights: draft.rowHeights,
  });
}

/** The title with the month under it, as a printed form is dated: （2022年6月）; then 填报单位. */
function addHeading(draft: Draft, options: ReportTemplateOptions): void {
  draft.rows[0] = [cell(`${FORM_LABELS.title}\n（${templateSheetName(options.month)}）`, "title")];
  draft.merges.push(range(0, 0, 0, 5));
  draft.rows[1] = [cell(`${FORM_LABELS.unit}${options.college}`, "formText")];
  draft.merges.push(range(1, 0, 1, 5));
  draft.rowHeights[1] = 24;
}

/** One section's header row and its row of values; 累计完成率 is a formula. */
function addSection(
  draft: Draft,
  key: SectionKey,
  i: number,
  targets: CollegeTargets | null | undefined
): void {
  const header = sectionRow(i);
  const values = header + 1;
  const ref = (f: FieldKey) => cellAddress(values, FIELD_COLUMN[f]);
  const quota = targets ? (targets[key] ?? 0) : null;
  const rate = quota === null || quota === 0 ? null : 0;
  draft.rows[header] = [
    i === 0 ? cell("工\n作\n进\n度", "formLabel") : null,
    cell(SECTIONS[key].label, "formLabel"),
    ...FIELD_KEYS.map((f) => cell(fieldHeader(f, key), "formLabel")),
  ];
  draft.rows[values] = [
    null,
    null,
    cell(quota, "formInput"),
    cell(null, "formInput"),
    cell(null, "formInput"),
    cell(
      rate,
      "formPercent",
      `IF(${ref("target")}=0,"",ROUND(${ref("cumulative")}/${ref("target")}*100,2))`
    ),
  ];
  draft.merges.push(range(header, LABEL_COLUMN, values, LABEL_COLUMN));
  draft.wholeNumberRanges.push(`${ref("target")}:${ref("cumulative")}`);
  draft.rowHeights[header] = 36;
  draft.rowHeights[values] = 26;
}

/** 填报人, 负责人 and 填报时间 with separate 年 月 日 cells, under a blank row. */
function addSignatures(draft: Draft): void {
  const { rows, merges } = draft;
  rows[GRID_END] = [];
  rows[FILER_ROW] = [cell(FORM_LABELS.filer, "formText"), null, cell(null, "formText")];
  rows[HEAD_ROW] = [cell(FORM_LABELS.head, "formText"), null, cell(null, "formText")];
  merges.push(range(FILER_ROW, 0, FILER_ROW, 1), range(FILER_ROW, 2, FILER_ROW, 3));
  merges.push(range(HEAD_ROW, 0, HEAD_ROW, 1), range(HEAD_ROW, 2, HEAD_ROW, 3));
  rows[DATE_ROW] = [
    cell(FORM_LABELS.date, "formText"),
    cell(null, "formInput"),
    cell("年", "formText"),
    cell(null, "formInput"),
    cell("月", "formText"),
    cell(null, "formInput"),
    cell("日", "formText"),
  ];
  draft.wholeNumberRanges.push(
    TEMPLATE_CELLS.date.year,
    TEMPLATE_CELLS.date.month,
    TEMPLATE_CELLS.date.day
  );
  for (const row of [FILER_ROW, HEAD_ROW, DATE_ROW]) draft.rowHeights[row] = 24;
}
