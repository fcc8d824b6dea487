import type { CellValue, Grid } from "../../../src/core/grid";
import { classifyLabel, sectionOfLabel } from "../../../src/core/report/classifyLabel";
import { locateReport } from "../../../src/core/report/locateReport";
import { validateReport } from "../../../src/core/report/validateReport";

const H = (unit: string) => [
  `年度任务 （${unit}）`,
  `当月完成（${unit}）`,
  `累计已完成（${unit}）`,
  "累计完成率（%）",
];

/** 附件6 exactly as the plan prints it (blank), with merged cells read as null; `fill` types values in. */
function planForm(fill: Record<number, CellValue[]> = {}, extra: CellValue[][] = []): Grid {
  const rows: CellValue[][] = [
    ["“人人持证、技能河南”建设工作任务进度月报表"],
    ["填报单位（公章）：                 "],
    ["工\n作\n进\n度", "培训任务", ...H("人次")],
    [null, null, null, null, null, null],
    [null, "取证人数\n\n高级工及以上取证人数", ...H("人")],
    [null, null, null, null, null, null],
    [null, null, ...H("人")],
    [null, null, null, null, null, null],
    [null, "1+X证书\n\n取证人数", ...H("人")],
    [null, null, null, null, null, null],
    [],
    ["填报人（签字）： "],
    ["填报单位负责人（签字）： "],
    [],
    ["填报时间：    年    月    日"],
    ...extra,
  ];
  for (const [row, values] of Object.entries(fill)) rows[Number(row)] = values;
  return { name: "Sheet1", rows };
}

const codes = (fs: readonly { code: string; cell: string | null }[]) =>
  fs.map((f) => `${f.code}@${f.cell}`);

describe("finding 附件6 on a sheet", () => {
  test("the plan's own blank form: every label where it belongs, the third label empty", () => {
    const location = locateReport(planForm())!;
    expect(location.findings).toEqual([]);
    expect(
      Object.values(location.sections).map((s) => [
        s.key,
        s.labelCell,
        s.label,
        s.valueRow,
        s.columns,
      ])
    ).toEqual([
      ["training", "B3", "培训任务", 3, { target: 2, month: 3, cumulative: 4, rate: 5 }],
      [
        "advanced",
        "B5",
        "取证人数\n\n高级工及以上取证人数",
        5,
        { target: 2, month: 3, cumulative: 4, rate: 5 },
      ],
      ["nonadvanced", "B7", null, 7, { target: 2, month: 3, cumulative: 4, rate: 5 }],
      ["onex", "B9", "1+X证书\n\n取证人数", 9, { target: 2, month: 3, cumulative: 4, rate: 5 }],
    ]);
    expect([
      location.unit.labelCell,
      location.filer.labelCell,
      location.head.labelCell,
      location.date.labelCell,
    ]).toEqual(["A2", "A12", "A13", "A15"]);
    expect(location.title).toEqual({
      cell: "A1",
      text: "“人人持证、技能河南”建设工作任务进度月报表",
    });
  });

  test("the plan's form filled in by hand, values after the colons", () => {
    const grid = planForm({
      1: ["填报单位（公章）：经济管理学院"],
      3: [null, null, 1975, 120, 900, 45.57],
      5: [null, null, 632, 30, 300, 47.47],
      7: [null, null, 464, 20, 200, 43.1],
      9: [null, null, 183, 10, 60, 32.79],
      11: ["填报人（签字）：张三"],
      12: ["填报单位负责人（签字）：李四"],
      14: ["填报时间：2022年 6 月 25 日"],
    });
    const result = validateReport(grid, { fileName: "经济管理学院6月月报.xlsx" })!;
    expect([codes(result.errors), codes(result.warnings)]).toEqual([[], []]);
    expect([
      result.college,
      result.month,
      result.monthSource,
      result.report!.filedOn,
      result.report!.filedOnCell,
    ]).toEqual(["经济管理学院", "2022-06", "file", "2022-06-25", "A15"]);
  });

  test("the empty plan form: what is missing, where", () => {
    const result = validateReport(planForm(), { month: { year: 2022, month: 6 } })!;
    expect(codes(result.errors)).toEqual([
      "unit-missing@A2",
      "value-missing@C4",
      "value-missing@D4",
      "value-missing@E4",
      "value-missing@C6",
      "value-missing@D6",
      "value-missing@E6",
      "value-missing@C8",
      "value-missing@D8",
      "value-missing@E8",
      "value-missing@C10",
      "value-missing@D10",
      "value-missing@E10",
      "filer-missing@A12",
      "date-missing@A15",
    ]);
    expect(codes(result.warnings)).toEqual(["head-missing@A13"]);
  });

  test("far from A1, with a label merged across two columns and '' for empty cells (as Office.js gives them)", () => {
    const pad = (n: number) => Array<CellValue>(n).fill("");
    const rows: CellValue[][] = [
      ...Array.from({ length: 20 }, () => pad(5)),
      [...pad(10), "填报单位（公章）：", "", "经济管理学院"],
      [...pad(10), "工作进度", "培训任务", null, ...H("人次")],
      [...pad(13), 1975, 120, 900, "45.57%"],
      [...pad(10), "", "高级工及以上取证人数", null, ...H("人")],
      [...pad(13), 632, 30, 300, 0.4747],
      [...pad(10), "", "非高级工及以上取证人数", null, ...H("人")],
      [...pad(13), 464, 20, 200, 43.1],
      [...pad(10), "", "1+X证书取证人数", null, ...H("人")],
      [...pad(13), 183, 10, 60, 32.79],
      [...pad(10), "填报人（签字）：", "", "张三", "填报单位负责人（签字）：", "李四"],
      [...pad(10), "填报时间：", "2022-06-25"],
    ];
    const result = validateReport({ name: "2022年6月", rows })!;
    expect([codes(result.errors), codes(result.warnings)]).toEqual([[], []]);
    expect(result.report!.sections.training.cells).toEqual({
      label: "L22",
      target: "N23",
      month: "O23",
      cumulative: "P23",
      rate: "Q23",
    });
    expect([result.report!.collegeCell, result.report!.filerCell, result.report!.headCell]).toEqual(
      ["M21", "M30", "O30"]
    );
  });

  test("the 填报人 cell is empty and 负责人 follows on the same row: 填报人 is missing, not 负责人's label", () => {
    const grid = planForm({ 11: ["填报人（签字）：", null, "填报单位负责人（签字）：", "李四"] });
    const location = locateReport(grid)!;
    expect([location.filer.values, location.head.values]).toEqual([[], ["李四"]]);
  });

  test("a sheet without the header rows does not hold the form", () => {
    expect(
      locateReport({
        name: "说明",
        rows: [["“人人持证、技能河南”建设工作任务进度月报表"], ["年度任务按表1–表4填写"]],
      })
    ).toBeNull();
    expect(locateReport({ name: "空", rows: [] })).toBeNull();
  });

  test("only two sections present: the others are reported where they should be", () => {
    const rows = planForm()
      .rows.slice(0, 6)
      .concat([
        [],
        [],
        [],
        [],
        [],
        ["填报人（签字）：张三"],
        ["填报单位负责人（签字）：李四"],
        ["填报时间：2022年6月25日"],
      ]);
    const location = locateReport({ name: "2022年6月", rows })!;
    expect(codes(location.findings)).toEqual(["section-missing@B7", "section-missing@B9"]);
  });

  test("a header missing in one section is reported at its column", () => {
    const grid = planForm({
      4: [
        null,
        "取证人数\n\n高级工及以上取证人数",
        "年度任务 （人）",
        "当月完成（人）",
        null,
        "累计完成率（%）",
      ],
    });
    expect(codes(locateReport(grid)!.findings)).toEqual(["label-missing@E5"]);
  });
});

describe("labels as people write them", () => {
  test.each([
    ["填报单位（公章）：经济管理学院", { kind: "unit", rest: "经济管理学院" }],
    ["填 报 单 位 (盖章) : 经济管理学院", { kind: "unit", rest: "经济管理学院" }],
    ["填报单位", { kind: "unit", rest: "" }],
    ["填报单位负责人（签字）：李四", { kind: "head", rest: "李四" }],
    ["单位负责人：李四", { kind: "head", rest: "李四" }],
    ["学院负责人(签字)", { kind: "head", rest: "" }],
    ["负责人", { kind: "head", rest: "" }],
    ["填报人（签字）：张三", { kind: "filer", rest: "张三" }],
    ["填表人：张三", { kind: "filer", rest: "张三" }],
    ["填报日期：2022-06-25", { kind: "date", rest: "2022-06-25" }],
    ["填报时间：    年    月    日", { kind: "date", rest: "年    月    日" }],
    ["工\n作\n进\n度", { kind: "progress" }],
    ["“人人持证、技能河南”建设工作任务进度月报表", { kind: "title" }],
    ["年度任务 （人次）", { kind: "field", field: "target", unit: "人次" }],
    ["本月完成(人)", { kind: "field", field: "month", unit: "人" }],
    ["累计完成（人）", { kind: "field", field: "cumulative", unit: "人" }],
    ["累计已完成\n（人次）", { kind: "field", field: "cumulative", unit: "人次" }],
    ["累计完成率（％）", { kind: "field", field: "rate", unit: "%" }],
    ["累计完成率", { kind: "field", field: "rate", unit: null }],
    ["培训任务", null],
    ["经济管理学院", null],
  ] as const)("%p", (text, expected) => expect(classifyLabel(text)).toEqual(expected));

  test.each([
    ["培训任务", "training"],
    ["培 训\n任 务", "training"],
    ["取证人数\n\n高级工及以上取证人数", "advanced"],
    ["高级工及以上", "advanced"],
    ["非高级工及以上取证人数", "nonadvanced"],
    ["1+X证书\n\n取证人数", "onex"],
    ["１＋ｘ证书取证人数", "onex"],
    ["取证人数", null],
    [null, null],
  ] as const)("section %p", (text, expected) => expect(sectionOfLabel(text)).toBe(expected));
});
