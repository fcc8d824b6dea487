import { storeZip } from "../adapters/zip/storeZip";
import { writeWorkbook } from "../adapters/xlsx/writeWorkbook";
import {
  collegeTemplateFileName,
  collegeTemplates,
  collegeTemplatesWorkbook,
} from "../core/report/collegeTemplates";
import { parseMonth, YearMonth } from "../core/report/reportMonth";
import { h, reveal, show } from "./dom";
import { saveFile } from "./saveFile";
import { progressBar } from "./filePicker";
import { loadExcelJs } from "./loadExcelJs";
import { onQuotaReference, quotaPicker, QuotaReference, quotaReference } from "./quotaReference";
import { describeError, setStatus } from "./status";

const ALL = "";

/** 月报表（附件6）for WPS and browser users: one college, or every college at once. */
export function templatesPanel(panel: HTMLElement): void {
  const month = h("input", {
    id: "template-month",
    type: "month",
    class: "field__control field__control--short",
  });
  const college = h("select", {
    id: "template-college",
    class: "field__control field__control--short",
  });
  const message = h("div", { class: "picker-message", id: "template-message", role: "status" });
  const progress = progressBar();
  progress.done();
  const oneBook = h(
    "button",
    { type: "button", class: "button button--primary", id: "download-templates" },
    ""
  );
  const zip = h(
    "button",
    { type: "button", class: "button", id: "download-templates-zip" },
    "每个学院一个文件（.zip）"
  );
  const fill = (r: QuotaReference | null) => {
    show(
      college,
      h(
        "option",
        { value: ALL },
        r ? `全部学院（${r.quotas.colleges.length} 个）` : "请先选择任务分配表"
      ),
      ...(r?.quotas.colleges ?? []).map((c) => h("option", { value: c.college }, c.college))
    );
    update();
  };
  const update = () => {
    const all = college.value === ALL;
    oneBook.textContent = all
      ? "一个文件，每个学院一个工作表（.xlsx）"
      : "下载该学院的月报表（.xlsx）";
    zip.hidden = !all;
  };
  college.addEventListener("change", update);
  onQuotaReference(fill);
  fill(quotaReference());

  const say = (kind: "error" | "success" | "info", text: string, next?: string) => {
    message.className = `picker-message picker-message--${kind}`;
    show(
      message,
      h("span", { class: "picker-message__text" }, text),
      next ? h("span", { class: "picker-message__next" }, next) : null
    );
  };
  const chosen = (): { reference: QuotaReference; ym: YearMonth } | null => {
    const reference = quotaReference();
    const ym = parseMonth(month.value);
    if (!reference)
      say(
        "error",
        "还没有选择任务分配表。",
        "请先在上方选择任务分配表，月报表中的年度任务取自它。"
      );
    else if (!ym) say("error", "还没有选择月份。", "请在“报表月份”中选择要下发的月份。");
    return reference && ym ? { reference, ym } : null;
  };
  const run = async (asZip: boolean) => {
    const picked = chosen();
    if (!picked) return;
    const { reference, ym } = picked;
    const colleges = reference.quotas.colleges.filter(
      (c) => college.value === ALL || c.college === college.value
    );
    progress.start();
    say("info", "正在生成月报表…");
    try {
      const excel = await loadExcelJs();
      if (asZip) {
        const files = [];
        for (const [i, t] of collegeTemplates(colleges, ym).entries()) {
          files.push({
            name: collegeTemplateFileName(t.college, ym),
            data: await writeWorkbook(excel, { sheets: [t.sheet] }),
          });
          progress.set(i + 1, colleges.length);
        }
        saveFile(storeZip(files), `月报表-${ym.year}年${ym.month}月-各学院.zip`, "application/zip");
      } else {
        const name =
          colleges.length === 1
            ? collegeTemplateFileName(colleges[0]!.college, ym)
            : `月报表-${ym.year}年${ym.month}月-全部学院.xlsx`;
        saveFile(await writeWorkbook(excel, collegeTemplatesWorkbook(colleges, ym)), name);
      }
      const text = `已下载 ${colleges.length} 个学院 ${ym.year}年${ym.month}月 的月报表，年度任务已按“${reference.name}”填好。`;
      say("success", text);
      setStatus("success", text);
      reveal(message);
    } catch (error) {
      const { message: text, next } = describeError(error);
      say("error", text, next);
    } finally {
      progress.done();
    }
  };
  oneBook.addEventListener("click", () => void run(false));
  zip.addEventListener("click", () => void run(true));
  show(
    panel,
    h(
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
      month,
      h("label", { class: "field__label", for: "template-college" }, "学院"),
      college,
      h("div", { class: "button-row" }, oneBook, zip),
      progress.element,
      message
    )
  );
}
