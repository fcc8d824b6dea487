import { QuotaError } from "../../src/core/errors";
import type { CellValue, Grid } from "../../src/core/grid";
import { findGraduateTable } from "../../src/core/graduateTable";
import { planColleges } from "../support/planData";

const plan = planColleges();
const grid = (rows: CellValue[][], name = "Sheet1"): Grid => ({ name, rows });
const names = (g: Grid) => findGraduateTable([g]).colleges.map((c) => c.name);

describe("finding the graduate table", () => {
  test("plain header in row 1", () => {
    const table = findGraduateTable([
      grid([
        ["二级学院名称", "本科生", "高职生", "中职生"],
        ["外国语学院", 238, 97, 0],
      ]),
    ]);
    expect(table.colleges).toEqual([
      expect.objectContaining({
        name: "外国语学院",
        undergraduate: 238,
        higherVocational: 97,
        secondaryVocational: 0,
        row: 1,
      }),
    ]);
    expect(table.colleges[0]!.cells).toEqual({
      name: "A2",
      undergraduate: "B2",
      higherVocational: "C2",
      secondaryVocational: "D2",
    });
  });

  test("title row, 序号 column, other order, 合计 row, numbers as text", () => {
    const table = findGraduateTable([
      grid([
        ["2022届毕业生人数统计"],
        [],
        ["序号", "学院", "中职毕业生人数", "本科毕业生人数", "高职毕业生人数", "合计"],
        [1, "外国语学院", "0", "238", " 97 ", 335],
        [2, "人文学院", 189, 1294, "1,101", 2584],
        [null, "合计", 189, 1532, 1198, 2919],
        ["注：中职毕业生包括一年制、三年制毕业生"],
      ]),
    ]);
    expect(table.layout).toEqual({
      sheet: "Sheet1",
      headerRow: 2,
      nameColumn: 1,
      columns: { secondaryVocational: 2, undergraduate: 3, higherVocational: 4 },
    });
    expect(
      table.colleges.map((c) => [
        c.name,
        c.undergraduate,
        c.higherVocational,
        c.secondaryVocational,
      ])
    ).toEqual([
      ["外国语学院", 238, 97, 0],
      ["人文学院", 1294, 1101, 189],
    ]);
    expect(table.year).toBe(2022);
    expect(table.warnings).toEqual([]);
  });

  test("the plan's two-row header with a merged name cell", () => {
    const rows: CellValue[][] = [
      ["表1  2022年各二级学院培训任务一览表"],
      ["二级学院名称", "2022届毕业生人数", null, null, null, "培训任务"],
      [null, "本科生", "高职生", "中职生", "合计", null],
      ...plan.map(
        (c) =>
          [
            c.name,
            c.undergraduate,
            c.higherVocational,
            c.secondaryVocational,
            null,
            null,
          ] as CellValue[]
      ),
      ["合计", 7108, 4504, 1635, 13247, 14572],
    ];
    const table = findGraduateTable([grid(rows)]);
    expect(table.colleges).toHaveLength(12);
    expect(table.colleges.map((c) => c.name)).toEqual(plan.map((c) => c.name));
    expect(table.year).toBe(2022);
  });

  test("labels: 本科 / 本科人数 / 本科毕业生, full-width and spaced", () => {
    expect(
      names(
        grid([
          ["单位", "本科", "高职", "中职"],
          ["A学院", 1, 2, 3],
        ])
      )
    ).toEqual(["A学院"]);
    expect(
      names(
        grid([
          ["部门", "本科人数", "高职人数", "中职人数"],
          ["B学院", 1, 2, 3],
        ])
      )
    ).toEqual(["B学院"]);
    expect(
      names(
        grid([
          ["名称", "本 科 生", "高职生（人）", "中职毕业生"],
          ["C学院", 1, 2, 3],
        ])
      )
    ).toEqual(["C学院"]);
  });

  test("a name column without a header is the text column left of the counts", () => {
    expect(
      names(
        grid([
          [null, "本科生", "高职生", "中职生"],
          ["外国语学院", 1, 2, 3],
        ])
      )
    ).toEqual(["外国语学院"]);
  });

  test("a 合计 row that does not add up is a warning, a blank count is 0 with a warning", () => {
    const table = findGraduateTable([
      grid([
        ["学院", "本科", "高职", "中职"],
        ["A", 1, null, 3],
        ["合计", 2, 0, 3],
      ]),
    ]);
    expect(table.colleges[0]!.higherVocational).toBe(0);
    expect(table.warnings).toEqual([
      expect.stringContaining("C2 为空"),
      expect.stringContaining("B3 合计为 2，各学院之和为 1"),
    ]);
  });

  test("the first sheet with a table wins; others are skipped", () => {
    const table = findGraduateTable([
      grid([["说明"]], "封面"),
      grid(
        [
          ["学院", "本科", "高职", "中职"],
          ["A", 1, 2, 3],
        ],
        "数据"
      ),
    ]);
    expect(table.layout.sheet).toBe("数据");
  });
});

describe("when it cannot find or read the table, it says what and where", () => {
  const problem = (grids: Grid[]) => {
    try {
      findGraduateTable(grids);
    } catch (error) {
      expect(error).toBeInstanceOf(QuotaError);
      return (error as Error).message;
    }
    throw new Error("no error");
  };

  test("no header at all", () => {
    const message = problem([grid([["姓名", "成绩"]], "成绩表")]);
    expect(message).toContain("本科");
    expect(message).toContain("成绩表");
  });

  test("a header missing one label names the row and what is missing", () => {
    const message = problem([
      grid([[], ["学院", "本科生", "高职生", "专科生"], ["A", 1, 2, 3]], "毕业生"),
    ]);
    expect(message).toMatch(/第 2 行.*本科（B2）、高职（C2）.*缺少 中职/);
  });

  test("words in a count cell name the cell", () => {
    expect(
      problem([
        grid(
          [
            ["学院", "本科", "高职", "中职"],
            ["A", "三百", 2, 3],
          ],
          "毕业生"
        ),
      ])
    ).toMatch(/毕业生.*B2.*三百/);
  });

  test("a negative or fractional count names the cell", () => {
    expect(
      problem([
        grid([
          ["学院", "本科", "高职", "中职"],
          ["A", 1, -2, 3],
        ]),
      ])
    ).toMatch(/C2.*负数/);
    expect(
      problem([
        grid([
          ["学院", "本科", "高职", "中职"],
          ["A", 1, 2, 3.5],
        ]),
      ])
    ).toMatch(/D2.*整数/);
  });

  test("duplicate college", () => {
    expect(
      problem([
        grid([
          ["学院", "本科", "高职", "中职"],
          ["A", 1, 2, 3],
          ["A", 1, 2, 3],
        ]),
      ])
    ).toMatch(/A3.*重复.*A2/);
  });

  test("counts without a name, and a header with no rows", () => {
    expect(
      problem([
        grid([
          ["学院", "本科", "高职", "中职"],
          [null, 1, 2, 3],
        ]),
      ])
    ).toMatch(/A2.*没有学院名称/);
    expect(problem([grid([["学院", "本科", "高职", "中职"]])])).toMatch(/没有学院数据/);
  });
});
