/* Plain rows written directly (directRows) are byte for byte what exceljs writes for them. */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { PassThrough } from "stream";
import { streamWorkbook } from "../../src/adapters/xlsx/streamWorkbook";
import { cell } from "../../src/core/workbookModel";
import type { SheetModel, WorkbookModel } from "../../src/core/workbookModel";
import { printSheets } from "../print/printSheets";

async function written(model: WorkbookModel, direct: boolean): Promise<Record<string, string>> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on("data", (c: Buffer) => chunks.push(c));
  await streamWorkbook(ExcelJS, model, stream, direct);
  const zip = await JSZip.loadAsync(Buffer.concat(chunks));
  const out: Record<string, string> = {};
  for (const [name, file] of Object.entries(zip.files))
    // core.xml holds the time of writing.
    if (!file.dir && name !== "docProps/core.xml")
      // Each write gives the data bars new random ids.
      out[name] = (await file.async("string")).replace(/\{[0-9A-F-]{36}\}/g, "{id}");
  return out;
}

/** Every kind of cell: each style, formulas with each kind of result, escapes, gaps. */
function oddSheet(): SheetModel {
  const styles = ["title", "header", "text", "integer", "percent", "total", "note"] as const;
  const cells = [
    [cell("标题 <&>", "title")],
    [cell("a"), cell(1.5), cell(true), cell(false), cell(null, "integer"), cell(null), cell("")],
    [null, cell(0, "integer", "SUM(B2:C2)"), cell("x", "text", 'IF(A1="<",1,"&")')],
    [cell(null, "percent", "B3/0"), cell(true, undefined, "1=1"), cell(-0.1, "percent")],
    [],
    styles.map((s, i) => cell(i % 2 ? `文字${i}` : i * 1e21, s)),
    [cell(null), cell(null)],
    [cell("merged", "header"), cell(null, "header"), cell(2)],
    [cell(3), cell(4, "integer")],
  ];
  return {
    name: "各种",
    key: "odd",
    cells,
    columnWidths: [10, 12, 8],
    frozenRows: 1,
    merges: ["A8:B9"],
    rowHeights: { 4: 30, 6: 18.75 },
    wholeNumberRanges: ["C9:C9"],
  } as unknown as SheetModel;
}

test("direct rows = exceljs rows: every part of the streamed workbook is the same", async () => {
  const model = { sheets: [oddSheet(), ...printSheets()] };
  const [direct, viaExcelJs] = [await written(model, true), await written(model, false)];
  expect(Object.keys(direct)).toEqual(Object.keys(viaExcelJs));
  for (const name of Object.keys(viaExcelJs))
    expect([name, direct[name] === viaExcelJs[name]]).toEqual([name, true]);
  expect(direct["xl/worksheets/sheet1.xml"]).toContain('<row r="5" ht="30" customHeight="1"');
});
