import { READ_LIMITS, fileTooLarge } from "../adapters/read/limits";
import { writeWorkbook } from "../adapters/xlsx/writeWorkbook";
import { generateQuotas } from "../core/generateQuotas";
import type { FormulaStyle } from "../core/quotaWorkbook";
import { h, show } from "./dom";
import { loadExcelJs, loadReader } from "./loadExcelJs";
import { quotaView } from "./quotaView";
import { setStatus, showError } from "./status";
import { checkReportsPanel, rollupPanel } from "./browserReports";
import { tabs } from "./tabs";

/** Outside Office (a plain browser, or WPS users): work on files picked from disk. */
export function browserPane(app: HTMLElement): void {
  tabs(app, [
    { id: "quota", label: "任务分配", render: quotaPanel },
    { id: "check", label: "月报检查", render: checkReportsPanel },
    { id: "rollup", label: "月报汇总", render: rollupPanel },
  ]);
  setStatus("info", "未在 Excel 中运行：可选择文件处理，结果可下载。");
}

/** 表1–表4 from a graduate file, shown and downloadable. */
function quotaPanel(app: HTMLElement): void {
  const output = h("div", { id: "quota-output" });
  const style = h(
    "select",
    { id: "formula-style", class: "field__control" },
    h("option", { value: "native" }, "普通公式（Excel、WPS 通用）"),
    h("option", { value: "values" }, "仅数值")
  );
  const input = h("input", {
    id: "graduates-file",
    type: "file",
    accept: ".xlsx,.xls,.et,.ods,.csv",
    class: "file-input__control",
  });
  input.addEventListener("change", () => {
    const file = input.files?.[0];
    if (file) void run(file);
  });

  async function run(file: File) {
    setStatus("busy", `正在读取“${file.name}”…`);
    show(output);
    try {
      // A huge file is refused by its size, before a byte of it is read.
      if (file.size > READ_LIMITS.fileBytes) throw fileTooLarge(file.size);
      const [excel, { readGrids }] = await Promise.all([loadExcelJs(), loadReader()]);
      const grids = await readGrids(excel, new Uint8Array(await file.arrayBuffer()), file.name);
      const formulas = style.value as FormulaStyle;
      const result = generateQuotas(grids, { formulas });
      const download = h(
        "button",
        { type: "button", class: "button button--primary", id: "download-quota" },
        "下载任务分配表（.xlsx）"
      );
      download.addEventListener("click", async () => {
        const bytes = await writeWorkbook(
          excel,
          generateQuotas(grids, { formulas: style.value as FormulaStyle }).workbook
        );
        saveFile(bytes, "任务分配表.xlsx");
        setStatus("success", "已下载任务分配表。");
      });
      show(output, download, quotaView(result.tables));
      const warnings = result.graduates.warnings;
      setStatus(
        warnings.length ? "warning" : "success",
        `已由“${file.name}”生成表1–表4（${result.tables.rows.length} 个学院）。`,
        warnings.length ? warnings.join("；") : undefined
      );
    } catch (error) {
      showError(error);
    }
  }

  show(
    app,
    h(
      "section",
      { class: "card" },
      h("h2", { class: "card__title" }, "生成任务分配表"),
      h(
        "p",
        { class: "card__text" },
        "选择毕业生人数表（.xlsx 或 .csv，含“本科”“高职”“中职”列），生成表1–表4。"
      ),
      h("label", { class: "field__label", for: "formula-style" }, "公式形式"),
      style,
      h(
        "label",
        { class: "button button--primary file-input", for: "graduates-file" },
        "选择毕业生人数文件…"
      ),
      input
    ),
    output
  );
}

export function saveFile(bytes: Uint8Array, name: string): void {
  const blob = new Blob([bytes as BlobPart], {
    type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  });
  const url = URL.createObjectURL(blob);
  const link = h("a", { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
