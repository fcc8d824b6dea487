import type { Grid } from "../../core/grid";
import type { SheetModel } from "../../core/workbookModel";
import { QuotaLookup, readQuotaLookup } from "../../core/report/quotaLookup";
import { importTimeZone, localTime } from "../../core/rollup/localTime";
import type { YearMonth } from "../../core/report/reportMonth";
import { changedLedgerRows } from "../../core/rollup/ledgerChanges";
import type { LedgerRow } from "../../core/rollup/ledger";
import { LEDGER_SHEET, readLedger } from "../../core/rollup/ledgerSheet";
import { readSchoolTargets } from "../../core/rollup/readSchoolTargets";
import { CheckedFile, RollUpResult, checkReportFile, rollUp } from "../../core/rollup/rollUp";
import type { ExcelFeatures } from "./features";
import { Ownership, loadOwnership, readOwnership } from "./ownership";
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
  const { state, ledgerRange, quotaGrids, sheetRanges } = await readWorkbook(context, options);
  // A person may have renamed our 月报台账: it stays the ledger under its new name.
  const ledgerName = state.owned.get("ledger") ?? LEDGER_SHEET;
  if (
    ledgerName === LEDGER_SHEET &&
    state.existing.has(LEDGER_SHEET) &&
    !isOurs(state, LEDGER_SHEET)
  )
    return notOurs(LEDGER_SHEET);
  const grids = quotaGrids();
  const quotas = grids.length === 4 ? readQuotaLookup(grids) : null;
  const schoolTargets = grids.length === 4 ? readSchoolTargets(grids) : null;
  const ledgerGrid =
    ledgerName === LEDGER_SHEET
      ? usedGrid(LEDGER_SHEET, ledgerRange)
      : await readRenamedLedger(context, ledgerName);
  const ledger = readLedger([ledgerGrid]);

  const checked = await checkAll(files, sheetRanges, options, quotas);
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
  if (result.outcome.replaced.length > 0 && !approved(result.outcome.replaced))
    return { confirm: result.outcome.replaced };

  const model = {
    sheets: result.workbook.sheets.map((sheet) =>
      sheet.key === "ledger" ? { ...sheet, name: ledgerName } : sheet
    ),
  };
  const targets = targetsFor(model.sheets, state, () =>
    inPlace(ledgerGrid.rows, ledger, result.outcome.ledger)
  );
  if ("error" in targets) return targets;
  await writeWorkbookModel(context, model, targets, features);
  return result;
}

/** One round trip: sheet names, ownership, 月报台账, 表1–表4 and the chosen sheets. */
async function readWorkbook(context: Excel.RequestContext, options: RollUpInWorkbookOptions) {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  const ownership = loadOwnership(context);
  const ledgerRange = loadUsed(worksheets.getItemOrNullObject(LEDGER_SHEET) as Excel.Worksheet);
  const quotaGrids = loadQuotaSheets(context);
  const sheetRanges = options.sheets.map((name) => ({
    name,
    range: loadUsed(worksheets.getItem(name)),
  }));
  await context.sync();
  const state: WorkbookState = {
    ...readOwnership(ownership),
    existing: new Set(worksheets.items.map((w) => w.name)),
  };
  return { state, ledgerRange, quotaGrids, sheetRanges };
}

/** How each sheet is written: added, rewritten or (月报台账) updated in place; an error if not ours. */
function targetsFor(
  sheets: readonly SheetModel[],
  state: WorkbookState,
  ledgerUpdate: () => SheetTarget["update"]
): Map<string, SheetTarget> | { error: string } {
  const targets = new Map<string, SheetTarget>();
  for (const sheet of sheets) {
    if (state.existing.has(sheet.name) && !isOurs(state, sheet.name)) return notOurs(sheet.name);
    const replace = state.existing.has(sheet.name);
    const update = replace && sheet.key === "ledger" ? ledgerUpdate() : undefined;
    // A name of ours left on a deleted sheet (#REF!) or on a renamed copy goes before it is added.
    const ownedAs = sheet.key === undefined ? undefined : state.owned.get(sheet.key);
    const stale = sheet.key !== undefined && state.stale.has(sheet.key);
    targets.set(sheet.name, {
      replace,
      tables: replace ? (state.tables.get(sheet.name) ?? []) : [],
      marked: replace && ownedAs === sheet.name,
      staleMark: stale || (ownedAs !== undefined && ownedAs !== sheet.name),
      ...(update ? { update } : {}),
    });
  }
  return targets;
}

/** The picked files and the chosen sheets of this workbook, each checked as a report. */
async function checkAll(
  files: readonly PickedReport[],
  sheetRanges: readonly { name: string; range: Excel.Range }[],
  options: RollUpInWorkbookOptions,
  quotas: QuotaLookup | null
): Promise<CheckedFile[]> {
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
  return checked;
}

interface WorkbookState extends Ownership {
  readonly existing: ReadonlySet<string>;
}

const isOurs = (state: WorkbookState, sheet: string) => [...state.owned.values()].includes(sheet);

const notOurs = (sheet: string) => ({
  error: `工作簿中已有同名工作表“${sheet}”，且不是本工具生成的；为免覆盖，请先将其改名`,
});

/** 月报台账 under the name a person gave it: one more round trip. */
async function readRenamedLedger(context: Excel.RequestContext, name: string): Promise<Grid> {
  const range = loadUsed(context.workbook.worksheets.getItem(name));
  await context.sync();
  return usedGrid(LEDGER_SHEET, range);
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
