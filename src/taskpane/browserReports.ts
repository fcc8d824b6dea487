import { previousFromGrids } from "../core/report/previousMonth";
import { problemListWorkbook, problemRows } from "../core/report/problemList";
import { parseMonth } from "../core/report/reportMonth";
import type { ReportResult, ValidateOptions } from "../core/report/validateReport";
import { unreadableFile } from "../core/report/validateWorkbook";
import { previousOfLedger } from "../core/rollup/rollUp";
import type { IdHasher } from "../core/lists/idHasher";
import { MasterLedgers } from "../core/lists/masterLedgers";
import { CheckRun, checkWorkbookLists, newCheckRun } from "../core/lists/checkRun";
import type { LedgerFinding } from "../core/lists/listLedger";
import { saveFile } from "./saveFile";
import { h, reveal, show } from "./dom";
import { filePicker, notePicker, progressBar, SHEET_FILES } from "./filePicker";
import { findingsView } from "./findingsView";
import { idKeyField, keyOrRefusal, NO_ID_KEY_CHECK } from "./idKeyField";
import { loadLeanWriter } from "./loadExcelJs";
import { masterNotes, readPageMaster } from "./pageMaster";
import { monthField, readReports, referencePicker, skippedNotes } from "./pagePickers";
import { quotaPicker, quotaReference } from "./quotaReference";
import type { PickedFile } from "./readReportFiles";
import { describeError, setStatus, showError } from "./status";

export { rollupPanel } from "./browserRollup";

type Previous = Pick<ValidateOptions, "previous" | "previousOf"> & {
  /** The master's 名单台账: the lists are checked across months and colleges against it. */
  readonly lists?: MasterLedgers | null;
  /** What the page says about the master itself (a renamed ledger, rows edited by hand). */
  readonly notes?: readonly string[];
};

/** Last month's reports, or a master: its 月报台账 gives each report's month before, its 名单台账 the lists so far. */
function previousOf(picked: PickedFile & { name: string }): [Previous, string] {
  const grids = picked.grids!;
  const master = readPageMaster(grids, picked.definedNames);
  if (master) {
    const lists = master.hasListLedger ? new MasterLedgers(master.lists.rows) : null;
    const previous = {
      previousOf: previousOfLedger(master.ledger),
      lists,
      notes: masterNotes(master),
    };
    const also = lists ? "，并按名单台账核对名单的累计和跨月、跨学院重复" : "";
    return [previous, `已选：${picked.name}（将核对累计已完成 = 上月累计 + 当月完成${also}）`];
  }
  const reports = previousFromGrids(grids, quotaReference()?.quotas ?? null);
  if (!reports) throw new Error(`“${picked.name}”中没有找到上月的月报表（附件6）或月报台账`);
  return [{ previous: reports }, `已选：${picked.name}（将核对累计已完成 = 上月累计 + 当月完成）`];
}

function previousPicker(onPicked: (previous: Previous) => void): HTMLElement {
  return referencePicker(
    "previous-file-check",
    "选择上月月报或总表（可选）",
    "未选择（不核对上月累计）",
    (picked) => {
      onPicked({});
      if (!picked) return "";
      const [previous, label] = previousOf(picked);
      onPicked(previous);
      return label;
    },
    "请选择上个月各学院的月报表，或上个月汇总得到的总表。"
  );
}

/** One file's reports with their lists' findings, into the run (as `quota validate`); a file that fails is one unreadable result. */
function checkFile(
  p: PickedFile,
  options: Omit<ValidateOptions, "fileName">,
  lists: { master: MasterLedgers | null; hasher: IdHasher | null },
  run: CheckRun
): void {
  const fileOptions = { ...options, fileName: p.file };
  if (!p.grids) {
    run.results.push(unreadableFile(fileOptions, p.error!));
    return;
  }
  try {
    checkWorkbookLists(p.grids, fileOptions, lists, run);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    run.results.push(unreadableFile(fileOptions, `文件“${p.file}”无法检查（${why}）`));
  }
}

/** The master's rows that this check's lists duplicate: the colleges that listed them are told too. */
function inMasterNotes(inMaster: readonly LedgerFinding[]): string[] {
  return inMaster.map(
    (f) =>
      `总表“名单台账”中已有的名单行与本次的报表重复（请告知${f.college}核对）：${f.month} ${f.sheet}${f.cell ? `!${f.cell}` : ""} ${f.message}`
  );
}

/** What the check could not do with the lists it found: no master, no key. */
function listNotes(listed: boolean, previous: Previous, hasher: IdHasher | null): string[] {
  if (!listed && !previous.lists) return [];
  const notes: string[] = [];
  if (!previous.lists)
    notes.push(
      "未选择带名单台账的上月总表：名单只在本表内查重，未核对名单的累计已完成和跨月、跨学院重复"
    );
  else if (!hasher) notes.push(NO_ID_KEY_CHECK);
  return notes;
}

/** The check of picked reports: results errors first, the summary beside the reports' picker. */
async function runCheck(
  files: File[],
  at: { output: HTMLElement; zone: HTMLElement; month: string; previous: Previous },
  hasher: IdHasher | null,
  progress: ReturnType<typeof progressBar>
): Promise<void> {
  const { output, zone: reportsZone, previous } = at;
  const { reports, skipped } = await readReports(files, progress);
  const options = {
    month: parseMonth(at.month),
    quotas: quotaReference()?.quotas ?? null,
    previous: previous.previous,
    previousOf: previous.previousOf,
  };
  const run = newCheckRun();
  for (const p of reports) checkFile(p, options, { master: previous.lists ?? null, hasher }, run);
  const { results } = run;
  const listed = run.listed > 0;
  const bad = results.filter((r) => !r.valid).length;
  const summary = `共 ${results.length} 份：${results.length - bad} 份通过，${bad} 份有错误。`;
  const notes = [
    ...skipped,
    ...(previous.notes ?? []),
    ...listNotes(listed, previous, hasher),
    ...inMasterNotes(run.inMaster),
  ];
  show(output, skippedNotes(notes), checkResults(results));
  notePicker(reportsZone, bad ? "warning" : "success", summary);
  setStatus(bad ? "warning" : "success", summary);
  reveal(output);
}

/** 月报检查 on files: each report's findings, errors first, and the 问题清单 to send back. */
export function checkReportsPanel(panel: HTMLElement): void {
  const output = h("div", { id: "check-output" });
  const progress = progressBar();
  const month = monthField("check-month");
  const idKey = idKeyField("id-key-check");
  idKey.element.hidden = true;
  let previous: Previous = {};
  let reportsZone: HTMLElement;
  const run = async (files: File[]) => {
    const key = keyOrRefusal(idKey, reportsZone);
    if (!key) return;
    setStatus("busy", `正在检查 ${files.length} 份报表…`);
    notePicker(reportsZone, "info", `正在检查 ${files.length} 份报表…`);
    show(output, progress.element);
    try {
      const at = { output, zone: reportsZone, month: month.value, previous };
      await runCheck(files, at, key.hasher, progress);
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
        "选择一份或多份月报表（附件6，连同培训名单、取证名单），逐项检查格式、数字和名单。选了任务分配表时同时核对年度任务；选了上月月报或总表时同时核对累计已完成；选了总表时还按名单台账查重。"
      ),
      quotaPicker("check", "未选择任务分配表（不核对年度任务）"),
      previousPicker((p) => {
        previous = p;
        // The key only matters against a master's 名单台账 (its ID hashes).
        idKey.element.hidden = !p.lists;
      }),
      h(
        "label",
        { class: "field__label", for: "check-month" },
        "报表月份（可选，默认取自工作表名、文件名或填报时间）"
      ),
      month,
      idKey.element,
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
      const { leanXlsxBytes } = await loadLeanWriter();
      saveFile(leanXlsxBytes(problemListWorkbook(problemRows(ordered))), "问题清单.xlsx");
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
