import type { Grid } from "../grid";
import { LEDGER_SHEET } from "../rollup/ledgerSheet";

/**
 * What the tool itself wrote, recognised by its sheets: a quota workbook (表1–表4), a master
 * (月报台账), a 问题清单. Such a file in a folder of reports is not a report; null for anything else.
 */
export function ownWorkbook(grids: readonly Grid[]): string | null {
  const names = new Set(grids.map((g) => g.name));
  if (["表1", "表2", "表3", "表4"].every((n) => names.has(n))) return "任务分配表";
  if (names.has(LEDGER_SHEET)) return "总表";
  if (names.has("问题清单")) return "问题清单";
  return null;
}

/** The note for a skipped workbook of ours, naming the file. */
export function ownWorkbookNote(file: string, kind: string): string {
  return `“${file}”是${kind}，不是月报表，已跳过`;
}
