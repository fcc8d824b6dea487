import { basename } from "path";
import { readGridsFromFile, writeModelToFile } from "../adapters/xlsx/node";
import { ownWorkbook, ownWorkbookNote } from "../core/report/ownWorkbook";
import { problemListWorkbook, problemRows } from "../core/report/problemList";
import { InputError, QuotaError } from "../core/errors";
import type { Finding } from "../core/report/finding";
import { previousFromGrids } from "../core/report/previousMonth";
import type { QuotaLookup } from "../core/report/quotaLookup";
import { YearMonth, parseMonth } from "../core/report/reportMonth";
import type { ReportResult, ValidateOptions } from "../core/report/validateReport";
import type { LedgerFinding } from "../core/lists/listLedger";
import { CheckRun, checkWorkbookLists, newCheckRun } from "../core/lists/checkRun";
import type { LedgerRow } from "../core/rollup/ledger";
import { LEDGER_SHEET, readLedger } from "../core/rollup/ledgerSheet";
import { previousOfLedger } from "../core/rollup/rollUp";
import { unreadableFile } from "../core/report/validateWorkbook";
import { reportJson } from "./validateJson";
import { LIST_LEDGER_SHEET, sheetOf } from "../core/lists/withListFindings";
import { MasterLedgers } from "../core/lists/masterLedgers";
import { expandInputs } from "./expandInputs";
import { ID_KEY_ENV, readIdHasher } from "./idKey";
import { keyMismatch, masterListsIn } from "../core/lists/listKeyCheck";
import { Output, printJson } from "./output";
import { readQuotaFile } from "./template";
import { UsageError } from "./usage";

export interface ValidateArgs {
  readonly files: readonly string[];
  readonly quotas?: string;
  /** Last month's report(s) of the colleges, or the master workbook (its 月报台账). */
  readonly previous?: string;
  /** YYYY-MM. */
  readonly month?: string;
  readonly json?: boolean;
  /** Also write the 问题清单 (.xlsx): a row per finding, errors first. */
  readonly list?: string;
  /** A file whose first line is the school's key for 身份证号 hashes (else QUOTA_ID_KEY). */
  readonly idKeyFile?: string;
}

type Previous = Pick<ValidateOptions, "previous" | "previousOf"> & {
  /** The master's 名单台账: the lists are checked across months and colleges against it. */
  readonly lists?: MasterLedgers | null;
  /** The key check value the master's 名单台账 records. */
  readonly keyCheck?: string | null;
};

/** Said when the run's ID key is not the one the master's ID hashes were made with. */
const KEY_MISMATCH = {
  none: "总表“名单台账”的身份证号摘要是用学校的身份证号密钥生成的，本次没有提供密钥",
  other: "本次的身份证号密钥与总表“名单台账”记录的密钥校验值不符",
} as const;

/**
 * Last month's reports (every sheet that holds the form), or a master workbook: its 月报台账 gives
 * each report the month before its own.
 */
async function readPrevious(path: string, quotas: QuotaLookup | null): Promise<Previous> {
  const grids = await readGridsFromFile(path);
  const where = `文件“${basename(path)}”`;
  if (grids.some((g) => g.name === LEDGER_SHEET)) {
    let ledger: LedgerRow[];
    try {
      ledger = readLedger(grids);
    } catch (error) {
      throw error instanceof QuotaError ? error.at(where) : error;
    }
    const lists = masterListsIn(grids);
    const ledgers = grids.some((g) => g.name === LIST_LEDGER_SHEET)
      ? new MasterLedgers(lists.rows)
      : null;
    return { previousOf: previousOfLedger(ledger), lists: ledgers, keyCheck: lists.keyCheck };
  }
  const previous = previousFromGrids(grids, quotas);
  if (!previous) throw new InputError("没有找到上月的月报表（附件6）或月报台账").at(where);
  return { previous };
}

const SOURCE = {
  option: "指定",
  sheet: "取自工作表名",
  file: "取自文件名",
  date: "取自填报时间",
} as const;

function line(kind: "错误" | "提醒" | "", f: Finding): string {
  const sheet = sheetOf(f);
  const where = f.cell ? (sheet ? `${sheet}!${f.cell}` : f.cell) : (sheet ?? "");
  return `  ${kind}${where ? ` ${where}` : ""}：${f.message}`;
}

function printResult(r: ReportResult, out: Output): void {
  const where = [r.file, r.sheet ? `工作表“${r.sheet}”` : null].filter(Boolean).join(" ");
  const what = [
    r.college ?? "填报单位不明",
    r.month ? `${r.month}${r.monthSource ? `（${SOURCE[r.monthSource]}）` : ""}` : "月份不明",
  ].join("，");
  out.stdout(`${r.valid ? "✓" : "✗"} ${where}：${what}`);
  for (const f of r.errors) out.stdout(line("错误", f));
  for (const f of r.warnings) out.stdout(line("提醒", f));
}

/** The month, the quota workbook, last month and the ID key; a file that cannot be read throws. */
async function readInputs(args: ValidateArgs, out: Output) {
  if (!args.files || args.files.length === 0)
    throw new UsageError("validate 需要至少一个月报表文件");
  let month: YearMonth | null = null;
  if (args.month !== undefined) {
    month = parseMonth(args.month);
    if (!month) throw new UsageError(`--month 应为年月，如 2022-06（收到“${args.month}”）`);
  }
  const hasher = await readIdHasher(args.idKeyFile);
  if (args.list !== undefined && !/\.xlsx$/i.test(args.list))
    throw new UsageError("--list 应为 .xlsx 文件，如 --list 问题清单.xlsx", "validate");
  const quotas = args.quotas !== undefined ? await readQuotaFile(args.quotas) : null;
  const previous: Previous =
    args.previous !== undefined ? await readPrevious(args.previous, quotas) : {};
  const mismatch = keyMismatch(previous.keyCheck ?? null, hasher);
  if (mismatch)
    out.stderr(
      `提醒：${KEY_MISMATCH[mismatch]}：无法按身份证号与总表查重（学号、证书编号照常查重）；汇总时须用同一密钥（环境变量 ${ID_KEY_ENV} 或 --id-key-file）。`
    );
  return { month, quotas, previous, hasher };
}

type Inputs = Awaited<ReturnType<typeof readInputs>>;

/** What the run found: each report's result, and what fell on lists already in the master. */
type Checked = CheckRun;

async function checkFiles(args: ValidateArgs, inputs: Inputs, out: Output): Promise<Checked> {
  const files = await expandInputs(args.files);
  const run = newCheckRun();
  for (const file of files) {
    const options = {
      fileName: basename(file),
      month: inputs.month,
      quotas: inputs.quotas,
      previous: inputs.previous.previous,
      previousOf: inputs.previous.previousOf,
    };
    try {
      const grids = await readGridsFromFile(file);
      const own = ownWorkbook(grids);
      if (own) out.stderr(`提醒：${ownWorkbookNote(basename(file), own)}。`);
      else
        checkWorkbookLists(
          grids,
          options,
          { master: inputs.previous.lists ?? null, hasher: inputs.hasher },
          run
        );
    } catch (error) {
      // One bad file must not stop the others.
      const message =
        error instanceof QuotaError
          ? error.message
          : `文件“${basename(file)}”无法检查（${error instanceof Error ? error.message : String(error)}）`;
      run.results.push(unreadableFile(options, message));
    }
  }
  return run;
}

/** The master's rows that this run's lists duplicate: the colleges that listed them are told too. */
function printInMaster(inMaster: readonly LedgerFinding[], out: Output): void {
  if (inMaster.length === 0) return;
  out.stdout("");
  out.stdout("另：总表“名单台账”中已有的以下名单行与本次的报表重复（请告知相关学院核对）：");
  for (const f of inMaster) out.stdout(`  ${f.college} ${f.month}${line("", f).slice(2)}`);
}

/** `quota validate`: checks monthly reports; exit 0 when all are valid, 1 when any is not. */
export async function validate(args: ValidateArgs, out: Output): Promise<number> {
  const inputs = await readInputs(args, out);
  const { results, inMaster } = await checkFiles(args, inputs, out);
  if (args.list !== undefined) {
    await writeModelToFile(problemListWorkbook(problemRows(results)), args.list);
    out.stderr(`已另存问题清单：${args.list}（每个问题一行，错误在前）`);
  }
  if (args.json) {
    printJson(out, results.map(reportJson));
  } else {
    for (const r of results) printResult(r, out);
    printInMaster(inMaster, out);
    const bad = results.filter((r) => !r.valid).length;
    out.stdout("");
    out.stdout(`共 ${results.length} 份：${results.length - bad} 份通过，${bad} 份有错误。`);
  }
  return results.every((r) => r.valid) ? 0 : 1;
}
