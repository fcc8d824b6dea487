/* Numbers as a person sees them: the readers behind value-format, value-stale and 6,2. */
import { formatShowsOtherDigits } from "../../src/core/report/numberFormatDigits";
import { readCount } from "../../src/core/report/readCount";
import { recomputeFormula } from "../../src/core/report/recomputeFormula";

test.each([
  ['"300"', 185, true],
  ['0"0"', 120, true],
  ["0\\0", 12, true],
  [";;;", 5, true],
  ["0,", 1500, true],
  ["0%", 30, true],
  ["0", 185, false],
  ["#,##0", 1294, false],
  ['0"人"', 185, false],
  ['#,##0;[Red]-#,##0;"-"', 0, false],
  ["General", 5, false],
] as const)("format %s on %d shows other digits: %p", (format, value, other) => {
  expect(formatShowsOtherDigits(format, value)).toBe(other);
});

test("commas only as thousands separators", () => {
  expect(readCount("6,2")).toMatchObject({ kind: "invalid", problem: "not-number" });
  expect(readCount("1,294")).toMatchObject({ kind: "count", value: 1294, fromText: true });
  expect(readCount("12,34,567")).toMatchObject({ kind: "invalid", problem: "not-number" });
});

test("a date and a boolean are named as such, the date as a person writes it", () => {
  expect(readCount(new Date(Date.UTC(1900, 2, 2)))).toEqual({
    kind: "invalid",
    problem: "date",
    shown: "1900-03-02",
  });
  expect(readCount(true)).toMatchObject({ kind: "invalid", problem: "boolean" });
});

test("a cached result is checked against the sheet when that is cheap", () => {
  const grid = { name: "s", rows: [[62, 2, null, "x"]] };
  expect(recomputeFormula(grid, "A1*2")).toBe(124);
  expect(recomputeFormula(grid, "=SUM(A1:C1)+(B1-1)*3")).toBe(67);
  expect(recomputeFormula(grid, "D1*2")).toBeNull();
  expect(recomputeFormula(grid, "Sheet2!A1")).toBeNull();
  expect(recomputeFormula(grid, "VLOOKUP(A1,B:C,2)")).toBeNull();
  const facts = (formulaText: string, noCachedValue = false) => ({
    info: { formula: true, formulaText, noCachedValue },
    recompute: (f: string) => recomputeFormula(grid, f),
  });
  expect(readCount(185, facts("A1*2"))).toEqual({
    kind: "invalid",
    problem: "stale",
    shown: "185",
    detail: "124",
  });
  expect(readCount(124, facts("A1*2"))).toMatchObject({ kind: "count", value: 124 });
  expect(readCount(null, facts("A1*2", true))).toMatchObject({ problem: "no-result" });
  expect(readCount(124, { ...facts("Sheet2!A1"), calcOnLoad: true })).toMatchObject({
    kind: "count",
    unverified: true,
  });
});
