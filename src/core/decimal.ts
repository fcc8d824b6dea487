/**
 * An exact decimal: `units / 10^scale`. Quotas are computed on these, never on binary floats,
 * so that 1795 × 110% is 1974.5 and rounds half up to 1975 as the plan prints it.
 */
export interface Decimal {
  readonly units: bigint;
  readonly scale: number;
}

const DECIMAL_TEXT = /^([+-]?)(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i;

/** Parses decimal text ("1.1", "110", "1e-2") exactly; returns null when it is not a number. */
export function parseDecimal(text: string): Decimal | null {
  const match = DECIMAL_TEXT.exec(text.trim());
  if (!match) return null;
  const [, sign = "", whole = "", fraction = "", exponentText] = match;
  if (whole === "" && fraction === "") return null;
  const exponent = exponentText === undefined ? 0 : Number(exponentText);
  if (!Number.isSafeInteger(exponent) || Math.abs(exponent) > 400) return null;
  let units = BigInt((whole || "0") + fraction);
  let scale = fraction.length - exponent;
  if (scale < 0) {
    units *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return normalize({ units: sign === "-" ? -units : units, scale });
}

/** The exact decimal that a JS number prints as (its shortest round-trip form). */
export function decimalFromNumber(value: number): Decimal {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  const parsed = parseDecimal(String(value));
  if (!parsed) throw new RangeError(`not a decimal: ${value}`);
  return parsed;
}

export function decimalFromInteger(value: number | bigint): Decimal {
  return { units: BigInt(value), scale: 0 };
}

function normalize(d: Decimal): Decimal {
  let { units, scale } = d;
  while (scale > 0 && units % 10n === 0n) {
    units /= 10n;
    scale -= 1;
  }
  return { units, scale };
}

function align(a: Decimal, b: Decimal): [bigint, bigint, number] {
  const scale = Math.max(a.scale, b.scale);
  return [
    a.units * 10n ** BigInt(scale - a.scale),
    b.units * 10n ** BigInt(scale - b.scale),
    scale,
  ];
}

export function add(a: Decimal, b: Decimal): Decimal {
  const [x, y, scale] = align(a, b);
  return normalize({ units: x + y, scale });
}

export function multiply(a: Decimal, b: Decimal): Decimal {
  return normalize({ units: a.units * b.units, scale: a.scale + b.scale });
}

export function compare(a: Decimal, b: Decimal): number {
  const [x, y] = align(a, b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Rounds to `digits` decimal places, half away from zero (x.5 goes up for the plan's positive counts). */
export function roundHalfUp(d: Decimal, digits = 0): Decimal {
  if (d.scale <= digits) return d;
  const divisor = 10n ** BigInt(d.scale - digits);
  const negative = d.units < 0n;
  const magnitude = negative ? -d.units : d.units;
  let quotient = magnitude / divisor;
  if ((magnitude % divisor) * 2n >= divisor) quotient += 1n;
  return normalize({ units: negative ? -quotient : quotient, scale: digits });
}

export function toNumber(d: Decimal): number {
  return Number(toText(d));
}

/** Plain decimal text, no exponent: 1974.5, 0.21, -3. */
export function toText(d: Decimal): string {
  const negative = d.units < 0n;
  const digits = (negative ? -d.units : d.units).toString().padStart(d.scale + 1, "0");
  const whole = digits.slice(0, digits.length - d.scale);
  const fraction = d.scale > 0 ? "." + digits.slice(digits.length - d.scale) : "";
  return (negative ? "-" : "") + whole + fraction;
}

/** Exact quotient a / b rounded half up to `digits` places (b must not be zero). */
export function divideRounded(a: Decimal, b: Decimal, digits: number): Decimal {
  if (b.units === 0n) throw new RangeError("division by zero");
  const [x, y] = align(a, b);
  const scaled = x * 10n ** BigInt(digits);
  const negative = scaled < 0n !== y < 0n;
  const n = scaled < 0n ? -scaled : scaled;
  const m = y < 0n ? -y : y;
  let quotient = n / m;
  if ((n % m) * 2n >= m) quotient += 1n;
  return normalize({ units: negative ? -quotient : quotient, scale: digits });
}
