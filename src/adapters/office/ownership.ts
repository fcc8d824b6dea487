import { OWNER_NAME_PREFIX } from "../../core/workbookModel";

export interface Ownership {
  /** Ownership key (table1, ledger …) → the sheet of ours that carries it now. */
  readonly owned: ReadonlyMap<string, string>;
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
  for (const item of names.items) {
    if (!item.name.startsWith(OWNER_NAME_PREFIX)) continue;
    const sheet = sheetOfReference(item.formula);
    if (sheet) owned.set(item.name.slice(OWNER_NAME_PREFIX.length), sheet);
  }
  const bySheet = new Map<string, string[]>();
  for (const table of tables.items) {
    const list = bySheet.get(table.worksheet.name) ?? [];
    list.push(table.name);
    bySheet.set(table.worksheet.name, list);
  }
  return { owned, tables: bySheet };
}

/** "='表1'!$A$1" or "=Sheet1!$A$1" → the sheet name; null for #REF! (the sheet was deleted). */
export function sheetOfReference(formula: string): string | null {
  const match = /^=?(?:'((?:[^']|'')+)'|([^'!]+))!/.exec(formula);
  if (!match) return null;
  return match[1] !== undefined ? match[1].replace(/''/g, "'") : match[2]!;
}
