import { READ_LIMITS, fileTooLarge } from "../adapters/read/limits";
import { parseColumnMapping } from "../core/columnMapping";
import { generateQuotas, GenerateResult } from "../core/generateQuotas";
import type { Grid } from "../core/grid";
import { COUNT_LABELS, CountColumn } from "../core/graduateTable";
import type { FormulaStyle } from "../core/quotaWorkbook";
import { h, reveal, show } from "./dom";
import { filePicker, notePicker, SHEET_FILES } from "./filePicker";
import { loadLeanWriter, loadReader } from "./loadExcelJs";
import { quotaView } from "./quotaView";
import { saveFile } from "./saveFile";
import { describeError, setStatus } from "./status";

/** The columns a person names when the header is not found: a field per column, read by the core's mapping. */
function manualColumns(reason: string, apply: (mapping: string) => void): HTMLElement {
  const keys = Object.keys(COUNT_LABELS) as CountColumn[];
  const field = (id: string, label: string, placeholder: string) =>
    h(
      "label",
      { class: "field", for: id },
      h("span", { class: "field__label" }, label),
      h("input", { id, class: "field__control", placeholder, size: 6 })
    );
  const button = h(
    "button",
    { type: "button", class: "button button--primary", id: "apply-columns" },
    "按此读取"
  );
  button.addEventListener("click", () => {
    const value = (id: string) => (document.getElementById(id) as HTMLInputElement).value.trim();
    const parts = keys.map((k) => `${COUNT_LABELS[k]}=${value(`columns-${k}`)}`);
    if (value("columns-name")) parts.push(`学院=${value("columns-name")}`);
    if (value("columns-header")) parts.push(`表头=${value("columns-header")}`);
    apply(parts.join(","));
  });
  return h(
    "section",
    { class: "card", id: "manual-columns" },
    h("h2", { class: "card__title" }, "手动指定毕业生人数表的列"),
    h("p", { class: "card__text" }, reason),
    h(
      "p",
      { class: "card__text" },
      "请打开毕业生人数表，看各项人数在哪一列（列字母，如 C），填在下面："
    ),
    ...keys.map((k) => field(`columns-${k}`, `${COUNT_LABELS[k]}人数列`, "如 C")),
    field("columns-name", "学院名称列（可不填）", "如 A"),
    field("columns-header", "表头行号（可不填）", "如 2"),
    button
  );
}

/** 表1–表4 on screen with the download, the reading warnings, and a word beside the picker. */
function showQuotaResult(
  result: GenerateResult,
  at: { output: HTMLElement; zone: HTMLElement; name: string },
  rebuild: () => GenerateResult
): void {
  const download = h(
    "button",
    { type: "button", class: "button button--primary", id: "download-quota" },
    "下载任务分配表（.xlsx）"
  );
  download.addEventListener("click", async () => {
    const { leanXlsxBytes } = await loadLeanWriter();
    saveFile(leanXlsxBytes(rebuild().workbook), "任务分配表.xlsx");
    setStatus("success", "已下载任务分配表。月报检查、汇总、下发月报表时请选它。");
  });
  const warnings = result.graduates.warnings;
  show(
    at.output,
    download,
    warnings.length
      ? h(
          "ul",
          { class: "notes", id: "graduate-warnings" },
          ...warnings.map((w) => h("li", { class: "note note--warning" }, w))
        )
      : null,
    quotaView(result.tables)
  );
  const text = `已由“${at.name}”生成表1–表4（${result.tables.rows.length} 个学院）。`;
  const kind = warnings.length ? "warning" : "success";
  notePicker(
    at.zone,
    kind,
    text,
    warnings.length ? "请看下方的提醒，核对毕业生人数表。" : undefined
  );
  setStatus(kind, text);
  reveal(at.output);
}

/** The sheets of a picked graduate file; null (said beside the picker) when it cannot be read. */
async function readGraduateFile(
  file: File,
  zone: HTMLElement
): Promise<{ grids: Grid[]; name: string } | null> {
  notePicker(zone, "info", `正在读取“${file.name}”…`);
  try {
    // A huge file is refused by its size, before a byte of it is read.
    if (file.size > READ_LIMITS.fileBytes) throw fileTooLarge(file.size);
    const { readGrids } = await loadReader();
    const bytes = new Uint8Array(await file.arrayBuffer());
    return { grids: await readGrids(null, bytes, file.name), name: file.name };
  } catch (error) {
    notePicker(
      zone,
      "error",
      `“${file.name}”无法读取：${describeError(error).message}`,
      "请在 Excel 或 WPS 中打开后另存为 .xlsx，再重新选择。"
    );
    return null;
  }
}

function formulaStyleSelect(): HTMLSelectElement {
  return h(
    "select",
    { id: "formula-style", class: "field__control field__control--short" },
    h("option", { value: "native" }, "普通公式（Excel、WPS 通用）"),
    h("option", { value: "values" }, "仅数值")
  );
}

function quotaCard(style: HTMLSelectElement, zone: HTMLElement): HTMLElement {
  return h(
    "section",
    { class: "card" },
    h("h2", { class: "card__title" }, "生成任务分配表"),
    h(
      "p",
      { class: "card__text" },
      "选择毕业生人数表（.xlsx 或 .csv，含“本科”“高职”（或“专科”）“中职”（或“中专”）列），生成表1–表4。"
    ),
    h("label", { class: "field__label", for: "formula-style" }, "公式形式"),
    style,
    zone
  );
}

/** 表1–表4 from a graduate file, shown and downloadable; columns by hand when the header is not found. */
export function quotaPanel(app: HTMLElement): void {
  const output = h("div", { id: "quota-output" });
  const manual = h("div", { id: "quota-manual" });
  const style = formulaStyleSelect();
  let picked: { grids: Grid[]; name: string } | null = null;

  const build = (mapping?: string): GenerateResult =>
    generateQuotas(picked!.grids, {
      formulas: style.value as FormulaStyle,
      ...(mapping ? { columns: parseColumnMapping(mapping) } : {}),
    });

  const showResult = (result: GenerateResult, mapping?: string) =>
    showQuotaResult(result, { output, zone, name: picked!.name }, () => build(mapping));

  const run = async (file: File) => {
    picked = null;
    show(output);
    show(manual);
    picked = await readGraduateFile(file, zone);
    if (!picked) return;
    try {
      showResult(build());
    } catch (error) {
      const reason = describeError(error).message;
      notePicker(zone, "error", reason, "请在下方手动指定各列后点“按此读取”。");
      show(
        manual,
        manualColumns(reason, (mapping) => applyMapping(mapping))
      );
      reveal(manual);
    }
  };
  const applyMapping = (mapping: string) => {
    try {
      showResult(build(mapping), mapping);
      show(manual);
    } catch (error) {
      const { message } = describeError(error);
      notePicker(zone, "error", message, "请核对下方填写的列字母和行号。");
      setStatus("error", message);
    }
  };
  const zone = filePicker(
    "graduates-file",
    "选择毕业生人数文件…",
    SHEET_FILES,
    false,
    ([file]) => void run(file!)
  );
  show(app, quotaCard(style, zone), manual, output);
}
