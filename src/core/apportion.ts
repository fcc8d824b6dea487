import { Decimal, decimalFromInteger } from "./decimal";
import { QuotaError } from "./errors";

/**
 * Largest-remainder (Hamilton) apportionment: whole numbers proportional to `weights` that add
 * up to `total` exactly. Ties in the remainder go to the larger weight, then to the earlier one.
 */
export function apportion(total: number, weights: readonly Decimal[]): number[] {
  if (!Number.isSafeInteger(total) || total < 0)
    throw new QuotaError("#NUM!", `总数应为不小于 0 的整数（${total}）`);
  if (weights.some((w) => w.units < 0n)) throw new QuotaError("#NUM!", "权重不能为负数");
  if (weights.length === 0) throw new QuotaError("#VALUE!", "没有可分配的权重");
  const scale = Math.max(...weights.map((w) => w.scale));
  const units = weights.map((w) => w.units * 10n ** BigInt(scale - w.scale));
  const sum = units.reduce((a, b) => a + b, 0n);
  if (sum === 0n) {
    if (total === 0) return weights.map(() => 0);
    throw new QuotaError("#VALUE!", "权重全为 0，无法分配");
  }
  const shares = units.map((u) => {
    const numerator = u * BigInt(total);
    return { floor: numerator / sum, remainder: numerator % sum };
  });
  let left = BigInt(total) - shares.reduce((a, s) => a + s.floor, 0n);
  const order = shares
    .map((s, i) => i)
    .sort((a, b) => {
      const ra = shares[a]!.remainder;
      const rb = shares[b]!.remainder;
      if (ra !== rb) return ra > rb ? -1 : 1;
      const wa = units[a]!;
      const wb = units[b]!;
      if (wa !== wb) return wa > wb ? -1 : 1;
      return a - b;
    });
  const result = shares.map((s) => s.floor);
  for (const i of order) {
    if (left <= 0n) break;
    result[i]! += 1n;
    left -= 1n;
  }
  return result.map((r) => Number(r));
}

/** Whole-number weights, for callers that hold head counts. */
export function apportionCounts(total: number, counts: readonly number[]): number[] {
  return apportion(
    total,
    counts.map((c) => decimalFromInteger(c))
  );
}
