import { CellValue, cellText } from "../grid";
import { isoDate, readFilingDate } from "../report/readFilingDate";
import { normalizeLabel } from "../text";

/** What a list cell holds, as the parser reads it. */
export type CellReading<T> =
  | { readonly kind: "empty" }
  | { readonly kind: "ok"; readonly value: T }
  | { readonly kind: "invalid"; readonly shown: string };

const EMPTY = { kind: "empty" } as const;
const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** Text without surrounding spaces; a whole number stays a whole number (学号 20190101 typed as a number). */
export function listText(value: CellValue): string {
  if (typeof value === "number" && Number.isInteger(value)) return value.toFixed(0);
  return cellText(value).replace(/\s+/g, " ");
}

/** A value of a fixed list (证书类型, 等级, 学历层次, 培训形式), whatever its spaces or full-width brackets. */
export function readChoice<T>(
  value: CellValue,
  choices: Readonly<Record<string, T>>
): CellReading<T> {
  const shown = listText(value);
  if (shown === "") return EMPTY;
  const found = choices[shown] ?? choices[normalizeLabel(shown).toUpperCase()];
  return found === undefined ? { kind: "invalid", shown } : { kind: "ok", value: found };
}

/** A date cell: a Date, an Excel serial, 2022-06-15, 2022/6/15, 2022.6.15, 2022年6月15日, 20220615 → 2022-06-15. */
export function readListDate(value: CellValue): CellReading<string> {
  if (value === null || listText(value) === "") return EMPTY;
  if (typeof value === "string" && ISO.test(value)) {
    const [y, m, d] = value.split("-").map(Number) as [number, number, number];
    if (m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate())
      return { kind: "ok", value };
  }
  const reading = readFilingDate([value]);
  if (reading.kind === "date") return { kind: "ok", value: isoDate(reading.date) };
  return { kind: "invalid", shown: listText(value) };
}

/** 年级 as 入学年份: 2019级, 2019, 19级, 2019届 is not a grade. */
export function readGrade(value: CellValue): CellReading<number> {
  const shown = listText(value);
  if (shown === "") return EMPTY;
  const match = /^(\d{2}|\d{4})(?:级|年级)?$/.exec(normalizeLabel(shown));
  if (!match) return { kind: "invalid", shown };
  const year = match[1]!.length === 2 ? 2000 + Number(match[1]) : Number(match[1]);
  return year >= 1990 && year <= 2100 ? { kind: "ok", value: year } : { kind: "invalid", shown };
}
