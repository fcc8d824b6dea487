import { FLOOR_LABELS, FLOOR_NAMES, FloorName } from "./floors";
import { percentDecimals } from "./rate";
import { RATE_LABELS, RATE_NAMES, RateName } from "./rates";
import { toNumber } from "./decimal";
import { sheetRef } from "./grid";
import type { CountColumn } from "./graduateTable";
import type { CollegeQuota, QuotaTables } from "./quotaTables";
import { ModelCell, SheetModel, WorkbookModel, cell } from "./workbookModel";

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

const FIRST_DATA_ROW = 3; // Excel row of the first college: title on 1, header on 2
const PARAM_FIRST_ROW = 3;
const FLOOR_FIRST_ROW = 10;

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
  const year = options.year ? `${options.year}年` : "";
  const grad = options.year ? `${options.year}届` : "";

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
    `表1  ${year}各二级学院培训任务一览表`,
    ["二级学院名称", "本科生", "高职生", "中职生", "合计", "培训任务"],
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
    ]
  );

  const table2 = tableSheet(
    S.table2,
    "table2",
    `表2  ${year}各二级学院取证任务一览表（高级工及以上）`,
    ["二级学院名称", `${grad}高职毕业生人数`, "取证任务"],
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
    `表3  ${year}各二级学院取证任务一览表（非高级工及以上）`,
    ["二级学院名称", "中职生", "本科生", "取证任务"],
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
    `表4  ${year}各二级学院取证任务一览表（1+X证书）`,
    ["二级学院名称", "高职人数", "中职人数", "合计", "1+X证书取证任务"],
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
      paramsSheet(tables, S),
      notesSheet(tables, S, live, total, last4 + 1, floorCell),
    ],
  };
}

function tableSheet(
  name: string,
  key: QuotaSheetKey,
  title: string,
  headers: string[],
  widths: number[],
  body: ModelCell[][]
): SheetModel {
  const columns = headers.length;
  return {
    name,
    key,
    cells: [[cell(title, "title")], headers.map((h) => cell(h, "header")), ...body],
    merges: [`A1:${String.fromCharCode(64 + columns)}1`],
    columnWidths: widths,
    frozenRows: 2,
    table: { headerRow: 1, lastRow: body.length, columns },
  };
}

function paramsSheet(tables: QuotaTables, S: QuotaSheetNames): SheetModel {
  const rates = RATE_NAMES.map((r) => [
    cell(RATE_LABELS[r], "text"),
    cell(toNumber(tables.rates[r]), "percent"),
    cell(r, "note"),
  ]);
  const floors = FLOOR_NAMES.map((f) => [
    cell(`省定最低任务：${FLOOR_LABELS[f]}`, "text"),
    cell(tables.floors[f], "integer"),
    cell(f, "note"),
  ]);
  return {
    name: S.params,
    key: "params",
    cells: [
      [cell("参数（修改比例或最低任务后，各表公式自动重算）", "title")],
      [cell("参数", "header"), cell("比例", "header"), cell("名称", "header")],
      ...rates,
      [],
      [cell("最低任务", "header"), cell("人数", "header"), cell("名称", "header")],
      ...floors,
    ],
    merges: ["A1:C1"],
    columnWidths: [40, 12, 16],
    frozenRows: 2,
  };
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
  return {
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
}
