import JSZip from "jszip";
import { storeZip } from "../../../src/adapters/zip/storeZip";
import { tableCrc32 as crc32 } from "../../../src/adapters/zip/zipBytes";
import { buildQuotaTables } from "../../../src/core/quotaTables";
import {
  collegeSheetName,
  collegeTemplateFileName,
  collegeTemplatesWorkbook,
} from "../../../src/core/report/collegeTemplates";
import { FINDING_SEVERITY, finding } from "../../../src/core/report/finding";
import { ownWorkbook } from "../../../src/core/report/ownWorkbook";
import { HOW_TO_FIX, problemRows } from "../../../src/core/report/problemList";
import { quotaLookupFromTables } from "../../../src/core/report/quotaLookup";
import type { ReportResult } from "../../../src/core/report/validateReport";
import { summarize } from "../../../src/core/rollup/rollupSummary";
import { TARGETS_FROM_REPORTS, summarySheet } from "../../../src/core/rollup/summarySheet";
import { planColleges } from "../../support/planData";

const quotas = quotaLookupFromTables(buildQuotaTables(planColleges()).rows);
const june = { year: 2022, month: 6 };

describe("a zip written without a library", () => {
  test("CRC-32 of a known string", () => {
    expect(crc32(new TextEncoder().encode("123456789"))).toBe(0xcbf43926);
  });

  test("opens with a zip reader: Chinese names and the bytes as written", async () => {
    const files = [
      { name: "月报表-外国语学院-2022年6月.xlsx", data: new Uint8Array([1, 2, 3]) },
      { name: "b.txt", data: new TextEncoder().encode("人人持证") },
    ];
    const zip = await JSZip.loadAsync(storeZip(files));
    expect(Object.keys(zip.files)).toEqual(files.map((f) => f.name));
    expect([...(await zip.file(files[0]!.name)!.async("uint8array"))]).toEqual([1, 2, 3]);
    expect(await zip.file("b.txt")!.async("string")).toBe("人人持证");
  });
});

describe("every college's 附件6", () => {
  test("a sheet per college, named with the month, within Excel's limits", () => {
    const book = collegeTemplatesWorkbook(quotas.colleges, june);
    // each 附件6 followed by the college's 培训名单 and 取证名单
    expect(book.sheets.map((s) => s.name)).toEqual(
      quotas.colleges.flatMap((c) => [
        `${c.college}2022年6月`,
        `${c.college}培训名单`,
        `${c.college}取证名单`,
      ])
    );
    const long = collegeSheetName("某某大学很长很长很长很长很长很长很长很长的学院[本部]", june);
    expect(long.length).toBeLessThanOrEqual(31);
    expect(long).toMatch(/2022年6月$/);
    expect(long).not.toMatch(/[[\]]/);
    expect(collegeTemplateFileName("艺术/设计学院", june)).toBe(
      "月报表-艺术设计学院-2022年6月.xlsx"
    );
  });
});

describe("the 问题清单", () => {
  const result = (file: string, codes: (keyof typeof FINDING_SEVERITY)[]): ReportResult => {
    const findings = codes.map((c) => finding(c, "E4", `问题 ${c}`));
    return {
      file,
      sheet: "2022年6月",
      college: "外国语学院",
      month: "2022-06",
      monthSource: "sheet",
      valid: findings.every((f) => f.severity !== "error"),
      errors: findings.filter((f) => f.severity === "error"),
      warnings: findings.filter((f) => f.severity === "warning"),
      values: null,
      report: null,
    };
  };

  test("errors first, then warnings, each in the order found", () => {
    const rows = problemRows([
      result("a.xlsx", ["date-late"]),
      result("b.xlsx", ["filer-missing", "head-missing"]),
    ]);
    expect(rows.map((r) => [r.file, r.severity, r.fix])).toEqual([
      ["b.xlsx", "error", HOW_TO_FIX["filer-missing"]],
      ["a.xlsx", "warning", HOW_TO_FIX["date-late"]],
      ["b.xlsx", "warning", HOW_TO_FIX["head-missing"]],
    ]);
  });

  test("every finding code says what to do", () => {
    for (const code of Object.keys(FINDING_SEVERITY))
      expect([code, HOW_TO_FIX[code as keyof typeof HOW_TO_FIX]]).toEqual([
        code,
        expect.stringMatching(/\S{4,}/),
      ]);
  });
});

describe("the tool's own workbooks", () => {
  test.each([
    [["表1", "表2", "表3", "表4", "参数"], "任务分配表"],
    [["汇总2022-06", "月报台账"], "总表"],
    [["问题清单"], "问题清单"],
    [["2022年6月"], null],
    [["表1", "Sheet2"], null],
  ])("%j → %s", (names, kind) => {
    expect(ownWorkbook(names.map((name) => ({ name, rows: [] })))).toBe(kind);
  });
});

describe("school totals without the quota workbook", () => {
  const ledger = [
    {
      college: "外国语学院",
      month: "2022-06",
      section: "training" as const,
      target: 100,
      done: 10,
      cumulative: 40,
      file: "a.xlsx",
      sha256: "",
      importedAt: "2022-06-30 09:00",
      filer: null,
      filedOn: null,
    },
  ];
  const text = (s: ReturnType<typeof summarySheet>) =>
    s.cells.flat().map((c) => String(c?.value ?? ""));

  test("the 汇总 sheet says they are the sum of the colleges that reported", () => {
    const summary = summarize(ledger, "2022-06");
    expect(summary.targetsFromReports).toBe(true);
    expect(text(summarySheet(summary))).toContain(TARGETS_FROM_REPORTS);
  });

  test("with the quota workbook it does not", () => {
    const summary = summarize(ledger, "2022-06", { quotas });
    expect(summary.targetsFromReports).toBeUndefined();
    expect(text(summarySheet(summary))).not.toContain(TARGETS_FROM_REPORTS);
  });
});
