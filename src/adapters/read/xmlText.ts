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

/** One attribute's raw value, without building them all (for the hot path of cells). */
export function attribute(tag: string, name: string): string | null {
  const at = tag.indexOf(` ${name}="`);
  if (at < 0) return null;
  const start = at + name.length + 3;
  return tag.slice(start, tag.indexOf('"', start));
}

const ENTITY = /&(?:(lt|gt|amp|quot|apos)|#(\d+)|#x([0-9a-fA-F]+));/g;
const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };
const OOXML_ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

function codePoint(n: number): string {
  return n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : "";
}

/** XML character and entity references, and OOXML's _xHHHH_ escapes, decoded. */
export function decodeXml(text: string): string {
  let out = text;
  if (out.indexOf("&") >= 0)
    out = out.replace(ENTITY, (_, named: string, dec: string, hex: string) =>
      named ? NAMED[named]! : codePoint(dec ? Number(dec) : parseInt(hex, 16))
    );
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
