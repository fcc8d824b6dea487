import { cellAddress } from "../grid";
import { FORM_LABELS, SECTION_KEYS, SECTIONS, fieldHeader } from "../report/reportLayout";
import { parseMonth } from "../report/reportMonth";
import { layoutSheet } from "../sheetLayout";
import { ModelCell, SheetModel, cell } from "../workbookModel";
import type { RollupSummary } from "./rollupSummary";

/** Said wherever school totals are shown without the quota workbook (the master, the page). */
export const TARGETS_FROM_REPORTS =
  "注意：汇总时未选任务分配表，全校年度任务和完成率按已报送学院的年度任务之和计算，不是方案规定的全校任务；未报送名单也只含曾报送过的学院。";
/** Rows kept free under the colleges' table for the chart. */
const CHART_ROWS = 24;
/** The row under the colleges with the rates expected by now. */
export const EXPECTED_LABEL = "按期应完成";
/** File names and 落后 lists wrap at this width, so that the sheet prints at a readable scale. */
const SUMMARY_WRAP_WIDTH = 24;

export const summarySheetName = (month: string) => `汇总${month}`;

/** A report that was not rolled up: its file, how many errors, and (when given) what they are. */
export interface RejectedLine {
  readonly file: string;
  readonly errors: number;
  /** One line per error, e.g. “E4：培训任务的累计已完成应为 …”. */
  readonly messages?: readonly string[];
}

/**
 * The month's 汇总 sheet: the school-wide 附件6 in the plan's layout, the colleges' progress
 * against the linear expectation (with data bars), who sent nothing and who sent late.
 */
export function summarySheet(
  summary: RollupSummary,
  rejected: readonly RejectedLine[] = []
): SheetModel {
  const ym = parseMonth(summary.month)!;
  const rows: (ModelCell | null)[][] = [];
  const merges: string[] = [];
  const dataBars: string[] = [];
  const push = (...cells: (ModelCell | null)[]) => rows.push(cells);
  const span = (row: number, from: number, to: number) =>
    merges.push(`${cellAddress(row, from)}:${cellAddress(row, to)}`);

  push(cell(`${ym.year}年${ym.month}月 ${FORM_LABELS.title}（全校汇总）`, "title"));
  span(0, 0, 10);
  push(
    cell(
      `按期应完成：取证 ${summary.expected.advanced.toFixed(2)}%（11月底完成），培训 ${summary.expected.training.toFixed(2)}%（12月底完成）；已汇总 ${summary.colleges.length} 个学院。`,
      "formText"
    )
  );
  span(1, 0, 10);
  push();

  // The school-wide 附件6: a header row and a value row per section, 工作进度 merged on the left.
  const first = rows.length;
  for (const s of SECTION_KEYS) {
    const header = rows.length;
    const section = summary.sections[s];
    push(
      cell(FORM_LABELS.progress, "formLabel"),
      cell(SECTIONS[s].label, "formLabel"),
      ...(["target", "month", "cumulative", "rate"] as const).map((f) =>
        cell(fieldHeader(f, s).replace("（", "\n（"), "formLabel")
      )
    );
    const r = header + 2; // Excel row of the values
    push(
      null,
      null,
      cell(section.target, "formInput"),
      cell(section.month, "formInput"),
      cell(section.cumulative, "formInput"),
      cell(section.rate, "formPercent", `IF(C${r}=0,"",ROUND(E${r}/C${r}*100,2))`)
    );
    merges.push(`${cellAddress(header, 1)}:${cellAddress(header + 1, 1)}`);
  }
  merges.push(`${cellAddress(first, 0)}:${cellAddress(rows.length - 1, 0)}`);
  if (summary.targetsFromReports) push(cell(TARGETS_FROM_REPORTS, "warning"));
  for (const s of SECTION_KEYS) {
    const { target, collegeTargets } = summary.sections[s];
    if (target !== null && target !== collegeTargets) {
      push(
        cell(
          `${SECTIONS[s].name}：全校年度任务 ${target}（方案合计），各学院年度任务之和 ${collegeTargets}，相差 ${collegeTargets - target}。`,
          "note"
        )
      );
      span(rows.length - 1, 0, 10);
    }
  }
  push();

  push(cell("各学院进度（累计完成率 %，与按期应完成进度比较）", "header"));
  span(rows.length - 1, 0, 10);
  const head = rows.length;
  const rateHeaders = ["培训完成率", "高级工完成率", "非高级工完成率", "1+X完成率"];
  const counts = ["培训累计", "高级工累计", "非高级工累计", "1+X累计"];
  push(...["学院", ...rateHeaders, ...counts, "进度", "填报时间"].map((h) => cell(h, "header")));
  for (const c of summary.colleges) {
    const behind = SECTION_KEYS.filter((s) => c.sections[s].behind).map((s) =>
      SECTIONS[s].name.replace(/取证人数$/, "")
    );
    push(
      cell(c.college, "text"),
      ...SECTION_KEYS.map((s) => cell(c.sections[s].rate, "formPercent")),
      ...SECTION_KEYS.map((s) => cell(c.sections[s].cumulative, "integer")),
      cell(
        behind.length ? `落后：${behind.join("、")}` : "正常",
        behind.length ? "warning" : "text"
      ),
      cell(c.filedOn, "text")
    );
  }
  if (summary.colleges.length > 0) {
    // What each rate should be by now: a bar group of its own in the chart, beside the colleges.
    push(
      cell(EXPECTED_LABEL, "totalText"),
      ...SECTION_KEYS.map((s) => cell(summary.expected[s], "formPercent")),
      ...SECTION_KEYS.map(() => cell(null, "integer")),
      cell(null, "text"),
      cell(null, "text")
    );
    dataBars.push(`${cellAddress(head + 1, 1)}:${cellAddress(rows.length - 1, 4)}`);
  }
  push();
  // Room for the chart under the table (drawn where the host can): rows of its own on the page.
  const chartTop = rows.length;
  if (summary.colleges.length > 0) for (let i = 0; i < CHART_ROWS; i++) push();

  push(cell(`本月未报送（${summary.missing.length}）`, "header"));
  span(rows.length - 1, 0, 3);
  for (const college of summary.missing) push(cell(college, "text"));
  if (summary.missing.length === 0) push(cell("无", "note"));
  push();
  push(cell(`逾期报送（${ym.month}月27日后，${summary.late.length}）`, "header"));
  span(rows.length - 1, 0, 3);
  for (const late of summary.late) {
    push(cell(late.college, "text"), cell(late.filedOn, "text"), cell(late.file, "note"));
    span(rows.length - 1, 2, 10);
  }
  if (summary.late.length === 0) push(cell("无", "note"));
  if (rejected.length > 0) {
    push();
    push(cell(`未汇总的报表（有错误，${rejected.length}）`, "header"));
    span(rows.length - 1, 0, 3);
    for (const r of rejected) {
      const [first, ...more] = r.messages ?? [];
      push(
        cell(r.file, "text"),
        cell(`${r.errors} 个错误`, "warning"),
        ...(first !== undefined ? [cell(first, "note")] : [])
      );
      span(rows.length - 1, 2, 10);
      for (const message of more) {
        push(null, null, cell(message, "note"));
        span(rows.length - 1, 2, 10);
      }
    }
  }

  return layoutSheet(
    {
      name: summarySheetName(summary.month),
      key: `summary_${summary.month.replace("-", "_")}`,
      cells: rows,
      merges,
      columnWidths: [20, 12, 12, 12, 12, 12, 12, 12, 12, 18, 12],
      frozenRows: 0,
      landscape: true,
      dataBars,
      chart:
        summary.colleges.length > 0
          ? {
              title: "各学院累计完成率（%）",
              source: `${cellAddress(head, 0)}:${cellAddress(head + summary.colleges.length + 1, 4)}`,
              at: `${cellAddress(chartTop, 0)}:${cellAddress(chartTop + CHART_ROWS - 1, 10)}`,
            }
          : undefined,
    },
    SUMMARY_WRAP_WIDTH
  );
}
