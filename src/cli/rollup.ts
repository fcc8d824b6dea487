import { createHash } from "crypto";
import { basename, resolve } from "path";
import { writeFileAtomic } from "../adapters/fs/atomicWrite";
import { LockError, withWorkbookLock } from "../adapters/fs/masterLock";
import { EXCELJS_ZIP, ExcelWorkbook } from "../adapters/xlsx/excelModule";
import { refuseToDropContent } from "../adapters/xlsx/foreignParts";
import type { OurCharts } from "../adapters/xlsx/ourCharts";
import {
  readFileBytes,
  readGridsFromFile,
  readWorkbookFromFile,
  streamModelToTemp,
  addModelChartsToFile,
  ourChartsIn,
} from "../adapters/xlsx/node";
import { gridOf, readGrids } from "../adapters/xlsx/readGrids";
import { ownedSheetsByKey, putModelInto } from "../adapters/xlsx/writeWorkbookInto";
import { InputError, QuotaError } from "../core/errors";
import type { QuotaLookup } from "../core/report/quotaLookup";
import { readQuotaLookup } from "../core/report/quotaLookup";
import { SECTIONS, SECTION_KEYS } from "../core/report/reportLayout";
import { YearMonth, formatMonth, parseMonth } from "../core/report/reportMonth";
import { LEDGER_SHEET, readLedger } from "../core/rollup/ledgerSheet";
import { readSchoolTargets } from "../core/rollup/readSchoolTargets";
import type { LedgerRow } from "../core/rollup/ledger";
import { CheckedFile, RollUpResult, checkReportFile, rollUp } from "../core/rollup/rollUp";
import { rollUpJson } from "./rollupJson";
import { importTimeZone, localTime } from "../core/rollup/localTime";
import { ownWorkbook, ownWorkbookNote } from "../core/report/ownWorkbook";
import type { IdHasher } from "../core/lists/idHasher";
import { MasterLists, NO_MASTER_LISTS, masterListsOf } from "../core/lists/listKeyCheck";
import { LIST_LEDGER_SHEET } from "../core/lists/withListFindings";
import { expandInputs } from "./expandInputs";
import { ID_KEY_ENV, readIdHasher } from "./idKey";
import { Output, printJson } from "./output";
import { fileHint } from "./fileHint";
import { refuseToOverwrite } from "./overwriteGuard";
import { UsageError } from "./usage";

export interface RollupArgs {
  readonly files: readonly string[];
  readonly output: string;
  readonly into?: string;
  readonly quotas?: string;
  readonly month?: string;
  readonly json?: boolean;
  /** A college-month already in the master may be replaced by another file. */
  readonly replace?: boolean;
  /** -o may write over a workbook this command did not make. */
  readonly force?: boolean;
  /** A file whose first line is the school's key for 身份证号 hashes (else QUOTA_ID_KEY). */
  readonly idKeyFile?: string;
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
  quotas: QuotaLookup | null,
  hasher: IdHasher | null
): Promise<CheckedFile | string> {
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
    const grids = await readGrids(null, bytes, file);
    const own = ownWorkbook(grids);
    if (own) return ownWorkbookNote(file, own);
    return checkReportFile({ file, sha256, grids }, { month, quotas, lists: { hasher } });
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
  return new InputError(`无法写入（${code}）；${fileHint(code)}`).at(`文件“${basename(path)}”`);
}

/** The master to roll up into: refused before anything is read if writing it back would drop content. */
interface Master {
  readonly workbook: ExcelWorkbook;
  readonly ledger: LedgerRow[];
  /** Our charts of earlier months: exceljs drops them, they are put back after the write. */
  readonly charts: OurCharts;
}

async function loadMaster(path: string): Promise<Master> {
  const workbook = await readWorkbookFromFile(path);
  const bytes = await readFileBytes(path);
  const charts = await ourChartsIn(bytes);
  inFile(path, () => refuseToDropContent(bytes, charts.parts));
  // The ledger is found by its ownership name, whatever the sheet is called now.
  const name = ownedSheetsByKey(workbook).get("ledger") ?? LEDGER_SHEET;
  const ledger = inFile(path, () => readLedger(workbook.worksheets.map(gridOf), name));
  return { workbook, ledger, charts };
}

/** The master's 名单台账 (rows and key check value), found by its ownership name. */
function masterLists(master: Master | null): MasterLists {
  if (!master) return NO_MASTER_LISTS;
  const name = ownedSheetsByKey(master.workbook).get("listLedger") ?? LIST_LEDGER_SHEET;
  const sheet = master.workbook.worksheets.find((w) => w.name === name);
  return sheet ? masterListsOf(gridOf(sheet)) : NO_MASTER_LISTS;
}

const NO_ID_KEY =
  "提醒：未提供身份证号密钥（环境变量 QUOTA_ID_KEY 或 --id-key-file）：名单台账不计算身份证号摘要，不按身份证号查重；身份证号仍只保存掩码。";

async function readQuotas(path: string) {
  const grids = await readGridsFromFile(path);
  return { quotas: inFile(path, () => readQuotaLookup(grids)), targets: readSchoolTargets(grids) };
}

const sameFile = (a: string, b: string) => resolve(a) === resolve(b);

/** `quota rollup`: the colleges' reports into the master workbook. Exit 0 all rolled up, 1 any rejected or an input problem. */
export async function rollup(args: RollupArgs, out: Output): Promise<number> {
  if (args.files.length === 0) throw new UsageError("rollup 需要至少一个月报表文件或文件夹");
  let month: YearMonth | null = null;
  if (args.month !== undefined) {
    month = parseMonth(args.month);
    if (!month) throw new UsageError(`--month 应为年月，如 2022-06（收到“${args.month}”）`);
  }
  // The master is read and written under its lock: two runs never both start from one old ledger.
  try {
    return await withWorkbookLock(args.output, () => rollupLocked(args, out, month));
  } catch (error) {
    if (error instanceof LockError) throw writeFailure(args.output, error);
    throw error;
  }
}

/** Every report file read and validated, one at a time; notes for files that are not reports. */
async function checkAll(
  args: RollupArgs,
  month: YearMonth | null,
  quotas: QuotaLookup | null,
  hasher: IdHasher | null,
  out: Output
): Promise<CheckedFile[]> {
  const files = await expandInputs(args.files);
  if (files.length === 0) throw new UsageError("没有找到任何 .xlsx 或 .csv 月报表文件");
  const checked: CheckedFile[] = [];
  for (const path of files) {
    const one = await checkFile(path, month, quotas, hasher);
    if (typeof one === "string") out.stderr(`提醒：${one}。`);
    else checked.push(one);
  }
  return checked;
}

/** The quota workbook (when given) and the master (when --into), each read once. */
async function readInputs(args: RollupArgs, out: Output) {
  if (args.into === undefined || !sameFile(args.into, args.output))
    await refuseToOverwrite(args.output, null, args.force);
  // No await between the quota workbook's load and the reports' when there is no master: one
  // there was measured to double the peak memory of a 10,000-report run (GC timing).
  const loaded = args.quotas !== undefined ? await readQuotas(args.quotas) : null;
  if (loaded === null)
    out.stderr(
      "提醒：未指定 --quotas 任务分配表：全校年度任务按总表中各学院之和计算，未报送名单只含总表中出现过的学院。"
    );
  // The master is loaded once: its ledger is read from it, and the new sheets go into it.
  const master = args.into !== undefined ? await loadMaster(args.into) : null;
  for (const edit of editedRows(master?.ledger ?? [])) out.stderr(edit);
  return { quotas: loaded?.quotas ?? null, targets: loaded?.targets ?? null, master };
}

async function rollupLocked(
  args: RollupArgs,
  out: Output,
  month: YearMonth | null
): Promise<number> {
  const { quotas, targets, master } = await readInputs(args, out);
  const hasher = await readIdHasher(args.idKeyFile);
  const checked = await checkAll(args, month, quotas, hasher, out);
  // The lists against the master's 名单台账 and each other: duplicates across months and colleges.
  const result = rollUp(checked, {
    ledger: master?.ledger ?? [],
    quotas,
    schoolTargets: targets,
    month: month ? formatMonth(month) : null,
    importedAt: localTime(new Date(), importTimeZone(process.env.TZ)),
    replace: args.replace === true,
    lists: { master: masterLists(master), hasher },
  });
  // The validated files (every report read) are no longer needed: let them go before the write.
  checked.length = 0;
  if ("error" in result) {
    if (result.months) throw new UsageError(result.error);
    const how = result.key ? `（密钥：环境变量 ${ID_KEY_ENV} 或 --id-key-file）` : "";
    out.stderr(`错误：${result.error}${how}`);
    return 1;
  }
  for (const note of result.notes) out.stderr(`提醒：${note}`);
  if (!hasher && result.workbook.sheets.some((s) => s.key === "listLedger")) out.stderr(NO_ID_KEY);
  if (result.accepted === 0) {
    // Nothing valid: the master is not touched, and no empty summary is written.
    printRejected(result, out, args.json === true);
    out.stderr(`没有可汇总的报表：未写入${master ? "总表" : "任何文件"}。`);
    return 1;
  }
  await writeMaster(args, master, result);
  return report(result, args, out);
}

/** The roll-up's workbook into the master (or a new file), written beside it and renamed over it. */
async function writeMaster(args: RollupArgs, master: Master | null, result: RollUpResult) {
  if (master) {
    try {
      putModelInto(master.workbook, result.workbook);
    } catch (error) {
      if (error instanceof QuotaError) throw error.at(`文件“${basename(args.into!)}”`);
      throw error;
    }
  }
  // Written beside the target and renamed over it: a failure never leaves a half-written master.
  try {
    await writeFileAtomic(args.output, async (temp) => {
      if (master) await master.workbook.xlsx.writeFile(temp, EXCELJS_ZIP);
      else await streamModelToTemp(result.workbook, temp);
      await addModelChartsToFile(temp, result.workbook, master?.charts);
    });
  } catch (error) {
    throw writeFailure(args.output, error);
  }
}

/** Rows of the master's ledger whose 校验 does not match: an edit of the master, said as such. */
function editedRows(ledger: readonly LedgerRow[]): string[] {
  return ledger
    .filter((r) => r.edited)
    .map(
      (r) =>
        `注意：总表“月报台账”中 ${r.college} ${r.month} ${SECTIONS[r.section].name} 的一行被手工改动过（校验值不符）；这是总表的改动，不是学院报表的问题。改动无误可清空该行“校验”单元格。`
    );
}

/** "取证名单!J3：" for a list's cell; the form's own sheet (`form`) is not repeated. */
const at = (e: { sheet?: string; cell: string | null }, form: string | null = null) => {
  const sheet = e.sheet && e.sheet !== form ? e.sheet : null;
  return e.cell ? `${sheet ? `${sheet}!` : ""}${e.cell}：` : sheet ? `${sheet}：` : "";
};

function printRejected(result: RollUpResult, out: Output, json: boolean): void {
  if (json) {
    printJson(out, rollUpJson(result));
    return;
  }
  for (const r of result.rejected) {
    out.stdout(`  ✗ 未汇总 ${r.file}`);
    for (const e of r.errors) out.stdout(`      ${at(e, r.sheet)}${e.message}`);
  }
}

/** 名单核对 per college, and what other colleges' lists found in the lists already rolled up. */
function printLists(result: RollUpResult, out: Output): void {
  const lines = result.listLines;
  if (lines.length > 0) {
    const count = (state: string) => lines.filter((l) => l.state === state).length;
    out.stdout(
      `  名单核对：已核对 ${count("reconciled")}，未核对 ${count("unreconciled")}，无名单 ${count("none")}（见总表“汇总${result.month}”）`
    );
  }
  if (result.listFindings.length === 0) return;
  out.stdout(`  ⚠ 名单重复的另一方（另一学院的名单与以下各行重复，请两个学院核对）：`);
  for (const f of result.listFindings)
    out.stdout(`      ${f.college} ${f.month} ${at(f)}${f.message}`);
}

function report(result: RollUpResult, args: RollupArgs, out: Output): number {
  if (args.json) {
    printRejected(result, out, true);
    return result.rejected.length > 0 ? 1 : 0;
  }
  const { summary, outcome } = result;
  out.stdout(`已汇总 ${result.month}：${summary.colleges.length} 个学院，写入 ${args.output}`);
  if (outcome.added.length) out.stdout(`  新增：${outcome.added.join("、")}`);
  for (const r of result.replacements)
    out.stdout(`  替换：${r.key}（原文件“${r.oldFile}”，新文件“${r.newFile}”）`);
  if (outcome.unchanged.length) out.stdout(`  已导入过（未改动）：${outcome.unchanged.join("、")}`);
  for (const s of SECTION_KEYS) {
    const v = summary.sections[s];
    out.stdout(
      `  ${SECTIONS[s].name}：累计 ${v.cumulative} / ${v.target ?? "—"}（${v.rate ?? "—"}%），应完成 ${summary.expected[s]}%`
    );
  }
  if (summary.missing.length) out.stdout(`  未报送：${summary.missing.join("、")}`);
  if (summary.late.length)
    out.stdout(`  逾期：${summary.late.map((l) => `${l.college}（${l.filedOn}）`).join("、")}`);
  printLists(result, out);
  printRejected(result, out, false);
  return result.rejected.length > 0 ? 1 : 0;
}
