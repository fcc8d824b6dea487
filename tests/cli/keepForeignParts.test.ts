/* Issue 10: a person's parts put back into a written master never take the name of a part there
   (our own chart's): they are numbered after, their .rels pointed at the new names, bytes kept. */
import JSZip from "jszip";
import { reattachForeign, relativePath, withElement } from "../../src/adapters/xlsx/keepForeign";
import type { ForeignContent } from "../../src/adapters/xlsx/keepForeignFind";
import { REL } from "../../src/adapters/xlsx/keepForeignFind";
import { relsOf, resolveTarget } from "../../src/adapters/xlsx/ourCharts";

const RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
const rels = (body: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${RELS_NS}">${body}</Relationships>`;
const rel = (id: string, type: string, target: string) =>
  `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`;
const CHART_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart";
const IMAGE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image";
const SHEET = (extra = "") =>
  `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>${extra}</worksheet>`;

/** A written master: sheets 甲 (a person's, exceljs kept nothing of its drawing) and 乙 (our chart in drawing1/chart1). */
function written(): JSZip {
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/drawings/drawing1.xml" ContentType="d"/><Override PartName="/xl/charts/chart1.xml" ContentType="c"/></Types>`
  );
  zip.file(
    "xl/workbook.xml",
    `<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="甲" sheetId="1" r:id="rId1"/><sheet name="乙" sheetId="2" r:id="rId2"/></sheets></workbook>`
  );
  zip.file(
    "xl/_rels/workbook.xml.rels",
    rels(rel("rId1", "ws", "worksheets/sheet1.xml") + rel("rId2", "ws", "worksheets/sheet2.xml"))
  );
  zip.file("xl/worksheets/sheet1.xml", SHEET());
  zip.file("xl/worksheets/sheet2.xml", SHEET('<drawing r:id="rIdChart1"/>'));
  zip.file(
    "xl/worksheets/_rels/sheet2.xml.rels",
    rels(rel("rIdChart1", REL.drawing, "../drawings/drawing1.xml"))
  );
  zip.file("xl/drawings/drawing1.xml", "OUR DRAWING");
  zip.file(
    "xl/drawings/_rels/drawing1.xml.rels",
    rels(rel("rId1", CHART_REL, "../charts/chart1.xml"))
  );
  zip.file("xl/charts/chart1.xml", "OUR CHART");
  return zip;
}

const bytes = (text: string) => new TextEncoder().encode(text);
const PERSON_RELS = rels(
  rel("rId1", CHART_REL, "../charts/chart1.xml") + rel("rId2", IMAGE_REL, "../media/image1.png")
);
const foreign: ForeignContent = {
  sheets: [
    {
      sheet: "甲",
      roots: [{ type: REL.drawing, element: "drawing", part: "xl/drawings/drawing1.xml" }],
    },
  ],
  workbook: [],
  parts: new Map([
    ["xl/drawings/drawing1.xml", { bytes: bytes("PERSON DRAWING"), type: "d", rels: PERSON_RELS }],
    ["xl/charts/chart1.xml", { bytes: bytes("PERSON CHART"), type: "c", rels: null }],
    ["xl/media/image1.png", { bytes: bytes("PNG"), type: "image/png", rels: null }],
  ]),
};

const target = (relsXml: string, part: string, type: string) =>
  resolveTarget(part, new RegExp(`Type="${type}" Target="([^"]+)"`).exec(relsXml)![1]!);

test("kept parts are numbered after ours, their relationships follow, bytes and content types kept", async () => {
  const zip = written();
  await reattachForeign(zip, foreign, { sheets: [] });
  const text = (p: string) => zip.file(p)!.async("string");
  const sheet = "xl/worksheets/sheet1.xml";
  const drawing = target(await text(relsOf(sheet)), sheet, REL.drawing);
  expect(drawing).toBe("xl/drawings/drawing2.xml");
  expect(await text(drawing)).toBe("PERSON DRAWING");
  const drawingRels = await text(relsOf(drawing));
  const chart = target(drawingRels, drawing, CHART_REL);
  expect(chart).toBe("xl/charts/chart2.xml");
  expect(await text(chart)).toBe("PERSON CHART");
  // The picture had a free name: kept, and its relationship left as it was.
  expect(target(drawingRels, drawing, IMAGE_REL)).toBe("xl/media/image1.png");
  expect(drawingRels).toContain('Target="../media/image1.png"');
  expect(await text("xl/media/image1.png")).toBe("PNG");
  // Ours untouched.
  expect(await text("xl/drawings/drawing1.xml")).toBe("OUR DRAWING");
  expect(await text("xl/charts/chart1.xml")).toBe("OUR CHART");
  expect(await text(sheet)).toMatch(
    /<pageMargins [^>]*\/><drawing r:id="rIdKeep1"\/><\/worksheet>$/
  );
  const types = await text("[Content_Types].xml");
  for (const [part, type] of [
    ["xl/drawings/drawing2.xml", "d"],
    ["xl/charts/chart2.xml", "c"],
    ["xl/media/image1.png", "image/png"],
  ])
    expect(types).toContain(`<Override PartName="/${part}" ContentType="${type}"/>`);
  expect(types).toContain('PartName="/xl/charts/chart1.xml" ContentType="c"');
});

test("a sheet gone, or one of ours rewritten with our chart where the person's drawing was: refused with the reason", async () => {
  const gone = written();
  gone.file(
    "xl/workbook.xml",
    (await gone.file("xl/workbook.xml")!.async("string")).replace('name="甲"', 'name="丙"')
  );
  await expect(reattachForeign(gone, foreign, { sheets: [] })).rejects.toThrow(
    /“甲”.*不再存在.*未汇总，总表未改动/
  );
  const ours: ForeignContent = { ...foreign, sheets: [{ ...foreign.sheets[0]!, sheet: "乙" }] };
  await expect(
    reattachForeign(written(), ours, { sheets: [{ name: "乙", cells: [] } as never] })
  ).rejects.toThrow(/“乙”.*由本次汇总重写/);
});

test("relative targets and the legacy drawing's place after the drawing", () => {
  expect(relativePath("xl/worksheets/sheet1.xml", "xl/drawings/drawing2.xml")).toBe(
    "../drawings/drawing2.xml"
  );
  expect(relativePath("xl/workbook.xml", "xl/persons/person.xml")).toBe("persons/person.xml");
  expect(relativePath("xl/drawings/drawing1.xml", "xl/drawings/vml1.vml")).toBe("vml1.vml");
  const xml = withElement(
    SHEET('<drawing r:id="a"/><tableParts count="0"/>'),
    "legacyDrawing",
    "b"
  );
  expect(xml).toContain('<drawing r:id="a"/><legacyDrawing r:id="b"/><tableParts');
  expect(xml).toContain(
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
  );
});
