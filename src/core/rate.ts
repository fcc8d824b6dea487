import { Decimal, compare, decimalFromNumber, multiply, parseDecimal, toText } from "./decimal";
import { QuotaError } from "./errors";
import { toHalfWidth } from "./text";

/** A rate as an exact fraction: 110% is the decimal 1.1. */
export type Rate = Decimal;

const HUNDRED: Decimal = { units: 100n, scale: 0 };
const PERCENT: Decimal = { units: 1n, scale: 2 };
/** No plan rate is above 1000%; a larger number is almost surely a percent typed without “%”. */
const MAX_RATE: Decimal = { units: 10n, scale: 0 };

/** Reads a rate given as a percentage ("110%") or as a decimal ("1.1" or 1.1). */
export function parseRate(
  value: number | string | boolean | null | undefined,
  label = "比例"
): Rate {
  if (value === null || value === undefined || value === "")
    throw new QuotaError("#VALUE!", `缺少${label}`);
  if (typeof value === "boolean") throw new QuotaError("#VALUE!", `${label}不能是逻辑值`);
  let rate: Decimal | null;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new QuotaError("#VALUE!", `${label}不是有限的数`);
    rate = decimalFromNumber(value);
  } else {
    const text = toHalfWidth(value).replace(/\s+/g, "");
    const percent = text.endsWith("%");
    const number = parseDecimal(percent ? text.slice(0, -1) : text);
    rate = number && (percent ? multiply(number, PERCENT) : number);
    if (!rate) throw new QuotaError("#VALUE!", `${label}“${value}”不是比例，请写成 110% 或 1.1`);
  }
  if (rate.units < 0n) throw new QuotaError("#VALUE!", `${label}不能为负数（${formatRate(rate)}）`);
  if (compare(rate, MAX_RATE) > 0) {
    throw new QuotaError("#VALUE!", `${label} ${toText(rate)} 过大：百分比请带 % 号，例如 110%`);
  }
  return rate;
}

/** 1.1 → "110%", 0.215 → "21.5%". */
export function formatRate(rate: Rate): string {
  return `${toText(multiply(rate, HUNDRED))}%`;
}

/** The number of decimal places of the rate written as a percentage (110% → 0, 21.5% → 1). */
export function percentDecimals(rate: Rate): number {
  return Math.max(0, rate.scale - 2);
}
