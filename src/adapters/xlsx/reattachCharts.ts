import type JSZip from "jszip";
import { NS } from "./chartXml";
import type { WorkbookModel } from "../../core/workbookModel";
import type { KeptChart, KeptChartPart, OurCharts } from "./ourCharts";
import { CHART_STYLE_PARTS, relsOf, sheetParts } from "./ourCharts";
import { reattachForeign } from "./keepForeign";
import { addContentTypes, addRelationship, freeNumber, put, read, withDrawing } from "./zipParts";

const relationshipsXml = (rels: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.rel}">${rels}</Relationships>`;

/** A chart's style parts put back beside it (free numbers, its rels); returns their content types. */
async function reattachStyles(
  zip: JSZip,
  chart: string,
  styles: KeptChartPart["styles"]
): Promise<[string, string][]> {
  const types: [string, string][] = [];
  const rels: string[] = [];
  for (const style of styles) {
    const base = style.type.endsWith("chartStyle") ? "style" : "colors";
    const part = `xl/charts/${base}${freeNumber(zip, `xl/charts/${base}`)}.xml`;
    put(zip, part, style.xml);
    types.push([part, CHART_STYLE_PARTS.get(style.type)!]);
    rels.push(`<Relationship Id="${style.id}" Type="${style.type}" Target="${part.slice(10)}"/>`);
  }
  if (rels.length > 0) put(zip, relsOf(chart), relationshipsXml(rels.join("")));
  return types;
}

/**
 * Puts one of our charts back on its sheet of a workbook exceljs re-saved (it kept the sheet and
 * the cells the chart refers to, and dropped the drawing): the chart parts and the drawing under
 * free numbers, their relationships, content types and the sheet's <drawing> in schema order.
 */
async function reattachChart(zip: JSZip, sheet: string, kept: KeptChart): Promise<void> {
  const drawingN = freeNumber(zip, "xl/drawings/drawing");
  const drawing = `xl/drawings/drawing${drawingN}.xml`;
  const types: [string, string][] = [[drawing, NS.drawingType]];
  const rels: string[] = [];
  for (const [id, { xml, styles }] of kept.charts) {
    const chart = `xl/charts/chart${freeNumber(zip, "xl/charts/chart")}.xml`;
    put(zip, chart, xml);
    types.push([chart, NS.chartType], ...(await reattachStyles(zip, chart, styles)));
    rels.push(
      `<Relationship Id="${id}" Type="${NS.chartRel}" Target="../charts/${chart.slice(10)}"/>`
    );
  }
  put(zip, relsOf(drawing), relationshipsXml(rels.join("")));
  put(zip, drawing, kept.drawing);
  const relId = await addRelationship(
    zip,
    relsOf(sheet),
    NS.drawingRel,
    `../drawings/drawing${drawingN}.xml`
  );
  // The page break before the chart (exceljs keeps none): at the row the chart starts.
  const row = /<xdr:from>.*?<xdr:row>(\d+)<\/xdr:row>/s.exec(kept.drawing)?.[1];
  put(
    zip,
    sheet,
    withDrawing(await read(zip, sheet), relId, row === undefined ? undefined : Number(row))
  );
  await addContentTypes(zip, types);
}

/**
 * Our charts of the master put back on their sheets, found by name (a sheet no longer there
 * takes its chart with it); a sheet that has a drawing already is left as it is.
 */
export async function reattachCharts(zip: JSZip, kept: readonly KeptChart[]): Promise<void> {
  if (kept.length === 0) return;
  const sheets = new Map(await sheetParts(zip));
  for (const chart of kept) {
    const sheet = sheets.get(chart.sheet);
    if (sheet === undefined) continue;
    const rels = zip.file(relsOf(sheet)) ? await read(zip, relsOf(sheet)) : "";
    if (!rels.includes(NS.drawingRel)) await reattachChart(zip, sheet, chart);
  }
}

/** Our charts of a master that stay: those on sheets the model does not rewrite (by name or key). */
export function chartsToKeep(ours: OurCharts, model: WorkbookModel): KeptChart[] {
  const rewritten = (c: KeptChart) =>
    model.sheets.some((s) => s.name === c.sheet || (s.key !== undefined && s.key === c.key));
  return ours.charts.filter((c) => !rewritten(c));
}

/** An .xlsx exceljs wrote into a master, with the master's charts that stay and a person's drawings and comments put back. */
export async function reattachToXlsx(
  Zip: Pick<typeof JSZip, "loadAsync">,
  bytes: Uint8Array,
  ours: OurCharts,
  model: WorkbookModel
): Promise<Uint8Array> {
  const keep = chartsToKeep(ours, model);
  if (keep.length === 0 && !ours.foreign?.sheets.length) return bytes;
  const zip = await Zip.loadAsync(bytes);
  await reattachCharts(zip, keep);
  if (ours.foreign) await reattachForeign(zip, ours.foreign, model);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}
