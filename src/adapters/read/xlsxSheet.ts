import { parseAddress } from "../../core/grid";
import type { CellInfo, CellValue } from "../../core/grid";
import { serialDate } from "./numberFormats";
import type { SheetBuilder } from "./sheetBuilder";
import type { CellStyle } from "./xlsxParts";
import { attribute, decodeXml, runText, tagsNamed, attributes } from "./xmlText";

export interface SheetContext {
  readonly strings: readonly string[];
  readonly styles: readonly CellStyle[];
  readonly date1904: boolean;
}

const ROW = /<(?:x:)?row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:x:)?row>)/g;
const CELL = /<(?:x:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:x:)?c>)/g;
const VALUE = /<(?:x:)?v(?:\s[^>]*)?>([^<]*)<\/(?:x:)?v>/;
const FORMULA = /<(?:x:)?f[\s/>]/;
const FORMULA_TEXT = /<(?:x:)?f(?:\s[^>]*)?>([^<]*)<\/(?:x:)?f>/;

function columnOf(ref: string): number {
  let column = 0;
  for (let i = 0; i < ref.length; i++) {
    const ch = ref.charCodeAt(i);
    if (ch < 65 || ch > 90) break;
    column = column * 26 + (ch - 64);
  }
  return column - 1;
}

/** A cell's value from its type, raw <v> text and style. */
function cellValue(
  type: string | null,
  raw: string | undefined,
  body: string,
  style: CellStyle | undefined,
  ctx: SheetContext
): CellValue {
  if (type === "inlineStr") return runText(body);
  if (raw === undefined) return null;
  switch (type) {
    case "s":
      return ctx.strings[Number(raw)] ?? "";
    case "str":
    case "e":
      return decodeXml(raw);
    case "b":
      return raw.trim() === "1" || raw.trim() === "true";
    case "d": {
      const date = new Date(raw);
      return Number.isNaN(date.getTime()) ? decodeXml(raw) : date;
    }
    default: {
      const n = Number(raw);
      if (raw.trim() === "" || Number.isNaN(n)) return decodeXml(raw);
      return style?.isDate ? serialDate(n, ctx.date1904) : n;
    }
  }
}

/** The raw value of a body that is exactly <v>…</v> (most cells): no expression needed. */
function valueOnly(body: string): string | undefined {
  const end = body.length - 4;
  if (end < 3 || !body.startsWith("<v>") || body.indexOf("<", 3) !== end) return undefined;
  return body.startsWith("</v>", end) ? body.slice(3, end) : undefined;
}

/** One cell as read: `only` is the raw value when known without the body, `formula` the
 * formula's text when known (undefined: none), or null when the body must be looked at. */
interface CellParts {
  type: string | null;
  styleIndex: string | null;
  body: string;
  only: string | undefined;
  formula: string | undefined | null;
}

/** Sets a cell from its type and style attributes and its body (or what is known of it). */
function setCell(
  builder: SheetBuilder,
  cell: CellParts,
  row: number,
  column: number,
  ctx: SheetContext
): void {
  const { type, styleIndex, body, only } = cell;
  const known = cell.formula;
  const style = styleIndex === null ? undefined : ctx.styles[Number(styleIndex)];
  const raw = only ?? (body ? VALUE.exec(body)?.[1] : undefined);
  const value = cellValue(type, raw, body, style, ctx);
  const formula =
    known === null ? only === undefined && body !== "" && FORMULA.test(body) : known !== undefined;
  let info: CellInfo | undefined;
  if (formula) {
    const text = known === null ? FORMULA_TEXT.exec(body)?.[1] : known;
    info = {
      formula: true,
      noCachedValue: raw === undefined,
      numberFormat: style?.format,
      formulaText: text ? decodeXml(text) : undefined,
    };
  } else if (style?.format && typeof value === "number")
    info = style.plain ?? { formula: false, numberFormat: style.format };
  builder.set(row, column, value, info);
}

/** One cell's parts, reused from cell to cell. */
const parts: CellParts = { type: null, styleIndex: null, body: "", only: "", formula: null };

/**
 * The common cell, r then s then t, empty or holding one plain <v>, or a plain <f> and maybe a
 * plain <v>: read by one sticky expression. Where it matches, CELL would match there too, with
 * the same attributes and body, and VALUE, FORMULA and FORMULA_TEXT find what its groups hold.
 */
const PLAIN_CELL =
  /<c r="([A-Z]+)\d+"(?: s="([^">]*)")?(?: t="([^">]*)")?(?:\/>|><v>([^<]*)<\/v><\/c>|><f>([^<]*)<\/f>(?:<v>([^<]*)<\/v>)?<\/c>)/y;

/** Reads the cells of one row's body. */
function readCells(cells: string, builder: SheetBuilder, row: number, ctx: SheetContext): void {
  let column = -1;
  for (let at = 0; at < cells.length;) {
    PLAIN_CELL.lastIndex = at;
    const plain = PLAIN_CELL.exec(cells);
    if (plain) {
      column = columnOf(plain[1]!);
      parts.type = plain[3] ?? null;
      parts.styleIndex = plain[2] ?? null;
      parts.body = "";
      parts.only = plain[4] ?? plain[6];
      parts.formula = plain[5];
      setCell(builder, parts, row, column, ctx);
      at = PLAIN_CELL.lastIndex;
      continue;
    }
    CELL.lastIndex = at;
    const c = CELL.exec(cells);
    if (!c) return;
    const tag = c[1]!;
    const ref = attribute(tag, "r");
    column = ref === null ? column + 1 : columnOf(ref);
    parts.type = attribute(tag, "t");
    parts.styleIndex = attribute(tag, "s");
    parts.body = c[2] ?? "";
    parts.only = valueOnly(parts.body);
    parts.formula = null;
    setCell(builder, parts, row, column, ctx);
    at = CELL.lastIndex;
  }
}

/** Reads the rows of a piece of <sheetData> holding whole rows; returns the last row's index. */
function readRows(
  data: string,
  builder: SheetBuilder,
  ctx: SheetContext,
  previousRow: number
): number {
  let row = previousRow;
  ROW.lastIndex = 0;
  let r: RegExpExecArray | null;
  while ((r = ROW.exec(data))) {
    const rowNumber = attribute(r[1]!, "r");
    row = rowNumber === null ? row + 1 : Number(rowNumber) - 1;
    const cells = r[2];
    if (cells) readCells(cells, builder, row, ctx);
  }
  return row;
}

function mergeRefs(tail: string): string[] {
  const refs: string[] = [];
  for (const tag of tagsNamed(tail, "mergeCell")) {
    const ref = attributes(tag).ref;
    if (ref && /^[A-Z]+\d+(:[A-Z]+\d+)?$/i.test(ref)) {
      parseAddress(ref.split(":")[0]!);
      refs.push(ref.toUpperCase());
    }
  }
  return refs;
}

/**
 * Reports made from one template end alike (merges, validations, page setup): the last sheet's
 * tail and merges are kept, and the same text gives the same merges without reading it again.
 * Only for a part up to this size, as the tail kept holds its whole text.
 */
const MEMO_TAIL_UP_TO = 1 << 20;
let lastTail = "";
let lastRefs: readonly string[] = [];

function readMerges(tail: string, builder: SheetBuilder, partLength: number): void {
  if (partLength > MEMO_TAIL_UP_TO) {
    builder.merges.push(...mergeRefs(tail));
    return;
  }
  if (tail !== lastTail) {
    lastRefs = mergeRefs(tail);
    lastTail = tail;
  }
  builder.merges.push(...lastRefs);
}

/** Reads a worksheet part's cells and merges into the builder; only written cells cost memory. */
export function readSheetXml(xml: string, builder: SheetBuilder, ctx: SheetContext): void {
  const start = xml.indexOf("sheetData");
  const end = xml.lastIndexOf("sheetData");
  readRows(start < 0 ? "" : xml.slice(start, end), builder, ctx, -1);
  readMerges(end < 0 ? xml : xml.slice(end), builder, xml.length);
}

const SHEET_DATA_END = /<\/(?:x:)?sheetData>/;

/**
 * The same reading for a sheet given piece by piece (a list of a million rows): the rows read as
 * soon as they are whole, so neither the part's text nor its bytes are ever held in full.
 */
export class SheetXmlReader {
  private pending = "";
  private phase: "before" | "rows" | "tail" = "before";
  private row = -1;

  constructor(
    private readonly builder: SheetBuilder,
    private readonly ctx: SheetContext
  ) {}

  push(text: string): void {
    this.pending += text;
    if (this.phase === "before") {
      const start = this.pending.indexOf("sheetData");
      if (start < 0) {
        // Keep only what may be the start of the word, split across pieces.
        this.pending = this.pending.slice(-8);
        return;
      }
      this.pending = this.pending.slice(start);
      this.phase = "rows";
    }
    if (this.phase !== "rows") return;
    const close = SHEET_DATA_END.exec(this.pending);
    if (close) {
      this.row = readRows(this.pending.slice(0, close.index), this.builder, this.ctx, this.row);
      this.pending = this.pending.slice(close.index);
      this.phase = "tail";
      return;
    }
    // Everything before the last row's start is whole rows.
    const cut = Math.max(this.pending.lastIndexOf("<row"), this.pending.lastIndexOf("<x:row"));
    if (cut > 0) {
      this.row = readRows(this.pending.slice(0, cut), this.builder, this.ctx, this.row);
      this.pending = this.pending.slice(cut);
    }
  }

  end(): void {
    // A part with no closing tag (<sheetData/>, or cut short) is read as the whole reading would.
    if (this.phase === "rows") this.row = readRows(this.pending, this.builder, this.ctx, this.row);
    readMerges(this.pending, this.builder, Infinity);
    this.pending = "";
  }
}
