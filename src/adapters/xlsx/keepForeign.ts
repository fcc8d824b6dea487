import type JSZip from "jszip";
import { InputError } from "../../core/errors";
import type { WorkbookModel } from "../../core/workbookModel";
import { CHART_FRAME_NAME, escapeXml, NS } from "./chartXml";
import type { ForeignContent, ForeignRoot, ForeignSheet } from "./keepForeignFind";
import { REL } from "./keepForeignFind";
import { sheetParts } from "./ourCharts";
import { BEFORE_DRAWING, attr, endOf, internalRels, put, read, relsOf, tagsOf } from "./zipParts";

/*
 * A person's drawings and comments put back, byte for byte, into a master exceljs re-saved: on
 * each sheet that is still there by name, what exceljs wrote in their place (its copy of the
 * pictures and notes) is taken out, and the master's parts are copied under free names (their
 * .rels pointed at the new names), with the sheet's <drawing>/<legacyDrawing>, its relationships
 * and content types.
 */

/** Refused: the master stays as it was (the write goes to a temp file). */
export const keepRefusal = (sheet: string, why: string) =>
  new InputError(
    `总表工作表“${sheet}”上的图表、图片或批注${why}，无法原样保留；为免丢失，未汇总，总表未改动。请把它们移到另一个工作表，再汇总`
  );

/** The path of `to` relative to the folder of `from` (both OPC part names). */
export function relativePath(from: string, to: string): string {
  const dir = from.split("/").slice(0, -1);
  const target = to.split("/");
  let common = 0;
  while (common < dir.length && common < target.length - 1 && dir[common] === target[common])
    common++;
  return [...dir.slice(common).map(() => ".."), ...target.slice(common)].join("/");
}

/** A name for a copied part: its own when free, else the next free number (image1.png → image4.png). */
function freeName(zip: JSZip, name: string, taken: ReadonlySet<string>): string {
  const free = (n: string) => !zip.file(n) && !zip.file(relsOf(n)) && !taken.has(n);
  if (free(name)) return name;
  const [, stem, , ext] = /^(.*?)(\d*)(\.[^./]*)?$/.exec(name)!;
  let n = 1;
  while (!free(`${stem}${n}${ext ?? ""}`)) n++;
  return `${stem}${n}${ext ?? ""}`;
}

async function withOverrides(zip: JSZip, remove: readonly string[], add: [string, string][]) {
  const path = "[Content_Types].xml";
  let xml = await read(zip, path);
  const gone = new Set(remove.map((p) => `/${p}`.toLowerCase()));
  for (const tag of tagsOf(xml, "Override"))
    if (gone.has((attr(tag, "PartName") ?? "").toLowerCase())) xml = xml.replace(tag, "");
  const added = add.map(([p, t]) => `<Override PartName="/${escapeXml(p)}" ContentType="${t}"/>`);
  put(zip, path, xml.replace(/<\/Types>\s*$/, `${added.join("")}</Types>`));
}

/** Every internal relationship target of the zip's .rels parts. */
async function referenced(zip: JSZip): Promise<Set<string>> {
  const targets = new Set<string>();
  for (const rels of Object.keys(zip.files).filter((n) => n.endsWith(".rels"))) {
    const part = rels.replace(/_rels\/([^/]*)\.rels$/, "$1");
    for (const [, , target] of internalRels(part, await read(zip, rels))) targets.add(target);
  }
  return targets;
}

/** Parts no longer referenced, taken out with what only they referenced (and their content types). */
async function collect(zip: JSZip, dropped: readonly string[]): Promise<void> {
  const gone: string[] = [];
  let queue = [...dropped];
  while (queue.length > 0) {
    const used = await referenced(zip);
    const next: string[] = [];
    for (const part of new Set(queue)) {
      if (used.has(part) || !zip.file(part)) continue;
      const rels = zip.file(relsOf(part)) ? await read(zip, relsOf(part)) : null;
      if (rels !== null) next.push(...internalRels(part, rels).map(([, , t]) => t));
      zip.remove(part);
      zip.remove(relsOf(part));
      gone.push(part);
    }
    queue = next;
  }
  await withOverrides(zip, gone, []);
}

const STRIPPED: Record<string, "drawing" | "legacyDrawing"> = {
  [REL.drawing]: "drawing",
  [REL.vml]: "legacyDrawing",
};

/**
 * Takes out of a written sheet what exceljs wrote for the kinds the master's parts replace (its
 * drawing of pictures; its notes and their VML): returns the parts it referred to.
 */
async function strip(zip: JSZip, sheet: string, roots: readonly ForeignRoot[]): Promise<string[]> {
  if (!zip.file(relsOf(sheet))) return [];
  const drawing = roots.some((r) => r.element === "drawing");
  const notes = roots.some((r) => r.element !== "drawing");
  let rels = await read(zip, relsOf(sheet));
  let xml = await read(zip, sheet);
  const dropped: string[] = [];
  for (const [id, type, target, tag] of internalRels(sheet, rels)) {
    const element = STRIPPED[type];
    const ofNotes = type === REL.comments || type === REL.vml;
    if (!(drawing && type === REL.drawing) && !(notes && ofNotes)) continue;
    rels = rels.replace(tag, "");
    if (element) xml = xml.replace(new RegExp(`<${element}\\b[^>]*\\br:id="${id}"[^>]*/>`), "");
    dropped.push(target);
  }
  put(zip, relsOf(sheet), rels);
  put(zip, sheet, xml);
  return dropped;
}

/** The sheet XML with <drawing> or <legacyDrawing> referring to `id`, in schema order. */
export function withElement(sheetXml: string, element: "drawing" | "legacyDrawing", id: string) {
  let xml = sheetXml;
  const root = /<worksheet\b[^>]*>/.exec(xml)![0];
  if (!root.includes(`xmlns:r="${NS.r}"`))
    xml = xml.replace(root, root.replace(/>$/, ` xmlns:r="${NS.r}">`));
  const after = element === "legacyDrawing" ? ["drawing", ...BEFORE_DRAWING] : BEFORE_DRAWING;
  const at = after.map((tag) => endOf(xml, tag)).find((i) => i >= 0);
  if (at === undefined) throw new Error("xlsx: a worksheet without <pageMargins>");
  return `${xml.slice(0, at)}<${element} r:id="${id}"/>${xml.slice(at)}`;
}

/** Adds a relationship (the .rels made when missing); returns its id. */
async function addRel(zip: JSZip, part: string, type: string, target: string): Promise<string> {
  const path = relsOf(part);
  const xml = zip.file(path)
    ? await read(zip, path)
    : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.rel}"></Relationships>`;
  let n = 1;
  while (xml.includes(`Id="rIdKeep${n}"`)) n++;
  const rel = `<Relationship Id="rIdKeep${n}" Type="${type}" Target="${escapeXml(target)}"/>`;
  put(zip, path, xml.replace(/<\/Relationships>\s*$/, `${rel}</Relationships>`));
  return `rIdKeep${n}`;
}

/** A kept part's .rels pointed at the new names of what it refers to (unchanged when they kept theirs). */
function relinked(part: string, named: string, rels: string, names: ReadonlyMap<string, string>) {
  let xml = rels;
  for (const [, , target, tag] of internalRels(part, rels)) {
    const now = names.get(target) ?? target;
    if (named === part && now === target) continue;
    xml = xml.replace(
      tag,
      tag.replace(/\bTarget="[^"]*"/, `Target="${escapeXml(relativePath(named, now))}"`)
    );
  }
  return xml;
}

/** Copies the kept parts under free names; returns master name → name in the written file. */
async function copyParts(zip: JSZip, foreign: ForeignContent): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const taken = new Set<string>();
  for (const part of foreign.parts.keys()) {
    const name = freeName(zip, part, taken);
    names.set(part, name);
    taken.add(name);
  }
  for (const [part, kept] of foreign.parts) {
    const name = names.get(part)!;
    zip.file(name, kept.bytes, { createFolders: false });
    if (kept.rels !== null) put(zip, relsOf(name), relinked(part, name, kept.rels, names));
  }
  await withOverrides(
    zip,
    [...names.values()],
    [...foreign.parts].map(([part, kept]) => [names.get(part)!, kept.type])
  );
  return names;
}

/** The sheet's roots referred to again (relationships, and <drawing>/<legacyDrawing>). */
async function attach(zip: JSZip, kept: ForeignSheet, sheet: string, names: Map<string, string>) {
  let xml = await read(zip, sheet);
  for (const root of kept.roots) {
    if (root.element !== null && new RegExp(`<${root.element}\\b`).test(xml))
      throw keepRefusal(kept.sheet, "所在的工作表由本次汇总重写并放置本工具的图表");
    const id = await addRel(zip, sheet, root.type, relativePath(sheet, names.get(root.part)!));
    if (root.element !== null) xml = withElement(xml, root.element, id);
  }
  put(zip, sheet, xml);
}

const ANCHORS = /<xdr:(twoCellAnchor|oneCellAnchor|absoluteAnchor)\b[\s\S]*?<\/xdr:\1>/g;

/** An anchor that is only our chart's frame (the name our charts are drawn under). */
const ourFrame = (anchor: string) =>
  new RegExp(`<xdr:cNvPr\\b[^>]*\\bname="${CHART_FRAME_NAME}[^"]*"`).test(anchor) &&
  /<c:chart\b/.test(anchor) &&
  !/<xdr:(pic|sp|grpSp|cxnSp|contentPart)\b/.test(anchor);

/**
 * On a sheet the roll-up rewrites, our old chart's frame taken out of the person's drawing kept
 * there (the rewrite draws a new one): the person's anchors stay as they were.
 */
async function dropOurFrames(zip: JSZip, drawing: string): Promise<void> {
  const xml = await read(zip, drawing);
  const ours = [...xml.matchAll(ANCHORS)].map((m) => m[0]).filter(ourFrame);
  if (ours.length === 0) return;
  const ids = new Set(ours.map((a) => /<c:chart\b[^>]*\br:id="([^"]+)"/.exec(a)?.[1]));
  put(
    zip,
    drawing,
    ours.reduce((x, anchor) => x.replace(anchor, ""), xml)
  );
  let rels = await read(zip, relsOf(drawing));
  const dropped: string[] = [];
  for (const [id, , target, tag] of internalRels(drawing, rels))
    if (ids.has(id)) {
      rels = rels.replace(tag, "");
      dropped.push(target);
    }
  put(zip, relsOf(drawing), rels);
  await collect(zip, dropped);
}

const rewritten = (kept: ForeignSheet, model: WorkbookModel) =>
  model.sheets.some((s) => s.name === kept.sheet || (kept.key !== undefined && s.key === kept.key));

/**
 * Puts the master's foreign drawings and comments back into a workbook exceljs wrote from it
 * (before our charts are added: one on a sheet with a person's drawing joins it). On the sheets
 * the model rewrites they are added to the new sheet, without our old chart's frame; a sheet no
 * longer there is refused (thrown).
 */
export async function reattachForeign(
  zip: JSZip,
  foreign: ForeignContent,
  model: WorkbookModel
): Promise<void> {
  if (foreign.sheets.length === 0) return;
  const sheets = new Map(await sheetParts(zip));
  const dropped: string[] = [];
  for (const kept of foreign.sheets) {
    const sheet = sheets.get(kept.sheet);
    if (sheet === undefined) throw keepRefusal(kept.sheet, "所在的工作表在汇总后不再存在");
    if (!rewritten(kept, model)) dropped.push(...(await strip(zip, sheet, kept.roots)));
  }
  await collect(zip, dropped);
  const names = await copyParts(zip, foreign);
  for (const kept of foreign.sheets) {
    await attach(zip, kept, sheets.get(kept.sheet)!, names);
    if (!rewritten(kept, model)) continue;
    for (const root of kept.roots.filter((r) => r.element === "drawing"))
      await dropOurFrames(zip, names.get(root.part)!);
  }
  const workbookRels = (await zip.file("xl/_rels/workbook.xml.rels")?.async("string")) ?? "";
  for (const root of foreign.workbook)
    if (!workbookRels.includes(`Type="${root.type}"`))
      await addRel(
        zip,
        "xl/workbook.xml",
        root.type,
        relativePath("xl/workbook.xml", names.get(root.part)!)
      );
}
