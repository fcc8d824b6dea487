import { sha256Hex } from "../adapters/digest/sha256Hex";
import { addTemplateSheet } from "../adapters/office/addTemplateSheet";
import {
  SavedFills,
  SheetCheck,
  checkActiveSheet,
  clearHighlight,
  highlightCells,
  selectCell,
} from "../adapters/office/checkActiveSheet";
import type { ExcelFeatures } from "../adapters/office/features";
import { InWorkbookResult, rollUpInWorkbook } from "../adapters/office/rollUpInWorkbook";
import type { Grid } from "../core/grid";
import type { ReportFile } from "../core/rollup/reportFile";
import { IdHasher, makeIdHasher } from "../core/lists/idHasher";
import { parseMonth } from "../core/report/reportMonth";
import { confirmInPane, runConfirmed } from "./confirmDialog";
import { h, show } from "./dom";
import { filePicker, progressBar } from "./filePicker";
import { FindingPlace, findingsView, placeOf } from "./findingsView";
import { PickedFile, readPickedFiles } from "./readReportFiles";
import { rollupView } from "./rollupView";
import { setStatus, showError } from "./status";

/** 月报 in Excel: add the month's 附件6 as a sheet, and 检查本表 with clickable findings. */
export function excelReportPanel(panel: HTMLElement, features: ExcelFeatures): void {
  const output = h("div", { id: "check-output" });
  show(panel, checkCard(output), output, templateCard(features));
}

/** 添加月报表（附件6）: the month's form for a college, as a sheet of this workbook. */
function templateCard(features: ExcelFeatures): HTMLElement {
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
  return h(
    "section",
    { class: "card" },
    h("h2", { class: "card__title" }, "添加月报表（附件6）"),
    h("label", { class: "field__label", for: "template-college" }, "学院"),
    college,
    h("label", { class: "field__label", for: "template-month" }, "月份"),
    month,
    add
  );
}

/** The cells marked 标记有误的单元格, per sheet, to put back with 清除标记. */
interface Marks {
  saved: { sheet: string; saved: SavedFills }[];
  readonly clear: HTMLButtonElement;
}

/** 检查月报表: the 检查本表 button and its month. */
function checkCard(output: HTMLElement): HTMLElement {
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
  const marks: Marks = { saved: [], clear };
  clear.addEventListener("click", () => void clearMarks(marks));
  check.addEventListener("click", () => void runCheck(parseMonth(checkMonth.value), output, marks));
  return h(
    "section",
    { class: "card" },
    h("h2", { class: "card__title" }, "检查月报表"),
    h(
      "p",
      { class: "card__text" },
      "在填好的月报表（附件6）上点击“检查本表”；本工作簿中的培训名单、取证名单一并检查。点击问题可跳到对应工作表的单元格。"
    ),
    h("label", { class: "field__label", for: "check-month" }, "报表月份（可选）"),
    checkMonth,
    check
  );
}

async function clearMarks(marks: Marks): Promise<void> {
  if (marks.saved.length === 0) return;
  try {
    const saved = marks.saved;
    await Excel.run(async (context) => {
      for (const s of saved) await clearHighlight(context, s.sheet, s.saved);
    });
    marks.saved = [];
    marks.clear.hidden = true;
    setStatus("info", "已清除标记。");
  } catch (error) {
    showError(error);
  }
}

/** The cells of the errors, by sheet (the form's and the lists'). */
function errorCells(outcome: SheetCheck): Map<string, string[]> {
  const bySheet = new Map<string, string[]>();
  for (const r of outcome.results)
    for (const e of r.errors) {
      const place = placeOf(r, e);
      if (!place) continue;
      const sheet = place.sheet ?? outcome.sheet;
      bySheet.set(sheet, [...(bySheet.get(sheet) ?? []), place.cell]);
    }
  return bySheet;
}

/** 标记有误的单元格: a light red fill on every error's cell, on each sheet. */
function markButton(cells: Map<string, string[]>, marks: Marks): HTMLElement {
  const mark = h(
    "button",
    { type: "button", class: "button", id: "highlight" },
    "标记有误的单元格"
  );
  mark.addEventListener("click", async () => {
    try {
      const saved = await Excel.run(async (context) => {
        const done: Marks["saved"] = [];
        for (const [sheet, addresses] of cells)
          done.push({ sheet, saved: await highlightCells(context, sheet, addresses) });
        return done;
      });
      marks.saved.push(...saved);
      marks.clear.hidden = false;
      const count = [...cells.values()].reduce((n, a) => n + a.length, 0);
      setStatus("info", `已标记 ${count} 个单元格（只改底色，不改数值）。`);
    } catch (error) {
      showError(error);
    }
  });
  return mark;
}

async function runCheck(
  month: ReturnType<typeof parseMonth>,
  output: HTMLElement,
  marks: Marks
): Promise<void> {
  setStatus("busy", "正在检查当前工作表和名单…");
  try {
    const outcome = await Excel.run((context) => checkActiveSheet(context, month));
    const select = (place: FindingPlace) =>
      void Excel.run((context) =>
        selectCell(context, place.sheet ?? outcome.sheet, place.cell)
      ).catch(showError);
    const cells = errorCells(outcome);
    show(
      output,
      cells.size ? h("div", { class: "button-row" }, markButton(cells, marks), marks.clear) : null,
      findingsView(outcome.results, select)
    );
    checkStatus(outcome);
  } catch (error) {
    showError(error);
  }
}

/** The status after 检查本表: the counts, and what was and was not checked. */
function checkStatus(outcome: SheetCheck): void {
  const errors = outcome.results.reduce((a, r) => a + r.errors.length, 0);
  const warnings = outcome.results.reduce((a, r) => a + r.warnings.length, 0);
  const lists = outcome.listSheets.length
    ? `已检查名单（${outcome.listSheets.join("、")}）${
        outcome.againstListLedger
          ? "，并按名单台账核对累计和跨月、跨学院重复。"
          : "；本工作簿没有名单台账，未核对累计已完成与名单，也未查跨月、跨学院重复。"
      }`
    : "本工作簿没有培训名单、取证名单（或名单为空），未与名单核对。";
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
      (outcome.againstLedger ? "已按月报台账核对上月累计。" : "") +
      lists
  );
}

async function fingerprint(grid: Grid): Promise<string> {
  const bytes = new TextEncoder().encode(JSON.stringify(grid.rows));
  return sha256Hex(bytes);
}

/** The 汇总 section's fields. The ID key lives only in its password field: never stored. */
interface RollupInputs {
  readonly month: HTMLInputElement;
  readonly sheets: HTMLInputElement;
  readonly idKey: HTMLInputElement;
  picked: PickedFile[];
}

const MIN_KEY = 16;

/** 汇总月报 into the open workbook: report files (and sheets of this workbook) → 月报台账, 名单台账 and 汇总. */
export function excelRollupPanel(panel: HTMLElement, features: ExcelFeatures): void {
  const output = h("div", { id: "rollup-output" });
  const inputs: RollupInputs = {
    month: h("input", { id: "rollup-month", type: "month", class: "field__control" }),
    sheets: h("input", {
      id: "rollup-sheets",
      class: "field__control",
      placeholder: "工作表名，用逗号分隔（可选）",
    }),
    idKey: h("input", {
      id: "rollup-id-key",
      type: "password",
      class: "field__control",
      autocomplete: "off",
      placeholder: `教务处的密钥，至少${MIN_KEY}个字符（可选）`,
    }),
    picked: [],
  };
  const run = h(
    "button",
    { type: "button", class: "button button--primary", id: "rollup-run" },
    "汇总月报"
  );
  run.addEventListener("click", () => void runRollup(panel, output, inputs, features));
  show(panel, rollupCard(inputs, run), output);
}

function rollupCard(inputs: RollupInputs, run: HTMLElement): HTMLElement {
  const progress = progressBar();
  const chosen = h("p", { class: "muted", id: "rollup-chosen" }, "未选择文件");
  const picker = filePicker(
    "rollup-files",
    "选择月报表…",
    ".xlsx,.xls,.et,.ods,.csv",
    true,
    async (files) => {
      setStatus("busy", `正在读取 ${files.length} 份…`);
      show(chosen, progress.element);
      try {
        inputs.picked = await readPickedFiles(files, progress.set);
        show(
          chosen,
          `已选 ${inputs.picked.length} 份：${inputs.picked.map((p) => p.file).join("、")}`
        );
        setStatus("info", "已读取，点击“汇总月报”。");
      } catch (error) {
        showError(error);
      }
    }
  );
  return h(
    "section",
    { class: "card" },
    h("h2", { class: "card__title" }, "汇总月报"),
    h(
      "p",
      { class: "card__text" },
      "选择各学院报来的月报表。每份先检查（连同培训名单、取证名单），无错误的写入“月报台账”和“名单台账”，并生成本月“汇总”表和图表。"
    ),
    picker,
    chosen,
    h("label", { class: "field__label", for: "rollup-sheets" }, "本工作簿中的月报工作表（可选）"),
    inputs.sheets,
    h("label", { class: "field__label", for: "rollup-month" }, "汇总月份（可选）"),
    inputs.month,
    h("label", { class: "field__label", for: "rollup-id-key" }, "身份证号密钥（可选，不保存）"),
    inputs.idKey,
    run
  );
}

/** The key typed into the 汇总 section as a hasher; undefined (after saying why) when too short. */
function hasherOf(inputs: RollupInputs): IdHasher | null | undefined {
  const key = inputs.idKey.value;
  if (key === "") return null;
  if (key.length < MIN_KEY) {
    setStatus("warning", `身份证号密钥至少${MIN_KEY}个字符。`, "不填则不按身份证号查重。");
    return undefined;
  }
  return makeIdHasher(key);
}

async function runRollup(
  panel: HTMLElement,
  output: HTMLElement,
  inputs: RollupInputs,
  features: ExcelFeatures
): Promise<void> {
  const sheetNames = inputs.sheets.value
    .split(/[,，、]/)
    .map((s) => s.trim())
    .filter(Boolean);
  if (inputs.picked.length === 0 && sheetNames.length === 0) {
    setStatus("warning", "请先选择月报表文件，或填写本工作簿中的月报工作表名。");
    return;
  }
  const hasher = hasherOf(inputs);
  if (hasher === undefined) return;
  setStatus("busy", "正在汇总…");
  const files: readonly ReportFile[] = inputs.picked;
  const options = {
    month: parseMonth(inputs.month.value),
    sheets: sheetNames,
    fingerprint,
    hasher,
  };
  try {
    const result = await runConfirmed(
      (approved) =>
        Excel.run((context) => rollUpInWorkbook(context, files, options, features, approved)),
      (replaced) =>
        confirmInPane(
          panel,
          `以下学院本月的数字将被新报表替换：${replaced.join("、")}。继续吗？`,
          "替换"
        )
    );
    if (result === null) setStatus("info", "已取消，工作簿未改动。");
    else if ("error" in result) setStatus("error", result.error, "请指定汇总月份或修改后重试。");
    else showRollup(output, result);
  } catch (error) {
    showError(error);
  }
}

/** What the lists did, and what was not checked for want of a key or of lists. */
function listsNote(result: InWorkbookResult): string {
  if (!result.lists.any)
    return "所选报表都没有培训名单、取证名单：当月完成未与名单核对，未写入名单台账。";
  return result.lists.hashed
    ? "名单已核对并写入“名单台账”（身份证号只存掩码和密钥摘要）。"
    : "名单已核对并写入“名单台账”。未填写身份证号密钥：不计算身份证号摘要，不按身份证号查跨学院、跨月重复（仍按学号、证书编号查）；身份证号只存掩码。";
}

function showRollup(output: HTMLElement, result: InWorkbookResult): void {
  if (!result.written) {
    show(output, rejectedView(result));
    setStatus("error", "没有可汇总的报表：工作簿未改动。", "请按下方问题修改报表后重试。");
    return;
  }
  show(output, rollupView(result));
  const ledgers = result.lists.any ? "“月报台账”和“名单台账”" : "“月报台账”";
  setStatus(
    result.rejected.length ? "warning" : "success",
    `已汇总 ${result.month}：${result.summary.colleges.length} 个学院，写入“汇总${result.month}”和${ledgers}。`,
    (result.rejected.length ? `${result.rejected.length} 份报表有错误，未汇总（见下方）。` : "") +
      listsNote(result)
  );
}

/** The reports not rolled up, each with its problems (a list's with its sheet and cell). */
function rejectedView(result: InWorkbookResult): HTMLElement {
  return h(
    "section",
    { class: "result", "aria-label": "未汇总的报表" },
    ...result.rejected.map((r) =>
      h(
        "div",
        { class: "report-result report-result--invalid" },
        h("h3", { class: "result__heading error" }, `✗ 未汇总：${r.file}`),
        h(
          "ul",
          { class: "notes" },
          ...r.errors.map((e) => {
            const sheet = (e as { sheet?: string }).sheet;
            const where = e.cell
              ? sheet && sheet !== r.sheet
                ? `${sheet}!${e.cell}`
                : e.cell
              : "";
            return h(
              "li",
              { class: "note note--error" },
              `${where ? `${where}：` : ""}${e.message}`
            );
          })
        )
      )
    )
  );
}
