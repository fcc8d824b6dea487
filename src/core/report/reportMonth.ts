import { memoByText } from "../memo";
import { toHalfWidth } from "../text";
import type { CalendarDate } from "./readFilingDate";

export interface YearMonth {
  readonly year: number;
  readonly month: number;
}

/** Where the report month came from: the user's choice, the sheet (name or title), the file name, or 填报时间. */
export type MonthSource = "option" | "sheet" | "file" | "date";

/** 2022-06. */
export function formatMonth(m: YearMonth): string {
  return `${m.year}-${String(m.month).padStart(2, "0")}`;
}

/** 2022年6月. */
export function chineseMonth(m: YearMonth): string {
  return `${m.year}年${m.month}月`;
}

export function sameMonth(a: YearMonth, b: YearMonth): boolean {
  return a.year === b.year && a.month === b.month;
}

/** Months counted from January of year 0: two months are apart by the difference of their indexes. */
export function monthIndex(m: YearMonth): number {
  return m.year * 12 + m.month - 1;
}

/** The month n months after m (before it when n < 0): the month before January is December of the year before. */
export function addMonths(m: YearMonth, n: number): YearMonth {
  const index = monthIndex(m) + n;
  return { year: Math.floor(index / 12), month: index - Math.floor(index / 12) * 12 + 1 };
}

/** A month the user typed: 2022-06, 2022-6, 202206, 2022年6月; null when it is not one. */
export function parseMonth(text: string): YearMonth | null {
  const t = toHalfWidth(text).replace(/\s+/g, "");
  const match = /^(\d{4})(?:-|\/|\.|年)?(\d{1,2})月?$/.exec(t);
  if (!match) return null;
  const month = Number(match[2]);
  return month >= 1 && month <= 12 ? { year: Number(match[1]), month } : null;
}

const CHINESE_MONTHS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"];

// "(?:^|\D)", not a lookbehind: Safari before 16.4 (Office on older macOS) cannot parse one.
const MONTH_PATTERNS: readonly (readonly [RegExp, boolean])[] = [
  [/(20\d{2})年(\d{1,2})月/, true],
  [/(?:^|\D)(20\d{2})[-./_](\d{1,2})(?!\d)/, true],
  [/(?:^|\D)(20\d{2})(0[1-9]|1[0-2])(?:\d{2})?(?!\d)/, true],
  [/(?:^|\D)(\d{1,2})月/, false],
];

/**
 * A month named in a sheet or file name: 2022年6月, 2022-06, 202206, 6月, 六月 (the year may be
 * unknown). Remembered per text: every report of a month names it alike. The answer is not changed.
 */
export const monthInText: (
  text: string
) => { readonly year: number | null; readonly month: number } | null = memoByText((text) => {
  const t = toHalfWidth(text).replace(/\s+/g, "");
  for (const [pattern, withYear] of MONTH_PATTERNS) {
    const match = pattern.exec(t);
    if (!match) continue;
    const month = Number(match[withYear ? 2 : 1]);
    if (month >= 1 && month <= 12) return { year: withYear ? Number(match[1]) : null, month };
  }
  const chinese = /(十[一二]|[一二三四五六七八九十])月/.exec(t);
  if (chinese) return { year: null, month: CHINESE_MONTHS.indexOf(chinese[1]!) + 1 };
  return null;
});

const yearIn = memoByText((text: string): number | null => {
  const half = toHalfWidth(text);
  const match = /(?:^|\D)(20\d{2})(?!\d)/.exec(half) ?? /(20\d{2})年/.exec(half);
  return match ? Number(match[1]) : null;
});

export interface MonthInput {
  readonly option?: YearMonth | null;
  readonly sheetName: string;
  /** The form's title line, when it names a month. */
  readonly title?: string | null;
  readonly fileName?: string | null;
  readonly filedOn?: CalendarDate | null;
}

export interface MonthChoice {
  readonly month: YearMonth | null;
  readonly source: MonthSource | null;
  /** A month the sheet or file names that differs from the one chosen. */
  readonly conflict: { readonly month: YearMonth; readonly source: "sheet" | "file" } | null;
}

/**
 * The report month: the user's choice, else the sheet (name, then title), else the file name,
 * else the month of 填报时间. A month without a year (6月) takes the year from the sheet or file
 * name, else from 填报时间 (a December report filed in January belongs to the year before).
 */
export function findReportMonth(input: MonthInput): MonthChoice {
  const fileName = input.fileName
    ? input.fileName.replace(/^.*[\\/]/, "").replace(/\.[^.]+$/, "")
    : null;
  const texts: [string, "sheet" | "file"][] = [
    [input.sheetName, "sheet"],
    ...(input.title ? [[input.title, "sheet"] as [string, "sheet"]] : []),
    ...(fileName ? [[fileName, "file"] as [string, "file"]] : []),
  ];
  // Looked for only when a month comes without its year.
  const anyYear = () => texts.map(([t]) => yearIn(t)).find((y) => y !== null) ?? null;
  const named: { month: YearMonth; source: "sheet" | "file" }[] = [];
  for (const [text, source] of texts) {
    const found = monthInText(text);
    if (!found) continue;
    const filed = input.filedOn;
    const year =
      found.year ??
      anyYear() ??
      (filed ? (filed.month < found.month ? filed.year - 1 : filed.year) : null);
    if (year !== null) named.push({ month: { year, month: found.month }, source });
  }
  if (input.option) {
    const other = named.find((n) => !sameMonth(n.month, input.option!)) ?? null;
    return { month: input.option, source: "option", conflict: other };
  }
  if (named.length > 0) {
    const first = named[0]!;
    const other = named.find((n) => !sameMonth(n.month, first.month)) ?? null;
    return { month: first.month, source: first.source, conflict: other };
  }
  if (input.filedOn)
    return {
      month: { year: input.filedOn.year, month: input.filedOn.month },
      source: "date",
      conflict: null,
    };
  return { month: null, source: null, conflict: null };
}
