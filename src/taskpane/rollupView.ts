import { SECTION_KEYS, SECTIONS } from "../core/report/reportLayout";
import type { RollUpResult } from "../core/rollup/rollUp";
import { TARGETS_FROM_REPORTS } from "../core/rollup/summarySheet";
import { h } from "./dom";

/** The month's progress in the pane: the school, a bar per college (marked when behind), missing, late, rejected. */
export function rollupView(result: RollUpResult): HTMLElement {
  const { summary } = result;
  // Widths through the CSSOM, not style="" (the page's content security policy refuses inline styles).
  const bar = (rate: number | null, expected: number, behind: boolean) => {
    const fill = h("div", { class: "bar__fill" });
    fill.style.width = `${Math.min(100, rate ?? 0)}%`;
    const mark = h("div", { class: "bar__expected" });
    mark.style.left = `${Math.min(100, expected)}%`;
    return h(
      "div",
      {
        class: `bar${behind ? " bar--behind" : ""}`,
        role: "img",
        "aria-label": `完成 ${rate ?? 0}%，应完成 ${expected}%`,
      },
      fill,
      mark
    );
  };
  return h(
    "section",
    { class: "result", "aria-label": "汇总结果" },
    h("h3", { class: "result__heading" }, `全校 ${result.month}`),
    summary.targetsFromReports
      ? h(
          "p",
          { class: "callout callout--warning", id: "targets-from-reports" },
          TARGETS_FROM_REPORTS
        )
      : null,
    h(
      "table",
      { class: "data-table" },
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          ...["项目", "累计/任务", "完成率", "应完成"].map((t) => h("th", { scope: "col" }, t))
        )
      ),
      h(
        "tbody",
        {},
        ...SECTION_KEYS.map((s) => {
          const v = summary.sections[s];
          return h(
            "tr",
            {},
            h("th", { scope: "row" }, SECTIONS[s].name.replace(/取证人数$/, "")),
            h("td", {}, `${v.cumulative}/${v.target ?? "—"}`),
            h("td", {}, v.rate === null ? "—" : `${v.rate}%`),
            h("td", {}, `${summary.expected[s]}%`)
          );
        })
      )
    ),
    h("h3", { class: "result__heading" }, "各学院培训进度（竖线为应完成进度）"),
    h(
      "ul",
      { class: "college-bars" },
      ...summary.colleges.map((c) => {
        const t = c.sections.training;
        const behind = SECTION_KEYS.some((s) => c.sections[s].behind);
        return h(
          "li",
          { class: "college-bar", "data-college": c.college },
          h(
            "span",
            { class: "college-bar__name" },
            c.college,
            behind ? h("span", { class: "warning" }, "（落后）") : null
          ),
          bar(t.rate, t.expected, t.behind),
          h("span", { class: "college-bar__rate" }, t.rate === null ? "—" : `${t.rate}%`)
        );
      })
    ),
    h("h3", { class: "result__heading" }, `未报送（${summary.missing.length}）`),
    h("p", { id: "missing-colleges" }, summary.missing.join("、") || "无"),
    h("h3", { class: "result__heading" }, `逾期报送（${summary.late.length}）`),
    h(
      "p",
      { id: "late-colleges" },
      summary.late.map((l) => `${l.college}（${l.filedOn}）`).join("、") || "无"
    ),
    result.rejected.length
      ? h(
          "div",
          {},
          h(
            "h3",
            { class: "result__heading error" },
            `未汇总（有错误，${result.rejected.length}）`
          ),
          h(
            "ul",
            { class: "notes", id: "rejected-reports" },
            ...result.rejected.map((r) =>
              h(
                "li",
                { class: "note note--error" },
                `${r.file}：${r.errors.map((e) => `${e.cell ? `${e.cell} ` : ""}${e.message}`).join("；")}`
              )
            )
          )
        )
      : null
  );
}
