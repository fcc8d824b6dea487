import type JSZip from "jszip";
import { ChartSpec, chartSpec } from "../../core/chartSpec";
import type { WorkbookModel } from "../../core/workbookModel";
import { chartXml, drawingXml, NS } from "./chartXml";
import { ChartKeeper, OurCharts, ourCharts, sheetNamesByKey } from "./ourCharts";
import { keepRefusal, reattachForeign, relativePath } from "./keepForeign";

import { chartsToKeep, reattachCharts, reattachToXlsx } from "./reattachCharts";
import {
  addContentTypes,
  addRelationship,
  freeNumber,
  internalRels,
  put,
  read,
  relsOf,
  rowBreak,
  sheetPath,
  withDrawing,
} from "./zipParts";

export { withDrawing } from "./zipParts";

/*
 * exceljs writes no charts: a chart is added to the finished .xlsx as its own parts (a chart, a
 * drawing that anchors it, their relationships, content types and the sheet's <drawing>), so any
 * writer's output (in memory, streamed, written into an existing workbook) can carry one.
 */

/** The JSZip module (given, as exceljs is: the page loads it only when a master is written). */
export type ZipModule = Pick<typeof JSZip, "loadAsync">;

/** Adds one chart to a sheet of an opened .xlsx zip. */
export async function addChartToZip(zip: JSZip, sheetName: string, spec: ChartSpec): Promise<void> {
  const sheet = await sheetPath(zip, sheetName);
  // A person's drawing kept on a sheet the roll-up rewrites (keepForeign): the chart joins it.
  const sheetXml = await read(zip, sheet);
  if (/<drawing\b/.test(sheetXml)) return addChartToDrawing(zip, sheetName, sheet, sheetXml, spec);
  const chartN = freeNumber(zip, "xl/charts/chart");
  const drawingN = freeNumber(zip, "xl/drawings/drawing");
  const chart = `xl/charts/chart${chartN}.xml`;
  const drawing = `xl/drawings/drawing${drawingN}.xml`;
  put(zip, chart, chartXml(spec));
  const chartRel = await addRelationship(
    zip,
    `xl/drawings/_rels/drawing${drawingN}.xml.rels`,
    NS.chartRel,
    `../charts/chart${chartN}.xml`
  );
  put(zip, drawing, drawingXml(spec, chartRel, chartN));
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
  put(zip, sheet, withDrawing(await read(zip, sheet), drawingRel, spec.from.row));
  await addContentTypes(zip, [
    [drawing, NS.drawingType],
    [chart, NS.chartType],
  ]);
}

/** Our chart's frame appended to the drawing a sheet already has (a person's, kept). */
async function addChartToDrawing(
  zip: JSZip,
  sheetName: string,
  sheet: string,
  sheetXml: string,
  spec: ChartSpec
): Promise<void> {
  const id = /<drawing\b[^>]*\br:id="([^"]+)"/.exec(sheetXml)?.[1];
  const rels = zip.file(relsOf(sheet)) ? await read(zip, relsOf(sheet)) : "";
  const drawing = internalRels(sheet, rels).find(([rid]) => rid === id)?.[2];
  const xml = drawing === undefined ? null : await zip.file(drawing)?.async("string");
  if (!drawing || !xml || !/<\/xdr:wsDr>\s*$/.test(xml))
    throw keepRefusal(sheetName, "所在的工作表由本次汇总重写，其绘图无法与本工具的图表合在一起");
  const chartN = freeNumber(zip, "xl/charts/chart");
  const chart = `xl/charts/chart${chartN}.xml`;
  put(zip, chart, chartXml(spec));
  const rel = await addRelationship(
    zip,
    relsOf(drawing),
    NS.chartRel,
    relativePath(drawing, chart)
  );
  const ids = [...xml.matchAll(/<xdr:cNvPr\b[^>]*\bid="(\d+)"/g)].map((m) => Number(m[1]));
  const anchor = /<xdr:twoCellAnchor\b[\s\S]*<\/xdr:twoCellAnchor>/
    .exec(drawingXml(spec, rel, chartN))![0]
    .replace(`id="${chartN + 1}"`, `id="${Math.max(0, ...ids) + 1}"`)
    .replace("<xdr:twoCellAnchor ", `<xdr:twoCellAnchor xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}" `);
  put(zip, drawing, xml.replace(/<\/xdr:wsDr>\s*$/, `${anchor}</xdr:wsDr>`));
  // The chart on a page of its own, as on a sheet without a person's drawing.
  put(zip, sheet, sheetXml.replace(/<drawing\b/, `${rowBreak(sheetXml, spec.from.row)}<drawing`));
  await addContentTypes(zip, [[chart, NS.chartType]]);
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

/**
 * An .xlsx with the charts its model asks for, and our charts of the master it was written into
 * (`kept`: exceljs dropped them) put back on their sheets when the model did not rewrite those;
 * the bytes as they were when there is nothing to add.
 */
export async function addModelCharts(
  Zip: ZipModule,
  bytes: Uint8Array,
  model: WorkbookModel,
  kept?: OurCharts
): Promise<Uint8Array> {
  const charts = model.sheets.filter((sheet) => chartSpec(sheet) !== null);
  const keep = kept ? chartsToKeep(kept, model) : [];
  if (charts.length === 0 && keep.length === 0 && !kept?.foreign?.sheets.length) return bytes;
  const zip = await Zip.loadAsync(bytes);
  // A person's drawings first: a chart of ours on a sheet holding one joins it.
  if (kept?.foreign) await reattachForeign(zip, kept.foreign, model);
  // A sheet of ours renamed by hand was written under its new name: the chart follows it.
  const byKey = await sheetNamesByKey(zip);
  for (const sheet of charts) {
    const name = (sheet.key !== undefined ? byKey.get(sheet.key) : undefined) ?? sheet.name;
    await addChartToZip(zip, name, chartSpec({ ...sheet, name })!);
  }
  await reattachCharts(zip, keep);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/** Our charts kept across a write into a master, with this JSZip (see writeWorkbookInto). */
export const chartKeeper = (Zip: ZipModule): ChartKeeper => ({
  find: (bytes) => ourCharts(Zip, bytes),
  reattach: (bytes, ours, model) => reattachToXlsx(Zip, bytes, ours, model),
});
