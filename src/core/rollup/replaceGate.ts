import { LedgerEntry, LedgerRow, collegeMonth } from "./ledger";
import type { Rejected } from "./rejected";

export interface Replacement {
  readonly key: string;
  readonly oldFile: string;
  readonly newFile: string;
}

/**
 * A college-month already in the ledger from another file is replaced only when asked: without
 * `replace` the new report is rejected, naming the file that stays; with it, the replacement is
 * listed with both files.
 */
export function replaceGate(
  ledger: readonly LedgerRow[],
  entries: readonly LedgerEntry[],
  replace: boolean
): { entries: LedgerEntry[]; rejected: Rejected[]; replacements: Replacement[] } {
  const earlier = new Map<string, { file: string; sha256: string }>();
  for (const r of ledger) earlier.set(collegeMonth(r.college, r.month), r);
  const kept: LedgerEntry[] = [];
  const rejected: Rejected[] = [];
  const replacements: Replacement[] = [];
  for (const entry of entries) {
    const key = collegeMonth(entry.college, entry.month);
    const old = earlier.get(key);
    if (!old || old.sha256 === entry.sha256) {
      kept.push(entry);
      continue;
    }
    if (replace) {
      kept.push(entry);
      replacements.push({ key, oldFile: old.file, newFile: entry.file });
      continue;
    }
    rejected.push({
      file: entry.file,
      fileName: entry.file,
      sheet: null,
      college: entry.college,
      month: entry.month,
      errors: [
        {
          code: "replace-needed",
          cell: null,
          message: `${entry.college} ${entry.month} 已由文件“${old.file}”导入总表；要用“${entry.file}”替换它，请加 --replace 重新汇总`,
        },
      ],
    });
  }
  return { entries: kept, rejected, replacements };
}
