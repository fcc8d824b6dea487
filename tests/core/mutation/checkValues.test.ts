/* Mutants of checkValues: 当月完成 against 累计 at equality, a zero target and its rate, what a
   wrong or missing rate says (with the percent reading of a fraction), and empty cells. */
import { TEMPLATE_CELLS } from "../../../src/core/report/buildReportTemplate";
import { fill } from "../../../src/cli/demoReports";
import { validateReport } from "../../../src/core/report/validateReport";
import type { ModelValue } from "../../../src/core/workbookModel";
import { ROUND_TARGETS } from "../../support/coreFixtures";
import { modelGrid } from "../../support/modelGrid";
import { reportSheet } from "../../support/reportFactory";

const training = TEMPLATE_CELLS.sections.training;

/** The value findings of a June report (培训 当月 5 of 累计 40 of 100) with cells changed. */
function values(cells: Record<string, ModelValue>) {
  const base = reportSheet({
    targets: ROUND_TARGETS,
    month: { year: 2022, month: 6 },
    done: { training: [5, 40] },
  });
  const result = validateReport(modelGrid(fill(base, cells)), { fileName: "月报.xlsx" });
  expect(result).not.toBeNull();
  return [...result!.errors, ...result!.warnings]
    .filter((f) => /^(value|rate|month-exceeds)/.test(f.code))
    .map((f) => [f.code, f.cell, f.message]);
}

test("当月完成 equal to 累计 is fine; one more is not", () => {
  expect(values({ [training.month]: 40 })).toEqual([]);
  expect(values({ [training.month]: 41 })).toEqual([
    ["month-exceeds-cumulative", training.month, "培训任务的当月完成 41 大于累计已完成 40"],
  ]);
});

test("a wrong rate says the right one and how it is computed; a fraction also as a percentage", () => {
  expect(values({ [training.rate]: 41 })).toEqual([
    [
      "rate-mismatch",
      training.rate,
      "培训任务的累计完成率应为 40.00（累计已完成 40 ÷ 年度任务 100），表中为 41",
    ],
  ]);
  expect(values({ [training.rate]: 0.5 })).toEqual([
    [
      "rate-mismatch",
      training.rate,
      "培训任务的累计完成率应为 40.00（累计已完成 40 ÷ 年度任务 100），表中为 0.5（若单元格为百分比格式，即 50%）",
    ],
  ]);
  expect(values({ [training.rate]: 1 })[0]![2]).toContain(
    "表中为 1（若单元格为百分比格式，即 100%）"
  );
  expect(values({ [training.rate]: 2 })[0]![2]).toMatch(/表中为 2$/);
  expect(values({ [training.rate]: "—" })[0]![0]).toBe("rate-mismatch");
});

test("an empty rate is missing, with the one expected", () => {
  expect(values({ [training.rate]: null })).toEqual([
    [
      "rate-missing",
      training.rate,
      "培训任务的累计完成率未填写，应为 40.00（累计已完成 40 ÷ 年度任务 100）",
    ],
  ]);
});

test("a zero target: empty counts and an empty, 0 or dash rate are fine, another rate is not", () => {
  const zero = { [training.target]: 0, [training.month]: null, [training.cumulative]: null };
  expect(values({ ...zero, [training.rate]: null })).toEqual([]);
  expect(values({ ...zero, [training.rate]: 0 })).toEqual([]);
  expect(values({ ...zero, [training.rate]: "—" })).toEqual([]);
  expect(values({ ...zero, [training.rate]: 5 })).toEqual([
    [
      "rate-without-target",
      training.rate,
      "培训任务的年度任务为 0，累计完成率应留空或填 0、—，表中为 5",
    ],
  ]);
});

test("with a target, an empty count is missing; a negative one is not a count", () => {
  expect(values({ [training.month]: null })).toEqual([
    ["value-missing", training.month, "培训任务的“当月完成”未填写"],
  ]);
  const negative = values({ [training.month]: -1 });
  expect(negative.map(([code, cell]) => [code, cell])).toEqual([
    ["value-negative", training.month],
  ]);
  expect(negative[0]![2]).toBe("培训任务的“当月完成”不能为负数，表中为 -1");
});
