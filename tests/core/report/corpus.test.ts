/* The corpus of monthly reports, good and bad, written by exceljs and re-saved by LibreOffice:
   every case gives exactly the findings it lists, whichever program wrote the file. */
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from "fs";
import { join } from "path";
import { readGridsFromFile, writeModelToFile } from "../../../src/adapters/xlsx/node";
import { buildQuotaTables } from "../../../src/core/quotaTables";
import { buildQuotaWorkbook } from "../../../src/core/quotaWorkbook";
import { FINDING_SEVERITY, ROLLUP_CODES } from "../../../src/core/report/finding";
import { locateReport } from "../../../src/core/report/locateReport";
import { previousFromReports } from "../../../src/core/report/previousMonth";
import { QuotaLookup, readQuotaLookup } from "../../../src/core/report/quotaLookup";
import { readReport } from "../../../src/core/report/readReport";
import { parseMonth } from "../../../src/core/report/reportMonth";
import type { ReportResult } from "../../../src/core/report/validateReport";
import { validateWorkbook } from "../../../src/core/report/validateWorkbook";
import { requireLibreOfficeInCI } from "../../support/libreoffice";
import { convertWithLibreOffice } from "../../support/libreofficeConvert";
import { planColleges } from "../../support/planData";
import { CorpusCase, REPORT_CORPUS, formCsv, writeForm } from "../../support/reportCorpus";
import { useTempDir } from "../../support/tempDir";

const available = requireLibreOfficeInCI();
const tmp = useTempDir("report-corpus-");
jest.setTimeout(300_000);

let quotas: QuotaLookup;
const dirs = { exceljs: "", libreoffice: "" };

beforeAll(async () => {
  dirs.exceljs = join(tmp(), "exceljs");
  dirs.libreoffice = join(tmp(), "libreoffice");
  mkdirSync(dirs.exceljs);
  const quotaFile = join(tmp(), "quota.xlsx");
  await writeModelToFile(buildQuotaWorkbook(buildQuotaTables(planColleges())), quotaFile);
  quotas = readQuotaLookup(await readGridsFromFile(quotaFile));
  const written: string[] = [];
  for (const c of REPORT_CORPUS) {
    await writeForm(join(dirs.exceljs, `${c.name}.xlsx`), c.spec);
    written.push(join(dirs.exceljs, `${c.name}.xlsx`));
    if (c.previous) {
      await writeForm(join(dirs.exceljs, `${c.name}-previous.xlsx`), c.previous);
      written.push(join(dirs.exceljs, `${c.name}-previous.xlsx`));
    }
  }
  writeFileSync(join(dirs.exceljs, "handmade-2022年6月.csv"), await formCsv({ origin: [1, 1] }));
  written.push(join(dirs.exceljs, "handmade-2022年6月.csv"));
  if (available) await convertWithLibreOffice(written, dirs.libreoffice);
});

async function validateCase(dir: string, c: CorpusCase, ext = "xlsx"): Promise<ReportResult[]> {
  let previous = null;
  if (c.previous) {
    const grids = await readGridsFromFile(join(dir, `${c.name}-previous.${ext}`));
    previous = previousFromReports(grids.map((g) => readReport(g, locateReport(g)!).report));
  }
  const grids = await readGridsFromFile(join(dir, `${c.name}.${ext}`));
  return validateWorkbook(grids, {
    fileName: `${c.name}.xlsx`,
    month: c.month ? parseMonth(c.month) : null,
    quotas: c.quotas ? quotas : null,
    previous,
  });
}

const codes = (findings: ReportResult["errors"]) =>
  findings.map((f) => `${f.code}@${f.cell}`).sort();

function expectCase(results: ReportResult[], c: CorpusCase): void {
  expect(results).toHaveLength(1);
  const [r] = results;
  expect({ errors: codes(r!.errors), warnings: codes(r!.warnings) }).toEqual({
    errors: [...c.errors].sort(),
    warnings: [...c.warnings].sort(),
  });
  expect(r!.valid).toBe(c.errors.length === 0);
  for (const f of [...r!.errors, ...r!.warnings]) expect(f.message).toMatch(/[\u4e00-\u9fff]/);
  if (c.monthSource !== undefined) expect(r!.monthSource).toBe(c.monthSource);
  if (c.monthSource !== null) expect(r!.month).toBe(c.month ?? "2022-06");
}

describe("written by exceljs", () => {
  test.each(REPORT_CORPUS.map((c) => [c.name, c] as const))("%s", async (_, c) => {
    expectCase(await validateCase(dirs.exceljs, c), c);
  });

  test("a good report's values are what the roll-up consumes", async () => {
    const [r] = await validateCase(dirs.exceljs, REPORT_CORPUS[0]!);
    expect(r!.college).toBe("经济管理学院");
    expect(r!.values).toEqual({
      training: { target: 1975, month: 120, cumulative: 900, rate: 45.57 },
      advanced: { target: 632, month: 30, cumulative: 300, rate: 47.47 },
      nonadvanced: { target: 464, month: 20, cumulative: 200, rate: 43.1 },
      onex: { target: 183, month: 10, cumulative: 60, rate: 32.79 },
    });
    expect(r!.report).toEqual(
      expect.objectContaining({
        college: "经济管理学院",
        filedOn: "2022-06-25",
        filer: "张三",
        head: "李四",
        month: "2022-06",
        collegeCell: "A2",
      })
    );
    expect(r!.report!.sections.training.cells).toEqual({
      label: "B3",
      target: "C4",
      month: "D4",
      cumulative: "E4",
      rate: "F4",
    });
  });

  test("a %-formatted fraction is read back as a percentage", async () => {
    const c = REPORT_CORPUS.find((x) => x.name === "good-rate-fraction")!;
    const [r] = await validateCase(dirs.exceljs, c);
    expect(r!.values!.training.rate).toBe(45.57);
  });

  test("the form at E5 is found by its labels", async () => {
    const c = REPORT_CORPUS.find((x) => x.name === "good-offset")!;
    const [r] = await validateCase(dirs.exceljs, c);
    expect(r!.report!.sections.onex.cells.rate).toBe("I14");
    expect(r!.report!.collegeCell).toBe("D6");
  });

  test("a hand-made CSV export of the form validates", async () => {
    const results = validateWorkbook(
      await readGridsFromFile(join(dirs.exceljs, "handmade-2022年6月.csv")),
      { quotas }
    );
    expect(
      results.map((r) => [r.college, r.month, r.valid, codes(r.errors), codes(r.warnings)])
    ).toEqual([["经济管理学院", "2022-06", true, [], []]]);
  });

  test("every finding code has a case in the corpus (file-unreadable in tests/cli/report.test.ts)", () => {
    const covered = new Set(
      REPORT_CORPUS.flatMap((c) => [...c.errors, ...c.warnings].map((s) => s.split("@")[0]))
    );
    covered.add("file-unreadable");
    covered.add("form-not-found");
    // sheet-hidden and text-cut: tests/cli/trust.test.ts (a hidden sheet, a 40,003-character 填报人).
    covered.add("sheet-hidden");
    covered.add("text-cut");
    // lists: tests/core/lists; the roll-up's own codes: tests/core/rollupCodes.test.ts
    const rollup: readonly string[] = ROLLUP_CODES;
    const forms = Object.keys(FINDING_SEVERITY).filter(
      (code) => !code.startsWith("list-") && !rollup.includes(code)
    );
    expect(forms.filter((code) => !covered.has(code))).toEqual([]);
  });

  test("a workbook without the form gets one error at A1", () => {
    const results = validateWorkbook(
      [
        {
          name: "Sheet1",
          rows: [
            ["学院", "人数"],
            ["经济管理学院", 3],
          ],
        },
      ],
      { fileName: "x.xlsx" }
    );
    expect(results.map((r) => [r.sheet, codes(r.errors)])).toEqual([[null, ["form-not-found@A1"]]]);
  });
});

(available ? describe : describe.skip)("re-saved by LibreOffice", () => {
  // LibreOffice recalculates on saving: a case about a cached result has nothing left to find.
  const resaved = REPORT_CORPUS.filter((c) => !c.cachedResults);
  test.each(resaved.map((c) => [c.name, c] as const))("%s", async (_, c) => {
    expectCase(await validateCase(dirs.libreoffice, c), c);
  });

  test("a hand-made CSV converted by LibreOffice validates", async () => {
    const results = validateWorkbook(
      await readGridsFromFile(join(dirs.libreoffice, "handmade-2022年6月.xlsx")),
      { quotas }
    );
    expect(
      results.map((r) => [r.college, r.month, r.valid, codes(r.errors), codes(r.warnings)])
    ).toEqual([["经济管理学院", "2022-06", true, [], []]]);
  });
});

/* .xls (Excel 97–2003), .et (WPS: a .xls under another name) and .ods (LibreOffice), made from the
   same reports by LibreOffice: the reader picks the format by content and the findings are the
   .xlsx original's. */
(available ? describe : describe.skip)("converted to .xls, .et and .ods", () => {
  const converted = REPORT_CORPUS.filter((c) => !c.cachedResults);
  const other = { xls: "", ods: "" };
  beforeAll(async () => {
    const inputs = converted.flatMap((c) =>
      [c.name, ...(c.previous ? [`${c.name}-previous`] : [])].map((n) =>
        join(dirs.exceljs, `${n}.xlsx`)
      )
    );
    for (const format of ["xls", "ods"] as const) {
      other[format] = join(tmp(), format);
      await convertWithLibreOffice(inputs, other[format], format);
    }
    for (const file of readdirSync(other.xls))
      copyFileSync(join(other.xls, file), join(other.xls, file.replace(/\.xls$/, ".et")));
  });

  test.each(
    converted.flatMap((c) =>
      (["xls", "et", "ods"] as const).map((ext) => [c.name, ext, c] as const)
    )
  )("%s.%s", async (_, ext, c) => {
    expectCase(await validateCase(ext === "ods" ? other.ods : other.xls, c, ext), c);
  });
});
