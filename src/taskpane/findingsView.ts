import type { Finding } from "../core/report/finding";
import type { ReportResult } from "../core/report/validateReport";
import { sheetOf } from "../core/lists/withListFindings";
import { h } from "./dom";

/** Where a finding points: the sheet (a list's, or the form's) and the cell. */
export interface FindingPlace {
  /** Null when neither the finding nor its report names a sheet (a CSV file). */
  readonly sheet: string | null;
  readonly cell: string;
}

/** The finding's sheet and cell; null when it names no cell. */
export function placeOf(result: ReportResult, finding: Finding): FindingPlace | null {
  if (!finding.cell) return null;
  return { sheet: sheetOf(finding) ?? result.sheet, cell: finding.cell };
}

/** "取证名单!J4" for a finding on another sheet than its report's form, "D4" on the form. */
function whereOf(result: ReportResult, finding: Finding): string {
  const sheet = sheetOf(finding);
  if (!finding.cell) return sheet && sheet !== result.sheet ? sheet : "";
  return sheet && sheet !== result.sheet ? `${sheet}!${finding.cell}` : finding.cell;
}

function findingItem(
  r: ReportResult,
  f: Finding,
  onSelect?: (place: FindingPlace, result: ReportResult, finding: Finding) => void
): HTMLElement {
  const where = whereOf(r, f);
  const text = `${where ? `${where}：` : ""}${f.message}`;
  const label = f.severity === "error" ? "错误" : "提醒";
  const place = placeOf(r, f);
  return h(
    "li",
    {
      class: `note note--${f.severity}`,
      "data-code": f.code,
      ...(place?.sheet ? { "data-sheet": place.sheet } : {}),
      ...(place ? { "data-cell": place.cell } : {}),
    },
    onSelect && place
      ? h(
          "button",
          {
            type: "button",
            class: "link-button",
            onclick: () => onSelect(place, r, f),
            title: "在工作表中选中此单元格",
          },
          `${label} ${text}`
        )
      : `${label} ${text}`
  );
}

/**
 * The findings of checked reports, each with its sheet and cell (a list's findings name their
 * sheet: 取证名单!J4); a finding with a cell is a button when `onSelect` is given (the pane
 * selects that cell on that sheet; the page passes none).
 */
export function findingsView(
  results: readonly ReportResult[],
  onSelect?: (place: FindingPlace, result: ReportResult, finding: Finding) => void
): HTMLElement {
  return h(
    "section",
    { class: "result", "aria-label": "检查结果" },
    ...results.map((r) =>
      h(
        "div",
        { class: `report-result report-result--${r.valid ? "valid" : "invalid"}` },
        h(
          "h3",
          { class: `result__heading ${r.valid ? "success" : "error"}` },
          `${r.valid ? "✓ 通过" : "✗ 有错误"}：${[r.file, r.sheet].filter(Boolean).join(" · ")}`
        ),
        h("p", { class: "muted" }, `${r.college ?? "填报单位不明"}，${r.month ?? "月份不明"}`),
        r.errors.length + r.warnings.length > 0
          ? h(
              "ul",
              { class: "notes" },
              ...r.errors.map((f) => findingItem(r, f, onSelect)),
              ...r.warnings.map((f) => findingItem(r, f, onSelect))
            )
          : h("p", { class: "muted" }, "没有发现问题。")
      )
    )
  );
}
