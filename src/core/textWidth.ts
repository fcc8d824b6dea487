/**
 * A text width model for laying out printed sheets, in Excel's column-width unit (the width of
 * a digit "0" of the workbook's default 11 pt font). A CJK character or full-width punctuation
 * at 11 pt is about two digits wide; Latin letters, digits and ASCII punctuation about one.
 * The figures are rounded up so that what fits here fits in Excel, WPS and LibreOffice
 * (whose fallback CJK fonts are a little wider than Microsoft YaHei).
 */

/** ASCII widths by code: control characters none, wide letters and signs 1.4, the rest 1.15. */
const ASCII_WIDTHS = Array.from({ length: 0x7f }, (_, code) =>
  code < 0x20 ? 0 : /[A-Z%@&#WMmw]/.test(String.fromCharCode(code)) ? 1.4 : 1.15
);

/** Width of one character at 11 pt, in digit widths. */
export function charWidth(ch: string): number {
  const code = ch.codePointAt(0) ?? 0;
  if (code < 0x7f) return ASCII_WIDTHS[code]!;
  // Latin-1, Greek, general punctuation (“ ” … ‰): narrow.
  if (code < 0x2e80 && !(code >= 0x2460 && code <= 0x27bf)) return 1.2;
  return 2.2;
}

/** Extra width for bold type. */
const BOLD = 1.06;

/** charWidth summed over the text's characters, left to right (a surrogate pair is one character). */
function unitWidth(text: string): number {
  let width = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x7f) width += ASCII_WIDTHS[code]!;
    else if (code < 0x2e80 && !(code >= 0x2460 && code <= 0x27bf)) width += 1.2;
    else {
      width += 2.2;
      const next = text.charCodeAt(i + 1);
      if (code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) i++;
    }
  }
  return width;
}

/** The width of one line of text at `size` pt, in digit widths. */
export function textWidth(text: string, size = 11, bold = false): number {
  return (unitWidth(text) * size * (bold ? BOLD : 1)) / 11;
}

/** Characters a line must not start with (closing punctuation: no orphaned "）"). */
const NO_LINE_START = /[）)》」』】〕，。、；：！？%,.;:!?]/u;

/** charWidth of the code point at `code` (a surrogate pair's high half stands for the pair). */
const codeWidth = (code: number): number =>
  code < 0x7f
    ? ASCII_WIDTHS[code]!
    : code < 0x2e80 && !(code >= 0x2460 && code <= 0x27bf)
      ? 1.2
      : 2.2;

/** Code units of the character starting at i: 2 for a surrogate pair, else 1 (as Array.from splits). */
function charLength(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code < 0xd800 || code > 0xdbff) return 1;
  const next = text.charCodeAt(i + 1);
  return next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
}

/** A printable ASCII character (Latin words, digits, signs). */
const isLatin = (code: number) => code >= 0x21 && code <= 0x7e;

/**
 * The lines text takes when wrapped to `width` digit widths (explicit line breaks kept; a CJK
 * line breaks between any two characters, a Latin word only at spaces unless it is too long;
 * closing punctuation stays with the character before it).
 */
export function wrapText(text: string, width: number, size = 11, bold = false): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) wrapParagraph(paragraph, width, size, bold, lines);
  return lines;
}

/**
 * One paragraph's lines, walked by offsets into it (no array per character): a line is
 * paragraph[start, i), `last` the offset of its last character.
 */
function wrapParagraph(
  paragraph: string,
  width: number,
  size: number,
  bold: boolean,
  lines: string[]
) {
  const scale = (size * (bold ? BOLD : 1)) / 11;
  let start = 0;
  let last = -1;
  let used = 0;
  for (let i = 0; i < paragraph.length;) {
    const code = paragraph.charCodeAt(i);
    // ASCII without calls: a ledger wraps thousands of SHA-256s once each, mostly before V8 optimizes.
    const length = code < 0x7f ? 1 : charLength(paragraph, i);
    const w = (code < 0x7f ? ASCII_WIDTHS[code]! : codeWidth(paragraph.codePointAt(i)!)) * scale;
    if (i === start || used + w <= width) {
      used += w;
      last = i;
      i += length;
      continue;
    }
    const from = breakPoint(paragraph, start, last, i, length);
    lines.push(paragraph.slice(start, from));
    start = from;
    last = i;
    i += length;
    used = textWidth(paragraph.slice(start, i), size, bold);
  }
  lines.push(paragraph.slice(start));
}

/**
 * Where a full line (paragraph[start, next), last character at `last`) breaks before the
 * character at `next`: keep closing punctuation and Latin words whole.
 */
function breakPoint(paragraph: string, start: number, last: number, next: number, length: number) {
  if (last > start && NO_LINE_START.test(paragraph.slice(next, next + length))) return last;
  if (isLatin(paragraph.charCodeAt(next)) && isLatin(paragraph.charCodeAt(last))) {
    const space = paragraph.lastIndexOf(" ", next - 1);
    if (space > start) return space + 1;
  }
  return next;
}

/** Height of one line of text at `size` pt, in points. */
export const lineHeight = (size = 11): number => Math.ceil(size * 1.45);

/** Padding of a cell: digit widths left and right, points above and below. */
export const CELL_PADDING = { width: 1.5, height: 5 } as const;

/** The row height (points) that shows `lines` lines at `size` pt. */
export const heightForLines = (lines: number, size = 11): number =>
  lines * lineHeight(size) + CELL_PADDING.height;

/** The column width (digit widths) that shows the longest line of `text` unwrapped. */
export function widthForText(text: string, size = 11, bold = false): number {
  const longest = text.includes("\n")
    ? Math.max(0, ...text.split("\n").map((line) => textWidth(line, size, bold)))
    : Math.max(0, textWidth(text, size, bold));
  return Math.ceil(longest + CELL_PADDING.width);
}
