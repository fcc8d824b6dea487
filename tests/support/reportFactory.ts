/* Filled-in monthly reports (附件6) with chosen numbers, built on the demo's demoReport(). */
import { join } from "path";
import { writeModelToFile } from "../../src/adapters/xlsx/node";
import { demoReport, fill } from "../../src/cli/demoReports";
import { TEMPLATE_CELLS } from "../../src/core/report/buildReportTemplate";
import type { CollegeTargets } from "../../src/core/report/quotaLookup";
import { SECTION_KEYS, SectionKey } from "../../src/core/report/reportLayout";
import type { YearMonth } from "../../src/core/report/reportMonth";
import { percent } from "../../src/core/rollup/rollupSummary";
import type { ModelValue, SheetModel } from "../../src/core/workbookModel";

/** 当月完成 and 累计已完成 of one section. */
export type Done = readonly [month: number, cumulative: number];

export interface ReportSpec {
  readonly targets: CollegeTargets;
  readonly month: YearMonth;
  /** Per section; a section left out keeps 0 / 0. */
  readonly done: Partial<Record<SectionKey, Done>>;
  /** Day of 填报时间 in the report month (default 20, before the 27th). */
  readonly day?: number;
  readonly filer?: string;
  /** 填报单位 as written (default: the college's name). */
  readonly unit?: string;
}

/** The demo's report, then the chosen figures: 累计完成率 as Excel would show it (cached result). */
export function reportSheet(spec: ReportSpec): SheetModel {
  const base = demoReport(spec.targets, spec.month, 0, spec.day ?? 20);
  const values: Record<string, ModelValue> = {};
  for (const s of SECTION_KEYS) {
    const [month, cumulative] = spec.done[s] ?? [0, 0];
    const cells = TEMPLATE_CELLS.sections[s];
    values[cells.month] = month;
    values[cells.cumulative] = cumulative;
    values[cells.rate] = percent(cumulative, spec.targets[s] ?? 0);
  }
  if (spec.filer !== undefined) values[TEMPLATE_CELLS.filer] = spec.filer;
  if (spec.unit !== undefined) values[TEMPLATE_CELLS.unit] = `填报单位（公章）：${spec.unit}`;
  return fill(base, values);
}

/** Writes the report as `dir/name` (one sheet, named after the month) and returns the path. */
export async function writeReport(dir: string, name: string, spec: ReportSpec): Promise<string> {
  const path = join(dir, name);
  await writeModelToFile({ sheets: [reportSheet(spec)] }, path);
  return path;
}
