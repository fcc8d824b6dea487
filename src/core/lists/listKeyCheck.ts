import { CellValue, Grid, eachCell } from "../grid";
import { IdHasher, keyCheckValue } from "./idHasher";
import { LEDGER_HEADERS } from "./ledgerRows";
import { LIST_LEDGER_SHEET } from "./withListFindings";

/**
 * The label of the key check value in the 名单台账's header row, right of the column headers; the
 * value is the next cell. It sits with the hashes it vouches for (not in a 参数 sheet): a master
 * made by `quota rollup -o` has no 参数 sheet (that is the quota workbook's), and a 名单台账 copied
 * into another master carries its check with it.
 */
export const KEY_CHECK_LABEL = "密钥校验值";

/** The master's 名单台账 as the roll-up needs it: its rows (header left out) and the key check value. */
export interface MasterLists {
  readonly rows: readonly (readonly CellValue[])[];
  /** `keyCheckValue` of the key its 身份证号摘要 were made with; null when none was recorded. */
  readonly keyCheck: string | null;
}

export const NO_MASTER_LISTS: MasterLists = { rows: [], keyCheck: null };

/** The key check value written in a 名单台账 header row, or null. */
export function readKeyCheck(header: readonly CellValue[] | undefined): string | null {
  let found: string | null = null;
  let next = false;
  eachCell(header, (value) => {
    const text = value === null ? "" : String(value).trim();
    if (next && found === null) found = text === "" ? null : text;
    next = text === KEY_CHECK_LABEL;
  });
  return found;
}

/** The master's 名单台账 from its grid (null: the master has none). */
export function masterListsOf(grid: Grid | null | undefined): MasterLists {
  if (!grid) return NO_MASTER_LISTS;
  const rows: (readonly CellValue[])[] = [];
  grid.rows.forEach((row, r) => {
    if (r > 0 && row && row.length > 0) rows.push(row);
  });
  return { rows, keyCheck: readKeyCheck(grid.rows[0]) };
}

/** The master's 名单台账 among a workbook's grids, by its sheet name. */
export function masterListsIn(grids: readonly Grid[]): MasterLists {
  return masterListsOf(grids.find((g) => g.name === LIST_LEDGER_SHEET));
}

/** Whether any row of the 名单台账 holds a 身份证号摘要. */
function hasIdHashes(rows: MasterLists["rows"]): boolean {
  const column = LEDGER_HEADERS.indexOf("身份证号摘要");
  return rows.some((r) => r[column] !== null && r[column] !== undefined && r[column] !== "");
}

/**
 * How a run's key stands against the master's recorded check value: "none" (the master has one,
 * the run no key), "other" (another key), null (they agree, or the master records none).
 */
export function keyMismatch(
  recorded: string | null,
  hasher: IdHasher | null
): "none" | "other" | null {
  if (recorded === null) return null;
  if (!hasher) return "none";
  return keyCheckValue(hasher) === recorded ? null : "other";
}

/** A run refused because its key cannot be matched with the master's; or a note to say. */
export type KeyCheckOutcome =
  { readonly refused: string } | { readonly keyCheck: string | null; readonly note?: string };

/**
 * The one rule for the key of 身份证号摘要 against the master (CLI, page and pane alike): a master
 * that records a key check refuses a run with another key or with none, since every ID duplicate
 * would then be missed without a word; a master without one takes the run's key (recorded from now
 * on), or none. `keyCheck` is what the new 名单台账 records.
 */
export function checkListKey(master: MasterLists, hasher: IdHasher | null): KeyCheckOutcome {
  const mine = hasher ? keyCheckValue(hasher) : null;
  const mismatch = keyMismatch(master.keyCheck, hasher);
  if (mismatch === "none")
    return {
      refused: `总表“${LIST_LEDGER_SHEET}”中的身份证号摘要是用学校的身份证号密钥生成的（密钥校验值 ${master.keyCheck}），本次汇总没有提供密钥。没有密钥就无法按身份证号查重，请提供生成该总表时所用的同一密钥后重新汇总。总表没有改动。`,
    };
  if (mismatch === "other")
    return {
      refused: `本次提供的身份证号密钥与生成总表“${LIST_LEDGER_SHEET}”时所用的密钥不同（总表的密钥校验值 ${master.keyCheck}，本次 ${mine}）。密钥不同，身份证号摘要就无法比对，跨学院、跨月份的重复会全部漏掉。请改用原来的密钥后重新汇总；确需更换密钥，须用新密钥从各月的原始名单重新汇总一份新总表。总表没有改动。`,
    };
  if (master.keyCheck === null && mine !== null && hasIdHashes(master.rows))
    return {
      keyCheck: mine,
      note: `总表“${LIST_LEDGER_SHEET}”中已有身份证号摘要，但没有记录密钥校验值，无法确认本次的密钥与当时相同；如密钥不同，按身份证号查重会漏掉重复。本次起总表记录密钥校验值 ${mine}。`,
    };
  return { keyCheck: mine ?? master.keyCheck };
}
