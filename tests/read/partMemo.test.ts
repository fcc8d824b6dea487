/* Parts repeated byte for byte across files are parsed once; a part that differs is read anew. */
import ExcelJS from "exceljs";
import { readWorkbookData } from "../../src/adapters/read/readWorkbookData";
import { cellInfo } from "../../src/core/grid";

async function book(format: string | null, sheetName: string, hidden = false): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet(sheetName, { state: hidden ? "hidden" : "visible" });
  ws.addRow(["填报单位", 44742]);
  if (format) ws.getCell("B1").numFmt = format;
  workbook.definedNames.add(`'${sheetName}'!$A$1`, "_quota_owner_" + sheetName.length);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

test("each file's styles, sheet names and defined names are its own, repeated or not", async () => {
  const files = [
    await book(null, "甲"),
    await book("yyyy-mm-dd", "甲"),
    await book("0.00", "乙表", true),
    await book("0.00", "乙表", true),
    await book(null, "甲"),
  ];
  const read = [];
  for (const bytes of files) read.push(await readWorkbookData(bytes, "r.xlsx"));
  const b1 = read.map((r) => r.sheets[0]!.rows[0]![1]);
  expect(b1[0]).toBe(44742);
  expect(b1[1]).toBeInstanceOf(Date);
  expect(b1.slice(2)).toEqual([44742, 44742, 44742]);
  expect(read.map((r) => cellInfo(r.sheets[0]!, 0, 1)?.numberFormat)).toEqual([
    undefined,
    undefined, // a date carries no number format of its own
    "0.00",
    "0.00",
    undefined,
  ]);
  expect(read.map((r) => `${r.sheets[0]!.name}:${r.sheets[0]!.state}`)).toEqual([
    "甲:visible",
    "甲:visible",
    "乙表:hidden",
    "乙表:hidden",
    "甲:visible",
  ]);
  expect(read.map((r) => r.definedNames.map((n) => n.name))).toEqual([
    ["_quota_owner_1"],
    ["_quota_owner_1"],
    ["_quota_owner_2"],
    ["_quota_owner_2"],
    ["_quota_owner_1"],
  ]);
  // The same bytes read twice give equal data.
  expect(read[3]).toEqual(read[2]);
});
