import type { Grid } from "../../core/grid";
import { listKindOfName, locateList } from "../../core/lists/locateList";
import { masterListsOf } from "../../core/lists/listKeyCheck";
import { MasterLedgers } from "../../core/lists/masterLedgers";
import {
  LIST_LEDGER_SHEET,
  reportLists,
  withListFindings,
} from "../../core/lists/withListFindings";
import { QuotaError } from "../../core/errors";
import { collegeListPrefix } from "../../core/report/collegeTemplates";
import { QUOTA_SHEETS } from "../../core/quotaWorkbook";
import type { QuotaLookup } from "../../core/report/quotaLookup";
import { readQuotaLookup } from "../../core/report/quotaLookup";
import type { YearMonth } from "../../core/report/reportMonth";
import type { ReportResult, ValidateOptions } from "../../core/report/validateReport";
import { validateWorkbook } from "../../core/report/validateWorkbook";
import type { LedgerRow } from "../../core/rollup/ledger";
import { LEDGER_SHEET, readLedger } from "../../core/rollup/ledgerSheet";
import { previousOfLedger } from "../../core/rollup/rollUp";
import { Ownership, loadOwnership, readOwnership } from "./ownership";
import { loadSheets } from "./usedGrid";

export interface SheetCheck {
  readonly sheet: string;
  readonly results: readonly ReportResult[];
  /** Whether 年度任务 was checked against 表1–表4 in this workbook. */
  readonly againstQuotas: boolean;
  /** Whether 累计已完成 was checked against last month in this workbook's 月报台账. */
  readonly againstLedger: boolean;
  /** The sheets read as 培训名单 / 取证名单 with the form (none: the form was checked alone). */
  readonly listSheets: readonly string[];
  /** Whether the lists were checked across months and colleges against this workbook's 名单台账. */
  readonly againstListLedger: boolean;
}

/** The sheets of 表1–表4 (a master holds them). */
export const TABLE_SHEETS: readonly string[] = [
  QUOTA_SHEETS.table1,
  QUOTA_SHEETS.table2,
  QUOTA_SHEETS.table3,
  QUOTA_SHEETS.table4,
];

/** The workbook's own sheets that hold no list: 表1–表4, the ledgers and every sheet of ours. */
function notLists(own: Ownership): Set<string> {
  return new Set([...TABLE_SHEETS, LEDGER_SHEET, LIST_LEDGER_SHEET, ...own.owned.values()]);
}

/**
 * 检查本表: the active sheet with the workbook's 培训名单 / 取证名单 (any sheet holding a list,
 * however named), and 表1–表4, 月报台账 and 名单台账 when the workbook has them (the 教务处's
 * master does), in one round trip: one more in a workbook of more than 30 sheets, and for a sheet
 * longer than 3,000 rows (a year's 名单台账) one per 5,000 rows more, so that no response nears 5 MB.
 */
export async function checkActiveSheet(
  context: Excel.RequestContext,
  month: YearMonth | null
): Promise<SheetCheck> {
  const active = context.workbook.worksheets.getActiveWorksheet();
  active.load("name");
  const ownership = loadOwnership(context);
  const read = loadSheets(context);
  await context.sync();

  const own = readOwnership(ownership);
  const ledgerName = own.owned.get("ledger") ?? LEDGER_SHEET;
  const listLedgerName = own.owned.get("listLedger") ?? LIST_LEDGER_SHEET;
  const needed = new Set([active.name, ...TABLE_SHEETS, ledgerName, listLedgerName]);
  const grids = await read((name) => needed.has(name) || listKindOfName(name) !== null);
  const byName = new Map(grids.map((g) => [g.name, g]));
  const quotas = quotasOf(TABLE_SHEETS.flatMap((n) => byName.get(n) ?? []));
  const ledger = ledgerOf(byName.get(ledgerName));
  const master = listLedgerOfSheet(byName.get(listLedgerName));
  const options = {
    fileName: null,
    month,
    quotas,
    previousOf: ledger.length > 0 ? previousOfLedger(ledger) : null,
  };
  const skip = notLists(own);
  const forms = formsToCheck(active.name, grids, skip, options);
  const formSheets = new Set(forms.map((r) => r.sheet));
  const listGrids = grids.filter((g) => !skip.has(g.name) && !formSheets.has(g.name));
  const listSheets = new Set<string>();
  const results = forms.map((result) => {
    const against = master?.for(result.college, result.month) ?? null;
    const lists = reportLists(result, listGrids, {
      master: against,
      hasher: null,
      shared: sharesLists(result, listGrids),
    });
    for (const l of lists?.check.locations ?? []) listSheets.add(l.sheet);
    return withListFindings(result, lists, against);
  });
  return {
    sheet: active.name,
    results,
    againstQuotas: quotas !== null,
    againstLedger: ledger.length > 0,
    listSheets: [...listSheets],
    againstListLedger: master !== null && listSheets.size > 0,
  };
}

/**
 * The form on the active sheet; when the active sheet is a list (the person is on 取证名单), the
 * form it goes with: the workbook's forms, those of the college the list is named after if any is.
 */
function formsToCheck(
  activeName: string,
  grids: readonly Grid[],
  skip: ReadonlySet<string>,
  options: ValidateOptions
): ReportResult[] {
  const activeGrid = grids.find((g) => g.name === activeName) ?? { name: activeName, rows: [] };
  if (locateList(activeGrid) === null) return validateWorkbook([activeGrid], options);
  const candidates = grids.filter((g) => !skip.has(g.name) && locateList(g) === null);
  const forms = validateWorkbook(candidates.length > 0 ? candidates : [activeGrid], options);
  const named = forms.filter((r) => {
    const college = r.college ?? r.report?.college;
    return (
      college !== null && college !== undefined && activeName.startsWith(collegeListPrefix(college))
    );
  });
  return named.length > 0 ? named : forms;
}

/** 表1–表4 of this workbook as the quota lookup; null when absent or of another kind. */
function quotasOf(grids: readonly Grid[]): QuotaLookup | null {
  if (grids.filter((g) => g.rows.length > 0).length !== 4) return null;
  try {
    return readQuotaLookup(grids);
  } catch (error) {
    if (!(error instanceof QuotaError)) throw error;
    return null; // 表1–表4 of another kind: check the report on its own
  }
}

function ledgerOf(grid: Grid | undefined): LedgerRow[] {
  if (!grid) return [];
  try {
    return readLedger([{ ...grid, name: LEDGER_SHEET }]);
  } catch (error) {
    if (!(error instanceof QuotaError)) throw error;
    return []; // a 月报台账 this tool cannot read: check without last month
  }
}

/** The workbook's 名单台账; a resubmitted college-month is checked without its own earlier rows. */
function listLedgerOfSheet(grid: Grid | undefined): MasterLedgers | null {
  if (!grid || grid.rows.length <= 1) return null;
  return new MasterLedgers(masterListsOf(grid).rows);
}

/** A workbook of several colleges' forms: each takes the lists named after it (外国语学院培训名单). */
function sharesLists(result: ReportResult, grids: readonly Grid[]): boolean {
  const college = result.college ?? result.report?.college;
  if (!college) return false;
  const prefix = collegeListPrefix(college);
  return grids.some((g) => g.name.startsWith(prefix) && listKindOfName(g.name) !== null);
}

/** Selects a cell of a sheet, for a finding clicked in the pane. */
export async function selectCell(
  context: Excel.RequestContext,
  sheet: string,
  address: string
): Promise<void> {
  const ws = context.workbook.worksheets.getItem(sheet);
  ws.activate();
  ws.getRange(address).select();
  await context.sync();
}

const HIGHLIGHT = "#FFC7CE";

/** The fills the cells had before they were highlighted, to put back. */
export type SavedFills = ReadonlyMap<string, string>;

/**
 * Marks the cells with a light red fill; only the fill changes, never a value. Returns their
 * earlier fills for `clearHighlight`.
 */
export async function highlightCells(
  context: Excel.RequestContext,
  sheet: string,
  addresses: readonly string[]
): Promise<SavedFills> {
  const ws = context.workbook.worksheets.getItem(sheet);
  const ranges = addresses.map((address) => {
    const range = ws.getRange(address);
    range.load("format/fill/color");
    return { address, range };
  });
  await context.sync();
  const saved = new Map<string, string>();
  for (const { address, range } of ranges) {
    saved.set(address, range.format.fill.color);
    range.format.fill.color = HIGHLIGHT;
  }
  await context.sync();
  return saved;
}

/** Puts back the fills `highlightCells` replaced (a cell that had none gets none). */
export async function clearHighlight(
  context: Excel.RequestContext,
  sheet: string,
  saved: SavedFills
): Promise<void> {
  const ws = context.workbook.worksheets.getItem(sheet);
  for (const [address, color] of saved) {
    if (!color || color === "#FFFFFF") ws.getRange(address).format.fill.clear();
    else ws.getRange(address).format.fill.color = color;
  }
  await context.sync();
}
