import { h, show } from "./dom";

/** Spreadsheets a person may pick: every format the reader takes (.xlsx, .xls, .et, .ods; CSV where a sheet will do). */
export const SHEET_FILES = ".xlsx,.xls,.et,.ods,.csv";
export const WORKBOOK_FILES = ".xlsx,.xls,.et,.ods";

/** A file button that also takes files dropped on it; `multiple` for several reports. */
export function filePicker(
  id: string,
  label: string,
  accept: string,
  multiple: boolean,
  onFiles: (files: File[]) => void
): HTMLElement {
  const input = h("input", { id, type: "file", accept, multiple, class: "file-input__control" });
  input.addEventListener("change", () => {
    if (input.files && input.files.length > 0) onFiles([...input.files]);
    input.value = "";
  });
  const zone = h(
    "div",
    { class: "drop-zone", "data-picker": id },
    h("label", { class: "button file-input", for: id }, label),
    h("span", { class: "muted drop-zone__hint" }, "或将文件拖到这里"),
    input,
    h("div", { class: "picker-message", id: `${id}-message`, role: "status" })
  );
  zone.addEventListener("dragover", (e) => {
    e.preventDefault();
    zone.classList.add("drop-zone--over");
  });
  zone.addEventListener("dragleave", () => zone.classList.remove("drop-zone--over"));
  zone.addEventListener("drop", (e) => {
    e.preventDefault();
    zone.classList.remove("drop-zone--over");
    const files = [...((e as DragEvent).dataTransfer?.files ?? [])];
    if (files.length > 0) onFiles(multiple ? files : files.slice(0, 1));
  });
  return zone;
}

export type PickerNoteKind = "error" | "warning" | "success" | "info";

/**
 * A message beside the picker it is about (the status bar alone is too far away): what happened,
 * and for a problem what to do next. An empty message clears it.
 */
export function notePicker(
  zone: HTMLElement,
  kind: PickerNoteKind,
  message: string,
  next?: string
): void {
  const box = zone.querySelector<HTMLElement>(".picker-message");
  if (!box) return;
  box.className = `picker-message picker-message--${kind}`;
  box.setAttribute("role", kind === "error" ? "alert" : "status");
  show(
    box,
    message ? h("span", { class: "picker-message__text" }, message) : null,
    next ? h("span", { class: "picker-message__next" }, next) : null
  );
}

/**
 * A labelled progress bar, shown only once the work has taken a second (quick work does not
 * flash a bar); `done` hides it again.
 */
export function progressBar(): {
  element: HTMLElement;
  set(done: number, total: number): void;
  start(): void;
  done(): void;
} {
  const bar = h("progress", { class: "progress", max: 1, value: 0, "aria-label": "处理进度" });
  const text = h("span", { class: "muted" });
  const element = h("div", { class: "progress-row" }, bar, text);
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    element,
    set(done, total) {
      bar.max = total;
      bar.value = done;
      text.textContent = `${done}/${total}`;
    },
    start() {
      clearTimeout(timer);
      element.hidden = true;
      bar.removeAttribute("value");
      text.textContent = "";
      timer = setTimeout(() => (element.hidden = false), 1000);
    },
    done() {
      clearTimeout(timer);
      element.hidden = true;
    },
  };
}
