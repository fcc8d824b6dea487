import { memoByText } from "./memo";

const WIDE = /[\uFF01-\uFF5E\u3000]/;

/** Folds full-width ASCII (０-９, ％, ：…) to half-width, and the ideographic space to a space. */
export function toHalfWidth(text: string): string {
  if (!WIDE.test(text)) return text;
  let out = "";
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const half = code >= 0xff01 && code <= 0xff5e ? code - 0xfee0 : code === 0x3000 ? 0x20 : -1;
    if (half < 0) continue;
    out += text.slice(from, i) + String.fromCharCode(half);
    from = i + 1;
  }
  return out + text.slice(from);
}

const SPACES = /\s+/g;
const TRAILING_COLONS = /[:]+$/;

/** A label as compared: half-width, no white space or line breaks, no trailing colon. */
export const normalizeLabel: (text: string) => string = memoByText((text) =>
  toHalfWidth(text).replace(SPACES, "").replace(TRAILING_COLONS, "")
);
