import { CELL_STYLES } from "../../core/cellStyles";
import type { CellStyleName } from "../../core/workbookModel";
import { styleFor } from "./writeWorkbook";
import { xmlText } from "./xmlText";

/*
 * styles.xml of a new workbook: one cell format (xf) per named style, drawn from the same style
 * objects exceljs is given (styleFor), as exceljs writes them, so a cell reads back alike.
 */

type Style = ReturnType<typeof styleFor>;
type Color = { argb?: string };

/** Excel's built-in number formats (no <numFmt> needed for them). */
const BUILT_IN_FORMATS: Readonly<Record<string, number>> = {
  General: 0,
  "0": 1,
  "0.00": 2,
  "#,##0": 3,
  "#,##0.00": 4,
  "0%": 9,
  "0.00%": 10,
  "0.00E+00": 11,
  "@": 49,
};

/** The workbook's default font, as exceljs writes it (Calibri 11 of the theme's text colour). */
const DEFAULT_FONT =
  '<font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>';
const NO_BORDER = "<border><left/><right/><top/><bottom/><diagonal/></border>";
const BASE_FILLS = [
  '<fill><patternFill patternType="none"/></fill>',
  '<fill><patternFill patternType="gray125"/></fill>',
];

const colorXml = (color: Color | undefined) =>
  color?.argb ? `<color rgb="${xmlText(color.argb)}"/>` : "";

function fontXml(font: Style["font"]): string {
  if (!font) return DEFAULT_FONT;
  const bold = font.bold ? "<b/>" : "";
  const size = font.size !== undefined ? `<sz val="${font.size}"/>` : "";
  const name = font.name ? `<name val="${xmlText(font.name)}"/>` : "";
  return `<font>${bold}${colorXml(font.color as Color)}${size}${name}</font>`;
}

function fillXml(fill: Style["fill"]): string | null {
  if (!fill || fill.type !== "pattern") return null;
  const fg = colorXml(fill.fgColor as Color).replace("<color", "<fgColor");
  return `<fill><patternFill patternType="${fill.pattern}">${fg}</patternFill></fill>`;
}

function borderXml(border: Style["border"]): string {
  if (!border) return NO_BORDER;
  const side = (tag: string, edge: { style?: string; color?: Color } | undefined) =>
    edge?.style ? `<${tag} style="${edge.style}">${colorXml(edge.color)}</${tag}>` : `<${tag}/>`;
  return `<border>${side("left", border.left)}${side("right", border.right)}${side(
    "top",
    border.top
  )}${side("bottom", border.bottom)}<diagonal/></border>`;
}

function alignmentXml(alignment: Style["alignment"]): string {
  if (!alignment) return "";
  const vertical = alignment.vertical === "middle" ? "center" : alignment.vertical;
  const attrs = [
    alignment.horizontal ? ` horizontal="${alignment.horizontal}"` : "",
    vertical ? ` vertical="${vertical}"` : "",
    alignment.wrapText ? ' wrapText="1"' : "",
  ].join("");
  return attrs ? `<alignment${attrs}/>` : "";
}

/** The index of `xml` in `list`, added when new (fonts, fills, borders are shared by formats). */
function indexIn(list: string[], xml: string): number {
  const at = list.indexOf(xml);
  return at >= 0 ? at : list.push(xml) - 1;
}

interface Tables {
  readonly fonts: string[];
  readonly fills: string[];
  readonly borders: string[];
  readonly formats: string[];
}

/** One cell format (<xf>) of a style, its font, fill, border and number format added to the tables. */
function xfXml(style: Style, t: Tables): string {
  const fontId = style.font ? indexIn(t.fonts, fontXml(style.font)) : 0;
  const fill = fillXml(style.fill);
  const fillId = fill ? indexIn(t.fills, fill) : 0;
  const borderId = style.border ? indexIn(t.borders, borderXml(style.border)) : 0;
  let numFmtId = 0;
  if (style.numFmt)
    numFmtId = BUILT_IN_FORMATS[style.numFmt] ?? 164 + indexIn(t.formats, style.numFmt);
  const align = alignmentXml(style.alignment);
  const applies = [
    numFmtId ? ' applyNumberFormat="1"' : "",
    fontId ? ' applyFont="1"' : "",
    fillId ? ' applyFill="1"' : "",
    borderId ? ' applyBorder="1"' : "",
    align ? ' applyAlignment="1"' : "",
  ].join("");
  const head = `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"${applies}`;
  return align ? `${head}>${align}</xf>` : `${head}/>`;
}

const listXml = (tag: string, items: readonly string[]) =>
  `<${tag} count="${items.length}">${items.join("")}</${tag}>`;

/** The styles part and each named style's cell format index (0 is the default format). */
export interface LeanStyles {
  readonly xml: string;
  readonly ids: Readonly<Record<CellStyleName, number>>;
}

/** styles.xml with every named style of CELL_STYLES (one table for all workbooks). */
export function leanStyles(): LeanStyles {
  const t: Tables = {
    fonts: [DEFAULT_FONT],
    fills: [...BASE_FILLS],
    borders: [NO_BORDER],
    formats: [],
  };
  const xfs = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
  const ids = {} as Record<CellStyleName, number>;
  for (const name of Object.keys(CELL_STYLES) as CellStyleName[])
    ids[name] = xfs.push(xfXml(styleFor(name), t)) - 1;
  const numFmts = t.formats.map(
    (code, i) => `<numFmt numFmtId="${164 + i}" formatCode="${xmlText(code)}"/>`
  );
  const xml =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
    (numFmts.length ? listXml("numFmts", numFmts) : "") +
    listXml("fonts", t.fonts) +
    listXml("fills", t.fills) +
    listXml("borders", t.borders) +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    listXml("cellXfs", xfs) +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
    '<dxfs count="0"/><tableStyles count="0"/></styleSheet>';
  return { xml, ids };
}
