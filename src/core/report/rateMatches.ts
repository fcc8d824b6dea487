import { Decimal, divideRounded, multiply, toText } from "../decimal";

const HUNDRED: Decimal = { units: 100n, scale: 0 };
/** Digits a person rounds or truncates a percentage to. */
const MAX_DIGITS = 2;

/**
 * Whether a written 累计完成率 equals cumulative / target (target > 0), exactly: the value is read
 * as a percentage (45.67) or as a fraction shown with a % format (0.4567), and may be the exact
 * percentage rounded half up or truncated to 0, 1 or 2 decimals. A value with more decimals (a
 * formula's unrounded result) must lie within half a unit of the second decimal.
 */
export function rateMatches(
  value: Decimal,
  percentOnly: boolean,
  cumulative: number,
  target: number
): boolean {
  const candidates = percentOnly ? [value] : [value, multiply(value, HUNDRED)];
  return candidates.some((v) => percentMatches(v, BigInt(cumulative), BigInt(target)));
}

function percentMatches(v: Decimal, cumulative: bigint, target: bigint): boolean {
  if (v.scale <= MAX_DIGITS) {
    for (let digits = Math.max(0, v.scale); digits <= MAX_DIGITS; digits++) {
      const units = v.units * 10n ** BigInt(digits - v.scale);
      const numerator = 100n * cumulative * 10n ** BigInt(digits);
      const truncated = numerator / target;
      const rounded = (2n * numerator + target) / (2n * target);
      if (units === truncated || units === rounded) return true;
    }
    return false;
  }
  const scale = 10n ** BigInt(v.scale);
  const difference = v.units * target - 100n * cumulative * scale;
  return 200n * (difference < 0n ? -difference : difference) <= target * scale;
}

/** cumulative / target as a percentage rounded half up to 2 decimals, as text with both decimals (45.67, 43.10). */
export function expectedRate(cumulative: number, target: number): string {
  const rate = divideRounded(
    { units: BigInt(cumulative) * 100n, scale: 0 },
    { units: BigInt(target), scale: 0 },
    MAX_DIGITS
  );
  return toText({ units: rate.units * 10n ** BigInt(MAX_DIGITS - rate.scale), scale: MAX_DIGITS });
}

/** The percentage a reading stands for, as a number for the roll-up: 0.4567 → 45.67 when that is the match. */
export function ratePercent(
  value: Decimal,
  percentOnly: boolean,
  cumulative: number | null,
  target: number | null
): number {
  if (!percentOnly && cumulative !== null && target !== null && target > 0) {
    const asFraction = multiply(value, HUNDRED);
    if (
      !percentMatches(value, BigInt(cumulative), BigInt(target)) &&
      percentMatches(asFraction, BigInt(cumulative), BigInt(target))
    ) {
      return Number(toText(asFraction));
    }
  }
  return Number(toText(value));
}
