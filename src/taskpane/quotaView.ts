import type { QuotaTables } from "../core/quotaTables";
import { h } from "./dom";

type Column = [label: string, value: (r: QuotaTables["rows"][number]) => number | string | null];

/** 表1–表4 and the notes, as compact HTML tables for a 320 px pane. */
export function quotaView(tables: QuotaTables): HTMLElement {
  const t = tables.totals;
  const table = (
    caption: string,
    columns: Column[],
    totals: (number | string)[],
    rows = tables.rows
  ) =>
    h(
      "table",
      { class: "data-table" },
      h("caption", {}, caption),
      h("thead", {}, h("tr", {}, ...columns.map(([label]) => h("th", { scope: "col" }, label)))),
      h(
        "tbody",
        {},
        ...rows.map((r) =>
          h(
            "tr",
            {},
            ...columns.map(([, value], i) =>
              i === 0 ? h("th", { scope: "row" }, value(r)) : h("td", {}, value(r))
            )
          )
        ),
        h(
          "tr",
          { class: "data-table__total" },
          h("th", { scope: "row" }, "合计"),
          ...totals.map((v) => h("td", {}, v))
        )
      )
    );
  return h(
    "section",
    { class: "result", "aria-label": "任务分配结果" },
    table(
      "表1 培训任务",
      [
        ["学院", (r) => r.college],
        ["毕业生", (r) => r.graduates],
        ["培训任务", (r) => r.training],
      ],
      [t.graduates, t.training]
    ),
    table(
      "表2 高级工及以上",
      [
        ["学院", (r) => r.college],
        ["高职", (r) => r.counts.higherVocational],
        ["取证任务", (r) => r.advanced],
      ],
      [t.higherVocational, t.advanced]
    ),
    table(
      "表3 非高级工及以上",
      [
        ["学院", (r) => r.college],
        ["中职", (r) => r.counts.secondaryVocational],
        ["本科", (r) => r.counts.undergraduate],
        ["取证任务", (r) => r.nonadvanced],
      ],
      [t.secondaryVocational, t.undergraduate, t.nonadvanced]
    ),
    table(
      "表4 1+X证书",
      [
        ["学院", (r) => r.college],
        ["高职", (r) => r.advanced],
        ["中职", (r) => r.intermediate],
        ["1+X", (r) => r.onex],
      ],
      [t.onexHigher, t.onexSecondary, t.onex],
      tables.rows.filter((r) => r.onex !== null)
    ),
    h("h3", { class: "result__heading" }, "说明"),
    h(
      "ul",
      { class: "notes" },
      ...tables.notes.map((n) => h("li", { class: `note note--${n.level}` }, n.message))
    )
  );
}
