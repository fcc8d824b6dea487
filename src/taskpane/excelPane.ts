import { convertFormulas } from "../adapters/office/convertFormulas";
import { EXCEL_FEATURES, ExcelFeatures, REQUIRED_EXCEL_API } from "../adapters/office/features";
import { generateInWorkbook } from "../adapters/office/generateInWorkbook";
import { QuotaError } from "../core/errors";
import { COUNT_LABELS, CountColumn, GraduateTableLayout } from "../core/graduateTable";
import { parseAddress } from "../core/grid";
import type { FormulaStyle } from "../core/quotaWorkbook";
import { confirmInPane, runConfirmed } from "./confirmDialog";
import { h, show } from "./dom";
import { quotaView } from "./quotaView";
import { excelReportPanel, excelRollupPanel } from "./excelReports";
import { tabs } from "./tabs";
import { setStatus, showError } from "./status";
import { SUPPORTED_EXCEL } from "./supportedExcel";

/** Inside Excel: build the tables in the open workbook, live with QUOTA functions. */
export function excelPane(app: HTMLElement): void {
  // The manifest keeps older Excel from loading the add-in; this only guards a sideloaded copy.
  if (!Office.context.requirements.isSetSupported("ExcelApi", REQUIRED_EXCEL_API)) {
    show(app, h("section", { class: "card" }, h("h2", { class: "card__title" }, "Excel 版本过旧")));
    setStatus("error", "此 Excel 版本无法运行本加载项。", `可运行的版本：${SUPPORTED_EXCEL}。`);
    return;
  }
  const features = EXCEL_FEATURES;
  const output = h("div", { id: "quota-output" });
  const manual = h("div", { id: "manual-layout" });
  const style = h(
    "select",
    { id: "formula-style", class: "field__control" },
    h("option", { value: "quota" }, "QUOTA 函数（实时计算，需要本加载项）"),
    h("option", { value: "native" }, "普通公式（Excel、WPS 通用）"),
    h("option", { value: "values" }, "仅数值")
  );
  const generate = h(
    "button",
    { type: "button", class: "button button--primary", id: "generate" },
    "生成任务分配表"
  );
  generate.addEventListener("click", () => void run());

  async function run(layout?: GraduateTableLayout) {
    setStatus("busy", "正在读取当前工作表…");
    generate.disabled = true;
    try {
      const outcome = await runConfirmed(
        (approved) =>
          Excel.run((context) =>
            generateInWorkbook(
              context,
              { formulas: style.value as FormulaStyle, layout },
              features,
              approved
            )
          ),
        (sheets) =>
          confirmInPane(app, `工作表 ${sheets.join("、")} 是上次生成的，要用新结果更新吗？`, "更新")
      );
      if (outcome === null) {
        setStatus("info", "已取消，工作簿未改动。");
        return;
      }
      const plan = outcome.plan!;
      show(manual);
      show(output, quotaView(plan.tables));
      const notes = [
        ...plan.renamed.map(([usual, used]) => `已有非本工具的“${usual}”，新表命名为“${used}”`),
        ...plan.graduates.warnings,
      ];
      setStatus(
        notes.length ? "warning" : "success",
        `已生成表1–表4（${plan.tables.rows.length} 个学院）。`,
        notes.join("；") || undefined
      );
    } catch (error) {
      if (error instanceof QuotaError && !layout) {
        showManualLayout(error.message);
        return;
      }
      showError(error);
    } finally {
      generate.disabled = false;
    }
  }

  function showManualLayout(reason: string) {
    const field = (id: string, label: string, placeholder: string) =>
      h(
        "label",
        { class: "field" },
        h("span", { class: "field__label" }, label),
        h("input", { id, class: "field__control", placeholder, size: 6 })
      );
    const columns = Object.keys(COUNT_LABELS) as CountColumn[];
    const apply = h("button", { type: "button", class: "button button--primary" }, "按此读取");
    show(
      manual,
      h(
        "section",
        { class: "card" },
        h("h2", { class: "card__title" }, "手动指定毕业生人数表"),
        h("p", { class: "card__text" }, reason),
        field("layout-header", "表头所在行号", "如 2"),
        field("layout-name", "学院名称列", "如 A"),
        ...columns.map((k) => field(`layout-${k}`, `${COUNT_LABELS[k]}人数列`, "如 B")),
        apply
      )
    );
    setStatus(
      "warning",
      "没有自动找到毕业生人数表。",
      "请在下方填写表头行和各列，然后点“按此读取”。"
    );
    apply.addEventListener("click", () => {
      const value = (id: string) =>
        (document.getElementById(id) as HTMLInputElement).value.trim().toUpperCase();
      try {
        const header = Number(value("layout-header"));
        if (!Number.isInteger(header) || header < 1)
          throw new QuotaError("#VALUE!", "表头行号应为正整数");
        const column = (id: string, label: string) => {
          const letters = value(id);
          if (!/^[A-Z]{1,3}$/.test(letters))
            throw new QuotaError("#VALUE!", `${label}应为列字母，如 B`);
          return parseAddress(`${letters}1`).column;
        };
        const layout: GraduateTableLayout = {
          sheet: "",
          headerRow: header - 1,
          nameColumn: column("layout-name", "学院名称列"),
          columns: Object.fromEntries(
            columns.map((k) => [k, column(`layout-${k}`, `${COUNT_LABELS[k]}人数列`)])
          ) as Record<CountColumn, number>,
        };
        void run(layout);
      } catch (error) {
        showError(error);
      }
    });
  }

  const convert = h(
    "button",
    { type: "button", class: "button", id: "convert-native" },
    "转换为普通公式"
  );
  const freeze = h(
    "button",
    { type: "button", class: "button", id: "convert-values" },
    "转换为数值"
  );
  const doConvert = async (mode: "native" | "values") => {
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
  };
  convert.addEventListener("click", () => void doConvert("native"));
  freeze.addEventListener("click", () => void doConvert("values"));

  const quotaPanel = (panel: HTMLElement) =>
    show(
      panel,
      h(
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
      ),
      manual,
      h(
        "section",
        { class: "card" },
        h("h2", { class: "card__title" }, "发给各学院前"),
        h(
          "p",
          { class: "card__text" },
          "没有安装本加载项的电脑会把 QUOTA 函数显示为 #NAME?。发送前可转换："
        ),
        h("div", { class: "button-row" }, convert, freeze)
      ),
      output
    );
  tabs(app, [
    { id: "quota", label: "任务分配", render: quotaPanel },
    { id: "report", label: "月报", render: (panel) => excelReportPanel(panel, features) },
    { id: "rollup", label: "汇总", render: (panel) => excelRollupPanel(panel, features) },
  ]);
  setStatus("info", "就绪。");
}

export type { ExcelFeatures };
