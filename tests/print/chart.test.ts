/* The native chart on a master's 汇总 sheet: its parts in the package, the sheet's <drawing> in
   schema order, for every way a master is written; LibreOffice draws it. */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { readFileSync } from "fs";
import { join } from "path";
import { addModelCharts, withDrawing } from "../../src/adapters/xlsx/addChart";
import { writeWorkbook } from "../../src/adapters/xlsx/writeWorkbook";
import { chartSpec } from "../../src/core/chartSpec";
import { monthReports } from "../support/monthReports";
import { SAMPLE_DIR } from "../support/planData";
import { runCli } from "../support/runCli";
import { useTempDir } from "../support/tempDir";
import { printSheets } from "./printSheets";
import { pdfText, printToPdf, requirePrintTools } from "./renderPdf";

const tmp = useTempDir("quota-chart-");
jest.setTimeout(300_000);

/** The 汇总 sheet's part, its rels, the drawing and the chart of a written master. */
async function chartParts(bytes: Uint8Array, sheet: string) {
  const zip = await JSZip.loadAsync(bytes);
  const text = async (path: string) => (await zip.file(path)?.async("string")) ?? null;
  const workbook = (await text("xl/workbook.xml"))!;
  const id = new RegExp(`<sheet [^>]*name="${sheet}"[^>]*r:id="([^"]+)"`).exec(workbook)![1];
  const rels = (await text("xl/_rels/workbook.xml.rels"))!;
  const target =
    new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ??
    new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)![1]!;
  const part = `xl/${target.replace(/^\/?xl\//, "")}`;
  const file = part.slice(part.lastIndexOf("/") + 1);
  return {
    sheetXml: (await text(part))!,
    sheetRels: await text(part.replace(file, `_rels/${file}.rels`)),
    types: (await text("[Content_Types].xml"))!,
    drawing: await text("xl/drawings/drawing1.xml"),
    drawingRels: await text("xl/drawings/_rels/drawing1.xml.rels"),
    chart: await text("xl/charts/chart1.xml"),
  };
}

function expectChart(parts: Awaited<ReturnType<typeof chartParts>>, sheet: string) {
  expect(parts.sheetRels).toMatch(/relationships\/drawing" Target="\.\.\/drawings\/drawing1\.xml"/);
  expect(parts.drawingRels).toMatch(/relationships\/chart" Target="\.\.\/charts\/chart1\.xml"/);
  expect(parts.types).toContain(
    'PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"'
  );
  expect(parts.types).toContain(
    'PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"'
  );
  // CT_Worksheet order: … pageSetup, headerFooter, rowBreaks, drawing, … extLst.
  const order = [
    "<pageMargins",
    "<pageSetup",
    "<headerFooter",
    "<rowBreaks",
    "<drawing ",
    "<extLst",
  ]
    .map((tag) => parts.sheetXml.lastIndexOf(tag))
    .filter((i) => i >= 0);
  expect(order).toEqual([...order].sort((a, b) => a - b));
  expect(parts.sheetXml.indexOf("<drawing ")).toBeGreaterThan(
    parts.sheetXml.indexOf("</headerFooter>")
  );
  expect(parts.chart).toContain('<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/>');
  expect(parts.chart).toContain(`<c:f>'${sheet}'!$B$`);
  expect(parts.chart).toContain("<c:v>按期应完成</c:v>");
  expect(parts.drawing).toContain('r:id="rIdChart1"');
}

test("the sheet's <drawing> goes after headerFooter, not into a cfRule's extLst", () => {
  const xml =
    '<worksheet xmlns="x"><sheetData/><conditionalFormatting><cfRule><extLst/></cfRule></conditionalFormatting>' +
    "<pageMargins/><pageSetup/><headerFooter><oddFooter>&amp;P</oddFooter></headerFooter><extLst><ext/></extLst></worksheet>";
  const out = withDrawing(xml, "rId9", 30);
  expect(out).toContain(
    '</headerFooter><rowBreaks count="1" manualBreakCount="1"><brk id="30" max="16383" man="1"/></rowBreaks><drawing r:id="rId9"/><extLst><ext/>'
  );
  expect(out).toContain(
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
  );
  expect(() => withDrawing(out, "rId10")).toThrow(/already has a drawing/);
});

test("a master written in memory (the page) carries the chart; a model without one is left as it was", async () => {
  const summary = printSheets().find((s) => s.name.startsWith("汇总"))!;
  expect(chartSpec(summary)!.categories.values).toContain("按期应完成");
  const bytes = await writeWorkbook(ExcelJS, { sheets: [summary] });
  expectChart(
    await chartParts(await addModelCharts(JSZip, bytes, { sheets: [summary] }), summary.name),
    summary.name
  );
  const plain = await writeWorkbook(ExcelJS, { sheets: [printSheets()[0]!] });
  expect(await addModelCharts(JSZip, plain, { sheets: [printSheets()[0]!] })).toBe(plain);
});

test("rollup: the streamed master and the master written --into both carry the chart, and LibreOffice draws it", async () => {
  const dir = tmp();
  const quota = join(dir, "q.xlsx");
  expect((await runCli("generate", join(SAMPLE_DIR, "graduates.csv"), "-o", quota)).code).toBe(0);
  await monthReports(join(dir, "may"), quota, { year: 2022, month: 5 }, 0);
  await monthReports(join(dir, "june"), quota, { year: 2022, month: 6 }, 6);
  const master = join(dir, "master.xlsx");
  expect((await runCli("rollup", join(dir, "may"), "-o", master, "--quotas", quota)).code).toBe(0);
  expectChart(await chartParts(readFileSync(master), "汇总2022-05"), "汇总2022-05");
  const into = join(dir, "master-june.xlsx");
  const run = await runCli(
    "rollup",
    join(dir, "june"),
    "--into",
    master,
    "-o",
    into,
    "--quotas",
    quota
  );
  expect(run.code).toBe(0);
  expectChart(await chartParts(readFileSync(into), "汇总2022-06"), "汇总2022-06");
  // Both open in Excel's own reader, and in LibreOffice, which prints the chart.
  for (const file of [master, into]) await new ExcelJS.Workbook().xlsx.readFile(file);
  if (!requirePrintTools()) return;
  const [pdf] = printToPdf([into], join(dir, "pdf"));
  const text = pdfText(pdf!).replace(/\s+/g, "");
  expect(text).toContain("各学院累计完成率（%）");
  expect(text).toContain("培训完成率");
});
