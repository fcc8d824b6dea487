/* Issue 10: `rollup --into` keeps what a person added to the master, byte for byte. A master made by
   the tool gets a chart, a picture and a comment on a sheet of 教务处's own and on 月报台账, and is
   saved by LibreOffice; two roll-ups into it (June, July) keep every one of those parts as
   LibreOffice wrote it, referred to by its sheet, and LibreOffice still opens and prints it. */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { execFileSync, spawnSync } from "child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { pathToFileURL } from "url";
import { ourCharts, relsOf, resolveTarget, sheetParts } from "../../src/adapters/xlsx/ourCharts";
import { reattachCharts } from "../../src/adapters/xlsx/reattachCharts";
import { readGridsFromFile } from "../../src/adapters/xlsx/node";
import { readQuotaLookup } from "../../src/core/report/quotaLookup";
import { findSoffice, requireLibreOfficeInCI } from "../support/libreoffice";
import { convertWithLibreOffice } from "../support/libreofficeConvert";
import { SAMPLE_DIR } from "../support/planData";
import { writeReport } from "../support/reportFactory";
import { runCli } from "../support/runCli";
import { useTempDir } from "../support/tempDir";
import { rollupInto } from "../support/rollupFixtures";

const available = requireLibreOfficeInCI();
const tmp = useTempDir("keep-foreign-");
jest.setTimeout(300_000);

/** A 2×2 red PNG (large enough for pdfimages to list). */
const PNG =
  "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR42mP8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==";

const CHART = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><c:chart><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/><c:ser><c:idx val="0"/><c:order val="0"/><c:cat><c:strRef><c:f>'教务处'!$A$1:$A$3</c:f></c:strRef></c:cat><c:val><c:numRef><c:f>'教务处'!$B$1:$B$3</c:f></c:numRef></c:val></c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="2"/></c:catAx><c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea><c:plotVisOnly val="1"/></c:chart></c:chartSpace>`;

const anchor = (rId: string, col: number) =>
  `<xdr:twoCellAnchor><xdr:from><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>${col + 6}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>16</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="20" name="教务处的图表"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="${rId}"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`;

let quotaFile = "";
const reportsOf: Record<number, string> = {};

beforeAll(async () => {
  quotaFile = join(tmp(), "任务分配表.xlsx");
  expect((await runCli("generate", join(SAMPLE_DIR, "graduates.csv"), "-o", quotaFile)).code).toBe(
    0
  );
  const quotas = readQuotaLookup(await readGridsFromFile(quotaFile));
  for (const [month, done] of [
    [5, [20, 100]],
    [6, [40, 140]],
    [7, [10, 150]],
  ] as const) {
    reportsOf[month] = join(tmp(), `m${month}`);
    mkdirSync(reportsOf[month]!);
    await writeReport(reportsOf[month]!, `外国语学院-2022年${month}月.xlsx`, {
      targets: quotas.find("外国语学院")!,
      month: { year: 2022, month },
      done: { training: done },
    });
  }
});

const rollupMonth = (master: string, month: number) =>
  rollupInto(reportsOf[month]!, master, quotaFile);

/** Adds a chart (by hand: exceljs writes none) to the drawing exceljs made for a sheet's picture. */
async function addChartToDrawing(zip: JSZip, sheet: string, n: number): Promise<void> {
  const rels = await zip.file(relsOf(sheet))!.async("string");
  const target = /Target="([^"]*drawings\/drawing\d+\.xml)"/.exec(rels)![1]!;
  const drawing = resolveTarget(sheet, target);
  const drawingXml = await zip.file(drawing)!.async("string");
  zip.file(drawing, drawingXml.replace("</xdr:wsDr>", `${anchor("rIdPerson", 8)}</xdr:wsDr>`));
  const drawingRels = relsOf(drawing);
  zip.file(
    drawingRels,
    (await zip.file(drawingRels)!.async("string")).replace(
      "</Relationships>",
      `<Relationship Id="rIdPerson" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="../charts/person${n}.xml"/></Relationships>`
    )
  );
  zip.file(`xl/charts/person${n}.xml`, CHART);
  zip.file(
    "[Content_Types].xml",
    (await zip.file("[Content_Types].xml")!.async("string")).replace(
      "</Types>",
      `<Override PartName="/xl/charts/person${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/></Types>`
    )
  );
}

/** The tool's May master with 教务处's chart, picture and comment on 教务处 and 月报台账, saved by LibreOffice. */
async function masterWithExtras(): Promise<string> {
  const plain = join(tmp(), "plain.xlsx");
  expect((await runCli("rollup", reportsOf[5]!, "-o", plain, "--quotas", quotaFile)).code).toBe(0);
  const plainBytes = readFileSync(plain);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(plainBytes) as unknown as ArrayBuffer);
  const own = workbook.addWorksheet("教务处");
  own.addRows([
    ["培训", 150],
    ["高级工", 30],
    ["1+X", 6],
  ]);
  const image = workbook.addImage({ base64: PNG, extension: "png" });
  for (const sheet of [own, workbook.getWorksheet("月报台账")!]) {
    sheet.getCell("C1").note = `教务处的批注（${sheet.name}）`;
    // A second note: exceljs, re-saving a LibreOffice file, keeps only the first.
    sheet.getCell("D5").note = "第二条批注";
    sheet.addImage(image, { tl: { col: 2, row: 3 }, ext: { width: 60, height: 60 } });
  }
  const zip = await JSZip.loadAsync((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
  const sheets = new Map(await sheetParts(zip));
  await addChartToDrawing(zip, sheets.get("教务处")!, 1);
  await addChartToDrawing(zip, sheets.get("月报台账")!, 2);
  // exceljs dropped the tool's own May chart: put back as a roll-up would.
  await reattachCharts(zip, (await ourCharts(JSZip, plainBytes)).charts);
  mkdirSync(join(tmp(), "src"), { recursive: true });
  const source = join(tmp(), "src", "总表.xlsx");
  writeFileSync(source, await zip.generateAsync({ type: "nodebuffer" }));
  const [saved] = await convertWithLibreOffice(source, join(tmp(), "saved"));
  return saved!;
}

/** The parts a sheet reaches through its drawing, legacy drawing and comments: path from the sheet → bytes. */
async function reached(zip: JSZip, sheet: string): Promise<Map<string, Buffer>> {
  const found = new Map<string, Buffer>();
  const walk = async (part: string, path: string, depth: number): Promise<void> => {
    const rels = await zip.file(relsOf(part))?.async("string");
    if (rels === undefined || depth > 4) return;
    for (const tag of rels.match(/<Relationship\b[^>]*>/g) ?? []) {
      if (/TargetMode="External"/.test(tag)) continue;
      const type = /Type="[^"]*\/([^"/]+)"/.exec(tag)![1]!;
      if (depth === 0 && !/^(drawing|vmlDrawing|comments)$/.test(type)) continue;
      const target = resolveTarget(part, /Target="([^"]*)"/.exec(tag)![1]!);
      const id = /Id="([^"]*)"/.exec(tag)![1]!;
      const key = `${path}/${depth === 0 ? type : id}`;
      found.set(key, await zip.file(target)!.async("nodebuffer"));
      await walk(target, key, depth + 1);
    }
  };
  await walk(sheet, "", 0);
  return found;
}

async function foreignOf(bytes: Buffer): Promise<Map<string, Map<string, Buffer>>> {
  const zip = await JSZip.loadAsync(bytes);
  const sheets = new Map(await sheetParts(zip));
  return new Map(
    await Promise.all(
      ["教务处", "月报台账"].map(async (s) => [s, await reached(zip, sheets.get(s)!)] as const)
    )
  );
}

const zip0 = (bytes: Buffer) => JSZip.loadAsync(bytes);

/** Renders the workbook to PDF with LibreOffice; returns the PDF's path. */
function toPdf(xlsx: string): string {
  const out = mkdtempSync(join(tmpdir(), "keep-foreign-pdf-"));
  const profile = mkdtempSync(join(tmpdir(), "keep-foreign-profile-"));
  execFileSync(
    findSoffice()!,
    [
      `-env:UserInstallation=${pathToFileURL(profile).href}`,
      "--headless",
      "--norestore",
      "--nolockcheck",
      "--convert-to",
      "pdf",
      "--outdir",
      out,
      xlsx,
    ],
    { timeout: 120_000, stdio: "ignore" }
  );
  return join(out, xlsx.replace(/^.*\//, "").replace(/\.xlsx$/, ".pdf"));
}

(available ? test : test.skip)(
  "a master saved by LibreOffice with charts, pictures and comments: two roll-ups keep them byte for byte",
  async () => {
    const master = await masterWithExtras();
    const before = await foreignOf(readFileSync(master));
    for (const [sheet, parts] of before) {
      // A drawing with a chart and a picture, the comments and their VML on each sheet.
      const kinds = [...parts.keys()].join(" ");
      expect({ sheet, kinds }).toEqual({ sheet, kinds: expect.stringMatching(/drawing/) });
      expect(kinds).toMatch(/vmlDrawing/);
      expect(kinds).toMatch(/comments/);
      const comments = [...parts].find(([k]) => k.endsWith("/comments"))![1].toString();
      expect(comments).toContain("第二条批注");
      expect(parts.size).toBeGreaterThanOrEqual(5);
    }
    for (const month of [6, 7]) {
      const result = await rollupMonth(master, month);
      expect({ month, code: result.code, stderr: result.stderr }).toEqual({
        month,
        code: 0,
        stderr: expect.any(String),
      });
    }
    const bytes = readFileSync(master);
    const after = await foreignOf(bytes);
    for (const [sheet, parts] of before) {
      const kept = after.get(sheet)!;
      expect([...kept.keys()].sort()).toEqual([...parts.keys()].sort());
      for (const [path, content] of parts)
        expect({ sheet, path, same: kept.get(path)!.equals(content) }).toEqual({
          sheet,
          path,
          same: true,
        });
    }
    // Every content type of a kept part names a part there, once; every part has one.
    const types = await zip0(bytes).then((z) => z.file("[Content_Types].xml")!.async("string"));
    const overrides = [...types.matchAll(/PartName="\/([^"]+)"/g)].map((m) => m[1]!);
    expect(new Set(overrides).size).toBe(overrides.length);
    const entries = Object.keys((await zip0(bytes)).files).filter((n) => !n.endsWith("/"));
    // (exceljs names a theme it does not write: only the parts of drawings and comments here.)
    const kept = /^xl\/(drawings|charts|media|comments)/;
    for (const part of overrides.filter((p) => kept.test(p))) expect(entries).toContain(part);
    const defaults = [...types.matchAll(/Extension="([^"]+)"/g)].map((m) => m[1]!.toLowerCase());
    for (const part of entries.filter((n) => n !== "[Content_Types].xml"))
      expect({
        part,
        typed:
          overrides.includes(part) || defaults.includes(part.replace(/^.*\./, "").toLowerCase()),
      }).toEqual({ part, typed: true });
    // Our own charts: May's (through LibreOffice), June's and July's summaries.
    const zip = await JSZip.loadAsync(bytes);
    const sheets = new Map(await sheetParts(zip));
    for (const summary of ["汇总2022-05", "汇总2022-06", "汇总2022-07"]) {
      const parts = await reached(zip, sheets.get(summary)!);
      expect({
        summary,
        charts: [...parts.values()].some((b) => b.includes("<c:chartSpace")),
      }).toEqual({ summary, charts: true });
    }
    // The July ledger has May's, June's and July's rows.
    const ledger = (await readGridsFromFile(master)).find((g) => g.name === "月报台账")!;
    const months = ledger.rows.flatMap((r) =>
      (r ?? []).map(String).filter((c) => /^2022-0[5-7]$/.test(c))
    );
    expect([...new Set(months)].sort()).toEqual(["2022-05", "2022-06", "2022-07"]);
    // LibreOffice opens it and prints the pictures.
    const pdf = toPdf(master);
    const images = spawnSync("pdfimages", ["-list", pdf], { encoding: "utf8" }).stdout;
    expect(
      images.split("\n").filter((l) => /^\s*\d+\s+\d+\s+image/.test(l)).length
    ).toBeGreaterThanOrEqual(2);
  }
);

const THREADED = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments" xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><threadedComment ref="C1" dT="2022-06-01T08:00:00.00" personId="{6B1F3E5A-0000-4000-8000-000000000001}" id="{6B1F3E5A-0000-4000-8000-0000000000C1}"><text>请核对培训人数</text></threadedComment></ThreadedComments>`;
const PERSONS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<personList xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments" xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><person displayName="教务处" id="{6B1F3E5A-0000-4000-8000-000000000001}" userId="jwc" providerId="None"/></personList>`;

/** Appends a relationship to a part's .rels and a content type override. */
async function link(
  zip: JSZip,
  from: string,
  type: string,
  target: string,
  part: string,
  contentType: string,
  body: string
) {
  const rels = relsOf(from);
  zip.file(
    rels,
    (await zip.file(rels)!.async("string")).replace(
      "</Relationships>",
      `<Relationship Id="rIdT${type.length}" Type="${type}" Target="${target}"/></Relationships>`
    )
  );
  zip.file(part, body);
  zip.file(
    "[Content_Types].xml",
    (await zip.file("[Content_Types].xml")!.async("string")).replace(
      "</Types>",
      `<Override PartName="/${part}" ContentType="${contentType}"/></Types>`
    )
  );
}

test("Excel's threaded comments and their people are kept byte for byte, with the legacy comment beside them", async () => {
  const plain = join(tmp(), "plain-threaded.xlsx");
  expect((await runCli("rollup", reportsOf[5]!, "-o", plain, "--quotas", quotaFile)).code).toBe(0);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(readFileSync(plain)) as unknown as ArrayBuffer);
  const own = workbook.addWorksheet("教务处");
  own.getCell("C1").value = 150;
  own.getCell("C1").note = "[Threaded comment]\n请核对培训人数";
  const zip = await JSZip.loadAsync((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
  const sheet = new Map(await sheetParts(zip)).get("教务处")!;
  const ms = "http://schemas.microsoft.com/office/2017/10/relationships";
  await link(
    zip,
    sheet,
    `${ms}/threadedComment`,
    "../threadedComments/threadedComment1.xml",
    "xl/threadedComments/threadedComment1.xml",
    "application/vnd.ms-excel.threadedcomments+xml",
    THREADED
  );
  await link(
    zip,
    "xl/workbook.xml",
    `${ms}/person`,
    "persons/person.xml",
    "xl/persons/person.xml",
    "application/vnd.ms-excel.person+xml",
    PERSONS
  );
  const master = join(tmp(), "threaded.xlsx");
  writeFileSync(master, await zip.generateAsync({ type: "nodebuffer" }));
  const legacy = (await reached(zip, sheet)).get("/comments")!;
  for (const month of [6, 7]) expect((await rollupMonth(master, month)).code).toBe(0);
  const out = await JSZip.loadAsync(readFileSync(master));
  const part = new Map(await sheetParts(out)).get("教务处")!;
  const rels = await out.file(relsOf(part))!.async("string");
  const threaded = resolveTarget(part, /threadedComment" Target="([^"]+)"/.exec(rels)![1]!);
  expect(await out.file(threaded)!.async("string")).toBe(THREADED);
  const comments = resolveTarget(part, /comments" Target="([^"]+)"/.exec(rels)![1]!);
  expect((await out.file(comments)!.async("nodebuffer")).equals(legacy)).toBe(true);
  const workbookRels = await out.file("xl/_rels/workbook.xml.rels")!.async("string");
  const persons = resolveTarget(
    "xl/workbook.xml",
    /person" Target="([^"]+)"/.exec(workbookRels)![1]!
  );
  expect(await out.file(persons)!.async("string")).toBe(PERSONS);
  const types = await out.file("[Content_Types].xml")!.async("string");
  for (const p of [threaded, comments, persons]) expect(types).toContain(`PartName="/${p}"`);
  // One legacy comment on the sheet (exceljs's own copy taken out), and exceljs still reads it.
  expect(rels.match(/relationships\/comments"/g)).toHaveLength(1);
  const read = new ExcelJS.Workbook();
  await read.xlsx.load(new Uint8Array(readFileSync(master)) as unknown as ArrayBuffer);
  expect(read.getWorksheet("教务处")!.getCell("C1").note).toBeDefined();
});
