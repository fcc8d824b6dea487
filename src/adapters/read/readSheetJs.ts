import { InputError } from "../../core/errors";
import type { CellInfo, CellValue, SheetState } from "../../core/grid";
import { READ_LIMITS, overLimit } from "./limits";
import { isDateFormat, serialDate } from "./numberFormats";
import { CellBudget, SheetBuilder } from "./sheetBuilder";
import type { SheetJsModule } from "./sheetJsModule";
import type { WorkbookData } from "./workbookData";

type SheetJsCell = import("@e965/xlsx").CellObject;
type SheetJsBook = import("@e965/xlsx").WorkBook;

const STATES: SheetState[] = ["visible", "hidden", "veryHidden"];

function valueOf(cell: SheetJsCell, date1904: boolean): CellValue {
  const v = cell.v;
  if (v === undefined || v === null) return null;
  if (typeof v === "number" && cell.z !== undefined && isDateFormat(-1, String(cell.z)))
    return serialDate(v, date1904);
  if (cell.t === "e") return cell.w ?? String(v);
  return v;
}

function infoOf(cell: SheetJsCell): CellInfo | undefined {
  const format = cell.z === undefined || cell.z === "General" ? undefined : String(cell.z);
  if (cell.f !== undefined)
    return {
      formula: true,
      noCachedValue: cell.v === undefined,
      numberFormat: format,
      formulaText: cell.f,
    };
  if (format && typeof cell.v === "number") return { formula: false, numberFormat: format };
  return undefined;
}

/** SheetJS writes its doubts (an ODS number format) to the console; a person's terminal is not the place. */
function quietly<T>(run: () => T): T {
  const { error, warn, log } = console;
  console.error = console.warn = console.log = () => undefined;
  try {
    return run();
  } finally {
    Object.assign(console, { error, warn, log });
  }
}

function parse(xlsx: SheetJsModule, bytes: Uint8Array, format: "xls" | "ods"): SheetJsBook {
  try {
    return quietly(() =>
      xlsx.read(bytes, {
        type: "array",
        dense: true,
        cellFormula: true,
        cellNF: true,
        cellDates: false,
        cellStyles: false,
        WTF: false,
      })
    );
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    if (/password|encrypt/i.test(why))
      throw new InputError("工作簿已加密（设置了打开密码），请取消密码后再试");
    throw new InputError(
      format === "xls"
        ? "无法读取 .xls/.et 工作簿，文件可能已损坏或设置了打开密码"
        : "无法读取 .ods 表格，文件可能已损坏"
    );
  }
}

/** An .xls/.et (BIFF) or .ods file through SheetJS, walked sparsely into the same shape as .xlsx. */
export function readSheetJs(
  xlsx: SheetJsModule,
  bytes: Uint8Array,
  format: "xls" | "ods"
): WorkbookData {
  const book = parse(xlsx, bytes, format);
  if (book.SheetNames.length === 0) throw new InputError("工作簿中没有工作表");
  if (book.SheetNames.length > READ_LIMITS.sheets)
    throw overLimit(`工作表超过 ${READ_LIMITS.sheets} 张`);
  const date1904 = Boolean(book.Workbook?.WBProps?.date1904);
  const budget = new CellBudget();
  const sheets = book.SheetNames.map((name, i) => {
    const ws = book.Sheets[name];
    const builder = new SheetBuilder(
      name,
      STATES[book.Workbook?.Sheets?.[i]?.Hidden ?? 0] ?? "visible",
      budget
    );
    const data = (ws?.["!data"] ?? []) as SheetJsCell[][];
    for (const r in data) {
      const row = data[r];
      if (row)
        for (const c in row) {
          const cell = row[c];
          if (cell) builder.set(Number(r), Number(c), valueOf(cell, date1904), infoOf(cell));
        }
    }
    for (const m of ws?.["!merges"] ?? []) builder.merges.push(xlsx.utils.encode_range(m));
    return builder.grid(false);
  });
  const definedNames = (book.Workbook?.Names ?? []).map((n) => ({
    name: n.Name,
    ref: n.Ref,
    localSheet: n.Sheet === undefined ? null : (book.SheetNames[n.Sheet] ?? null),
    hidden: Boolean((n as { Hidden?: boolean }).Hidden),
  }));
  return { format, sheets, definedNames };
}
