import { QuotaError } from "../../../src/core/errors";
import type { Grid } from "../../../src/core/grid";
import { buildQuotaTables } from "../../../src/core/quotaTables";
import { buildQuotaWorkbook } from "../../../src/core/quotaWorkbook";
import { previousFromLedger, previousFromReports } from "../../../src/core/report/previousMonth";
import {
  cleanCollegeName,
  collegeKey,
  quotaLookupFromTables,
  readQuotaLookup,
} from "../../../src/core/report/quotaLookup";
import type { WorkbookModel } from "../../../src/core/workbookModel";
import { planColleges, readPlanCsv } from "../../support/planData";

const tables = buildQuotaTables(planColleges());
/** The sheets as a reader sees them: each cell's (cached) value. */
const gridsOf = (model: WorkbookModel): Grid[] =>
  model.sheets.map((s) => ({
    name: s.name,
    rows: s.cells.map((r) => r.map((c) => c?.value ?? null)),
  }));
const grids = gridsOf(buildQuotaWorkbook(tables));

describe("reading quotas back from the quota workbook", () => {
  const lookup = readQuotaLookup(grids);

  test("every college of the 2022 plan, as the published tables print them", () => {
    const published = (csv: string) =>
      new Map(
        readPlanCsv(csv)
          .slice(1)
          .map((r) => [r[0]!, Number(r[r.length - 1])])
      );
    const [t1, t2, t3, t4] = [
      "table1-training.csv",
      "table2-advanced.csv",
      "table3-nonadvanced.csv",
      "table4-onex.csv",
    ].map(published);
    expect(lookup.colleges).toHaveLength(12);
    for (const c of lookup.colleges) {
      expect([c.college, c.training, c.advanced, c.nonadvanced, c.onex]).toEqual([
        c.college,
        t1!.get(c.college),
        t2!.get(c.college),
        t3!.get(c.college),
        t4!.get(c.college) ?? null,
      ]);
    }
    expect(lookup.find("职业教育学院")).toEqual({
      college: "职业教育学院",
      training: 614,
      advanced: 0,
      nonadvanced: 530,
      onex: null,
    });
    expect(lookup.colleges).toEqual(quotaLookupFromTables(tables.rows).colleges);
  });

  test("a 填报单位 matches whatever its spaces, width or seal", () => {
    for (const name of [
      "经济管理学院",
      " 经济 管理学院 ",
      "经济管理学院（公章）",
      "经济管理学院(盖章)：",
      "“经济管理学院”",
    ]) {
      expect([name, lookup.match(name)]).toEqual([
        name,
        { targets: expect.objectContaining({ college: "经济管理学院" }), bySuffix: false },
      ]);
    }
    expect(lookup.match("某某大学经济管理学院")).toEqual({
      targets: expect.objectContaining({ college: "经济管理学院" }),
      bySuffix: true,
    });
    expect(lookup.match("数学学院")).toBeUndefined();
    expect(lookup.match("")).toBeUndefined();
    expect(collegeKey("１+X学院（公章）")).toBe("1+X学院");
    expect(cleanCollegeName("经济 管理学院（公章）")).toBe("经济管理学院");
  });

  test("sheets are found by their name's prefix, columns by their headers", () => {
    const renamed = grids
      .map((g) => ({ ...g, name: g.name.startsWith("表") ? `${g.name} 任务` : g.name }))
      .reverse();
    expect(readQuotaLookup(renamed).colleges).toEqual(lookup.colleges);
  });

  test("not a quota workbook: a clear QuotaError", () => {
    expect(() => readQuotaLookup(grids.filter((g) => g.name !== "表3"))).toThrow(
      /不是本工具生成的任务分配表：没有工作表“表3”/
    );
    expect(() => readQuotaLookup([{ name: "表1", rows: [["学院", "人数"]] }])).toThrow(QuotaError);
    const noCache = grids.map((g) =>
      g.name === "表2"
        ? { ...g, rows: g.rows.map((r, i) => (i === 5 ? [r[0]!, r[1]!, null] : r)) }
        : g
    );
    expect(() => readQuotaLookup(noCache)).toThrow(
      /表2 “机械与电气信息学院”的任务没有数值（若是公式，请在 Excel 中打开并保存后再试）/
    );
    expect(() => readQuotaLookup(noCache)).toThrow(/C6/);
  });
});

describe("last month", () => {
  test("a ledger of cumulative figures", () => {
    const previous = previousFromLedger({ 经济管理学院: { training: 780, onex: 50 } });
    expect([
      previous("经济管理学院（公章）", "training"),
      previous("经济管理学院", "advanced"),
      previous("人文学院", "training"),
    ]).toEqual([780, undefined, undefined]);
  });

  test("last month's reports, matched through the quota workbook", () => {
    const section = (cumulative: number | null) => ({
      key: "training" as const,
      found: true,
      target: 1,
      month: 1,
      cumulative,
      rate: null,
      cells: { label: "", target: "", month: "", cumulative: "", rate: "" },
    });
    const report = {
      sheet: "5月",
      college: "某某大学经济管理学院",
      collegeCell: "A2",
      month: "2022-05",
      monthSource: "sheet" as const,
      filedOn: null,
      filedOnCell: "B14",
      filer: null,
      filerCell: "A12",
      head: null,
      headCell: "A13",
      sections: {
        training: section(780),
        advanced: section(270),
        nonadvanced: section(null),
        onex: section(50),
      },
    };
    const previous = previousFromReports([report], readQuotaLookup(grids));
    expect([previous("经济管理学院", "training"), previous("经济管理学院", "nonadvanced")]).toEqual(
      [780, undefined]
    );
    expect(previousFromReports([report])("经济管理学院", "training")).toBeUndefined();
  });
});
