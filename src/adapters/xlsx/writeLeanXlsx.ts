import { randomUUID } from "crypto";
import type { WorkbookModel } from "../../core/workbookModel";
import { LeanSharedStrings } from "./leanSharedStrings";
import { leanSheetXml } from "./leanSheetXml";
import { LeanStyles, leanStyles } from "./leanStyles";
import { leanWorkbookParts, sheetPart } from "./leanWorkbook";
import { ZipFileWriter } from "./zipFileWriter";

let styles: LeanStyles | null = null;

/**
 * A new workbook of the model written into a file, sheet by sheet and row by row (memory does not
 * grow with the rows): what exceljs's in-memory writer makes of it (toExcelWorkbook), read back
 * alike, without loading exceljs. The shared strings come last, once every sheet has added its own.
 */
export function writeLeanXlsx(model: WorkbookModel, path: string): void {
  const zip = ZipFileWriter.create(path);
  try {
    styles ??= leanStyles();
    const strings = new LeanSharedStrings();
    for (const [name, xml] of leanWorkbookParts(model, new Date())) zip.part(name, [xml]);
    zip.part("xl/styles.xml", [styles.xml]);
    const writing = { styleIds: styles.ids, strings, guid: randomUUID };
    model.sheets.forEach((sheet, i) => zip.part(sheetPart(i), leanSheetXml(sheet, writing)));
    zip.part("xl/sharedStrings.xml", strings.xml());
    zip.finish();
  } catch (error) {
    zip.close();
    throw error;
  }
}
