import type { Finding } from "../core/report/finding";
import type { ReportResult } from "../core/report/validateReport";
import { h } from "./dom";

/** The findings of checked reports; a finding with a cell is a button when `onSelect` is given. */
export function findingsView(
  results: readonly ReportResult[],
  onSelect?: (result: ReportResult, finding: Finding) => void
): HTMLElement {
  const item = (r: ReportResult, f: Finding) => {
    const text = `${f.cell ? `${f.cell}：` : ""}${f.message}`;
    const label = f.severity === "error" ? "错误" : "提醒";
    return h(
      "li",
      { class: `note note--${f.severity}`, "data-code": f.code },
      onSelect && f.cell
        ? h(
            "button",
            {
              type: "button",
              class: "link-button",
              onclick: () => onSelect(r, f),
              title: "在工作表中选中此单元格",
            },
            `${label} ${text}`
          )
        : `${label} ${text}`
    );
  };
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
              ...r.errors.map((f) => item(r, f)),
              ...r.warnings.map((f) => item(r, f))
            )
          : h("p", { class: "muted" }, "没有发现问题。")
      )
    )
  );
}
