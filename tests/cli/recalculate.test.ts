/* A real spreadsheet engine: LibreOffice recalculates the native-formula workbook from
   `quota generate`, and what it computes must equal the published tables and the core. */
import { writeFileSync } from "fs";
import { join } from "path";
import { buildQuotaTables } from "../../src/core/quotaTables";
import { parseRates } from "../../src/core/rates";
import { recalculatedValues, requireLibreOfficeInCI } from "../support/libreoffice";
import { readPlanCsv, SAMPLE_DIR } from "../support/planData";
import { runCli } from "../support/runCli";
import { useTempDir } from "../support/tempDir";

const available = requireLibreOfficeInCI();
const tmp = useTempDir();
jest.setTimeout(180_000);

const TABLES: Record<string, string> = {
  表1: "table1-training.csv",
  表2: "table2-advanced.csv",
  表3: "table3-nonadvanced.csv",
  表4: "table4-onex.csv",
};

const hasError = (v: unknown) =>
  typeof v === "string" && (/^#[A-Z/0!?]+/.test(v) || /^Err:\d+/.test(v));

(available ? test : test.skip)(
  "LibreOffice recomputes the 2022 tables digit for digit",
  async () => {
    const file = join(tmp(), "quota-native.xlsx");
    const graduates = join(SAMPLE_DIR, "graduates.csv");
    expect((await runCli("generate", graduates, "--year", "2022", "-o", file)).code).toBe(0);
    const sheets = await recalculatedValues(file);
    for (const [sheet, csv] of Object.entries(TABLES)) {
      const published = readPlanCsv(csv).slice(1);
      // Under the title and the two header rows, down to 合计 (表1's note follows it).
      const computed = sheets[sheet]!.slice(3, 3 + published.length).map((row) => row.map(String));
      expect([sheet, computed]).toEqual([sheet, published]);
    }
    // The titles and 届 are formulas over 参数's year: LibreOffice computes the plan's text.
    expect(sheets["表1"]![0]![0]).toBe("表1  2022年各二级学院培训任务一览表");
    expect(sheets["表1"]![1]![1]).toBe("2022届毕业生人数");
    expect(sheets["表2"]![1]![1]).toBe("2022届高职毕业生人数");
    expect(sheets["表4"]![0]![0]).toBe("表4  2022年各二级学院取证任务一览表（1+X证书）");
    const notes = sheets["说明"]!;
    expect(notes.slice(2, 6).map((r) => r.slice(1, 4))).toEqual([
      [14000, 14572, "达标"],
      [3600, 3604, "达标"],
      [7080, 7289, "达标"],
      [940, 972, "达标"],
    ]);
    for (const rows of Object.values(sheets))
      for (const row of rows) for (const v of row) expect(hasError(v)).toBe(false);
  }
);

(available ? test : test.skip)(
  "other counts and finer rates: LibreOffice equals the core on every quota",
  async () => {
    const rows = ["学院,本科,高职,中职"];
    const colleges = [];
    for (let i = 0; i < 40; i++) {
      // Counts chosen so that many products land exactly on .5 at these rates.
      const c = {
        name: `学院${i + 1}`,
        undergraduate: (i * 137 + 5) % 997,
        higherVocational: (i * 61 + 15) % 503,
        secondaryVocational: (i * 29 + 25) % 211,
      };
      colleges.push(c);
      rows.push(`${c.name},${c.undergraduate},${c.higherVocational},${c.secondaryVocational}`);
    }
    const input = join(tmp(), "other.csv");
    writeFileSync(input, rows.join("\n"));
    const spec = "training=112.5%,advanced=82.5%,intermediate=95%,undergraduate=30.5%,onex=21.5%";
    const file = join(tmp(), "other.xlsx");
    expect(
      (await runCli("generate", input, "-o", file, "--rates", spec, "--onex-exclude", "学院3")).code
    ).toBe(0);
    const core = buildQuotaTables(colleges, { rates: parseRates(spec), onexExclude: ["学院3"] });
    const sheets = await recalculatedValues(file);
    const column = (sheet: string, col: number, n: number) =>
      sheets[sheet]!.slice(3, 3 + n + 1).map((r) => r[col]);
    const n = colleges.length;
    expect(column("表1", 5, n)).toEqual([
      ...core.rows.map((r) => r.training),
      core.totals.training,
    ]);
    expect(column("表2", 2, n)).toEqual([
      ...core.rows.map((r) => r.advanced),
      core.totals.advanced,
    ]);
    expect(column("表3", 3, n)).toEqual([
      ...core.rows.map((r) => r.nonadvanced),
      core.totals.nonadvanced,
    ]);
    const included = core.rows.filter((r) => r.onex !== null);
    expect(column("表4", 2, n - 1)).toEqual([
      ...included.map((r) => r.intermediate),
      core.totals.onexSecondary,
    ]);
    expect(column("表4", 4, n - 1)).toEqual([...included.map((r) => r.onex), core.totals.onex]);
  }
);
