import type ExcelJSModule from "exceljs";
import { closeSync, constants as fsConstants, fstatSync, openSync, readSync } from "fs";
import { readFile, writeFile } from "fs/promises";
import { basename } from "path";
import { writeFileAtomic } from "../fs/atomicWrite";
import type { Grid } from "../../core/grid";
import { InputError, QuotaError } from "../../core/errors";
import type { WorkbookModel } from "../../core/workbookModel";
import type { ExcelWorkbook } from "./excelModule";
import { loadWorkbook, readGrids, sniffFile } from "./readGrids";
import { ZipModule, addModelCharts } from "./addChart";
import type JSZipModule from "jszip";
import { LeanZip } from "./leanZip";
import { NO_CHARTS, OurCharts, ourCharts } from "./ourCharts";
import { leanXlsxBytes, writeLeanXlsx } from "./writeLeanXlsx";
import { READ_LIMITS, fileTooLarge } from "../read/limits";
import { setSheetJsLoader } from "../read/sheetJsModule";
import { setRawInflater } from "../read/zipDirectory";
import { deflateRawSync, inflateRawSync } from "zlib";
import { crc32 } from "./zipFileWriter";

// .xls, .et and .ods are read by SheetJS; in Node it is simply required (xlsx.js of @e965/xlsx).
setSheetJsLoader(async () => require("@e965/xlsx") as typeof import("@e965/xlsx"));
// Zip parts are inflated by Node's zlib, which stops by itself past the size the zip declares;
// its output buffer is that size (not 16 KB chunks joined at the end): one allocation per part.
setRawInflater((raw, maxBytes) =>
  inflateRawSync(raw, { maxOutputLength: maxBytes, chunkSize: Math.max(64, maxBytes) })
);

/**
 * exceljs, required when first written with (a quarter of a second of loading that reading and
 * checking files no longer need).
 */
let excelJs: typeof ExcelJSModule | null = null;
const excel = (): typeof ExcelJSModule => (excelJs ??= require("exceljs") as typeof ExcelJSModule);
/** JSZip, required only when a person's parts or our charts are carried (30 ms of loading). */
const jsZip = () => require("jszip") as typeof JSZipModule as unknown as ZipModule;

const fileWhere = (path: string) => `文件“${basename(path)}”`;

/**
 * The bytes of an open regular file, never more than the limit allows: opened without blocking
 * (a FIFO does not hang), checked by fstat on the same descriptor (no swap between check and
 * read), read synchronously (one report is a few KB; no thread-pool round trips per file).
 */
function readRegularFile(path: string): Uint8Array {
  const fd = openSync(path, fsConstants.O_RDONLY | fsConstants.O_NONBLOCK);
  try {
    const info = fstatSync(fd);
    if (info.isDirectory()) throw new InputError("是文件夹，不是文件");
    // A FIFO would wait for ever and /dev/zero never ends: only a regular file is read.
    if (!info.isFile()) throw new InputError("不是普通文件（设备、管道或套接字），已跳过");
    if (info.size > READ_LIMITS.fileBytes) throw fileTooLarge(info.size);
    const bytes = Buffer.allocUnsafe(info.size);
    let length = 0;
    while (length < bytes.length) {
      const n = readSync(fd, bytes, length, bytes.length - length, null);
      if (n === 0) break;
      length += n;
    }
    return bytes.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}

/** A file's bytes, after checking that it is a file of a plausible size; problems name the file. */
export async function readFileBytes(path: string): Promise<Uint8Array> {
  try {
    return readRegularFile(path);
  } catch (error) {
    if (error instanceof QuotaError) throw error.at(fileWhere(path));
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EISDIR") throw new InputError("是文件夹，不是文件").at(fileWhere(path));
    throw new InputError(
      code === "ENOENT" ? "文件不存在" : `无法读取（${code ?? String(error)}）`
    ).at(fileWhere(path));
  }
}

/** Reads a file's sheets in Node; every problem becomes an InputError that names the file. */
export async function readGridsFromFile(path: string): Promise<Grid[]> {
  const bytes = await readFileBytes(path);
  try {
    return await readGrids(null, bytes, basename(path));
  } catch (error) {
    if (error instanceof QuotaError) throw error.at(fileWhere(path));
    throw error;
  }
}

/** Loads an .xlsx file as an exceljs workbook (to write into it); problems name the file. */
export async function readWorkbookFromFile(path: string): Promise<ExcelWorkbook> {
  const bytes = await readFileBytes(path);
  try {
    if (sniffFile(bytes, basename(path)) !== "xlsx")
      throw new InputError("不是 Excel 工作簿（.xlsx）");
    return await loadWorkbook(excel(), bytes);
  } catch (error) {
    if (error instanceof QuotaError) throw error.at(fileWhere(path));
    throw error;
  }
}

/**
 * The chart code's zip in Node: unchanged parts are copied as stored, changed ones deflated by
 * zlib (JSZip re-encoded them through pako: 0.2 s of a 1,000-college roll-up). It implements the
 * part of JSZip's interface that addChart, ourCharts and reattachCharts use.
 */
export const nodeZip = LeanZip.module({
  deflate: (data) => deflateRawSync(data),
  crc32: (data) => crc32(data),
}) as unknown as ZipModule;

/**
 * Adds the charts the model asks for to an .xlsx being written (a temp file; exceljs writes none),
 * and puts back our charts of the master it was written into (`kept`, see ourCharts).
 */
export async function addModelChartsToFile(
  temp: string,
  model: WorkbookModel,
  kept: OurCharts = NO_CHARTS
): Promise<void> {
  if (
    !model.sheets.some((s) => s.chart?.at) &&
    kept.charts.length === 0 &&
    !kept.foreign?.sheets.length
  )
    return;
  const bytes = await readFile(temp);
  // A person's drawings and comments are carried by keepForeign, which needs all of JSZip.
  const zip = kept.foreign?.sheets.length ? jsZip() : nodeZip;
  const written = await addModelCharts(zip, bytes, model, kept);
  if (written !== bytes) await writeFile(temp, written);
}

/** Our charts in a master's bytes (put back after exceljs re-saves it). */
export const ourChartsIn = (bytes: Uint8Array): Promise<OurCharts> => ourCharts(jsZip(), bytes);

/**
 * Writes a new workbook, with the charts the model asks for, by our own writer (leanXlsxBytes):
 * exceljs is not loaded. The file is the old one or the whole new one, never half (writeFileAtomic).
 */
export async function writeModelToFile(model: WorkbookModel, path: string): Promise<void> {
  let bytes = leanXlsxBytes(model);
  if (model.sheets.some((s) => s.chart?.at)) bytes = await addModelCharts(nodeZip, bytes, model);
  await writeFileAtomic(path, (temp) => writeFile(temp, bytes));
}

/** Streams a new workbook into the file, atomically (see streamModelToTemp). */
export async function streamModelToFile(model: WorkbookModel, path: string): Promise<void> {
  await writeFileAtomic(path, (temp) => streamModelToTemp(model, temp));
}

/**
 * Writes a new workbook row by row straight into a new file (memory stays flat however many rows),
 * by our own writer (writeLeanXlsx): exceljs is not loaded. A path that cannot be written fails
 * here, with its error code.
 */
export async function streamModelToTemp(model: WorkbookModel, path: string): Promise<void> {
  writeLeanXlsx(model, path);
}
