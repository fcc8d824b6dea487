import { columnLetter, parseAddress, sheetRef } from "../../core/grid";
import { BORDER_COLOR, CELL_STYLES, CellLook, FONT_NAME } from "../../core/cellStyles";
import { CellStyleName, SheetModel, WorkbookModel, ownerName } from "../../core/workbookModel";
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

export function renderSheet(ws: ExcelWorksheet, sheet: SheetModel): void {
  sheet.cells.forEach((row, r) => {
    row.forEach((cell, c) => {
      if (!cell) return;
      const target = ws.getCell(r + 1, c + 1);
      target.value =
        cell.formula !== undefined
          ? ({
              formula: cell.formula,
              result: cell.value ?? undefined,
            } as import("exceljs").CellFormulaValue)
          : cell.value;
      if (cell.style) target.style = XLSX_STYLES[cell.style];
    });
  });
  for (const range of sheet.merges) ws.mergeCells(range);
  sheet.columnWidths.forEach((width, i) => (ws.getColumn(i + 1).width = width));
  if (sheet.frozenRows > 0) ws.views = [{ state: "frozen", ySplit: sheet.frozenRows, xSplit: 0 }];
  const columns = Math.max(sheet.columnWidths.length, ...sheet.cells.map((r) => r.length));
  ws.pageSetup = {
    paperSize: 9, // A4
    orientation: sheet.landscape ? "landscape" : "portrait",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    printArea: `A1:${columnLetter(Math.max(1, columns) - 1)}${sheet.cells.length}`,
    printTitlesRow: sheet.frozenRows > 0 ? `1:${sheet.frozenRows}` : undefined,
    margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
  } as Partial<import("exceljs").PageSetup>;
  if (sheet.cells[0]?.[0]?.style === "title") ws.getRow(1).height = 28;
  for (const [row, height] of Object.entries(sheet.rowHeights ?? {}))
    ws.getRow(Number(row) + 1).height = height;
  for (const ref of sheet.dataBars ?? []) {
    ws.addConditionalFormatting({
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
    });
  }
  for (const range of sheet.wholeNumberRanges ?? []) {
    const [from, to = from] = range.split(":");
    const start = parseAddress(from!);
    const end = parseAddress(to!);
    for (let r = start.row + 1; r <= end.row + 1; r++) {
      for (let c = start.column + 1; c <= end.column + 1; c++) {
        ws.getCell(r, c).dataValidation = {
          type: "whole",
          operator: "greaterThanOrEqual",
          formulae: [0],
          allowBlank: true,
          showErrorMessage: true,
          errorStyle: "stop",
          errorTitle: "请输入整数",
          error: "此处只能填写不小于 0 的整数。",
        };
      }
    }
  }
}

/** The .xlsx bytes of a model. */
export async function writeWorkbook(excel: ExcelModule, model: WorkbookModel): Promise<Uint8Array> {
  const buffer = await toExcelWorkbook(excel, model).xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
