import {
  decimalFromNumber,
  divideRounded,
  parseDecimal,
  roundHalfUp,
  toText,
} from "../../src/core/decimal";
import { parseCount, sumCounts } from "../../src/core/count";
import { QuotaError } from "../../src/core/errors";
import { quota } from "../../src/core/quota";
import { DEFAULT_RATES, formatRate, parseRate, parseRates } from "../../src/core/rates";
import { apportion, apportionCounts } from "../../src/core/apportion";
import { parseFloors } from "../../src/core/floors";

const d = (text: string) => parseDecimal(text)!;

describe("exact decimals", () => {
  test.each([
    ["1974.5", "1975"],
    ["368.5", "369"],
    ["103.5", "104"],
    ["237.5", "238"],
    ["237.49999", "237"],
    ["0.5", "1"],
    ["0.4999999999999999999", "0"],
    ["-2.5", "-3"],
    ["12", "12"],
  ])("round half up %s → %s", (input, expected) => {
    expect(toText(roundHalfUp(d(input)))).toBe(expected);
  });

  test("where binary floating point goes wrong, the quota does not", () => {
    expect(1795 * 1.1).not.toBe(1974.5);
    expect(quota([1795, parseRate(1.1)])).toBe(1975);
    expect(quota([250, parseRate(0.95)], [755, parseRate(0.3)])).toBe(464);
    expect(quota([335, parseRate("110%")])).toBe(369);
    expect(quota([345, parseRate("30%")])).toBe(104);
    expect(quota([250, parseRate(0.95)])).toBe(238); // 237.5 exactly
  });

  test("parses text forms and rejects junk", () => {
    expect(toText(d("1e-2"))).toBe("0.01");
    expect(toText(d(".5"))).toBe("0.5");
    expect(toText(decimalFromNumber(0.1 + 0.2))).toBe("0.30000000000000004");
    expect(parseDecimal("abc")).toBeNull();
    expect(parseDecimal(".")).toBeNull();
    expect(parseDecimal("")).toBeNull();
  });

  test("rounded division", () => {
    expect(toText(divideRounded(d("1"), d("3"), 4))).toBe("0.3333");
    expect(toText(divideRounded(d("2"), d("3"), 4))).toBe("0.6667");
    expect(() => divideRounded(d("1"), d("0"), 2)).toThrow(RangeError);
  });
});

describe("rates", () => {
  test.each([
    ["110%", "110%"],
    ["110 %", "110%"],
    ["１１０％", "110%"],
    ["1.1", "110%"],
    [1.1, "110%"],
    [0.21, "21%"],
    ["12.5%", "12.5%"],
    [0, "0%"],
  ])("%p reads as %s", (input, expected) => {
    expect(formatRate(parseRate(input))).toBe(expected);
  });

  test.each([
    ["abc"],
    ["-5%"],
    [-0.1],
    [110],
    ["110"],
    [Number.NaN],
    [Number.POSITIVE_INFINITY],
    [""],
    [null],
    [true],
  ])("%p is not a rate", (input) => {
    expect(() => parseRate(input as never)).toThrow(QuotaError);
  });

  test("a percent typed without % says so", () => {
    expect(() => parseRate(110)).toThrow(/110%/);
  });

  test("named rates over the defaults", () => {
    const rates = parseRates("training=120%, onex=0.25");
    expect(formatRate(rates.training)).toBe("120%");
    expect(formatRate(rates.onex)).toBe("25%");
    expect(rates.advanced).toEqual(DEFAULT_RATES.advanced);
    expect(() => parseRates("trainng=110%")).toThrow(/无法识别/);
    expect(() => parseRates("training")).toThrow(/无法识别/);
    expect(() => parseRates("training=abc")).toThrow(/不是比例/);
  });

  test("floors", () => {
    expect(parseFloors("onex=1000").onex).toBe(1000);
    expect(() => parseFloors("onex=-1")).toThrow(QuotaError);
    expect(() => parseFloors("x=1")).toThrow(/无法识别/);
  });
});

describe("head counts", () => {
  test("blank is 0, digits as text are read", () => {
    expect(parseCount(null)).toBe(0);
    expect(parseCount(undefined)).toBe(0);
    expect(parseCount("")).toBe(0);
    expect(parseCount(" 1,294 ")).toBe(1294);
    expect(parseCount("２３８")).toBe(238);
    expect(parseCount(12.0)).toBe(12);
  });

  test.each([
    [-1, "#NUM!"],
    [1.5, "#NUM!"],
    ["1.5", "#NUM!"],
    ["三百", "#VALUE!"],
    [true, "#VALUE!"],
    [Number.NaN, "#NUM!"],
    [1e20, "#NUM!"],
  ])("%p is %s", (input, kind) => {
    expect(() => parseCount(input as never)).toThrow(expect.objectContaining({ kind }));
  });

  test("ranges are summed", () => {
    expect(sumCounts([[238, 97, 0]])).toBe(335);
    expect(sumCounts([[1], [null], ["2"]])).toBe(3);
    expect(() => sumCounts([[1, "x"]])).toThrow(QuotaError);
  });
});

describe("largest remainder", () => {
  test("adds up exactly", () => {
    expect(apportionCounts(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(apportionCounts(7, [5, 3, 2])).toEqual([4, 2, 1]);
    expect(apportionCounts(0, [0, 0])).toEqual([0, 0]);
    const shares = apportionCounts(
      14572,
      [335, 2584, 936, 374, 1795, 207, 476, 1648, 885, 61, 558, 3388]
    );
    expect(shares.reduce((a, b) => a + b, 0)).toBe(14572);
  });

  test("ties go to the larger weight, then the earlier one", () => {
    expect(apportion(1, [d("0.5"), d("0.5")])).toEqual([1, 0]);
    expect(apportionCounts(2, [1, 2, 1])).toEqual([1, 1, 0]);
  });

  test("misuse", () => {
    expect(() => apportionCounts(5, [0, 0])).toThrow(/权重全为 0/);
    expect(() => apportionCounts(-1, [1])).toThrow(QuotaError);
    expect(() => apportionCounts(1.5, [1])).toThrow(QuotaError);
    expect(() => apportionCounts(1, [])).toThrow(QuotaError);
  });
});
