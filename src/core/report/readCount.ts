import type { CellInfo, CellValue } from "../grid";
import { cellText } from "../grid";
import { toHalfWidth } from "../text";
import { formatShowsOtherDigits } from "./numberFormatDigits";

export type CountProblem =
  "not-number" | "negative" | "fraction" | "date" | "boolean" | "no-result" | "stale" | "format";

/** A head count read from a cell, or why it cannot be one. */
export type CountReading =
  | { readonly kind: "empty" }
  | {
      readonly kind: "count";
      readonly value: number;
      readonly fromText: boolean;
      readonly shown: string;
      /** A formula's cached result the file itself asks to recalculate: not checked against Excel. */
      readonly unverified?: boolean;
    }
  | {
      readonly kind: "invalid";
      readonly problem: CountProblem;
      readonly shown: string;
      /** For "stale": the result worked out again; for "format": the number format. */
      readonly detail?: string;
    };

/** What the file says about the cell besides its value (formula, format, recalculation). */
export interface CountFacts {
  readonly info?: CellInfo;
  /** The workbook asks Excel to recalculate on open: cached results may be old. */
  readonly calcOnLoad?: boolean;
  /** The formula worked out again from the sheet, when that is cheap; null when it cannot be. */
  readonly recompute?: (formula: string) => number | null;
}

/**
 * formatShowsOtherDigits remembered per format: its answer depends on the value only through its
 * sign (negative, zero or positive), and a workbook's counts share one or two formats.
 */
const FORMAT_ANSWERS = new Map<string, [boolean, boolean, boolean]>();
function showsOtherDigits(format: string, value: number): boolean {
  let answers = FORMAT_ANSWERS.get(format);
  if (!answers) {
    answers = [
      formatShowsOtherDigits(format, -1),
      formatShowsOtherDigits(format, 0),
      formatShowsOtherDigits(format, 1),
    ];
    if (FORMAT_ANSWERS.size >= 1024) FORMAT_ANSWERS.clear();
    FORMAT_ANSWERS.set(format, answers);
  }
  return answers[value < 0 ? 0 : value === 0 ? 1 : 2];
}

/** Digits with commas only as thousands separators (1,294 yes; 6,2 no). */
const NUMBER_TEXT = /^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d*)?$|^[+-]?\.\d+$/;

function fromText(value: string, shown: string): CountReading | number {
  const text = toHalfWidth(value)
    .replace(/\s/g, "")
    .replace(/(人次|人)$/, "");
  if (!NUMBER_TEXT.test(text)) return { kind: "invalid", problem: "not-number", shown };
  return Number(text.replace(/,/g, ""));
}

/** A formula's cached result that is missing or disagrees with the sheet; null when it is fine. */
function formulaDoubt(value: CellValue, facts: CountFacts): CountReading | null {
  const info = facts.info;
  if (!info?.formula) return null;
  if (info.noCachedValue) return { kind: "invalid", problem: "no-result", shown: "" };
  if (typeof value !== "number" || !info.formulaText || !facts.recompute) return null;
  const again = facts.recompute(info.formulaText);
  if (again === null || Math.abs(again - value) < 1e-9) return null;
  return { kind: "invalid", problem: "stale", shown: String(value), detail: String(again) };
}

/**
 * A whole number ≥ 0 as a college writes it: a number, or digits stored as text ("1,294", "２３８",
 * "300人"), which are read but flagged. Words (三百), fractions, negatives, dates, TRUE/FALSE, a
 * formula without a result or with a stale one, and a format showing other digits are invalid.
 */
export function readCount(value: CellValue, facts: CountFacts = {}): CountReading {
  const doubt = formulaDoubt(value, facts);
  if (doubt) return doubt;
  if (value === null || cellText(value) === "") return { kind: "empty" };
  const shown = cellText(value);
  if (value instanceof Date) return { kind: "invalid", problem: "date", shown };
  if (typeof value === "boolean") return { kind: "invalid", problem: "boolean", shown };
  let n: number;
  if (typeof value === "number") {
    n = value;
    const format = facts.info?.numberFormat;
    if (format && showsOtherDigits(format, n))
      return { kind: "invalid", problem: "format", shown, detail: format };
  } else {
    const read = fromText(value, shown);
    if (typeof read !== "number") return read;
    n = read;
  }
  if (!Number.isFinite(n)) return { kind: "invalid", problem: "not-number", shown };
  if (n < 0) return { kind: "invalid", problem: "negative", shown };
  if (!Number.isInteger(n)) return { kind: "invalid", problem: "fraction", shown };
  if (!Number.isSafeInteger(n)) return { kind: "invalid", problem: "not-number", shown };
  const unverified = Boolean(facts.info?.formula && facts.calcOnLoad);
  return { kind: "count", value: n, fromText: typeof value === "string", shown, unverified };
}
