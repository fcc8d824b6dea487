import type { CellValue, Grid } from "../../core/grid";
import type { IdHasher } from "../../core/lists/idHasher";
import { MasterLists, readKeyCheck } from "../../core/lists/listKeyCheck";
import { foreignSheetMessage } from "../../core/ownedSheets";
import { LIST_LEDGER_SHEET } from "../../core/lists/withListFindings";
import { listKindOfName } from "../../core/lists/locateList";
import { collegeListPrefix } from "../../core/report/collegeTemplates";
import { validateWorkbook } from "../../core/report/validateWorkbook";
import type { SheetModel } from "../../core/workbookModel";
import { QuotaLookup, readQuotaLookup } from "../../core/report/quotaLookup";
import { importTimeZone, localTime } from "../../core/rollup/localTime";
import { YearMonth, formatMonth } from "../../core/report/reportMonth";
import { changedLedgerRows } from "../../core/rollup/ledgerChanges";
import type { LedgerRow } from "../../core/rollup/ledger";
import { LEDGER_SHEET, readLedger } from "../../core/rollup/ledgerSheet";
import { readSchoolTargets } from "../../core/rollup/readSchoolTargets";
import type { ReportFile } from "../../core/rollup/reportFile";
import { CheckedFile, RollUpResult, checkReportFile, rollUp } from "../../core/rollup/rollUp";
import type { ExcelFeatures } from "./features";
import { Ownership, loadOwnership, readOwnership } from "./ownership";
import { SheetTarget, writeWorkbookModel } from "./queueWorkbookModel";
import { loadQuotaSheets } from "./readQuotaSheets";
import { HeadLoad, loadHead, loadSheets, loadUsed, readHead, usedGrid } from "./usedGrid";
import { TABLE_SHEETS } from "./checkActiveSheet";

export interface RollUpInWorkbookOptions {
  readonly month: YearMonth | null;
  /** Sheets of this workbook to roll up as reports, besides the files. */
  readonly sheets: readonly string[];
  /** A stable fingerprint of a sheet's values, standing in for a file's SHA-256. */
  readonly fingerprint: (grid: Grid) => Promise<string>;
  /** The school's key for 身份证号 hashes (never stored); null: IDs masked only, not matched. */
  readonly hasher?: IdHasher | null;
}

/** A roll-up as the pane reports it: whether the workbook was written, and what the lists did. */
export interface InWorkbookResult extends RollUpResult {
  /** False when no report was valid: nothing was written. */
  readonly written: boolean;
  readonly lists: {
    /** Some report (or the workbook's 名单台账) had list rows: 名单台账 was settled and written. */
    readonly any: boolean;
    /** 身份证号 were hashed with the school's key (false: not compared across reports). */
    readonly hashed: boolean;
  };
}

/** The person has not yet agreed to replace these college-months: ask, then run again. */
export interface NeedsConfirmation {
  readonly confirm: readonly string[];
}

/**
 * 汇总月报 into the open workbook: one round trip reads the ledgers, 表1–表4 and the chosen
 * sheets; when a college-month already in the ledger would be replaced and `approved` does not
 * cover it, nothing is written and the college-months come back to be asked about (outside
 * Excel.run; the next run reads the workbook again). The reports' 培训名单 / 取证名单 are settled
 * against the workbook's 名单台账 and each other: a report whose lists fail is rejected. The write
 * updates 月报台账 in the rows that change, rewrites the 汇总 sheet (its old chart deleted first)
 * and 名单台账: one round trip for the real plan, two when an earlier 汇总 holds a chart, more for
 * a very large one (each request under the budget). A failure before the write, or a run with no
 * valid report, changes nothing. A renamed 月报台账 or 名单台账 costs one more read.
 */
export async function rollUpInWorkbook(
  context: Excel.RequestContext,
  files: readonly ReportFile[],
  options: RollUpInWorkbookOptions,
  features: ExcelFeatures,
  approved: (replaced: readonly string[]) => boolean
): Promise<InWorkbookResult | { error: string } | NeedsConfirmation> {
  const read = await readWorkbook(context, options);
  const { state } = read;
  const names = ownedNames(state);
  if ("error" in names) return names;
  const grids = read.quotaGrids();
  const quotas = grids.length === 4 ? readQuotaLookup(grids) : null;
  const { ledgerGrid, listGrid } = await readLedgers(context, read, names);
  const ledger = readLedger([ledgerGrid]);

  const checked = await checkAll(files, read.sheets, read.lists, options, quotas);
  const masterLists = { rows: ledgerRowsOf(listGrid), keyCheck: readKeyCheck(listGrid.rows[0]) };
  const result = rollUp(checked, {
    ledger,
    quotas,
    schoolTargets: grids.length === 4 ? readSchoolTargets(grids) : null,
    month: options.month ? formatMonth(options.month) : null,
    importedAt: localTime(new Date(), importTimeZone(undefined)),
    lists: { master: masterLists, hasher: options.hasher ?? null },
  });
  if ("error" in result) return result;
  const any = result.listLedger !== null;
  const done = { ...result, lists: { any, hashed: any && !!options.hasher } };
  // Nothing valid: the workbook is not touched, and no empty summary is written.
  if (result.accepted === 0) return { ...done, written: false };
  if (result.outcome.replaced.length > 0 && !approved(result.outcome.replaced))
    return { confirm: result.outcome.replaced };

  const model = {
    sheets: result.workbook.sheets.map((sheet) =>
      sheet.key === "ledger"
        ? { ...sheet, name: names.ledger }
        : sheet.key === "listLedger"
          ? { ...sheet, name: names.listLedger }
          : sheet
    ),
  };
  const targets = targetsFor(model.sheets, state, {
    ledger: () => inPlace(ledgerGrid.rows, ledger, result.outcome.ledger),
    listLedger: () => appended(listGrid.rows, masterLists, result.listLedger),
  });
  if ("error" in targets) return targets;
  await writeWorkbookModel(context, model, targets, features);
  return { ...done, written: true };
}

/** The ledgers' sheets now (a person may have renamed ours); an error when a sheet of that name is not ours. */
function ownedNames(
  state: WorkbookState
): { ledger: string; listLedger: string } | { error: string } {
  const ledger = state.owned.get("ledger") ?? LEDGER_SHEET;
  const listLedger = state.owned.get("listLedger") ?? LIST_LEDGER_SHEET;
  for (const [name, plain] of [
    [ledger, LEDGER_SHEET],
    [listLedger, LIST_LEDGER_SHEET],
  ] as const)
    if (name === plain && state.existing.has(plain) && !isOurs(state, plain)) return notOurs(plain);
  return { ledger, listLedger };
}

/** One round trip: sheet names, ownership, both ledgers, 表1–表4 and the chosen sheets. */
async function readWorkbook(context: Excel.RequestContext, options: RollUpInWorkbookOptions) {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  const ownership = loadOwnership(context);
  const ledgerRange = loadUsed(worksheets.getItemOrNullObject(LEDGER_SHEET) as Excel.Worksheet);
  // 名单台账 grows all year: its first rows now, the rest in more round trips (responses ≤ 5 MB).
  const listLoad = loadHead(worksheets.getItemOrNullObject(LIST_LEDGER_SHEET) as Excel.Worksheet);
  const quotaGrids = loadQuotaSheets(context);
  const sheetRanges = options.sheets.map((name) => ({
    name,
    range: loadUsed(worksheets.getItem(name)),
  }));
  // Sheets of this workbook rolled up as reports: their lists are sheets of this workbook too.
  const walk = options.sheets.length > 0 ? loadSheets(context) : null;
  await context.sync();
  const state: WorkbookState = {
    ...readOwnership(ownership),
    existing: new Set(worksheets.items.map((w) => w.name)),
  };
  const sheets = sheetRanges.map(({ name, range }) => usedGrid(name, range));
  const maybe = mayHoldLists(state, options);
  const lists = walk
    ? await walk((name) => maybe(name) && listKindOfName(name) !== null, maybe)
    : [];
  return { state, ledgerRange, listLoad, quotaGrids, sheets, lists };
}

/** 月报台账 and 名单台账, each read under the name it has now (a renamed one: one more round trip). */
async function readLedgers(
  context: Excel.RequestContext,
  read: { ledgerRange: Excel.Range; listLoad: HeadLoad },
  names: { ledger: string; listLedger: string }
): Promise<{ ledgerGrid: Grid; listGrid: Grid }> {
  const sheet = (name: string) => context.workbook.worksheets.getItem(name);
  const ledger = names.ledger === LEDGER_SHEET ? null : loadUsed(sheet(names.ledger));
  const list = names.listLedger === LIST_LEDGER_SHEET ? null : loadHead(sheet(names.listLedger));
  if (ledger || list) await context.sync();
  return {
    ledgerGrid: usedGrid(LEDGER_SHEET, ledger ?? read.ledgerRange),
    listGrid: await readHead(context, LIST_LEDGER_SHEET, list ?? read.listLoad),
  };
}

/** A 名单台账's rows, header left out. */
function ledgerRowsOf(grid: Grid): (readonly CellValue[])[] {
  return grid.rows.filter((row, r) => r > 0 && row.some((v) => v !== null));
}

/** How each sheet is written: added, rewritten or (the ledgers) updated in place; an error if not ours. */
function targetsFor(
  sheets: readonly SheetModel[],
  state: WorkbookState,
  updates: Readonly<Record<string, () => SheetTarget["update"]>>
): Map<string, SheetTarget> | { error: string } {
  const targets = new Map<string, SheetTarget>();
  for (const sheet of sheets) {
    if (state.existing.has(sheet.name) && !isOurs(state, sheet.name)) return notOurs(sheet.name);
    const replace = state.existing.has(sheet.name);
    const update = replace && sheet.key ? updates[sheet.key]?.() : undefined;
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

/** The picked files and the chosen sheets of this workbook, each checked as a report with its lists. */
async function checkAll(
  files: readonly ReportFile[],
  sheets: readonly Grid[],
  workbookLists: readonly Grid[],
  options: RollUpInWorkbookOptions,
  quotas: QuotaLookup | null
): Promise<CheckedFile[]> {
  const lists = { hasher: options.hasher ?? null };
  const checked: CheckedFile[] = files.map((f) =>
    checkReportFile(f, { month: options.month, quotas, lists })
  );
  for (const grid of sheets) {
    const own = listsOfSheet(grid, workbookLists, sheets.length, options.month);
    // The fingerprint covers the lists too: a list changed alone is a changed report.
    const whole = { name: grid.name, rows: [grid, ...own].flatMap((g) => g.rows) };
    checked.push(
      checkReportFile(
        {
          file: `本工作簿·${grid.name}`,
          sha256: await options.fingerprint(whole),
          grids: [grid, ...own],
        },
        { month: options.month, quotas, lists }
      )
    );
  }
  return checked;
}

/**
 * The list sheets of this workbook that go with a form sheet: those named after its college
 * (外国语学院培训名单); when none is, all of them if this is the only sheet rolled up, else none.
 */
function listsOfSheet(
  grid: Grid,
  workbookLists: readonly Grid[],
  sheets: number,
  month: YearMonth | null
): readonly Grid[] {
  if (workbookLists.length === 0) return [];
  const college = validateWorkbook([grid], { fileName: null, month })[0]?.college;
  const prefix = college ? collegeListPrefix(college) : null;
  const named = prefix ? workbookLists.filter((g) => g.name.startsWith(prefix)) : [];
  return named.length > 0 ? named : sheets === 1 ? workbookLists : [];
}

/** Whether a sheet of this workbook may hold lists: not a chosen form, 表1–表4 or a sheet of ours. */
function mayHoldLists(
  state: WorkbookState,
  options: RollUpInWorkbookOptions
): (name: string) => boolean {
  const skip = new Set([
    ...options.sheets,
    ...TABLE_SHEETS,
    LEDGER_SHEET,
    LIST_LEDGER_SHEET,
    ...state.owned.values(),
  ]);
  return (name) => !skip.has(name);
}

interface WorkbookState extends Ownership {
  readonly existing: ReadonlySet<string>;
}

const isOurs = (state: WorkbookState, sheet: string) => [...state.owned.values()].includes(sheet);

const notOurs = (sheet: string) => ({ error: foreignSheetMessage(sheet) });

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

/**
 * 名单台账 appended to in place when the sheet holds exactly the rows read (header first, no blank
 * rows) and the roll-up kept them all, in order (no college-month handed in again): only the new
 * rows are written, so a month's write does not grow with the year. Otherwise undefined: rewritten.
 */
function appended(
  sheetRows: readonly (readonly unknown[])[],
  master: MasterLists,
  ledger: RollUpResult["listLedger"]
): SheetTarget["update"] {
  const before = master.rows;
  const after = ledger?.rows ?? [];
  // A key check value recorded for the first time changes the header: the sheet is rewritten.
  if (ledger?.keyCheck !== master.keyCheck) return undefined;
  if (before.length === 0 || sheetRows.length !== before.length + 1) return undefined;
  if (after.length < before.length || before.some((row, i) => after[i] !== row)) return undefined;
  return {
    rows: Array.from({ length: after.length - before.length }, (_, i) => before.length + 1 + i),
    rowsBefore: sheetRows.length,
  };
}
