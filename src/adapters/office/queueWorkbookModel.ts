import { BORDER_COLOR, CELL_STYLES, FONT_NAME } from "../../core/cellStyles";
import { cellAddress, columnLetter } from "../../core/grid";
import {
  CellStyleName,
  ModelCell,
  SheetModel,
  WorkbookModel,
  ownerName,
} from "../../core/workbookModel";
import type { ExcelFeatures } from "./features";

export interface SheetTarget {
  /** Rewrite this existing sheet (ours, the user agreed) instead of adding one. */
  readonly replace: boolean;
  /** Its tables, removed before rewriting. */
  readonly tables: readonly string[];
  /** Whether the ownership name is already there. */
  readonly marked: boolean;
}

/**
 * Queues the whole model as writes of whole 2-D arrays, one batch for every sheet; the caller
 * makes the single context.sync(). Text is written as text: a leading = + - @ never becomes a formula.
 */
export function queueWorkbookModel(
  context: Excel.RequestContext,
  model: WorkbookModel,
  targets: ReadonlyMap<string, SheetTarget>,
  features: ExcelFeatures
): void {
  if (features.suspendCalculation) context.application.suspendApiCalculationUntilNextSync();
  const worksheets = context.workbook.worksheets;
  for (const sheet of model.sheets) {
    const target = targets.get(sheet.name) ?? { replace: false, tables: [], marked: false };
    let ws: Excel.Worksheet;
    if (target.replace) {
      ws = worksheets.getItem(sheet.name);
      for (const table of target.tables) ws.tables.getItem(table).delete();
      const all = ws.getRange();
      all.unmerge();
      all.clear();
    } else {
      ws = worksheets.add(sheet.name);
    }
    queueSheet(ws, sheet, features);
    if (sheet.key && !target.marked) {
      const mark = context.workbook.names.add(
        ownerName(sheet.key),
        ws.getRange("A1"),
        "人人持证任务工具生成的工作表"
      );
      mark.visible = false;
    }
  }
  const first = model.sheets[0];
  if (first) worksheets.getItem(first.name).activate();
}

function queueSheet(ws: Excel.Worksheet, sheet: SheetModel, features: ExcelFeatures): void {
  const rows = sheet.cells.length;
  const columns = Math.max(1, sheet.columnWidths.length, ...sheet.cells.map((r) => r.length));
  if (rows === 0) return;
  const whole = ws.getRange(`A1:${cellAddress(rows - 1, columns - 1)}`);
  const grid = sheet.cells.map((row) => Array.from({ length: columns }, (_, c) => row[c] ?? null));
  whole.format.font.name = FONT_NAME;
  whole.numberFormat = grid.map((row) =>
    row.map((c) => (c?.style && CELL_STYLES[c.style].numberFormat) || "General")
  );
  whole.formulas = grid.map((row) => row.map(formulaOf));

  for (const [style, ranges] of runsByStyle(grid)) {
    const look = CELL_STYLES[style];
    for (const address of ranges) {
      const format = ws.getRange(address).format;
      format.font.size = look.size;
      if (look.bold) format.font.bold = true;
      if (look.color) format.font.color = `#${look.color}`;
      if (look.fill) format.fill.color = `#${look.fill}`;
      if (look.align)
        format.horizontalAlignment =
          look.align === "left" ? "Left" : look.align === "center" ? "Center" : "Right";
      format.verticalAlignment = "Center";
      if (look.wrap) format.wrapText = true;
      if (look.border) {
        for (const edge of [
          "EdgeTop",
          "EdgeBottom",
          "EdgeLeft",
          "EdgeRight",
          "InsideVertical",
          "InsideHorizontal",
        ] as const) {
          const border = format.borders.getItem(edge);
          border.style = "Continuous";
          border.color = `#${BORDER_COLOR}`;
        }
      }
    }
  }
  for (const merge of sheet.merges) ws.getRange(merge).merge(false);
  sheet.columnWidths.forEach((width, c) => {
    // Excel's column width in points is about 7 per character of the default font at 11 pt; CJK is wider.
    ws.getRange(`${columnLetter(c)}:${columnLetter(c)}`).format.columnWidth = width * 7.5;
  });
  for (const [row, height] of Object.entries(sheet.rowHeights ?? {})) {
    ws.getRange(`${Number(row) + 1}:${Number(row) + 1}`).format.rowHeight = height;
  }
  if (sheet.cells[0]?.[0]?.style === "title") ws.getRange("1:1").format.rowHeight = 28;
  if (sheet.table && sheet.key && sheet.table.lastRow > sheet.table.headerRow) {
    const { headerRow, lastRow, columns: tableColumns } = sheet.table;
    const table = ws.tables.add(
      `A${headerRow + 1}:${cellAddress(lastRow, tableColumns - 1)}`,
      true
    );
    table.name = `QUOTA_${sheet.key}`;
    table.style = "TableStyleLight1";
    table.showFilterButton = false;
  }
  if (features.freezePanes && sheet.frozenRows > 0) ws.freezePanes.freezeRows(sheet.frozenRows);
  if (features.conditionalFormats) {
    for (const address of sheet.dataBars ?? []) {
      const bars = ws.getRange(address).conditionalFormats.add("DataBar").dataBar;
      bars.lowerBoundRule = { type: "Number", formula: "0" };
      bars.upperBoundRule = { type: "Number", formula: "100" };
    }
  }
  if (sheet.chart) {
    const chart = ws.charts.add("BarClustered", ws.getRange(sheet.chart.source), "Columns");
    chart.title.text = sheet.chart.title;
    chart.setPosition(`${columnLetter(Math.max(sheet.columnWidths.length, 6) + 1)}3`);
  }
  if (features.dataValidation) {
    for (const address of sheet.wholeNumberRanges ?? []) {
      const validation = ws.getRange(address).dataValidation;
      validation.rule = { wholeNumber: { formula1: 0, operator: "GreaterThanOrEqualTo" } };
      validation.errorAlert = {
        message: "此处只能填写不小于 0 的整数。",
        showAlert: true,
        style: "Stop",
        title: "请输入整数",
      };
    }
  }
  if (features.pageLayout) {
    const layout = ws.pageLayout;
    layout.paperSize = "A4";
    layout.orientation = sheet.landscape ? "Landscape" : "Portrait";
    layout.centerHorizontally = true;
    layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    layout.setPrintArea(whole);
    if (sheet.frozenRows > 0) layout.setPrintTitleRows(`$1:$${sheet.frozenRows}`);
  }
}

/**
 * Text Excel would take for something else when written: a formula (=, +, -, @), or a number,
 * date, time, percent or TRUE/FALSE as typed (2022-06 becomes a date, 1,000 a number, 6月20日 a
 * date in Chinese Excel).
 */
const COERCIBLE =
  /^[=+\-@]|^\s*[(]?[\d$¥€.][\d\s.,:/\-年月日时分秒%)]*$|^\s*\d*\.?\d+e[-+]?\d+\s*$|^(true|false)$/i;

/** A cell as Range.formulas takes it: "=…" for a formula, text kept as text (a ' before it). */
export function formulaOf(cell: ModelCell | null): string | number | boolean {
  if (!cell || cell.value === null) return cell?.formula !== undefined ? `=${cell.formula}` : "";
  if (cell.formula !== undefined) return `=${cell.formula}`;
  if (typeof cell.value === "string" && COERCIBLE.test(cell.value)) return `'${cell.value}`;
  return cell.value;
}

/** Cells of each style, merged into horizontal runs so that formats are set per run, not per cell. */
export function runsByStyle(
  grid: readonly (readonly (ModelCell | null)[])[]
): Map<CellStyleName, string[]> {
  const runs = new Map<CellStyleName, string[]>();
  grid.forEach((row, r) => {
    let start = 0;
    for (let c = 1; c <= row.length; c++) {
      const style = row[start]?.style;
      if (c < row.length && row[c]?.style === style) continue;
      if (style) {
        const address =
          c - 1 === start
            ? cellAddress(r, start)
            : `${cellAddress(r, start)}:${cellAddress(r, c - 1)}`;
        runs.set(style, [...(runs.get(style) ?? []), address]);
      }
      start = c;
    }
  });
  return runs;
}
