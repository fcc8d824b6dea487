import { convertFormulas } from "../adapters/office/convertFormulas";
import type { ExcelFeatures } from "../adapters/office/features";
import { generateInWorkbook } from "../adapters/office/generateInWorkbook";
import { QuotaError } from "../core/errors";
import type { GraduateTableLayout } from "../core/graduateTable";
import type { PlanOptions, QuotaSheetPlan } from "../core/planQuotaSheets";
import type { FormulaStyle } from "../core/quotaWorkbook";
import { confirmInPane, runConfirmed } from "./confirmDialog";
import { h, show } from "./dom";
import { manualLayoutForm } from "./manualLayout";
import { quotaView } from "./quotaView";
import { setStatus, showError } from "./status";

/**
 * 表1–表4 into the open workbook, asking first when sheets of an earlier run would be updated;
 * `options` is read on each attempt (the formula style as the select shows it then).
 */
async function generateAsked(
  app: HTMLElement,
  options: () => PlanOptions,
  features: ExcelFeatures
): Promise<QuotaSheetPlan | null> {
  const outcome = await runConfirmed(
    (approved) =>
      Excel.run((context) => generateInWorkbook(context, options(), features, approved)),
    (sheets) =>
      confirmInPane(app, `工作表 ${sheets.join("、")} 是上次生成的，要用新结果更新吗？`, "更新")
  );
  return outcome === null ? null : outcome.plan!;
}

function reportGenerated(plan: QuotaSheetPlan): void {
  const notes = [
    ...plan.renamed.map(([usual, used]) => `已有非本工具的“${usual}”，新表命名为“${used}”`),
    ...plan.graduates.warnings,
  ];
  setStatus(
    notes.length ? "warning" : "success",
    `已生成表1–表4（${plan.tables.rows.length} 个学院）。`,
    notes.join("；") || undefined
  );
}

function generateCard(style: HTMLSelectElement, generate: HTMLButtonElement): HTMLElement {
  return h(
    "section",
    { class: "card" },
    h("h2", { class: "card__title" }, "生成任务分配表"),
    h(
      "p",
      { class: "card__text" },
      "在毕业生人数所在的工作表上点击（或先选中该表），生成表1–表4、参数和说明工作表。"
    ),
    h("label", { class: "field__label", for: "formula-style" }, "公式形式"),
    style,
    generate
  );
}

async function convert(mode: "native" | "values"): Promise<void> {
  setStatus("busy", "正在转换…");
  try {
    const outcome = await Excel.run((context) => convertFormulas(context, mode));
    setStatus(
      "success",
      outcome.cells === 0
        ? "工作簿中没有 QUOTA 函数，无需转换。"
        : `已转换 ${outcome.cells} 个单元格（${outcome.sheets.join("、")}）。`,
      outcome.asValues > 0
        ? `其中 ${outcome.asValues} 个 QUOTA.APPORTION 无对应普通公式，已改为数值。`
        : "现在可把工作簿发给没有安装加载项的同事。"
    );
  } catch (error) {
    showError(error);
  }
}

/** QUOTA formulas to native ones or values, before the workbook goes to colleges without the add-in. */
function convertCard(): HTMLElement {
  const native = h(
    "button",
    { type: "button", class: "button", id: "convert-native" },
    "转换为普通公式"
  );
  const values = h(
    "button",
    { type: "button", class: "button", id: "convert-values" },
    "转换为数值"
  );
  native.addEventListener("click", () => void convert("native"));
  values.addEventListener("click", () => void convert("values"));
  return h(
    "section",
    { class: "card" },
    h("h2", { class: "card__title" }, "发给各学院前"),
    h(
      "p",
      { class: "card__text" },
      "没有安装本加载项的电脑会把 QUOTA 函数显示为 #NAME?。发送前可转换："
    ),
    h("div", { class: "button-row" }, native, values)
  );
}

function formulaStyleSelect(): HTMLSelectElement {
  return h(
    "select",
    { id: "formula-style", class: "field__control" },
    h("option", { value: "quota" }, "QUOTA 函数（实时计算，需要本加载项）"),
    h("option", { value: "native" }, "普通公式（Excel、WPS 通用）"),
    h("option", { value: "values" }, "仅数值")
  );
}

/**
 * The 任务分配 tab inside Excel: 表1–表4 built in the open workbook from the graduate sheet (by
 * hand-given columns when none is found), and the conversion of QUOTA formulas before sharing.
 */
export function excelQuotaPanel(
  panel: HTMLElement,
  app: HTMLElement,
  features: ExcelFeatures
): void {
  const output = h("div", { id: "quota-output" });
  const manual = h("div", { id: "manual-layout" });
  const style = formulaStyleSelect();
  const generate = h(
    "button",
    { type: "button", class: "button button--primary", id: "generate" },
    "生成任务分配表"
  );
  const run = async (layout?: GraduateTableLayout): Promise<void> => {
    setStatus("busy", "正在读取当前工作表…");
    generate.disabled = true;
    try {
      const options = () => ({ formulas: style.value as FormulaStyle, layout });
      const plan = await generateAsked(app, options, features);
      if (plan === null) return setStatus("info", "已取消，工作簿未改动。");
      show(manual);
      show(output, quotaView(plan.tables));
      reportGenerated(plan);
    } catch (error) {
      if (!(error instanceof QuotaError) || layout) return showError(error);
      show(
        manual,
        manualLayoutForm(error.message, (given) => void run(given))
      );
      setStatus(
        "warning",
        "没有自动找到毕业生人数表。",
        "请在下方填写表头行和各列，然后点“按此读取”。"
      );
    } finally {
      generate.disabled = false;
    }
  };
  generate.addEventListener("click", () => void run());
  show(panel, generateCard(style, generate), manual, convertCard(), output);
}
