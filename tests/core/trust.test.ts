/* Issue 10 in the core: one college per file, --replace, the ledger's check per row, text cut
   to a cell, control characters escaped, lookups keyed by file text. */
import { escapeControls, printJson } from "../../src/cli/output";
import { MAX_CELL_TEXT, cutText } from "../../src/core/cutText";
import type { Grid } from "../../src/core/grid";
import { previousFromLedger } from "../../src/core/report/previousMonth";
import { validResult } from "../support/coreFixtures";
import { fileProblems } from "../../src/core/rollup/fileTrust";
import type { LedgerEntry, LedgerRow } from "../../src/core/rollup/ledger";
import { ledgerSheet, readLedger } from "../../src/core/rollup/ledgerSheet";
import { replaceGate } from "../../src/core/rollup/replaceGate";
import { previousCumulative } from "../../src/core/rollup/rollUp";
import { rowCheck } from "../../src/core/rollup/rowCheck";

const result = validResult;

const row = (over: Partial<LedgerRow> = {}): LedgerRow => ({
  college: "外国语学院",
  month: "2022-05",
  section: "training",
  target: 369,
  done: 30,
  cumulative: 110,
  file: "a.xlsx",
  sha256: "aa",
  importedAt: "2022-05-30T00:00:00.000Z",
  filer: "王老师",
  filedOn: "2022-05-20",
  ...over,
});

/** The ledger sheet's cells as a grid, the way a reader gives them back. */
const gridOf = (rows: readonly LedgerRow[]): Grid => ({
  name: "月报台账",
  rows: ledgerSheet(rows).cells.map((r) => r.map((c) => c?.value ?? null)),
});

describe("one file, one college", () => {
  test("two colleges in one file: every report of it gets the problem", () => {
    const problems = fileProblems("x.xlsx", [result("外国语学院"), result("传媒学院", "附表")], []);
    expect(problems.map((p) => p.code)).toEqual(["file-colleges"]);
    expect(problems[0]!.message).toContain("外国语学院、传媒学院");
  });

  test("a file name naming another known college; its own name, or a name inside it, is fine", () => {
    const known = ["外国语学院", "传媒学院", "艺术学院", "传媒艺术学院"];
    expect(fileProblems("04-传媒学院-6月.xlsx", [result("外国语学院")], known)[0]!.code).toBe(
      "file-college-differs"
    );
    expect(fileProblems("04-传媒艺术学院-6月.xlsx", [result("传媒艺术学院")], known)).toEqual([]);
    expect(fileProblems("6月.xlsx", [result("外国语学院")], known)).toEqual([]);
  });
});

describe("--replace", () => {
  const entry = (sha256: string, file: string): LedgerEntry => ({
    college: "外国语学院",
    month: "2022-05",
    values: {} as LedgerEntry["values"],
    file,
    sha256,
    filer: null,
    filedOn: null,
  });

  test("another file for a college-month in the ledger: rejected without it, listed with both files with it", () => {
    const ledger = [row()];
    const asked = replaceGate(ledger, [entry("bb", "b.xlsx")], false);
    expect(asked.entries).toEqual([]);
    expect(asked.rejected[0]!.errors[0]!.code).toBe("replace-needed");
    expect(asked.rejected[0]!.errors[0]!.message).toContain("“a.xlsx”");
    const replaced = replaceGate(ledger, [entry("bb", "b.xlsx")], true);
    expect(replaced.replacements).toEqual([
      { key: "外国语学院 2022-05", oldFile: "a.xlsx", newFile: "b.xlsx" },
    ]);
    // The same file again is not a replacement.
    expect(replaceGate(ledger, [entry("aa", "a.xlsx")], false).entries.length).toBe(1);
  });
});

describe("the ledger's check per row", () => {
  test("read back untouched: no row edited; a figure changed by hand: that row edited, its old check kept", () => {
    const rows = [row(), row({ section: "advanced", cumulative: 20 })];
    expect(readLedger([gridOf(rows)]).map((r) => r.edited ?? false)).toEqual([false, false]);
    const grid = gridOf(rows);
    const edited: Grid = {
      ...grid,
      rows: grid.rows.map((r, i) => (i === 1 ? r.map((v, c) => (c === 5 ? 100 : v)) : r)),
    };
    const read = readLedger([edited]);
    expect(read.map((r) => r.edited ?? false)).toEqual([true, false]);
    expect(read[0]!.check).toBe(rowCheck(rows[0]!));
    // Written again, the edit stays visible.
    expect(readLedger([gridOf(read)]).map((r) => r.edited ?? false)).toEqual([true, false]);
  });

  test("a ledger without the 校验 column (written before it) or with the cell emptied is trusted", () => {
    const grid = gridOf([row()]);
    const at = grid.rows[0]!.indexOf("校验");
    expect(at).toBeGreaterThan(0);
    const without: Grid = { ...grid, rows: grid.rows.map((r) => r.filter((_, c) => c !== at)) };
    expect(readLedger([without])[0]!.edited).toBeUndefined();
    const emptied: Grid = {
      ...grid,
      rows: grid.rows.map((r, i) => (i ? r.map((v, c) => (c === at ? null : v)) : r)),
    };
    expect(readLedger([emptied])[0]!.edited).toBeUndefined();
  });

  test("the check depends on the figures and the source", () => {
    expect(rowCheck(row())).toMatch(/^[0-9a-f]{8}$/);
    expect(rowCheck(row({ cumulative: 111 }))).not.toBe(rowCheck(row()));
    expect(rowCheck(row({ sha256: "ab" }))).not.toBe(rowCheck(row()));
    expect(rowCheck(row({ importedAt: "later" }))).toBe(rowCheck(row()));
  });
});

describe("text from a file", () => {
  test("__proto__ as a college is a plain key", () => {
    const cumulative = previousCumulative(
      [row({ college: "__proto__", month: "2022-05" })],
      "2022-06"
    )!;
    expect(({} as Record<string, unknown>).training).toBeUndefined();
    expect(previousFromLedger(cumulative)("__proto__", "training")).toBe(110);
    expect(previousFromLedger(cumulative)("外国语学院", "training")).toBeUndefined();
  });

  test("text longer than a cell is cut to 32,767 characters, never in a surrogate pair", () => {
    expect(cutText("a".repeat(40_003)).length).toBe(MAX_CELL_TEXT);
    const pairs = "😀".repeat(20_000);
    expect(cutText(pairs).length).toBe(MAX_CELL_TEXT - 1);
    expect(cutText("短")).toBe("短");
  });

  test("control characters are shown escaped; JSON keeps its own line breaks only", () => {
    expect(escapeControls("a\u001b[31mb\nc\u009bd\te")).toBe(
      "a\\u001b[31mb\\u000ac\\u009bd\\u0009e"
    );
    expect(escapeControls("学院 2022-06")).toBe("学院 2022-06");
    const lines: string[] = [];
    printJson({ stdout: (l) => lines.push(l), stderr: () => undefined }, { file: "x\n\u001b" });
    expect(lines).toEqual(["{", '  "file": "x\\n\\u001b"', "}"]);
  });
});
