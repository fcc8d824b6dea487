import type { Finding } from "../core/report/finding";
import { SECTION_KEYS, SECTIONS } from "../core/report/reportLayout";
import type { Problem, Rejected, RollUpResult } from "../core/rollup/rollUp";
import { TARGETS_FROM_REPORTS } from "../core/rollup/summarySheet";
import { sheetOf } from "../core/lists/withListFindings";
import { h } from "./dom";

type Summary = RollUpResult["summary"];

/** Where a finding is, as the CLI writes it: 取证名单!J4 for a list, the cell alone on the form. */
function problemPlace(f: Pick<Finding, "cell">): string {
  const sheet = sheetOf(f as Finding);
  return f.cell ? (sheet ? `${sheet}!${f.cell}` : f.cell) : (sheet ?? "");
}

// Widths through the CSSOM, not style="" (the page's content security policy refuses inline styles).
function bar(rate: number | null, expected: number, behind: boolean): HTMLElement {
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
}

function sectionsTable(summary: Summary): HTMLElement {
  const head = ["项目", "累计/任务", "完成率", "应完成"].map((t) => h("th", { scope: "col" }, t));
  const rows = SECTION_KEYS.map((s) => {
    const v = summary.sections[s];
    return h(
      "tr",
      {},
      h("th", { scope: "row" }, SECTIONS[s].name.replace(/取证人数$/, "")),
      h("td", {}, `${v.cumulative}/${v.target ?? "—"}`),
      h("td", {}, v.rate === null ? "—" : `${v.rate}%`),
      h("td", {}, `${summary.expected[s]}%`)
    );
  });
  return h(
    "table",
    { class: "data-table" },
    h("thead", {}, h("tr", {}, ...head)),
    h("tbody", {}, ...rows)
  );
}

function collegeBars(summary: Summary): HTMLElement {
  return h(
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
  );
}

/** The reports left out of the roll-up, each error with its sheet and cell. */
export function rejectedList(rejected: readonly Rejected[]): HTMLElement | null {
  if (rejected.length === 0) return null;
  const text = (e: Problem) => `${problemPlace(e) ? `${problemPlace(e)} ` : ""}${e.message}`;
  return h(
    "div",
    {},
    h("h3", { class: "result__heading error" }, `未汇总（有错误，${rejected.length}）`),
    h(
      "ul",
      { class: "notes", id: "rejected-reports" },
      ...rejected.map((r) =>
        h("li", { class: "note note--error" }, `${r.file}：${r.errors.map(text).join("；")}`)
      )
    )
  );
}

/** The month's progress in the pane: the school, a bar per college (marked when behind), missing, late, rejected. */
export function rollupView(result: RollUpResult): HTMLElement {
  const { summary } = result;
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
    sectionsTable(summary),
    h("h3", { class: "result__heading" }, "各学院培训进度（竖线为应完成进度）"),
    collegeBars(summary),
    h("h3", { class: "result__heading" }, `未报送（${summary.missing.length}）`),
    h("p", { id: "missing-colleges" }, summary.missing.join("、") || "无"),
    h("h3", { class: "result__heading" }, `逾期报送（${summary.late.length}）`),
    h(
      "p",
      { id: "late-colleges" },
      summary.late.map((l) => `${l.college}（${l.filedOn}）`).join("、") || "无"
    ),
    rejectedList(result.rejected)
  );
}
