import { parseAddress, sheetRef } from "../../core/grid";
import { SheetModel, WorkbookModel, ownerName } from "../../core/workbookModel";
import { directRows } from "./directRows";
import type { ExcelModule } from "./excelModule";
import {
  dataBarFormatting,
  excelValue,
  headerFooterOf,
  pageSetupOf,
  rowHeightsOf,
  styleFor,
  viewsOf,
  wholeNumber,
  wholeNumberCells,
} from "./writeWorkbook";

type WorkbookWriter = InstanceType<ExcelModule["stream"]["xlsx"]["WorkbookWriter"]>;
type SheetWriter = ReturnType<WorkbookWriter["addWorksheet"]>;

/*
 * exceljs's streaming writer leaves out three things its in-memory writer writes: <printOptions>
 * (centred on the page), the Excel 2010 part of data bars (<extLst>; without it the bar's rule
 * points at an id that is not there) and fullCalcOnLoad. They are added through the writer's
 * own steps, checked to exist; the test "streamed master = in-memory master" guards an upgrade.
 */
interface WriterInternals {
  readonly stream: { write(chunk: string): unknown };
  readonly conditionalFormatting: unknown[];
  _writePageMargins(): void;
  _writeCloseWorksheet(): void;
}
interface ZipInternals {
  append(data: unknown, options: { name: string }): unknown;
}
// exceljs's own renderer of a sheet's <extLst> (x14 data bars), as its in-memory writer uses it
// (required when first used: reading files needs nothing of exceljs).
type ExtLstXform = new () => {
  prepare(model: object, options: object): void;
  toXml(model: object): string;
};
let extLstXform: ExtLstXform | null = null;
const ExtLst = (): ExtLstXform =>
  (extLstXform ??= require("exceljs/lib/xlsx/xform/sheet/ext-lst-xform") as ExtLstXform);

const YIELD_EVERY = 500;

function internals<T>(object: unknown, methods: readonly string[]): T {
  for (const m of methods) {
    if (typeof (object as Record<string, unknown>)[m] !== "function")
      throw new Error(
        `exceljs streaming writer has no ${m}: check src/adapters/xlsx/streamWorkbook.ts`
      );
  }
  return object as T;
}

/** Before the sheet is committed: print centring and the data bars' Excel 2010 part. */
function completeSheet(ws: SheetWriter, workbook: WorkbookWriter): void {
  const w = internals<WriterInternals>(ws, ["_writePageMargins", "_writeCloseWorksheet"]);
  const margins = w._writePageMargins;
  w._writePageMargins = function () {
    if (ws.pageSetup.horizontalCentered) w.stream.write('<printOptions horizontalCentered="1"/>');
    margins.call(w);
  };
  const extLst = new (ExtLst())();
  const model = { conditionalFormattings: w.conditionalFormatting };
  // Gives each data bar its x14 id now, before the sheet's rules are written with it.
  extLst.prepare(model, { styles: (workbook as unknown as { styles: unknown }).styles });
  const close = w._writeCloseWorksheet;
  w._writeCloseWorksheet = function () {
    w.stream.write(extLst.toXml(model));
    close.call(w);
  };
}

/** Asks Excel and WPS to recompute every formula on open, as toExcelWorkbook does. */
function fullCalcOnLoad(workbook: WorkbookWriter): void {
  const zip = internals<ZipInternals>((workbook as unknown as { zip: unknown }).zip, ["append"]);
  const append = zip.append;
  zip.append = function (data, options) {
    const patched =
      options?.name === "/xl/workbook.xml" && typeof data === "string"
        ? data.replace(/<calcPr\b([^>]*?)\s*\/>/, '<calcPr$1 fullCalcOnLoad="1"/>')
        : data;
    return append.call(zip, patched, options);
  };
}

/**
 * Writes a sheet row by row, each row handed to the zip stream as soon as no merge still needs
 * it: a ledger of ten thousand reports never sits in memory as exceljs cells. The result is the
 * same sheet `renderSheet` draws (values, styles, merges, widths, heights, print setup, data
 * bars, whole-number validation, frozen rows).
 */
async function streamSheet(
  workbook: WorkbookWriter,
  ws: SheetWriter,
  sheet: SheetModel,
  plainRowsDirect: boolean
): Promise<void> {
  sheet.columnWidths.forEach((width, i) => (ws.getColumn(i + 1).width = width));
  const heights = rowHeightsOf(sheet);
  // Merges by their top row, with their bottom row.
  const merges = new Map<number, [string, number][]>();
  // The cells a merge covers besides its first: the merge gives them the first cell's look.
  const covered = new Set<string>();
  for (const range of sheet.merges) {
    const [from, to = from] = range.split(":").map(parseAddress);
    merges.set(from!.row, [...(merges.get(from!.row) ?? []), [range, to!.row]]);
    for (let r = from!.row; r <= to!.row; r++)
      for (let c = from!.column; c <= to!.column; c++)
        if (r !== from!.row || c !== from!.column) covered.add(`${r},${c}`);
  }
  const validations = new Map<number, number[]>();
  for (const { row, column } of wholeNumberCells(sheet))
    validations.set(row, [...(validations.get(row) ?? []), column]);

  const rowCount = Math.max(sheet.cells.length, ...[...heights.keys()].map((r) => r + 1));
  // Rows a merge spans go through exceljs (it marks their cells); plain rows are written directly.
  const mergedRows = new Set<number>();
  for (const [top, spans] of merges)
    for (const [, bottom] of spans) for (let r = top; r <= bottom; r++) mergedRows.add(r);
  const book = workbook as unknown as { styles: object; sharedStrings: object };
  const direct = plainRowsDirect
    ? directRows(
        ws,
        book.styles as Parameters<typeof directRows>[1],
        book.sharedStrings as Parameters<typeof directRows>[2]
      )
    : null;
  // Rows up to the bottom of a merge already begun stay open: the merge marks their cells.
  let holdUntil = -1;
  for (let r = 0; r < rowCount; r++) {
    // Now and then the zip gets to take what was written, so it is not all held at once.
    if (r % YIELD_EVERY === YIELD_EVERY - 1) await new Promise((go) => setImmediate(go));
    if (direct?.ready(r) && !mergedRows.has(r) && !validations.has(r)) {
      direct.write(r, sheet.cells[r] ?? [], heights.get(r));
      continue;
    }
    const row = ws.getRow(r + 1);
    (sheet.cells[r] ?? []).forEach((cell, c) => {
      if (!cell || covered.has(`${r},${c}`)) return; // as in renderSheet, the merge wins
      const target = row.getCell(c + 1);
      target.value = excelValue(cell);
      if (cell.style) target.style = styleFor(cell.style);
    });
    for (const [range, bottom] of merges.get(r) ?? []) {
      ws.mergeCells(range);
      holdUntil = Math.max(holdUntil, bottom);
    }
    for (const column of validations.get(r) ?? [])
      row.getCell(column + 1).dataValidation = wholeNumber();
    const height = heights.get(r);
    if (height !== undefined) row.height = height;
    if (r >= holdUntil) row.commit();
  }
  for (const ref of sheet.dataBars ?? []) ws.addConditionalFormatting(dataBarFormatting(ref));
  completeSheet(ws, workbook);
  ws.commit();
}

/**
 * The model as .xlsx into a stream, sheet by sheet and row by row, so memory does not grow with
 * the number of rows (for a new workbook; a workbook written into goes through exceljs in memory).
 * The sheets are marked as ours by defined names, as `toExcelWorkbook` does.
 */
export async function streamWorkbook(
  excel: ExcelModule,
  model: WorkbookModel,
  stream: import("stream").Writable,
  /** Plain rows written by directRows (false: every row through exceljs, for the test). */
  plainRowsDirect = true
): Promise<void> {
  const workbook = new excel.stream.xlsx.WorkbookWriter({
    stream,
    useStyles: true,
    useSharedStrings: true,
  });
  workbook.creator = "人人持证 任务工具";
  fullCalcOnLoad(workbook);
  const names = new Set<string>();
  for (const sheet of model.sheets) {
    const ws = workbook.addWorksheet(sheet.name, {
      views: viewsOf(sheet),
      pageSetup: pageSetupOf(sheet),
      headerFooter: headerFooterOf(),
    });
    await streamSheet(workbook, ws, sheet, plainRowsDirect);
    if (sheet.key && !names.has(ownerName(sheet.key))) {
      names.add(ownerName(sheet.key));
      workbook.definedNames.add(`${sheetRef(sheet.name)}!$A$1`, ownerName(sheet.key));
    }
  }
  await workbook.commit();
}
