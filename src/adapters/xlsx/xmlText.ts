// Control characters are what is looked for here (the lint rule takes them for a slip).
// eslint-disable-next-line no-control-regex
const SPECIAL = /[&<>"\x00-\x08\x0B\x0C\x0E-\x1F\x7F\uFFFE\uFFFF]/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F\uFFFE\uFFFF]/g;

/**
 * The text without the characters XML 1.0 cannot hold (control characters, U+FFFE, U+FFFF): one
 * of them in a college's name made a workbook exceljs refuses and LibreOffice opens blank.
 */
export const xmlSafe = (text: string): string => text.replace(CONTROL, "");

/**
 * Text for XML content or a double-quoted attribute: the four special characters escaped and the
 * characters XML 1.0 cannot hold dropped (see xmlSafe). The apostrophe is left as it
 * is, so a sheet name reads the same as chartXml's escapeXml makes it (zipParts' sheetPath).
 */
export function xmlText(text: string): string {
  // Most text has nothing to escape: no new string for it.
  if (!SPECIAL.test(text)) return text;
  return text
    .replace(CONTROL, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}
