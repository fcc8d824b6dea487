import { columnLetter } from "../../core/grid";
import type { ModelCell } from "../../core/workbookModel";
import { excelValue, styleFor } from "./writeWorkbook";

/*
 * A plain row (no merge, no validation) of a streamed sheet written straight as XML, byte for
 * byte what exceljs's Row, Cell and RowXform write for it, through the writer's own styles and
 * shared strings (so every id is the one exceljs would give): the ledger of a 1,000-college
 * roll-up spent most of its writing time in exceljs's objects for each cell. The test "direct
 * rows = exceljs rows" in tests/xlsx guards an upgrade of exceljs.
 */

/** exceljs's value types (lib/doc/enums.js). */
const NULL = 0;
const NUMBER = 2;
const STRING = 3;
const FORMULA = 6;
const BOOLEAN = 9;

interface Styles {
  addStyleModel(model: object, cellType?: number): number;
}
interface SharedStrings {
  add(value: string): number;
}
/** The streaming worksheet writer's members a row goes through (checked by `directRows`). */
interface SheetInternals {
  _rows: unknown[] | null;
  _rowZero: number;
  startedData: boolean;
  readonly stream: { write(chunk: string): unknown };
  _writeColumns(): void;
  _writeOpenSheetData(): void;
}

const utils = () => require("exceljs/lib/utils/utils") as { xmlEncode(text: string): string };

function typeOf(v: unknown): number {
  if (v === null || v === undefined) return NULL;
  if (typeof v === "string") return STRING;
  if (typeof v === "number") return NUMBER;
  if (typeof v === "boolean") return BOOLEAN;
  throw new Error(`directRows: a value exceljs would not write as a plain cell: ${String(v)}`);
}

/** What a cell's XML needs: the workbook's styles and shared strings, and exceljs's escaping. */
interface CellWriter {
  readonly styles: Styles;
  readonly strings: SharedStrings;
  readonly encode: (text: string) => string;
  readonly plainStyle: (type?: number) => number;
}

// A number's text has nothing to escape (xmlEncode gives it back as it is).
const numberText = (n: unknown) => String(n);

/**
 * Styles of no look: after its first call, addStyleModel({}, type) gives the same id and adds
 * nothing (its ids are found by the style's XML), so one call per type stands for all.
 */
function plainStyles(styles: Styles): (type?: number) => number {
  const plain = new Map<number | undefined, number>();
  return (type) => {
    let id = plain.get(type);
    if (id === undefined) plain.set(type, (id = styles.addStyleModel({}, type)));
    return id;
  };
}

/** A formula cell's `<f>` and cached value, after the `<c` opening, as exceljs writes them. */
function formulaXml(k: CellWriter, formula: string, result: unknown): string {
  const f = `<f>${k.encode(formula)}</f>`;
  const effective = typeOf(result);
  if (effective === NULL) return `>${f}`;
  if (effective === STRING) return ` t="str">${f}<v>${k.encode(String(result))}</v>`;
  if (effective === NUMBER) return `>${f}<v>${numberText(result)}</v>`;
  return ` t="b">${f}<v>${result ? 1 : 0}</v>`;
}

/** One cell as exceljs's CellXform renders it ("" for a blank cell of no style). */
function cellXml(k: CellWriter, cell: ModelCell, address: string): string {
  const value = excelValue(cell) as unknown;
  const formula = cell.formula !== undefined;
  const result = formula ? (value as { result?: unknown }).result : value;
  const type = formula ? FORMULA : typeOf(value);
  const effective = formula ? typeOf(result) : type;
  const styleId = cell.style
    ? k.styles.addStyleModel(styleFor(cell.style), effective)
    : k.plainStyle(effective);
  const ssId = type === STRING ? k.strings.add(value as string) : -1;
  if (type === NULL && !styleId) return "";
  const xml = `<c r="${address}"${styleId ? ` s="${styleId}"` : ""}`;
  if (type === NULL) return `${xml}/>`;
  if (type === NUMBER) return `${xml}><v>${numberText(value)}</v></c>`;
  if (type === BOOLEAN) return `${xml} t="b"><v>${value ? "1" : "0"}</v></c>`;
  if (type === STRING) return `${xml} t="s"><v>${ssId}</v></c>`;
  return `${xml}${formulaXml(k, cell.formula!, result)}</c>`;
}

/** The row's first and last used columns (one-based) and whether any cell holds a value. */
function rowSpan(cells: readonly (ModelCell | null | undefined)[]) {
  let min = 0;
  let max = 0;
  let hasValues = false;
  for (let c = 0; c < cells.length; c++)
    if (cells[c]) {
      if (!min) min = c + 1;
      max = c + 1;
      if (cells[c]!.formula !== undefined || typeOf(excelValue(cells[c]!)) !== NULL)
        hasValues = true;
    }
  return { min, max, hasValues };
}

/** Writes plain rows of one sheet writer; `null` when its internals are not what is expected. */
export function directRows(ws: unknown, styles: Styles, strings: SharedStrings) {
  const w = ws as SheetInternals;
  for (const m of ["_writeColumns", "_writeOpenSheetData"] as const)
    if (typeof w[m] !== "function" || typeof w._rowZero !== "number") return null;
  const k: CellWriter = {
    styles,
    strings,
    encode: utils().xmlEncode,
    plainStyle: plainStyles(styles),
  };

  return {
    /** Whether row `r` (zero-based) can be written here: no row is waiting in exceljs. */
    ready: (r: number) => w._rows !== null && w._rows.length === 0 && w._rowZero === r + 1,
    /** Row `r` (zero-based) as exceljs writes it when committed. */
    write(r: number, cells: readonly (ModelCell | null | undefined)[], height?: number): void {
      if (!w.startedData) {
        w._writeColumns();
        w._writeOpenSheetData();
        w.startedData = true;
      }
      w._rowZero = r + 2;
      const number = r + 1;
      const { min, max, hasValues } = rowSpan(cells);
      if (!hasValues && !height) return;
      // As RowXform.prepare: the row's own (empty) style first, then each cell's.
      const rowStyle = k.plainStyle(undefined);
      let body = "";
      for (let c = 0; c < cells.length; c++)
        if (cells[c]) body += cellXml(k, cells[c]!, `${columnLetter(c)}${number}`);
      let xml = `<row r="${number}"`;
      if (height) xml += ` ht="${numberText(height)}" customHeight="1"`;
      if (min > 0 && max > 0) xml += ` spans="${min}:${max}"`;
      if (rowStyle) xml += ` s="${rowStyle}" customFormat="1"`;
      xml += ' x14ac:dyDescent="0.25"';
      w.stream.write(body ? `${xml}>${body}</row>` : `${xml}/>`);
    },
  };
}
