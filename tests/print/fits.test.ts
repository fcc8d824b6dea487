/* Every cell's text fits the cell it prints in, by the text width model of src/core/textWidth.ts. */
import { overflowingCells } from "../../src/core/sheetLayout";
import { heightForLines, textWidth, widthForText, wrapText } from "../../src/core/textWidth";
import { cellAddress } from "../../src/core/grid";
import { printSheets } from "./printSheets";

test("the width model: CJK about twice a digit, wrapped lines keep closing punctuation", () => {
  expect(textWidth("0123456789")).toBeCloseTo(11.5);
  expect(textWidth("学院")).toBeCloseTo(2 * textWidth("00"), 0);
  expect(textWidth("学院", 22)).toBeCloseTo(2 * textWidth("学院"));
  expect(wrapText("累计已完成（人次）", 18)).toEqual(["累计已完成（人", "次）"]);
  expect(wrapText("一二三\n四", 100)).toEqual(["一二三", "四"]);
  expect(wrapText("quota generate output", 12)).toEqual(["quota ", "generate ", "output"]);
  expect(heightForLines(2)).toBeGreaterThan(2 * 11);
  expect(widthForText("累计已完成（人次）")).toBeGreaterThanOrEqual(
    Math.ceil(textWidth("累计已完成（人次）"))
  );
});

test.each(printSheets().map((s) => [s.name, s] as const))(
  "%s: every text fits its cell",
  (_, sheet) => {
    const problems = overflowingCells(sheet).map(
      (p) => `${cellAddress(p.row, p.column)} “${p.text}”：${p.problem}`
    );
    expect(problems).toEqual([]);
    expect(sheet.cells.length).toBeGreaterThan(3);
  }
);

test("a sheet laid out too narrow is caught", () => {
  const sheet = printSheets()[0]!;
  const narrow = { ...sheet, columnWidths: sheet.columnWidths.map(() => 6) };
  expect(overflowingCells(narrow).length).toBeGreaterThan(0);
  const low = { ...sheet, rowHeights: {} };
  expect(overflowingCells({ ...low, rowHeights: { 0: 10 } }).length).toBeGreaterThan(0);
});
