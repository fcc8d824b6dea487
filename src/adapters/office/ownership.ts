import { ownershipKey, sheetOfReference } from "../../core/ownedSheets";

export interface Ownership {
  /** Ownership key (table1, ledger …) → the sheet of ours that carries it now. */
  readonly owned: ReadonlyMap<string, string>;
  /** Keys whose name outlived its sheet (it reads =#REF!$A$1): the name must go before it is added again. */
  readonly stale: ReadonlySet<string>;
  /** Tables by sheet name, so that a sheet of ours can be rewritten cleanly. */
  readonly tables: ReadonlyMap<string, readonly string[]>;
}

export interface OwnershipLoad {
  readonly names: Excel.NamedItemCollection;
  readonly tables: Excel.TableCollection;
}

/** Queues the loads that tell which sheets are ours; read them with `readOwnership` after the sync. */
export function loadOwnership(context: Excel.RequestContext): OwnershipLoad {
  const names = context.workbook.names;
  names.load("items/name,items/formula");
  const tables = context.workbook.tables;
  tables.load("items/name,items/worksheet/name");
  return { names, tables };
}

export function readOwnership({ names, tables }: OwnershipLoad): Ownership {
  const owned = new Map<string, string>();
  const stale = new Set<string>();
  for (const item of names.items) {
    const key = ownershipKey(item.name);
    if (key === null) continue;
    const sheet = sheetOfReference(item.formula);
    if (sheet) owned.set(key, sheet);
    else stale.add(key);
  }
  const bySheet = new Map<string, string[]>();
  for (const table of tables.items) {
    const list = bySheet.get(table.worksheet.name) ?? [];
    list.push(table.name);
    bySheet.set(table.worksheet.name, list);
  }
  return { owned, stale, tables: bySheet };
}
