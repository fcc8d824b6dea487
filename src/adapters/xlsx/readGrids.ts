import type { CellValue, Grid } from "../../core/grid";
import { InputError } from "../../core/errors";
import { readWorkbookData } from "../read/readWorkbookData";
import { sniffFormat } from "../read/sniffFormat";
import type { ExcelModule, ExcelWorkbook, ExcelWorksheet } from "./excelModule";

export type FileKind = "xlsx" | "csv";

/** What the bytes are, judged by their content first and the name second (for writing into: .xlsx only). */
export function sniffFile(bytes: Uint8Array, fileName: string): FileKind {
  const format = sniffFormat(bytes, fileName);
  if (format === "cfb")
    throw new InputError(
      "这是 .xls/.et 文件（或已设置打开密码的工作簿），不能写入；请在 Excel/WPS 中另存为 .xlsx 后再试"
    );
  return format === "zip" ? "xlsx" : "csv";
}

/**
 * The sheets of an .xlsx, .xls, .et, .ods or .csv file as sparse grids of values (cached results
 * for formulas), every sheet with its visibility and cell facts. The format is told by content;
 * the work is bounded (src/adapters/read/limits.ts). `excel` is no longer needed to read and is
 * kept so callers stay as they are.
 */
export async function readGrids(
  excel: ExcelModule | null,
  bytes: Uint8Array,
  fileName: string
): Promise<Grid[]> {
  void excel;
  return [...(await readWorkbookData(bytes, fileName)).sheets];
}

/** The .xlsx bytes as an exceljs workbook; a corrupt file or one without sheets is an InputError. */
export async function loadWorkbook(excel: ExcelModule, bytes: Uint8Array): Promise<ExcelWorkbook> {
  const workbook = new excel.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    // Only exceljs's parser runs in this try, and what it throws for bytes it cannot read has no
    // type of its own (TypeError, JSZip's and sax's Errors): all of it means the file is wrong.
    // Its words ("Cannot read properties of undefined (reading 'model')") mean nothing to a person.
    throw new InputError("无法读取工作簿，文件可能已损坏，或不是 Excel 能打开的 .xlsx");
  }
  if (workbook.worksheets.length === 0) throw new InputError("工作簿中没有工作表");
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
    if (values.length <= 1024)
      for (let i = 0; i < values.length; i++) if (values[i] === undefined) values[i] = null;
    rows[rowNumber - 1] = values;
  });
  for (let i = 0; i < rows.length; i++) if (rows[i] === undefined) rows[i] = [];
  return {
    name: sheet.name,
    rows,
    state: sheet.state === "hidden" || sheet.state === "veryHidden" ? sheet.state : "visible",
  };
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
