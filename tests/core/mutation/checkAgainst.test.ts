/* Mutants of checkQuotas and checkPrevious: 填报单位 against the quota workbook, each 年度任务
   against its table, 累计已完成 against last month's, and what each finding says where. */
import type { PreviousMonth } from "../../../src/core/report/previousMonth";
import { CollegeTargets, quotaLookup } from "../../../src/core/report/quotaLookup";
import type { SectionKey } from "../../../src/core/report/reportLayout";
import { ValidateOptions, validateReport } from "../../../src/core/report/validateReport";
import { ROUND_TARGETS } from "../../support/coreFixtures";
import { modelGrid } from "../../support/modelGrid";
import { Done, ReportSpec, reportSheet } from "../../support/reportFactory";

const JUNE = { year: 2022, month: 6 };
const quotas = quotaLookup([
  ROUND_TARGETS,
  { college: "经济管理学院", training: 200, advanced: 60, nonadvanced: 50, onex: null },
]);

/** The findings of a June report, as [code, cell, message]. */
function findings(spec: Partial<ReportSpec>, options: ValidateOptions) {
  const sheet = reportSheet({ targets: ROUND_TARGETS, month: JUNE, done: {}, ...spec });
  const result = validateReport(modelGrid(sheet), { fileName: "月报.xlsx", ...options });
  expect(result).not.toBeNull();
  return [...result!.errors, ...result!.warnings].map((f) => [f.code, f.cell, f.message]);
}

describe("checkQuotas", () => {
  test("the college's own targets: nothing to say", () => {
    expect(findings({}, { quotas })).toEqual([]);
  });

  test("a college not in the quota workbook: said with the colleges that are", () => {
    const targets: CollegeTargets = { ...ROUND_TARGETS, college: "不存在学院" };
    expect(findings({ targets }, { quotas })).toEqual([
      [
        "college-unknown",
        "A2",
        "填报单位“不存在学院”不在任务分配表中（任务分配表中的学院：外国语学院、经济管理学院）",
      ],
    ]);
  });

  test("a 年度任务 that is not the quota: the table it comes from, and a college 表4 leaves out", () => {
    const targets: CollegeTargets = { ...ROUND_TARGETS, advanced: 51, onex: 3 };
    const found = findings({ targets, unit: "某某大学经济管理学院" }, { quotas });
    // Errors, then the warning.
    expect(found.map(([code]) => code)).toEqual([
      "target-mismatch",
      "target-mismatch",
      "target-mismatch",
      "target-mismatch",
      "college-name-differs",
    ]);
    expect(found[4]![2]).toBe("填报单位“某某大学经济管理学院”按任务分配表中的“经济管理学院”核对");
    expect(found.slice(0, 4).map(([, , message]) => message)).toEqual([
      "培训任务的年度任务应为 200（任务分配表 表1），表中为 100",
      "高级工及以上取证人数的年度任务应为 60（任务分配表 表2），表中为 51",
      "非高级工及以上取证人数的年度任务应为 50（任务分配表 表3），表中为 40",
      "1+X证书取证人数的年度任务应为 0（表4 不含本单位），表中为 3",
    ]);
  });
});

describe("checkPrevious", () => {
  const done: Partial<Record<SectionKey, Done>> = {
    training: [5, 15],
    advanced: [2, 7],
    nonadvanced: [0, 4],
    onex: [1, 1],
  };

  test("累计 = 上月累计 + 当月完成 in every section: nothing to say", () => {
    const last: PreviousMonth = (_c, s) =>
      ({ training: 10, advanced: 5, nonadvanced: 4, onex: 0 })[s];
    expect(findings({ done }, { previous: last })).toEqual([]);
  });

  test("a wrong 累计 says the sum it should be, at its cell; sections last month lacks are named once", () => {
    const last: PreviousMonth = (_c, s) => (s === "training" ? 9 : s === "onex" ? 0 : undefined);
    const found = findings({ done }, { previous: last });
    expect(found.map(([code]) => code)).toEqual(["cumulative-mismatch", "previous-missing"]);
    expect(found[0]![2]).toBe("培训任务的累计已完成应为 上月累计 9 + 当月完成 5 = 14，表中为 15");
    expect(found[1]![2]).toBe(
      "上月数据中没有“外国语学院”的高级工及以上取证人数、非高级工及以上取证人数累计数，未核对累计已完成"
    );
    // The first section missing: 高级工, its 累计 cell one section below 培训's.
    expect(Number(String(found[1]![1]).slice(1)) - Number(String(found[0]![1]).slice(1))).toBe(2);
  });
});
