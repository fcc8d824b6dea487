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

/**
 * The lines text takes when wrapped to `width` digit widths (explicit line breaks kept; a CJK
 * line breaks between any two characters, a Latin word only at spaces unless it is too long;
 * closing punctuation stays with the character before it).
 */
export function wrapText(text: string, width: number, size = 11, bold = false): string[] {
  const scale = (size * (bold ? BOLD : 1)) / 11;
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line: string[] = [];
    let used = 0;
    for (const ch of Array.from(paragraph)) {
      const w = charWidth(ch) * scale;
      if (line.length === 0 || used + w <= width) {
        line.push(ch);
        used += w;
        continue;
      }
      const carry = breakPoint(line, ch);
      lines.push(line.slice(0, carry).join(""));
      line = [...line.slice(carry), ch];
      used = textWidth(line.join(""), size, bold);
    }
    lines.push(line.join(""));
  }
  return lines;
}

/** Where a full line breaks before `next`: keep closing punctuation and Latin words whole. */
function breakPoint(line: readonly string[], next: string): number {
  if (NO_LINE_START.test(next) && line.length > 1) return line.length - 1;
  if (/[\x21-\x7e]/.test(next) && /[\x21-\x7e]/.test(line[line.length - 1]!)) {
    const space = line.lastIndexOf(" ");
    if (space > 0) return space + 1;
  }
  return line.length;
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
