import { randomUUID } from "crypto";
import type { WorkbookModel } from "../../core/workbookModel";
import { writeLeanParts } from "./leanXlsx";
import { FileSink, NODE_ZIP } from "./zipFileWriter";
import { MemorySink, ZipWriter } from "./zipWriter";

/**
 * A new workbook of the model written into a file, sheet by sheet and row by row (memory does not
 * grow with the rows), without loading exceljs (see writeLeanParts).
 */
export function writeLeanXlsx(model: WorkbookModel, path: string, now = new Date()): void {
  const sink = FileSink.create(path);
  try {
    writeLeanParts(model, new ZipWriter(sink, NODE_ZIP, now), randomUUID, now);
  } finally {
    sink.close();
  }
}

/** The same workbook's bytes, built in memory (a workbook to add charts to, or a small one). */
export function leanXlsxBytes(model: WorkbookModel, now = new Date()): Uint8Array {
  const sink = new MemorySink();
  writeLeanParts(model, new ZipWriter(sink, NODE_ZIP, now), randomUUID, now);
  return sink.bytes();
}
