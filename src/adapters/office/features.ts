/** What this Excel can do beyond the manifest's minimum (ExcelApi 1.4). */
export interface ExcelFeatures {
  /** ExcelApi 1.6: suspendApiCalculationUntilNextSync. */
  readonly suspendCalculation: boolean;
  /** ExcelApi 1.6: conditional formats (data bars). */
  readonly conditionalFormats: boolean;
  /** ExcelApi 1.7: freeze panes. */
  readonly freezePanes: boolean;
  /** ExcelApi 1.8: data validation. */
  readonly dataValidation: boolean;
  /** ExcelApi 1.9: page layout (A4, print area, print titles). */
  readonly pageLayout: boolean;
}

export const MINIMUM_EXCEL_API = "1.4";

export function excelSupports(version: string): boolean {
  return (
    typeof Office !== "undefined" &&
    Office.context?.requirements?.isSetSupported("ExcelApi", version) === true
  );
}

export function detectFeatures(
  supports: (version: string) => boolean = excelSupports
): ExcelFeatures {
  return {
    suspendCalculation: supports("1.6"),
    conditionalFormats: supports("1.6"),
    freezePanes: supports("1.7"),
    dataValidation: supports("1.8"),
    pageLayout: supports("1.9"),
  };
}

/** The features this Excel lacks, in words for the user. */
export function missingFeatures(features: ExcelFeatures): string[] {
  const missing: string[] = [];
  if (!features.conditionalFormats) missing.push("数据条");
  if (!features.freezePanes) missing.push("冻结表头");
  if (!features.dataValidation) missing.push("数据验证");
  if (!features.pageLayout) missing.push("A4 打印设置");
  return missing;
}
