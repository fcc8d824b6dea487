/* Mutants of checkFiling that survived or were not reached by tests/core: what each missing
   field, a date that is not one, an unknown month and a month that differs say, and where. */
import { fill } from "../../../src/cli/demoReports";
import { TEMPLATE_CELLS } from "../../../src/core/report/buildReportTemplate";
import type { YearMonth } from "../../../src/core/report/reportMonth";
import { ValidateOptions, validateReport } from "../../../src/core/report/validateReport";
import type { ModelValue } from "../../../src/core/workbookModel";
import { ROUND_TARGETS } from "../../support/coreFixtures";
import { modelGrid } from "../../support/modelGrid";
import { reportSheet } from "../../support/reportFactory";

const targets = ROUND_TARGETS;
const JUNE: YearMonth = { year: 2022, month: 6 };

/** The filing findings (code, cell, message) of the June report with some cells changed. */
function filing(values: Record<string, ModelValue>, options: ValidateOptions = {}, name?: string) {
  const sheet = fill(reportSheet({ targets, month: JUNE, done: {} }), values);
  const result = validateReport(modelGrid(name ? { ...sheet, name } : sheet), {
    fileName: "外国语学院.xlsx",
    ...options,
  });
  expect(result).not.toBeNull();
  const codes = /^(unit|filer|head|date|month)-/;
  return [...result!.errors, ...result!.warnings]
    .filter((f) => codes.test(f.code))
    .map((f) => [f.code, f.cell, f.message]);
}

test("a filled-in report has no filing finding", () => {
  expect(filing({})).toEqual([]);
});

test("填报单位, 填报人, 负责人 and 填报时间 left empty: each said, at its own cell", () => {
  const found = filing({
    [TEMPLATE_CELLS.unit]: "填报单位（公章）：",
    [TEMPLATE_CELLS.filer]: null,
    [TEMPLATE_CELLS.head]: null,
    [TEMPLATE_CELLS.date.year]: null,
    [TEMPLATE_CELLS.date.month]: null,
    [TEMPLATE_CELLS.date.day]: null,
  });
  const messages = Object.fromEntries(found.map(([code, , message]) => [code, message]));
  expect(messages).toEqual({
    "unit-missing": "未填写填报单位",
    "filer-missing": "未填写填报人",
    "head-missing": "未填写填报单位负责人",
    "date-missing": "未填写填报时间",
  });
  const cells = Object.fromEntries(found.map(([code, cell]) => [code, cell]));
  // On the row of the field (its label's cell when the value is empty).
  const row = (address: string) => address.replace(/^[A-Z]+/, "");
  expect(row(cells["filer-missing"] as string)).toBe(row(TEMPLATE_CELLS.filer));
  expect(row(cells["head-missing"] as string)).toBe(row(TEMPLATE_CELLS.head));
});

test("a 填报时间 that is no date says what it read and how to write one", () => {
  const found = filing({ [TEMPLATE_CELLS.date.month]: 13 });
  expect(found.map(([code]) => code)).toEqual(["date-invalid"]);
  expect(found[0]![2]).toMatch(/^填报时间“.+”不是有效日期，请写成 2022年6月25日$/);
});

test("the month chosen over the sheet's: the sheet's month is named, the chosen one checked", () => {
  // Filed on June 20: early for July.
  expect(filing({}, { month: { year: 2022, month: 7 } })).toEqual([
    [
      "month-mismatch",
      "A1",
      expect.stringMatching(/^工作表所写月份为 2022年6月，按指定的 2022年7月 核对/),
    ],
    [
      "date-early",
      "B14",
      "填报时间 2022年6月20日 早于报表月份 2022年7月，请核对填报时间或报表月份",
    ],
  ]);
});

test("the sheet's month over the file name's: the file's month is named, the sheet's checked", () => {
  expect(filing({}, { fileName: "外国语学院-2022年5月.xlsx" })).toEqual([
    [
      "month-mismatch",
      "A1",
      expect.stringMatching(/^文件名所写月份为 2022年5月，按工作表所写的 2022年6月 核对/),
    ],
  ]);
});
