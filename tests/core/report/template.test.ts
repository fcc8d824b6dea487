import type { CellValue, Grid } from "../../../src/core/grid";
import { parseAddress } from "../../../src/core/grid";
import { buildQuotaTables } from "../../../src/core/quotaTables";
import {
  buildReportTemplate,
  TEMPLATE_CELLS,
  templateSheetName,
} from "../../../src/core/report/buildReportTemplate";
import { quotaLookupFromTables } from "../../../src/core/report/quotaLookup";
import { SECTION_KEYS } from "../../../src/core/report/reportLayout";
import { validateReport } from "../../../src/core/report/validateReport";
import type { SheetModel } from "../../../src/core/workbookModel";
import { planColleges } from "../../support/planData";

const quotas = quotaLookupFromTables(buildQuotaTables(planColleges()).rows);
const june = { year: 2022, month: 6 };

/** The model as a reader would see it, with some cells typed in and formulas computed as Excel does. */
function filledGrid(sheet: SheetModel, typed: Record<string, CellValue>): Grid {
  const rows: CellValue[][] = sheet.cells.map((r) => r.map((c) => c?.value ?? null));
  const set = (address: string, value: CellValue) => {
    const { row, column } = parseAddress(address);
    while (rows.length <= row) rows.push([]);
    rows[row]![column] = value;
  };
  const get = (address: string) => {
    const { row, column } = parseAddress(address);
    return rows[row]?.[column] ?? null;
  };
  for (const [address, value] of Object.entries(typed)) set(address, value);
  for (const key of SECTION_KEYS) {
    const c = TEMPLATE_CELLS.sections[key];
    const target = Number(get(c.target) ?? 0);
    set(
      c.rate,
      target === 0 ? null : Math.round((Number(get(c.cumulative) ?? 0) / target) * 100 * 100) / 100
    );
  }
  return { name: sheet.name, rows };
}

const filled = (sheet: SheetModel, values: Record<string, CellValue> = {}) =>
  filledGrid(sheet, {
    D4: 120,
    E4: 900,
    D6: 30,
    E6: 300,
    D8: 20,
    E8: 200,
    D10: 10,
    E10: 60,
    [TEMPLATE_CELLS.filer]: "张三",
    [TEMPLATE_CELLS.head]: "李四",
    [TEMPLATE_CELLS.date.year]: 2022,
    [TEMPLATE_CELLS.date.month]: 6,
    [TEMPLATE_CELLS.date.day]: 25,
    ...values,
  });

describe("the template of 附件6", () => {
  const targets = quotas.find("经济管理学院")!;
  const sheet = buildReportTemplate({ college: "经济管理学院", month: june, targets });

  test("lays out the form as the plan prints it", () => {
    expect(sheet.name).toBe("2022年6月");
    expect(templateSheetName({ year: 2023, month: 12 })).toBe("2023年12月");
    const text = (address: string) => {
      const { row, column } = parseAddress(address);
      return sheet.cells[row]?.[column]?.value ?? null;
    };
    expect(text("A1")).toBe("“人人持证、技能河南”建设工作任务进度月报表\n（2022年6月）");
    expect(text("A2")).toBe("填报单位（公章）：经济管理学院");
    expect(text("A3")).toBe("工\n作\n进\n度");
    expect(["B3", "C3", "D3", "E3", "F3"].map(text)).toEqual([
      "培训任务",
      "年度任务（人次）",
      "当月完成（人次）",
      "累计已完成（人次）",
      "累计完成率（%）",
    ]);
    expect(["B5", "C5", "F5"].map(text)).toEqual([
      "取证人数\n高级工及以上取证人数",
      "年度任务（人）",
      "累计完成率（%）",
    ]);
    expect(["B7", "B9"].map(text)).toEqual(["非高级工及以上取证人数", "1+X证书取证人数"]);
    expect(["C4", "C6", "C8", "C10"].map(text)).toEqual([1975, 632, 464, 183]);
    expect(["A12", "A13", "A14", "C14", "E14", "G14"].map(text)).toEqual([
      "填报人（签字）：",
      "填报单位负责人（签字）：",
      "填报时间：",
      "年",
      "月",
      "日",
    ]);
    expect(sheet.merges).toEqual(
      expect.arrayContaining(["A1:F1", "A2:F2", "A3:A10", "B3:B4", "B5:B6", "B7:B8", "B9:B10"])
    );
    expect(sheet.cells[3]![5]).toEqual({
      value: 0,
      style: "formPercent",
      formula: 'IF(C4=0,"",ROUND(E4/C4*100,2))',
    });
    expect(sheet.cells[3]![2]!.style).toBe("formInput");
    expect(sheet.cells[2]![1]!.style).toBe("formLabel");
    expect(sheet.wholeNumberRanges).toEqual([
      "C4:E4",
      "C6:E6",
      "C8:E8",
      "C10:E10",
      "B14",
      "D14",
      "F14",
    ]);
    expect(TEMPLATE_CELLS.sections.onex).toEqual({
      target: "C10",
      month: "D10",
      cumulative: "E10",
      rate: "F10",
    });
  });

  test("filled in, it validates clean against the quotas", () => {
    const result = validateReport(filled(sheet), { quotas })!;
    expect([result.errors, result.warnings]).toEqual([[], []]);
    expect(result.monthSource).toBe("sheet");
    expect(result.month).toBe("2022-06");
    expect(result.report!.filedOn).toBe("2022-06-25");
  });

  test("left empty, it says what to fill in", () => {
    const result = validateReport(filledGrid(sheet, {}), { quotas })!;
    expect(result.errors.map((f) => `${f.code}@${f.cell}`)).toEqual([
      "value-missing@D4",
      "value-missing@E4",
      "value-missing@D6",
      "value-missing@E6",
      "value-missing@D8",
      "value-missing@E8",
      "value-missing@D10",
      "value-missing@E10",
      "filer-missing@A12",
      "date-missing@B14",
    ]);
    expect(result.warnings.map((f) => `${f.code}@${f.cell}`)).toEqual(["head-missing@A13"]);
  });

  test("a college left out of 表4 gets a 1+X target of 0 and no rate", () => {
    const excluded = quotas.find("职业教育学院")!;
    const model = buildReportTemplate({ college: "职业教育学院", month: june, targets: excluded });
    expect(model.cells[9]![2]!.value).toBe(0);
    expect(model.cells[9]![5]!.value).toBeNull();
    const result = validateReport(
      filled(model, { E4: 300, C6: 0, D6: 0, E6: 0, D10: null, E10: null }),
      { quotas }
    )!;
    expect([result.errors, result.warnings]).toEqual([[], []]);
  });

  test("without quotas 年度任务 is left for the college", () => {
    const model = buildReportTemplate({ college: "经济管理学院", month: june });
    expect(
      ["C4", "C6", "C8", "C10"].map((a) => model.cells[parseAddress(a).row]![2]!.value)
    ).toEqual([null, null, null, null]);
    expect(
      validateReport(filled(model, { C4: 1975, C6: 632, C8: 464, C10: 183 }), { quotas })!.valid
    ).toBe(true);
  });
});
