import type { CellValue } from "../grid";
import { cellText } from "../grid";
import { toHalfWidth } from "../text";

/** A head count read from a cell, or why it cannot be one. */
export type CountReading =
  | { readonly kind: "empty" }
  | {
      readonly kind: "count";
      readonly value: number;
      readonly fromText: boolean;
      readonly shown: string;
    }
  | {
      readonly kind: "invalid";
      readonly problem: "not-number" | "negative" | "fraction";
      readonly shown: string;
    };

/**
 * A whole number ≥ 0 as a college writes it: a number, or digits stored as text ("1,294", "２３８",
 * "300人"), which are read but flagged. Words (三百), fractions and negatives are invalid.
 */
export function readCount(value: CellValue): CountReading {
  if (value === null || cellText(value) === "") return { kind: "empty" };
  const shown = cellText(value);
  if (typeof value === "boolean" || value instanceof Date)
    return { kind: "invalid", problem: "not-number", shown };
  let n: number;
  const fromText = typeof value === "string";
  if (typeof value === "number") {
    n = value;
  } else {
    const text = toHalfWidth(value)
      .replace(/[\s,]/g, "")
      .replace(/(人次|人)$/, "");
    if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(text))
      return { kind: "invalid", problem: "not-number", shown };
    n = Number(text);
  }
  if (!Number.isFinite(n)) return { kind: "invalid", problem: "not-number", shown };
  if (n < 0) return { kind: "invalid", problem: "negative", shown };
  if (!Number.isInteger(n)) return { kind: "invalid", problem: "fraction", shown };
  if (!Number.isSafeInteger(n)) return { kind: "invalid", problem: "not-number", shown };
  return { kind: "count", value: n, fromText, shown };
}
