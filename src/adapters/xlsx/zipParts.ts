import type JSZip from "jszip";
import { NS, escapeXml } from "./chartXml";

/* Reading and adding parts of an opened .xlsx zip (for the parts exceljs does not write). */

/** A relationship target resolved against the part it belongs to (OPC part names, no leading /). */
export function resolveTarget(part: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const path = part.slice(0, part.lastIndexOf("/") + 1).split("/");
  path.pop();
  for (const step of target.split("/")) {
    if (step === "..") path.pop();
    else if (step !== ".") path.push(step);
  }
  return path.join("/");
}

/** The .rels part of a part: xl/worksheets/sheet1.xml → xl/worksheets/_rels/sheet1.xml.rels. */
export const relsOf = (part: string) => {
  const at = part.lastIndexOf("/") + 1;
  return `${part.slice(0, at)}_rels/${part.slice(at)}.rels`;
};

/** Writes a part (no folder entries: an OPC package has parts only). */
export function put(zip: JSZip, path: string, text: string): void {
  zip.file(path, text, { createFolders: false });
}

export async function read(zip: JSZip, path: string): Promise<string> {
  const file = zip.file(path);
  if (!file) throw new Error(`xlsx: no ${path}`);
  return file.async("string");
}

export const attr = (xml: string, name: string) =>
  new RegExp(`\\b${name}="([^"]*)"`).exec(xml)?.[1];

/** Every start (or empty) tag of this name, as its text up to '>'. */
export const tagsOf = (xml: string, tag: string) =>
  [...xml.matchAll(new RegExp(`<${tag}\\b[^>]*>`, "g"))].map((m) => m[0]);

/** The five predefined entities decoded (attribute values of package parts). */
export const unescapeXml = (text: string) =>
  text
    .replace(/&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

/** A .rels part's relationships: [id, type, resolved target, the tag] (internal ones only). */
export function internalRels(part: string, relsXml: string): [string, string, string, string][] {
  return tagsOf(relsXml, "Relationship")
    .filter((tag) => attr(tag, "TargetMode") !== "External")
    .map((tag) => [
      attr(tag, "Id") ?? "",
      attr(tag, "Type") ?? "",
      resolveTarget(part, unescapeXml(attr(tag, "Target") ?? "")),
      tag,
    ]);
}

/** The sheet's part (xl/worksheets/sheetN.xml) by its name, through workbook.xml and its rels. */
export async function sheetPath(zip: JSZip, sheetName: string): Promise<string> {
  const workbook = await read(zip, "xl/workbook.xml");
  const sheet = [...workbook.matchAll(/<sheet\b[^>]*>/g)]
    .map((m) => m[0])
    .find((tag) => attr(tag, "name") === escapeXml(sheetName));
  const id = sheet && /\br:id="([^"]+)"/.exec(sheet)?.[1];
  if (!id) throw new Error(`xlsx: no sheet “${sheetName}”`);
  const rels = await read(zip, "xl/_rels/workbook.xml.rels");
  const rel = [...rels.matchAll(/<Relationship\b[^>]*>/g)]
    .map((m) => m[0])
    .find((tag) => attr(tag, "Id") === id);
  const target = rel && attr(rel, "Target");
  if (!target) throw new Error(`xlsx: no part for sheet “${sheetName}”`);
  return target.startsWith("/") ? target.slice(1) : `xl/${target}`;
}

/** The first free number N for a part named `${prefix}N.xml`. */
export const freeNumber = (zip: JSZip, prefix: string) => {
  let n = 1;
  while (zip.file(`${prefix}${n}.xml`)) n++;
  return n;
};

/** Adds a relationship to a .rels part (made when missing) and returns its id. */
export async function addRelationship(zip: JSZip, path: string, type: string, target: string) {
  const existing = zip.file(path) ? await read(zip, path) : null;
  const xml =
    existing ??
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.rel}"></Relationships>`;
  let n = 1;
  while (xml.includes(`Id="rIdChart${n}"`)) n++;
  const id = `rIdChart${n}`;
  const rel = `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`;
  put(zip, path, xml.replace(/<\/Relationships>\s*$/, `${rel}</Relationships>`));
  return id;
}

/**
 * CT_Worksheet's top-level elements that come before <drawing>, last first: it goes right after
 * the last of them present (they occur only at the top level, unlike <extLst>).
 */
export const BEFORE_DRAWING = [
  "smartTags",
  "ignoredErrors",
  "cellWatches",
  "customProperties",
  "colBreaks",
  "rowBreaks",
  "headerFooter",
  "pageSetup",
  "pageMargins",
  "printOptions",
];

/** The index just after an element's end (self-closed or closed), or -1. */
export function endOf(xml: string, tag: string): number {
  const open = new RegExp(`<${tag}\\b[^>]*?(/?)>`).exec(xml);
  if (!open) return -1;
  if (open[1] === "/") return open.index + open[0].length;
  const close = xml.indexOf(`</${tag}>`, open.index);
  return close < 0 ? -1 : close + tag.length + 3;
}

/**
 * The sheet XML with <drawing r:id> in its place (and the r namespace declared), and a page
 * break before `breakBefore` (zero-based row) so that the chart prints whole on a page of its own.
 */
export function withDrawing(sheetXml: string, relId: string, breakBefore?: number): string {
  if (/<drawing\b/.test(sheetXml)) throw new Error("xlsx: the sheet already has a drawing");
  let xml = sheetXml;
  const root = /<worksheet\b[^>]*>/.exec(xml)![0];
  if (!root.includes(`xmlns:r="${NS.r}"`))
    xml = xml.replace(root, root.replace(/>$/, ` xmlns:r="${NS.r}">`));
  const at = BEFORE_DRAWING.map((tag) => endOf(xml, tag)).find((i) => i >= 0);
  if (at === undefined) throw new Error("xlsx: a worksheet without <pageMargins>");
  return `${xml.slice(0, at)}${rowBreak(xml, breakBefore)}<drawing r:id="${relId}"/>${xml.slice(at)}`;
}

/**
 * The <rowBreaks> that puts a page break before `breakBefore` (zero-based row), to go right
 * before <drawing>; empty when the sheet has breaks already, or an element that comes between.
 */
export function rowBreak(sheetXml: string, breakBefore: number | undefined): string {
  if (breakBefore === undefined || breakBefore <= 0 || /<rowBreaks\b/.test(sheetXml)) return "";
  // rowBreaks comes after headerFooter: only when nothing after it (colBreaks …) is there.
  if (/<(colBreaks|customProperties|cellWatches|ignoredErrors|smartTags)\b/.test(sheetXml))
    return "";
  return `<rowBreaks count="1" manualBreakCount="1"><brk id="${breakBefore}" max="16383" man="1"/></rowBreaks>`;
}

export async function addContentTypes(zip: JSZip, parts: [string, string][]): Promise<void> {
  const path = "[Content_Types].xml";
  const overrides = parts
    .map(([part, type]) => `<Override PartName="/${part}" ContentType="${type}"/>`)
    .join("");
  put(zip, path, (await read(zip, path)).replace(/<\/Types>\s*$/, `${overrides}</Types>`));
}
