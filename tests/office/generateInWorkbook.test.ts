import { convertFormulas } from "../../src/adapters/office/convertFormulas";
import {
  GenerateOutcome,
  NeedsConfirmation,
  generateInWorkbook,
} from "../../src/adapters/office/generateInWorkbook";
import { QuotaError } from "../../src/core/errors";
import type { CellValue } from "../../src/core/grid";
import { ALL, ExcelMock } from "../support/excelMock";
import { planColleges } from "../support/planData";

function graduateRows(count?: number): CellValue[][] {
  const colleges = count
    ? Array.from({ length: count }, (_, i) => ({
        name: `学院${i + 1}`,
        undergraduate: i % 700,
        higherVocational: i % 300,
        secondaryVocational: i % 90,
      }))
    : planColleges();
  return [
    ["二级学院名称", "本科生", "高职生", "中职生"],
    ...colleges.map((c) => [c.name, c.undergraduate, c.higherVocational, c.secondaryVocational]),
  ];
}

const yes = () => true;

function written(outcome: GenerateOutcome | NeedsConfirmation): GenerateOutcome {
  if (!("plan" in outcome)) throw new Error(`not written: asks about ${outcome.confirm.join(",")}`);
  return outcome;
}

describe("生成任务分配表 in the open workbook", () => {
  test("writes 表1–表4 with live QUOTA formulas in two round trips, and leaves other sheets alone", async () => {
    const excel = new ExcelMock([
      { name: "毕业生", rows: graduateRows() },
      { name: "表1", rows: [["别人的表"]] },
      { name: "备注", rows: [["x"]] },
    ]);
    const outcome = await generateInWorkbook(
      excel.context as unknown as Excel.RequestContext,
      { formulas: "quota" },
      ALL,
      yes
    );
    expect(excel.syncs).toBe(2);
    expect(excel.added).toEqual(["表1（任务）", "表2", "表3", "表4", "参数", "说明"]);
    expect(written(outcome).plan.renamed).toEqual([["表1", "表1（任务）"]]);
    for (const untouched of ["毕业生", "表1", "备注"]) {
      expect(excel.writes(untouched).filter((w) => w.address !== "")).toEqual([]);
    }
    expect(excel.calls[0]).toBe("suspend");

    const t1 = excel.formulasAt("表1（任务）")!;
    expect(t1[1]![0]).toBe("二级学院名称");
    expect(t1[1]![1]).toBe('=IF(\'参数\'!$B$16="","",\'参数\'!$B$16&"届")&"毕业生人数"');
    expect(t1[1]![5]).toBe("培训任务");
    expect(t1[2]).toEqual(["", "本科生", "高职生", "中职生", "合计", ""]);
    expect(t1[3]).toEqual([
      "外国语学院",
      "='毕业生'!B2",
      "='毕业生'!C2",
      "='毕业生'!D2",
      "=SUM(B4:D4)",
      "=QUOTA.TRAINING(B4:D4,'参数'!$B$3)",
    ]);
    expect(t1[15]).toEqual([
      "合计",
      "=SUM(B4:B15)",
      "=SUM(C4:C15)",
      "=SUM(D4:D15)",
      "=SUM(E4:E15)",
      "=QUOTA.TRAINING(E16,'参数'!$B$3)",
    ]);
    expect(excel.formulasAt("表2")![3]).toEqual([
      "外国语学院",
      "='表1（任务）'!C4",
      "=QUOTA.ADVANCED(B4,'参数'!$B$4)",
    ]);
    expect(excel.formulasAt("表3")![7]![3]).toBe(
      "=QUOTA.NONADVANCED(B8,C8,'参数'!$B$5,'参数'!$B$6)"
    );
    expect(excel.formulasAt("表4")!.map((r) => r[0])).not.toContain("职业教育学院");

    // The plan's two-row merged headers cannot head an Excel table: the tables are plain ranges.
    expect(excel.addedTables).toEqual([]);
    expect(excel.calls).toContain("freeze 表2 3");
    const marks = excel.addedNames.map((n) => [n.name, n.formula, n.item.visible]);
    expect(marks).toContainEqual(["_QUOTA_table1", "='表1（任务）'!$A$1", false]);
    expect(marks).toHaveLength(6);
  });

  test("running it again updates our sheets after asking, and adds nothing", async () => {
    const names = ["table1", "table2", "table3", "table4", "params", "notes"].map((k, i) => ({
      name: `_QUOTA_${k}`,
      formula: `='${["表1", "表2", "表3", "表4", "参数", "说明"][i]}'!$A$1`,
    }));
    const sheets = ["表1", "表2", "表3", "表4", "参数", "说明"].map((name, i) => ({
      name,
      rows: [["旧"]],
      tables: i < 4 ? [`QUOTA_t${i}`] : [],
    }));
    const excel = new ExcelMock([{ name: "毕业生", rows: graduateRows() }, ...sheets], names);
    const asked: string[][] = [];
    const outcome = await generateInWorkbook(
      excel.context as unknown as Excel.RequestContext,
      { formulas: "native" },
      ALL,
      (s) => {
        asked.push([...s]);
        return true;
      }
    );
    written(outcome);
    expect(asked).toEqual([["表1", "表2", "表3", "表4", "参数", "说明"]]);
    expect(excel.added).toEqual([]);
    expect(excel.deletedTables).toEqual([
      "表1!QUOTA_t0",
      "表2!QUOTA_t1",
      "表3!QUOTA_t2",
      "表4!QUOTA_t3",
    ]);
    expect(excel.writes("表1").some((w) => w.cleared)).toBe(true);
    expect(excel.addedNames).toEqual([]);
    expect(excel.formulasAt("表1")![3]![5]).toBe("=ROUND(E4*ROUND('参数'!$B$3*100,0)/100,0)");
    expect(excel.syncs).toBe(2);
  });

  test("declining leaves the workbook as it was", async () => {
    const excel = new ExcelMock(
      [{ name: "毕业生", rows: graduateRows() }, { name: "表1" }],
      [{ name: "_QUOTA_table1", formula: "='表1'!$A$1" }]
    );
    const outcome = await generateInWorkbook(
      excel.context as unknown as Excel.RequestContext,
      { formulas: "quota" },
      ALL,
      () => false
    );
    expect(outcome).toEqual({ confirm: ["表1"] });
    expect(excel.syncs).toBe(1);
    expect(excel.added).toEqual([]);
    expect(
      excel.ranges.filter((r) => r.mock.formulas !== undefined && Array.isArray(r.mock.formulas))
    ).toEqual([]);
  });

  test("2,000 colleges: a few more round trips, every request under 1 MB (measured)", async () => {
    const excel = new ExcelMock([{ name: "毕业生", rows: graduateRows(2000) }]);
    await generateInWorkbook(
      excel.context as unknown as Excel.RequestContext,
      { formulas: "quota" },
      ALL,
      yes
    );
    expect(excel.syncs).toBeGreaterThan(2);
    // Round trips grow with the bytes (about one per 0.6 MB of requests), not per college.
    expect(excel.syncs).toBeLessThanOrEqual(12);
    expect(Math.max(...excel.megabytes)).toBeLessThan(1);
    expect(excel.formulasAt("表1")).toHaveLength(3 + 2000 + 1 + 1);
  });

  test("no table on the sheet: a QuotaError for the pane, nothing written", async () => {
    const excel = new ExcelMock([{ name: "Sheet1", rows: [["姓名", "分数"]] }]);
    await expect(
      generateInWorkbook(
        excel.context as unknown as Excel.RequestContext,
        { formulas: "quota" },
        ALL,
        yes
      )
    ).rejects.toBeInstanceOf(QuotaError);
    expect(excel.added).toEqual([]);
    expect(excel.syncs).toBe(1);
  });

  test("the user's own reading of the table, and text that looks like a formula stays text", async () => {
    const excel = new ExcelMock([
      {
        name: "Sheet1",
        rows: [["某某统计"], ["单位名称", "U", "H", "S"], ['=HYPERLINK("x")', 10, 20, 30]],
      },
    ]);
    const layout = {
      sheet: "",
      headerRow: 1,
      nameColumn: 0,
      columns: { undergraduate: 1, higherVocational: 2, secondaryVocational: 3 },
    };
    await generateInWorkbook(
      excel.context as unknown as Excel.RequestContext,
      { formulas: "values", layout },
      ALL,
      yes
    );
    expect(excel.formulasAt("表1")![3]).toEqual(['\'=HYPERLINK("x")', 10, 20, 30, 60, 66]);
  });
});

describe("转换为普通公式", () => {
  test("QUOTA formulas become native ones in four round trips (one to find APPORTION's spill); other cells are not written", async () => {
    const excel = new ExcelMock([
      {
        name: "表1",
        rows: [
          ["学院", "数"],
          ["A", "=QUOTA.TRAINING(B3:D3,'参数'!$B$3)"],
          ["B", "=SUM(1,2)"],
        ],
      },
      { name: "空" },
      { name: "分配", rows: [["=QUOTA.APPORTION(10,B1:B3)"]] },
    ]);
    const outcome = await convertFormulas(
      excel.context as unknown as Excel.RequestContext,
      "native"
    );
    expect(excel.syncs).toBe(4);
    expect(outcome).toEqual({ cells: 2, sheets: ["表1", "分配"], asValues: 1 });
    const written = excel.ranges.filter(
      (r) => r.address !== "" && (r.mock.formulas !== undefined || r.mock.values !== undefined)
    );
    expect(written.map((w) => [w.sheet, w.address])).toEqual([
      ["表1", "B2"],
      ["分配", "A1"],
    ]);
    expect(written[0]!.mock.formulas).toEqual([
      ["=ROUND(SUM(B3:D3)*ROUND('参数'!$B$3*10000,0)/10000,0)"],
    ]);
  });
});
