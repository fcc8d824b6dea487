/* Issues 10 and 12: the chart on every month's 汇总 sheet survives the next months' roll-ups into
   the same master (exceljs drops it on the re-save; it is put back); a person's drawing on a 汇总
   sheet is kept byte for byte unless that month is rolled up again, and what cannot be carried
   (an embedded object) makes the roll-up refuse, the file untouched. */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { mkdirSync, readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { addModelCharts, chartKeeper } from "../../src/adapters/xlsx/addChart";
import { droppedContent } from "../../src/adapters/xlsx/foreignParts";
import { ourCharts, relsOf, sheetParts } from "../../src/adapters/xlsx/ourCharts";
import { writeWorkbookInto } from "../../src/adapters/xlsx/writeWorkbookInto";
import { pdfPages, printToPdf, requirePrintTools } from "../print/renderPdf";
import { monthReports } from "../support/monthReports";
import { runCli } from "../support/runCli";
import { rollupInto, sampleQuotas } from "../support/rollupFixtures";
import { useTempDir } from "../support/tempDir";
import { requireLibreOfficeInCI } from "../support/libreoffice";
import { convertWithLibreOffice } from "../support/libreofficeConvert";
import { printSheets } from "../print/printSheets";

const tmp = useTempDir("charts-months-");
jest.setTimeout(300_000);

const MONTHS = ["2022-06", "2022-07", "2022-08"];
let dir = "";
let quota = "";
let master = "";
/** The master after each month's roll-up. */
const after: Buffer[] = [];

/** The month's reports rolled up: into the master, or (the first month) into a new one. */
const rollupMonth = (month: string, into: boolean) =>
  into
    ? rollupInto(join(dir, month), master, quota)
    : runCli("rollup", join(dir, month), "-o", master, "--quotas", quota);

beforeAll(async () => {
  dir = tmp();
  quota = join(dir, "q.xlsx");
  master = join(dir, "总表.xlsx");
  await sampleQuotas(quota);
  for (const [i, month] of MONTHS.entries())
    await monthReports(join(dir, month), quota, { year: 2022, month: 6 + i }, i * 4, 4);
  for (const [i, month] of MONTHS.entries()) {
    const run = await rollupMonth(month, i > 0);
    expect({ month, code: run.code, stderr: run.stderr }).toEqual({
      month,
      code: 0,
      stderr: expect.not.stringContaining("错误") as unknown as string,
    });
    after.push(readFileSync(master));
  }
});

/** Each sheet's charts in the package: sheet name → the chart parts' XML, by the relationships. */
async function chartsBySheet(bytes: Uint8Array): Promise<Map<string, string[]>> {
  const zip = await JSZip.loadAsync(bytes);
  const text = async (p: string) => (await zip.file(p)?.async("string")) ?? "";
  const target = (rels: string, type: string) =>
    [...rels.matchAll(/<Relationship\b[^>]*>/g)]
      .map((m) => m[0])
      .filter((t) => t.includes(`relationships/${type}"`))
      .map((t) => /Target="\.\.\/([^"]+)"/.exec(t)![1]!);
  const found = new Map<string, string[]>();
  for (const [name, part] of await sheetParts(zip)) {
    const charts: string[] = [];
    for (const drawing of target(await text(relsOf(part)), "drawing"))
      for (const chart of target(await text(relsOf(`xl/${drawing}`)), "chart"))
        charts.push(await text(`xl/${chart}`));
    found.set(name, charts);
  }
  return found;
}

/** Every chart and drawing part has its content type, and every override names a part there. */
async function expectContentTypes(bytes: Uint8Array): Promise<void> {
  const zip = await JSZip.loadAsync(bytes);
  const types = await zip.file("[Content_Types].xml")!.async("string");
  const parts = Object.keys(zip.files).filter((n) => /^xl\/(charts|drawings)\/[^/]+\.xml$/.test(n));
  for (const part of parts) expect(types).toContain(`PartName="/${part}"`);
  for (const [, part] of types.matchAll(/PartName="\/([^"]+)"/g))
    expect(zip.file(part!)).not.toBeNull();
}

test("three months rolled up into one master: every 汇总 sheet keeps exactly its own chart", async () => {
  for (const [i, bytes] of after.entries()) {
    const charts = await chartsBySheet(bytes);
    const summaries = [...charts.keys()].filter((n) => n.startsWith("汇总"));
    expect(summaries.sort()).toEqual(MONTHS.slice(0, i + 1).map((m) => `汇总${m}`));
    for (const sheet of summaries) {
      expect({ sheet, count: charts.get(sheet)!.length }).toEqual({ sheet, count: 1 });
      // The chart draws its own sheet's cells (exceljs kept them where they were).
      const refs = [...charts.get(sheet)![0]!.matchAll(/<c:f>([^<]+)<\/c:f>/g)].map((m) => m[1]);
      expect(refs.length).toBeGreaterThan(0);
      for (const ref of refs) expect(ref).toMatch(new RegExp(`^'${sheet}'!\\$`));
    }
    for (const [sheet, list] of charts) if (!sheet.startsWith("汇总")) expect(list).toEqual([]);
    await expectContentTypes(bytes);
    expect(droppedContent(bytes, (await ourCharts(JSZip, bytes)).parts)).toEqual([]);
  }
  // Excel's own reader (exceljs) opens the final master with all its sheets.
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(after[2]!) as unknown as ArrayBuffer);
  for (const month of MONTHS) expect(workbook.getWorksheet(`汇总${month}`)).toBeDefined();
});

test("the same month rolled up again: the sheet is rewritten with one chart, not two", async () => {
  const run = await rollupMonth(MONTHS[2]!, true);
  expect(run.code).toBe(0);
  const charts = await chartsBySheet(readFileSync(master));
  for (const month of MONTHS) expect(charts.get(`汇总${month}`)).toHaveLength(1);
  const zip = await JSZip.loadAsync(readFileSync(master));
  expect(Object.keys(zip.files).filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n))).toHaveLength(
    3
  );
});

test("LibreOffice prints the master with a chart on each month's 汇总 sheet", () => {
  if (!requirePrintTools()) return;
  const copy = join(dir, "pdf-in", "三个月.xlsx");
  mkdirSync(join(dir, "pdf-in"), { recursive: true });
  writeFileSync(copy, after[2]!);
  const [pdf] = printToPdf([copy], join(dir, "pdf"));
  const pages = pdfPages(pdf!).map((p) => p.replace(/\s+/g, ""));
  // The chart's own text (its title and the legend's series names) is printed once per month.
  // Each month's page is followed by its chart's (a page break before it): the title, the value
  // axis' ticks, the month's own colleges along the category axis, the legend.
  const chartPage =
    /^各学院累计完成率（%）(?:\d+)0(\D+?)按期应完成培训完成率高级工完成率非高级工完成率1\+X完成率/;
  const colleges = MONTHS.map((month) => {
    const title = `${month.slice(0, 4)}年${Number(month.slice(5))}月“人人持证`;
    const at = pages.findIndex((p) => p.startsWith(title));
    expect({ title, at: at >= 0 }).toEqual({ title, at: true });
    const drawn = chartPage.exec(pages[at + 1] ?? "")?.[1];
    expect({ month, drawn: drawn !== undefined }).toEqual({ month, drawn: true });
    return drawn!;
  });
  expect(new Set(colleges).size).toBe(MONTHS.length);
});

/** The bytes with their zip changed by `edit`. */
async function edited(bytes: Uint8Array, edit: (zip: JSZip) => Promise<void>): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  await edit(zip);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/** The drawing part on a sheet (through the workbook's and the sheet's relationships). */
async function drawingOf(zip: JSZip, sheet: string): Promise<string> {
  const part = new Map(await sheetParts(zip)).get(sheet)!;
  const rels = await zip.file(relsOf(part))!.async("string");
  return `xl/${/relationships\/drawing" Target="\.\.\/([^"]+)"/.exec(rels)![1]}`;
}

const appendToDrawing = (sheet: string, anchor: string) => async (zip: JSZip) => {
  const drawing = await drawingOf(zip, sheet);
  const xml = await zip.file(drawing)!.async("string");
  zip.file(drawing, xml.replace("</xdr:wsDr>", `${anchor}</xdr:wsDr>`));
};

const SHAPE = `<xdr:oneCellAnchor><xdr:from><xdr:col>1</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:ext cx="100000" cy="100000"/><xdr:sp macro="" textlink=""><xdr:nvSpPr><xdr:cNvPr id="9" name="矩形 1"/><xdr:cNvSpPr/></xdr:nvSpPr><xdr:spPr><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:sp><xdr:clientData/></xdr:oneCellAnchor>`;

/** A sheet's drawing and chart parts' bytes, as its relationships name them. */
async function drawingBytes(bytes: Uint8Array, sheet: string): Promise<Buffer[]> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = [await drawingOf(zip, sheet), await chartOf(zip, sheet)];
  return Promise.all(parts.map((p) => zip.file(p)!.async("nodebuffer")));
}

/**
 * What a re-roll of the sheet's month must do: keep the person's anchor (its cNvPr name) beside
 * our one new chart, with this many charts on the sheet in all; or refuse with this reason.
 */
type Again = { readonly anchor: string; readonly charts: number } | { readonly refused: string };

describe("a person's drawing on our 汇总 sheet: kept byte for byte by the next month; its month rolled up again, joined by our new chart", () => {
  const cases: [string, (zip: JSZip) => Promise<void>, string, number, Again][] = [
    [
      "a shape drawn on our chart's sheet",
      appendToDrawing("汇总2022-06", SHAPE),
      "汇总2022-06",
      0,
      { anchor: 'name="矩形 1"', charts: 1 },
    ],
    [
      "our chart frame renamed (a person's chart)",
      async (zip) => {
        const drawing = await drawingOf(zip, "汇总2022-07");
        const xml = await zip.file(drawing)!.async("string");
        zip.file(drawing, xml.replace(/name="汇总图表 \d+"/, 'name="图表 1"'));
      },
      "汇总2022-07",
      1,
      { anchor: 'name="图表 1"', charts: 2 },
    ],
    [
      "our 汇总 sheet no longer marked ours (its ownership name deleted)",
      async (zip) => {
        const xml = await zip.file("xl/workbook.xml")!.async("string");
        zip.file(
          "xl/workbook.xml",
          xml.replace(/<definedName name="_QUOTA_summary_2022_06">[^<]*<\/definedName>/, "")
        );
      },
      "汇总2022-06",
      0,
      { refused: "不是本工具生成的" },
    ],
  ];
  test.each(cases)("%s", async (name, edit, sheet, again, expected) => {
    const file = join(dir, `person-${cases.findIndex((c) => c[0] === name)}.xlsx`);
    writeFileSync(file, await edited(after[1]!, edit));
    const before = readFileSync(file);
    expect((await ourCharts(JSZip, before)).charts.map((c) => c.sheet)).not.toContain(sheet);
    const kept = await drawingBytes(before, sheet);
    const next = `${file}.next.xlsx`;
    writeFileSync(next, before);
    const run = await rollupInto(join(dir, MONTHS[2]!), next, quota);
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: expect.any(String) });
    const written = readFileSync(next);
    expect(await drawingBytes(written, sheet)).toEqual(kept);
    expect((await chartsBySheet(written)).get("汇总2022-08")).toHaveLength(1);
    // The page keeps it too (with the keeper; without, refused).
    const page = await writeWorkbookInto(ExcelJS, before, { sheets: [] }, chartKeeper(JSZip));
    expect(await drawingBytes(page, sheet)).toEqual(kept);
    await expect(writeWorkbookInto(ExcelJS, before, { sheets: [] })).rejects.toThrow(/绘图/);
    // Its own month again rewrites the sheet: the person's anchor stays, our old frame goes, one
    // new chart of ours joins the drawing (or, a sheet not ours, refused and the file unchanged).
    const rerun = await rollupInto(join(dir, MONTHS[again]!), file, quota);
    if ("refused" in expected) {
      expect(rerun.code).toBe(1);
      expect(rerun.stderr).toContain(expected.refused);
      expect(readFileSync(file).equals(before)).toBe(true);
      return;
    }
    expect({ code: rerun.code, stderr: rerun.stderr }).toEqual({
      code: 0,
      stderr: expect.any(String),
    });
    const bytes = readFileSync(file);
    const zip = await JSZip.loadAsync(bytes);
    const drawing = await zip.file(await drawingOf(zip, sheet))!.async("string");
    expect(drawing).toContain(expected.anchor);
    expect(drawing.match(/name="汇总图表 \d+"/g)).toHaveLength(1);
    const charts = (await chartsBySheet(bytes)).get(sheet)!;
    expect(charts).toHaveLength(expected.charts);
    // Our new chart draws the rewritten sheet's cells.
    expect(charts.some((c) => c.includes(`'${sheet}'!$`))).toBe(true);
    await expectContentTypes(bytes);
    await new ExcelJS.Workbook().xlsx.load(new Uint8Array(bytes) as unknown as ArrayBuffer);
  });
});

test("the page: June rolled up again into a master with a person's shape on 汇总2022-06: the shape and one new chart", async () => {
  const june = printSheets().find((s) => s.name === "汇总2022-06")!;
  const before = await edited(after[1]!, appendToDrawing("汇总2022-06", SHAPE));
  const into = await writeWorkbookInto(ExcelJS, before, { sheets: [june] }, chartKeeper(JSZip));
  const bytes = await addModelCharts(JSZip, into, { sheets: [june] });
  const zip = await JSZip.loadAsync(bytes);
  const drawing = await zip.file(await drawingOf(zip, "汇总2022-06"))!.async("string");
  expect(drawing).toContain('name="矩形 1"');
  expect(drawing.match(/name="汇总图表 \d+"/g)).toHaveLength(1);
  expect((await chartsBySheet(bytes)).get("汇总2022-06")).toHaveLength(1);
  await expectContentTypes(bytes);
});

test("the page: written into last month's master (bytes), earlier charts kept, the month's added once", async () => {
  const june = printSheets().find((s) => s.name === "汇总2022-06")!;
  expect(june.key).toBe("summary_2022_06");
  // Without JSZip (an older caller) the charts cannot be kept: refused as before.
  await expect(writeWorkbookInto(ExcelJS, after[1]!, { sheets: [june] })).rejects.toThrow(/图表/);
  const into = await writeWorkbookInto(ExcelJS, after[1]!, { sheets: [june] }, chartKeeper(JSZip));
  const bytes = await addModelCharts(JSZip, into, { sheets: [june] });
  const charts = await chartsBySheet(bytes);
  expect(charts.get("汇总2022-06")).toHaveLength(1);
  expect(charts.get("汇总2022-07")).toHaveLength(1);
  // June's chart is the model's (its colleges), not the master's old one; July's is the master's.
  const [oldJune] = (await chartsBySheet(after[1]!)).get("汇总2022-06")!;
  expect(charts.get("汇总2022-06")![0]).not.toBe(oldJune);
  expect(charts.get("汇总2022-07")![0]).toBe(
    (await chartsBySheet(after[1]!)).get("汇总2022-07")![0]
  );
  await expectContentTypes(bytes);
  // The result is itself a master the next month can be written into, charts kept again.
  const next = await writeWorkbookInto(ExcelJS, bytes, { sheets: [] }, chartKeeper(JSZip));
  const kept = await chartsBySheet(next);
  expect([kept.get("汇总2022-06"), kept.get("汇总2022-07")]).toEqual([
    charts.get("汇总2022-06"),
    charts.get("汇总2022-07"),
  ]);
  await new ExcelJS.Workbook().xlsx.load(next as unknown as ArrayBuffer);
});

test("a master opened and saved in LibreOffice: its chart is still ours, kept by the next month's roll-up", async () => {
  if (!requireLibreOfficeInCI()) return;
  mkdirSync(join(dir, "lo-in"), { recursive: true });
  const source = join(dir, "lo-in", "总表LO.xlsx");
  writeFileSync(source, after[0]!);
  const [saved] = await convertWithLibreOffice(source, join(dir, "lo-out"));
  expect((await ourCharts(JSZip, readFileSync(saved!))).charts.map((c) => c.sheet)).toEqual([
    "汇总2022-06",
  ]);
  const run = await rollupInto(join(dir, MONTHS[1]!), saved!, quota);
  expect(run.code).toBe(0);
  const charts = await chartsBySheet(readFileSync(saved!));
  expect(charts.get("汇总2022-06")).toHaveLength(1);
  expect(charts.get("汇总2022-07")).toHaveLength(1);
});

/** The chart part on a sheet (through its drawing's relationships). */
async function chartOf(zip: JSZip, sheet: string): Promise<string> {
  const drawing = await drawingOf(zip, sheet);
  const rels = await zip.file(relsOf(drawing))!.async("string");
  return `xl/${/relationships\/chart" Target="\.\.\/([^"]+)"/.exec(rels)![1]}`;
}

const MS_REL = "http://schemas.microsoft.com/office/2011/relationships";
const STYLE =
  '<cs:chartStyle xmlns:cs="http://schemas.microsoft.com/office/drawing/2012/chartStyle" id="201"/>';

/** June's chart as Excel saves it: with a chart style and a color style part (or `other` parts). */
const withChartParts =
  (rels: [type: string, target: string, contentType: string][]) => async (zip: JSZip) => {
    const chart = await chartOf(zip, "汇总2022-06");
    const list = rels.map(
      ([type, target], i) => `<Relationship Id="rId${i + 1}" Type="${type}" Target="${target}"/>`
    );
    zip.file(
      relsOf(chart),
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${list.join("")}</Relationships>`
    );
    let types = await zip.file("[Content_Types].xml")!.async("string");
    for (const [, target, contentType] of rels) {
      zip.file(`xl/charts/${target}`, STYLE);
      types = types.replace(
        "</Types>",
        `<Override PartName="/xl/charts/${target}" ContentType="${contentType}"/></Types>`
      );
    }
    zip.file("[Content_Types].xml", types);
  };

test("a chart Excel saved with its style parts is still ours: kept with them by the next roll-up", async () => {
  const file = join(dir, "excel-styles.xlsx");
  writeFileSync(
    file,
    await edited(
      after[1]!,
      withChartParts([
        [`${MS_REL}/chartStyle`, "style1.xml", "application/vnd.ms-office.chartstyle+xml"],
        [
          `${MS_REL}/chartColorStyle`,
          "colors1.xml",
          "application/vnd.ms-office.chartcolorstyle+xml",
        ],
      ])
    )
  );
  const run = await rollupInto(join(dir, MONTHS[2]!), file, quota);
  expect(run.code).toBe(0);
  const bytes = readFileSync(file);
  const charts = await chartsBySheet(bytes);
  for (const month of MONTHS) expect(charts.get(`汇总${month}`)).toHaveLength(1);
  const zip = await JSZip.loadAsync(bytes);
  const rels = await zip.file(relsOf(await chartOf(zip, "汇总2022-06")))!.async("string");
  const targets = [...rels.matchAll(/Target="([^"]+)"/g)].map((m) => m[1]!);
  expect(targets).toHaveLength(2);
  for (const target of targets)
    expect(await zip.file(`xl/charts/${target}`)!.async("string")).toBe(STYLE);
  await expectContentTypes(bytes);
  const types = await zip.file("[Content_Types].xml")!.async("string");
  expect(types).toContain("application/vnd.ms-office.chartstyle+xml");
  expect(types).toContain("application/vnd.ms-office.chartcolorstyle+xml");
});

test("a chart with a part that is not a style (a person's shapes drawn on it) is kept as a person's, byte for byte", async () => {
  const file = join(dir, "user-shapes.xlsx");
  writeFileSync(
    file,
    await edited(
      after[1]!,
      withChartParts([
        [
          "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartUserShapes",
          "drawing9.xml",
          "application/vnd.openxmlformats-officedocument.drawingml.chartshapes+xml",
        ],
      ])
    )
  );
  const before = readFileSync(file);
  const kept = await drawingBytes(before, "汇总2022-06");
  const run = await rollupInto(join(dir, MONTHS[2]!), file, quota);
  expect(run.code).toBe(0);
  const bytes = readFileSync(file);
  expect(await drawingBytes(bytes, "汇总2022-06")).toEqual(kept);
  const zip = await JSZip.loadAsync(bytes);
  const rels = await zip.file(relsOf(await chartOf(zip, "汇总2022-06")))!.async("string");
  const shapes = /Target="([^"]+)"/.exec(rels)![1]!;
  expect(await zip.file(`xl/charts/${shapes}`)!.async("string")).toBe(STYLE);
  await expectContentTypes(bytes);
});

test("a chart with an embedded object (what cannot be carried) is refused with the reason, the file unchanged", async () => {
  const file = join(dir, "embedded.xlsx");
  writeFileSync(
    file,
    await edited(after[1]!, async (zip) => {
      const chart = await chartOf(zip, "汇总2022-06");
      zip.file(
        relsOf(chart),
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/package" Target="../embeddings/book1.xlsx"/></Relationships>`
      );
      zip.file("xl/embeddings/book1.xlsx", "PK");
    })
  );
  const before = readFileSync(file);
  const run = await rollupInto(join(dir, MONTHS[2]!), file, quota);
  expect(run.code).toBe(1);
  expect(run.stderr).toContain("总表中有本工具写回时无法原样保留的内容：");
  expect(run.stderr).toContain("嵌入对象");
  expect(readFileSync(file).equals(before)).toBe(true);
});

test("a 汇总 sheet renamed by hand, its month rolled up again: one chart, on the renamed sheet, drawing its cells", async () => {
  const file = join(dir, "renamed.xlsx");
  const renamed = await edited(after[2]!, async (zip) => {
    for (const part of Object.keys(zip.files).filter((n) =>
      /^xl\/(workbook|charts\/chart\d+)\.xml$/.test(n)
    ))
      zip.file(part, (await zip.file(part)!.async("string")).replace(/汇总2022-08/g, "八月汇总"));
  });
  writeFileSync(file, renamed);
  expect((await chartsBySheet(renamed)).get("八月汇总")).toHaveLength(1);
  const run = await rollupInto(join(dir, MONTHS[2]!), file, quota);
  expect(run.code).toBe(0);
  const charts = await chartsBySheet(readFileSync(file));
  expect(charts.has("汇总2022-08")).toBe(false);
  expect(charts.get("八月汇总")).toHaveLength(1);
  expect(charts.get("八月汇总")![0]).toContain("<c:f>'八月汇总'!$");
  expect(charts.get("八月汇总")![0]).not.toContain("汇总2022-08");
  for (const month of MONTHS.slice(0, 2)) expect(charts.get(`汇总${month}`)).toHaveLength(1);
});
