/* One failure path per layer: a spreadsheet error kind (#VALUE! …) belongs to the QUOTA functions;
   what src/core/report throws for a file a person can fix is an InputError, with no kind. */
import { readFileSync, readdirSync } from "fs";
import { join } from "path";
import { InputError, QuotaError } from "../../../src/core/errors";
import { callSheetFunction } from "../../../src/core/sheetFunctions";
import { parseColumnMapping } from "../../../src/core/columnMapping";
import { findGraduateTable } from "../../../src/core/graduateTable";
import { readQuotaLookup } from "../../../src/core/report/quotaLookup";

const SRC = join(__dirname, "../../../src");
const REPORT_DIR = join(SRC, "core/report");
/** The QUOTA functions' modules: their errors become spreadsheet error values in a cell. */
const FUNCTION_MODULES = [
  "core/sheetFunctions.ts",
  "core/count.ts",
  "core/rates.ts",
  "core/apportion.ts",
  "core/quota.ts",
  "core/floors.ts",
  "core/decimal.ts",
];

function sourceFiles(dir: string, base = ""): string[] {
  return readdirSync(join(dir, base), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sourceFiles(dir, join(base, e.name))
      : e.name.endsWith(".ts")
        ? [join(base, e.name).split("\\").join("/")]
        : []
  );
}

function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (error) {
    return error;
  }
  throw new Error("did not throw");
}

describe("errors of the report check", () => {
  test("a workbook that is not a quota workbook: an InputError without a spreadsheet kind", () => {
    const error = thrown(() => readQuotaLookup([{ name: "表1", rows: [["学院", "人数"]] }]));
    expect(error).toBeInstanceOf(InputError);
    expect(error).toBeInstanceOf(QuotaError); // callers that catch QuotaError still see it
    expect((error as InputError).kind).toBeNull();
    expect((error as InputError).message).toMatch(/[\u4e00-\u9fff]/);
  });

  test("located with at(), it stays an InputError and keeps its message", () => {
    const error = new InputError("表1 中没有学院").at("文件“a.xlsx”");
    expect(error).toBeInstanceOf(InputError);
    expect(error.kind).toBeNull();
    expect([error.message, error.detail, error.where]).toEqual([
      "文件“a.xlsx”：表1 中没有学院",
      "表1 中没有学院",
      "文件“a.xlsx”",
    ]);
    expect(error.at("工作表“表1”").message).toBe("工作表“表1” 文件“a.xlsx”：表1 中没有学院");
  });

  test("a bad count in a graduate table: the count's #VALUE! becomes an InputError at the cell", () => {
    const rows = [
      ["学院", "本科", "高职", "中职"],
      ["文学院", 10, "三十", 0],
    ];
    const error = thrown(() => findGraduateTable([{ name: "Sheet1", rows }]));
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).kind).toBeNull();
    expect((error as InputError).message).toMatch(/Sheet1.*C2/);
  });

  test("a column mapping typed wrong is an InputError", () => {
    const error = thrown(() => parseColumnMapping("本科=B,高职=C,中职=4"));
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).kind).toBeNull();
  });

  test("a function argument error keeps its kind, and at() keeps it too", () => {
    const error = new QuotaError("#NUM!", "权重不能为负数").at("单元格 B2");
    expect(error).not.toBeInstanceOf(InputError);
    expect([error.kind, error.message]).toEqual(["#NUM!", "单元格 B2：权重不能为负数"]);
    expect(callSheetFunction("TRAINING", [-1])).toEqual({
      error: "#NUM!",
      message: expect.stringMatching(/负数/),
    });
  });

  test("src/core/report stamps no spreadsheet kind: every throw there is an InputError", () => {
    const throws = readdirSync(REPORT_DIR)
      .filter((f) => f.endsWith(".ts"))
      .flatMap((f) =>
        [...readFileSync(join(REPORT_DIR, f), "utf8").matchAll(/throw new (\w+)/g)].map(
          (m) => `${f}: ${m[1]}`
        )
      );
    expect(throws.length).toBeGreaterThan(0);
    // Broken contracts, not a user's input: previousMonthOf given a month not YYYY-MM, a rule
    // reporting a code its REPORT_RULES entry does not declare.
    const bugs = ["previousMonth.ts: RangeError", "reportRules.ts: Error"];
    expect(throws.filter((t) => !t.endsWith(": InputError") && !bugs.includes(t))).toEqual([]);
    for (const f of readdirSync(REPORT_DIR))
      expect([f, readFileSync(join(REPORT_DIR, f), "utf8").includes("new QuotaError(")]).toEqual([
        f,
        false,
      ]);
  });

  test("outside the QUOTA functions, src stamps no spreadsheet kind: no new QuotaError( there", () => {
    const files = sourceFiles(SRC);
    const stamping = (f: string) => readFileSync(join(SRC, f), "utf8").includes("new QuotaError(");
    // errors.ts itself: QuotaError.at() copies the kind it was given.
    const outside = files.filter((f) => !FUNCTION_MODULES.includes(f) && f !== "core/errors.ts");
    expect(outside.length).toBeGreaterThan(100);
    expect(outside.filter(stamping)).toEqual([]);
    // The scan sees the functions' own kinds, so it would see one elsewhere.
    expect(FUNCTION_MODULES.filter(stamping).length).toBeGreaterThan(2);
  });
});
