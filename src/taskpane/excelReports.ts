import { addTemplateSheet } from "../adapters/office/addTemplateSheet";
import {
  SavedFills,
  checkActiveSheet,
  clearHighlight,
  highlightCells,
  selectCell,
} from "../adapters/office/checkActiveSheet";
import type { ExcelFeatures } from "../adapters/office/features";
import { rollUpInWorkbook } from "../adapters/office/rollUpInWorkbook";
import type { Grid } from "../core/grid";
import { parseMonth } from "../core/report/reportMonth";
import { confirmInPane, runConfirmed } from "./confirmDialog";
import { h, show } from "./dom";
import { filePicker, progressBar } from "./filePicker";
import { findingsView } from "./findingsView";
import { PickedFile, readPickedFiles } from "./readReportFiles";
import { rollupView } from "./rollupView";
import { setStatus, showError } from "./status";

/** 月报 in Excel: add the month's 附件6 as a sheet, and 检查本表 with clickable findings. */
export function excelReportPanel(panel: HTMLElement, features: ExcelFeatures): void {
  const college = h("input", {
    id: "template-college",
    class: "field__control",
    placeholder: "如 经济管理学院",
  });
  const month = h("input", { id: "template-month", type: "month", class: "field__control" });
  const add = h("button", { type: "button", class: "button", id: "add-template" }, "添加月报表");
  add.addEventListener("click", async () => {
    const ym = parseMonth(month.value);
    if (!college.value.trim() || !ym) {
      setStatus("warning", "请填写学院和月份。");
      return;
    }
    try {
      const outcome = await Excel.run((context) =>
        addTemplateSheet(context, college.value.trim(), ym, features)
      );
      setStatus(
        "success",
        `已添加工作表“${outcome.sheet}”。`,
        outcome.withTargets
          ? "年度任务已按任务分配表填好。"
          : "本工作簿没有表1–表4，年度任务请自行填写。"
      );
    } catch (error) {
      showError(error);
    }
  });

  const output = h("div", { id: "check-output" });
  const checkMonth = h("input", {
    id: "check-month",
    type: "month",
    class: "field__control",
    "aria-label": "报表月份（可选）",
  });
  const check = h(
    "button",
    { type: "button", class: "button button--primary", id: "check-sheet" },
    "检查本表"
  );
  const clear = h(
    "button",
    { type: "button", class: "button", id: "clear-highlight", hidden: true },
    "清除标记"
  );
  let highlighted: { sheet: string; saved: SavedFills } | null = null;
  clear.addEventListener("click", async () => {
    if (!highlighted) return;
    try {
      const { sheet, saved } = highlighted;
      await Excel.run((context) => clearHighlight(context, sheet, saved));
      highlighted = null;
      clear.hidden = true;
      setStatus("info", "已清除标记。");
    } catch (error) {
      showError(error);
    }
  });
  check.addEventListener("click", async () => {
    setStatus("busy", "正在检查当前工作表…");
    try {
      const outcome = await Excel.run((context) =>
        checkActiveSheet(context, parseMonth(checkMonth.value))
      );
      const select = (sheet: string) => (_: unknown, finding: { cell: string | null }) =>
        void Excel.run((context) => selectCell(context, sheet, finding.cell!)).catch(showError);
      const mark = h(
        "button",
        { type: "button", class: "button", id: "highlight" },
        "标记有误的单元格"
      );
      const cells = outcome.results.flatMap((r) =>
        r.errors.flatMap((e) => (e.cell ? [e.cell] : []))
      );
      mark.addEventListener("click", async () => {
        try {
          const saved = await Excel.run((context) => highlightCells(context, outcome.sheet, cells));
          highlighted = { sheet: outcome.sheet, saved };
          clear.hidden = false;
          setStatus("info", `已标记 ${cells.length} 个单元格（只改底色，不改数值）。`);
        } catch (error) {
          showError(error);
        }
      });
      show(
        output,
        cells.length ? h("div", { class: "button-row" }, mark, clear) : null,
        findingsView(outcome.results, select(outcome.sheet))
      );
      const errors = outcome.results.reduce((a, r) => a + r.errors.length, 0);
      const warnings = outcome.results.reduce((a, r) => a + r.warnings.length, 0);
      setStatus(
        errors ? "error" : warnings ? "warning" : "success",
        errors
          ? `发现 ${errors} 个错误、${warnings} 个提醒。`
          : warnings
            ? `没有错误，有 ${warnings} 个提醒。`
            : "检查通过，可以报送。",
        (outcome.againstQuotas
          ? "已按本工作簿的表1–表4 核对年度任务。"
          : "本工作簿没有表1–表4，未核对年度任务。") +
          (outcome.againstLedger ? "已按月报台账核对上月累计。" : "")
      );
    } catch (error) {
      showError(error);
    }
  });

  show(
    panel,
    h(
      "section",
      { class: "card" },
      h("h2", { class: "card__title" }, "检查月报表"),
      h(
        "p",
        { class: "card__text" },
        "在填好的月报表（附件6）上点击“检查本表”。点击问题可跳到对应单元格。"
      ),
      h("label", { class: "field__label", for: "check-month" }, "报表月份（可选）"),
      checkMonth,
      check
    ),
    output,
    h(
      "section",
      { class: "card" },
      h("h2", { class: "card__title" }, "添加月报表（附件6）"),
      h("label", { class: "field__label", for: "template-college" }, "学院"),
      college,
      h("label", { class: "field__label", for: "template-month" }, "月份"),
      month,
      add
    )
  );
}

async function fingerprint(grid: Grid): Promise<string> {
  const bytes = new TextEncoder().encode(JSON.stringify(grid.rows));
  const digest = await crypto.subtle.digest("SHA-256", bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** 汇总月报 into the open workbook: report files (and sheets of this workbook) → 月报台账 and 汇总. */
export function excelRollupPanel(panel: HTMLElement, features: ExcelFeatures): void {
  const output = h("div", { id: "rollup-output" });
  const progress = progressBar();
  const month = h("input", { id: "rollup-month", type: "month", class: "field__control" });
  const sheets = h("input", {
    id: "rollup-sheets",
    class: "field__control",
    placeholder: "工作表名，用逗号分隔（可选）",
  });
  let picked: PickedFile[] = [];
  const chosen = h("p", { class: "muted", id: "rollup-chosen" }, "未选择文件");
  const run = h(
    "button",
    { type: "button", class: "button button--primary", id: "rollup-run" },
    "汇总月报"
  );
  run.addEventListener("click", async () => {
    const sheetNames = sheets.value
      .split(/[,，、]/)
      .map((s) => s.trim())
      .filter(Boolean);
    if (picked.length === 0 && sheetNames.length === 0) {
      setStatus("warning", "请先选择月报表文件，或填写本工作簿中的月报工作表名。");
      return;
    }
    setStatus("busy", "正在汇总…");
    try {
      const result = await runConfirmed(
        (approved) =>
          Excel.run((context) =>
            rollUpInWorkbook(
              context,
              picked,
              { month: parseMonth(month.value), sheets: sheetNames, fingerprint },
              features,
              approved
            )
          ),
        (replaced) =>
          confirmInPane(
            panel,
            `以下学院本月的数字将被新报表替换：${replaced.join("、")}。继续吗？`,
            "替换"
          )
      );
      if (result === null) {
        setStatus("info", "已取消，工作簿未改动。");
        return;
      }
      if ("error" in result) {
        setStatus("error", result.error, "请指定汇总月份或修改后重试。");
        return;
      }
      show(output, rollupView(result));
      setStatus(
        result.rejected.length ? "warning" : "success",
        `已汇总 ${result.month}：${result.summary.colleges.length} 个学院，写入“汇总${result.month}”和“月报台账”。`,
        result.rejected.length
          ? `${result.rejected.length} 份报表有错误，未汇总（见下方）。`
          : undefined
      );
    } catch (error) {
      showError(error);
    }
  });
  show(
    panel,
    h(
      "section",
      { class: "card" },
      h("h2", { class: "card__title" }, "汇总月报"),
      h(
        "p",
        { class: "card__text" },
        "选择各学院报来的月报表。每份先检查，无错误的写入“月报台账”，并生成本月“汇总”表和图表。"
      ),
      filePicker("rollup-files", "选择月报表…", ".xlsx,.xls,.et,.ods,.csv", true, async (files) => {
        setStatus("busy", `正在读取 ${files.length} 份…`);
        show(chosen, progress.element);
        try {
          picked = await readPickedFiles(files, progress.set);
          show(chosen, `已选 ${picked.length} 份：${picked.map((p) => p.file).join("、")}`);
          setStatus("info", "已读取，点击“汇总月报”。");
        } catch (error) {
          showError(error);
        }
      }),
      chosen,
      h("label", { class: "field__label", for: "rollup-sheets" }, "本工作簿中的月报工作表（可选）"),
      sheets,
      h("label", { class: "field__label", for: "rollup-month" }, "汇总月份（可选）"),
      month,
      run
    ),
    output
  );
}
