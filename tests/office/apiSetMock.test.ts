/* The Excel mock has only what the manifest's ExcelApi (1.12) has: a member of a later set throws,
   so a test that reaches one fails as the add-in would on an Excel 2021 without it. */
import { REQUIRED_EXCEL_API } from "../../src/adapters/office/features";
import { excelMemberSets, membersAboveDeclared } from "../support/apiSetGuard";
import { ExcelMock } from "../support/excelMock";

test("the manifest requires ExcelApi 1.12", () => {
  expect(REQUIRED_EXCEL_API).toBe("1.12");
});

test("the sets are read from @types/office-js: page layout and data bars are in 1.12, merged areas not", () => {
  expect(excelMemberSets("Worksheet").get("pageLayout")).toBe("1.9");
  expect(excelMemberSets("Range").get("conditionalFormats")).toBe("1.6");
  expect(excelMemberSets("Range").get("getSpillingToRangeOrNullObject")).toBe("1.12");
  const aboveRange = membersAboveDeclared("Range");
  expect(aboveRange.get("getMergedAreasOrNullObject")).toBe("1.13");
  expect(aboveRange.has("conditionalFormats")).toBe(false);
  expect(membersAboveDeclared("Worksheet").has("pageLayout")).toBe(false);
  expect(membersAboveDeclared("Worksheet").get("onFormulaChanged")).toBe("1.13");
});

test("the mock throws on a member above 1.12 and serves the 1.12 ones", () => {
  const excel = new ExcelMock([{ name: "汇总", rows: [[1]] }]);
  const ws = excel.sheet("汇总");
  const range = ws.getRange("A1");
  expect(() => range.getMergedAreasOrNullObject()).toThrow(/ApiNotFound.*ExcelApi 1\.13/);
  expect(() => range.getExtendedRange("Down")).toThrow(/ApiNotFound/);
  expect(() => ws.onFormulaChanged).toThrow(/Worksheet\.onFormulaChanged needs ExcelApi 1\.13/);
  range.conditionalFormats.add("DataBar");
  expect(excel.calls).toContain("DataBar 汇总!A1");
  expect(() => ws.pageLayout.setPrintArea("A1:B2")).not.toThrow();
});
