import { stat } from "fs/promises";
import { basename } from "path";
import { readWorkbookFromFile } from "../adapters/xlsx/node";
import { ownedSheetsByKey } from "../adapters/xlsx/writeWorkbookInto";
import { InputError } from "../core/errors";
import { QUOTA_SHEETS } from "../core/quotaWorkbook";

/** What a workbook is, by the ownership names (_QUOTA_*) its sheets carry. */
export type WorkbookKind = "master" | "quotas" | "report" | "foreign";

export const REPORT_KEY = "report";

export function kindOfKeys(keys: readonly string[]): WorkbookKind {
  if (keys.includes("ledger") || keys.some((k) => k.startsWith("summary_"))) return "master";
  if (keys.length > 0 && keys.every((k) => k in QUOTA_SHEETS)) return "quotas";
  if (keys.length > 0 && keys.every((k) => k === REPORT_KEY)) return "report";
  return "foreign";
}

const KIND_NAMES: Readonly<Record<WorkbookKind, string>> = {
  master: "一份总表（含月报台账或汇总表）",
  quotas: "一份任务分配表",
  report: "一份月报表",
  foreign: "一个不是本工具生成的工作簿",
};

/** What the file at `path` is; null when there is nothing there to lose (no file, or 0 bytes). */
export async function existingKind(path: string): Promise<WorkbookKind | null> {
  const info = await stat(path).catch(() => null);
  if (!info?.isFile() || info.size === 0) return null;
  const workbook = await readWorkbookFromFile(path).catch(() => null);
  return workbook ? kindOfKeys([...ownedSheetsByKey(workbook).keys()]) : "foreign";
}

/**
 * A command writes over only what it made itself: `generate` a quota workbook, `template` a
 * report; anything else (a master, a person's own workbook) only with --force.
 */
export async function refuseToOverwrite(
  path: string,
  own: WorkbookKind | null,
  force: boolean | undefined
): Promise<void> {
  if (force) return;
  const kind = await existingKind(path);
  if (kind === null || kind === own) return;
  const hint =
    kind === "master"
      ? "覆盖会丢失以前各月；要把本月并入其中，请用 rollup --into 同一文件；"
      : "覆盖会丢失其中的内容；";
  throw new InputError(
    `已存在，是${KIND_NAMES[kind]}，未覆盖。${hint}请换一个输出文件名，确需覆盖请加 --force`
  ).at(`文件“${basename(path)}”`);
}
