import { cellAddress } from "../grid";
import { FORM_LABELS, SECTION_KEYS, SECTIONS, fieldHeader } from "../report/reportLayout";
import { parseMonth } from "../report/reportMonth";
import { layoutSheet } from "../sheetLayout";
import { ModelCell, SheetModel, cell } from "../workbookModel";
import type { RollupSummary } from "./rollupSummary";
import { LIST_STATE_TEXT, ListLine } from "../lists/listLines";

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

/** The sheet's rows as they are built, with their merges and data bars. */
class Rows {
  readonly cells: (ModelCell | null)[][] = [];
  readonly merges: string[] = [];
  readonly dataBars: string[] = [];
  get length(): number {
    return this.cells.length;
  }
  push(...cells: (ModelCell | null)[]): void {
    this.cells.push(cells);
  }
  span(row: number, from: number, to: number): void {
    this.merges.push(`${cellAddress(row, from)}:${cellAddress(row, to)}`);
  }
  /** A row whose cells from `from` on are one merged cell to the last column. */
  pushSpanned(from: number, ...cells: (ModelCell | null)[]): void {
    this.push(...cells);
    this.span(this.length - 1, from, LAST_COLUMN);
  }
}

const LAST_COLUMN = 10;

/** Title, the expected progress and how many colleges. */
function titleRows(rows: Rows, summary: RollupSummary): void {
  const ym = parseMonth(summary.month)!;
  rows.pushSpanned(0, cell(`${ym.year}年${ym.month}月 ${FORM_LABELS.title}（全校汇总）`, "title"));
  rows.pushSpanned(
    0,
    cell(
      `按期应完成：取证 ${summary.expected.advanced.toFixed(2)}%（11月底完成），培训 ${summary.expected.training.toFixed(2)}%（12月底完成）；已汇总 ${summary.colleges.length} 个学院。`,
      "formText"
    )
  );
  rows.push();
}

/** The school-wide 附件6: a header row and a value row per section, 工作进度 merged on the left. */
function schoolForm(rows: Rows, summary: RollupSummary): void {
  const first = rows.length;
  for (const s of SECTION_KEYS) {
    const header = rows.length;
    const section = summary.sections[s];
    rows.push(
      cell(FORM_LABELS.progress, "formLabel"),
      cell(SECTIONS[s].label, "formLabel"),
      ...(["target", "month", "cumulative", "rate"] as const).map((f) =>
        cell(fieldHeader(f, s).replace("（", "\n（"), "formLabel")
      )
    );
    const r = header + 2; // Excel row of the values
    rows.push(
      null,
      null,
      cell(section.target, "formInput"),
      cell(section.month, "formInput"),
      cell(section.cumulative, "formInput"),
      cell(section.rate, "formPercent", `IF(C${r}=0,"",ROUND(E${r}/C${r}*100,2))`)
    );
    rows.merges.push(`${cellAddress(header, 1)}:${cellAddress(header + 1, 1)}`);
  }
  rows.merges.push(`${cellAddress(first, 0)}:${cellAddress(rows.length - 1, 0)}`);
  if (summary.targetsFromReports) rows.push(cell(TARGETS_FROM_REPORTS, "warning"));
  for (const s of SECTION_KEYS) {
    const { target, collegeTargets } = summary.sections[s];
    if (target !== null && target !== collegeTargets)
      rows.pushSpanned(
        0,
        cell(
          `${SECTIONS[s].name}：全校年度任务 ${target}（方案合计），各学院年度任务之和 ${collegeTargets}，相差 ${collegeTargets - target}。`,
          "note"
        )
      );
  }
  rows.push();
}

/** The colleges' progress with the expected rates under them; returns the header row. */
function collegeTable(rows: Rows, summary: RollupSummary): number {
  rows.pushSpanned(0, cell("各学院进度（累计完成率 %，与按期应完成进度比较）", "header"));
  const head = rows.length;
  const rateHeaders = ["培训完成率", "高级工完成率", "非高级工完成率", "1+X完成率"];
  const counts = ["培训累计", "高级工累计", "非高级工累计", "1+X累计"];
  rows.push(
    ...["学院", ...rateHeaders, ...counts, "进度", "填报时间"].map((h) => cell(h, "header"))
  );
  for (const c of summary.colleges) {
    const behind = SECTION_KEYS.filter((s) => c.sections[s].behind).map((s) =>
      SECTIONS[s].name.replace(/取证人数$/, "")
    );
    rows.push(
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
    rows.push(
      cell(EXPECTED_LABEL, "totalText"),
      ...SECTION_KEYS.map((s) => cell(summary.expected[s], "formPercent")),
      ...SECTION_KEYS.map(() => cell(null, "integer")),
      cell(null, "text"),
      cell(null, "text")
    );
    rows.dataBars.push(`${cellAddress(head + 1, 1)}:${cellAddress(rows.length - 1, 4)}`);
  }
  rows.push();
  return head;
}

/** A titled list of the month: 未报送, 逾期报送, 名单核对, each with 无 when empty. */
function titled(rows: Rows, title: string, empty: boolean, body: () => void): void {
  rows.push(cell(title, "header"));
  rows.span(rows.length - 1, 0, 3);
  body();
  if (empty) rows.push(cell("无", "note"));
}

/** Who sent nothing, who sent late. */
function missingAndLate(rows: Rows, summary: RollupSummary): void {
  const ym = parseMonth(summary.month)!;
  titled(rows, `本月未报送（${summary.missing.length}）`, summary.missing.length === 0, () => {
    for (const college of summary.missing) rows.push(cell(college, "text"));
  });
  rows.push();
  const late = summary.late;
  titled(rows, `逾期报送（${ym.month}月27日后，${late.length}）`, late.length === 0, () => {
    for (const l of late)
      rows.pushSpanned(2, cell(l.college, "text"), cell(l.filedOn, "text"), cell(l.file, "note"));
  });
}

/** 名单核对 per college: 已核对, 未核对 with the reason, 无名单. */
function listCheck(rows: Rows, lines: readonly ListLine[]): void {
  rows.push();
  const done = lines.filter((l) => l.state === "reconciled").length;
  const title = `名单核对（培训名单、取证名单：已核对 ${done}，未核对或无名单 ${lines.length - done}）`;
  titled(rows, title, lines.length === 0, () => {
    for (const l of lines)
      rows.pushSpanned(
        2,
        cell(l.college, "text"),
        cell(LIST_STATE_TEXT[l.state], l.state === "reconciled" ? "text" : "warning"),
        cell(l.reason, "note")
      );
  });
}

/** The reports not rolled up, one line per error. */
function rejectedReports(rows: Rows, rejected: readonly RejectedLine[]): void {
  if (rejected.length === 0) return;
  rows.push();
  titled(rows, `未汇总的报表（有错误，${rejected.length}）`, false, () => {
    for (const r of rejected) {
      const [first, ...more] = r.messages ?? [];
      rows.pushSpanned(
        2,
        cell(r.file, "text"),
        cell(`${r.errors} 个错误`, "warning"),
        ...(first !== undefined ? [cell(first, "note")] : [])
      );
      for (const message of more) rows.pushSpanned(2, null, null, cell(message, "note"));
    }
  });
}

/**
 * The month's 汇总 sheet: the school-wide 附件6 in the plan's layout, the colleges' progress
 * against the linear expectation (with data bars), who sent nothing and who sent late, 名单核对
 * per college (when the roll-up read the lists) and the reports not rolled up.
 */
export function summarySheet(
  summary: RollupSummary,
  rejected: readonly RejectedLine[] = [],
  lists?: readonly ListLine[]
): SheetModel {
  const rows = new Rows();
  titleRows(rows, summary);
  schoolForm(rows, summary);
  const head = collegeTable(rows, summary);
  // Room for the chart under the table (drawn where the host can): rows of its own on the page.
  const chartTop = rows.length;
  const colleges = summary.colleges.length;
  if (colleges > 0) for (let i = 0; i < CHART_ROWS; i++) rows.push();
  missingAndLate(rows, summary);
  if (lists) listCheck(rows, lists);
  rejectedReports(rows, rejected);
  const chart = {
    title: "各学院累计完成率（%）",
    source: `${cellAddress(head, 0)}:${cellAddress(head + colleges + 1, 4)}`,
    at: `${cellAddress(chartTop, 0)}:${cellAddress(chartTop + CHART_ROWS - 1, LAST_COLUMN)}`,
  };
  const sheet: SheetModel = {
    name: summarySheetName(summary.month),
    key: `summary_${summary.month.replace("-", "_")}`,
    cells: rows.cells,
    merges: rows.merges,
    columnWidths: [20, 12, 12, 12, 12, 12, 12, 12, 12, 18, 12],
    frozenRows: 0,
    landscape: true,
    dataBars: rows.dataBars,
    chart: colleges > 0 ? chart : undefined,
  };
  return layoutSheet(sheet, SUMMARY_WRAP_WIDTH);
}
