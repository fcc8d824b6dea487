/* One failure path per layer: a spreadsheet error kind (#VALUE! …) belongs to the QUOTA functions;
   what src/core/report throws for a file a person can fix is an InputError, with no kind. */
import { readFileSync, readdirSync } from "fs";
import { join } from "path";
import { InputError, QuotaError } from "../../../src/core/errors";
import { callSheetFunction } from "../../../src/core/sheetFunctions";
import { readQuotaLookup } from "../../../src/core/report/quotaLookup";

const REPORT_DIR = join(__dirname, "../../../src/core/report");

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
});
