/* What neither writer may put in a file: characters XML cannot hold, numbers Excel cannot hold, a
   print area naming no cell, a row hidden by a height of 0. Both writers, read back by exceljs. */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { writeWorkbook } from "../../src/adapters/xlsx/writeWorkbook";
import { leanXlsxBytes } from "../../src/adapters/xlsx/writeLeanXlsx";
import { cell } from "../../src/core/workbookModel";
import type { SheetModel, WorkbookModel } from "../../src/core/workbookModel";

const sheet = (name: string, more: Partial<SheetModel>): SheetModel => ({
  name,
  cells: [],
  merges: [],
  columnWidths: [10, 10],
  frozenRows: 0,
  ...more,
});

const MODEL: WorkbookModel = {
  sheets: [
    sheet("值", {
      cells: [
        [cell("外国语\uFFFE学院\uFFFF"), cell("a\u0001b\u001fc")],
        [cell(Number.NaN), cell(Number.POSITIVE_INFINITY)],
        [cell(Number.NEGATIVE_INFINITY, undefined, "1/0"), cell(12)],
      ],
      rowHeights: { 1: 0 },
    }),
    sheet("空", {}),
  ],
};

const writers = {
  lean: async (model: WorkbookModel) => leanXlsxBytes(model),
  exceljs: async (model: WorkbookModel) => writeWorkbook(ExcelJS, model),
};

describe.each(Object.entries(writers))("the %s writer", (_, write) => {
  let book: ExcelJS.Workbook;
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = await write(MODEL);
    book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  });

  test("drops what XML cannot hold (U+FFFE, U+FFFF, control characters): the file opens", () => {
    const ws = book.getWorksheet("值")!;
    expect(ws.getCell("A1").value).toBe("外国语学院");
    expect(ws.getCell("B1").value).toBe("abc");
  });

  test("a number Excel cannot hold is #NUM! where it is, never NaN or a silent 0", () => {
    const ws = book.getWorksheet("值")!;
    expect(ws.getCell("A2").value).toEqual({ error: "#NUM!" });
    expect(ws.getCell("B2").value).toEqual({ error: "#NUM!" });
    expect(ws.getCell("B3").value).toBe(12);
  });

  test("an empty sheet prints A1, not A1:A0", async () => {
    const workbook = await (await JSZip.loadAsync(bytes)).file("xl/workbook.xml")!.async("string");
    expect(workbook).not.toMatch(/\$A\$0|\$A0\b/);
  });

  test("a height of 0 does not hide the row", async () => {
    const zip = await JSZip.loadAsync(bytes);
    const first = Object.keys(zip.files).find((n) => /^xl\/worksheets\/sheet1\.xml$/.test(n))!;
    const xml = await zip.file(first)!.async("string");
    expect(xml).not.toMatch(/\sht="0"/);
    // Nor a formula's cached result that is no number ("-Infinity").
    expect(xml).not.toMatch(/Infinity|NaN/);
  });
});
