import { buildQuotaTables } from "../../src/core/quotaTables";
import { parseRates } from "../../src/core/rates";
import { planColleges, readPlanCsv } from "../support/planData";

const tables = buildQuotaTables(planColleges());
const byName = new Map(tables.rows.map((r) => [r.college, r]));

describe("the 2022 plan's published tables, every cell", () => {
  test("表1 培训任务", () => {
    const rows = readPlanCsv("table1-training.csv").slice(1);
    for (const [name, u, h, s, total, training] of rows) {
      if (name === "合计") {
        expect([
          tables.totals.undergraduate,
          tables.totals.higherVocational,
          tables.totals.secondaryVocational,
        ]).toEqual([Number(u), Number(h), Number(s)]);
        expect(tables.totals.graduates).toBe(Number(total));
        expect(tables.totals.training).toBe(Number(training));
        continue;
      }
      const row = byName.get(name!)!;
      expect(row.counts).toEqual({
        undergraduate: Number(u),
        higherVocational: Number(h),
        secondaryVocational: Number(s),
      });
      expect([name, row.graduates, row.training]).toEqual([name, Number(total), Number(training)]);
    }
    expect(rows).toHaveLength(13);
  });

  test("表2 高级工及以上", () => {
    for (const [name, h, advanced] of readPlanCsv("table2-advanced.csv").slice(1)) {
      if (name === "合计") {
        expect([tables.totals.higherVocational, tables.totals.advanced]).toEqual([
          Number(h),
          Number(advanced),
        ]);
      } else {
        expect([name, byName.get(name!)!.advanced]).toEqual([name, Number(advanced)]);
      }
    }
  });

  test("表3 非高级工及以上, rounded once over the sum", () => {
    for (const [name, s, u, nonadvanced] of readPlanCsv("table3-nonadvanced.csv").slice(1)) {
      if (name === "合计") {
        expect([
          tables.totals.secondaryVocational,
          tables.totals.undergraduate,
          tables.totals.nonadvanced,
        ]).toEqual([Number(s), Number(u), Number(nonadvanced)]);
      } else {
        expect([name, byName.get(name!)!.nonadvanced]).toEqual([name, Number(nonadvanced)]);
      }
    }
    expect(byName.get("经济管理学院")!.nonadvanced).toBe(464);
    expect(byName.get("艺术学院")!.nonadvanced).toBe(260);
  });

  test("表4 1+X, without 职业教育学院", () => {
    const rows = readPlanCsv("table4-onex.csv").slice(1);
    for (const [name, h, s, total, onex] of rows) {
      if (name === "合计") {
        expect([
          tables.totals.onexHigher,
          tables.totals.onexSecondary,
          tables.totals.onexBase,
          tables.totals.onex,
        ]).toEqual([Number(h), Number(s), Number(total), Number(onex)]);
        continue;
      }
      const row = byName.get(name!)!;
      expect([name, row.advanced, row.intermediate, row.onexBase, row.onex]).toEqual([
        name,
        Number(h),
        Number(s),
        Number(total),
        Number(onex),
      ]);
    }
    expect(byName.get("职业教育学院")!.onex).toBeNull();
    expect(tables.onexExcluded).toEqual(["职业教育学院"]);
    expect(rows).toHaveLength(12);
  });
});

describe("合计 rows and their inconsistencies", () => {
  test("each table's formula total beside the sum of its rows", () => {
    expect(tables.checks.map((c) => [c.table, c.formula, c.sumOfRows, c.shown])).toEqual([
      ["表1", 14572, 14574, 14572],
      ["表2", 3603, 3604, 3604],
      ["表3", 3686, 3685, 3685],
      ["表4", 972, 973, 972],
    ]);
  });

  test("the notes tell the user about 表1 and 表4 as warnings", () => {
    const warnings = tables.notes.filter((n) => n.level === "warning").map((n) => n.message);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toContain("表1");
    expect(warnings[0]).toContain("14574");
    expect(warnings[1]).toContain("表4");
    expect(warnings[1]).toContain("973");
  });

  test("apportion mode makes the rows add up to the school-wide figure", () => {
    const apportioned = buildQuotaTables(planColleges(), { totals: "apportion" });
    const sum = (f: (r: (typeof apportioned.rows)[number]) => number | null) =>
      apportioned.rows.reduce((a, r) => a + (f(r) ?? 0), 0);
    expect(sum((r) => r.training)).toBe(14572);
    expect(sum((r) => r.advanced)).toBe(3603);
    expect(sum((r) => r.nonadvanced)).toBe(3686);
    expect(sum((r) => r.onex)).toBe(apportioned.totals.onex);
    expect(apportioned.checks.every((c) => c.sumOfRows === c.shown)).toBe(true);
    for (const r of apportioned.rows)
      expect(Math.abs(r.training - byName.get(r.college)!.training)).toBeLessThanOrEqual(1);
  });
});

describe("floors", () => {
  test("the 2022 plan meets every floor", () => {
    expect(tables.floorChecks.map((f) => [f.name, f.actual, f.required, f.ok])).toEqual([
      ["training", 14572, 14000, true],
      ["advanced", 3604, 3600, true],
      ["certificates", 7289, 7080, true],
      ["onex", 972, 940, true],
    ]);
  });

  test("a lower rate misses a floor and says by how much", () => {
    const low = buildQuotaTables(planColleges(), { rates: parseRates("onex=20%") });
    const onex = low.floorChecks.find((f) => f.name === "onex")!;
    expect(onex.ok).toBe(false);
    expect(
      low.notes.some(
        (n) => n.code === "floor-missed" && n.message.includes(`差 ${940 - onex.actual}`)
      )
    ).toBe(true);
  });

  test("onex exclusion can be turned off", () => {
    const all = buildQuotaTables(planColleges(), { onexExclude: [] });
    expect(all.rows.find((r) => r.college === "职业教育学院")!.onex).toBe(111); // round(21% × 530) = 111.3
  });
});
