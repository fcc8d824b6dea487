import type { ChartSpec } from "../../core/chartSpec";

/** DrawingML chart and spreadsheet drawing parts (ECMA-376 transitional, elements in schema order). */
export const NS = {
  c: "http://schemas.openxmlformats.org/drawingml/2006/chart",
  a: "http://schemas.openxmlformats.org/drawingml/2006/main",
  r: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  xdr: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
  rel: "http://schemas.openxmlformats.org/package/2006/relationships",
  drawingRel: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing",
  chartRel: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart",
  drawingType: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chartType: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
} as const;

/** The start of the name (xdr:cNvPr name) of every chart frame this tool writes: it marks them ours. */
export const CHART_FRAME_NAME = "汇总图表";

const XML_SPECIAL = /[&<>"]/;

export const escapeXml = (text: string) =>
  XML_SPECIAL.test(text)
    ? text
        .replace(/&/g, "&amp;")
        .replace(/</g, "&lt;")
        .replace(/>/g, "&gt;")
        .replace(/"/g, "&quot;")
    : text;

const BAR_COLORS = ["4472C4", "ED7D31", "A5A5A5", "FFC000", "5B9BD5", "70AD47"];
const CAT_AX = 500100;
const VAL_AX = 500200;

// Points appended in one loop (a chart of every college has thousands).
function strCache(values: readonly string[]): string {
  let points = "";
  for (let i = 0; i < values.length; i++)
    points += `<c:pt idx="${i}"><c:v>${escapeXml(values[i]!)}</c:v></c:pt>`;
  return `<c:strCache><c:ptCount val="${values.length}"/>${points}</c:strCache>`;
}
function numCache(values: readonly (number | null)[]): string {
  let points = "";
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== null) points += `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`;
  }
  return `<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${values.length}"/>${points}</c:numCache>`;
}
const solid = (color: string) => `<a:solidFill><a:srgbClr val="${color}"/></a:solidFill>`;
const text = (value: string, size: number, bold = false) =>
  `<c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size * 100}" b="${bold ? 1 : 0}"/></a:pPr><a:r><a:rPr lang="zh-CN" sz="${size * 100}" b="${bold ? 1 : 0}"/><a:t>${escapeXml(value)}</a:t></a:r></a:p></c:rich></c:tx>`;
const catRef = (spec: ChartSpec) =>
  `<c:cat><c:strRef><c:f>${escapeXml(spec.categories.ref)}</c:f>${strCache(spec.categories.values)}</c:strRef></c:cat>`;

function barSeries(spec: ChartSpec): string {
  // Every series shows the same categories: their cache is built once.
  const categories = catRef(spec);
  return spec.series
    .map(
      (s, i) =>
        `<c:ser><c:idx val="${i}"/><c:order val="${i}"/><c:tx><c:strRef><c:f>${escapeXml(s.name.ref)}</c:f>${strCache(s.name.values)}</c:strRef></c:tx>` +
        `<c:spPr>${solid(BAR_COLORS[i % BAR_COLORS.length]!)}</c:spPr><c:invertIfNegative val="0"/>` +
        `${categories}<c:val><c:numRef><c:f>${escapeXml(s.values.ref)}</c:f>${numCache(s.values.values)}</c:numRef></c:val></c:ser>`
    )
    .join("");
}

const axes = () =>
  `<c:catAx><c:axId val="${CAT_AX}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/>` +
  `<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
  `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="900"/></a:pPr><a:endParaRPr lang="zh-CN"/></a:p></c:txPr>` +
  `<c:crossAx val="${VAL_AX}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
  `<c:valAx><c:axId val="${VAL_AX}"/><c:scaling><c:orientation val="minMax"/><c:min val="0"/></c:scaling><c:delete val="0"/><c:axPos val="l"/>` +
  `<c:majorGridlines/><c:numFmt formatCode="0" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
  `<c:crossAx val="${CAT_AX}"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>`;

/** xl/charts/chartN.xml: clustered columns, one series per column of the source block. */
export function chartXml(spec: ChartSpec): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${NS.r}"><c:lang val="zh-CN"/><c:roundedCorners val="0"/>` +
    `<c:chart><c:title>${text(spec.title, 12, true)}<c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>` +
    `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>${barSeries(spec)}<c:gapWidth val="80"/>` +
    `<c:axId val="${CAT_AX}"/><c:axId val="${VAL_AX}"/></c:barChart>${axes()}</c:plotArea>` +
    `<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `<c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln><a:noFill/></a:ln></c:spPr></c:chartSpace>`
  );
}

/** xl/drawings/drawingN.xml: the chart anchored between two cells. */
export function drawingXml(spec: ChartSpec, chartRelId: string, id: number): string {
  const corner = (tag: string, at: { row: number; column: number }) =>
    `<xdr:${tag}><xdr:col>${at.column}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${at.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}"><xdr:twoCellAnchor editAs="oneCell">` +
    `${corner("from", spec.from)}${corner("to", spec.to)}<xdr:graphicFrame macro="">` +
    `<xdr:nvGraphicFramePr><xdr:cNvPr id="${id + 1}" name="${CHART_FRAME_NAME} ${id}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="${NS.c}">` +
    `<c:chart xmlns:c="${NS.c}" xmlns:r="${NS.r}" r:id="${chartRelId}"/></a:graphicData></a:graphic></xdr:graphicFrame>` +
    `<xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`
  );
}
