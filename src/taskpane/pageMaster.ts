import { ownershipKey, sheetOfReference } from "../core/ownedSheets";
import { MasterLists, masterListsOf } from "../core/lists/listKeyCheck";
import type { DefinedName } from "../adapters/read/workbookData";
import type { Grid } from "../core/grid";
import { SECTIONS } from "../core/report/reportLayout";
import type { LedgerRow } from "../core/rollup/ledger";
import { LEDGER_SHEET, readLedger } from "../core/rollup/ledgerSheet";
import { LIST_LEDGER_SHEET } from "../core/lists/withListFindings";

/** A master (总表) as the page reads it: 月报台账 and 名单台账, each found by its ownership name. */
export interface PageMaster {
  /** The sheet that carries 月报台账 now (a person may have renamed it). */
  readonly ledgerName: string;
  readonly ledger: LedgerRow[];
  /** 名单台账's rows without the header; empty when the master has no lists yet. */
  /** Its 名单台账's rows and key check value. */
  readonly lists: MasterLists;
  /** The master has a 名单台账 (else, as `validate --previous`, 累计 is not compared with the lists). */
  readonly hasListLedger: boolean;
}

/** Our sheets by ownership key (_QUOTA_ledger → the sheet it points at now), as the CLI and the pane find them. */
export function ownedSheets(
  grids: readonly Grid[],
  names: readonly DefinedName[] = []
): Map<string, string> {
  const present = new Set(grids.map((g) => g.name));
  const owned = new Map<string, string>();
  for (const n of names) {
    const key = ownershipKey(n.name);
    const sheet = key === null ? null : sheetOfReference(n.ref);
    if (key !== null && sheet !== null && present.has(sheet)) owned.set(key, sheet);
  }
  return owned;
}

/**
 * The master in a picked workbook, or null when it has no 月报台账 (under its own name or, renamed,
 * under its ownership name). A 月报台账 that cannot be read throws (QuotaError), naming the cell.
 */
export function readPageMaster(
  grids: readonly Grid[],
  names?: readonly DefinedName[]
): PageMaster | null {
  const owned = ownedSheets(grids, names);
  const ledgerName = owned.get("ledger") ?? LEDGER_SHEET;
  if (!grids.some((g) => g.name === ledgerName)) return null;
  const ledger = readLedger(grids, ledgerName);
  const listName = owned.get("listLedger") ?? LIST_LEDGER_SHEET;
  const list = grids.find((g) => g.name === listName);
  return { ledgerName, ledger, lists: masterListsOf(list), hasListLedger: list !== undefined };
}

/** The notes the page shows about the master itself: a renamed ledger, rows edited by hand. */
export function masterNotes(master: PageMaster): string[] {
  const notes: string[] = [];
  if (master.ledgerName !== LEDGER_SHEET)
    notes.push(
      `总表的“${LEDGER_SHEET}”已改名为“${master.ledgerName}”：仍按它核对和汇总，写回时保留新名称。`
    );
  for (const r of master.ledger)
    if (r.edited)
      notes.push(
        `总表“${master.ledgerName}”中 ${r.college} ${r.month} ${SECTIONS[r.section].name} 的一行被手工改动过（校验值不符）；这是总表的改动，不是学院报表的问题。改动无误可清空该行“校验”单元格。`
      );
  return notes;
}
