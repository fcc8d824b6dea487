const WIDE = /[\uFF01-\uFF5E\u3000]/;

/** Folds full-width ASCII (０-９, ％, ：…) to half-width, and the ideographic space to a space. */
export function toHalfWidth(text: string): string {
  if (!WIDE.test(text)) return text;
  return text
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, " ");
}

/** A label as compared: half-width, no white space or line breaks, no trailing colon. */
export function normalizeLabel(text: string): string {
  return toHalfWidth(text).replace(/\s+/g, "").replace(/[:]+$/, "");
}
