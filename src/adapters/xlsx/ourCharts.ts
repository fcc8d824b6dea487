import type JSZip from "jszip";
import { ownershipKey, sheetOfReference } from "../../core/ownedSheets";
import { CHART_FRAME_NAME, NS } from "./chartXml";
import { ForeignContent, findForeign, foreignEntries } from "./keepForeignFind";
import { attr, internalRels, relsOf, tagsOf, unescapeXml } from "./zipParts";

export { relsOf, resolveTarget } from "./zipParts";

/*
 * Which charts of a master are ours: a drawing is ours when its sheet is marked ours by an
 * ownership name (_QUOTA_<key>) and it holds nothing but chart frames named by our marker, each
 * with a chart part of its own (no pictures, shapes, a person's chart, or chart sub-parts).
 * Those parts may be dropped by exceljs on a re-save: they are put back (see reattachCharts).
 */

/** One of our charts as found in a master: its sheet, drawing and chart parts' XML. */
export interface KeptChart {
  /** The sheet's name and ownership key in the master it was found in. */
  readonly sheet: string;
  readonly key: string;
  readonly drawing: string;
  /** The drawing's relationships: id → the chart part. */
  readonly charts: ReadonlyMap<string, KeptChartPart>;
}

/** A chart part's XML and the style parts Excel gives a chart it saves (kept along). */
export interface KeptChartPart {
  readonly xml: string;
  readonly styles: readonly { readonly id: string; readonly type: string; readonly xml: string }[];
}

/** The parts a chart of ours may have (Excel 2013+ saves a chart with them): type → content type. */
export const CHART_STYLE_PARTS: ReadonlyMap<string, string> = new Map([
  [
    "http://schemas.microsoft.com/office/2011/relationships/chartStyle",
    "application/vnd.ms-office.chartstyle+xml",
  ],
  [
    "http://schemas.microsoft.com/office/2011/relationships/chartColorStyle",
    "application/vnd.ms-office.chartcolorstyle+xml",
  ],
]);

export interface OurCharts {
  /** The zip entries put back after a write: our charts' and a person's kept drawings and comments. */
  readonly parts: ReadonlySet<string>;
  readonly charts: readonly KeptChart[];
  /** A person's drawings and comments on the master's sheets, put back too (see keepForeign). */
  readonly foreign?: ForeignContent;
}

/** Finds our charts in a master and puts them back after a write (JSZip behind it, loaded lazily). */
export interface ChartKeeper {
  find(bytes: Uint8Array): Promise<OurCharts>;
  reattach(
    bytes: Uint8Array,
    ours: OurCharts,
    model: import("../../core/workbookModel").WorkbookModel
  ): Promise<Uint8Array>;
}

export const NO_CHARTS: OurCharts = { parts: new Set(), charts: [] };

async function text(zip: JSZip, path: string): Promise<string | null> {
  return (await zip.file(path)?.async("string")) ?? null;
}

/** A part's relationships: [id, type, resolved target] (external ones left out). */
async function relationships(zip: JSZip, part: string): Promise<[string, string, string][]> {
  const xml = await text(zip, relsOf(part));
  if (xml === null) return [];
  return internalRels(part, xml).map(([id, type, target]) => [id, type, target]);
}

/** Our sheets: name → ownership key, from the workbook's _QUOTA_ defined names. */
function ownedSheets(workbookXml: string): Map<string, string> {
  const owned = new Map<string, string>();
  const names = workbookXml.matchAll(/<definedName\b([^>]*)>([^<]*)<\/definedName>/g);
  for (const [, attrs, value] of names) {
    const key = ownershipKey(attr(attrs!, "name") ?? "");
    if (key === null) continue;
    const sheet = sheetOfReference(unescapeXml(value!));
    if (sheet !== null) owned.set(sheet, key);
  }
  return owned;
}

/** Our sheets by ownership key, as now named (a sheet renamed by hand is found by its key). */
export async function sheetNamesByKey(zip: JSZip): Promise<Map<string, string>> {
  const owned = ownedSheets((await text(zip, "xl/workbook.xml")) ?? "");
  return new Map([...owned].map(([name, key]) => [key, name]));
}

/** The workbook's sheets: [name, part]. */
export async function sheetParts(zip: JSZip): Promise<[string, string][]> {
  const workbook = (await text(zip, "xl/workbook.xml")) ?? "";
  const rels = new Map((await relationships(zip, "xl/workbook.xml")).map(([id, , t]) => [id, t]));
  return tagsOf(workbook, "sheet").flatMap((tag) => {
    const part = rels.get(/\br:id="([^"]+)"/.exec(tag)?.[1] ?? "");
    return part === undefined ? [] : [[unescapeXml(attr(tag, "name") ?? ""), part]];
  });
}

/** True when every anchor of the drawing is one of our chart frames and nothing else. */
function onlyOurFrames(drawing: string): boolean {
  const anchors = drawing.split(/<xdr:(?:twoCellAnchor|oneCellAnchor|absoluteAnchor)\b/).slice(1);
  if (anchors.length === 0 || /AlternateContent/.test(drawing)) return false;
  return anchors.every(
    (anchor) =>
      !/<xdr:(pic|sp|grpSp|cxnSp|contentPart)\b/.test(anchor) &&
      tagsOf(anchor, "xdr:cNvPr").every((t) =>
        unescapeXml(attr(t, "name") ?? "").startsWith(CHART_FRAME_NAME)
      ) &&
      tagsOf(anchor, "xdr:graphicFrame").length === 1 &&
      tagsOf(anchor, "c:chart").length === 1
  );
}

/** A chart's style parts (and their zip entries), or null when it has any other part. */
async function chartStyles(zip: JSZip, chart: string) {
  const kept: KeptChartPart["styles"][number][] = [];
  const parts = zip.file(relsOf(chart)) ? [relsOf(chart)] : [];
  for (const [id, type, target] of await relationships(zip, chart)) {
    const xml = await text(zip, target);
    if (!CHART_STYLE_PARTS.has(type) || xml === null) return null;
    kept.push({ id, type, xml });
    parts.push(target);
  }
  return { kept, parts };
}

/** Our chart on a sheet (the drawing's XML and charts), or null when the drawing is not all ours. */
async function ourDrawing(zip: JSZip, drawingPart: string) {
  const drawing = await text(zip, drawingPart);
  if (drawing === null || !onlyOurFrames(drawing)) return null;
  const charts = new Map<string, KeptChartPart>();
  const parts = [drawingPart, relsOf(drawingPart)];
  for (const [id, type, target] of await relationships(zip, drawingPart)) {
    const xml = await text(zip, target);
    const styles = type === NS.chartRel && xml !== null ? await chartStyles(zip, target) : null;
    if (xml === null || styles === null) return null;
    charts.set(id, { xml, styles: styles.kept });
    parts.push(target, ...styles.parts);
  }
  const used = tagsOf(drawing, "c:chart").map((t) => /\br:id="([^"]+)"/.exec(t)?.[1]);
  if (used.length !== charts.size || !used.every((id) => id !== undefined && charts.has(id)))
    return null;
  return { drawing, charts, parts };
}

/** The charts of the master that are ours (see the module's comment). */
export async function ourCharts(
  Zip: Pick<typeof JSZip, "loadAsync">,
  bytes: Uint8Array
): Promise<OurCharts> {
  const zip = await Zip.loadAsync(bytes);
  const owned = ownedSheets((await text(zip, "xl/workbook.xml")) ?? "");
  const parts = new Set<string>();
  const charts: KeptChart[] = [];
  for (const [sheet, part] of await sheetParts(zip)) {
    const key = owned.get(sheet);
    if (key === undefined) continue;
    const drawings = (await relationships(zip, part)).filter(([, type]) => type === NS.drawingRel);
    if (drawings.length !== 1) continue;
    const ours = await ourDrawing(zip, drawings[0]![2]);
    if (ours === null) continue;
    for (const p of ours.parts) parts.add(p);
    charts.push({ sheet, key, drawing: ours.drawing, charts: ours.charts });
  }
  const foreign = await findForeign(zip, await sheetParts(zip), owned, parts);
  for (const p of foreignEntries(foreign)) parts.add(p);
  return { parts, charts, foreign };
}
