import { CellValue, Grid, cellAddress, cellAt } from "../grid";
import { classifyLabel } from "../report/classifyLabel";
import { ListFinding, listFinding } from "./listFinding";
import {
  EDUCATION_VALUES,
  FORM_VALUES,
  LIST_LAYOUTS,
  ListColumn,
  ONEX_RANK_VALUES,
  RANK_VALUES,
  TYPE_VALUES,
} from "./listLayout";
import type { CertificateRow, ListRow, TrainingRow } from "./listRow";
import type { ListLocation } from "./locateList";
import { CellReading, listText, readChoice, readGrade, readListDate } from "./readListCell";
import { isValidIdNumber, maskIdNumber, normalizeIdNumber } from "./idNumber";

/** Reads one row's cells, reporting what is missing or unreadable. */
class RowReader {
  constructor(
    private readonly grid: Grid,
    private readonly location: ListLocation,
    private readonly row: number,
    private readonly findings: ListFinding[]
  ) {}

  private get sheet(): string {
    return this.location.sheet;
  }

  cell(column: ListColumn): string {
    const c = this.location.columns[column];
    return cellAddress(this.row, c ?? 0);
  }

  value(column: ListColumn): CellValue {
    const c = this.location.columns[column];
    return c === undefined ? null : cellAt(this.grid, this.row, c);
  }

  private header(column: ListColumn): string {
    return LIST_LAYOUTS[this.location.kind].columns[column]!.header;
  }

  private required(column: ListColumn): boolean {
    const spec = LIST_LAYOUTS[this.location.kind].columns[column]!;
    return spec.required && this.location.columns[column] !== undefined;
  }

  text(column: ListColumn): string {
    const text = listText(this.value(column));
    if (text === "" && this.required(column))
      this.report(
        "list-field-missing",
        column,
        `第${this.row + 1}行没有填“${this.header(column)}”`
      );
    return text;
  }

  reading<T>(
    column: ListColumn,
    reading: CellReading<T>,
    code: "list-value-invalid" | "list-date-invalid" | "list-grade-invalid",
    hint: string
  ): T | null {
    if (reading.kind === "ok") return reading.value;
    if (reading.kind === "empty") {
      if (this.required(column))
        this.report(
          "list-field-missing",
          column,
          `第${this.row + 1}行没有填“${this.header(column)}”`
        );
      return null;
    }
    this.report(code, column, `“${this.header(column)}”填的是“${reading.shown}”，${hint}`);
    return null;
  }

  report(code: ListFinding["code"], column: ListColumn, message: string): void {
    this.findings.push(listFinding(code, this.sheet, this.cell(column), message));
  }
}

const EDUCATION_HINT = "应为 本科、高职（专科）或 中职（中专）";

function baseOf(r: RowReader, row: number) {
  return {
    row,
    studentId: r.text("studentId"),
    name: r.text("name"),
    major: r.text("major"),
    grade: r.reading(
      "grade",
      readGrade(r.value("grade")),
      "list-grade-invalid",
      "应为入学年份，如 2019级"
    ),
    education: r.reading(
      "education",
      readChoice(r.value("education"), EDUCATION_VALUES),
      "list-value-invalid",
      EDUCATION_HINT
    ),
  };
}

const DATE_HINT = "不是日期（如 2022-06-15 或 2022年6月15日）";

function trainingRow(r: RowReader, row: number): TrainingRow {
  const base = baseOf(r, row);
  return {
    kind: "training",
    ...base,
    project: r.text("project"),
    form: r.reading(
      "form",
      readChoice(r.value("form"), FORM_VALUES),
      "list-value-invalid",
      "应为 培训 或 专家讲座"
    ),
    date: r.reading("date", readListDate(r.value("date")), "list-date-invalid", DATE_HINT),
  };
}

function certificateRow(r: RowReader, row: number): CertificateRow {
  const base = baseOf(r, row);
  const type = r.reading(
    "type",
    readChoice(r.value("type"), TYPE_VALUES),
    "list-value-invalid",
    "应为 职业技能等级证书、1+X证书、职业资格证书 或 专项职业能力证书"
  );
  const ranks = type === "onex" ? ONEX_RANK_VALUES : RANK_VALUES;
  const hint =
    type === "onex"
      ? "1+X证书的等级应为 初级、中级 或 高级"
      : "应为 初级工、中级工、高级工、技师 或 高级技师";
  const rankCell = readChoice(r.value("rank"), ranks);
  // 专项职业能力证书 have no 等级
  const rank =
    type === "special" && rankCell.kind === "empty"
      ? null
      : r.reading("rank", rankCell, "list-value-invalid", hint);
  const title = r.text("title");
  const number = r.text("number").toUpperCase();
  const date = r.reading("date", readListDate(r.value("date")), "list-date-invalid", DATE_HINT);
  const id = normalizeIdNumber(listText(r.value("idNumber")));
  if (id !== "" && !isValidIdNumber(id))
    r.report(
      "list-id-invalid",
      "idNumber",
      `身份证号 ${maskIdNumber(id)} 的位数或校验位不对（若为数字格式，请把该列设为文本后重新填写）`
    );
  return {
    kind: "certificate",
    ...base,
    type,
    title,
    rank,
    number,
    date,
    idNumber: id === "" ? null : id,
  };
}

const FOOTER = /^(合计|总计|小计|备注|说明|注[:：])/;
const isFooter = (v: CellValue) => {
  const text = listText(v);
  return FOOTER.test(text) || classifyLabel(text) !== null;
};

/** A row that is not a list row: empty, or a footer (填报人：, 合计, 备注) with a value or two beside it. */
function isDataRow(
  cells: readonly CellValue[],
  columns: readonly number[],
  seq: number | undefined
): boolean {
  let written = 0;
  for (const c of columns) {
    const v = cells[c];
    if (v !== undefined && v !== null && v !== "" && c !== seq) written++;
  }
  if (written === 0) return false;
  if (written > 2) return true;
  return !columns.some((c) => {
    const v = cells[c];
    return v !== undefined && v !== null && isFooter(v);
  });
}

/**
 * Reads the rows under a located header, one by one: `visit` gets each row's typed record
 * (nothing is kept here, so a million rows need no more memory than the grid); returns the
 * row findings (missing fields, unreadable values, bad 身份证号), each with sheet and cell.
 */
export function parseList(
  grid: Grid,
  location: ListLocation,
  visit: (row: ListRow) => void
): ListFinding[] {
  const findings: ListFinding[] = [];
  const columns = Object.values(location.columns) as number[];
  for (const [r, cells] of grid.rows.entries()) {
    if (r <= location.headerRow || !cells || !isDataRow(cells, columns, location.columns.seq))
      continue;
    const reader = new RowReader(grid, location, r, findings);
    visit(location.kind === "training" ? trainingRow(reader, r) : certificateRow(reader, r));
  }
  return findings;
}
