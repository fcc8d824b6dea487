import type { ChartSpec } from "../../src/core/chartSpec";
import { chartXml, escapeXml } from "../../src/adapters/xlsx/chartXml";

// The escaping and caches as first written (four replaces per text, map and join), to hold the
// faster ones byte for byte.
const oldEscape = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const oldStrCache = (values: readonly string[]) =>
  `<c:strCache><c:ptCount val="${values.length}"/>${values
    .map((v, i) => `<c:pt idx="${i}"><c:v>${oldEscape(v)}</c:v></c:pt>`)
    .join("")}</c:strCache>`;
const oldNumCache = (values: readonly (number | null)[]) =>
  `<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${values.length}"/>${values
    .map((v, i) => (v === null ? "" : `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`))
    .join("")}</c:numCache>`;

const TEXTS = ["学院1", "A&B", "<x>", 'say "hi"', "&amp;", "", "a>b<c&d\"e'f", "1+X"];

test("escapeXml is the four replaces, with or without a special character", () => {
  for (const text of TEXTS) expect(escapeXml(text)).toBe(oldEscape(text));
});

test("a chart's caches: every category once per series, numbers with gaps, escaped", () => {
  const colleges = Array.from({ length: 1000 }, (_, i) => TEXTS[i % TEXTS.length] + String(i));
  const spec: ChartSpec = {
    title: "进度 & 比较",
    categories: { ref: "'汇总'!$A$2:$A$1001", values: colleges },
    series: ["培训", "高级工", "非高级工", "1+X"].map((name, s) => ({
      name: { ref: `'汇总'!$${"BCDE"[s]}$1`, values: [name] },
      values: {
        ref: `'汇总'!$${"BCDE"[s]}$2:$${"BCDE"[s]}$1001`,
        values: colleges.map((_, i) => ((i + s) % 7 === 0 ? null : (i * 13.5) / (s + 1))),
      },
    })),
    from: { row: 1, column: 6 },
    to: { row: 30, column: 16 },
  };
  const xml = chartXml(spec);
  const categories = oldStrCache(colleges);
  expect(xml.split(categories).length - 1).toBe(4);
  for (const s of spec.series) {
    expect(xml).toContain(oldStrCache(s.name.values));
    expect(xml).toContain(oldNumCache(s.values.values));
  }
  expect(xml).toContain("进度 &amp; 比较");
});
