import { storeZip } from "../adapters/zip/storeZip";
import { buildListSheets } from "../core/lists/buildListSheets";
import {
  collegeTemplateFileName,
  collegeTemplates,
  collegeTemplatesWorkbook,
} from "../core/report/collegeTemplates";
import type { CollegeTargets } from "../core/report/quotaLookup";
import { parseMonth, YearMonth } from "../core/report/reportMonth";
import { h, reveal, show } from "./dom";
import { notePicker, progressBar } from "./filePicker";
import { loadLeanWriter } from "./loadExcelJs";
import { onQuotaReference, quotaPicker, QuotaReference, quotaReference } from "./quotaReference";
import { saveFile } from "./saveFile";
import { describeError, setStatus } from "./status";

const ALL = "";

/** The forms as one download: a workbook (a sheet per college) or a zip (a file per college). */
async function templateDownload(
  colleges: readonly CollegeTargets[],
  ym: YearMonth,
  asZip: boolean,
  onProgress: (done: number, total: number) => void
): Promise<{ bytes: Uint8Array; name: string; type?: string }> {
  const { leanXlsxBytes } = await loadLeanWriter();
  if (!asZip) {
    const name =
      colleges.length === 1
        ? collegeTemplateFileName(colleges[0]!.college, ym)
        : `月报表-${ym.year}年${ym.month}月-全部学院.xlsx`;
    return { bytes: leanXlsxBytes(collegeTemplatesWorkbook(colleges, ym)), name };
  }
  const files = [];
  let painted = performance.now();
  for (const [i, t] of collegeTemplates(colleges, ym).entries()) {
    files.push({
      name: collegeTemplateFileName(t.college, ym),
      // As `quota template --all --split`: the form and its two lists.
      data: leanXlsxBytes({
        sheets: [t.sheet, ...buildListSheets({ college: t.college, month: ym })],
      }),
    });
    onProgress(i + 1, colleges.length);
    // The writer does not wait: the page repaints the progress bar a few times a second.
    if (performance.now() - painted > 100) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      painted = performance.now();
    }
  }
  return {
    bytes: storeZip(files),
    name: `月报表-${ym.year}年${ym.month}月-各学院.zip`,
    type: "application/zip",
  };
}

/** The college list of the quota workbook (kept in step with every tab's pick), and the buttons. */
function collegeChooser(): { select: HTMLSelectElement; buttons: HTMLElement } {
  const select = h("select", {
    id: "template-college",
    class: "field__control field__control--short",
  });
  const book = h("button", {
    type: "button",
    class: "button button--primary",
    id: "download-templates",
  });
  const zip = h(
    "button",
    { type: "button", class: "button", id: "download-templates-zip" },
    "每个学院一个文件（.zip）"
  );
  const update = () => {
    const all = select.value === ALL;
    book.textContent = all
      ? "一个文件，每个学院一个工作表（.xlsx）"
      : "下载该学院的月报表（.xlsx）";
    zip.hidden = !all;
  };
  const fill = (r: QuotaReference | null) => {
    const all = r ? `全部学院（${r.quotas.colleges.length} 个）` : "请先选择任务分配表";
    show(
      select,
      h("option", { value: ALL }, all),
      ...(r?.quotas.colleges ?? []).map((c) => h("option", { value: c.college }, c.college))
    );
    update();
  };
  select.addEventListener("change", update);
  onQuotaReference(fill);
  fill(quotaReference());
  return { select, buttons: h("div", { class: "button-row" }, book, zip) };
}

function templatesCard(parts: {
  month: HTMLInputElement;
  select: HTMLSelectElement;
  buttons: HTMLElement;
  progress: HTMLElement;
  box: HTMLElement;
}): HTMLElement {
  return h(
    "section",
    { class: "card" },
    h("h2", { class: "card__title" }, "下发月报表（附件6）"),
    h(
      "p",
      { class: "card__text" },
      "由任务分配表生成各学院的空白月报表，年度任务已填好，可直接发给学院（WPS、Excel 均可填写）。"
    ),
    quotaPicker("templates", "未选择任务分配表"),
    h("label", { class: "field__label", for: "template-month" }, "报表月份"),
    parts.month,
    h("label", { class: "field__label", for: "template-college" }, "学院"),
    parts.select,
    parts.buttons,
    parts.progress,
    parts.box
  );
}

/** 月报表（附件6）for WPS and browser users: one college, or every college at once. */
export function templatesPanel(panel: HTMLElement): void {
  const month = h("input", {
    id: "template-month",
    type: "month",
    class: "field__control field__control--short",
  });
  const { select, buttons } = collegeChooser();
  const box = h("div", {}, h("div", { class: "picker-message", id: "template-message" }));
  const say = (kind: "error" | "success" | "info", text: string, next?: string) =>
    notePicker(box, kind, text, next);
  const progress = progressBar();
  progress.done();
  const run = async (asZip: boolean) => {
    const reference = quotaReference();
    const ym = parseMonth(month.value);
    if (!reference)
      return say(
        "error",
        "还没有选择任务分配表。",
        "请先在上方选择任务分配表，月报表中的年度任务取自它。"
      );
    if (!ym) return say("error", "还没有选择月份。", "请在“报表月份”中选择要下发的月份。");
    const colleges = reference.quotas.colleges.filter(
      (c) => select.value === ALL || c.college === select.value
    );
    progress.start();
    say("info", "正在生成月报表…");
    try {
      const { bytes, name, type } = await templateDownload(colleges, ym, asZip, progress.set);
      saveFile(bytes, name, type);
      const text = `已下载 ${colleges.length} 个学院 ${ym.year}年${ym.month}月 的月报表，年度任务已按“${reference.name}”填好。`;
      say("success", text);
      setStatus("success", text);
      reveal(box);
    } catch (error) {
      say("error", describeError(error).message, describeError(error).next);
    } finally {
      progress.done();
    }
  };
  buttons.querySelector("#download-templates")!.addEventListener("click", () => void run(false));
  buttons.querySelector("#download-templates-zip")!.addEventListener("click", () => void run(true));
  show(panel, templatesCard({ month, select, buttons, progress: progress.element, box }));
}
