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
import { RequestBatch, jsonBytes } from "./requestBatch";

export interface SheetTarget {
  /** Rewrite this existing sheet (ours, the user agreed) instead of adding one. */
  readonly replace: boolean;
  /** Its tables, removed before rewriting. */
  readonly tables: readonly string[];
  /** Whether the ownership name is already there. */
  readonly marked: boolean;
  /** An ownership name left behind by a deleted sheet (it reads =#REF!): deleted before adding ours. */
  readonly staleMark?: boolean;
  /**
   * Update in place instead of rewriting: the sheet holds the model's rows except these (model
   * row indices, ascending), and had `rowsBefore` rows (header included). Only these rows are written.
   */
  readonly update?: { readonly rows: readonly number[]; readonly rowsBefore: number };
}

type Grid = readonly (readonly (ModelCell | null)[])[];
/** Rows [start, end) of a sheet. */
type Span = readonly [number, number];

/** Rows of cell data per write: large sheets are written in several ranges. */
const CHUNK_BYTES = 200_000;
const EDGES = [
  "EdgeTop",
  "EdgeBottom",
  "EdgeLeft",
  "EdgeRight",
  "InsideVertical",
  "InsideHorizontal",
] as const;

/**
 * Writes the model as 2-D arrays, one sheet after another, in as few context.sync() calls as the
 * request budget allows (one for a small workbook; more, each under the budget, for a large one).
 * Formats go on whole rectangles of cells that share a style. Text is written as text: a leading
 * = + - @ never becomes a formula. Returns the number of round trips made.
 */
export async function writeWorkbookModel(
  context: Excel.RequestContext,
  model: WorkbookModel,
  targets: ReadonlyMap<string, SheetTarget>,
  features: ExcelFeatures,
  budget?: number
): Promise<number> {
  const batch = new RequestBatch(context, budget);
  const suspend = () => {
    if (features.suspendCalculation) context.application.suspendApiCalculationUntilNextSync();
  };
  batch.afterSync = suspend;
  suspend();
  for (const sheet of model.sheets) {
    const target = targets.get(sheet.name) ?? { replace: false, tables: [], marked: false };
    await writeSheet(context, batch, sheet, target, features);
  }
  const first = model.sheets[0];
  if (first)
    await batch.add(2, 0, () => context.workbook.worksheets.getItem(first.name).activate());
  batch.afterSync = () => undefined;
  await batch.flush();
  return batch.syncs;
}

async function writeSheet(
  context: Excel.RequestContext,
  batch: RequestBatch,
  sheet: SheetModel,
  target: SheetTarget,
  features: ExcelFeatures
): Promise<void> {
  const worksheets = context.workbook.worksheets;
  const ws = target.replace ? worksheets.getItem(sheet.name) : worksheets.add(sheet.name);
  const charts = target.replace && sheet.chart ? ws.charts : null;
  charts?.load("items/name");
  const grid = gridOf(sheet);
  const update = target.replace ? target.update : undefined;
  await batch.add(4 + target.tables.length, 0, () => {
    if (update) return;
    if (target.replace) {
      for (const table of target.tables) ws.tables.getItem(table).delete();
      const all = ws.getRange();
      all.unmerge();
      all.clear();
    }
  });
  const spans = update ? spansOf(update.rows) : [[0, grid.length] as const];
  if (update) await clearBeyond(batch, ws, grid, update.rowsBefore);
  for (const span of spans) await writeCells(batch, ws, grid, span);
  for (const span of spans) await writeStyles(batch, ws, grid, span);
  if (!update) await writeLayout(batch, ws, sheet, grid, features);
  await writeTable(batch, ws, sheet, target, update);
  if (sheet.chart) await writeChart(batch, ws, sheet, charts);
  if (features.pageLayout && grid.length > 0)
    await batch.add(2, 0, () => ws.pageLayout.setPrintArea(ws.getRange(wholeAddress(grid))));
  if (sheet.key && !target.marked) await markOwned(context, batch, ws, sheet.key, target);
}

function gridOf(sheet: SheetModel): Grid {
  const columns = Math.max(1, sheet.columnWidths.length, ...sheet.cells.map((r) => r.length));
  return sheet.cells.map((row) => Array.from({ length: columns }, (_, c) => row[c] ?? null));
}

function wholeAddress(grid: Grid): string {
  return `A1:${cellAddress(grid.length - 1, (grid[0]?.length ?? 1) - 1)}`;
}

/** Ascending row indices → runs of consecutive rows. */
export function spansOf(rows: readonly number[]): Span[] {
  const spans: [number, number][] = [];
  for (const r of rows) {
    const last = spans[spans.length - 1];
    if (last && last[1] === r) last[1] = r + 1;
    else spans.push([r, r + 1]);
  }
  return spans;
}

/** Rows the sheet had beyond the model's: cleared (an update that shrinks). */
async function clearBeyond(
  batch: RequestBatch,
  ws: Excel.Worksheet,
  grid: Grid,
  rowsBefore: number
): Promise<void> {
  if (rowsBefore <= grid.length) return;
  await batch.add(2, 0, () => ws.getRange(`${grid.length + 1}:${rowsBefore}`).clear());
}

/** Values, number formats and font of rows [start, end), in chunks of at most CHUNK_BYTES. */
async function writeCells(
  batch: RequestBatch,
  ws: Excel.Worksheet,
  grid: Grid,
  [start, end]: Span
): Promise<void> {
  const last = cellAddress(0, (grid[0]?.length ?? 1) - 1).replace(/\d+$/, "");
  let from = start;
  while (from < end) {
    let to = from;
    let bytes = 0;
    const formulas: (string | number | boolean)[][] = [];
    const formats: string[][] = [];
    while (to < end && (to === from || bytes < CHUNK_BYTES)) {
      const row = grid[to]!;
      formulas.push(row.map(formulaOf));
      formats.push(row.map((c) => (c?.style && CELL_STYLES[c.style].numberFormat) || "General"));
      bytes += jsonBytes(formulas[formulas.length - 1]) + jsonBytes(formats[formats.length - 1]);
      to++;
    }
    const address = `A${from + 1}:${last}${to}`;
    await batch.add(5, bytes, () => {
      const range = ws.getRange(address);
      range.format.font.name = FONT_NAME;
      range.numberFormat = formats;
      range.formulas = formulas;
    });
    from = to;
  }
}

/** Formats of rows [start, end): one set per rectangle of cells that share a style. */
async function writeStyles(
  batch: RequestBatch,
  ws: Excel.Worksheet,
  grid: Grid,
  [start, end]: Span
): Promise<void> {
  for (const [style, addresses] of rectanglesByStyle(grid.slice(start, end), start)) {
    const look = CELL_STYLES[style];
    for (const address of addresses) {
      await batch.add(look.border ? 22 : 10, 0, () => {
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
        if (!look.border) return;
        for (const edge of EDGES) {
          const border = format.borders.getItem(edge);
          border.style = "Continuous";
          border.color = `#${BORDER_COLOR}`;
        }
      });
    }
  }
}

async function writeLayout(
  batch: RequestBatch,
  ws: Excel.Worksheet,
  sheet: SheetModel,
  grid: Grid,
  features: ExcelFeatures
): Promise<void> {
  for (const merge of sheet.merges) await batch.add(2, 0, () => ws.getRange(merge).merge(false));
  await batch.add(3 * (sheet.columnWidths.length + 1), 0, () => {
    sheet.columnWidths.forEach((width, c) => {
      // Excel's column width in points is about 7 per character of the default font at 11 pt; CJK is wider.
      ws.getRange(`${columnLetter(c)}:${columnLetter(c)}`).format.columnWidth = width * 7.5;
    });
    if (sheet.cells[0]?.[0]?.style === "title") ws.getRange("1:1").format.rowHeight = 28;
  });
  // One action per run of rows of one height (a table's rows are mostly alike), each its own unit
  // of the batch, so that thousands of rows never make one request.
  for (const [first, last, height] of heightRuns(sheet.rowHeights ?? {}))
    await batch.add(3, 0, () => {
      ws.getRange(`${first + 1}:${last + 1}`).format.rowHeight = height;
    });
  if (features.freezePanes && sheet.frozenRows > 0)
    await batch.add(2, 0, () => ws.freezePanes.freezeRows(sheet.frozenRows));
  for (const address of features.conditionalFormats ? (sheet.dataBars ?? []) : []) {
    await batch.add(5, 0, () => {
      const bars = ws.getRange(address).conditionalFormats.add("DataBar").dataBar;
      bars.lowerBoundRule = { type: "Number", formula: "0" };
      bars.upperBoundRule = { type: "Number", formula: "100" };
    });
  }
  for (const address of features.dataValidation ? (sheet.wholeNumberRanges ?? []) : []) {
    await batch.add(4, 200, () => {
      const validation = ws.getRange(address).dataValidation;
      validation.rule = { wholeNumber: { formula1: 0, operator: "GreaterThanOrEqualTo" } };
      validation.errorAlert = {
        message: "此处只能填写不小于 0 的整数。",
        showAlert: true,
        style: "Stop",
        title: "请输入整数",
      };
    });
  }
  for (const { range, values } of features.dataValidation ? (sheet.choiceRanges ?? []) : []) {
    await batch.add(4, 200, () => {
      const validation = ws.getRange(range).dataValidation;
      validation.rule = { list: { inCellDropDown: true, source: values.join(",") } };
      validation.errorAlert = {
        message: `此处只能填写：${values.join("、")}。`,
        showAlert: true,
        style: "Stop",
        title: "请从下拉列表中选择",
      };
    });
  }
  if (features.pageLayout) await writePageLayout(batch, ws, sheet);
}

async function writePageLayout(
  batch: RequestBatch,
  ws: Excel.Worksheet,
  sheet: SheetModel
): Promise<void> {
  await batch.add(7, 0, () => {
    const layout = ws.pageLayout;
    layout.paperSize = "A4";
    layout.orientation = sheet.landscape ? "Landscape" : "Portrait";
    layout.centerHorizontally = true;
    layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    if (sheet.frozenRows > 0) layout.setPrintTitleRows(`$1:$${sheet.frozenRows}`);
  });
}

/** The sheet's table; an update that changes the row count re-adds it over the new extent. */
async function writeTable(
  batch: RequestBatch,
  ws: Excel.Worksheet,
  sheet: SheetModel,
  target: SheetTarget,
  update: SheetTarget["update"]
): Promise<void> {
  if (!sheet.table || !sheet.key || sheet.table.lastRow <= sheet.table.headerRow) return;
  if (update && update.rowsBefore === sheet.cells.length && target.tables.length > 0) return;
  const { headerRow, lastRow, columns } = sheet.table;
  const key = sheet.key;
  await batch.add(6 + target.tables.length, 0, () => {
    if (update) for (const name of target.tables) ws.tables.getItem(name).convertToRange();
    const table = ws.tables.add(`A${headerRow + 1}:${cellAddress(lastRow, columns - 1)}`, true);
    table.name = `QUOTA_${key}`;
    table.style = "TableStyleLight1";
    table.showFilterButton = false;
  });
}

/** The chart, after the old ones on the sheet (an earlier run's) are deleted. */
async function writeChart(
  batch: RequestBatch,
  ws: Excel.Worksheet,
  sheet: SheetModel,
  charts: Excel.ChartCollection | null
): Promise<void> {
  const spec = sheet.chart!;
  if (charts) await batch.sync();
  await batch.add(6 + (charts?.items.length ?? 0), 0, () => {
    for (const old of charts?.items ?? []) old.delete();
    const chart = ws.charts.add("BarClustered", ws.getRange(spec.source), "Columns");
    chart.title.text = spec.title;
    chart.setPosition(`${columnLetter(Math.max(sheet.columnWidths.length, 6) + 1)}3`);
  });
}

async function markOwned(
  context: Excel.RequestContext,
  batch: RequestBatch,
  ws: Excel.Worksheet,
  key: string,
  target: SheetTarget
): Promise<void> {
  await batch.add(5, 0, () => {
    const names = context.workbook.names;
    if (target.staleMark) names.getItem(ownerName(key)).delete();
    const mark = names.add(ownerName(key), ws.getRange("A1"), "人人持证任务工具生成的工作表");
    mark.visible = false;
  });
}

/**
 * Text Excel would take for something else when written: a formula (=, +, -, @, and their
 * full-width forms ＝ ＋ － ＠, which Excel with a Chinese input method also reads as formulas), an
 * error value (#N/A, #REF! …), or a number, date, time, percent or TRUE/FALSE as typed (2022-06
 * becomes a date, 1,000 a number, 6月20日 a date in Chinese Excel).
 */
const COERCIBLE =
  /^[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|^\s*#(?:N\/A|REF!|VALUE!|DIV\/0!|NAME\?|NULL!|NUM!|SPILL!|CALC!|GETTING_DATA|FIELD!|BUSY!|BLOCKED!|CONNECT!|UNKNOWN!|EXTERNAL!|PYTHON!)\s*$|^\s*[(]?[\d$¥€.][\d\s.,:/\-年月日时分秒%)]*$|^\s*\d*\.?\d+e[-+]?\d+\s*$|^(true|false)$/i;

/** A cell as Range.formulas takes it: "=…" for a formula, text kept as text (a ' before it). */
export function formulaOf(cell: ModelCell | null): string | number | boolean {
  if (!cell || cell.value === null) return cell?.formula !== undefined ? `=${cell.formula}` : "";
  if (cell.formula !== undefined) return `=${cell.formula}`;
  if (typeof cell.value === "string" && COERCIBLE.test(cell.value)) return `'${cell.value}`;
  return cell.value;
}

/**
 * Cells of each style as rectangles: horizontal runs of a style, merged with the run of the row
 * above when it spans the same columns, so that a table's column is one range, not one per row.
 */
export function rectanglesByStyle(grid: Grid, rowOffset = 0): Map<CellStyleName, string[]> {
  const open = new Map<
    string,
    { style: CellStyleName; c0: number; c1: number; r0: number; r1: number }
  >();
  const done: { style: CellStyleName; c0: number; c1: number; r0: number; r1: number }[] = [];
  grid.forEach((row, r) => {
    let start = 0;
    for (let c = 1; c <= row.length; c++) {
      const style = row[start]?.style;
      if (c < row.length && row[c]?.style === style) continue;
      if (style) {
        const key = `${style}:${start}:${c - 1}`;
        const above = open.get(key);
        if (above && above.r1 === r - 1) above.r1 = r;
        else {
          if (above) done.push(above);
          open.set(key, { style, c0: start, c1: c - 1, r0: r, r1: r });
        }
      }
      start = c;
    }
  });
  const rectangles = [...done, ...open.values()].sort((a, b) => a.r0 - b.r0 || a.c0 - b.c0);
  const byStyle = new Map<CellStyleName, string[]>();
  for (const { style, c0, c1, r0, r1 } of rectangles) {
    const from = cellAddress(r0 + rowOffset, c0);
    const to = cellAddress(r1 + rowOffset, c1);
    byStyle.set(style, [...(byStyle.get(style) ?? []), from === to ? from : `${from}:${to}`]);
  }
  return byStyle;
}

/** Row heights (zero-based row → points) as runs of consecutive rows of one height: [first, last, height]. */
export function heightRuns(heights: Readonly<Record<number, number>>): [number, number, number][] {
  const runs: [number, number, number][] = [];
  const rows = Object.keys(heights)
    .map(Number)
    .sort((a, b) => a - b);
  for (const row of rows) {
    const height = heights[row]!;
    const last = runs[runs.length - 1];
    if (last && last[1] === row - 1 && last[2] === height) last[1] = row;
    else runs.push([row, row, height]);
  }
  return runs;
}
