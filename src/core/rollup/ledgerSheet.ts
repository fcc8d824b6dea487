import { InputError, QuotaError } from "../errors";
import { CellValue, Grid, cellAddress, cellText, eachCell } from "../grid";
import { parseCount } from "../count";
import { SERIAL_MAX, SERIAL_MIN, fromDate, fromSerial, isoDate } from "../report/readFilingDate";
import { SECTION_KEYS, SECTIONS, SectionKey } from "../report/reportLayout";
import { formatMonth } from "../report/reportMonth";
import { normalizeLabel } from "../text";
import { layoutSheet } from "../sheetLayout";
import { SheetModel, cell } from "../workbookModel";
import type { LedgerRow } from "./ledger";
import { rowCheck } from "./rowCheck";

export const LEDGER_SHEET = "月报台账";

const COLUMNS: readonly [keyof LedgerRow, string, number][] = [
  ["college", "学院", 20],
  ["month", "月份", 10],
  ["section", "项目", 22],
  ["target", "年度任务", 10],
  ["done", "当月完成", 10],
  ["cumulative", "累计已完成", 11],
  ["file", "来源文件", 28],
  ["importedAt", "导入时间", 17],
  ["filer", "填报人", 12],
  ["filedOn", "填报时间", 12],
  ["check", "校验", 10],
  // For audit (which file exactly), out of a reader's way at the end.
  ["sha256", "SHA-256", 20],
];

/** Columns a master written before they existed may lack. */
const OPTIONAL = new Set<keyof LedgerRow>(["check"]);

const NUMBER_FIELDS = new Set<keyof LedgerRow>(["target", "done", "cumulative"]);

/** 月报台账 as a sheet: one row per college, month and section; text always written as text. */
export function ledgerSheet(rows: readonly LedgerRow[]): SheetModel {
  return layoutSheet({
    name: LEDGER_SHEET,
    key: "ledger",
    cells: [
      COLUMNS.map(([, label]) => cell(label, "header")),
      ...rows.map((r) =>
        COLUMNS.map(([field]) => {
          if (field === "section") return cell(SECTIONS[r.section].name, "text");
          // A row read back edited keeps its old check, so the edit stays visible; else it is new.
          if (field === "check") return cell(r.edited ? (r.check ?? "") : rowCheck(r), "text");
          const value = r[field];
          return NUMBER_FIELDS.has(field)
            ? cell(value as number | null, "integer")
            : cell(value === null ? null : String(value), "text");
        })
      ),
    ],
    merges: [],
    columnWidths: COLUMNS.map(([, , width]) => width),
    frozenRows: 1,
    table: { headerRow: 0, lastRow: rows.length, columns: COLUMNS.length },
    landscape: true,
  });
}

const SECTION_BY_NAME = new Map<string, SectionKey>(
  SECTION_KEYS.map((s) => [normalizeLabel(SECTIONS[s].name), s])
);

/**
 * Reads 月报台账 back from a master workbook (`name`: the sheet that carries the ledger's
 * ownership name, when it was renamed); no such sheet is an empty ledger. A row whose 校验 does
 * not match its figures is marked edited; an empty 校验 is taken as checked by a person.
 */
export function readLedger(grids: readonly Grid[], name: string = LEDGER_SHEET): LedgerRow[] {
  const grid = grids.find((g) => g.name === name);
  if (!grid || grid.rows.every((r) => r.length === 0)) return [];
  const index = columnIndex(grid);
  return grid.rows.slice(1).flatMap((values, i) => {
    if (blank(values)) return [];
    const reader = cellReader(values, i + 1, index);
    const row = readLedgerRow(reader);
    const check = text(reader.at("check"));
    return [check === null || check === rowCheck(row) ? row : { ...row, check, edited: true }];
  });
}

/** A row with nothing written (walked in place: no pair per cell for each of thousands of rows). */
function blank(values: readonly CellValue[]): boolean {
  let empty = true;
  eachCell(values, (v) => {
    if (empty && cellText(v ?? null) !== "") empty = false;
  });
  return empty;
}

/** Each field's column by its header (-1 when an optional one is absent); a required one missing is an error. */
function columnIndex(grid: Grid): ReadonlyMap<keyof LedgerRow, number> {
  const header = (grid.rows[0] ?? []).map((v) => normalizeLabel(cellText(v)));
  const index = new Map(
    COLUMNS.map(([field, label]) => [field, header.indexOf(normalizeLabel(label))])
  );
  const missing = COLUMNS.filter(([field]) => index.get(field)! < 0 && !OPTIONAL.has(field)).map(
    ([, label]) => label
  );
  if (missing.length > 0) throw new InputError(`“${LEDGER_SHEET}”缺少列：${missing.join("、")}`);
  return index;
}

const text = (v: CellValue): string | null => (cellText(v) === "" ? null : cellText(v));

/** A ledger row's cells by field, and where each is for an error. */
interface CellReader {
  readonly at: (field: keyof LedgerRow) => CellValue;
  readonly where: (field: keyof LedgerRow) => string;
}

function cellReader(
  values: readonly CellValue[],
  row: number,
  index: ReadonlyMap<keyof LedgerRow, number>
): CellReader {
  return {
    at: (field) => (index.get(field)! < 0 ? null : (values[index.get(field)!] ?? null)),
    where: (field) => `工作表“${LEDGER_SHEET}”单元格 ${cellAddress(row, index.get(field)!)}`,
  };
}

function readLedgerRow({ at, where }: CellReader): LedgerRow {
  const section = SECTION_BY_NAME.get(normalizeLabel(cellText(at("section"))));
  if (!section)
    throw new InputError(`无法识别项目“${cellText(at("section"))}”`).at(where("section"));
  const count = (field: keyof LedgerRow) => {
    const v = at(field);
    if (v === null || cellText(v) === "") return null;
    try {
      return parseCount(v as number | string);
    } catch (error) {
      throw error instanceof QuotaError ? InputError.of(error).at(where(field)) : error;
    }
  };
  const textOf = (field: keyof LedgerRow) => text(at(field));
  return {
    college: textOf("college") ?? "",
    month: dateText(at("month"), "month") ?? "",
    section,
    target: count("target"),
    done: count("done"),
    cumulative: count("cumulative"),
    file: textOf("file") ?? "",
    sha256: textOf("sha256") ?? "",
    importedAt: textOf("importedAt") ?? "",
    filer: textOf("filer"),
    filedOn: dateText(at("filedOn"), "filedOn"),
  };
}

/** A spreadsheet may have turned the month or date text into a date (Excel does, typing 2022-06). */
function dateText(v: CellValue, field: "month" | "filedOn"): string | null {
  const date =
    v instanceof Date
      ? fromDate(v)
      : typeof v === "number" && v >= SERIAL_MIN && v <= SERIAL_MAX
        ? fromSerial(v)
        : null;
  if (!date) return text(v);
  return field === "month" ? formatMonth(date) : isoDate(date);
}
