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
import { DEFAULT_RATES, RateName, formatRate, parseRate } from "./rates";

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

const isBlank = (value: CountInput) => value === null || value === undefined || value === "";

/**
 * A blank cell arrives as 0 in Excel on Windows and as null in Excel on the web, and Windows
 * cannot tell a blank cell from a typed 0. No plan rate is 0, so a numeric 0 rate and a blank
 * referenced rate cell are both #VALUE!, the same on every Excel; the text "0%" is a deliberate 0.
 */
function zeroOrBlankRate(name: RateName, label: string, address?: string | null): QuotaError {
  const where = address ? `单元格 ${address} ` : "";
  return new QuotaError(
    "#VALUE!",
    `${label}：${where || "比例"}为空或为 0。请填写比例（如 ${formatRate(DEFAULT_RATES[name])}），或省略该参数使用默认值`
  );
}

/** A rate argument: omitted (null, no cell behind it) is the plan's rate. */
function rateArg(value: Arg, name: RateName, label: string) {
  const cell = single(value, label);
  if (isBlank(cell)) return DEFAULT_RATES[name];
  if (cell === 0) throw zeroOrBlankRate(name, label);
  return parseRate(cell, label);
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

/** The rate parameters of each function: position, rate and label (as rateArg above names them). */
const RATE_PARAMETERS: Partial<Record<QuotaFunctionName, readonly [number, RateName, string][]>> = {
  TRAINING: [[1, "training", "培训比例"]],
  ADVANCED: [[1, "advanced", "高级工取证比例"]],
  NONADVANCED: [
    [2, "intermediate", "中职取证比例"],
    [3, "undergraduate", "本科取证比例"],
  ],
  INTERMEDIATE: [[1, "intermediate", "中级工取证比例"]],
  ONEX: [[1, "onex", "1+X取证比例"]],
};

/**
 * Where each argument came from: the cell address Excel gives for an argument that is a
 * reference (CustomFunctions.Invocation.parameterAddresses), empty for a typed or omitted one.
 */
export type ArgAddresses = readonly (string | null | undefined)[];

/** A rate taken from a cell that is blank (web: null) or 0 (Windows: blank or 0) is #VALUE!. */
function checkRateCells(name: QuotaFunctionName, args: readonly Arg[], at: ArgAddresses): void {
  for (const [index, rate, label] of RATE_PARAMETERS[name] ?? []) {
    const address = at[index];
    if (!address) continue;
    const cell = single(args[index] ?? null, label);
    if (isBlank(cell) || cell === 0) throw zeroOrBlankRate(rate, label, address);
  }
}

/** Calls a QUOTA function, turning misuse into an error value. */
export function callSheetFunction(
  name: QuotaFunctionName,
  args: readonly Arg[],
  at: ArgAddresses = []
): SheetResult {
  try {
    checkRateCells(name, args, at);
    return (sheetFunctions[name] as (...a: Arg[]) => number | number[][])(...args);
  } catch (error) {
    if (error instanceof QuotaError && error.kind !== null)
      return { error: error.kind, message: error.message };
    return {
      error: "#VALUE!",
      message: `计算出错：${error instanceof Error ? error.message : String(error)}`,
    };
  }
}
