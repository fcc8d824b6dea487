import { h } from "./dom";

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
    { class: "drop-zone" },
    h("label", { class: "button file-input", for: id }, label),
    h("span", { class: "muted" }, "或将文件拖到这里"),
    input
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

/** A labelled progress bar. */
export function progressBar(): { element: HTMLElement; set(done: number, total: number): void } {
  const bar = h("progress", { class: "progress", max: 1, value: 0, "aria-label": "读取进度" });
  const text = h("span", { class: "muted" });
  return {
    element: h("div", { class: "progress-row" }, bar, text),
    set(done, total) {
      bar.max = total;
      bar.value = done;
      text.textContent = `${done}/${total}`;
    },
  };
}
