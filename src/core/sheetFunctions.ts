import { apportion } from "./apportion";
import { CountInput, parseCount, sumCounts } from "./count";
import {
  Decimal,
  decimalFromInteger,
  decimalFromNumber,
  divideRounded,
  parseDecimal,
  toNumber,
} from "./decimal";
import { QuotaError, SheetErrorKind } from "./errors";
import { quota } from "./quota";
import { parseRate } from "./rate";
import { DEFAULT_RATES, RateName } from "./rates";

/** A spreadsheet error returned as a value, with the Chinese message Excel shows beside it. */
export interface SheetError {
  readonly error: SheetErrorKind;
  readonly message: string;
}

export type Arg = CountInput | CountInput[][];
export type SheetResult = number | number[][] | SheetError;

export function isSheetError(value: unknown): value is SheetError {
  return typeof value === "object" && value !== null && "error" in value && "message" in value;
}

function rateArg(value: Arg, name: RateName, label: string) {
  if (value === null || value === undefined || value === "") return DEFAULT_RATES[name];
  return parseRate(single(value, label), label);
}

/** A weight for APPORTION: any number ≥ 0 (an exact quota such as 368.5 is a fair weight); blank is 0. */
function parseWeight(value: CountInput): Decimal {
  if (value === null || value === undefined || value === "") return decimalFromInteger(0);
  const weight =
    typeof value === "number" && Number.isFinite(value)
      ? decimalFromNumber(value)
      : typeof value === "string"
        ? parseDecimal(value.replace(/,/g, ""))
        : null;
  if (!weight) throw new QuotaError("#VALUE!", `权重“${String(value)}”不是数字`);
  if (weight.units < 0n) throw new QuotaError("#NUM!", `权重不能为负数（${String(value)}）`);
  return weight;
}

/** Unwraps a one-cell range; a larger range where one value is expected is #VALUE!. */
function single(value: Arg, label: string): CountInput {
  if (!Array.isArray(value)) return value;
  const cells = value.flat();
  if (cells.length !== 1) throw new QuotaError("#VALUE!", `${label}应为单个单元格或数值`);
  return cells[0];
}

/**
 * Every QUOTA function, declared once: the Excel wrappers in src/functions and the tests call
 * these. Bad arguments come back as a SheetError value, never as an exception.
 */
export const sheetFunctions = {
  TRAINING: (graduates: Arg, rate?: Arg) =>
    quota([sumCounts(graduates, "毕业生人数"), rateArg(rate, "training", "培训比例")]),

  ADVANCED: (higherVocational: Arg, rate?: Arg) =>
    quota([
      sumCounts(higherVocational, "高职毕业生人数"),
      rateArg(rate, "advanced", "高级工取证比例"),
    ]),

  NONADVANCED: (
    secondaryVocational: Arg,
    undergraduate: Arg,
    intermediateRate?: Arg,
    undergraduateRate?: Arg
  ) =>
    quota(
      [
        sumCounts(secondaryVocational, "中职毕业生人数"),
        rateArg(intermediateRate, "intermediate", "中职取证比例"),
      ],
      [
        sumCounts(undergraduate, "本科毕业生人数"),
        rateArg(undergraduateRate, "undergraduate", "本科取证比例"),
      ]
    ),

  INTERMEDIATE: (secondaryVocational: Arg, rate?: Arg) =>
    quota([
      sumCounts(secondaryVocational, "中职毕业生人数"),
      rateArg(rate, "intermediate", "中级工取证比例"),
    ]),

  ONEX: (certified: Arg, rate?: Arg) =>
    quota([sumCounts(certified, "取证人数"), rateArg(rate, "onex", "1+X取证比例")]),

  /** Cumulative ÷ target as a fraction (format the cell as %), exact to 4 decimal places. */
  COMPLETION: (cumulative: Arg, target: Arg) => {
    const done = sumCounts(cumulative, "累计已完成人数");
    const goal = parseCount(single(target, "年度任务"), "年度任务");
    if (goal === 0) throw new QuotaError("#DIV/0!", "年度任务为 0，无法计算完成率");
    return toNumber(divideRounded(decimalFromInteger(done), decimalFromInteger(goal), 4));
  },

  APPORTION: (total: Arg, weights: Arg) => {
    const whole = parseCount(single(total, "总数"), "总数");
    const cells = Array.isArray(weights) ? weights.flat() : [weights];
    return apportion(
      whole,
      cells.map((w) => parseWeight(w))
    ).map((n) => [n]);
  },
} satisfies Record<string, (...args: Arg[]) => number | number[][]>;

export type QuotaFunctionName = keyof typeof sheetFunctions;

/** Calls a QUOTA function, turning misuse into an error value. */
export function callSheetFunction(name: QuotaFunctionName, args: readonly Arg[]): SheetResult {
  try {
    return (sheetFunctions[name] as (...a: Arg[]) => number | number[][])(...args);
  } catch (error) {
    if (error instanceof QuotaError) return { error: error.kind, message: error.message };
    return {
      error: "#VALUE!",
      message: `计算出错：${error instanceof Error ? error.message : String(error)}`,
    };
  }
}
