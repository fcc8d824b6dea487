import type { Grid } from "../../core/grid";
import { readQuotaLookup } from "../../core/report/quotaLookup";
import { importTimeZone, localTime } from "../../core/rollup/localTime";
import type { YearMonth } from "../../core/report/reportMonth";
import { LEDGER_SHEET, readLedger } from "../../core/rollup/ledgerSheet";
import { readSchoolTargets } from "../../core/rollup/readSchoolTargets";
import { CheckedFile, RollUpResult, checkReportFile, rollUp } from "../../core/rollup/rollUp";
import type { ExcelFeatures } from "./features";
import { loadOwnership, readOwnership } from "./ownership";
import { SheetTarget, queueWorkbookModel } from "./queueWorkbookModel";
import { loadQuotaSheets } from "./readQuotaSheets";
import { loadUsed, usedGrid } from "./usedGrid";

export interface PickedReport {
  readonly file: string;
  readonly sha256: string;
  readonly grids: readonly Grid[] | null;
  readonly error?: string;
}

export interface RollUpInWorkbookOptions {
  readonly month: YearMonth | null;
  /** Sheets of this workbook to roll up as reports, besides the files. */
  readonly sheets: readonly string[];
  /** A stable fingerprint of a sheet's values, standing in for a file's SHA-256. */
  readonly fingerprint: (grid: Grid) => Promise<string>;
}

/**
 * 汇总月报 into the open workbook: one round trip reads the ledger, 表1–表4 and the chosen
 * sheets; `confirm` is asked before a college-month already in the ledger is replaced; one round
 * trip writes the 汇总 sheet (with its chart) and 月报台账. A failure before the write changes nothing.
 */
export async function rollUpInWorkbook(
  context: Excel.RequestContext,
  files: readonly PickedReport[],
  options: RollUpInWorkbookOptions,
  features: ExcelFeatures,
  confirm: (replaced: readonly string[]) => Promise<boolean>
): Promise<RollUpResult | { error: string } | null> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  const ownership = loadOwnership(context);
  const ledgerRange = loadUsed(
    context.workbook.worksheets.getItemOrNullObject(LEDGER_SHEET) as Excel.Worksheet
  );
  const quotaGrids = loadQuotaSheets(context);
  const sheetRanges = options.sheets.map((name) => ({
    name,
    range: loadUsed(worksheets.getItem(name)),
  }));
  await context.sync();

  const { owned: ownedKeys, tables } = readOwnership(ownership);
  const owned = new Set(ownedKeys.values());
  const existing = new Set(worksheets.items.map((w) => w.name));
  if (existing.has(LEDGER_SHEET) && !owned.has(LEDGER_SHEET)) {
    return {
      error: `工作簿中已有同名工作表“${LEDGER_SHEET}”，且不是本工具生成的；为免覆盖，请先将其改名`,
    };
  }
  const grids = quotaGrids();
  const quotas = grids.length === 4 ? readQuotaLookup(grids) : null;
  const schoolTargets = grids.length === 4 ? readSchoolTargets(grids) : null;
  const ledger = readLedger([usedGrid(LEDGER_SHEET, ledgerRange)]);

  const checked: CheckedFile[] = files.map((f) =>
    checkReportFile(f, { month: options.month, quotas })
  );
  for (const { name, range } of sheetRanges) {
    const grid = usedGrid(name, range);
    checked.push(
      checkReportFile(
        { file: `本工作簿·${name}`, sha256: await options.fingerprint(grid), grids: [grid] },
        { month: options.month, quotas }
      )
    );
  }
  const result = rollUp(checked, {
    ledger,
    quotas,
    schoolTargets,
    month: options.month
      ? `${options.month.year}-${String(options.month.month).padStart(2, "0")}`
      : null,
    importedAt: localTime(new Date(), importTimeZone(undefined)),
  });
  if ("error" in result) return result;
  if (result.outcome.replaced.length > 0 && !(await confirm(result.outcome.replaced))) return null;

  const targets = new Map<string, SheetTarget>();
  for (const sheet of result.workbook.sheets) {
    if (existing.has(sheet.name) && !owned.has(sheet.name)) {
      return {
        error: `工作簿中已有同名工作表“${sheet.name}”，且不是本工具生成的；为免覆盖，请先将其改名`,
      };
    }
    const replace = existing.has(sheet.name);
    targets.set(sheet.name, {
      replace,
      tables: replace ? (tables.get(sheet.name) ?? []) : [],
      marked: replace,
    });
  }
  queueWorkbookModel(context, result.workbook, targets, features);
  await context.sync();
  return result;
}
