import { writeWorkbook } from "../adapters/xlsx/writeWorkbook";
import { writeWorkbookInto } from "../adapters/xlsx/writeWorkbookInto";
import type { Grid } from "../core/grid";
import type { QuotaLookup } from "../core/report/quotaLookup";
import { readQuotaLookup } from "../core/report/quotaLookup";
import { previousFromGrids } from "../core/report/previousMonth";
import { parseMonth } from "../core/report/reportMonth";
import type { ValidateOptions } from "../core/report/validateReport";
import { unreadableFile, validateWorkbook } from "../core/report/validateWorkbook";
import { LEDGER_SHEET, readLedger } from "../core/rollup/ledgerSheet";
import { readSchoolTargets } from "../core/rollup/readSchoolTargets";
import { checkReportFile, previousOfLedger, rollUp } from "../core/rollup/rollUp";
import type { SchoolTargets } from "../core/rollup/rollupSummary";
import { saveFile } from "./browserPane";
import { h, show } from "./dom";
import { filePicker, progressBar } from "./filePicker";
import { findingsView } from "./findingsView";
import { loadExcelJs } from "./loadExcelJs";
import { PickedFile, readPickedFiles } from "./readReportFiles";
import { rollupView } from "./rollupView";
import { setStatus, showError } from "./status";

/** The quota workbook picked as the reference, shared by the check and the roll-up views. */
const reference: {
  quotas: QuotaLookup | null;
  schoolTargets: SchoolTargets | null;
  name: string | null;
} = {
  quotas: null,
  schoolTargets: null,
  name: null,
};

/**
 * One reference workbook (.xlsx) picked beside the reports: `use` reads its sheets and returns
 * the label to show; a failure is shown and changes nothing.
 */
function referencePicker(
  id: string,
  button: string,
  initial: string,
  use: (grids: readonly Grid[], name: string) => string
): HTMLElement {
  const label = h("span", { class: "muted" }, initial);
  const picker = filePicker(id, button, ".xlsx,.xls,.et,.ods", false, async ([file]) => {
    try {
      const [picked] = await readPickedFiles([file!], () => undefined);
      if (!picked!.grids) throw new Error(picked!.error);
      label.textContent = use(picked!.grids, file!.name);
    } catch (error) {
      showError(error);
    }
  });
  return h("div", { class: "stack" }, picker, label);
}

function quotaPicker(idSuffix: string): HTMLElement {
  return referencePicker(
    `quota-file-${idSuffix}`,
    "选择任务分配表（可选）",
    reference.name ? `已选：${reference.name}` : "未选择（不核对年度任务）",
    (grids, name) => {
      reference.quotas = readQuotaLookup(grids);
      reference.schoolTargets = readSchoolTargets(grids);
      reference.name = name;
      setStatus("success", `已读取任务分配表“${name}”。`);
      return `已选：${name}（${reference.quotas.colleges.length} 个学院）`;
    }
  );
}

function monthField(id: string): HTMLInputElement {
  return h("input", {
    id,
    type: "month",
    class: "field__control",
    "aria-label": "报表月份（可选）",
  });
}

/** Last month for the check: last month's reports, or a master whose 月报台账 gives each report's month before. */
function previousPicker(onPicked: (previous: Previous) => void): HTMLElement {
  return referencePicker(
    "previous-file-check",
    "选择上月月报或总表（可选）",
    "未选择（不核对上月累计）",
    (grids, name) => {
      if (grids.some((g) => g.name === LEDGER_SHEET)) {
        onPicked({ previousOf: previousOfLedger(readLedger(grids)) });
      } else {
        const reports = previousFromGrids(grids, reference.quotas);
        if (!reports) throw new Error(`“${name}”中没有找到上月的月报表（附件6）或月报台账`);
        onPicked({ previous: reports });
      }
      setStatus("success", `已读取“${name}”，将核对累计已完成 = 上月累计 + 当月完成。`);
      return `已选：${name}`;
    }
  );
}

type Previous = Pick<ValidateOptions, "previous" | "previousOf">;

/** 月报检查 on files: each report's findings, file by file. */
export function checkReportsPanel(panel: HTMLElement): void {
  const output = h("div", { id: "check-output" });
  const progress = progressBar();
  const month = monthField("check-month");
  let previous: Previous = {};
  const run = async (files: File[]) => {
    setStatus("busy", `正在检查 ${files.length} 份报表…`);
    show(output, progress.element);
    try {
      const picked = await readPickedFiles(files, progress.set);
      const options = { month: parseMonth(month.value), quotas: reference.quotas, ...previous };
      const results = picked.flatMap((p) =>
        p.grids
          ? validateWorkbook(p.grids, { ...options, fileName: p.file })
          : [unreadableFile({ ...options, fileName: p.file }, p.error!)]
      );
      show(output, findingsView(results));
      const bad = results.filter((r) => !r.valid).length;
      setStatus(
        bad ? "warning" : "success",
        `共 ${results.length} 份：${results.length - bad} 份通过，${bad} 份有错误。`
      );
    } catch (error) {
      showError(error);
    }
  };
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
      quotaPicker("check"),
      previousPicker((p) => (previous = p)),
      h(
        "label",
        { class: "field__label", for: "check-month" },
        "报表月份（可选，默认取自工作表名、文件名或填报时间）"
      ),
      month,
      filePicker(
        "report-files",
        "选择月报表…",
        ".xlsx,.xls,.et,.ods,.csv",
        true,
        (files) => void run(files)
      )
    ),
    output
  );
}

/** 月报汇总 on files: the reports (and last month's master) in, the new master out. */
export function rollupPanel(panel: HTMLElement): void {
  const output = h("div", { id: "rollup-output" });
  const progress = progressBar();
  const month = monthField("rollup-month");
  let master: PickedFile | null = null;
  const masterLabel = h("span", { class: "muted" }, "未选择（新建总表）");
  const masterPicker = filePicker(
    "master-file",
    "选择上月总表（可选）",
    ".xlsx",
    false,
    async ([file]) => {
      const [picked] = await readPickedFiles([file!], () => undefined);
      if (!picked!.grids) {
        setStatus("error", picked!.error ?? "总表无法读取");
        return;
      }
      master = picked!;
      masterLabel.textContent = `已选：${file!.name}`;
    }
  );
  const run = async (files: File[]) => {
    setStatus("busy", `正在读取 ${files.length} 份报表…`);
    show(output, progress.element);
    try {
      const picked = await readPickedFiles(files, progress.set);
      const ym = parseMonth(month.value);
      const checked = picked.map((p) =>
        checkReportFile(p, { month: ym, quotas: reference.quotas })
      );
      const result = rollUp(checked, {
        ledger: master?.grids ? readLedger(master.grids) : [],
        quotas: reference.quotas,
        schoolTargets: reference.schoolTargets,
        month: month.value || null,
        importedAt: new Date().toISOString(),
      });
      if ("error" in result) {
        setStatus("error", result.error, "请在上方选择报表月份后重试。");
        show(output);
        return;
      }
      const excel = await loadExcelJs();
      const download = h(
        "button",
        { type: "button", class: "button button--primary", id: "download-master" },
        "下载总表（.xlsx）"
      );
      download.addEventListener("click", async () => {
        try {
          const bytes = master
            ? await writeWorkbookInto(excel, master.bytes, result.workbook)
            : await writeWorkbook(excel, result.workbook);
          saveFile(bytes, `总表-${result.month}.xlsx`);
          setStatus("success", "已下载总表。");
        } catch (error) {
          showError(error);
        }
      });
      show(output, download, rollupView(result));
      setStatus(
        result.rejected.length ? "warning" : "success",
        `已汇总 ${result.month}：${result.summary.colleges.length} 个学院。`,
        result.rejected.length ? `${result.rejected.length} 份报表有错误，未汇总。` : undefined
      );
    } catch (error) {
      showError(error);
    }
  };
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
      quotaPicker("rollup"),
      h("div", { class: "stack" }, masterPicker, masterLabel),
      h(
        "label",
        { class: "field__label", for: "rollup-month" },
        "汇总月份（可选，默认取多数报表的月份）"
      ),
      month,
      filePicker(
        "rollup-files",
        "选择各学院月报表…",
        ".xlsx,.xls,.et,.ods,.csv",
        true,
        (files) => void run(files)
      )
    ),
    output
  );
}
