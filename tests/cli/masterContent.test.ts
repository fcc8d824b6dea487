/* Issue 10: `rollup --into` never silently drops what a person added to the master. A master
   made by the tool gets a sheet with a chart, an image and a comment (kept: keepForeign.test) and
   a link to another workbook (which the write cannot carry), and is saved by LibreOffice; two
   roll-ups into it are refused with that reason, the file byte for byte unchanged. */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { mkdirSync, readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { chartKeeper } from "../../src/adapters/xlsx/addChart";
import { droppedContent } from "../../src/adapters/xlsx/foreignParts";
import { ourCharts } from "../../src/adapters/xlsx/ourCharts";
import { readGridsFromFile } from "../../src/adapters/xlsx/node";
import { writeWorkbookInto } from "../../src/adapters/xlsx/writeWorkbookInto";
import { zipEntryNames } from "../../src/adapters/xlsx/zipEntryNames";
import { readQuotaLookup } from "../../src/core/report/quotaLookup";
import { requireLibreOfficeInCI } from "../support/libreoffice";
import { convertWithLibreOffice } from "../support/libreofficeConvert";
import { SAMPLE_DIR } from "../support/planData";
import { writeReport } from "../support/reportFactory";
import { runCli } from "../support/runCli";
import { useTempDir } from "../support/tempDir";

const available = requireLibreOfficeInCI();
const tmp = useTempDir("master-content-");
jest.setTimeout(240_000);

/** A 1×1 PNG. */
const PNG =
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==";

const CHART = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><c:chart><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/><c:ser><c:idx val="0"/><c:order val="0"/><c:cat><c:strRef><c:f>'教务处'!$A$1:$A$3</c:f></c:strRef></c:cat><c:val><c:numRef><c:f>'教务处'!$B$1:$B$3</c:f></c:numRef></c:val></c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="2"/></c:catAx><c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea><c:plotVisOnly val="1"/></c:chart></c:chartSpace>`;

const CHART_ANCHOR = `<xdr:twoCellAnchor><xdr:from><xdr:col>4</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>10</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>16</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="20" name="图表 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rIdChart1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`;

let quotaFile = "";
let reports = "";

beforeAll(async () => {
  quotaFile = join(tmp(), "任务分配表.xlsx");
  expect((await runCli("generate", join(SAMPLE_DIR, "graduates.csv"), "-o", quotaFile)).code).toBe(
    0
  );
  const quotas = readQuotaLookup(await readGridsFromFile(quotaFile));
  reports = join(tmp(), "june");
  mkdirSync(reports);
  await writeReport(reports, "外国语学院-2022年6月.xlsx", {
    targets: quotas.find("外国语学院")!,
    month: { year: 2022, month: 6 },
    done: { training: [40, 150] },
  });
});

/** The tool's master, plus a sheet of 教务处's own with an image and a note (exceljs) and a chart (by hand). */
async function masterWithExtras(): Promise<string> {
  const plain = join(tmp(), "plain.xlsx");
  expect((await runCli("rollup", reports, "-o", plain, "--quotas", quotaFile)).code).toBe(0);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(plain);
  const sheet = workbook.addWorksheet("教务处");
  sheet.addRows([
    ["培训", 150],
    ["高级工", 30],
    ["1+X", 6],
  ]);
  sheet.getCell("A1").note = "教务处的批注";
  const image = workbook.addImage({ base64: PNG, extension: "png" });
  sheet.addImage(image, { tl: { col: 2, row: 0 }, ext: { width: 40, height: 40 } });
  const zip = await JSZip.loadAsync((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
  const drawing = Object.keys(zip.files).find((n) => /^xl\/drawings\/drawing\d+\.xml$/.test(n))!;
  const rels = drawing.replace("drawings/", "drawings/_rels/") + ".rels";
  zip.file(
    drawing,
    (await zip.file(drawing)!.async("string")).replace("</xdr:wsDr>", `${CHART_ANCHOR}</xdr:wsDr>`)
  );
  zip.file(
    rels,
    (await zip.file(rels)!.async("string")).replace(
      "</Relationships>",
      '<Relationship Id="rIdChart1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="../charts/chart1.xml"/></Relationships>'
    )
  );
  zip.file("xl/charts/chart1.xml", CHART);
  zip.file(
    "[Content_Types].xml",
    (await zip.file("[Content_Types].xml")!.async("string")).replace(
      "</Types>",
      '<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/></Types>'
    )
  );
  const source = join(tmp(), "src", "总表.xlsx");
  mkdirSync(join(tmp(), "src"), { recursive: true });
  writeFileSync(source, await zip.generateAsync({ type: "nodebuffer" }));
  const [saved] = await convertWithLibreOffice(source, join(tmp(), "saved"));
  return saved!;
}

/** The workbook with a link to another workbook's cells (an external link part, as Excel saves one). */
async function withExternalLink(path: string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const text = (p: string) => zip.file(p)!.async("string");
  zip.file(
    "xl/externalLinks/externalLink1.xml",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><externalBook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/></externalLink>'
  );
  zip.file(
    "xl/_rels/workbook.xml.rels",
    (await text("xl/_rels/workbook.xml.rels")).replace(
      "</Relationships>",
      '<Relationship Id="rIdLink1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLink" Target="externalLinks/externalLink1.xml"/></Relationships>'
    )
  );
  zip.file(
    "[Content_Types].xml",
    (await text("[Content_Types].xml")).replace(
      "</Types>",
      '<Override PartName="/xl/externalLinks/externalLink1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml"/></Types>'
    )
  );
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

(available ? test : test.skip)(
  "a master saved by LibreOffice with a chart, an image, a comment and an external link: two roll-ups refused for the link, byte for byte unchanged",
  async () => {
    const saved = await masterWithExtras();
    const names = zipEntryNames(readFileSync(saved))!;
    expect(names.some((n) => n.startsWith("xl/charts/"))).toBe(true);
    expect(names.some((n) => n.startsWith("xl/media/"))).toBe(true);
    expect(names.some((n) => /^xl\/comments/.test(n))).toBe(true);
    const master = join(tmp(), "linked.xlsx");
    writeFileSync(master, await withExternalLink(saved));
    const before = readFileSync(master);
    for (let run = 0; run < 2; run++) {
      const result = await runCli(
        "rollup",
        reports,
        "--into",
        master,
        "-o",
        master,
        "--quotas",
        quotaFile
      );
      expect(result.code).toBe(1);
      expect(result.stderr).toContain("总表中有本工具写回时无法原样保留的内容：外部链接；");
      expect(result.stderr).toContain("未汇总，总表未改动");
      expect(readFileSync(master).equals(before)).toBe(true);
    }
    // The pane's download goes through the same refusal; without the keeper, the chart too.
    await expect(
      writeWorkbookInto(ExcelJS, before, { sheets: [] }, chartKeeper(JSZip))
    ).rejects.toThrow(/：外部链接；/);
    await expect(writeWorkbookInto(ExcelJS, before, { sheets: [] })).rejects.toThrow(/图表/);
  }
);

test("a master the tool made has nothing it would drop but its own chart; the zip directory is read without inflating", async () => {
  const plain = join(tmp(), "plain-only.xlsx");
  expect((await runCli("rollup", reports, "-o", plain, "--quotas", quotaFile)).code).toBe(0);
  const bytes = readFileSync(plain);
  const zip = await JSZip.loadAsync(bytes);
  expect(zipEntryNames(bytes)!.sort()).toEqual(
    Object.keys(zip.files)
      .filter((n) => !zip.files[n]!.dir)
      .sort()
  );
  // Its chart is ours (put back after a roll-up into it): nothing else would be dropped.
  expect(droppedContent(bytes)).toEqual(["图表", "绘图（图表、图片、形状）"]);
  expect(droppedContent(bytes, (await ourCharts(JSZip, bytes)).parts)).toEqual([]);
  expect(zipEntryNames(new Uint8Array(100))).toBeNull();
});
