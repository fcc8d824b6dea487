import type { Grid } from "../../core/grid";
import { readQuotaLookup } from "../../core/report/quotaLookup";
import type { YearMonth } from "../../core/report/reportMonth";
import { changedLedgerRows } from "../../core/rollup/ledgerChanges";
import type { LedgerRow } from "../../core/rollup/ledger";
import { LEDGER_SHEET, readLedger } from "../../core/rollup/ledgerSheet";
import { readSchoolTargets } from "../../core/rollup/readSchoolTargets";
import { CheckedFile, RollUpResult, checkReportFile, rollUp } from "../../core/rollup/rollUp";
import type { ExcelFeatures } from "./features";
import { loadOwnership, readOwnership } from "./ownership";
import { SheetTarget, writeWorkbookModel } from "./queueWorkbookModel";
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

/** The person has not yet agreed to replace these college-months: ask, then run again. */
export interface NeedsConfirmation {
  readonly confirm: readonly string[];
}

/**
 * 汇总月报 into the open workbook: one round trip reads the ledger, 表1–表4 and the chosen
 * sheets; when a college-month already in the ledger would be replaced and `approved` does not
 * cover it, nothing is written and the college-months come back to be asked about (outside
 * Excel.run; the next run reads the workbook again). The write updates 月报台账 in the rows that
 * change and rewrites the 汇总 sheet (its old chart deleted first): one round trip for the
 * real plan, two when an earlier 汇总 holds a chart, more for a very large one (each request
 * under the budget). A failure before the write changes nothing.
 */
export async function rollUpInWorkbook(
  context: Excel.RequestContext,
  files: readonly PickedReport[],
  options: RollUpInWorkbookOptions,
  features: ExcelFeatures,
  approved: (replaced: readonly string[]) => boolean
): Promise<RollUpResult | { error: string } | NeedsConfirmation> {
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

  const { owned: ownedKeys, tables, stale } = readOwnership(ownership);
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
  const ledgerGrid = usedGrid(LEDGER_SHEET, ledgerRange);
  const ledger = readLedger([ledgerGrid]);

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
    importedAt: new Date().toISOString(),
  });
  if ("error" in result) return result;
  if (result.outcome.replaced.length > 0 && !approved(result.outcome.replaced))
    return { confirm: result.outcome.replaced };

  const targets = new Map<string, SheetTarget>();
  for (const sheet of result.workbook.sheets) {
    if (existing.has(sheet.name) && !owned.has(sheet.name)) {
      return {
        error: `工作簿中已有同名工作表“${sheet.name}”，且不是本工具生成的；为免覆盖，请先将其改名`,
      };
    }
    const replace = existing.has(sheet.name);
    const ledgerUpdate =
      replace && sheet.name === LEDGER_SHEET
        ? inPlace(ledgerGrid.rows, ledger, result.outcome.ledger)
        : undefined;
    targets.set(sheet.name, {
      replace,
      tables: replace ? (tables.get(sheet.name) ?? []) : [],
      marked: replace,
      staleMark: !replace && sheet.key !== undefined && stale.has(sheet.key),
      ...(ledgerUpdate ? { update: ledgerUpdate } : {}),
    });
  }
  await writeWorkbookModel(context, result.workbook, targets, features);
  return result;
}

/**
 * The ledger's update in place when the sheet holds exactly the rows read (header first, no
 * blank or extra rows): the rows that change, as model rows (header = 0). Otherwise undefined,
 * and the sheet is rewritten.
 */
function inPlace(
  sheetRows: readonly (readonly unknown[])[],
  before: readonly LedgerRow[],
  after: readonly LedgerRow[]
): SheetTarget["update"] {
  if (sheetRows.length !== before.length + 1) return undefined;
  if (sheetRows.some((row) => row.length === 0 || row[0] === null)) return undefined;
  return {
    rows: changedLedgerRows(before, after).map((i) => i + 1),
    rowsBefore: sheetRows.length,
  };
}
