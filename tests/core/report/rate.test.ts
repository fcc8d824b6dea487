import { decimalFromNumber, parseDecimal } from "../../../src/core/decimal";
import { expectedRate, rateMatches, ratePercent } from "../../../src/core/report/rateMatches";
import { readCount } from "../../../src/core/report/readCount";
import { readRate } from "../../../src/core/report/readRate";

const matches = (written: number | string, cumulative: number, target: number) => {
  const r = readRate(written);
  if (r.kind !== "rate") throw new Error(`not a rate: ${written}`);
  return rateMatches(r.value, r.percent, cumulative, target);
};

describe("累计完成率 = 累计已完成 ÷ 年度任务, exactly, with the rounding a person does", () => {
  // 137 / 300 = 45.6666…%
  test.each([
    45.67,
    45.66,
    45.7,
    45.6,
    46,
    45,
    0.4567,
    0.4566,
    0.457,
    0.46,
    137 / 300,
    (137 / 300) * 100,
    "45.67%",
    " ４５.６７％",
    "45.67",
    "45.666%",
  ])("%p is accepted for 137 / 300", (v) => expect(matches(v, 137, 300)).toBe(true));
  test.each([45.68, 45.5, 47, 44, 0.4568, 0.44, 4567, "0.4567%", 45.656, -45.67, 4.567])(
    "%p is rejected for 137 / 300",
    (v) => expect(matches(v, 137, 300)).toBe(false)
  );

  test("half-way cases round half up, decided exactly (no binary noise)", () => {
    // 1 / 8 = 12.5%: 13 (round) and 12 (truncate) are both a person's rounding; 12.5 exact.
    expect([12.5, 13, 12, 0.125, 0.13].map((v) => matches(v, 1, 8))).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
    // 1 / 16 = 6.25%: 6.3 (round half up) and 6.2 (truncate); 6.25 exact.
    expect([6.25, 6.3, 6.2, 6.26, 6.24].map((v) => matches(v, 1, 16))).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
    // 2 / 3 = 66.666…%: 66.67 rounds, 66.66 truncates; 66.68 does not.
    expect([66.67, 66.66, 66.68, 66.7, 67, 66].map((v) => matches(v, 2, 3))).toEqual([
      true,
      true,
      false,
      true,
      true,
      true,
    ]);
  });

  test("over 100% and 0% are fine", () => {
    expect(matches(150, 3, 2)).toBe(true);
    expect(matches(1.5, 3, 2)).toBe(true);
    expect(matches(0, 0, 300)).toBe(true);
  });

  test("expected rates are shown with two decimals", () => {
    expect([
      expectedRate(137, 300),
      expectedRate(200, 464),
      expectedRate(1, 1),
      expectedRate(0, 5),
    ]).toEqual(["45.67", "43.10", "100.00", "0.00"]);
  });

  test("a %-formatted fraction is reported as a percentage", () => {
    expect(ratePercent(decimalFromNumber(0.4567), false, 137, 300)).toBe(45.67);
    expect(ratePercent(decimalFromNumber(45.67), false, 137, 300)).toBe(45.67);
    expect(ratePercent(parseDecimal("12")!, true, null, null)).toBe(12);
  });
});

describe("reading a rate", () => {
  test.each([
    [null, "empty"],
    ["", "empty"],
    ["—", "dash"],
    ["-", "dash"],
    ["/", "dash"],
    ["——", "dash"],
    ["－", "dash"],
    [45.67, "rate"],
    ["45.67%", "rate"],
    ["很高", "invalid"],
    [true, "invalid"],
  ] as const)("%p → %s", (v, kind) => expect(readRate(v).kind).toBe(kind));
});

describe("reading a count", () => {
  test.each([
    [120, { kind: "count", value: 120, fromText: false }],
    ["120", { kind: "count", value: 120, fromText: true }],
    ["1,294", { kind: "count", value: 1294, fromText: true }],
    ["２３８", { kind: "count", value: 238, fromText: true }],
    ["300人", { kind: "count", value: 300, fromText: true }],
    [null, { kind: "empty" }],
    ["  ", { kind: "empty" }],
    ["三百", { kind: "invalid", problem: "not-number" }],
    [-5, { kind: "invalid", problem: "negative" }],
    ["-5", { kind: "invalid", problem: "negative" }],
    [12.5, { kind: "invalid", problem: "fraction" }],
    [false, { kind: "invalid", problem: "boolean" }],
    [new Date(0), { kind: "invalid", problem: "date", shown: "1970-01-01" }],
    ["6,2", { kind: "invalid", problem: "not-number" }],
  ] as const)("%p", (v, expected) =>
    expect(readCount(v)).toEqual(expect.objectContaining(expected))
  );
});
