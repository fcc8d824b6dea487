import type { ExcelModule } from "../adapters/xlsx/excelModule";
import { setSheetJsLoader } from "../adapters/read/sheetJsModule";

// .xls, .et and .ods files are read by SheetJS, in its own chunk loaded on the first such file.
setSheetJsLoader(() => import(/* webpackChunkName: "sheetjs" */ "@e965/xlsx"));

let pending: Promise<ExcelModule> | null = null;

/**
 * exceljs is large: it loads only when a master is written into, never at start-up. It is built from
 * its sources (not its prebuilt browser bundle): what the chunk holds is what package-lock lists.
 */
export function loadExcelJs(): Promise<ExcelModule> {
  pending ??= import(/* webpackChunkName: "exceljs" */ "../adapters/xlsx/browser/exceljs.js").then(
    (m) => ((m as unknown as { default?: ExcelModule }).default ?? m) as ExcelModule
  );
  return pending;
}

/**
 * writeWorkbookInto with exceljs, in exceljs's chunk: the only writer the page loads exceljs for
 * (last month's master written into; a new workbook is loadLeanWriter's).
 */
export async function loadMasterWriter(): Promise<
  (
    master: Uint8Array,
    model: import("../core/workbookModel").WorkbookModel,
    keeper: import("../adapters/xlsx/ourCharts").ChartKeeper
  ) => Promise<Uint8Array>
> {
  const [excel, into] = await Promise.all([
    loadExcelJs(),
    import(/* webpackChunkName: "exceljs" */ "../adapters/xlsx/writeWorkbookInto.js"),
  ]);
  return (master, model, keeper) => into.writeWorkbookInto(excel, master, model, keeper);
}

/**
 * Adds the charts a model asks for to written .xlsx bytes (exceljs writes none): the package
 * code and JSZip load only when a master is written into, in a chunk of their own.
 * Written into last month's master, its earlier charts are kept (writeWorkbookInto with the keeper).
 */
export async function loadChartAdder(): Promise<
  ((
    bytes: Uint8Array,
    model: import("../core/workbookModel").WorkbookModel
  ) => Promise<Uint8Array>) & {
    /** For writeWorkbookInto to keep the master's charts of earlier months. */
    readonly keeper: import("../adapters/xlsx/ourCharts").ChartKeeper;
  }
> {
  const [zip, charts] = await Promise.all([
    import(/* webpackChunkName: "jszip" */ "jszip"),
    import(/* webpackChunkName: "jszip" */ "../adapters/xlsx/addChart.js"),
  ]);
  const Zip = ((zip as unknown as { default?: unknown }).default ??
    zip) as import("../adapters/xlsx/addChart").ZipModule;
  const add = (bytes: Uint8Array, model: import("../core/workbookModel").WorkbookModel) =>
    charts.addModelCharts(Zip, bytes, model);
  return Object.assign(add, { keeper: charts.chartKeeper(Zip) });
}

type WriterModule = typeof import("../adapters/xlsx/leanXlsxBrowser");
let writer: Promise<WriterModule> | null = null;

/**
 * Our writer of a new workbook (every download but a master written into): a chunk of its own,
 * loaded on the first download; exceljs loads only to write into an existing workbook.
 */
export function loadLeanWriter(): Promise<WriterModule> {
  writer ??= import(/* webpackChunkName: "writer" */ "../adapters/xlsx/leanXlsxBrowser.js");
  return writer;
}

/** The chart adder of a new master (LeanZip, no JSZip): a chunk of its own, loaded with the writer. */
export function loadNewChartAdder(): Promise<typeof import("../adapters/xlsx/leanChartsBrowser")> {
  return import(/* webpackChunkName: "charts" */ "../adapters/xlsx/leanChartsBrowser.js");
}

type ReaderModule = typeof import("../adapters/xlsx/readGrids");
let reader: Promise<ReaderModule> | null = null;

/** The file reader (format sniffing, unzip, sheet parsing) is a chunk of its own, loaded on the first file. */
export function loadReader(): Promise<ReaderModule> {
  reader ??= import(/* webpackChunkName: "reader" */ "../adapters/xlsx/readGrids.js");
  return reader;
}
