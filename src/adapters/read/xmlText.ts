/** Small, fast helpers for the few XML parts of a workbook the reader needs. */

const ATTR = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** A tag's attributes by local name (prefixes dropped: x:r and r both give r, r:id gives id). */
export function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = Object.create(null);
  ATTR.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ATTR.exec(tag))) {
    const name = m[1]!;
    const local = name.slice(name.indexOf(":") + 1);
    const value = decodeXml(m[2] ?? m[3] ?? "");
    out[local] = value;
    if (local !== name) out[name] = value;
  }
  return out;
}

/** ' r="' for r: built once, not per cell. */
const ATTRIBUTE_PATTERNS = new Map<string, string>();

/** One attribute's raw value, without building them all (for the hot path of cells). */
export function attribute(tag: string, name: string): string | null {
  let pattern = ATTRIBUTE_PATTERNS.get(name);
  if (pattern === undefined) ATTRIBUTE_PATTERNS.set(name, (pattern = ` ${name}="`));
  const at = tag.indexOf(pattern);
  if (at < 0) return null;
  const start = at + name.length + 3;
  return tag.slice(start, tag.indexOf('"', start));
}

const NAMED = new Map([
  ["lt", "<"],
  ["gt", ">"],
  ["amp", "&"],
  ["quot", '"'],
  ["apos", "'"],
]);
const OOXML_ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

function codePoint(n: number): string {
  return n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : "";
}

/** Whether text[from, to) is all digits (hex digits too when `hex`), and not empty. */
function allDigits(text: string, from: number, to: number, hex: boolean): boolean {
  if (from >= to) return false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) continue;
    if (!hex || !((c >= 97 && c <= 102) || (c >= 65 && c <= 70))) return false;
  }
  return true;
}

/** What the reference text[from, to) (between '&' and ';') stands for, or null if none. */
function entityValue(text: string, from: number, to: number): string | null {
  if (text.charCodeAt(from) !== 35 /* # */) {
    return to - from <= 4 ? (NAMED.get(text.slice(from, to)) ?? null) : null;
  }
  if (allDigits(text, from + 1, to, false)) return codePoint(Number(text.slice(from + 1, to)));
  if (text.charCodeAt(from + 1) === 120 /* x */ && allDigits(text, from + 2, to, true))
    return codePoint(parseInt(text.slice(from + 2, to), 16));
  return null;
}

/**
 * Entity and character references decoded, as /&(?:(lt|gt|amp|quot|apos)|#(\d+)|#x([0-9a-fA-F]+));/g
 * would replace them; by indexOf, each character looked at a bounded number of times.
 */
function decodeEntities(text: string): string {
  let out = "";
  let last = 0;
  let semi = -1;
  for (let at = text.indexOf("&"); at >= 0; at = text.indexOf("&", at + 1)) {
    if (semi <= at && (semi = text.indexOf(";", at + 1)) < 0) break;
    const value = entityValue(text, at + 1, semi);
    if (value === null) continue;
    out += text.slice(last, at) + value;
    last = semi + 1;
    at = semi;
  }
  return last === 0 ? text : out + text.slice(last);
}

/** XML character and entity references, and OOXML's _xHHHH_ escapes, decoded. */
export function decodeXml(text: string): string {
  let out = text;
  if (out.indexOf("&") >= 0) out = decodeEntities(out);
  if (out.indexOf("_x") >= 0)
    out = out.replace(OOXML_ESCAPE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return out;
}

const TAG_PATTERNS = new Map<string, RegExp>();

/** Every start (or empty) tag with this local name, as its text up to '>'. */
export function tagsNamed(xml: string, local: string): string[] {
  let re = TAG_PATTERNS.get(local);
  if (!re)
    TAG_PATTERNS.set(local, (re = new RegExp(`<(?:[\\w]+:)?${local}(?=[\\s/>])[^>]*>`, "g")));
  return xml.match(re) ?? [];
}

/** The concatenated text of every <t> in a fragment, leaving out phonetic runs (<rPh>). */
export function runText(fragment: string): string {
  // Most strings are one plain <t>…</t> (or <t xml:space="preserve">): its text, as the
  // expressions below would find it.
  const end = fragment.length - 4;
  const open = fragment.indexOf(">");
  if (
    open > 1 &&
    open < end &&
    fragment.startsWith("<t") &&
    (open === 2 || fragment.charCodeAt(2) === 32) &&
    fragment.indexOf("<", 1) === end &&
    fragment.startsWith("</t>", end)
  )
    return decodeXml(fragment.slice(open + 1, end));
  const body =
    fragment.indexOf("<rPh") >= 0
      ? fragment.replace(/<(\w+:)?rPh\b[\s\S]*?<\/(\w+:)?rPh>/g, "")
      : fragment;
  let out = "";
  const re = /<(?:\w+:)?t(?:\s[^>]*)?>([^<]*)<\/(?:\w+:)?t>/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(body))) out += m[1];
  return decodeXml(out);
}
