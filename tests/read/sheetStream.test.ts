/* A large sheet is read piece by piece (SheetXmlReader): the same grid as reading it whole. */
import { readWorkbookData } from "../../src/adapters/read/readWorkbookData";
import { CellBudget, SheetBuilder } from "../../src/adapters/read/sheetBuilder";
import { SheetXmlReader, readSheetXml } from "../../src/adapters/read/xlsxSheet";
import { WHOLE_TEXT_UP_TO } from "../../src/adapters/read/zipDirectory";
import { cellInfo } from "../../src/core/grid";

const hostile = require("../../bench/hostile.js") as {
  workbookWith(sheetXml: Uint8Array): Uint8Array;
};

const ctx = {
  strings: ["甲", "乙"],
  styles: [
    { format: undefined, isDate: false },
    { format: "0.00", isDate: false },
  ],
  date1904: false,
};

function sheetXml(rows: number): string {
  const parts = ['<worksheet><sheetViews/><cols><col min="1" max="2"/></cols><sheetData>'];
  for (let r = 1; r <= rows; r++)
    parts.push(
      r % 7 === 0
        ? `<x:row r="${r}"/>`
        : `<row r="${r}"><c r="A${r}" t="s"><v>${r % 2}</v></c><c r="B${r}" s="1"><f>A${r}*2</f><v>${r}.5</v></c><c r="C${r}" t="inlineStr"><is><t>学生${r}&amp;</t></is></c></row>`
    );
  parts.push('</sheetData><mergeCells count="1"><mergeCell ref="D1:E2"/></mergeCells></worksheet>');
  return parts.join("");
}

function grid(read: (builder: SheetBuilder) => void) {
  const builder = new SheetBuilder("名单", "visible", new CellBudget());
  read(builder);
  return builder.grid(false);
}

test("pieces cut anywhere give the same cells, facts and merges as the whole text", () => {
  const xml = sheetXml(2000);
  const whole = grid((b) => readSheetXml(xml, b, ctx));
  for (const size of [1, 7, 100, 4096, 65536]) {
    const pieces = grid((b) => {
      const reader = new SheetXmlReader(b, ctx);
      for (let i = 0; i < xml.length; i += size) reader.push(xml.slice(i, i + size));
      reader.end();
    });
    expect(pieces.rows).toEqual(whole.rows);
    expect(pieces.merges).toEqual(["D1:E2"]);
    expect(cellInfo(pieces, 1, 1)).toEqual(cellInfo(whole, 1, 1));
  }
});

test("a sheet part past the whole-text size is read in pieces, with every row", async () => {
  const rows = Math.ceil((WHOLE_TEXT_UP_TO * 1.2) / 150);
  const xml = sheetXml(rows);
  expect(xml.length).toBeGreaterThan(WHOLE_TEXT_UP_TO);
  const { sheets } = await readWorkbookData(
    hostile.workbookWith(new TextEncoder().encode(xml)),
    "名单.xlsx"
  );
  // That workbook has no shared strings nor styles.
  const whole = grid((b) => readSheetXml(xml, b, { strings: [], styles: [], date1904: false }));
  expect(sheets[0]!.rows.length).toBe(whole.rows.length);
  expect(sheets[0]!.rows.length).toBeGreaterThan(rows - 7);
  expect(sheets[0]!.rows).toEqual(whole.rows);
  expect(sheets[0]!.rows[12345]).toEqual(["", 12346.5, "学生12346&"]);
  expect(sheets[0]!.merges).toEqual(["D1:E2"]);
});
