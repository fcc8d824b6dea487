import { mkdir } from "fs/promises";
import { basename, join } from "path";
import { writeModelToFile } from "../adapters/xlsx/node";
import { buildListSheets } from "../core/lists/buildListSheets";
import {
  collegeTemplateFileName,
  collegeTemplates,
  collegeTemplatesWorkbook,
} from "../core/report/collegeTemplates";
import type { YearMonth } from "../core/report/reportMonth";
import type { Output } from "./output";
import { readQuotaFile } from "./template";
import { UsageError } from "./usage";

export interface TemplateAllArgs {
  readonly month: YearMonth;
  readonly quotas?: string;
  /** An .xlsx (a sheet per college), or with split a folder (a file per college). */
  readonly output: string;
  readonly split: boolean;
}

/** `quota template --all`: every college of the quota workbook, in one workbook or one file each. */
export async function templateAll(args: TemplateAllArgs, out: Output): Promise<number> {
  if (args.quotas === undefined)
    throw new UsageError("template --all 需要 --quotas <任务分配表.xlsx>，从中取得全部学院");
  if (!args.split && !/\.xlsx$/i.test(args.output))
    throw new UsageError(
      "template --all 需要 -o <月报表.xlsx>；每个学院一个文件时加 --split，-o 给文件夹"
    );
  const { colleges } = await readQuotaFile(args.quotas);
  if (!args.split) {
    await writeModelToFile(collegeTemplatesWorkbook(colleges, args.month), args.output);
    out.stdout(
      `已生成月报表：${args.output}（${colleges.length} 个学院，每个学院一张月报表和培训名单、取证名单）`
    );
    return 0;
  }
  await mkdir(args.output, { recursive: true });
  for (const { college, sheet } of collegeTemplates(colleges, args.month)) {
    const name = collegeTemplateFileName(college, args.month);
    const lists = buildListSheets({ college, month: args.month });
    await writeModelToFile({ sheets: [sheet, ...lists] }, join(args.output, name));
  }
  out.stdout(
    `已在文件夹“${basename(args.output)}”中生成 ${colleges.length} 份月报表（每个学院一个文件）`
  );
  return 0;
}
