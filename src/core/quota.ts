import { Decimal, add, decimalFromInteger, multiply, roundHalfUp, toNumber } from "./decimal";
import { Rate } from "./rates";

/** The exact, unrounded product of the parts Σ countᵢ × rateᵢ. */
export function exactQuota(parts: readonly (readonly [number, Rate])[]): Decimal {
  let total: Decimal = decimalFromInteger(0);
  for (const [count, rate] of parts) total = add(total, multiply(decimalFromInteger(count), rate));
  return total;
}

/**
 * A quota as the plan computes it: the parts are added exactly and rounded once, half up
 * (表3 is round(95% × 中职 + 30% × 本科), not the sum of two rounded parts).
 */
export function quota(...parts: (readonly [number, Rate])[]): number {
  return toNumber(roundHalfUp(exactQuota(parts)));
}
