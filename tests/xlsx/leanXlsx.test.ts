/* Our own writer of a new workbook (writeLeanXlsx) against exceljs's in-memory writer
   (toExcelWorkbook): both files read back with exceljs give the same workbook, sheet by sheet. */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { readFileSync } from "fs";
import { join } from "path";
import { writeWorkbook } from "../../src/adapters/xlsx/writeWorkbook";
import { internalRels } from "../../src/adapters/xlsx/zipParts";
import { writeLeanXlsx } from "../../src/adapters/xlsx/writeLeanXlsx";
import { buildListSheets } from "../../src/core/lists/buildListSheets";
import { cell } from "../../src/core/workbookModel";
import type { SheetModel, WorkbookModel } from "../../src/core/workbookModel";
import { printSheets } from "../print/printSheets";
import { readGridsFromFile } from "../../src/adapters/xlsx/node";
import { manyCollegesLedger } from "../support/coreFixtures";
import { ledgerSheet } from "../../src/core/rollup/ledgerSheet";
import { FOREIGN_JUNE, JUNE, ledgerOf, sampleQuotas, subfolder } from "../support/rollupFixtures";
import { writeReport } from "../support/reportFactory";
import { recalculatedValues, requireLibreOfficeInCI } from "../support/libreoffice";
import { useTempDir } from "../support/tempDir";

const tmp = useTempDir("lean-xlsx-");

/** What exceljs keeps of a sheet besides its cells (not all in its types). */
interface SheetExtras {
  readonly conditionalFormattings: { ref: string; rules: { x14Id?: string }[] }[];
  readonly dataValidations: { model: unknown };
  readonly _merges: object;
}
const extras = (ws: ExcelJS.Worksheet) => ws as unknown as SheetExtras;

function cellsOf(ws: ExcelJS.Worksheet): unknown[] {
  const cells: unknown[] = [];
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    cells.push(["height", r, row.height]);
    row.eachCell({ includeEmpty: true }, (c) =>
      cells.push([c.address, c.type, c.value, c.style, c.isMerged ? c.master.address : null])
    );
  });
  return cells;
}

/** The data bars, their Excel 2010 id (random) only said to be there. */
const barsOf = (ws: ExcelJS.Worksheet) =>
  extras(ws).conditionalFormattings.map((cf) => ({
    ...cf,
    rules: cf.rules.map((rule) => ({
      ...rule,
      x14Id: /^\{[0-9A-F-]{36}\}$/.test(rule.x14Id ?? ""),
    })),
  }));

/** Everything of a workbook the model can say, as exceljs reads it back. */
function shape(workbook: ExcelJS.Workbook) {
  return {
    names: workbook.definedNames.model,
    calc: workbook.calcProperties,
    creator: workbook.creator,
    sheets: workbook.worksheets.map((ws) => ({
      name: ws.name,
      cells: cellsOf(ws),
      merges: Object.keys(extras(ws)._merges).sort(),
      widths: ws.columns?.map((c) => c.width) ?? [],
      views: ws.views,
      pageSetup: ws.pageSetup,
      headerFooter: ws.headerFooter,
      dataValidations: extras(ws).dataValidations.model,
      bars: barsOf(ws),
    })),
  };
}

/**
 * What exceljs does not read back, from the XML: recalculation on open, row heights said to be
 * set (customHeight), fit to page, print centring, and the sheet's parts (the zip's entries).
 */
async function rawShape(bytes: Uint8Array) {
  const zip = await JSZip.loadAsync(bytes);
  const text = (name: string) => zip.file(name)!.async("string");
  const attrs = (tag: string | undefined, names: string[]) =>
    names.map((n) => new RegExp(`\\b${n}="([^"]*)"`).exec(tag ?? "")?.[1]);
  const sheets = Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
  return {
    calc: attrs(/<calcPr\b[^>]*>/.exec(await text("xl/workbook.xml"))?.[0], ["fullCalcOnLoad"]),
    entries: Object.keys(zip.files)
      .filter((n) => !zip.files[n]!.dir && !/^docProps\//.test(n))
      .sort(),
    sheets: await Promise.all(
      sheets.map(async (name) => {
        const xml = await text(name);
        return {
          rows: [...xml.matchAll(/<row\b[^>]*>/g)].map((m) =>
            attrs(m[0], ["r", "ht", "customHeight"])
          ),
          fit: attrs(/<pageSetUpPr\b[^>]*>/.exec(xml)?.[0], ["fitToPage"]),
          print: attrs(/<printOptions\b[^>]*>/.exec(xml)?.[0], ["horizontalCentered"]),
        };
      })
    ),
  };
}

async function readBack(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return workbook;
}

/** The model written by both writers (ours, exceljs's): each read back, and its raw shape. */
async function bothWays(model: WorkbookModel) {
  const path = join(tmp(), "lean.xlsx");
  writeLeanXlsx(model, path);
  const files = [readFileSync(path), await writeWorkbook(ExcelJS, model)];
  return Promise.all(
    files.map(async (bytes) => ({ read: shape(await readBack(bytes)), raw: await rawShape(bytes) }))
  );
}

/** Every kind of cell: each style, formulas with each kind of result, escapes, gaps, merges. */
function oddSheet(): SheetModel {
  const styles = ["title", "header", "text", "integer", "percent", "total", "note"] as const;
  return {
    name: "各种 'x' & <y>",
    key: "odd",
    cells: [
      [cell("标题 <&>\u0001", "title")],
      [cell("a"), cell(1.5), cell(true), cell(false), cell(null, "integer"), cell(null), cell("")],
      [null, cell(0, "integer", "SUM(B2:C2)"), cell("x", "text", 'IF(A1="<",1,"&")')],
      [cell(null, "percent", "B3/0"), cell(true, undefined, "1=1"), cell(-0.1, "percent")],
      [],
      styles.map((s, i) => cell(i % 2 ? ` 文字${i}\n` : i * 1e21, s)),
      [cell(null), cell(null)],
      [cell("merged", "header"), cell("hidden", "text"), cell(2)],
      [cell(3), cell(4, "integer")],
      [cell("x".repeat(40000), "formText"), cell("y", "formLabel"), cell(7, "formInput")],
      [cell(45.67, "formPercent"), cell("!", "warning"), cell("合计", "totalText")],
    ],
    columnWidths: [10, 12, 12, 8],
    frozenRows: 1,
    merges: ["A8:B9", "D11:E12"],
    rowHeights: { 4: 30, 6: 18.75, 13: 40 },
    wholeNumberRanges: ["C9:C9", "E2:F3"],
    dataBars: ["B6:C6", "F6:G6"],
    landscape: true,
  };
}

const month = { year: 2022, month: 6 };
const all = printSheets();
const MODELS: Record<string, () => WorkbookModel> = {
  // The roll-up's master: the 汇总 (data bars, merges, chart rows) and the 月报台账.
  master: () => ({ sheets: all.filter((s) => s.key === "ledger" || s.key?.startsWith("summary")) }),
  "quota workbook": () => ({ sheets: all.filter((s) => s.key && !/^summary|^ledger/.test(s.key)) }),
  "附件6 template and lists": () => ({
    sheets: [
      all.find((s) => s.wholeNumberRanges?.length)!,
      ...buildListSheets({ college: "外国语学院", month }),
    ],
  }),
  "odd cells": () => ({ sheets: [oddSheet(), { ...oddSheet(), name: "二", key: "odd2" }] }),
};

describe("writeLeanXlsx = exceljs's in-memory writer, read back", () => {
  test.each(Object.keys(MODELS))("%s", async (name) => {
    const model = MODELS[name]!();
    expect(model.sheets.length).toBeGreaterThan(0);
    const [ours, theirs] = await bothWays(model);
    expect(ours!.read).toEqual(theirs!.read);
    expect(ours!.raw).toEqual(theirs!.raw);
    expect(ours!.raw.calc).toEqual(["1"]);
  });
});

test("a roll-up into a new master never loads exceljs", async () => {
  const quotaFile = join(tmp(), "quotas.xlsx");
  const quotas = await sampleQuotas(quotaFile);
  const reports = subfolder(tmp(), "reports");
  const targets = quotas.colleges.find((c) => c.college === "外国语学院")!;
  await writeReport(reports, "外国语学院.xlsx", { targets, month: JUNE, done: FOREIGN_JUNE });
  const master = join(tmp(), "master.xlsx");
  const errors: string[] = [];
  let code = -1;
  await jest.isolateModulesAsync(async () => {
    jest.doMock("exceljs", () => {
      throw new Error("exceljs loaded");
    });
    const { main } = require("../../src/cli/main") as typeof import("../../src/cli/main");
    const out = { stdout: () => undefined, stderr: (line: string) => void errors.push(line) };
    code = await main(["rollup", reports, "-o", master, "--quotas", quotaFile], out);
  });
  expect([code, errors]).toEqual([0, []]);
  expect(new Set((await ledgerOf(master)).map((r) => r.college))).toEqual(new Set(["外国语学院"]));
});

test("a ledger of 10,000 rows: written in chunks, read back whole", async () => {
  const ledger = manyCollegesLedger(2500);
  const path = join(tmp(), "big.xlsx");
  writeLeanXlsx({ sheets: [ledgerSheet(ledger)] }, path);
  const [grid] = await readGridsFromFile(path);
  expect(grid!.rows.length).toBe(1 + 4 * 2500); // a row per section
  expect(grid!.rows[10000]![0]).toBe("学院2499");
});

/** Parts named by the content types or a relationship that the package does not hold. */
async function missingParts(bytes: Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  const has = (part: string) => zip.file(part) !== null;
  const types = await zip.file("[Content_Types].xml")!.async("string");
  const named = [...types.matchAll(/PartName="\/([^"]+)"/g)].map((m) => m[1]!);
  for (const rels of Object.keys(zip.files).filter((n) => n.endsWith(".rels"))) {
    // The package's own relationships (_rels/.rels) are of the root: targets from the top.
    const part = rels === "_rels/.rels" ? "" : rels.replace(/_rels\/([^/]+)\.rels$/, "$1");
    const xml = await zip.file(rels)!.async("string");
    named.push(...internalRels(part, xml).map(([, , target]) => target));
  }
  return named.filter((part) => !has(part));
}

test("every part the package names is there, also once exceljs has re-saved it (roll-up --into)", async () => {
  const path = join(tmp(), "whole.xlsx");
  writeLeanXlsx(MODELS.master!(), path);
  const bytes = readFileSync(path);
  expect(await missingParts(bytes)).toEqual([]);
  const resaved = await (await readBack(bytes)).xlsx.writeBuffer();
  expect(await missingParts(new Uint8Array(resaved as ArrayBuffer))).toEqual([]);
});

(requireLibreOfficeInCI() ? test : test.skip)(
  "LibreOffice opens every sheet kind we write and recalculates each formula to its cached result",
  async () => {
    const model = { sheets: all };
    const path = join(tmp(), "recalculated.xlsx");
    writeLeanXlsx(model, path);
    const values = await recalculatedValues(path);
    const found: unknown[] = [];
    const expected: unknown[] = [];
    for (const sheet of model.sheets)
      sheet.cells.forEach((row, r) =>
        row.forEach((c, col) => {
          if (c?.formula === undefined) return;
          const v = values[sheet.name]?.[r]?.[col] ?? null;
          found.push([sheet.name, r, col, typeof v === "number" ? Math.round(v * 1e6) / 1e6 : v]);
          // An empty text result reads back as nothing (see readValues).
          const want = c.value === "" ? null : c.value;
          expected.push([
            sheet.name,
            r,
            col,
            typeof want === "number" ? Math.round(want * 1e6) / 1e6 : want,
          ]);
        })
      );
    expect(found.length).toBeGreaterThan(50);
    expect(found).toEqual(expected);
  }
);
