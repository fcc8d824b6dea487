import type { Grid } from "../core/grid";
import { QuotaLookup, readQuotaLookup } from "../core/report/quotaLookup";
import { readSchoolTargets } from "../core/rollup/readSchoolTargets";
import type { SchoolTargets } from "../core/rollup/rollupSummary";
import { h } from "./dom";
import { filePicker, notePicker, WORKBOOK_FILES } from "./filePicker";
import { readPickedFiles } from "./readReportFiles";
import { describeError } from "./status";

/** The quota workbook, picked once and used by every tab (月报检查, 月报汇总, 月报表). */
export interface QuotaReference {
  readonly quotas: QuotaLookup;
  readonly schoolTargets: SchoolTargets | null;
  readonly name: string;
}

let current: QuotaReference | null = null;
const listeners = new Set<(reference: QuotaReference | null) => void>();

export function quotaReference(): QuotaReference | null {
  return current;
}

/** Sets (or clears) the quota workbook for every tab and tells every picker. */
export function setQuotaReference(reference: QuotaReference | null): void {
  current = reference;
  for (const listener of listeners) listener(reference);
}

/** Reads a picked quota workbook; a problem is thrown as a message naming the file. */
export function readQuotaReference(grids: readonly Grid[], name: string): QuotaReference {
  try {
    return { quotas: readQuotaLookup(grids), schoolTargets: readSchoolTargets(grids), name };
  } catch (error) {
    throw new Error(`“${name}”不能用作任务分配表：${describeError(error).message}`);
  }
}

const label = (r: QuotaReference | null, none: string) =>
  r ? `已选：${r.name}（${r.quotas.colleges.length} 个学院，各页通用）` : none;

/**
 * The quota workbook picker of a tab: every tab shows the same choice; a failed pick says why
 * beside the picker and clears the old choice, so no tab goes on with a file the person replaced.
 */
export function quotaPicker(idSuffix: string, none: string): HTMLElement {
  const shown = h("span", { class: "muted picker-choice" }, label(current, none));
  const zone = filePicker(
    `quota-file-${idSuffix}`,
    "选择任务分配表",
    WORKBOOK_FILES,
    false,
    async ([file]) => {
      notePicker(zone, "info", `正在读取“${file!.name}”…`);
      try {
        const [picked] = await readPickedFiles([file!], () => undefined);
        if (!picked!.grids) throw new Error(picked!.error);
        setQuotaReference(readQuotaReference(picked!.grids, file!.name));
        notePicker(zone, "success", `已读取任务分配表“${file!.name}”。`);
      } catch (error) {
        setQuotaReference(null);
        notePicker(
          zone,
          "error",
          describeError(error).message,
          "请选择由本工具“生成任务分配表”下载的任务分配表（含表1–表4）。"
        );
      }
    }
  );
  const update = (r: QuotaReference | null) => (shown.textContent = label(r, none));
  listeners.add(update);
  return h("div", { class: "stack picker-group" }, zone, shown);
}

/** Calls `listener` whenever the quota workbook changes (another tab's pick included). */
export function onQuotaReference(listener: (reference: QuotaReference | null) => void): void {
  listeners.add(listener);
}
