import { Decimal, decimalFromNumber, parseDecimal } from "../decimal";
import type { CellValue } from "../grid";
import { cellText } from "../grid";
import { toHalfWidth } from "../text";

/** 累计完成率 as written: a number (45.67, or 0.4567 shown with a % format), "45.67%", a dash, or nothing. */
export type RateReading =
  | { readonly kind: "empty" }
  | { readonly kind: "dash"; readonly shown: string }
  /** `percent`: the text carried a % sign, so the number is a percentage and cannot be a fraction. */
  | {
      readonly kind: "rate";
      readonly value: Decimal;
      readonly percent: boolean;
      readonly shown: string;
    }
  | { readonly kind: "invalid"; readonly shown: string };

const DASH = /^[-—–―−/\\]+$/;

export function readRate(value: CellValue): RateReading {
  const shown = cellText(value);
  if (value === null || shown === "") return { kind: "empty" };
  if (typeof value === "number") {
    return Number.isFinite(value)
      ? { kind: "rate", value: decimalFromNumber(value), percent: false, shown }
      : { kind: "invalid", shown };
  }
  if (typeof value !== "string") return { kind: "invalid", shown };
  const text = toHalfWidth(value).replace(/\s+/g, "");
  if (DASH.test(text)) return { kind: "dash", shown };
  const percent = text.endsWith("%");
  const number = parseDecimal(percent ? text.slice(0, -1) : text);
  return number ? { kind: "rate", value: number, percent, shown } : { kind: "invalid", shown };
}
