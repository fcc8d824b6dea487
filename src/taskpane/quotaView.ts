import type { CollegeQuota, QuotaTables, QuotaTotals } from "../core/quotaTables";
import { h } from "./dom";

type Column = [label: string, value: (r: CollegeQuota) => number | string | null];

interface TableSpec {
  readonly caption: string;
  readonly columns: readonly Column[];
  /** The 合计 row after its label, one a column after 学院. */
  readonly totals: (t: QuotaTotals) => readonly (number | string)[];
  /** The colleges the table lists (default: all). */
  readonly rows?: (r: CollegeQuota) => boolean;
}

const college: Column = ["学院", (r) => r.college];

/** 表1–表4 as the pane shows them: compact, a few columns each. */
const TABLES: readonly TableSpec[] = [
  {
    caption: "表1 培训任务",
    columns: [college, ["毕业生", (r) => r.graduates], ["培训任务", (r) => r.training]],
    totals: (t) => [t.graduates, t.training],
  },
  {
    caption: "表2 高级工及以上",
    columns: [college, ["高职", (r) => r.counts.higherVocational], ["取证任务", (r) => r.advanced]],
    totals: (t) => [t.higherVocational, t.advanced],
  },
  {
    caption: "表3 非高级工及以上",
    columns: [
      college,
      ["中职", (r) => r.counts.secondaryVocational],
      ["本科", (r) => r.counts.undergraduate],
      ["取证任务", (r) => r.nonadvanced],
    ],
    totals: (t) => [t.secondaryVocational, t.undergraduate, t.nonadvanced],
  },
  {
    caption: "表4 1+X证书",
    columns: [
      college,
      ["高职", (r) => r.advanced],
      ["中职", (r) => r.intermediate],
      ["1+X", (r) => r.onex],
    ],
    totals: (t) => [t.onexHigher, t.onexSecondary, t.onex],
    rows: (r) => r.onex !== null,
  },
];

function dataTable(spec: TableSpec, tables: QuotaTables): HTMLTableElement {
  const rows = spec.rows ? tables.rows.filter(spec.rows) : tables.rows;
  const cell = ([, value]: Column, i: number, r: CollegeQuota) =>
    i === 0 ? h("th", { scope: "row" }, value(r)) : h("td", {}, value(r));
  return h(
    "table",
    { class: "data-table" },
    h("caption", {}, spec.caption),
    h("thead", {}, h("tr", {}, ...spec.columns.map(([label]) => h("th", { scope: "col" }, label)))),
    h(
      "tbody",
      {},
      ...rows.map((r) => h("tr", {}, ...spec.columns.map((c, i) => cell(c, i, r)))),
      h(
        "tr",
        { class: "data-table__total" },
        h("th", { scope: "row" }, "合计"),
        ...spec.totals(tables.totals).map((v) => h("td", {}, v))
      )
    )
  );
}

/** 表1–表4 and the notes, as compact HTML tables for a 320 px pane. */
export function quotaView(tables: QuotaTables): HTMLElement {
  return h(
    "section",
    { class: "result", "aria-label": "任务分配结果" },
    ...TABLES.map((spec) => dataTable(spec, tables)),
    h("h3", { class: "result__heading" }, "说明"),
    h(
      "ul",
      { class: "notes" },
      ...tables.notes.map((n) => h("li", { class: `note note--${n.level}` }, n.message))
    )
  );
}
