import { FLOOR_LABELS, FLOOR_NAMES, FloorName } from "./floors";
import { percentDecimals } from "./rate";
import { RATE_LABELS, RATE_NAMES, RateName } from "./rates";
import { toNumber } from "./decimal";
import { cellAddress, sheetRef } from "./grid";
import type { CountColumn } from "./graduateTable";
import type { CollegeQuota, QuotaTables } from "./quotaTables";
import { layoutSheet } from "./sheetLayout";
import { CellStyleName, ModelCell, SheetModel, WorkbookModel, cell } from "./workbookModel";

/** native: =ROUND(...) that any spreadsheet computes exactly; quota: =QUOTA.*(...); values: numbers only. */
export type FormulaStyle = "native" | "quota" | "values";

export const QUOTA_SHEETS = {
  table1: "表1",
  table2: "表2",
  table3: "表3",
  table4: "表4",
  params: "参数",
  notes: "说明",
} as const;

export type QuotaSheetKey = keyof typeof QUOTA_SHEETS;
export type QuotaSheetNames = Readonly<Record<QuotaSheetKey, string>>;

export interface QuotaWorkbookOptions {
  readonly formulas?: FormulaStyle;
  /** The 届 in the titles; omitted when unknown. */
  readonly year?: number | null;
  /** The graduate counts' own cells, so that 表1 follows them (the pane's live tables). */
  /** Other names for the sheets, when the usual ones are taken by sheets that are not ours. */
  readonly sheetNames?: Partial<QuotaSheetNames>;
  readonly source?: {
    readonly sheet: string;
    readonly cells: readonly Readonly<Record<CountColumn, string>>[];
  };
}

const FIRST_DATA_ROW = 4; // Excel row of the first college: title on 1, the two-row header on 2–3
const PARAM_FIRST_ROW = 3;
const FLOOR_FIRST_ROW = 10;
/** Excel row of 参数's year (the titles' 2022年 and the headers' 2022届 follow it). */
const YEAR_ROW = 16;

/** 表1's note under the table, as the plan prints it. */
export const TABLE1_NOTE = "注：中职毕业生包括一年制、三年制毕业生和五年一贯制三年级学生。";

/** A header column, or a group label over two-row sub-headers (the plan's 2022届毕业生人数). */
type Header = string | { readonly group: ModelCell; readonly columns: readonly string[] };

/** Builds the quota workbook (表1–表4, 参数, 说明) for the given tables. */
export function buildQuotaWorkbook(
  tables: QuotaTables,
  options: QuotaWorkbookOptions = {}
): WorkbookModel {
  const S: QuotaSheetNames = { ...QUOTA_SHEETS, ...options.sheetNames };
  const rateCell = (name: RateName) =>
    `${sheetRef(S.params)}!$B$${PARAM_FIRST_ROW + RATE_NAMES.indexOf(name)}`;
  const floorCell = (name: FloorName) =>
    `${sheetRef(S.params)}!$B$${FLOOR_FIRST_ROW + FLOOR_NAMES.indexOf(name)}`;
  const style = options.formulas ?? "native";
  const live = style !== "values";
  const apportioned = tables.totalsMode === "apportion";
  const n = tables.rows.length;
  const last = FIRST_DATA_ROW + n - 1;
  const total = last + 1;
  const rowOf = (i: number) => FIRST_DATA_ROW + i;
  const yearCell = `${sheetRef(S.params)}!$B$${YEAR_ROW}`;
  // Text with the year in it: a formula over 参数's year when the workbook is live.
  const withYear = (before: string, unit: "年" | "届", after: string, as: CellStyleName) =>
    cell(
      `${before}${options.year ? `${options.year}${unit}` : ""}${after}`,
      as,
      live
        ? `${before ? `"${before}"&` : ""}IF(${yearCell}="","",${yearCell}&"${unit}")&"${after}"`
        : undefined
    );
  const graduatesOf = (columns: string[], what = "毕业生人数"): Header => ({
    group: withYear("", "届", what, "header"),
    columns,
  });

  // Multiplying by the integer percentage (×100, or ×10^k for finer rates) keeps every native
  // formula in integers until the final ÷, whose half-way results are exact in binary.
  const scale = 10 ** (2 + Math.max(...RATE_NAMES.map((r) => percentDecimals(tables.rates[r]))));
  const scaled = (rate: RateName) => `ROUND(${rateCell(rate)}*${scale},0)`;
  const nativeQuota = (...parts: [string, RateName][]) =>
    `ROUND(${parts.length > 1 ? "(" : ""}${parts.map(([x, r]) => `${x}*${scaled(r)}`).join("+")}${parts.length > 1 ? ")" : ""}/${scale},0)`;
  const q = (fn: string, args: string[], native: string) =>
    style === "quota" ? `QUOTA.${fn}(${args.join(",")})` : native;

  const int = (value: number, formula?: string) =>
    cell(value, "integer", live ? formula : undefined);
  const quotaCell = (value: number, formula: string) =>
    int(value, apportioned ? undefined : formula);
  const totalCell = (value: number, formula?: string) =>
    cell(value, "total", live ? formula : undefined);
  const sumOf = (column: string) => `SUM(${column}${FIRST_DATA_ROW}:${column}${last})`;
  const ref = (sheet: string, address: string) => `${sheetRef(sheet)}!${address}`;
  const t1 = (column: string, i: number) => ref(S.table1, `${column}${rowOf(i)}`);

  const countCell = (r: CollegeQuota, i: number, k: CountColumn) => {
    const source = options.source;
    return int(r.counts[k], source ? ref(source.sheet, source.cells[i]![k]) : undefined);
  };

  const table1 = tableSheet(
    S.table1,
    "table1",
    withYear("表1  ", "年", "各二级学院培训任务一览表", "title"),
    ["二级学院名称", graduatesOf(["本科生", "高职生", "中职生", "合计"]), "培训任务"],
    [22, 10, 10, 10, 10, 12],
    [
      ...tables.rows.map((r, i) => [
        cell(r.college, "text"),
        countCell(r, i, "undergraduate"),
        countCell(r, i, "higherVocational"),
        countCell(r, i, "secondaryVocational"),
        int(r.graduates, `SUM(B${rowOf(i)}:D${rowOf(i)})`),
        quotaCell(
          r.training,
          q(
            "TRAINING",
            [`B${rowOf(i)}:D${rowOf(i)}`, rateCell("training")],
            nativeQuota([`E${rowOf(i)}`, "training"])
          )
        ),
      ]),
      [
        cell("合计", "totalText"),
        totalCell(tables.totals.undergraduate, sumOf("B")),
        totalCell(tables.totals.higherVocational, sumOf("C")),
        totalCell(tables.totals.secondaryVocational, sumOf("D")),
        totalCell(tables.totals.graduates, sumOf("E")),
        totalCell(
          tables.totals.training,
          q("TRAINING", [`E${total}`, rateCell("training")], nativeQuota([`E${total}`, "training"]))
        ),
      ],
    ],
    TABLE1_NOTE
  );

  const table2 = tableSheet(
    S.table2,
    "table2",
    withYear("表2  ", "年", "各二级学院取证任务一览表（高级工及以上）", "title"),
    ["二级学院名称", withYear("", "届", "高职毕业生人数", "header"), "取证任务"],
    [22, 16, 12],
    [
      ...tables.rows.map((r, i) => [
        cell(r.college, "text"),
        int(r.counts.higherVocational, t1("C", i)),
        quotaCell(
          r.advanced,
          q(
            "ADVANCED",
            [`B${rowOf(i)}`, rateCell("advanced")],
            nativeQuota([`B${rowOf(i)}`, "advanced"])
          )
        ),
      ]),
      [
        cell("合计", "totalText"),
        totalCell(tables.totals.higherVocational, sumOf("B")),
        totalCell(tables.totals.advanced, sumOf("C")),
      ],
    ]
  );

  const table3 = tableSheet(
    S.table3,
    "table3",
    withYear("表3  ", "年", "各二级学院取证任务一览表（非高级工及以上）", "title"),
    ["二级学院名称", graduatesOf(["中职生", "本科生"]), "取证任务"],
    [22, 10, 10, 12],
    [
      ...tables.rows.map((r, i) => [
        cell(r.college, "text"),
        int(r.counts.secondaryVocational, t1("D", i)),
        int(r.counts.undergraduate, t1("B", i)),
        quotaCell(
          r.nonadvanced,
          q(
            "NONADVANCED",
            [`B${rowOf(i)}`, `C${rowOf(i)}`, rateCell("intermediate"), rateCell("undergraduate")],
            nativeQuota([`B${rowOf(i)}`, "intermediate"], [`C${rowOf(i)}`, "undergraduate"])
          )
        ),
      ]),
      [
        cell("合计", "totalText"),
        totalCell(tables.totals.secondaryVocational, sumOf("B")),
        totalCell(tables.totals.undergraduate, sumOf("C")),
        totalCell(tables.totals.nonadvanced, sumOf("D")),
      ],
    ]
  );

  const onexRows = tables.rows.map((r, i) => ({ r, i })).filter(({ r }) => r.onex !== null);
  const last4 = FIRST_DATA_ROW + onexRows.length - 1;
  const sum4 = (column: string) => `SUM(${column}${FIRST_DATA_ROW}:${column}${last4})`;
  const t2 = (i: number) => ref(S.table2, `C${rowOf(i)}`);
  const table4 = tableSheet(
    S.table4,
    "table4",
    withYear("表4  ", "年", "各二级学院取证任务一览表（1+X证书）", "title"),
    [
      "二级学院名称",
      graduatesOf(["高职人数", "中职人数", "合计"], "毕业生取证人数"),
      "1+X证书取证任务",
    ],
    [22, 10, 10, 10, 16],
    [
      ...onexRows.map(({ r, i }, j) => {
        const row = FIRST_DATA_ROW + j;
        return [
          cell(r.college, "text"),
          int(r.advanced, t2(i)),
          int(
            r.intermediate,
            q(
              "INTERMEDIATE",
              [t1("D", i), rateCell("intermediate")],
              nativeQuota([t1("D", i), "intermediate"])
            )
          ),
          int(r.onexBase!, `B${row}+C${row}`),
          quotaCell(
            r.onex!,
            q("ONEX", [`D${row}`, rateCell("onex")], nativeQuota([`D${row}`, "onex"]))
          ),
        ];
      }),
      [
        cell("合计", "totalText"),
        totalCell(tables.totals.onexHigher, sum4("B")),
        totalCell(tables.totals.onexSecondary, sum4("C")),
        totalCell(tables.totals.onexBase, sum4("D")),
        totalCell(
          tables.totals.onex,
          q("ONEX", [`D${last4 + 1}`, rateCell("onex")], nativeQuota([`D${last4 + 1}`, "onex"]))
        ),
      ],
    ]
  );

  return {
    sheets: [
      table1,
      table2,
      table3,
      table4,
      paramsSheet(tables, S, options.year ?? null),
      notesSheet(tables, S, live, total, last4 + 1, floorCell),
    ],
  };
}

function tableSheet(
  name: string,
  key: QuotaSheetKey,
  title: ModelCell,
  headers: (Header | ModelCell)[],
  widths: number[],
  body: ModelCell[][],
  note?: string
): SheetModel {
  const top: ModelCell[] = [];
  const sub: ModelCell[] = [];
  const merges: string[] = [];
  const blank = cell(null, "header");
  for (const h of headers) {
    const at = top.length;
    if (typeof h === "object" && h !== null && "group" in h) {
      top.push(h.group, ...h.columns.slice(1).map(() => blank));
      sub.push(...h.columns.map((c) => cell(c, "header")));
      merges.push(`${cellAddress(1, at)}:${cellAddress(1, at + h.columns.length - 1)}`);
    } else {
      top.push(typeof h === "string" ? cell(h, "header") : h);
      sub.push(blank);
      merges.push(`${cellAddress(1, at)}:${cellAddress(2, at)}`);
    }
  }
  const columns = top.length;
  const end = cellAddress(0, columns - 1).replace(/\d+$/, "");
  const cells = [[title], top, sub, ...body];
  if (note) {
    cells.push([cell(note, "note")]);
    merges.push(`A${cells.length}:${end}${cells.length}`);
  }
  return layoutSheet({
    name,
    key,
    cells,
    merges: [`A1:${end}1`, ...merges],
    columnWidths: widths,
    frozenRows: 3,
  });
}

/** "培训任务比例（占毕业生总数）" → ["培训任务比例", "占毕业生总数"]. */
const splitLabel = (label: string): [string, string] => {
  const match = /^(.*?)（(.*)）$/.exec(label);
  return match ? [match[1]!, match[2]!] : [label, ""];
};

function paramsSheet(tables: QuotaTables, S: QuotaSheetNames, year: number | null): SheetModel {
  const rates = RATE_NAMES.map((r) => {
    const [name, basis] = splitLabel(RATE_LABELS[r]);
    return [cell(name, "text"), cell(toNumber(tables.rates[r]), "percent"), cell(basis, "text")];
  });
  const floors = FLOOR_NAMES.map((f) => {
    const [name, unit] = splitLabel(FLOOR_LABELS[f]);
    return [
      cell(name, "text"),
      cell(tables.floors[f], "integer"),
      cell(`省定最低任务（${unit}）`, "text"),
    ];
  });
  const head = (...labels: string[]) => labels.map((l) => cell(l, "header"));
  const sheet: SheetModel = {
    name: S.params,
    key: "params",
    cells: [
      [cell("参数（修改比例、最低任务或年份后，各表自动重算）", "title")],
      head("名称", "比例", "说明"),
      ...rates,
      [],
      head("名称", "人数", "说明"),
      ...floors,
      [],
      head("名称", "年份", "说明"),
      [
        cell("毕业生届别", "text"),
        cell(year, "integer"),
        cell("表1–表4 标题中的年份与届别", "text"),
      ],
    ],
    merges: ["A1:C1"],
    columnWidths: [24, 12, 30],
    frozenRows: 0,
  };
  if (sheet.cells.length !== YEAR_ROW) throw new Error("参数: the year is not on its row");
  return layoutSheet(sheet);
}

function notesSheet(
  tables: QuotaTables,
  S: QuotaSheetNames,
  live: boolean,
  total1: number,
  total4: number,
  floorCell: (name: FloorName) => string
): SheetModel {
  const totalCellOf: Record<FloorName, string> = {
    training: `${sheetRef(S.table1)}!F${total1}`,
    advanced: `${sheetRef(S.table2)}!C${total1}`,
    certificates: `${sheetRef(S.table2)}!C${total1}+${sheetRef(S.table3)}!D${total1}`,
    onex: `${sheetRef(S.table4)}!E${total4}`,
  };
  const firstFloorRow = 3;
  const floorRows = tables.floorChecks.map((f, i) => {
    const row = firstFloorRow + i;
    return [
      cell(f.label, "text"),
      cell(f.required, "integer", live ? floorCell(f.name) : undefined),
      cell(f.actual, "integer", live ? totalCellOf[f.name] : undefined),
      cell(
        f.ok ? "达标" : "未达标",
        f.ok ? "text" : "warning",
        live ? `IF(C${row}>=B${row},"达标","未达标")` : undefined
      ),
    ];
  });
  const sheet: SheetModel = {
    name: S.notes,
    key: "notes",
    cells: [
      [cell("说明：省定最低任务核对与合计行说明", "title")],
      [
        cell("项目", "header"),
        cell("省定最低任务", "header"),
        cell("本方案合计", "header"),
        cell("核对", "header"),
      ],
      ...floorRows,
      [],
      [cell("说明", "header")],
      ...tables.notes
        .filter((note) => note.code !== "floor-met" && note.code !== "floor-missed")
        .map((note) => [cell(note.message, note.level === "warning" ? "warning" : "note")]),
    ],
    merges: ["A1:D1"],
    columnWidths: [30, 14, 14, 10],
    frozenRows: 2,
  };
  const merges = [...sheet.merges];
  sheet.cells.forEach((row, r) => {
    if (r > floorRows.length + 2 && row.length === 1) merges.push(`A${r + 1}:D${r + 1}`);
  });
  return layoutSheet({ ...sheet, merges });
}
