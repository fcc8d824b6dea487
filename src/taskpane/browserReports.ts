import { writeWorkbook } from "../adapters/xlsx/writeWorkbook";
import { writeWorkbookInto } from "../adapters/xlsx/writeWorkbookInto";
import type { Grid } from "../core/grid";
import { ownWorkbook, ownWorkbookNote } from "../core/report/ownWorkbook";
import { previousFromGrids } from "../core/report/previousMonth";
import { problemListWorkbook, problemRows } from "../core/report/problemList";
import { parseMonth } from "../core/report/reportMonth";
import type { ReportResult, ValidateOptions } from "../core/report/validateReport";
import { unreadableFile, validateWorkbook } from "../core/report/validateWorkbook";
import { LEDGER_SHEET, readLedger } from "../core/rollup/ledgerSheet";
import { checkReportFile, previousOfLedger, rollUp, RollUpResult } from "../core/rollup/rollUp";
import { importTimeZone, localTime } from "../core/rollup/localTime";
import { saveFile } from "./saveFile";
import { confirmInPane } from "./confirmDialog";
import { h, reveal, show } from "./dom";
import { filePicker, notePicker, progressBar, SHEET_FILES, WORKBOOK_FILES } from "./filePicker";
import { findingsView } from "./findingsView";
import { loadChartAdder, loadExcelJs } from "./loadExcelJs";
import { quotaPicker, quotaReference } from "./quotaReference";
import { PickedFile, readPickedFiles } from "./readReportFiles";
import { rollupView } from "./rollupView";
import { describeError, setStatus, showError } from "./status";

/**
 * One reference workbook picked beside the reports: `use` reads its sheets and returns the label
 * to show; a failure is said beside the picker and clears the old choice (`use(null)`).
 */
function referencePicker(
  id: string,
  button: string,
  none: string,
  use: (picked: (PickedFile & { grids: readonly Grid[]; name: string }) | null) => string,
  next: string
): HTMLElement {
  const label = h("span", { class: "muted picker-choice" }, none);
  const zone = filePicker(id, button, WORKBOOK_FILES, false, async ([file]) => {
    notePicker(zone, "info", `正在读取“${file!.name}”…`);
    try {
      const [picked] = await readPickedFiles([file!], () => undefined);
      if (!picked!.grids) throw new Error(picked!.error);
      label.textContent = use({ ...picked!, grids: picked!.grids, name: file!.name });
      notePicker(zone, "success", `已读取“${file!.name}”。`);
    } catch (error) {
      label.textContent = use(null) || none;
      notePicker(zone, "error", describeError(error).message, next);
    }
  });
  return h("div", { class: "stack picker-group" }, zone, label);
}

function monthField(id: string): HTMLInputElement {
  return h("input", {
    id,
    type: "month",
    class: "field__control field__control--short",
    "aria-label": "报表月份（可选）",
  });
}

type Previous = Pick<ValidateOptions, "previous" | "previousOf">;

/** Last month for the check: last month's reports, or a master whose 月报台账 gives each report's month before. */
function previousPicker(onPicked: (previous: Previous) => void): HTMLElement {
  return referencePicker(
    "previous-file-check",
    "选择上月月报或总表（可选）",
    "未选择（不核对上月累计）",
    (picked) => {
      if (!picked) {
        onPicked({});
        return "";
      }
      const { grids, name } = picked;
      if (grids.some((g) => g.name === LEDGER_SHEET)) {
        onPicked({ previousOf: previousOfLedger(readLedger(grids)) });
      } else {
        const reports = previousFromGrids(grids, quotaReference()?.quotas ?? null);
        if (!reports) throw new Error(`“${name}”中没有找到上月的月报表（附件6）或月报台账`);
        onPicked({ previous: reports });
      }
      return `已选：${name}（将核对累计已完成 = 上月累计 + 当月完成）`;
    },
    "请选择上个月各学院的月报表，或上个月汇总得到的总表。"
  );
}

/** Reads picked reports; our own workbooks (quota workbook, master, 问题清单) are set aside with a note. */
async function readReports(
  files: File[],
  progress: ReturnType<typeof progressBar>
): Promise<{ reports: PickedFile[]; skipped: string[] }> {
  progress.start();
  try {
    const picked = await readPickedFiles(files, progress.set);
    const skipped: string[] = [];
    const reports = picked.filter((p) => {
      const own = p.grids ? ownWorkbook(p.grids) : null;
      if (own) skipped.push(ownWorkbookNote(p.file, own));
      return !own;
    });
    return { reports, skipped };
  } finally {
    progress.done();
  }
}

const skippedNotes = (skipped: readonly string[]) =>
  skipped.length
    ? h(
        "ul",
        { class: "notes", id: "skipped-files" },
        ...skipped.map((s) => h("li", { class: "note note--info" }, `${s}。`))
      )
    : null;

/** The check of picked reports: results errors first, the summary beside the reports' picker. */
async function runCheck(
  files: File[],
  at: { output: HTMLElement; zone: HTMLElement; month: string; previous: Previous },
  progress: ReturnType<typeof progressBar>
): Promise<void> {
  const { output, zone: reportsZone, previous } = at;
  const { reports, skipped } = await readReports(files, progress);
  const options = {
    month: parseMonth(at.month),
    quotas: quotaReference()?.quotas ?? null,
    ...previous,
  };
  const results = reports.flatMap((p) =>
    p.grids
      ? validateWorkbook(p.grids, { ...options, fileName: p.file })
      : [unreadableFile({ ...options, fileName: p.file }, p.error!)]
  );
  const bad = results.filter((r) => !r.valid).length;
  const summary = `共 ${results.length} 份：${results.length - bad} 份通过，${bad} 份有错误。`;
  show(output, skippedNotes(skipped), checkResults(results));
  notePicker(reportsZone, bad ? "warning" : "success", summary);
  setStatus(bad ? "warning" : "success", summary);
  reveal(output);
}

/** 月报检查 on files: each report's findings, errors first, and the 问题清单 to send back. */
export function checkReportsPanel(panel: HTMLElement): void {
  const output = h("div", { id: "check-output" });
  const progress = progressBar();
  const month = monthField("check-month");
  let previous: Previous = {};
  let reportsZone: HTMLElement;
  const run = async (files: File[]) => {
    setStatus("busy", `正在检查 ${files.length} 份报表…`);
    notePicker(reportsZone, "info", `正在检查 ${files.length} 份报表…`);
    show(output, progress.element);
    try {
      await runCheck(files, { output, zone: reportsZone, month: month.value, previous }, progress);
    } catch (error) {
      show(output);
      notePicker(reportsZone, "error", describeError(error).message, describeError(error).next);
      showError(error);
    }
  };
  reportsZone = filePicker(
    "report-files",
    "选择月报表…",
    SHEET_FILES,
    true,
    (files) => void run(files)
  );
  show(
    panel,
    h(
      "section",
      { class: "card" },
      h("h2", { class: "card__title" }, "检查月报表"),
      h(
        "p",
        { class: "card__text" },
        "选择一份或多份月报表（附件6），逐项检查格式和数字。选了任务分配表时同时核对年度任务；选了上月月报或总表时同时核对累计已完成。"
      ),
      quotaPicker("check", "未选择任务分配表（不核对年度任务）"),
      previousPicker((p) => (previous = p)),
      h(
        "label",
        { class: "field__label", for: "check-month" },
        "报表月份（可选，默认取自工作表名、文件名或填报时间）"
      ),
      month,
      reportsZone
    ),
    output
  );
}

/** The check's results: errors first, a filter for errors only, and the 问题清单 download. */
function checkResults(results: readonly ReportResult[]): HTMLElement {
  const ordered = [...results].sort((a, b) => Number(a.valid) - Number(b.valid));
  const list = findingsView(ordered);
  const onlyErrors = h("input", { type: "checkbox", id: "only-errors" });
  onlyErrors.addEventListener("change", () =>
    list.classList.toggle("result--errors-only", onlyErrors.checked)
  );
  const download = h(
    "button",
    { type: "button", class: "button", id: "download-problems" },
    "下载问题清单（.xlsx）"
  );
  download.addEventListener("click", async () => {
    try {
      const excel = await loadExcelJs();
      saveFile(
        await writeWorkbook(excel, problemListWorkbook(problemRows(ordered))),
        "问题清单.xlsx"
      );
      setStatus("success", "已下载问题清单：每个问题一行，错误在前，可发回各学院。");
    } catch (error) {
      showError(error);
    }
  });
  return h(
    "div",
    {},
    h(
      "div",
      { class: "result-tools" },
      h("label", { for: "only-errors" }, onlyErrors, "只看有错误的报表"),
      download
    ),
    list
  );
}

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

/** Last month's master for the roll-up: its 月报台账 is read and the new month goes into it. */
function masterPicker(onPicked: (master: PickedFile | null) => void): HTMLElement {
  return referencePicker(
    "master-file",
    "选择上月总表（可选）",
    "未选择（新建总表）",
    (picked) => {
      onPicked(null);
      if (!picked) return "";
      if (!picked.grids.some((g) => g.name === LEDGER_SHEET))
        throw new Error(`“${picked.name}”中没有“${LEDGER_SHEET}”工作表，不是本工具汇总得到的总表`);
      readLedger(picked.grids);
      onPicked(picked);
      return `已选：${picked.name}（本月数据将并入此总表）`;
    },
    "请选择上个月汇总时下载的总表；第一次汇总可以不选。"
  );
}

/** The month's roll-up of picked reports, each step said beside the reports' picker. */
async function runRollup(
  files: File[],
  at: { output: HTMLElement; zone: HTMLElement; month: string; master: PickedFile | null },
  progress: ReturnType<typeof progressBar>
): Promise<void> {
  const { output, zone, master } = at;
  const { reports, skipped } = await readReports(files, progress);
  const reference = quotaReference();
  const ym = parseMonth(at.month);
  const checked = reports.map((p) =>
    checkReportFile(p, { month: ym, quotas: reference?.quotas ?? null })
  );
  const result = rollUp(checked, {
    ledger: master?.grids ? readLedger(master.grids) : [],
    quotas: reference?.quotas ?? null,
    schoolTargets: reference?.schoolTargets ?? null,
    month: at.month || null,
    importedAt: localTime(new Date(), importTimeZone(undefined)),
  });
  if ("error" in result) {
    show(output, skippedNotes(skipped));
    notePicker(zone, "error", result.error, "请在上方“汇总月份”中选择月份后重新选择报表。");
    setStatus("error", result.error, "请在上方选择汇总月份后重试。");
    return;
  }
  if (!(await confirmReplace(output, result))) {
    show(output, skippedNotes(skipped));
    notePicker(zone, "info", "已取消：总表没有改动。要替换时请重新选择报表并点“替换”。");
    setStatus("info", "已取消汇总，总表没有改动。");
    return;
  }
  showRollup(output, result, master, skipped);
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
  let master: PickedFile | null = null;
  const zone: HTMLElement = filePicker(
    "rollup-files",
    "选择各学院月报表…",
    SHEET_FILES,
    true,
    (files) => {
      setStatus("busy", `正在读取 ${files.length} 份报表…`);
      notePicker(zone, "info", `正在读取 ${files.length} 份报表…`);
      show(output, progress.element);
      runRollup(files, { output, zone, month: month.value, master }, progress).catch((error) => {
        show(output);
        notePicker(zone, "error", describeError(error).message, describeError(error).next);
        showError(error);
      });
    }
  );
  show(
    panel,
    h(
      "section",
      { class: "card" },
      h("h2", { class: "card__title" }, "汇总月报"),
      h(
        "p",
        { class: "card__text" },
        "选择各学院的月报表，先逐份检查，无错误的汇总进总表（月报台账、汇总表）。"
      ),
      quotaPicker("rollup", "未选择任务分配表（全校任务将按已报送学院之和计算）"),
      masterPicker((m) => (master = m)),
      h(
        "label",
        { class: "field__label", for: "rollup-month" },
        "汇总月份（可选，默认取多数报表的月份）"
      ),
      month,
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
  skipped: readonly string[]
): void {
  const download = h(
    "button",
    { type: "button", class: "button button--primary", id: "download-master" },
    "下载总表（.xlsx）"
  );
  download.addEventListener("click", async () => {
    try {
      const [excel, addCharts] = await Promise.all([loadExcelJs(), loadChartAdder()]);
      const bytes = await addCharts(
        master
          ? await writeWorkbookInto(excel, master.bytes, result.workbook, addCharts.keeper)
          : await writeWorkbook(excel, result.workbook),
        result.workbook
      );
      saveFile(bytes, `总表-${result.month}.xlsx`);
      setStatus("success", "已下载总表。下月汇总时请在“选择上月总表”中选它。");
    } catch (error) {
      showError(error);
    }
  });
  show(output, download, skippedNotes(skipped), rollupView(result));
  setStatus(
    result.rejected.length ? "warning" : "success",
    `已汇总 ${result.month}：${result.summary.colleges.length} 个学院。`,
    result.rejected.length ? `${result.rejected.length} 份报表有错误，未汇总。` : undefined
  );
}
