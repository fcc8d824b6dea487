/* The faster core of issue 14 (run-wide work done once) gives what the plain definitions give. */
import { cellAddress, columnLetter } from "../../src/core/grid";
import { checkListedReport, checkReportLists } from "../../src/core/lists/checkReportLists";
import type { MonthlyReport } from "../../src/core/report/monthlyReport";
import { collegeKey } from "../../src/core/report/quotaLookup";
import { validResult } from "../support/coreFixtures";
import { findReportMonth, monthInText } from "../../src/core/report/reportMonth";
import { fileProblems } from "../../src/core/rollup/fileTrust";
import type { LedgerRow } from "../../src/core/rollup/ledger";
import { previousOfLedger } from "../../src/core/rollup/rollUp";
import { rowCheck } from "../../src/core/rollup/rowCheck";
import { layoutSheet } from "../../src/core/sheetLayout";
import { charWidth, textWidth, wrapText } from "../../src/core/textWidth";
import { SheetModel, cell } from "../../src/core/workbookModel";
import { form, training, trainingSheet } from "./lists/listFixtures";

/** wrapText as first written: an array of characters per line, joined at every break. */
function plainWrapText(text: string, width: number, size = 11, bold = false): string[] {
  const scale = (size * (bold ? 1.06 : 1)) / 11;
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line: string[] = [];
    let used = 0;
    for (const ch of Array.from(paragraph)) {
      const w = charWidth(ch) * scale;
      if (line.length === 0 || used + w <= width) {
        line.push(ch);
        used += w;
        continue;
      }
      const carry = plainBreakPoint(line, ch);
      lines.push(line.slice(0, carry).join(""));
      line = [...line.slice(carry), ch];
      used = textWidth(line.join(""), size, bold);
    }
    lines.push(line.join(""));
  }
  return lines;
}

function plainBreakPoint(line: readonly string[], next: string): number {
  if (/[）)》」』】〕，。、；：！？%,.;:!?]/u.test(next) && line.length > 1) return line.length - 1;
  if (/[\x21-\x7e]/.test(next) && /[\x21-\x7e]/.test(line[line.length - 1]!)) {
    const space = line.lastIndexOf(" ");
    if (space > 0) return space + 1;
  }
  return line.length;
}

/** A small deterministic generator, so that a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const PIECES = [
  "学",
  "院",
  "（",
  "）",
  "，",
  "。",
  "%",
  "!",
  ".",
  " ",
  " ",
  "a",
  "W",
  "m",
  "0",
  "9",
  "-",
  "\n",
  "😀",
  "𠀀",
  "\ud800",
  "\udc00",
  "①",
  "“",
  "”",
  "\t",
  "quota",
  "generate",
  "  ",
  "：",
];

test("wrapText breaks every text where the character-array version did", () => {
  const next = random(14);
  for (let n = 0; n < 4000; n++) {
    let text = "";
    const length = Math.floor(next() * 40);
    for (let i = 0; i < length; i++) text += PIECES[Math.floor(next() * PIECES.length)]!;
    const width = 1 + next() * 30;
    const size = next() < 0.5 ? 11 : 10 + Math.floor(next() * 5);
    const bold = next() < 0.3;
    expect(wrapText(text, width, size, bold)).toEqual(plainWrapText(text, width, size, bold));
  }
});

test("wrapText of the texts a master holds", () => {
  const samples = [
    "0001-学院1-2022年6月.xlsx",
    "c".repeat(64),
    "培训任务：全校年度任务 2605350（方案合计），各学院年度任务之和 2605400，相差 50。",
    "out/bench/reports-1000/0001-学院1-2022年6月.xlsx",
  ];
  for (const text of samples)
    for (const width of [4, 8.5, 10, 18.5, 34.5])
      for (const bold of [false, true])
        expect(wrapText(text, width, 11, bold)).toEqual(plainWrapText(text, width, 11, bold));
});

const result = (college: string) => validResult(college);

describe("a file name naming another college, looked up by the name's substrings", () => {
  /** fileProblems' colleges as first written: every known key tried on every file. */
  const plainOthers = (file: string, college: string, known: readonly string[]) => {
    const own = collegeKey(college);
    const name = collegeKey(file.replace(/^.*[\\/]/, "").replace(/\.[^.]*$/, ""));
    return known.filter((k) => {
      const key = collegeKey(k);
      return key !== "" && key !== own && !own.includes(key) && name.includes(key);
    });
  };
  // Many colleges: the lookup by substrings is taken (fewer substrings than keys).
  const known = [
    ...Array.from({ length: 300 }, (_, i) => `学院${i + 1}`),
    "传媒学院",
    "传媒 学院",
    "艺术学院",
    "传媒艺术学院",
    "学院",
  ];
  test.each([
    ["0001-学院1-2022年6月.xlsx", "学院1"],
    ["0012-学院12-2022年6月.xlsx", "学院1"],
    ["dir/04-传媒学院-6月.xlsx", "外国语学院"],
    ["04-传媒艺术学院-6月.xlsx", "传媒艺术学院"],
    ["艺术学院与学院300.xlsx", "学院3"],
    ["6月.xlsx", "学院7"],
  ])("%s from %s: the colleges every key would find, in the list's order", (file, college) => {
    const others = plainOthers(file, college, known);
    const problems = fileProblems(file, [result(college)], known);
    expect(problems.length).toBe(others.length > 0 ? 1 : 0);
    if (others.length > 0) expect(problems[0]!.message).toContain(`“${others.join("、")}”`);
  });

  test("random names and keys: the same colleges as every key tried", () => {
    const next = random(3);
    const chars = ["学", "院", "经", "管", "1", "2", "-", " ", "（", "公章", "）", "a"];
    const word = (n: number) =>
      Array.from({ length: n }, () => chars[Math.floor(next() * chars.length)]).join("");
    for (let run = 0; run < 20; run++) {
      const keys = Array.from({ length: 40 + run * 20 }, () => word(1 + Math.floor(next() * 5)));
      for (let n = 0; n < 30; n++) {
        const file = `${word(Math.floor(next() * 14))}.xlsx`;
        const college = word(2 + Math.floor(next() * 3));
        const others = plainOthers(file, college, keys);
        const problems = fileProblems(file, [result(college)], keys);
        expect(problems.length).toBe(others.length > 0 ? 1 : 0);
        if (others.length > 0) expect(problems[0]!.message).toContain(`“${others.join("、")}”`);
      }
    }
  });

  test("two runs with different colleges do not share their keys", () => {
    expect(fileProblems("学院2.xlsx", [result("学院1")], ["学院1", "学院2"])).toHaveLength(1);
    expect(fileProblems("学院2.xlsx", [result("学院1")], ["学院1", "学院3"])).toEqual([]);
  });
});

describe("months remembered per text", () => {
  test("two reports with different sheets in one run each get their own month", () => {
    const june = findReportMonth({ sheetName: "2022年6月", fileName: "a.xlsx" });
    const july = findReportMonth({ sheetName: "2022年7月", fileName: "b.xlsx" });
    expect(june.month).toEqual({ year: 2022, month: 6 });
    expect(july.month).toEqual({ year: 2022, month: 7 });
    expect(monthInText("2022年6月")).toEqual({ year: 2022, month: 6 });
  });

  test("a month without its year takes the year of the report it is in, not of the one before", () => {
    const a = findReportMonth({ sheetName: "6月", fileName: "2021-学院1.xlsx" });
    const b = findReportMonth({ sheetName: "6月", fileName: "2022-学院2.xlsx" });
    const c = findReportMonth({ sheetName: "6月", filedOn: { year: 2023, month: 7, day: 1 } });
    expect([a.month, b.month, c.month]).toEqual([
      { year: 2021, month: 6 },
      { year: 2022, month: 6 },
      { year: 2023, month: 6 },
    ]);
  });
});

describe("layout: a text wrapped once per width and look", () => {
  const sheet = (cells: SheetModel["cells"], widths: number[]): SheetModel => ({
    name: "s",
    cells,
    merges: [],
    columnWidths: widths,
    frozenRows: 0,
  });

  test("the same text in a narrow and a wide column, or in another look, is measured for each", () => {
    const text = "c".repeat(64);
    // Wrapping columns grow to 10 at most: column A stays 10 wide, B keeps its 36.
    const laid = layoutSheet(
      sheet(
        [
          [cell(text, "text"), cell("x", "text")],
          [cell("x", "text"), cell(text, "text")],
          [cell(text, "title"), cell(null, "text")],
          [cell(text, "note"), cell(null, "text")],
          [cell(text, "header"), cell(null, "text")],
        ],
        [10, 36]
      ),
      10
    );
    const lines = (n: number, size = 11) => n * Math.ceil(size * 1.45) + 5;
    const count = (width: number, size = 11, bold = false) =>
      wrapText(text, width - 1.5, size, bold).length;
    expect(laid.columnWidths).toEqual([10, 36]);
    expect(laid.rowHeights).toEqual({
      0: lines(count(10)),
      1: lines(count(36)),
      2: lines(count(10, 14, true), 14),
      3: lines(count(10, 10), 10),
      4: lines(count(10, 11, true)),
    });
    const counts = [count(10), count(36), count(10, 14, true), count(10, 10), count(10, 11, true)];
    expect(new Set(counts).size).toBe(5);
  });
});

describe("lists of a report: none read, nothing reconciled", () => {
  const report = (college: string): MonthlyReport => ({
    ...form(college, "2022-06", { training: [1, 1] }),
    collegeCell: "B2",
    monthSource: "option",
    filedOn: null,
    filedOnCell: "B20",
    filer: null,
    filerCell: "B18",
    head: null,
    headCell: "B19",
  });

  test("with list rows: what checkReportLists gives; without: null", () => {
    const listed = [
      trainingSheet([training("S1", "2019级", "高职（专科）", "会计", "培训", "2022-06-01")]),
    ];
    expect(checkListedReport(listed, report("经管"), null)).toEqual(
      checkReportLists(listed, report("经管"), null)
    );
    expect(checkReportLists([], report("艺术"), null)).not.toBeNull();
    expect(checkListedReport([], report("艺术"), null)).toBeNull();
  });
});

describe("last month from a master's ledger, worked out once per month", () => {
  const row = (college: string, month: string, cumulative: number): LedgerRow => ({
    college,
    month,
    section: "training",
    target: 100,
    done: 1,
    cumulative,
    file: "a.xlsx",
    sha256: "aa",
    importedAt: "2022-06-30 09:00",
    filer: null,
    filedOn: null,
  });

  test("each report month gets its own month before; colleges keep their own figures", () => {
    const previousOf = previousOfLedger([
      row("学院1", "2022-05", 10),
      row("学院2", "2022-05", 20),
      row("学院1", "2022-06", 30),
    ]);
    expect(previousOf("2022-06")("学院1", "training")).toBe(10);
    expect(previousOf("2022-06")("学院2", "training")).toBe(20);
    expect(previousOf("2022-07")("学院1", "training")).toBe(30);
    expect(previousOf("2022-07")("学院2", "training")).toBeUndefined();
    expect(previousOf("2022-06")("学院1", "training")).toBe(10);
    expect(previousOf("2022-05")("学院1", "training")).toBeUndefined();
  });
});

test("rowCheck hashed field by field is FNV-1a over the fields joined", () => {
  const plain = (fields: readonly (string | number | null)[]) => {
    let hash = 0x811c9dc5;
    const text = fields.map((v) => (v === null ? "" : String(v))).join("\u001f");
    for (let i = 0; i < text.length; i++) {
      hash ^= text.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    return (hash >>> 0).toString(16).padStart(8, "0");
  };
  const next = random(7);
  for (let n = 0; n < 500; n++) {
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!;
    const r: LedgerRow = {
      college: pick(["", "学院1", "外国语学院", "😀x"]),
      month: pick(["2022-06", "", "2022-12"]),
      section: pick(["training", "advanced", "nonadvanced", "onex"] as const),
      target: pick([null, 0, 369, 1234567]),
      done: pick([null, 0, 30]),
      cumulative: pick([null, 110, 7]),
      file: "a.xlsx",
      sha256: pick(["", "aa", "c".repeat(64)]),
      importedAt: "",
      filer: null,
      filedOn: null,
    };
    const fields = [r.college, r.month, r.section, r.target, r.done, r.cumulative, r.sha256];
    expect(rowCheck(r)).toBe(plain(fields));
  }
});

test("column letters remembered give what they are worked out to", () => {
  const plain = (index: number) => {
    let n = index + 1;
    let text = "";
    while (n > 0) {
      text = String.fromCharCode(65 + ((n - 1) % 26)) + text;
      n = Math.floor((n - 1) / 26);
    }
    return text;
  };
  for (const i of [0, 1, 25, 26, 27, 51, 52, 701, 702, 1023, 1024, 16383, -1, 2.5, 0, 25])
    expect(columnLetter(i)).toBe(plain(i));
  expect(cellAddress(2, 1)).toBe("B3");
  expect(cellAddress(0, 1023)).toBe("AMJ1");
});
