import type { Grid } from "../core/grid";
import { ownWorkbook, ownWorkbookNote } from "../core/report/ownWorkbook";
import { h } from "./dom";
import { filePicker, notePicker, progressBar, WORKBOOK_FILES } from "./filePicker";
import { PickedFile, readPickedFiles } from "./readReportFiles";
import { describeError } from "./status";
import { ownedSheets } from "./pageMaster";

export type ReadPicked = PickedFile & { grids: readonly Grid[]; name: string };

/**
 * One reference workbook picked beside the reports: `use` reads its sheets and returns the label
 * to show; a failure is said beside the picker and clears the old choice (`use(null)`).
 */
export function referencePicker(
  id: string,
  button: string,
  none: string,
  use: (picked: ReadPicked | null) => string,
  next: string
): HTMLElement {
  const label = h("span", { class: "muted picker-choice" }, none);
  const zone = filePicker(id, button, WORKBOOK_FILES, false, async ([file]) => {
    notePicker(zone, "info", `正在读取“${file!.name}”…`);
    try {
      const [picked] = await readPickedFiles([file!], () => undefined);
      if (!picked!.grids) throw new Error(picked!.error);
      label.textContent = use({ ...picked!, grids: picked!.grids, name: file!.name });
      notePicker(zone, "success", `已读取“${file!.name}”。`);
    } catch (error) {
      label.textContent = use(null) || none;
      notePicker(zone, "error", describeError(error).message, next);
    }
  });
  return h("div", { class: "stack picker-group" }, zone, label);
}

export function monthField(id: string): HTMLInputElement {
  return h("input", {
    id,
    type: "month",
    class: "field__control field__control--short",
    "aria-label": "报表月份（可选）",
  });
}

/** Our own workbook by its sheets' names, or a master whose 月报台账 was renamed (its ownership name). */
const ownKind = (grids: readonly Grid[], p: PickedFile) =>
  ownWorkbook(grids) ?? (ownedSheets(grids, p.definedNames).has("ledger") ? "总表" : null);

/** Reads picked reports; our own workbooks (quota workbook, master, 问题清单) are set aside with a note. */
export async function readReports(
  files: File[],
  progress: ReturnType<typeof progressBar>
): Promise<{ reports: PickedFile[]; skipped: string[] }> {
  progress.start();
  try {
    const picked = await readPickedFiles(files, progress.set);
    const skipped: string[] = [];
    const reports = picked.filter((p) => {
      const own = p.grids ? ownKind(p.grids, p) : null;
      if (own) skipped.push(ownWorkbookNote(p.file, own));
      return !own;
    });
    return { reports, skipped };
  } finally {
    progress.done();
  }
}

/** Notes above the results: files set aside, what was not checked, the master's own state. */
export const skippedNotes = (skipped: readonly string[]) =>
  skipped.length
    ? h(
        "ul",
        { class: "notes", id: "skipped-files" },
        ...skipped.map((s) =>
          h("li", { class: "note note--info" }, /[。！？]$/.test(s) ? s : `${s}。`)
        )
      )
    : null;
