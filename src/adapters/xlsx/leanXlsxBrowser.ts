import { Deflate } from "fflate";
import type { WorkbookModel } from "../../core/workbookModel";
import { writeLeanParts } from "./leanXlsx";
import { concatBytes, tableCrc32 } from "../zip/zipBytes";
import { MemorySink, PartDeflater, ZipHost, ZipWriter } from "./zipWriter";

/*
 * The page's writer of a new workbook (the lean writer into memory): fflate deflates, as fflate
 * already inflates what the page reads. exceljs loads only to write into an existing workbook.
 */

/** fflate's fastest level, as Node's zlib level 1 for the CLI. */
const LEVEL = 1;

function fflateDeflater(): PartDeflater {
  let out: Uint8Array[] = [];
  const stream = new Deflate({ level: LEVEL }, (data) => void out.push(data));
  const take = (): Uint8Array => {
    const taken = out.length === 1 ? out[0]! : concatBytes(out);
    out = [];
    return taken;
  };
  return {
    push: (data) => (stream.push(data), take()),
    end: () => (stream.push(new Uint8Array(0), true), take()),
  };
}

const encoder = new TextEncoder();

const BROWSER_ZIP: ZipHost = {
  deflater: fflateDeflater,
  crc32: tableCrc32,
  encode: (text) => encoder.encode(text),
};

/** A random GUID (version 4), where crypto.randomUUID is missing (a page not on https). */
function guid(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A new workbook of the model, as .xlsx bytes. */
export function leanXlsxBytes(model: WorkbookModel, now = new Date()): Uint8Array {
  const sink = new MemorySink();
  writeLeanParts(model, new ZipWriter(sink, BROWSER_ZIP, now), guid, now);
  return sink.bytes();
}
