import { parseMonth } from "../core/report/reportMonth";
import { LEDGER_SHEET } from "../core/rollup/ledgerSheet";
import { checkReportFile, rollUp, RollUpResult } from "../core/rollup/rollUp";
import { importTimeZone, localTime } from "../core/rollup/localTime";
import type { IdHasher } from "../core/lists/idHasher";
import { NO_MASTER_LISTS } from "../core/lists/listKeyCheck";
import { saveFile } from "./saveFile";
import { confirmInPane } from "./confirmDialog";
import { h, reveal, show } from "./dom";
import { filePicker, notePicker, progressBar, SHEET_FILES } from "./filePicker";
import { idKeyField, keyOrRefusal, NO_ID_KEY_PAGE } from "./idKeyField";
import { loadChartAdder, loadLeanWriter, loadMasterWriter, loadNewChartAdder } from "./loadExcelJs";
import { PageMaster, masterNotes, readPageMaster } from "./pageMaster";
import { monthField, readReports, referencePicker, skippedNotes } from "./pagePickers";
import { quotaPicker, quotaReference } from "./quotaReference";
import type { PickedFile } from "./readReportFiles";
import type { WorkbookModel } from "../core/workbookModel";
import { rejectedList, rollupView } from "./rollupView";
import { describeError, setStatus, showError } from "./status";

/** Last month's master as picked: its bytes (written into) and its ledgers (read). */
interface Master {
  readonly picked: PickedFile;
  readonly data: PageMaster;
}

/** The message when no report can be rolled up: nothing is written or offered. */
export const NOTHING_TO_ROLL_UP = "没有可汇总的报表：所选报表都有错误，未生成总表，也不提供下载。";

/** Asks before college-months already in the master are replaced; false leaves the master as it was. */
async function confirmReplace(host: HTMLElement, result: RollUpResult): Promise<boolean> {
  const replaced = result.outcome.replaced;
  if (replaced.length === 0) return true;
  return confirmInPane(
    host,
    `总表中已有 ${replaced.join("、")} 的数据，将用这次选择的报表替换（其他月份不变）。确定替换吗？`,
    "替换",
    "不替换"
  );
}

/** Last month's master for the roll-up: its 月报台账 (found by its ownership name when renamed) and 名单台账. */
function masterPicker(onPicked: (master: Master | null) => void): HTMLElement {
  return referencePicker(
    "master-file",
    "选择上月总表（可选）",
    "未选择（新建总表）",
    (picked) => {
      onPicked(null);
      if (!picked) return "";
      const data = readPageMaster(picked.grids, picked.definedNames);
      if (!data)
        throw new Error(`“${picked.name}”中没有“${LEDGER_SHEET}”工作表，不是本工具汇总得到的总表`);
      onPicked({ picked, data });
      return `已选：${picked.name}（本月数据将并入此总表）`;
    },
    "请选择上个月汇总时下载的总表；第一次汇总可以不选。"
  );
}

/** The reports and their lists against the master, rolled up as `quota rollup` does. */
function rollUpReports(
  reports: readonly PickedFile[],
  at: { month: string; master: Master | null },
  hasher: IdHasher | null
) {
  const reference = quotaReference();
  const ym = parseMonth(at.month);
  const quotas = reference?.quotas ?? null;
  const checked = reports.map((p) => checkReportFile(p, { month: ym, quotas, lists: { hasher } }));
  const result = rollUp(checked, {
    ledger: at.master?.data.ledger ?? [],
    quotas,
    schoolTargets: reference?.schoolTargets ?? null,
    month: at.month || null,
    importedAt: localTime(new Date(), importTimeZone(undefined)),
    lists: { master: at.master?.data.lists ?? NO_MASTER_LISTS, hasher },
  });
  const anyLists = !("error" in result) && result.listLedger !== null;
  return { result, anyLists };
}

/**
 * The master to download: a new one by our own writer, its charts added by LeanZip; exceljs and
 * JSZip only to write into last month's master (its earlier charts kept).
 */
async function masterBytes(model: WorkbookModel, master: PickedFile | null): Promise<Uint8Array> {
  if (!master) {
    const [writer, charts] = await Promise.all([loadLeanWriter(), loadNewChartAdder()]);
    return charts.addChartsToNew(writer.leanXlsxBytes(model), model);
  }
  const [into, addCharts] = await Promise.all([loadMasterWriter(), loadChartAdder()]);
  return addCharts(await into(master.bytes, model, addCharts.keeper), model);
}

/** The month's roll-up of picked reports, each step said beside the reports' picker. */
async function runRollup(
  files: File[],
  at: { output: HTMLElement; zone: HTMLElement; month: string; master: Master | null },
  hasher: IdHasher | null,
  progress: ReturnType<typeof progressBar>
): Promise<void> {
  const { output, zone, master } = at;
  const { reports, skipped } = await readReports(files, progress);
  const { result, anyLists } = rollUpReports(reports, at, hasher);
  const notes = [
    ...skipped,
    ...(master ? masterNotes(master.data) : []),
    ...(anyLists && !hasher ? [NO_ID_KEY_PAGE] : []),
  ];
  if ("error" in result) {
    show(output, skippedNotes(notes));
    notePicker(zone, "error", result.error, "请在上方“汇总月份”中选择月份后重新选择报表。");
    setStatus("error", result.error, "请在上方选择汇总月份后重试。");
    return;
  }
  if (result.accepted === 0) {
    // Nothing valid: no master with an empty 汇总 is offered (as `quota rollup` writes nothing).
    show(output, skippedNotes(notes), rejectedList(result.rejected));
    notePicker(zone, "error", NOTHING_TO_ROLL_UP, "请按下方的错误改正报表后重新选择。");
    setStatus("error", NOTHING_TO_ROLL_UP);
    reveal(output);
    return;
  }
  if (!(await confirmReplace(output, result))) {
    show(output, skippedNotes(notes));
    notePicker(zone, "info", "已取消：总表没有改动。要替换时请重新选择报表并点“替换”。");
    setStatus("info", "已取消汇总，总表没有改动。");
    return;
  }
  showRollup(output, result, master?.picked ?? null, notes);
  const rejected = result.rejected.length;
  notePicker(
    zone,
    rejected ? "warning" : "success",
    `已汇总 ${result.month}：${result.summary.colleges.length} 个学院` +
      (rejected ? `；${rejected} 份报表有错误，未汇总（见下方）。` : "。")
  );
  reveal(output);
}

/** 月报汇总 on files: the reports (and last month's master) in, the new master out. */
export function rollupPanel(panel: HTMLElement): void {
  const output = h("div", { id: "rollup-output" });
  const progress = progressBar();
  const month = monthField("rollup-month");
  const idKey = idKeyField("id-key-rollup");
  let master: Master | null = null;
  const run = (files: File[]) => {
    const key = keyOrRefusal(idKey, zone);
    if (!key) return;
    setStatus("busy", `正在读取 ${files.length} 份报表…`);
    notePicker(zone, "info", `正在读取 ${files.length} 份报表…`);
    show(output, progress.element);
    const at = { output, zone, month: month.value, master };
    runRollup(files, at, key.hasher, progress).catch((error) => {
      show(output);
      notePicker(zone, "error", describeError(error).message, describeError(error).next);
      showError(error);
    });
  };
  const zone: HTMLElement = filePicker("rollup-files", "选择各学院月报表…", SHEET_FILES, true, run);
  show(
    panel,
    h(
      "section",
      { class: "card" },
      h("h2", { class: "card__title" }, "汇总月报"),
      h(
        "p",
        { class: "card__text" },
        "选择各学院的月报表（连同培训名单、取证名单），先逐份检查，无错误且名单与报表一致的汇总进总表（月报台账、名单台账、汇总表）。"
      ),
      quotaPicker("rollup", "未选择任务分配表（全校任务将按已报送学院之和计算）"),
      masterPicker((m) => (master = m)),
      h(
        "label",
        { class: "field__label", for: "rollup-month" },
        "汇总月份（可选，默认取多数报表的月份）"
      ),
      month,
      idKey.element,
      zone
    ),
    output
  );
}

/** The roll-up on screen and the master's download. */
function showRollup(
  output: HTMLElement,
  result: RollUpResult,
  master: PickedFile | null,
  notes: readonly string[]
): void {
  const download = h(
    "button",
    { type: "button", class: "button button--primary", id: "download-master" },
    "下载总表（.xlsx）"
  );
  download.addEventListener("click", async () => {
    try {
      const bytes = await masterBytes(result.workbook, master);
      saveFile(bytes, `总表-${result.month}.xlsx`);
      setStatus("success", "已下载总表。下月汇总时请在“选择上月总表”中选它。");
    } catch (error) {
      showError(error);
    }
  });
  show(output, download, skippedNotes(notes), rollupView(result));
  setStatus(
    result.rejected.length ? "warning" : "success",
    `已汇总 ${result.month}：${result.summary.colleges.length} 个学院。`,
    result.rejected.length ? `${result.rejected.length} 份报表有错误，未汇总。` : undefined
  );
}
