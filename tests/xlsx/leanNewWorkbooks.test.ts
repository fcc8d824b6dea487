/* Every new workbook is our own writer's (writeLeanParts): into memory the same as into a file,
   with fflate (the page) the same parts as with Node's zlib, charts added where the model has
   them, and quota generate, template and validate --list never load exceljs. */
import JSZip from "jszip";
import { readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { writeLeanParts } from "../../src/adapters/xlsx/leanXlsx";
import { addModelCharts } from "../../src/adapters/xlsx/addChart";
import { addChartsToNew } from "../../src/adapters/xlsx/leanChartsBrowser";
import { leanXlsxBytes as pageXlsxBytes } from "../../src/adapters/xlsx/leanXlsxBrowser";
import {
  nodeZip,
  ourChartsIn,
  readGridsFromFile,
  writeModelToFile,
} from "../../src/adapters/xlsx/node";
import { leanXlsxBytes } from "../../src/adapters/xlsx/writeLeanXlsx";
import { FileSink, NODE_ZIP } from "../../src/adapters/xlsx/zipFileWriter";
import { MemorySink, ZipWriter } from "../../src/adapters/xlsx/zipWriter";
import type { WorkbookModel } from "../../src/core/workbookModel";
import { manyCollegesLedger } from "../support/coreFixtures";
import { ledgerSheet } from "../../src/core/rollup/ledgerSheet";
import { printSheets } from "../print/printSheets";
import { sampleQuotas } from "../support/rollupFixtures";
import { useTempDir } from "../support/tempDir";

const tmp = useTempDir("lean-new-");
const NOW = new Date(2022, 5, 30, 9, 0, 0);
const GUID = /\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\}/g;

async function parts(bytes: Uint8Array): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out: Record<string, string> = {};
  for (const [name, file] of Object.entries(zip.files))
    if (!file.dir) out[name] = (await file.async("string")).replace(GUID, "{GUID}");
  return out;
}

/** The master's sheets (data bars, merges, chart) and a ledger of 4,000 rows (chunks of a part). */
function models(): WorkbookModel[] {
  const ledger = manyCollegesLedger(1000);
  return [{ sheets: printSheets() }, { sheets: [ledgerSheet(ledger)] }];
}

test("into memory: the same bytes as into a file", () => {
  for (const [i, model] of models().entries()) {
    const path = join(tmp(), `file-${i}.xlsx`);
    const file = FileSink.create(path);
    let n = 0;
    const guid = () => `00000000-0000-4000-8000-${String(n++).padStart(12, "0")}`;
    writeLeanParts(model, new ZipWriter(file, NODE_ZIP, NOW), guid, NOW);
    file.close();
    const memory = new MemorySink();
    n = 0;
    writeLeanParts(model, new ZipWriter(memory, NODE_ZIP, NOW), guid, NOW);
    expect(Buffer.from(memory.bytes()).equals(readFileSync(path))).toBe(true);
  }
});

test("the page's writer (fflate): the same parts as Node's, read back alike", async () => {
  for (const model of models()) {
    const page = pageXlsxBytes(model, NOW);
    const node = leanXlsxBytes(model, NOW);
    expect(await parts(page)).toEqual(await parts(node));
    const [pagePath, nodePath] = [join(tmp(), "page.xlsx"), join(tmp(), "node.xlsx")];
    writeFileSync(pagePath, page);
    await writeModelToFile(model, nodePath);
    expect(await readGridsFromFile(pagePath)).toEqual(await readGridsFromFile(nodePath));
  }
});

test("writeModelToFile adds the charts the model asks for", async () => {
  const path = join(tmp(), "charts.xlsx");
  await writeModelToFile({ sheets: printSheets() }, path);
  const names = Object.keys(await parts(readFileSync(path)));
  expect(names.some((n) => n.startsWith("xl/charts/"))).toBe(true);
  expect((await ourChartsIn(readFileSync(path))).charts.length).toBeGreaterThan(0);
});

test("the page's chart adder of a new master (LeanZip, fflate): the parts Node's makes", async () => {
  const model = { sheets: printSheets() };
  const bytes = pageXlsxBytes(model, NOW);
  const page = await addChartsToNew(bytes, model);
  expect(await parts(page)).toEqual(await parts(await addModelCharts(nodeZip, bytes, model)));
  expect((await ourChartsIn(page)).charts.length).toBeGreaterThan(0);
});

test("quota generate, template and validate --list never load exceljs", async () => {
  const quotaFile = join(tmp(), "quotas.xlsx");
  await sampleQuotas(quotaFile);
  const form = join(tmp(), "form.xlsx");
  const list = join(tmp(), "问题.xlsx");
  const codes: number[] = [];
  const errors: string[] = [];
  await jest.isolateModulesAsync(async () => {
    jest.doMock("exceljs", () => {
      throw new Error("exceljs loaded");
    });
    const { main } = require("../../src/cli/main") as typeof import("../../src/cli/main");
    const out = { stdout: () => undefined, stderr: (line: string) => void errors.push(line) };
    const csv = join(__dirname, "../../samples/plan-2022/graduates.csv");
    codes.push(await main(["generate", csv, "-o", join(tmp(), "generated.xlsx")], out));
    const month = ["--month", "2022-06", "--quotas", quotaFile];
    codes.push(await main(["template", "--college", "经济管理学院", ...month, "-o", form], out));
    codes.push(await main(["validate", form, "--quotas", quotaFile, "--list", list], out));
  });
  expect(errors.filter((e) => /exceljs|Error/.test(e))).toEqual([]);
  expect(codes.slice(0, 2)).toEqual([0, 0]);
  expect((await readGridsFromFile(join(tmp(), "generated.xlsx"))).length).toBeGreaterThan(0);
  expect((await readGridsFromFile(list))[0]!.rows.length).toBeGreaterThan(0);
});
