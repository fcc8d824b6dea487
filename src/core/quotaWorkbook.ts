import { FLOOR_LABELS, FLOOR_NAMES, FloorName } from "./floors";
import { RATE_LABELS, RATE_NAMES, RateName, percentDecimals } from "./rates";
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
  const k = sheetKit(tables, options);
  const total1 = k.rowOf(tables.rows.length);
  const total4 = FIRST_DATA_ROW + tables.rows.filter((r) => r.onex !== null).length;
  return {
    sheets: [
      table1Sheet(tables, k, options.source),
      table2Sheet(tables, k),
      table3Sheet(tables, k),
      table4Sheet(tables, k),
      paramsSheet(tables, k.S, options.year ?? null),
      notesSheet(tables, k.S, k.live, total1, total4),
    ],
  };
}

/** What the 表 sheets share: the sheets' names and the makers of their cells and formulas. */
interface SheetKit {
  readonly S: QuotaSheetNames;
  /** Formulas are written (native or QUOTA.*), not only values. */
  readonly live: boolean;
  /** Excel row of the i-th college. */
  readonly rowOf: (i: number) => number;
  readonly rateCell: (name: RateName) => string;
  /** Text with the year in it: a formula over 参数's year when the workbook is live. */
  readonly withYear: (
    before: string,
    unit: "年" | "届",
    after: string,
    as: CellStyleName
  ) => ModelCell;
  /** A quota's formula: QUOTA.fn(args), or the native ROUND over the (cell, rate) parts. */
  readonly quotaFormula: (fn: string, args: string[], ...parts: [string, RateName][]) => string;
  readonly int: (value: number, formula?: string) => ModelCell;
  /** A college's quota: its formula unless the quotas are apportioned (then a value). */
  readonly quotaCell: (value: number, formula: string) => ModelCell;
  readonly totalCell: (value: number, formula?: string) => ModelCell;
  /** SUM of a column over the data rows, up to the given last row (the last college's). */
  readonly sumOf: (column: string, lastRow?: number) => string;
  /** The i-th college's cell in the given column of a sheet. */
  readonly at: (sheet: string, column: string, i: number) => string;
}

function sheetKit(tables: QuotaTables, options: QuotaWorkbookOptions): SheetKit {
  const S: QuotaSheetNames = { ...QUOTA_SHEETS, ...options.sheetNames };
  const style = options.formulas ?? "native";
  const live = style !== "values";
  const apportioned = tables.totalsMode === "apportion";
  const last = FIRST_DATA_ROW + tables.rows.length - 1;
  const rowOf = (i: number) => FIRST_DATA_ROW + i;
  const rateCell = (name: RateName) => paramCell(S, PARAM_FIRST_ROW + RATE_NAMES.indexOf(name));
  const native = nativeQuota(tables, rateCell);
  const int = (value: number, formula?: string) =>
    cell(value, "integer", live ? formula : undefined);
  return {
    S,
    live,
    rowOf,
    rateCell,
    withYear: yearText(options.year, live, paramCell(S, YEAR_ROW)),
    quotaFormula: (fn, args, ...parts) =>
      style === "quota" ? `QUOTA.${fn}(${args.join(",")})` : native(...parts),
    int,
    quotaCell: (value, formula) => int(value, apportioned ? undefined : formula),
    totalCell: (value, formula) => cell(value, "total", live ? formula : undefined),
    sumOf: (column, lastRow = last) => `SUM(${column}${FIRST_DATA_ROW}:${column}${lastRow})`,
    at: (sheet, column, i) => `${sheetRef(sheet)}!${column}${rowOf(i)}`,
  };
}

/** An absolute reference to column B of 参数 on the given row. */
const paramCell = (S: QuotaSheetNames, row: number) => `${sheetRef(S.params)}!$B$${row}`;

function yearText(year: number | null | undefined, live: boolean, yearCell: string) {
  return (before: string, unit: "年" | "届", after: string, as: CellStyleName): ModelCell =>
    cell(
      `${before}${year ? `${year}${unit}` : ""}${after}`,
      as,
      live
        ? `${before ? `"${before}"&` : ""}IF(${yearCell}="","",${yearCell}&"${unit}")&"${after}"`
        : undefined
    );
}

/**
 * The native formula of a quota. Multiplying by the integer percentage (×100, or ×10^k for finer
 * rates) keeps every native formula in integers until the final ÷, whose half-way results are
 * exact in binary.
 */
function nativeQuota(tables: QuotaTables, rateCell: (name: RateName) => string) {
  const scale = 10 ** (2 + Math.max(...RATE_NAMES.map((r) => percentDecimals(tables.rates[r]))));
  const scaled = (rate: RateName) => `ROUND(${rateCell(rate)}*${scale},0)`;
  return (...parts: [string, RateName][]) => {
    const sum = parts.map(([x, r]) => `${x}*${scaled(r)}`).join("+");
    return `ROUND(${parts.length > 1 ? `(${sum})` : sum}/${scale},0)`;
  };
}

/** A group label over two-row sub-headers: the 届 graduates' columns. */
const graduatesOf = (k: SheetKit, columns: string[], what = "毕业生人数"): Header => ({
  group: k.withYear("", "届", what, "header"),
  columns,
});

function table1Sheet(
  tables: QuotaTables,
  k: SheetKit,
  source: QuotaWorkbookOptions["source"]
): SheetModel {
  const countCell = (r: CollegeQuota, i: number, c: CountColumn) =>
    k.int(r.counts[c], source ? `${sheetRef(source.sheet)}!${source.cells[i]![c]}` : undefined);
  const total = k.rowOf(tables.rows.length);
  return tableSheet(
    k.S.table1,
    "table1",
    k.withYear("表1  ", "年", "各二级学院培训任务一览表", "title"),
    ["二级学院名称", graduatesOf(k, ["本科生", "高职生", "中职生", "合计"]), "培训任务"],
    [22, 10, 10, 10, 10, 12],
    [
      ...tables.rows.map((r, i) => {
        const row = k.rowOf(i);
        return [
          cell(r.college, "text"),
          countCell(r, i, "undergraduate"),
          countCell(r, i, "higherVocational"),
          countCell(r, i, "secondaryVocational"),
          k.int(r.graduates, `SUM(B${row}:D${row})`),
          k.quotaCell(r.training, trainingFormula(k, `B${row}:D${row}`, `E${row}`)),
        ];
      }),
      [
        cell("合计", "totalText"),
        k.totalCell(tables.totals.undergraduate, k.sumOf("B")),
        k.totalCell(tables.totals.higherVocational, k.sumOf("C")),
        k.totalCell(tables.totals.secondaryVocational, k.sumOf("D")),
        k.totalCell(tables.totals.graduates, k.sumOf("E")),
        k.totalCell(tables.totals.training, trainingFormula(k, `E${total}`, `E${total}`)),
      ],
    ],
    TABLE1_NOTE
  );
}

/** 培训任务 over the counts (QUOTA.TRAINING's argument) or their sum (the native formula's). */
const trainingFormula = (k: SheetKit, counts: string, graduates: string) =>
  k.quotaFormula("TRAINING", [counts, k.rateCell("training")], [graduates, "training"]);

function table2Sheet(tables: QuotaTables, k: SheetKit): SheetModel {
  return tableSheet(
    k.S.table2,
    "table2",
    k.withYear("表2  ", "年", "各二级学院取证任务一览表（高级工及以上）", "title"),
    ["二级学院名称", k.withYear("", "届", "高职毕业生人数", "header"), "取证任务"],
    [22, 16, 12],
    [
      ...tables.rows.map((r, i) => {
        const b = `B${k.rowOf(i)}`;
        return [
          cell(r.college, "text"),
          k.int(r.counts.higherVocational, k.at(k.S.table1, "C", i)),
          k.quotaCell(
            r.advanced,
            k.quotaFormula("ADVANCED", [b, k.rateCell("advanced")], [b, "advanced"])
          ),
        ];
      }),
      [
        cell("合计", "totalText"),
        k.totalCell(tables.totals.higherVocational, k.sumOf("B")),
        k.totalCell(tables.totals.advanced, k.sumOf("C")),
      ],
    ]
  );
}

function table3Sheet(tables: QuotaTables, k: SheetKit): SheetModel {
  return tableSheet(
    k.S.table3,
    "table3",
    k.withYear("表3  ", "年", "各二级学院取证任务一览表（非高级工及以上）", "title"),
    ["二级学院名称", graduatesOf(k, ["中职生", "本科生"]), "取证任务"],
    [22, 10, 10, 12],
    [
      ...tables.rows.map((r, i) => {
        const [b, c] = [`B${k.rowOf(i)}`, `C${k.rowOf(i)}`];
        return [
          cell(r.college, "text"),
          k.int(r.counts.secondaryVocational, k.at(k.S.table1, "D", i)),
          k.int(r.counts.undergraduate, k.at(k.S.table1, "B", i)),
          k.quotaCell(
            r.nonadvanced,
            k.quotaFormula(
              "NONADVANCED",
              [b, c, k.rateCell("intermediate"), k.rateCell("undergraduate")],
              [b, "intermediate"],
              [c, "undergraduate"]
            )
          ),
        ];
      }),
      [
        cell("合计", "totalText"),
        k.totalCell(tables.totals.secondaryVocational, k.sumOf("B")),
        k.totalCell(tables.totals.undergraduate, k.sumOf("C")),
        k.totalCell(tables.totals.nonadvanced, k.sumOf("D")),
      ],
    ]
  );
}

/** 表4 lists only the colleges in it, so its rows are renumbered; its counts follow 表1 and 表2. */
function table4Sheet(tables: QuotaTables, k: SheetKit): SheetModel {
  const onexRows = tables.rows.map((r, i) => ({ r, i })).filter(({ r }) => r.onex !== null);
  const last4 = FIRST_DATA_ROW + onexRows.length - 1;
  const onexFormula = (d: string) => k.quotaFormula("ONEX", [d, k.rateCell("onex")], [d, "onex"]);
  return tableSheet(
    k.S.table4,
    "table4",
    k.withYear("表4  ", "年", "各二级学院取证任务一览表（1+X证书）", "title"),
    [
      "二级学院名称",
      graduatesOf(k, ["高职人数", "中职人数", "合计"], "毕业生取证人数"),
      "1+X证书取证任务",
    ],
    [22, 10, 10, 10, 16],
    [
      ...onexRows.map(({ r, i }, j) => {
        const row = FIRST_DATA_ROW + j;
        const d1 = k.at(k.S.table1, "D", i);
        return [
          cell(r.college, "text"),
          k.int(r.advanced, k.at(k.S.table2, "C", i)),
          k.int(
            r.intermediate,
            k.quotaFormula("INTERMEDIATE", [d1, k.rateCell("intermediate")], [d1, "intermediate"])
          ),
          k.int(r.onexBase!, `B${row}+C${row}`),
          k.quotaCell(r.onex!, onexFormula(`D${row}`)),
        ];
      }),
      [
        cell("合计", "totalText"),
        k.totalCell(tables.totals.onexHigher, k.sumOf("B", last4)),
        k.totalCell(tables.totals.onexSecondary, k.sumOf("C", last4)),
        k.totalCell(tables.totals.onexBase, k.sumOf("D", last4)),
        k.totalCell(tables.totals.onex, onexFormula(`D${last4 + 1}`)),
      ],
    ]
  );
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
  total4: number
): SheetModel {
  const floorCell = (name: FloorName) => paramCell(S, FLOOR_FIRST_ROW + FLOOR_NAMES.indexOf(name));
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
