/* A college's report as a person fills it in: the form of `quota template` with its counts, and rows
   under the headers of its 培训名单 and 取证名单. */
import type ExcelJS from "exceljs";

export type ListRow = (string | number)[];

export const TRAIN = (id: string, date: string): ListRow => [
  1,
  id,
  "王五",
  "会计",
  "2019级",
  "高职（专科）",
  "会计实务",
  "培训",
  date,
];

export const CERT = (id: string, number: string, date: string, idNumber?: string): ListRow => [
  1,
  id,
  "王五",
  "会计",
  "2019级",
  "高职（专科）",
  "职业技能等级证书",
  "会计",
  "高级工",
  number,
  date,
  ...(idNumber ? [idNumber] : []),
];

/**
 * Fills the template's form ([当月完成, 累计已完成] per section, 完成率 cached beside its formula, the
 * signatures and a filing date in `month`) and writes the lists' rows under their headers (row 3 on).
 */
export function fillListReport(
  wb: ExcelJS.Workbook,
  month: number,
  done: readonly (readonly [number, number])[],
  lists: { training: readonly ListRow[]; certificate: readonly ListRow[] }
): void {
  const ws = wb.worksheets[0]!;
  done.forEach(([m, c], i) => {
    const row = 4 + 2 * i;
    ws.getCell(`D${row}`).value = m;
    ws.getCell(`E${row}`).value = c;
    const target = Number(ws.getCell(`C${row}`).value);
    ws.getCell(`F${row}`).value = {
      formula: ws.getCell(`F${row}`).formula,
      result: Math.round((c / target) * 10000) / 100,
    } as ExcelJS.CellFormulaValue;
  });
  ws.getCell("C12").value = "张三";
  ws.getCell("C13").value = "李四";
  ws.getCell("B14").value = 2022;
  ws.getCell("D14").value = month;
  ws.getCell("F14").value = 25;
  for (const [sheet, rows] of [
    ["培训名单", lists.training],
    ["取证名单", lists.certificate],
  ] as const)
    rows.forEach((r, i) => (wb.getWorksheet(sheet)!.getRow(3 + i).values = [...r]));
}
