// Control characters are what is looked for here (the lint rule takes them for a slip).
// eslint-disable-next-line no-control-regex
const SPECIAL = /[&<>"\x00-\x08\x0B\x0C\x0E-\x1F\x7F]/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]/g;

/**
 * Text for XML content or a double-quoted attribute: the four special characters escaped and the
 * control characters XML 1.0 cannot hold dropped (as exceljs does). The apostrophe is left as it
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
