import type { WorkbookModel } from "../../core/workbookModel";
import { LeanSharedStrings } from "./leanSharedStrings";
import { leanSheetXml } from "./leanSheetXml";
import { LeanStyles, leanStyles } from "./leanStyles";
import { leanWorkbookParts, sheetPart } from "./leanWorkbook";
import { ZipWriter } from "./zipWriter";

let styles: LeanStyles | null = null;

/**
 * The parts of a new workbook of the model, sheet by sheet and row by row, into a zip being
 * built (into a file in Node, into memory on the page): what exceljs's in-memory writer makes of
 * it (toExcelWorkbook), read back alike. The shared strings come last, once every sheet has added
 * its own. `guid` names the x14 conditional formats.
 */
export function writeLeanParts(
  model: WorkbookModel,
  zip: ZipWriter,
  guid: () => string,
  now: Date
): void {
  styles ??= leanStyles();
  const strings = new LeanSharedStrings();
  for (const [name, xml] of leanWorkbookParts(model, now)) zip.text(name, xml);
  zip.text("xl/styles.xml", styles.xml);
  const writing = { styleIds: styles.ids, strings, guid };
  model.sheets.forEach((sheet, i) => zip.part(sheetPart(i), leanSheetXml(sheet, writing)));
  zip.part("xl/sharedStrings.xml", strings.xml());
  zip.finish();
}
