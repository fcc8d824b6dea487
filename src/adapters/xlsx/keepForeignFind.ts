import type JSZip from "jszip";
import { attr, internalRels, relsOf, tagsOf, unescapeXml } from "./zipParts";

/*
 * A person's drawings (charts, pictures, shapes) and comments on the sheets of a master, found
 * with every part they reach so that they can be put back, byte for byte, after exceljs re-saved
 * the master (it drops drawings and rewrites notes in its own way): see keepForeign.
 */

export const REL = {
  drawing: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing",
  vml: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing",
  comments: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments",
  threaded: "http://schemas.microsoft.com/office/2017/10/relationships/threadedComment",
  person: "http://schemas.microsoft.com/office/2017/10/relationships/person",
} as const;

/** The sheet element that refers to a root by its relationship id (none for comments). */
export type RootElement = "drawing" | "legacyDrawing" | null;

/** What a sheet refers to: a drawing, its legacy (VML) drawing of comments, or its comments. */
export interface ForeignRoot {
  readonly type: string;
  readonly element: RootElement;
  /** The root part, as named in the master. */
  readonly part: string;
}

export interface ForeignSheet {
  readonly sheet: string;
  /** The sheet's ownership key when it is one of ours (a roll-up rewrites it). */
  readonly key?: string;
  readonly roots: readonly ForeignRoot[];
}

/** A part of the master kept as it was: its bytes, content type and relationships' XML. */
export interface ForeignPart {
  readonly bytes: Uint8Array;
  readonly type: string;
  readonly rels: string | null;
}

export interface ForeignContent {
  readonly sheets: readonly ForeignSheet[];
  /** The workbook's list of people who wrote threaded comments (when a sheet's are kept). */
  readonly workbook: readonly ForeignRoot[];
  /** Every part the roots reach (master names). */
  readonly parts: ReadonlyMap<string, ForeignPart>;
}

export const NO_FOREIGN: ForeignContent = { sheets: [], workbook: [], parts: new Map() };

/** Where a kept part may live: what a drawing (SmartArt too) or comments reach and can be carried. */
const CARRIED =
  /^xl\/(drawings|charts|media|diagrams|threadedComments|persons)\/[^/]+$|^xl\/comments[^/]*\.xml$/i;

/** A part's content type from [Content_Types].xml (its Override, else its extension's Default). */
export function contentTypeOf(typesXml: string, part: string): string | undefined {
  const lower = `/${part}`.toLowerCase();
  const override = tagsOf(typesXml, "Override").find(
    (t) => unescapeXml(attr(t, "PartName") ?? "").toLowerCase() === lower
  );
  if (override) return attr(override, "ContentType");
  const ext = part.slice(part.lastIndexOf(".") + 1).toLowerCase();
  const byExt = tagsOf(typesXml, "Default").find(
    (t) => (attr(t, "Extension") ?? "").toLowerCase() === ext
  );
  return byExt ? attr(byExt, "ContentType") : undefined;
}

/** Every part a root reaches (itself first), or null when one of them cannot be carried. */
async function closure(zip: JSZip, root: string, types: string, into: Map<string, ForeignPart>) {
  const found = new Map<string, ForeignPart>();
  const queue = [root];
  while (queue.length > 0) {
    const part = queue.shift()!;
    if (found.has(part) || into.has(part)) continue;
    const file = zip.file(part);
    const type = contentTypeOf(types, part);
    if (!CARRIED.test(part) || !file || type === undefined) return null;
    const rels = (await zip.file(relsOf(part))?.async("string")) ?? null;
    found.set(part, { bytes: await file.async("uint8array"), type, rels });
    for (const [, , target] of rels === null ? [] : internalRels(part, rels)) queue.push(target);
  }
  return found;
}

/** The sheet's roots: its <drawing>'s part (unless ours), <legacyDrawing>'s and its comments. */
function rootsOf(sheetXml: string, rels: string, part: string, ours: ReadonlySet<string>) {
  const drawingId = /<drawing\b[^>]*\br:id="([^"]+)"/.exec(sheetXml)?.[1];
  const legacyId = /<legacyDrawing\b[^>]*\br:id="([^"]+)"/.exec(sheetXml)?.[1];
  const roots: ForeignRoot[] = [];
  for (const [id, type, target] of internalRels(part, rels)) {
    if (type === REL.drawing && id === drawingId && !ours.has(target))
      roots.push({ type, element: "drawing", part: target });
    else if (type === REL.vml && id === legacyId)
      roots.push({ type, element: "legacyDrawing", part: target });
    else if (type === REL.comments || type === REL.threaded)
      roots.push({ type, element: null, part: target });
  }
  return roots;
}

/**
 * A person's drawings and comments on the master's sheets, with all they reach; a root reaching
 * a part that cannot be carried (an embedded object, a control …) is left out, so that the
 * refusal names it. `ours`: the parts of our own charts (put back by reattachCharts).
 */
export async function findForeign(
  zip: JSZip,
  sheets: readonly [string, string][],
  owned: ReadonlyMap<string, string>,
  ours: ReadonlySet<string>
): Promise<ForeignContent> {
  const types = (await zip.file("[Content_Types].xml")?.async("string")) ?? "";
  const parts = new Map<string, ForeignPart>();
  const found: ForeignSheet[] = [];
  for (const [sheet, part] of sheets) {
    const rels = await zip.file(relsOf(part))?.async("string");
    const xml = await zip.file(part)?.async("string");
    if (rels === undefined || xml === undefined) continue;
    const roots: ForeignRoot[] = [];
    for (const root of rootsOf(xml, rels, part, ours)) {
      const reached = await closure(zip, root.part, types, parts);
      if (reached === null) continue;
      for (const [name, kept] of reached) parts.set(name, kept);
      roots.push(root);
    }
    const key = owned.get(sheet);
    if (roots.length > 0) found.push({ sheet, ...(key === undefined ? {} : { key }), roots });
  }
  const threaded = found.some((s) => s.roots.some((r) => r.type === REL.threaded));
  const workbook = threaded ? await people(zip, types, parts) : [];
  return { sheets: found, workbook, parts };
}

/** The workbook's persons part (threaded comments name their authors by it), with its closure. */
async function people(zip: JSZip, types: string, parts: Map<string, ForeignPart>) {
  const rels = (await zip.file("xl/_rels/workbook.xml.rels")?.async("string")) ?? "";
  const roots: ForeignRoot[] = [];
  for (const [, type, target] of internalRels("xl/workbook.xml", rels)) {
    if (type !== REL.person) continue;
    const reached = await closure(zip, target, types, parts);
    if (reached === null) continue;
    for (const [name, kept] of reached) parts.set(name, kept);
    roots.push({ type, element: null, part: target });
  }
  return roots;
}

/** The zip entries the foreign content covers (its parts and their .rels). */
export function foreignEntries(foreign: ForeignContent): string[] {
  return [...foreign.parts].flatMap(([name, p]) =>
    p.rels === null ? [name] : [name, relsOf(name)]
  );
}
