import { mkdtemp, rm, writeFile } from "fs/promises";
import { tmpdir } from "os";
import { join } from "path";
import ExcelJS from "exceljs";
import {
  findSoffice,
  readValues,
  recalculate,
  recalculatedValues,
  requireLibreOfficeInCI,
  type CellResult,
} from "./support/libreoffice";

jest.setTimeout(180_000);

const hasLibreOffice = requireLibreOfficeInCI();
/* Without soffice a visible skip (and an error under CI, from requireLibreOfficeInCI). */
const lo = hasLibreOffice ? test : test.skip;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "libreoffice-test-"));
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

/**
 * 表1!B.. hold formulas whose cached results are deliberately wrong (0 / "stale"),
 * so only a real recalculation can produce the expected numbers.
 */
async function writeStaleWorkbook(path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const t = wb.addWorksheet("表1");
  const p = wb.addWorksheet("参数");
  p.getCell("A2").value = "费率";
  p.getCell("B2").value = 110;

  t.getCell("A1").value = 335;
  t.getCell("B1").value = { formula: "ROUND(A1*110/100,0)", result: 0 };
  // the same cross-sheet formula, sheet names unquoted and quoted
  t.getCell("C1").value = { formula: "ROUND(表1!A1*参数!$B$2/100,0)", result: 0 };
  t.getCell("D1").value = { formula: "ROUND('表1'!A1*'参数'!$B$2/100,0)", result: 0 };

  // half-up rounding cases
  t.getCell("A2").value = 1795;
  t.getCell("B2").value = { formula: "ROUND(A2*110/100,0)", result: 0 };
  t.getCell("C2").value = { formula: "ROUND(1795*110/100,0)", result: 0 };
  t.getCell("A3").value = 250;
  t.getCell("B3").value = 755;
  t.getCell("C3").value = { formula: "ROUND((A3*95+B3*30)/100,0)", result: 0 };
  t.getCell("D3").value = { formula: "ROUND((250*95+755*30)/100,0)", result: 0 };
  t.getCell("A4").value = 345;
  t.getCell("B4").value = { formula: "ROUND(A4*30/100,0)", result: 0 };
  t.getCell("C4").value = { formula: "ROUND(345*30/100,0)", result: 0 };

  // non-numeric results
  t.getCell("A5").value = { formula: "A1>100", result: false };
  t.getCell("B5").value = { formula: '"第"&A1&"人"', result: "stale" };
  t.getCell("C5").value = { formula: "SUM(A1:A4)", result: 0 };
  t.getCell("D5").value = { formula: "A1-335", result: 99 }; // really 0

  // errors
  t.getCell("A6").value = { formula: "1/0", result: 0 };
  t.getCell("B6").value = { formula: "NA()", result: 0 };
  t.getCell("C6").value = { formula: "NOSUCHFUNCTION(1)", result: 0 };

  await wb.xlsx.writeFile(path);
}

describe("readValues (exceljs only)", () => {
  test("flattens rich text, dates, hyperlinks and cached formula results", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    ws.getCell("A1").value = {
      richText: [{ text: "河南" }, { text: "技能", font: { bold: true } }],
    };
    ws.getCell("B1").value = new Date(Date.UTC(2022, 4, 1));
    ws.getCell("C1").value = { text: "link", hyperlink: "https://example.com" };
    ws.getCell("A3").value = { formula: "1/0", result: { error: "#DIV/0!" } };
    ws.getCell("C3").value = { formula: "1+1", result: 7 };
    // falsy cached results must not be lost (exceljs' cell.value drops them)
    ws.getCell("A4").value = { formula: "1-1", result: 0 };
    ws.getCell("B4").value = { formula: "1>2", result: false };
    const path = join(dir, "plain.xlsx");
    await wb.xlsx.writeFile(path);

    expect(await readValues(path)).toEqual({
      S: [
        ["河南技能", "2022-05-01T00:00:00.000Z", "link"],
        [null, null, null],
        ["#DIV/0!", null, 7],
        [0, false, null],
      ],
    });
  });
});

describe("LibreOffice recalculation", () => {
  let stale: string;
  let before: Record<string, CellResult[][]>;
  let after: Record<string, CellResult[][]>;

  beforeAll(async () => {
    if (!hasLibreOffice) return;
    stale = join(dir, "stale.xlsx");
    await writeStaleWorkbook(stale);
    before = await readValues(stale);
    const t0 = Date.now();
    after = await recalculatedValues(stale);
    console.log(`LibreOffice recalculation took ${Date.now() - t0} ms`);
  });

  lo("finds soffice", () => {
    expect(findSoffice()).toMatch(/(soffice|libreoffice)$/);
  });

  lo("the input really carries wrong cached results", () => {
    expect(before["表1"]![0]).toEqual([335, 0, 0, 0]);
    expect(before["表1"]![4]).toEqual([false, "stale", 0, 99]);
  });

  lo(
    "formulas are recalculated, including references to Chinese sheet names (quoted or not)",
    () => {
      const t = after["表1"]!;
      expect(t[0]).toEqual([335, 369, 369, 369]);
      expect(t[4]).toEqual([true, "第335人", 335 + 1795 + 250 + 345, 0]);
      expect(after["参数"]).toEqual([
        [null, null],
        ["费率", 110],
      ]);
    }
  );

  lo("ROUND rounds half up like Excel", () => {
    const t = after["表1"]!;
    expect(t[1]!.slice(1, 3)).toEqual([1975, 1975]);
    expect(t[2]!.slice(2, 4)).toEqual([464, 464]);
    expect(t[3]!.slice(1, 3)).toEqual([104, 104]);
  });

  lo("error results come back as error strings", () => {
    expect(after["表1"]![5]).toEqual(["#DIV/0!", "#N/A", "#NAME?", null]);
  });

  lo("concurrent calls each get their own profile and output", async () => {
    const paths = await Promise.all(
      [1, 2, 3].map(async (n) => {
        const wb = new ExcelJS.Workbook();
        const ws = wb.addWorksheet("数据");
        ws.getCell("A1").value = n * 100;
        ws.getCell("B1").value = { formula: "ROUND(A1*110/100,0)", result: 0 };
        const path = join(dir, `concurrent-${n}.xlsx`);
        await wb.xlsx.writeFile(path);
        return path;
      })
    );
    const results = await Promise.all(paths.map((p) => recalculatedValues(p)));
    expect(results.map((r) => r["数据"]![0])).toEqual([
      [100, 110],
      [200, 220],
      [300, 330],
    ]);
  });

  lo("clear errors for a missing input and for a file LibreOffice cannot convert", async () => {
    await expect(recalculate(join(dir, "does-not-exist.xlsx"))).rejects.toThrow(
      /input file not found/
    );
    await expect(recalculate(stale, dir)).rejects.toThrow(/outDir must differ/);
    const broken = join(dir, "broken.xlsx");
    await writeFile(broken, Buffer.from("PK\u0003\u0004 this is not a real zip archive"));
    await expect(recalculate(broken, join(dir, "broken-out"))).rejects.toThrow(
      /produced no output file[\s\S]*stderr:/
    );
  });
});
