import { QuotaError } from "../../src/core/errors";
import type { CellValue, Grid } from "../../src/core/grid";
import { layoutFromMapping, parseColumnMapping } from "../../src/core/columnMapping";
import { generateQuotas } from "../../src/core/generateQuotas";
import { countColumnOf, findGraduateTable } from "../../src/core/graduateTable";

const grid = (rows: CellValue[][], name = "Sheet1"): Grid => ({ name, rows });

describe("header words real tables use", () => {
  test.each([
    ["专科", "higherVocational"],
    ["高职（专科）", "higherVocational"],
    ["高职专科毕业生人数", "higherVocational"],
    ["大专生", "higherVocational"],
    ["中专", "secondaryVocational"],
    ["中职（中专）", "secondaryVocational"],
    ["中职(中专)人数", "secondaryVocational"],
    ["2022届普通本科毕业生", "undergraduate"],
    ["本科", "undergraduate"],
  ])("%s → %s", (header, kind) => expect(countColumnOf(header)).toBe(kind));

  test.each(["五年一贯制", "本科取证任务", "专科率", "合计"])("%s is not a count column", (h) =>
    expect(countColumnOf(h)).toBeNull()
  );

  test("a table headed 专科 and 中专 is read", () => {
    const table = findGraduateTable([
      grid([
        ["学院", "本科", "高职（专科）", "中专"],
        ["外国语学院", 238, 97, 5],
      ]),
    ]);
    expect(table.colleges[0]).toMatchObject({ higherVocational: 97, secondaryVocational: 5 });
    expect(table.warnings).toEqual([]);
  });

  test("two columns of one level: the first is read and the second is named", () => {
    const table = findGraduateTable([
      grid([
        ["学院", "本科", "高职", "专科", "中职"],
        ["外国语学院", 1, 2, 3, 4],
      ]),
    ]);
    expect(table.colleges[0]!.higherVocational).toBe(2);
    expect(table.warnings.join()).toMatch(/D1“专科”也是高职人数/);
  });
});

describe("columns named by hand", () => {
  const rows: CellValue[][] = [
    ["2022届毕业生", null, null, null],
    ["单位", "甲", "乙", "丙"],
    ["外国语学院", 238, 97, 0],
    ["文学院", 100, 0, 12],
  ];

  test("本科=B,高职=C,中职=D finds the header above the first numbers", () => {
    const mapping = parseColumnMapping("本科=B，高职=C，中职=D");
    expect(layoutFromMapping([grid(rows)], mapping)).toMatchObject({
      headerRow: 1,
      nameColumn: 0,
      columns: { undergraduate: 1, higherVocational: 2, secondaryVocational: 3 },
    });
    const result = generateQuotas([grid(rows)], { columns: mapping });
    expect(result.graduates.colleges.map((c) => [c.name, c.secondaryVocational])).toEqual([
      ["外国语学院", 0],
      ["文学院", 12],
    ]);
  });

  test("学院 and 表头 may be given; 专科/中专 are keys too", () => {
    expect(parseColumnMapping("本科=B,专科=C,中专=D,学院=A,表头=2")).toEqual({
      columns: { undergraduate: 1, higherVocational: 2, secondaryVocational: 3 },
      nameColumn: 0,
      headerRow: 1,
    });
  });

  test.each([
    ["本科=B,高职=C", /还需要指定 中职=列字母/],
    ["本科=B,高职=C,中职=4", /“中职”后应为列字母/],
    ["本科=B,高职=C,中职=D,人数=E", /不认识“人数”/],
  ])("%s is refused with what to write", (text, message) => {
    expect(() => parseColumnMapping(text)).toThrow(message);
  });

  test("columns with no row of numbers are refused", () => {
    const mapping = parseColumnMapping("本科=E,高职=F,中职=G");
    expect(() => layoutFromMapping([grid(rows)], mapping)).toThrow(QuotaError);
    expect(() => layoutFromMapping([grid(rows)], mapping)).toThrow(/本科=E/);
  });
});
