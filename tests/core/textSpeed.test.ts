/* The faster text helpers of issue 14 give what the plain definitions give, character for character. */
import { memoByText } from "../../src/core/memo";
import { classifyLabel } from "../../src/core/report/classifyLabel";
import { normalizeLabel, toHalfWidth } from "../../src/core/text";
import { charWidth, textWidth, widthForText } from "../../src/core/textWidth";

const plainHalfWidth = (text: string) =>
  text
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, " ");

/** charWidth as first written, a regular expression per character. */
const plainCharWidth = (ch: string) => {
  const code = ch.codePointAt(0) ?? 0;
  if (code < 0x20) return 0;
  if (code < 0x7f) return /[A-Z%@&#WMmw]/.test(ch) ? 1.4 : 1.15;
  if (code < 0x2e80 && !(code >= 0x2460 && code <= 0x27bf)) return 1.2;
  return 2.2;
};

const plainWidth = (text: string, size = 11, bold = false) => {
  let width = 0;
  for (const ch of text) width += plainCharWidth(ch);
  return (width * size * (bold ? 1.06 : 1)) / 11;
};

const every = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => String.fromCharCode(from + i)).join("");

const SAMPLES = [
  "",
  "abc",
  "填报单位（公章）：学院1",
  "　２０２２年６月　",
  every(0xff00, 0xff60),
  every(0x0000, 0x0090),
  every(0x2450, 0x27c5),
  "𠀀𠀁 emoji 😀 and a lone \ud800 high and \udc00 low surrogate\ud800",
  "x\ud83d",
  "累计已完成（人次）\nWWW mmm %%%",
];

test("toHalfWidth folds as the regular expressions do", () => {
  for (const s of SAMPLES) expect(toHalfWidth(s)).toBe(plainHalfWidth(s));
});

test("normalizeLabel gives the same answer the first time and when remembered", () => {
  for (const s of [...SAMPLES, "学院 ：", "a".repeat(300) + "：："]) {
    const plain = plainHalfWidth(s).replace(/\s+/g, "").replace(/[:]+$/, "");
    expect(normalizeLabel(s)).toBe(plain);
    expect(normalizeLabel(s)).toBe(plain);
  }
});

test("charWidth by its table is charWidth by the regular expression", () => {
  for (const s of SAMPLES) for (const ch of s) expect(charWidth(ch)).toBe(plainCharWidth(ch));
  expect(charWidth("")).toBe(0);
});

test("textWidth sums charWidth over code points, to the last bit", () => {
  for (const s of SAMPLES)
    for (const [size, bold] of [
      [11, false],
      [14, true],
      [10, false],
    ] as const) {
      expect(textWidth(s, size, bold)).toBe(plainWidth(s, size, bold));
      const lines = s.split("\n").map((l) => plainWidth(l, size, bold));
      expect(widthForText(s, size, bold)).toBe(Math.ceil(Math.max(0, ...lines) + 1.5));
    }
});

test("memoByText remembers per text, keeps no long text and forgets when full", () => {
  const seen: string[] = [];
  const f = memoByText((t) => {
    seen.push(t);
    return t.length;
  }, 2);
  expect([f("a"), f("a"), f("bb"), f("a")]).toEqual([1, 1, 2, 1]);
  expect(seen).toEqual(["a", "bb"]);
  f("ccc"); // full: forgets a and bb
  f("a");
  expect(seen).toEqual(["a", "bb", "ccc", "a"]);
  const long = "x".repeat(257);
  f(long);
  f(long);
  expect(seen.filter((t) => t === long)).toHaveLength(2);
  const undefinedResult = memoByText(() => undefined);
  expect(undefinedResult("z")).toBeUndefined();
});

test("classifyLabel still finds labels after white space, full-width forms and line breaks", () => {
  const labels: [string, string][] = [
    ["\u3000工 作\n进 度", "progress"],
    [" 年度任务（人次）", "field"],
    ["\n累计完成率（％）", "field"],
    ["本月完成", "field"],
    ["当月完成（人）", "field"],
    ["\t填报单位（公章）：学院1", "unit"],
    ["学院负责人：", "head"],
    ["单位负责人", "head"],
    ["负 责 人（签字）", "head"],
    ["填表人：张", "filer"],
    ["填报日期：2022年6月", "date"],
    ["“人人持证、技能河南”建设工作任务进度月报表", "title"],
  ];
  for (const [text, kind] of labels) expect(classifyLabel(text)?.kind).toBe(kind);
  for (const text of ["学生1", "张老师", "2022-06-18", "（空）", "计算机"])
    expect(classifyLabel(text)).toBeNull();
});
