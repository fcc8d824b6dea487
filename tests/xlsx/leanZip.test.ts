/* The chart code's zip in Node (LeanZip) gives the same parts as JSZip, unchanged parts copied. */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { readFileSync } from "fs";
import { join } from "path";
import { addModelCharts } from "../../src/adapters/xlsx/addChart";
import { nodeZip, ourChartsIn, streamModelToFile } from "../../src/adapters/xlsx/node";
import { writeWorkbook } from "../../src/adapters/xlsx/writeWorkbook";
import { printSheets } from "../print/printSheets";
import { useTempDir } from "../support/tempDir";

const tmp = useTempDir("lean-zip-");

async function parts(bytes: Uint8Array): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out: Record<string, string> = {};
  for (const [name, file] of Object.entries(zip.files))
    if (!file.dir) out[name] = await file.async("string");
  return out;
}

test("charts added to a streamed and to an in-memory workbook: the same parts as JSZip makes", async () => {
  const sheets = printSheets();
  const model = { sheets };
  expect(sheets.some((s) => s.chart?.at)).toBe(true);
  const streamed = join(tmp(), "streamed.xlsx");
  await streamModelToFile(model, streamed);
  for (const bytes of [readFileSync(streamed), await writeWorkbook(ExcelJS, model)]) {
    const lean = await addModelCharts(nodeZip, bytes, model);
    const jszip = await addModelCharts(JSZip, bytes, model);
    const [a, b] = [await parts(lean), await parts(jszip)];
    expect(Object.keys(a)).toEqual(Object.keys(b));
    expect(a).toEqual(b);
    expect(Object.keys(a).some((n) => n.startsWith("xl/charts/"))).toBe(true);
    // Our chart is found again in what LeanZip wrote (as the next month's roll-up reads it).
    expect((await ourChartsIn(lean)).charts.length).toBeGreaterThan(0);
  }
});
