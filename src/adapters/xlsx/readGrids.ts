import type { CellValue, Grid } from "../../core/grid";
import { QuotaError } from "../../core/errors";
import { decodeText, parseCsv } from "../csv/parseCsv";
import type { ExcelModule, ExcelWorkbook, ExcelWorksheet } from "./excelModule";

/** A report or graduate file is a few hundred KB; anything far larger is not one of ours. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

export type FileKind = "xlsx" | "csv";

/** What the bytes are, judged by their content first and the name second. */
export function sniffFile(bytes: Uint8Array, fileName: string): FileKind {
  if (bytes.length === 0) throw new QuotaError("#VALUE!", "文件是空的");
  if (bytes.length > MAX_FILE_BYTES) {
    throw new QuotaError(
      "#VALUE!",
      `文件过大（${(bytes.length / 1048576).toFixed(1)} MB），不像是一张报表`
    );
  }
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return "xlsx";
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    throw new QuotaError(
      "#VALUE!",
      "这是旧版 .xls 文件或已设置打开密码的工作簿，无法读取；请在 Excel/WPS 中取消密码，或另存为 .xlsx 后再试"
    );
  }
  if (/\.(csv|txt)$/i.test(fileName)) return "csv";
  throw new QuotaError("#VALUE!", "不是 Excel 工作簿（.xlsx）或 CSV 文件");
}

/** The sheets of an .xlsx or .csv file as grids of values (cached results for formulas). */
export async function readGrids(
  excel: ExcelModule,
  bytes: Uint8Array,
  fileName: string
): Promise<Grid[]> {
  const kind = sniffFile(bytes, fileName);
  if (kind === "csv")
    return [parseCsv(decodeText(bytes), fileName.replace(/^.*[\\/]/, "").replace(/\.[^.]+$/, ""))];
  return (await loadWorkbook(excel, bytes)).worksheets.map(gridOf);
}

/** The .xlsx bytes as an exceljs workbook; a corrupt file or one without sheets is a QuotaError. */
export async function loadWorkbook(excel: ExcelModule, bytes: Uint8Array): Promise<ExcelWorkbook> {
  const workbook = new excel.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new QuotaError(
      "#VALUE!",
      `无法读取工作簿，文件可能已损坏（${error instanceof Error ? error.message : String(error)}）`
    );
  }
  if (workbook.worksheets.length === 0) throw new QuotaError("#VALUE!", "工作簿中没有工作表");
  return workbook;
}

export function gridOf(sheet: ExcelWorksheet): Grid {
  const rows: CellValue[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      if (cell.isMerged && cell.master !== cell) return;
      // exceljs's formula value object drops a cached result of 0; cell.result keeps it.
      values[column - 1] = cell.formula ? valueOf(cell.result) : valueOf(cell.value);
    });
    for (let i = 0; i < values.length; i++) if (values[i] === undefined) values[i] = null;
    rows[rowNumber - 1] = values;
  });
  for (let i = 0; i < rows.length; i++) if (rows[i] === undefined) rows[i] = [];
  return { name: sheet.name, rows, state: sheet.state };
}

/** exceljs's many value shapes → a plain value; a formula gives its cached result. */
export function valueOf(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean")
    return value;
  if (value instanceof Date) return value;
  if (typeof value === "object") {
    const v = value as Record<string, unknown>;
    if ("result" in v || "formula" in v || "sharedFormula" in v) return valueOf(v.result);
    if (Array.isArray(v.richText))
      return (v.richText as { text: string }[]).map((t) => t.text).join("");
    if ("text" in v) return valueOf(v.text);
    if ("error" in v) return String(v.error);
  }
  return String(value);
}
