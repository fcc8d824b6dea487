import { basename } from "path";
import { readGridsFromFile, writeModelToFile } from "../adapters/xlsx/node";
import { QuotaError } from "../core/errors";
import { buildListSheets } from "../core/lists/buildListSheets";
import { buildReportTemplate, templateSheetName } from "../core/report/buildReportTemplate";
import { CollegeTargets, readQuotaLookup } from "../core/report/quotaLookup";
import { parseMonth } from "../core/report/reportMonth";
import type { Output } from "./output";
import { REPORT_KEY, refuseToOverwrite } from "./overwriteGuard";
import { UsageError } from "./usage";

export interface TemplateArgs {
  readonly college: string;
  /** YYYY-MM. */
  readonly month: string;
  /** The quota workbook from `quota generate`: fills in 年度任务 and checks the college. */
  readonly quotas?: string;
  readonly output: string;
  /** Write over a workbook that is not a report made by `template`. */
  readonly force?: boolean;
}

/** Reads a quota workbook; a problem names the file. */
export async function readQuotaFile(path: string) {
  const grids = await readGridsFromFile(path);
  try {
    return readQuotaLookup(grids);
  } catch (error) {
    if (error instanceof QuotaError) throw error.at(`文件“${basename(path)}”`);
    throw error;
  }
}

/** `quota template`: the monthly report 附件6 for one college and month. */
export async function template(args: TemplateArgs, out: Output): Promise<number> {
  const month = parseMonth(args.month ?? "");
  if (!month) throw new UsageError(`--month 应为年月，如 2022-06（收到“${args.month ?? ""}”）`);
  const name = (args.college ?? "").trim();
  if (name === "") throw new UsageError("template 需要 --college <二级学院名称>");
  if (!args.output || !/\.xlsx$/i.test(args.output))
    throw new UsageError("template 需要 -o <月报表.xlsx>（以 .xlsx 结尾）");
  let targets: CollegeTargets | null = null;
  if (args.quotas !== undefined) {
    const quotas = await readQuotaFile(args.quotas);
    const found = quotas.find(name);
    if (!found) {
      out.stderr(`错误：学院“${name}”不在任务分配表“${basename(args.quotas)}”中。`);
      out.stderr(`  任务分配表中的学院：${quotas.colleges.map((c) => c.college).join("、")}`);
      return 1;
    }
    targets = found;
  }
  const college = targets?.college ?? name;
  await refuseToOverwrite(args.output, "report", args.force);
  // Marked as ours, so that a later `template -o` may write over it and nothing else.
  const sheet = { ...buildReportTemplate({ college, month, targets }), key: REPORT_KEY };
  const lists = buildListSheets({ college, month });
  await writeModelToFile({ sheets: [sheet, ...lists] }, args.output);
  out.stdout(`已生成月报表：${args.output}（附件6，以及支撑材料：培训名单、取证名单）`);
  out.stdout(`  ${college}，${templateSheetName(month)}`);
  if (targets) {
    const onex = targets.onex === null ? "0 人（表4 不含本单位）" : `${targets.onex} 人`;
    out.stdout(
      `  年度任务：培训 ${targets.training} 人次，高级工及以上 ${targets.advanced} 人，非高级工及以上 ${targets.nonadvanced} 人，1+X ${onex}`
    );
  } else {
    out.stdout("  未指定 --quotas，年度任务留空，由学院填写。");
  }
  return 0;
}
