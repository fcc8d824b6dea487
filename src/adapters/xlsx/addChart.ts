import type JSZip from "jszip";
import { ChartSpec, chartSpec } from "../../core/chartSpec";
import type { WorkbookModel } from "../../core/workbookModel";
import { NS, chartXml, drawingXml, escapeXml } from "./chartXml";

/*
 * exceljs writes no charts: a chart is added to the finished .xlsx as its own parts (a chart, a
 * drawing that anchors it, their relationships, content types and the sheet's <drawing>), so any
 * writer's output (in memory, streamed, written into an existing workbook) can carry one.
 */

/** The JSZip module (given, as exceljs is: the page loads it only when a master is written). */
export type ZipModule = Pick<typeof JSZip, "loadAsync">;

async function read(zip: JSZip, path: string): Promise<string> {
  const file = zip.file(path);
  if (!file) throw new Error(`xlsx: no ${path}`);
  return file.async("string");
}

const attr = (xml: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(xml)?.[1];

/** The sheet's part (xl/worksheets/sheetN.xml) by its name, through workbook.xml and its rels. */
async function sheetPath(zip: JSZip, sheetName: string): Promise<string> {
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
const freeNumber = (zip: JSZip, prefix: string) => {
  let n = 1;
  while (zip.file(`${prefix}${n}.xml`)) n++;
  return n;
};

/** Adds a relationship to a .rels part (made when missing) and returns its id. */
async function addRelationship(zip: JSZip, path: string, type: string, target: string) {
  const existing = zip.file(path) ? await read(zip, path) : null;
  const xml =
    existing ??
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.rel}"></Relationships>`;
  let n = 1;
  while (xml.includes(`Id="rIdChart${n}"`)) n++;
  const id = `rIdChart${n}`;
  const rel = `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`;
  zip.file(path, xml.replace(/<\/Relationships>\s*$/, `${rel}</Relationships>`));
  return id;
}

/**
 * CT_Worksheet's top-level elements that come before <drawing>, last first: it goes right after
 * the last of them present (they occur only at the top level, unlike <extLst>).
 */
const BEFORE_DRAWING = [
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
function endOf(xml: string, tag: string): number {
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
  const rowBreak =
    breakBefore !== undefined && breakBefore > 0 && !/<rowBreaks\b/.test(xml)
      ? `<rowBreaks count="1" manualBreakCount="1"><brk id="${breakBefore}" max="16383" man="1"/></rowBreaks>`
      : "";
  // rowBreaks comes after headerFooter: only when nothing after it (colBreaks …) is there.
  const breakFits = !/<(colBreaks|customProperties|cellWatches|ignoredErrors|smartTags)\b/.test(
    xml
  );
  return `${xml.slice(0, at)}${breakFits ? rowBreak : ""}<drawing r:id="${relId}"/>${xml.slice(at)}`;
}

async function addContentTypes(zip: JSZip, parts: [string, string][]): Promise<void> {
  const path = "[Content_Types].xml";
  const overrides = parts
    .map(([part, type]) => `<Override PartName="/${part}" ContentType="${type}"/>`)
    .join("");
  zip.file(path, (await read(zip, path)).replace(/<\/Types>\s*$/, `${overrides}</Types>`));
}

/** Adds one chart to a sheet of an opened .xlsx zip. */
export async function addChartToZip(zip: JSZip, sheetName: string, spec: ChartSpec): Promise<void> {
  const sheet = await sheetPath(zip, sheetName);
  const chartN = freeNumber(zip, "xl/charts/chart");
  const drawingN = freeNumber(zip, "xl/drawings/drawing");
  const chart = `xl/charts/chart${chartN}.xml`;
  const drawing = `xl/drawings/drawing${drawingN}.xml`;
  zip.file(chart, chartXml(spec));
  const chartRel = await addRelationship(
    zip,
    `xl/drawings/_rels/drawing${drawingN}.xml.rels`,
    NS.chartRel,
    `../charts/chart${chartN}.xml`
  );
  zip.file(drawing, drawingXml(spec, chartRel, chartN));
  const [dir, file] = [
    sheet.slice(0, sheet.lastIndexOf("/")),
    sheet.slice(sheet.lastIndexOf("/") + 1),
  ];
  const drawingRel = await addRelationship(
    zip,
    `${dir}/_rels/${file}.rels`,
    NS.drawingRel,
    `../drawings/drawing${drawingN}.xml`
  );
  zip.file(sheet, withDrawing(await read(zip, sheet), drawingRel, spec.from.row));
  await addContentTypes(zip, [
    [drawing, NS.drawingType],
    [chart, NS.chartType],
  ]);
}

/** An .xlsx with a chart added to one sheet. */
export async function addChartToXlsx(
  Zip: ZipModule,
  bytes: Uint8Array,
  sheetName: string,
  spec: ChartSpec
): Promise<Uint8Array> {
  const zip = await Zip.loadAsync(bytes);
  await addChartToZip(zip, sheetName, spec);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/** An .xlsx with the charts its model asks for (the bytes as they were when it asks for none). */
export async function addModelCharts(
  Zip: ZipModule,
  bytes: Uint8Array,
  model: WorkbookModel
): Promise<Uint8Array> {
  const charts = model.sheets
    .map((sheet) => [sheet.name, chartSpec(sheet)] as const)
    .filter((c): c is readonly [string, ChartSpec] => c[1] !== null);
  if (charts.length === 0) return bytes;
  const zip = await Zip.loadAsync(bytes);
  for (const [name, spec] of charts) await addChartToZip(zip, name, spec);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}
