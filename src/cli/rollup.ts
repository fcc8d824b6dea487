import ExcelJS from "exceljs";
import { createHash } from "crypto";
import { existsSync } from "fs";
import { rename, rm, stat } from "fs/promises";
import { basename, dirname, join } from "path";
import type { ExcelWorkbook } from "../adapters/xlsx/excelModule";
import {
  readFileBytes,
  readGridsFromFile,
  readWorkbookFromFile,
  streamModelToFile,
  addModelChartsToFile,
} from "../adapters/xlsx/node";
import { gridOf, readGrids } from "../adapters/xlsx/readGrids";
import { putModelInto } from "../adapters/xlsx/writeWorkbookInto";
import { QuotaError } from "../core/errors";
import type { QuotaLookup } from "../core/report/quotaLookup";
import { readQuotaLookup } from "../core/report/quotaLookup";
import { SECTIONS, SECTION_KEYS } from "../core/report/reportLayout";
import { YearMonth, parseMonth } from "../core/report/reportMonth";
import { LEDGER_SHEET, readLedger } from "../core/rollup/ledgerSheet";
import { readSchoolTargets } from "../core/rollup/readSchoolTargets";
import { CheckedFile, checkReportFile, rollUp, rollUpJson } from "../core/rollup/rollUp";
import type { SchoolTargets } from "../core/rollup/rollupSummary";
import { expandInputs } from "./expandInputs";
import type { Output } from "./output";
import { fileHint } from "./fileHint";
import { UsageError } from "./usage";

export interface RollupArgs {
  readonly files: readonly string[];
  readonly output: string;
  readonly into?: string;
  readonly quotas?: string;
  readonly month?: string;
  readonly json?: boolean;
}

/** Runs a read of a file's contents so that a problem names the file. */
function inFile<T>(path: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof QuotaError) throw error.at(`文件“${basename(path)}”`);
    throw error;
  }
}

/** Reads one report file; its sheets are let go as soon as it is validated, so memory stays flat. */
async function checkFile(
  path: string,
  month: YearMonth | null,
  quotas: QuotaLookup | null
): Promise<CheckedFile> {
  const file = basename(path);
  let bytes: Uint8Array;
  try {
    bytes = await readFileBytes(path);
  } catch (error) {
    if (!(error instanceof QuotaError)) throw error;
    return checkReportFile(
      { file, sha256: "", grids: null, error: error.message },
      { month, quotas }
    );
  }
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  try {
    return checkReportFile(
      { file, sha256, grids: await readGrids(ExcelJS, bytes, file) },
      { month, quotas }
    );
  } catch (error) {
    const message =
      error instanceof QuotaError
        ? `文件“${file}”：${error.message}`
        : `文件“${file}”无法读取（${String(error)}）`;
    return checkReportFile({ file, sha256, grids: null, error: message }, { month, quotas });
  }
}

/** A write that failed as the user should read it (the file is open in Excel, a folder, …). */
function writeFailure(path: string, error: unknown): QuotaError {
  if (error instanceof QuotaError) return error;
  const code = (error as NodeJS.ErrnoException).code ?? String(error);
  return new QuotaError("#VALUE!", `无法写入（${code}）；${fileHint(code)}`).at(
    `文件“${basename(path)}”`
  );
}

/** A master written over without --into would lose its earlier months. */
async function refuseToReplaceMaster(output: string): Promise<void> {
  if (!(await stat(output).catch(() => null))?.isFile()) return;
  const existing = await readWorkbookFromFile(output).catch(() => null);
  if (existing?.worksheets.some((ws) => ws.name === LEDGER_SHEET))
    throw new QuotaError(
      "#VALUE!",
      "已是一份总表（含月报台账），直接覆盖会丢失以前各月；要把本月并入其中，请加 --into 同一文件；要另建新总表，请换一个输出文件名"
    ).at(`文件“${basename(output)}”`);
}

/** `quota rollup`: the colleges' reports into the master workbook. Exit 0 all rolled up, 1 any rejected or an input problem. */
export async function rollup(args: RollupArgs, out: Output): Promise<number> {
  if (args.files.length === 0) throw new UsageError("rollup 需要至少一个月报表文件或文件夹");
  let month: YearMonth | null = null;
  if (args.month !== undefined) {
    month = parseMonth(args.month);
    if (!month) throw new UsageError(`--month 应为年月，如 2022-06（收到“${args.month}”）`);
  }
  let quotas: QuotaLookup | null = null;
  let schoolTargets: SchoolTargets | null = null;
  if (args.quotas !== undefined) {
    const grids = await readGridsFromFile(args.quotas);
    quotas = inFile(args.quotas, () => readQuotaLookup(grids));
    schoolTargets = readSchoolTargets(grids);
  }
  if (quotas === null)
    out.stderr(
      "提醒：未指定 --quotas 任务分配表：全校年度任务按总表中各学院之和计算，未报送名单只含总表中出现过的学院。"
    );
  // Checked without an await when there is no file: one more await here, right after the quota
  // workbook's load, was measured to double the peak memory of a 10,000-report run (GC timing).
  if (args.into === undefined && existsSync(args.output)) await refuseToReplaceMaster(args.output);
  // The master is loaded once: its ledger is read from it, and the new sheets go into it.
  let master: ExcelWorkbook | null = null;
  let ledger: ReturnType<typeof readLedger> = [];
  if (args.into !== undefined) {
    const loaded = await readWorkbookFromFile(args.into);
    ledger = inFile(args.into, () => readLedger(loaded.worksheets.map(gridOf)));
    master = loaded;
  }

  const files = await expandInputs(args.files);
  if (files.length === 0) throw new UsageError("没有找到任何 .xlsx 或 .csv 月报表文件");
  const checked: CheckedFile[] = [];
  for (const path of files) checked.push(await checkFile(path, month, quotas));

  const result = rollUp(checked, {
    ledger,
    quotas,
    schoolTargets,
    month: month ? `${month.year}-${String(month.month).padStart(2, "0")}` : null,
    importedAt: new Date().toISOString(),
  });
  // The validated files (every report read) are no longer needed: let them go before the write.
  checked.length = 0;
  if ("error" in result) {
    out.stderr(`错误：${result.error}`);
    return 1;
  }

  if (master) {
    try {
      putModelInto(master, result.workbook);
    } catch (error) {
      if (error instanceof QuotaError) throw error.at(`文件“${basename(args.into!)}”`);
      throw error;
    }
  }
  // Written beside the target and renamed over it: a failure never leaves a half-written master.
  const temp = join(dirname(args.output), `.${basename(args.output)}.${process.pid}.tmp`);
  try {
    if (master) await master.xlsx.writeFile(temp);
    else await streamModelToFile(result.workbook, temp);
    await addModelChartsToFile(temp, result.workbook);
    await rename(temp, args.output);
  } catch (error) {
    throw writeFailure(args.output, error);
  } finally {
    await rm(temp, { force: true }).catch(() => undefined);
  }

  if (args.json) {
    out.stdout(JSON.stringify(rollUpJson(result), null, 2));
  } else {
    const { summary, outcome } = result;
    out.stdout(`已汇总 ${result.month}：${summary.colleges.length} 个学院，写入 ${args.output}`);
    if (outcome.added.length) out.stdout(`  新增：${outcome.added.join("、")}`);
    if (outcome.replaced.length) out.stdout(`  替换：${outcome.replaced.join("、")}`);
    if (outcome.unchanged.length)
      out.stdout(`  已导入过（未改动）：${outcome.unchanged.join("、")}`);
    for (const s of SECTION_KEYS) {
      const v = summary.sections[s];
      out.stdout(
        `  ${SECTIONS[s].name}：累计 ${v.cumulative} / ${v.target ?? "—"}（${v.rate ?? "—"}%），应完成 ${summary.expected[s]}%`
      );
    }
    if (summary.missing.length) out.stdout(`  未报送：${summary.missing.join("、")}`);
    if (summary.late.length)
      out.stdout(`  逾期：${summary.late.map((l) => `${l.college}（${l.filedOn}）`).join("、")}`);
    for (const r of result.rejected) {
      out.stdout(`  ✗ 未汇总 ${r.file}`);
      for (const e of r.errors) out.stdout(`      ${e.cell ? `${e.cell}：` : ""}${e.message}`);
    }
  }
  return result.rejected.length > 0 ? 1 : 0;
}
