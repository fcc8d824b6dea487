/* The reader's shortcuts (plain <v> cells, plain <t> strings, a template's merges kept) give
 * what the general reading gives, and step aside for anything else. */
import ExcelJS from "exceljs";
import { readWorkbookData } from "../../src/adapters/read/readWorkbookData";
import { cellInfo } from "../../src/core/grid";

const hostile = require("../../bench/hostile.js") as {
  workbookWith(sheetXml: Uint8Array): Uint8Array;
};
const utf8 = (s: string) => new TextEncoder().encode(s);

function sheet(rows: string, tail = ""): Uint8Array {
  return hostile.workbookWith(utf8(`<worksheet><sheetData>${rows}</sheetData>${tail}</worksheet>`));
}

const firstGrid = async (bytes: Uint8Array) => (await readWorkbookData(bytes, "x.xlsx")).sheets[0]!;

test("cell bodies: a plain <v>, and the forms the shortcut leaves to the expressions", async () => {
  const grid = await firstGrid(
    sheet(
      '<row r="1"><c r="A1"><v>12</v></c><c r="B1"><v>1</v><f>A1</f></c>' +
        '<c r="C1"><v xml:space="preserve"> 5 </v></c><c r="D1"><v></v></c>' +
        '<c r="E1" t="inlineStr"><is><t>甲</t></is><v>3</v></c><c r="F1"><v>&amp;</v></c></row>'
    )
  );
  expect(grid.rows[0]).toEqual([12, 1, 5, "", "甲", "&"]);
  expect(cellInfo(grid, 0, 0)).toBeUndefined();
  expect(cellInfo(grid, 0, 1)).toMatchObject({ formula: true, noCachedValue: false });
  expect(cellInfo(grid, 0, 4)).toBeUndefined();
});

test("formula cells: a plain <f> with or without <v>, and forms read the general way", async () => {
  const grid = await firstGrid(
    sheet(
      '<row r="1"><c r="A1"><f>1+1</f><v>2</v></c><c r="B1"><f>A1*2</f></c><c r="C1"><f></f><v>3</v></c>' +
        '<c r="D1" t="str"><f>&quot;甲&quot;</f><v>甲</v></c><c r="E1"><f t="shared" si="0">A1</f><v>4</v></c>' +
        '<c r="F1"><f>x</f><v>5</v><v>6</v></c></row>'
    )
  );
  expect(grid.rows[0]).toEqual([2, null, 3, "甲", 4, 5]);
  expect(cellInfo(grid, 0, 0)).toMatchObject({
    formula: true,
    noCachedValue: false,
    formulaText: "1+1",
  });
  expect(cellInfo(grid, 0, 1)).toMatchObject({
    formula: true,
    noCachedValue: true,
    formulaText: "A1*2",
  });
  expect(cellInfo(grid, 0, 2)).toMatchObject({ formula: true, formulaText: undefined });
  expect(cellInfo(grid, 0, 3)).toMatchObject({ formulaText: '"甲"' });
  expect(cellInfo(grid, 0, 4)).toMatchObject({ formula: true, formulaText: "A1" });
  expect(cellInfo(grid, 0, 5)).toMatchObject({ formula: true, formulaText: "x" });
});

test("inline and shared text: plain <t>, preserved spaces, runs, phonetics, odd tags", async () => {
  const cells = [
    "<t>甲&amp;乙</t>",
    '<t xml:space="preserve"> 丙 </t>',
    "<r><t>富</t></r><r><t>文本</t></r>",
    '<t>中</t><rPh sb="0"><t>zhong</t></rPh>',
    '<t\txml:space="preserve">tab</t>',
    "<t/>",
    "<t>_x000D_</t>",
  ]
    .map((is, i) => `<c r="${"ABCDEFG"[i]}1" t="inlineStr"><is>${is}</is></c>`)
    .join("");
  const grid = await firstGrid(sheet(`<row r="1">${cells}</row>`));
  expect(grid.rows[0]).toEqual(["甲&乙", " 丙 ", "富文本", "中", "tab", "", "\r"]);
});

test("each file gets its own merges, whether its sheet ends as the last one did or not", async () => {
  const rows = '<row r="1"><c r="A1"><v>1</v></c></row>';
  const tail = (refs: string[]) =>
    `<mergeCells>${refs.map((r) => `<mergeCell ref="${r}"/>`).join("")}</mergeCells>`;
  const merges = async (bytes: Uint8Array) => [...(await firstGrid(bytes)).merges];
  expect(await merges(sheet(rows, tail(["A1:B2", "c3:d4"])))).toEqual(["A1:B2", "C3:D4"]);
  const again = await firstGrid(sheet(rows, tail(["A1:B2", "c3:d4"])));
  expect(again.merges).toEqual(["A1:B2", "C3:D4"]);
  (again.merges as string[]).push("Z9");
  expect(await merges(sheet(rows, tail(["A1:B2", "c3:d4"])))).toEqual(["A1:B2", "C3:D4"]);
  expect(await merges(sheet(rows, tail(["E5"])))).toEqual(["E5"]);
  expect(await merges(sheet(rows))).toEqual([]);
});

test("number cells of one style share one frozen facts object", async () => {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet("表");
  ws.addRow([1, 2, 3]);
  ws.getCell("A1").numFmt = "0.00";
  ws.getCell("B1").numFmt = "0.00";
  const grid = await firstGrid(new Uint8Array(await workbook.xlsx.writeBuffer()));
  expect(cellInfo(grid, 0, 0)).toEqual({ formula: false, numberFormat: "0.00" });
  expect(cellInfo(grid, 0, 1)).toBe(cellInfo(grid, 0, 0));
  expect(Object.isFrozen(cellInfo(grid, 0, 0))).toBe(true);
  expect(cellInfo(grid, 0, 2)).toBeUndefined();
});
