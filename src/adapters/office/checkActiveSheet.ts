import type { QuotaLookup } from "../../core/report/quotaLookup";
import { readQuotaLookup } from "../../core/report/quotaLookup";
import type { YearMonth } from "../../core/report/reportMonth";
import { ReportResult } from "../../core/report/validateReport";
import { validateWorkbook } from "../../core/report/validateWorkbook";
import type { LedgerRow } from "../../core/rollup/ledger";
import { LEDGER_SHEET, readLedger } from "../../core/rollup/ledgerSheet";
import { previousOfLedger } from "../../core/rollup/rollUp";
import { loadQuotaSheets } from "./readQuotaSheets";
import { loadUsed, usedGrid } from "./usedGrid";

export interface SheetCheck {
  readonly sheet: string;
  readonly results: readonly ReportResult[];
  /** Whether 年度任务 was checked against 表1–表4 in this workbook. */
  readonly againstQuotas: boolean;
  /** Whether 累计已完成 was checked against last month in this workbook's 月报台账. */
  readonly againstLedger: boolean;
}

/**
 * 检查本表: the active sheet, with 表1–表4 and 月报台账 when the workbook has them (the 教务处's
 * master does), in one round trip.
 */
export async function checkActiveSheet(
  context: Excel.RequestContext,
  month: YearMonth | null
): Promise<SheetCheck> {
  const active = context.workbook.worksheets.getActiveWorksheet();
  active.load("name");
  const used = loadUsed(active);
  const quotaGrids = loadQuotaSheets(context);
  const ledgerRange = loadUsed(
    context.workbook.worksheets.getItemOrNullObject(LEDGER_SHEET) as Excel.Worksheet
  );
  await context.sync();

  let quotas: QuotaLookup | null = null;
  const grids = quotaGrids();
  if (grids.length === 4) {
    try {
      quotas = readQuotaLookup(grids);
    } catch {
      quotas = null; // 表1–表4 of another kind: check the report on its own
    }
  }
  let ledger: LedgerRow[] = [];
  try {
    ledger = readLedger([usedGrid(LEDGER_SHEET, ledgerRange)]);
  } catch {
    ledger = []; // a 月报台账 this tool cannot read: check without last month
  }
  const results = validateWorkbook([usedGrid(active.name, used)], {
    fileName: null,
    month,
    quotas,
    previousOf: ledger.length > 0 ? previousOfLedger(ledger) : null,
  });
  return {
    sheet: active.name,
    results,
    againstQuotas: quotas !== null,
    againstLedger: ledger.length > 0,
  };
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
