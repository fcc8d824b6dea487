import { parseAssignments } from "./assignments";
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

export type RateName = "training" | "advanced" | "intermediate" | "undergraduate" | "onex";
export type Rates = Readonly<Record<RateName, Rate>>;

export const RATE_NAMES: readonly RateName[] = [
  "training",
  "advanced",
  "intermediate",
  "undergraduate",
  "onex",
];

/** What each rate means, as the 参数 sheet and the messages say it. */
export const RATE_LABELS: Readonly<Record<RateName, string>> = {
  training: "培训任务比例（占毕业生总数）",
  advanced: "高级工及以上取证比例（占高职毕业生）",
  intermediate: "中级工取证比例（占中职毕业生）",
  undergraduate: "本科生取证比例（占本科毕业生）",
  onex: "1+X证书取证比例（占高职、中职取证人数）",
};

/** The 2022 plan's rates: 110%, 80%, 95%, 30%, 21%. */
export const DEFAULT_RATES: Rates = {
  training: parseRate("110%"),
  advanced: parseRate("80%"),
  intermediate: parseRate("95%"),
  undergraduate: parseRate("30%"),
  onex: parseRate("21%"),
};

/** Parses "training=110%,onex=0.21" over the defaults; an unknown name or bad rate is an error. */
export function parseRates(spec: string | undefined, base: Rates = DEFAULT_RATES): Rates {
  return parseAssignments(spec, base, "比例", (value, name) => parseRate(value, `比例 ${name}`));
}
