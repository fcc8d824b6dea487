import { InputError } from "../../core/errors";
import { foreignSheetMessage, ownershipKey, sheetOfReference } from "../../core/ownedSheets";
import type { WorkbookModel } from "../../core/workbookModel";
import { EXCELJS_ZIP, ExcelModule, ExcelWorkbook } from "./excelModule";
import { refuseToDropContent } from "./foreignParts";
import type { ChartKeeper, OurCharts } from "./ourCharts";
import { addModelSheets } from "./writeWorkbook";

/** The sheets a workbook marks as ours (defined names _QUOTA_<key>): key → sheet name, as now named. */
export function ownedSheetsByKey(workbook: import("exceljs").Workbook): Map<string, string> {
  const owned = new Map<string, string>();
  for (const name of workbook.definedNames.model) {
    const key = ownershipKey(name.name);
    if (key === null) continue;
    for (const range of name.ranges) {
      const sheet = sheetOfReference(range);
      if (sheet !== null && workbook.getWorksheet(sheet)) owned.set(key, sheet);
    }
  }
  return owned;
}

/**
 * Puts the model into a loaded workbook: our own sheets of the same name are replaced, every
 * other sheet is kept as it was; a sheet of the same name that is not ours is an error (thrown
 * before anything is changed).
 */
export function putModelInto(workbook: ExcelWorkbook, given: WorkbookModel): void {
  const byKey = ownedSheetsByKey(workbook);
  // A sheet of ours renamed by hand keeps its new name: it is found by its ownership name.
  const model: WorkbookModel = {
    sheets: given.sheets.map((sheet) => {
      const current = sheet.key === undefined ? undefined : byKey.get(sheet.key);
      return current === undefined ? sheet : { ...sheet, name: current };
    }),
  };
  const owned = new Set(byKey.values());
  for (const sheet of model.sheets) {
    const ws = workbook.getWorksheet(sheet.name);
    if (ws && !owned.has(sheet.name)) {
      throw new InputError(foreignSheetMessage(sheet.name));
    }
  }
  for (const sheet of model.sheets) {
    const ws = workbook.getWorksheet(sheet.name);
    if (ws) workbook.removeWorksheet(ws.id);
  }
  addModelSheets(workbook, model);
  workbook.calcProperties.fullCalcOnLoad = true;
}

/**
 * Writes the model into an existing workbook's bytes (see putModelInto). Given a chart keeper
 * (addChart's chartKeeper: loaded lazily, as exceljs is, so none of it is in the page's bundle), our charts
 * of earlier months are put back on their sheets after the write (the model's own are added by
 * addModelCharts); without it, a master with any chart is refused.
 */
export async function writeWorkbookInto(
  excel: ExcelModule,
  existing: Uint8Array,
  model: WorkbookModel,
  charts?: ChartKeeper
): Promise<Uint8Array> {
  const ours: OurCharts = charts ? await charts.find(existing) : { parts: new Set(), charts: [] };
  refuseToDropContent(existing, ours.parts);
  const workbook = new excel.Workbook();
  await workbook.xlsx.load(existing as unknown as ArrayBuffer);
  putModelInto(workbook, model);
  const written = new Uint8Array((await workbook.xlsx.writeBuffer(EXCELJS_ZIP)) as ArrayBuffer);
  return charts ? charts.reattach(written, ours, model) : written;
}
