import { columnLetter, parseAddress, sheetRef } from "../../core/grid";
import { cutText } from "../../core/cutText";
import { xmlSafe } from "./xmlText";
import { BORDER_COLOR, CELL_STYLES, CellLook, FONT_NAME } from "../../core/cellStyles";
import {
  CellStyleName,
  ModelCell,
  SheetModel,
  WorkbookModel,
  ownerName,
} from "../../core/workbookModel";
import type { ExcelModule, ExcelWorkbook, ExcelWorksheet } from "./excelModule";

type Style = Partial<import("exceljs").Style>;

const thin = { style: "thin" as const, color: { argb: `FF${BORDER_COLOR}` } };

function styleOf(look: CellLook): Style {
  return {
    font: {
      name: FONT_NAME,
      size: look.size,
      bold: look.bold,
      ...(look.color ? { color: { argb: `FF${look.color}` } } : {}),
    },
    alignment: { horizontal: look.align, vertical: "middle", wrapText: look.wrap },
    ...(look.fill
      ? { fill: { type: "pattern", pattern: "solid", fgColor: { argb: `FF${look.fill}` } } }
      : {}),
    ...(look.border ? { border: { top: thin, left: thin, bottom: thin, right: thin } } : {}),
    ...(look.numberFormat ? { numFmt: look.numberFormat } : {}),
  } as Style;
}

const XLSX_STYLES = Object.fromEntries(
  Object.entries(CELL_STYLES).map(([name, look]) => [name, styleOf(look)])
) as Record<CellStyleName, Style>;

/** Renders the model into a new exceljs workbook. */
export function toExcelWorkbook(excel: ExcelModule, model: WorkbookModel): ExcelWorkbook {
  const workbook = new excel.Workbook();
  workbook.creator = "人人持证 任务工具";
  // Excel and WPS then recompute every formula on open instead of trusting the cached results.
  workbook.calcProperties.fullCalcOnLoad = true;
  addModelSheets(workbook, model);
  return workbook;
}

/** Adds the model's sheets, each marked as ours by a defined name. */
export function addModelSheets(workbook: ExcelWorkbook, model: WorkbookModel): void {
  const names = new Set(workbook.definedNames.model.map((n) => n.name));
  for (const sheet of model.sheets) {
    renderSheet(workbook.addWorksheet(sheet.name), sheet);
    if (sheet.key && !names.has(ownerName(sheet.key))) {
      workbook.definedNames.add(`${sheetRef(sheet.name)}!$A$1`, ownerName(sheet.key));
    }
  }
}

/** A number Excel can hold, else #NUM! where the figure is (never "NaN" or a silent 0). */
const finiteOrError = (value: number | boolean | null): import("exceljs").CellValue =>
  typeof value === "number" && !Number.isFinite(value)
    ? ({ error: "#NUM!" } as import("exceljs").CellErrorValue)
    : value;

/** A model cell's exceljs value: a formula with its cached result, else the value as it is (text stays text). */
export function excelValue(cell: ModelCell): import("exceljs").CellValue {
  return cell.formula !== undefined
    ? ({
        formula: cell.formula,
        // A result that is no number Excel holds is left out (recalculated on load anyway).
        result:
          typeof cell.value === "number" && !Number.isFinite(cell.value)
            ? undefined
            : (cell.value ?? undefined),
      } as import("exceljs").CellFormulaValue)
    : typeof cell.value === "string"
      ? cutText(xmlSafe(cell.value))
      : finiteOrError(cell.value);
}

export const styleFor = (name: CellStyleName): Style => XLSX_STYLES[name];

/** Frozen rows as a sheet view. */
export function viewsOf(sheet: SheetModel): Partial<import("exceljs").WorksheetView>[] {
  return sheet.frozenRows > 0 ? [{ state: "frozen", ySplit: sheet.frozenRows, xSplit: 0 }] : [];
}

/** A4, fitted to one page wide, with the print area and the frozen rows as print titles. */
export function pageSetupOf(sheet: SheetModel): Partial<import("exceljs").PageSetup> {
  const columns = Math.max(sheet.columnWidths.length, ...sheet.cells.map((r) => r.length));
  return {
    paperSize: 9, // A4
    orientation: sheet.landscape ? "landscape" : "portrait",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    // An empty sheet still prints A1 (A1:A0 names no cell).
    printArea: `A1:${columnLetter(Math.max(1, columns) - 1)}${Math.max(1, sheet.cells.length)}`,
    printTitlesRow: sheet.frozenRows > 0 ? `1:${sheet.frozenRows}` : undefined,
    margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
  } as Partial<import("exceljs").PageSetup>;
}

/** Every printed page says which page it is: 第 1 页，共 3 页 (centred in the footer). */
export const headerFooterOf = (): Partial<import("exceljs").HeaderFooter> => ({
  oddFooter: "&C第 &P 页，共 &N 页",
});

/** Row heights in points by zero-based row: the title row's, then the sheet's own. */
export function rowHeightsOf(sheet: SheetModel): Map<number, number> {
  const heights = new Map<number, number>();
  if (sheet.cells[0]?.[0]?.style === "title") heights.set(0, 28);
  for (const [row, height] of Object.entries(sheet.rowHeights ?? {}))
    heights.set(Number(row), height);
  return heights;
}

/** Green data bars from 0 to 100 (percentages). */
export function dataBarFormatting(ref: string): import("exceljs").ConditionalFormattingOptions {
  return {
    ref,
    rules: [
      {
        type: "dataBar",
        priority: 1,
        minLength: 0,
        maxLength: 100,
        gradient: false,
        border: false,
        cfvo: [
          { type: "num", value: 0 },
          { type: "num", value: 100 },
        ],
        color: { argb: "FF63BE7B" },
      } as unknown as import("exceljs").ConditionalFormattingRule,
    ],
  };
}

/** Whole numbers ≥ 0 (a fresh object per cell: exceljs keeps what it is given). */
export const wholeNumber = (): import("exceljs").DataValidation => ({
  type: "whole",
  operator: "greaterThanOrEqual",
  formulae: [0],
  allowBlank: true,
  showErrorMessage: true,
  errorStyle: "stop",
  errorTitle: "请输入整数",
  error: "此处只能填写不小于 0 的整数。",
});

/** A drop-down of the given values (quoted, comma-separated: Excel's inline list). */
export const choiceList = (values: readonly string[]): import("exceljs").DataValidation => ({
  type: "list",
  formulae: [`"${values.join(",")}"`],
  allowBlank: true,
  showErrorMessage: true,
  errorStyle: "stop",
  errorTitle: "请从下拉列表中选择",
  error: `此处只能填写：${values.join("、")}。`,
});

/** exceljs keeps range validations in a model keyed by address (not in its typings). */
interface RangeValidations {
  readonly dataValidations: { add(address: string, validation: unknown): void };
}

/** The zero-based cells of the sheet's whole-number ranges. */
export function wholeNumberCells(sheet: SheetModel): { row: number; column: number }[] {
  const cells: { row: number; column: number }[] = [];
  for (const range of sheet.wholeNumberRanges ?? []) {
    const [from, to = from] = range.split(":");
    const start = parseAddress(from!);
    const end = parseAddress(to!);
    for (let row = start.row; row <= end.row; row++)
      for (let column = start.column; column <= end.column; column++) cells.push({ row, column });
  }
  return cells;
}

export function renderSheet(ws: ExcelWorksheet, sheet: SheetModel): void {
  sheet.cells.forEach((row, r) => {
    row.forEach((cell, c) => {
      if (!cell) return;
      const target = ws.getCell(r + 1, c + 1);
      target.value = excelValue(cell);
      if (cell.style) target.style = XLSX_STYLES[cell.style];
    });
  });
  for (const range of sheet.merges) ws.mergeCells(range);
  sheet.columnWidths.forEach((width, i) => (ws.getColumn(i + 1).width = width));
  if (sheet.frozenRows > 0) ws.views = viewsOf(sheet);
  ws.pageSetup = pageSetupOf(sheet);
  ws.headerFooter = headerFooterOf();
  for (const [row, height] of rowHeightsOf(sheet)) ws.getRow(row + 1).height = height;
  for (const ref of sheet.dataBars ?? []) ws.addConditionalFormatting(dataBarFormatting(ref));
  for (const { row, column } of wholeNumberCells(sheet))
    ws.getCell(row + 1, column + 1).dataValidation = wholeNumber();
  for (const { range, values } of sheet.choiceRanges ?? [])
    (ws as unknown as RangeValidations).dataValidations.add(range, choiceList(values));
}

/** The .xlsx bytes of a model. */
export async function writeWorkbook(excel: ExcelModule, model: WorkbookModel): Promise<Uint8Array> {
  const buffer = await toExcelWorkbook(excel, model).xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
