/* 表1–表4 as the plan publishes them: the seed's text (the plan as a Word document saved as text,
   tests/print/fixtures/plan-2022.txt, a copy of shared/seed/plan-2022.txt) against our model. */
import { readFileSync } from "fs";
import { join } from "path";
import { parseAddress } from "../../src/core/grid";
import { generateQuotas } from "../../src/core/generateQuotas";
import { buildQuotaTables } from "../../src/core/quotaTables";
import { TABLE1_NOTE, buildQuotaWorkbook } from "../../src/core/quotaWorkbook";
import type { SheetModel } from "../../src/core/workbookModel";
import { planColleges } from "../support/planData";

const SEED = readFileSync(join(__dirname, "fixtures", "plan-2022.txt"), "utf8");
const FIRST_COLLEGE = "外国语学院";

/** A published table's title line and header rows, cell by cell (white space inside a cell dropped). */
function seedTable(n: number): { title: string; rows: string[][] } {
  const lines = SEED.split(/\r?\n/);
  const start = lines.findIndex((l) => l.startsWith(`表${n}  `));
  expect(start).toBeGreaterThan(0);
  const cells: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.startsWith("\t")) {
      if (line.trim() === FIRST_COLLEGE) break;
      cells.push(line.trim());
    } else if (line.trim() !== "" && cells.length > 0) {
      cells[cells.length - 1] += line.trim(); // a cell's text on more lines ("1+X证书" / "取证任务")
    }
  }
  // The second header row begins with the empty cell under the merged 二级学院名称.
  const split = cells.indexOf("");
  return {
    title: lines[start]!.trim(),
    rows: split < 0 ? [cells] : [cells.slice(0, split), cells.slice(split)],
  };
}

/** Our header rows as the seed writes them: a merge's text once, in its first cell. */
function modelHeader(sheet: SheetModel): string[][] {
  const covered = new Set<string>();
  for (const range of sheet.merges) {
    const [from, to] = range.split(":").map(parseAddress);
    for (let r = from!.row; r <= to!.row; r++)
      for (let c = from!.column; c <= to!.column; c++)
        if (r !== from!.row || c !== from!.column) covered.add(`${r},${c}`);
  }
  const text = (r: number) =>
    sheet.cells[r]!.map((c, column) => ({ text: String(c?.value ?? ""), column }));
  const top = text(1).filter(({ column }) => !covered.has(`1,${column}`));
  const sub = text(2);
  const rows = [top.map((c) => c.text)];
  if (sub.some((c) => c.text !== "")) rows.push(sub.map((c) => c.text));
  return rows;
}

const model = buildQuotaWorkbook(buildQuotaTables(planColleges()), {
  formulas: "native",
  year: 2022,
});

test.each([1, 2, 3, 4])("表%i: title and headers equal the plan's, cell for cell", (n) => {
  const sheet = model.sheets[n - 1]!;
  const seed = seedTable(n);
  expect(sheet.cells[0]![0]!.value).toBe(seed.title);
  expect(modelHeader(sheet)).toEqual(seed.rows);
  // The first college follows the header rows, as in the plan.
  expect(sheet.cells[3]![0]!.value).toBe(FIRST_COLLEGE);
});

test("表1 carries the plan's note under 合计", () => {
  expect(SEED).toContain(TABLE1_NOTE);
  const rows = model.sheets[0]!.cells.map((r) => r[0]?.value);
  expect(rows[rows.indexOf("合计") + 1]).toBe(TABLE1_NOTE);
});

test("the titles and 届 follow 参数's year: formulas over its cell, cached with the year", () => {
  const params = model.sheets[4]!;
  const yearRow = params.cells.findIndex((r) => r[0]?.value === "毕业生届别");
  expect(params.cells[yearRow]![1]!.value).toBe(2022);
  const ref = `'参数'!$B$${yearRow + 1}`;
  for (const sheet of model.sheets.slice(0, 4)) {
    expect(sheet.cells[0]![0]!.formula).toContain(ref);
    expect(
      sheet.cells[1]!.some((c) => c?.formula?.includes(ref) && /2022届/.test(String(c.value)))
    ).toBe(true);
  }
  const values = buildQuotaWorkbook(buildQuotaTables(planColleges()), {
    formulas: "values",
    year: 2022,
  });
  expect(values.sheets[0]!.cells[0]![0]).toEqual(
    expect.objectContaining({ value: "表1  2022年各二级学院培训任务一览表" })
  );
  expect(values.sheets[0]!.cells[0]![0]!.formula).toBeUndefined();
});

test("the year comes from the graduate file's 2022届, else from --year; unknown, the titles leave it out", () => {
  const rows = [
    ["2022届毕业生人数统计"],
    ["二级学院名称", "本科生", "高职生", "中职生"],
    ...planColleges().map((c) => [
      c.name,
      c.undergraduate,
      c.higherVocational,
      c.secondaryVocational,
    ]),
  ];
  const fromFile = generateQuotas([{ name: "毕业生", rows }]);
  expect(fromFile.workbook.sheets[0]!.cells[0]![0]!.value).toBe(
    "表1  2022年各二级学院培训任务一览表"
  );
  const plain = [{ name: "毕业生", rows: rows.slice(1) }];
  expect(generateQuotas(plain, { year: 2023 }).workbook.sheets[2]!.cells[1]![1]!.value).toBe(
    "2023届毕业生人数"
  );
  const none = generateQuotas(plain).workbook.sheets;
  expect(none[0]!.cells[0]![0]!.value).toBe("表1  各二级学院培训任务一览表");
  expect(none[4]!.cells.find((r) => r[0]?.value === "毕业生届别")![1]!.value).toBeNull();
});

test("参数 names its parameters in Chinese, with no English key", () => {
  const params = model.sheets[4]!;
  const names = params.cells.map((r) => r[0]?.value).filter((v) => typeof v === "string");
  expect(names).toEqual(
    expect.arrayContaining([
      "培训任务比例",
      "高级工及以上取证比例",
      "1+X证书取证比例",
      "毕业生届别",
    ])
  );
  const all = params.cells.flat().map((c) => String(c?.value ?? ""));
  for (const key of [
    "training",
    "advanced",
    "intermediate",
    "undergraduate",
    "onex",
    "certificates",
  ])
    expect(all).not.toContain(key);
  expect(all.every((t) => !/^[a-z]+$/.test(t))).toBe(true);
});
