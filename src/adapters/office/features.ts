/**
 * What the adapters may use beyond ExcelApi 1.1. The manifest requires ExcelApi 1.12 (and a shared
 * runtime, which only Excel with ExcelApi 1.10 or later has), so every Excel that loads the add-in
 * has all of these: they are constants, not detected. (The type stays for the adapters' signatures
 * until the guards on it are dropped there.)
 */
export interface ExcelFeatures {
  /** ExcelApi 1.6: suspendApiCalculationUntilNextSync. */
  readonly suspendCalculation: true;
  /** ExcelApi 1.6: conditional formats (data bars). */
  readonly conditionalFormats: true;
  /** ExcelApi 1.7: freeze panes. */
  readonly freezePanes: true;
  /** ExcelApi 1.8: data validation. */
  readonly dataValidation: true;
  /** ExcelApi 1.9: page layout (A4, print area, print titles). */
  readonly pageLayout: true;
}

/** The ExcelApi version the manifest requires (manifest.xml, tests/apiSets.test.ts). */
export const REQUIRED_EXCEL_API = "1.12";

export const EXCEL_FEATURES: ExcelFeatures = {
  suspendCalculation: true,
  conditionalFormats: true,
  freezePanes: true,
  dataValidation: true,
  pageLayout: true,
};
