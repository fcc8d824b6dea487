/* Workbooks and monthly reports for running the Office adapters at the real plan's size and at
   large sizes: shared by the budget tests and bench/syncPayload.js. */
import type { ReportFile } from "../../src/core/rollup/reportFile";
import { demoReport, fill } from "../../src/cli/demoReports";
import type { CellValue } from "../../src/core/grid";
import { buildQuotaTables } from "../../src/core/quotaTables";
import { buildQuotaWorkbook } from "../../src/core/quotaWorkbook";
import { TEMPLATE_CELLS } from "../../src/core/report/buildReportTemplate";
import { CollegeTargets, quotaLookupFromTables } from "../../src/core/report/quotaLookup";
import { SECTION_KEYS } from "../../src/core/report/reportLayout";
import { percent } from "../../src/core/rollup/rollupSummary";
import type { SheetSpec } from "./excelMock";
import { modelGrid, modelGrids } from "./modelGrid";
import { planColleges } from "./planData";

export type College = ReturnType<typeof planColleges>[number];

export const manyColleges = (n: number): College[] =>
  Array.from({ length: n }, (_, i) => ({
    name: `学院${i + 1}`,
    undergraduate: 100 + (i % 700),
    higherVocational: 50 + (i % 300),
    secondaryVocational: 10 + (i % 90),
  }));

/** The graduate sheet 生成任务分配表 starts from. */
export function graduateSheet(colleges: College[]): SheetSpec {
  return {
    name: "毕业生",
    rows: [
      ["二级学院名称", "本科生", "高职生", "中职生"],
      ...colleges.map((c) => [c.name, c.undergraduate, c.higherVocational, c.secondaryVocational]),
    ],
  };
}

/** The 教务处's master: 表1–表4 (ours, named) for these colleges. */
export function masterFor(colleges: College[]) {
  const tables = buildQuotaTables(colleges);
  const quotas = quotaLookupFromTables(tables.rows);
  const sheets: SheetSpec[] = modelGrids(buildQuotaWorkbook(tables)).map((g) => ({
    name: g.name,
    rows: g.rows as CellValue[][],
  }));
  const names = sheets
    .slice(0, 4)
    .map((s, i) => ({ name: `_QUOTA_table${i + 1}`, formula: `='${s.name}'!$A$1` }));
  return { quotas, sheets, names };
}

/** A college's report for a month: 1.5% of its target a month, cumulative from January 2022. */
export function monthlyReport(c: CollegeTargets, year: number, month: number): ReportFile {
  const m = (year - 2022) * 12 + month;
  const values: Record<string, number | string | null> = {};
  for (const s of SECTION_KEYS) {
    const t = (c as unknown as Record<string, number>)[s] ?? 0;
    const cum = (k: number) => Math.round(t * Math.min(1, 0.015 * k));
    const cells = TEMPLATE_CELLS.sections[s];
    values[cells.month] = cum(m) - cum(m - 1);
    values[cells.cumulative] = cum(m);
    values[cells.rate] = percent(cum(m), t);
  }
  const sheet = fill(demoReport(c, { year, month }, 0, 20), values);
  const id = `${c.college}-${year}-${month}`;
  return { file: `${id}.xlsx`, sha256: id, grids: [modelGrid(sheet)] };
}
