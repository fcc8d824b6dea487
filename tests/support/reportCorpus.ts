/**
 * Test support: monthly reports (附件6) as colleges fill them in, written with exceljs from a
 * small spec, good ones and bad ones, with the findings each must produce.
 */
import ExcelJS from "exceljs";
import { cellAddress } from "../../src/core/grid";
import {
  FIELD_KEYS,
  FieldKey,
  SECTION_KEYS,
  SectionKey,
  fieldHeader,
} from "../../src/core/report/reportLayout";

export type Input =
  | string
  | number
  | boolean
  | Date
  | null
  | { readonly value: string | number | Date | null; readonly numFmt: string }
  /** A formula; without `result` the file holds no cached value. */
  | { readonly formula: string; readonly result?: number };
export type SectionSpec = Partial<Record<FieldKey, Input>>;

export interface FormSpec {
  readonly sheet?: string;
  /** Zero-based row and column of the form's top-left corner (the title row, the 工作进度 column). */
  readonly origin?: readonly [number, number];
  readonly title?: string | null;
  readonly unitLabel?: string;
  readonly college?: string | null;
  /** 填报单位 in the cell right of the label instead of after its colon. */
  readonly unitInNextCell?: boolean;
  readonly progress?: string | null;
  readonly labels?: Partial<Record<SectionKey, string | null>>;
  /** A header's text; null leaves the cell empty. */
  readonly header?: (field: FieldKey, section: SectionKey) => string | null;
  readonly fieldOrder?: readonly FieldKey[];
  /** Values per section, merged over the good ones. */
  readonly values?: Partial<Record<SectionKey, SectionSpec>>;
  /** Leave a section's two rows empty. */
  readonly omitSection?: SectionKey;
  readonly filerLabel?: string | null;
  readonly filer?: string | null;
  readonly headLabel?: string | null;
  readonly head?: string | null;
  readonly dateLabel?: string | null;
  /** One cell right of the label, or [year, month, day] in the template's 年 月 日 cells. */
  readonly date?: Input | readonly [Input, Input, Input];
  /** Merge the title, 工作进度 and the section labels as the plan prints them (default true). */
  readonly merge?: boolean;
  /** The workbook asks Excel to recalculate every formula on open (fullCalcOnLoad). */
  readonly calcOnLoad?: boolean;
  /** Sheets written before the form's. */
  readonly extraSheets?: readonly {
    readonly name: string;
    readonly rows: readonly (readonly Input[])[];
  }[];
}

/** 经济管理学院's quotas in the 2022 plan: 1975 / 632 / 464 / 183. */
export const GOOD_VALUES: Readonly<Record<SectionKey, Readonly<Record<FieldKey, number>>>> = {
  training: { target: 1975, month: 120, cumulative: 900, rate: 45.57 },
  advanced: { target: 632, month: 30, cumulative: 300, rate: 47.47 },
  nonadvanced: { target: 464, month: 20, cumulative: 200, rate: 43.1 },
  onex: { target: 183, month: 10, cumulative: 60, rate: 32.79 },
};

const DEFAULT_LABELS: Readonly<Record<SectionKey, string>> = {
  training: "培训任务",
  advanced: "取证人数\n\n高级工及以上取证人数",
  nonadvanced: "非高级工及以上取证人数",
  onex: "1+X证书\n\n取证人数",
};

/** The form's cells, by name: "unit", "training.label", "training.month", "filer", "dateValue" … */
export function formCell(spec: FormSpec, name: string): string {
  const [r0, c0] = spec.origin ?? [0, 0];
  const order = spec.fieldOrder ?? FIELD_KEYS;
  const fixed: Record<string, [number, number]> = {
    title: [0, 0],
    unit: [1, 0],
    unitValue: [1, 1],
    progress: [2, 0],
    filer: [11, 0],
    filerValue: [11, 1],
    head: [12, 0],
    headValue: [12, 1],
    date: [13, 0],
    dateValue: [13, 1],
  };
  let at = fixed[name];
  if (!at) {
    const [section, field, header] = name.split(".") as [SectionKey, FieldKey | "label", string?];
    const i = SECTION_KEYS.indexOf(section);
    if (i < 0) throw new Error(`no such form cell: ${name}`);
    at =
      field === "label" ? [2 + 2 * i, 1] : [2 + 2 * i + (header ? 0 : 1), 2 + order.indexOf(field)];
  }
  return cellAddress(r0 + at[0], c0 + at[1]);
}

function put(ws: ExcelJS.Worksheet, address: string, input: Input | undefined): void {
  if (input === undefined || input === null) return;
  const cell = ws.getCell(address);
  if (typeof input === "object" && "formula" in input) {
    cell.value = (
      input.result === undefined
        ? { formula: input.formula }
        : { formula: input.formula, result: input.result }
    ) as ExcelJS.CellValue;
    return;
  }
  if (typeof input === "object" && !(input instanceof Date)) {
    cell.value = input.value;
    cell.numFmt = input.numFmt;
    return;
  }
  cell.value = input;
  if (input instanceof Date) cell.numFmt = 'yyyy"年"m"月"d"日"';
}

/** Writes the form on a sheet of `workbook`. */
export function addForm(workbook: ExcelJS.Workbook, spec: FormSpec): ExcelJS.Worksheet {
  for (const extra of spec.extraSheets ?? []) {
    const ws = workbook.addWorksheet(extra.name);
    extra.rows.forEach((row, r) => row.forEach((v, c) => put(ws, cellAddress(r, c), v)));
  }
  const ws = workbook.addWorksheet(spec.sheet ?? "2022年6月");
  const [r0, c0] = spec.origin ?? [0, 0];
  const at = (r: number, c: number) => cellAddress(r0 + r, c0 + c);
  const merge = spec.merge ?? true;
  const college = spec.college === undefined ? "经济管理学院" : spec.college;
  const unitLabel = spec.unitLabel ?? "填报单位（公章）：";
  const title =
    spec.title === undefined ? "“人人持证、技能河南”建设工作任务进度月报表" : spec.title;
  const order = spec.fieldOrder ?? FIELD_KEYS;

  if (title !== null) {
    put(ws, at(0, 0), title);
    if (merge) ws.mergeCells(`${at(0, 0)}:${at(0, 5)}`);
  }
  if (spec.unitInNextCell) {
    put(ws, at(1, 0), unitLabel);
    put(ws, at(1, 1), college);
    if (merge) ws.mergeCells(`${at(1, 1)}:${at(1, 5)}`);
  } else {
    put(ws, at(1, 0), `${unitLabel}${college ?? ""}`);
    if (merge) ws.mergeCells(`${at(1, 0)}:${at(1, 5)}`);
  }
  const progress = spec.progress === undefined ? "工\n作\n进\n度" : spec.progress;
  if (progress !== null) put(ws, at(2, 0), progress);
  if (merge) ws.mergeCells(`${at(2, 0)}:${at(9, 0)}`);

  SECTION_KEYS.forEach((key, i) => {
    if (spec.omitSection === key) return;
    const header = 2 + 2 * i;
    const label = spec.labels && key in spec.labels ? spec.labels[key]! : DEFAULT_LABELS[key];
    put(ws, at(header, 1), label);
    if (merge) ws.mergeCells(`${at(header, 1)}:${at(header + 1, 1)}`);
    const values = { ...GOOD_VALUES[key], ...(spec.values?.[key] ?? {}) };
    order.forEach((field, j) => {
      const text = spec.header ? spec.header(field, key) : fieldHeader(field, key);
      put(ws, at(header, 2 + j), text);
      put(ws, at(header + 1, 2 + j), values[field]);
    });
  });
  for (let r = 2; r < 10; r++)
    for (let c = 0; c < 6; c++)
      ws.getCell(at(r, c)).border = {
        top: { style: "thin" },
        left: { style: "thin" },
        bottom: { style: "thin" },
        right: { style: "thin" },
      };

  const labelled = (
    row: number,
    label: string | null | undefined,
    fallback: string,
    value: Input | undefined
  ) => {
    const text = label === undefined ? fallback : label;
    if (text !== null) put(ws, at(row, 0), text);
    put(ws, at(row, 1), value);
  };
  labelled(11, spec.filerLabel, "填报人（签字）：", spec.filer === undefined ? "张三" : spec.filer);
  labelled(
    12,
    spec.headLabel,
    "填报单位负责人（签字）：",
    spec.head === undefined ? "李四" : spec.head
  );
  const date = spec.date === undefined ? "2022年6月25日" : spec.date;
  if (Array.isArray(date)) {
    labelled(13, spec.dateLabel, "填报时间：", date[0]);
    ["年", date[1], "月", date[2], "日"].forEach((v, j) => put(ws, at(13, 2 + j), v as Input));
  } else {
    labelled(13, spec.dateLabel, "填报时间：", date as Input);
  }
  return ws;
}

export async function writeForm(path: string, spec: FormSpec): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  addForm(workbook, spec);
  if (spec.calcOnLoad) workbook.calcProperties = { fullCalcOnLoad: true };
  await workbook.xlsx.writeFile(path);
}

/** A form as CSV text (no merges, no types): what a hand-made sheet exported as CSV looks like. */
export async function formCsv(spec: FormSpec): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const ws = addForm(workbook, { ...spec, merge: false });
  const lines: string[] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    const cells: string[] = [];
    for (let c = 1; c <= ws.columnCount; c++) {
      const v = row.getCell(c).value;
      const text = v === null || v === undefined ? "" : String(v);
      cells.push(/[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
    }
    lines[n - 1] = cells.join(",");
  });
  return Array.from(lines, (l) => l ?? "").join("\n") + "\n";
}

export interface CorpusCase {
  /** File name (ASCII), without extension. */
  readonly name: string;
  readonly spec: FormSpec;
  /** Validate against the plan's quota workbook. */
  readonly quotas?: boolean;
  /** Last month's report. */
  readonly previous?: FormSpec;
  readonly month?: string;
  /** "code@cell", sorted by the test. */
  readonly errors: readonly string[];
  readonly warnings: readonly string[];
  readonly monthSource?: string | null;
  /** The case is about a cached formula result, which a re-save by LibreOffice recalculates. */
  readonly cachedResults?: boolean;
}

const gv = GOOD_VALUES;
const base: FormSpec = {};
const previousOf = (spec: FormSpec, extra: FormSpec = {}): FormSpec => ({
  ...spec,
  sheet: "2022年5月",
  date: "2022年5月26日",
  values: Object.fromEntries(
    SECTION_KEYS.map((k) => {
      const cumulative = gv[k].cumulative - gv[k].month;
      return [k, { month: 15, cumulative, rate: null }];
    })
  ),
  ...extra,
});

export const REPORT_CORPUS: readonly CorpusCase[] = [
  // good, in the shapes colleges hand in
  {
    name: "good-standard",
    spec: base,
    quotas: true,
    errors: [],
    warnings: [],
    monthSource: "sheet",
  },
  { name: "good-no-title", spec: { title: null }, quotas: true, errors: [], warnings: [] },
  {
    name: "good-unit-next-cell",
    spec: { unitInNextCell: true },
    quotas: true,
    errors: [],
    warnings: [],
  },
  {
    name: "good-third-label-empty",
    spec: { labels: { nonadvanced: null } },
    quotas: true,
    errors: [],
    warnings: [],
  },
  {
    name: "good-spaced-labels",
    spec: {
      title: "“人人持证、技能河南” 建设工作任务\n进度月报表",
      unitLabel: "填 报 单 位 (公章) :",
      progress: "工 作 进 度",
      labels: { training: "培 训 任 务", onex: "１＋Ｘ证书取证人数" },
      header: (f, k) =>
        f === "rate"
          ? "累计完成率(%)"
          : `${fieldHeader(f, k).replace("（", "\n(").replace("）", ")")}`,
      filerLabel: "填报人 (签字) :",
      headLabel: "填报单位负责人\n（签字）：",
      dateLabel: "填 报 时 间 ：",
    },
    quotas: true,
    errors: [],
    warnings: [],
  },
  { name: "good-unmerged", spec: { merge: false }, quotas: true, errors: [], warnings: [] },
  {
    name: "good-offset",
    spec: { origin: [4, 3], sheet: "六月", date: "2022/6/20" },
    quotas: true,
    errors: [],
    warnings: [],
    monthSource: "sheet",
  },
  {
    name: "good-rate-fraction",
    spec: {
      values: Object.fromEntries(
        SECTION_KEYS.map((k) => [k, { rate: { value: gv[k].rate / 100, numFmt: "0.00%" } }])
      ),
    },
    quotas: true,
    errors: [],
    warnings: [],
  },
  {
    name: "good-rate-unrounded",
    spec: {
      values: Object.fromEntries(
        SECTION_KEYS.map((k) => [
          k,
          { rate: { value: gv[k].cumulative / gv[k].target, numFmt: "0.0%" } },
        ])
      ),
    },
    errors: [],
    warnings: [],
  },
  {
    name: "good-rate-text-and-rounding",
    spec: {
      values: {
        training: { rate: "45.57%" },
        advanced: { rate: 47 },
        nonadvanced: { rate: 43.1 },
        onex: { rate: 32.7 },
      },
    },
    errors: [],
    warnings: [],
  },
  {
    name: "good-zero-target",
    spec: {
      college: "职业教育学院",
      values: {
        training: { target: 614, month: 50, cumulative: 300, rate: 48.86 },
        advanced: { target: 0, month: 0, cumulative: 0, rate: "—" },
        nonadvanced: { target: 530, month: 20, cumulative: 100, rate: 18.87 },
        onex: { target: null, month: null, cumulative: null, rate: "/" },
      },
    },
    quotas: true,
    errors: [],
    warnings: [],
  },
  {
    name: "good-column-order",
    spec: { fieldOrder: ["month", "cumulative", "target", "rate"] },
    errors: [],
    warnings: [],
  },
  {
    name: "good-date-cell",
    spec: { date: new Date(Date.UTC(2022, 5, 25)) },
    errors: [],
    warnings: [],
  },
  { name: "good-date-serial", spec: { date: 44737 }, errors: [], warnings: [] },
  { name: "good-date-iso", spec: { date: "2022-06-25" }, errors: [], warnings: [] },
  { name: "good-date-parts", spec: { date: [2022, 6, 25] }, errors: [], warnings: [] },
  {
    name: "good-date-in-label",
    spec: { dateLabel: "填报时间： 2022 年 6 月 25 日", date: null },
    errors: [],
    warnings: [],
  },
  {
    name: "good-two-sheets",
    spec: {
      extraSheets: [
        { name: "填表说明", rows: [["请各学院于每月27日前报送"], ["年度任务按任务分配表填写"]] },
      ],
    },
    quotas: true,
    errors: [],
    warnings: [],
  },
  {
    name: "good-previous",
    spec: base,
    previous: previousOf(base),
    quotas: true,
    errors: [],
    warnings: [],
  },
  {
    name: "good-month-from-file-2022-06",
    spec: { sheet: "Sheet1" },
    errors: [],
    warnings: [],
    monthSource: "file",
  },
  {
    name: "good-month-from-date",
    spec: { sheet: "Sheet1" },
    errors: [],
    warnings: [],
    monthSource: "date",
  },

  // the layout
  {
    name: "bad-labels-missing",
    spec: {
      header: (f, k) => (f === "cumulative" && k === "training" ? null : fieldHeader(f, k)),
      filerLabel: null,
      filer: null,
    },
    errors: ["label-missing@E3", "label-missing@A12"],
    warnings: [],
  },
  {
    name: "bad-unit-and-date-labels-missing",
    spec: { unitLabel: "", college: null, dateLabel: null, date: null },
    errors: ["label-missing@A2", "label-missing@A14"],
    warnings: [],
  },
  {
    name: "bad-no-progress",
    spec: { progress: null },
    errors: [],
    warnings: ["progress-label-missing@A3"],
  },
  {
    name: "bad-section-missing",
    spec: { omitSection: "onex" },
    errors: ["section-missing@B9"],
    warnings: [],
  },
  {
    name: "bad-section-label-empty",
    spec: { labels: { training: null } },
    errors: ["section-label@B3"],
    warnings: [],
  },
  {
    name: "bad-section-label-unknown",
    spec: { labels: { onex: "其他" } },
    errors: ["section-label@B9"],
    warnings: [],
  },
  {
    name: "bad-section-duplicate",
    spec: { labels: { advanced: "培训任务" } },
    errors: ["section-duplicate@B5", "section-missing@B5"],
    warnings: [],
  },
  {
    name: "bad-header-unit",
    spec: {
      header: (f, k) => (k === "training" && f === "target" ? "年度任务（人）" : fieldHeader(f, k)),
    },
    errors: [],
    warnings: ["header-unit@C3"],
  },
  // the numbers
  {
    name: "bad-value-missing",
    spec: { values: { training: { month: null } } },
    errors: ["value-missing@D4"],
    warnings: [],
  },
  {
    name: "bad-value-text",
    spec: { values: { training: { month: "120" }, advanced: { target: "６３２" } } },
    quotas: true,
    errors: [],
    warnings: ["value-text@D4", "value-text@C6"],
  },
  {
    name: "bad-value-words",
    spec: { values: { training: { target: "三百" } } },
    errors: ["value-not-number@C4"],
    warnings: [],
  },
  {
    name: "bad-value-negative",
    spec: { values: { advanced: { month: -5 } } },
    errors: ["value-negative@D6"],
    warnings: [],
  },
  {
    name: "bad-value-fraction",
    spec: { values: { nonadvanced: { cumulative: 200.5 } } },
    errors: ["value-fraction@E8"],
    warnings: [],
  },
  {
    name: "bad-value-date",
    spec: { values: { training: { month: new Date(Date.UTC(1900, 2, 2)) } } },
    errors: ["value-date@D4"],
    warnings: [],
  },
  {
    name: "bad-value-boolean",
    spec: { values: { advanced: { cumulative: true } } },
    errors: ["value-boolean@E6"],
    warnings: [],
  },
  {
    name: "bad-value-comma",
    spec: { values: { training: { month: "6,2" } } },
    errors: ["value-not-number@D4"],
    warnings: [],
  },
  {
    name: "bad-value-no-result",
    spec: { values: { training: { month: { formula: "60*2" } } } },
    errors: ["value-no-result@D4"],
    warnings: [],
    cachedResults: true,
  },
  {
    name: "bad-value-stale",
    spec: {
      values: { advanced: { month: 30, cumulative: { formula: "D6*10", result: 185 } } },
    },
    errors: ["value-stale@E6"],
    warnings: [],
    cachedResults: true,
  },
  {
    name: "bad-value-unverified",
    spec: {
      calcOnLoad: true,
      values: { onex: { cumulative: { formula: "Sheet2!A1", result: 60 } } },
    },
    errors: [],
    warnings: ["value-unverified@E10"],
    cachedResults: true,
  },
  {
    name: "bad-value-format",
    spec: {
      values: {
        training: { month: { value: 120, numFmt: '"300"' } },
        nonadvanced: { cumulative: { value: 200, numFmt: '0"0"' } },
      },
    },
    errors: ["value-format@D4", "value-format@E8"],
    warnings: [],
  },
  {
    name: "bad-month-exceeds",
    spec: { values: { onex: { month: 70 } } },
    errors: ["month-exceeds-cumulative@D10"],
    warnings: [],
  },
  {
    name: "bad-rate-missing",
    spec: { values: { training: { rate: null } } },
    errors: ["rate-missing@F4"],
    warnings: [],
  },
  {
    name: "bad-rate-words",
    spec: { values: { training: { rate: "很高" } } },
    errors: ["rate-not-number@F4"],
    warnings: [],
  },
  {
    name: "bad-rate-mismatch",
    spec: {
      values: {
        training: { rate: 50 },
        advanced: { rate: "—" },
        nonadvanced: { rate: { value: 0.4311, numFmt: "0.00%" } },
        onex: { rate: 32.8 },
      },
    },
    errors: ["rate-mismatch@F4", "rate-mismatch@F6", "rate-mismatch@F8"],
    warnings: [],
  },
  {
    name: "bad-rate-without-target",
    spec: { values: { advanced: { target: 0, month: 0, cumulative: 0, rate: 12 } } },
    errors: ["rate-without-target@F6"],
    warnings: [],
  },
  // against the quota workbook and last month
  {
    name: "bad-college-unknown",
    spec: { college: "不存在学院" },
    quotas: true,
    errors: ["college-unknown@A2"],
    warnings: [],
  },
  {
    name: "bad-college-suffix",
    spec: { college: "某某大学经济管理学院（公章）" },
    quotas: true,
    errors: [],
    warnings: ["college-name-differs@A2"],
  },
  {
    name: "bad-target-mismatch",
    spec: { values: { training: { target: 1900, rate: 47.37 } } },
    quotas: true,
    errors: ["target-mismatch@C4"],
    warnings: [],
  },
  {
    name: "bad-onex-excluded-target",
    spec: {
      college: "职业教育学院",
      values: {
        training: { target: 614, rate: 146.58 },
        advanced: { target: 0, month: 0, cumulative: 0, rate: null },
        nonadvanced: { target: 530, rate: 37.74 },
        onex: { target: 183 },
      },
    },
    quotas: true,
    errors: ["target-mismatch@C10"],
    warnings: [],
  },
  {
    name: "bad-cumulative",
    spec: base,
    previous: previousOf(base, {
      values: {
        training: { cumulative: 700 },
        advanced: { cumulative: 270 },
        nonadvanced: { cumulative: 180 },
        onex: { cumulative: 50 },
      },
    }),
    errors: ["cumulative-mismatch@E4"],
    warnings: [],
  },
  {
    name: "bad-previous-other-college",
    spec: base,
    previous: previousOf(base, { college: "人文学院" }),
    errors: [],
    warnings: ["previous-missing@E4"],
  },
  // who and when
  { name: "bad-unit-missing", spec: { college: null }, errors: ["unit-missing@A2"], warnings: [] },
  {
    name: "bad-unit-next-cell-missing",
    spec: { unitInNextCell: true, college: null },
    errors: ["unit-missing@A2"],
    warnings: [],
  },
  { name: "bad-filer-missing", spec: { filer: null }, errors: ["filer-missing@A12"], warnings: [] },
  { name: "bad-head-missing", spec: { head: null }, errors: [], warnings: ["head-missing@A13"] },
  { name: "bad-date-missing", spec: { date: null }, errors: ["date-missing@B14"], warnings: [] },
  {
    name: "bad-date-parts-empty",
    spec: { date: [null, null, null] },
    errors: ["date-missing@B14"],
    warnings: [],
  },
  {
    name: "bad-date-invalid",
    spec: { date: "2022年2月30日" },
    errors: ["date-invalid@B14"],
    warnings: [],
  },
  {
    name: "bad-date-incomplete",
    spec: { date: [2022, 6, null] },
    errors: ["date-invalid@B14"],
    warnings: [],
  },
  {
    name: "bad-date-late",
    spec: { date: "2022年6月28日" },
    errors: [],
    warnings: ["date-late@B14"],
  },
  {
    name: "bad-date-next-month",
    spec: { date: new Date(Date.UTC(2022, 6, 2)) },
    errors: [],
    warnings: ["date-late@B14"],
  },
  {
    name: "bad-date-early",
    spec: { date: "2022-05-20" },
    errors: [],
    warnings: ["date-early@B14"],
  },
  {
    name: "bad-month-unknown",
    spec: { sheet: "Sheet1", date: "2022年2月30日" },
    errors: ["date-invalid@B14"],
    warnings: ["month-unknown@A1"],
    monthSource: null,
  },
  {
    name: "bad-month-mismatch",
    spec: base,
    month: "2022-07",
    errors: [],
    warnings: ["month-mismatch@A1", "date-early@B14"],
    monthSource: "option",
  },
];
