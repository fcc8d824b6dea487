import { deflateSync } from "fflate";
import type { WorkbookModel } from "../../core/workbookModel";
import { addModelCharts, ZipModule } from "./addChart";
import { LeanZip } from "./leanZip";
import { tableCrc32 } from "../zip/zipBytes";

/**
 * The chart code's zip on the page, for a new master (our writer's): unchanged parts copied as
 * stored, changed ones deflated by fflate. JSZip, which re-encodes every changed part through pako,
 * is left to a master written into (its foreign parts need all of JSZip).
 */
const pageZip = LeanZip.module({
  deflate: (data) => deflateSync(data),
  crc32: (data) => tableCrc32(data),
}) as unknown as ZipModule;

/** Adds the charts the model asks for to a new workbook's bytes. */
export const addChartsToNew = (bytes: Uint8Array, model: WorkbookModel): Promise<Uint8Array> =>
  addModelCharts(pageZip, bytes, model);
