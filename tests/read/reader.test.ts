/* The bounded reader (src/adapters/read): hostile files cost little and get one clear error. */
import { execFileSync } from "child_process";
import ExcelJS from "exceljs";
import { join } from "path";
import { readWorkbookData } from "../../src/adapters/read/readWorkbookData";
import { readFileBytes, readGridsFromFile } from "../../src/adapters/xlsx/node";
import { loadWorkbook } from "../../src/adapters/xlsx/readGrids";
import { cellInfo, cellsOf, dateText } from "../../src/core/grid";
import { validateWorkbook } from "../../src/core/report/validateWorkbook";
import { useTempDir } from "../support/tempDir";

const hostile = require("../../bench/hostile.js") as {
  xfdWorkbook(rows?: number): Uint8Array;
  bombWorkbook(megabytes: number, lie: boolean): Uint8Array;
  claimSize(zip: Uint8Array, name: string, size: number): Uint8Array;
  workbookWith(sheetXml: Uint8Array): Uint8Array;
};
const tmp = useTempDir("reader-");
const utf8 = (s: string) => new TextEncoder().encode(s);

test("a cell at XFD in each of 100,000 rows is one cell per row, not 16,384", async () => {
  const { sheets } = await readWorkbookData(hostile.xfdWorkbook(), "xfd.xlsx");
  const grid = sheets[0]!;
  expect(grid.rows).toHaveLength(100_000);
  expect(grid.rows[99_999]!.length).toBe(16_384);
  expect(cellsOf(grid.rows[99_999])).toEqual([[16_383, 1]]);
  expect(Object.keys(grid.rows[0]!)).toEqual(["16383"]);
  const [result] = validateWorkbook([grid], { fileName: "xfd.xlsx" });
  expect(result!.errors.map((f) => f.code)).toEqual(["form-not-found"]);
});

test("a zip bomb is refused from the sizes its directory declares, before inflating", async () => {
  const bomb = hostile.claimSize(
    hostile.workbookWith(utf8("<worksheet><sheetData/></worksheet>")),
    "xl/worksheets/sheet1.xml",
    2_100_000_000
  );
  await expect(readWorkbookData(bomb, "bomb.xlsx")).rejects.toThrow(/解压后超过 200\.0 MB/);
});

test("a zip bomb whose directory lies is stopped at the declared size", async () => {
  const bomb = hostile.bombWorkbook(12, true);
  await expect(readWorkbookData(bomb, "bomb.xlsx")).rejects.toThrow(/比压缩包目录所写的大/);
});

test("a row past Excel's last row is over the limit, with a Chinese message", async () => {
  const sheet = utf8(
    '<worksheet><sheetData><row r="1048577"><c r="A1048577"><v>1</v></c></row></sheetData></worksheet>'
  );
  await expect(readWorkbookData(hostile.workbookWith(sheet), "x.xlsx")).rejects.toThrow(
    /行号超过 1048576.*超出读取限制/
  );
});

test("a FIFO or a device is refused by stat, never opened", async () => {
  const fifo = join(tmp(), "pipe.xlsx");
  execFileSync("mkfifo", [fifo]);
  await expect(readFileBytes(fifo)).rejects.toThrow(/不是普通文件/);
  await expect(readFileBytes("/dev/zero")).rejects.toThrow(/不是普通文件/);
});

test("bytes that are no spreadsheet are named as such whatever the file is called", async () => {
  await expect(readWorkbookData(utf8("not a workbook"), "x.xlsx")).rejects.toThrow(
    /不是 Excel 工作簿/
  );
  await expect(readWorkbookData(new Uint8Array([0, 1, 2, 3]), "x.csv")).rejects.toThrow(
    /不是 Excel 工作簿/
  );
});

test("exceljs's own words never reach a person", async () => {
  const broken = new Uint8Array(Buffer.concat([Buffer.from("PK\u0003\u0004"), Buffer.alloc(100)]));
  const error = await loadWorkbook(ExcelJS, broken).catch((e: Error) => e);
  expect((error as Error).message).toMatch(/文件可能已损坏/);
  expect((error as Error).message).not.toMatch(/reading|model|undefined/);
});

test("sheet visibility, defined names, formulas, number formats and dates come through", async () => {
  const workbook = new ExcelJS.Workbook();
  const shown = workbook.addWorksheet("报表");
  workbook.addWorksheet("隐藏", { state: "hidden" });
  workbook.addWorksheet("深藏", { state: "veryHidden" });
  shown.getCell("A1").value = 120;
  shown.getCell("A1").numFmt = '0"0"';
  shown.getCell("B1").value = { formula: "A1*2", result: 240 } as ExcelJS.CellValue;
  shown.getCell("C1").value = { formula: "A1*3" } as ExcelJS.CellValue;
  shown.getCell("D1").value = new Date(Date.UTC(1900, 2, 2));
  shown.getCell("E1").value = true;
  workbook.definedNames.add("'报表'!$A$1", "_quota_report");
  const file = join(tmp(), "facts.xlsx");
  await workbook.xlsx.writeFile(file);

  const data = await readWorkbookData(new Uint8Array(await readFileBytes(file)), file);
  expect(data.sheets.map((s) => [s.name, s.state])).toEqual([
    ["报表", "visible"],
    ["隐藏", "hidden"],
    ["深藏", "veryHidden"],
  ]);
  expect(data.definedNames).toEqual([
    expect.objectContaining({ name: "_quota_report", ref: "'报表'!$A$1" }),
  ]);
  const grid = data.sheets[0]!;
  expect(grid.rows[0]!.slice(0, 3)).toEqual([120, 240, null]);
  expect(cellInfo(grid, 0, 0)).toEqual({ formula: false, numberFormat: '0"0"' });
  expect(cellInfo(grid, 0, 1)).toMatchObject({
    formula: true,
    noCachedValue: false,
    formulaText: "A1*2",
  });
  expect(cellInfo(grid, 0, 2)).toMatchObject({ formula: true, noCachedValue: true });
  expect(dateText(grid.rows[0]![3] as Date)).toBe("1900-03-02");
  expect(grid.rows[0]![4]).toBe(true);
  // The grids the commands read are the same.
  expect((await readGridsFromFile(file)).map((g) => g.name)).toEqual(["报表", "隐藏", "深藏"]);
});
