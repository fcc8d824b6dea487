import type { CellValue } from "../grid";
import { cellText } from "../grid";
import { toHalfWidth } from "../text";

/** A calendar date without time zone. */
export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export type DateReading =
  | { readonly kind: "empty" }
  | { readonly kind: "date"; readonly date: CalendarDate }
  | { readonly kind: "invalid"; readonly shown: string };

const DAY_MS = 86_400_000;
/** Excel serials of 1950-01-01 and 2099-12-31: a bare number outside them is not a filing date. */
export const SERIAL_MIN = 18_264;
export const SERIAL_MAX = 73_050;

export function isoDate(d: CalendarDate): string {
  return `${d.year}-${String(d.month).padStart(2, "0")}-${String(d.day).padStart(2, "0")}`;
}

export function chineseDate(d: CalendarDate): string {
  return `${d.year}年${d.month}月${d.day}日`;
}

function calendarDate(year: number, month: number, day: number): CalendarDate | null {
  if (month < 1 || month > 12 || day < 1) return null;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= last ? { year, month, day } : null;
}

/** A Date from a reader: the nearest midnight UTC, so a local-midnight Date east or west of UTC keeps its day. */
export function fromDate(value: Date): CalendarDate {
  const d = new Date(Math.round(value.getTime() / DAY_MS) * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** Excel's serial day number (1900 date system; serial 25569 is 1970-01-01). */
export function fromSerial(serial: number): CalendarDate {
  return fromDate(new Date((Math.floor(serial) - 25_569) * DAY_MS));
}

const DATE_TEXT = /^(\d{4})(?:年|[-/.])(\d{1,2})(?:月|[-/.])(\d{1,2})日?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;

/**
 * 填报时间 from what follows the label: a date cell, an Excel serial, or text such as 2022年6月25日,
 * 2022-06-25, 2022/6/25 — also when typed into the template's separate 年 月 日 cells.
 */
export function readFilingDate(values: readonly CellValue[]): DateReading {
  const date = values.find((v): v is Date => v instanceof Date);
  if (date)
    return Number.isNaN(date.getTime())
      ? { kind: "invalid", shown: String(date) }
      : { kind: "date", date: fromDate(date) };
  const texts = values.map(cellText);
  const shown = () => texts.join(" ").trim();
  const numbers = values.filter((_, i) => texts[i] !== "");
  if (numbers.length === 1 && typeof numbers[0] === "number") {
    const serial = numbers[0];
    return serial >= SERIAL_MIN && serial <= SERIAL_MAX
      ? { kind: "date", date: fromSerial(serial) }
      : { kind: "invalid", shown: shown() };
  }
  const text = toHalfWidth(texts.join("")).replace(/\s+/g, "");
  if (text.replace(/[年月日\-/.:_]/g, "") === "") return { kind: "empty" }; // the blank 年 月 日 of the form
  const match = DATE_TEXT.exec(text) ?? COMPACT.exec(text);
  const parsed = match && calendarDate(Number(match[1]), Number(match[2]), Number(match[3]));
  return parsed ? { kind: "date", date: parsed } : { kind: "invalid", shown: shown() };
}
