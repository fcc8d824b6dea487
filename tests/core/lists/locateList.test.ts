import { locateList } from "../../../src/core/lists/locateList";
import { classifyListHeader } from "../../../src/core/lists/classifyListHeader";
import { parseList } from "../../../src/core/lists/parseList";
import type { ListRow } from "../../../src/core/lists/listRow";
import { isValidIdNumber, maskIdNumber, maskName } from "../../../src/core/lists/idNumber";
import { readGrade, readListDate } from "../../../src/core/lists/readListCell";
import { CERT_HEADER, TRAINING_HEADER, certificateSheet, placed, sheet } from "./listFixtures";

describe("finding the lists", () => {
  test("header labels with spaces, line breaks, full-width brackets, notes and asterisks", () => {
    expect(classifyListHeader(" 学　号 ")).toBe("studentId");
    expect(classifyListHeader("证书名称或\n职业（工种）")).toBe("title");
    expect(classifyListHeader("年级（入学年份）")).toBe("grade");
    expect(classifyListHeader("*发证日期：")).toBe("date");
    expect(classifyListHeader("培训项目（职业（工种）或讲座主题）")).toBe("project");
    expect(classifyListHeader("身份证号码")).toBe("idNumber");
    expect(classifyListHeader("合计")).toBeNull();
    expect(classifyListHeader(2019)).toBeNull();
  });

  test("a 取证名单 below a merged title, offset to column C, in another column order, sparse rows", () => {
    const rows: unknown[][] = [];
    rows[0] = [null, null, "经济管理学院取证名单（2022年6月）"]; // a merged title: only its first cell holds the text
    rows[3] = [
      null,
      null,
      "发证\n日期",
      "证书 编号",
      "等 级",
      "学号",
      "姓名",
      "专业",
      "年级",
      "学历层次",
      "证书类型",
      "证书名称",
    ];
    rows[5] = [
      null,
      null,
      "2022-06-15",
      "Z001",
      "高级工",
      "20190101",
      "王五",
      "会计",
      "2019级",
      "本科",
      "职业技能等级证书",
      "会计",
    ];
    const grid = sheet("Sheet3", rows as never);
    const location = locateList(grid)!;
    expect(location).toMatchObject({ kind: "certificate", headerRow: 3, sheet: "Sheet3" });
    expect(location.columns).toMatchObject({
      date: 2,
      number: 3,
      rank: 4,
      studentId: 5,
      title: 11,
    });
    expect(location.columns.idNumber).toBeUndefined();
    expect(location.findings).toEqual([]);
    const seen: ListRow[] = [];
    expect(parseList(grid, location, (r) => seen.push(r))).toEqual([]);
    expect(seen).toEqual([
      expect.objectContaining({
        row: 5,
        studentId: "20190101",
        grade: 2019,
        education: "undergraduate",
        rank: 3,
        type: "skill",
        number: "Z001",
        date: "2022-06-15",
        idNumber: null,
      }),
    ]);
  });

  test("the sheet name or the columns decide the kind; a roster with 学号 alone is no list", () => {
    expect(locateList(sheet("培训名单", [TRAINING_HEADER]))!.kind).toBe("training");
    expect(locateList(sheet("Sheet1", [CERT_HEADER]))!.kind).toBe("certificate");
    expect(
      locateList(sheet("学生名册", [["学号", "姓名", "专业", "年级", "学历层次"]]))
    ).toBeNull();
    expect(
      locateList(
        sheet("附件6", [["填报单位（公章）："], ["工作进度", "培训任务", "年度任务（人次）"]])
      )
    ).toBeNull();
  });

  test("a required column missing is one error on the header row, right of the last header", () => {
    const grid = sheet("取证名单", [["学号", "姓名", "证书类型", "等级", "发证日期"]]);
    const location = locateList(grid)!;
    expect(placed(location.findings)).toEqual([
      "list-column-missing@取证名单!F1", // 专业
      "list-column-missing@取证名单!G1", // 年级
      "list-column-missing@取证名单!H1", // 学历层次
      "list-column-missing@取证名单!I1", // 证书名称
      "list-column-missing@取证名单!J1", // 证书编号
    ]);
    expect(location.findings[4]!.message).toContain("证书编号");
  });

  test("a header without 学号 is still found when it names six list columns, and 学号 is reported", () => {
    const grid = sheet("Sheet2", [
      ["姓名", "专业", "年级", "学历层次", "培训项目", "培训形式", "培训日期"],
    ]);
    expect(placed(locateList(grid)!.findings)).toEqual(["list-column-missing@Sheet2!H1"]);
    expect(
      locateList(sheet("Sheet2", [["姓名", "专业", "年级", "学历层次", "培训项目"]]))
    ).toBeNull();
  });

  test("footers and empty rows are not rows", () => {
    const grid = certificateSheet([
      [
        1,
        "20190101",
        "王五",
        "会计",
        2019,
        "本科",
        "职业技能等级证书",
        "会计",
        "高级工",
        "Z1",
        "2022-06-01",
        null,
      ],
      [],
      [null, "填报人：张老师"],
      ["合计", "1"],
    ]);
    const rows: ListRow[] = [];
    expect(parseList(grid, locateList(grid)!, (r) => rows.push(r))).toEqual([]);
    expect(rows.map((r) => r.row)).toEqual([2]);
  });
});

describe("reading list cells", () => {
  test.each([
    [44727, "2022-06-15"],
    [new Date(Date.UTC(2022, 5, 15)), "2022-06-15"],
    ["2022-06-15", "2022-06-15"],
    ["2022/6/15", "2022-06-15"],
    ["2022年6月15日", "2022-06-15"],
    ["２０２２．６．１５", "2022-06-15"],
  ])("date %p", (value, iso) => {
    expect(readListDate(value as never)).toEqual({ kind: "ok", value: iso });
  });

  test.each(["2022-02-30", "下月", "12"])("not a date: %p", (value) => {
    expect(readListDate(value)).toMatchObject({ kind: "invalid" });
  });

  test("grades", () => {
    expect(readGrade("2019级")).toEqual({ kind: "ok", value: 2019 });
    expect(readGrade(2019)).toEqual({ kind: "ok", value: 2019 });
    expect(readGrade("19级")).toEqual({ kind: "ok", value: 2019 });
    expect(readGrade("大三")).toMatchObject({ kind: "invalid" });
    expect(readGrade(null)).toEqual({ kind: "empty" });
  });

  test("身份证号 check character (GB 11643) and masks", () => {
    expect(isValidIdNumber("11010519491231002X")).toBe(true);
    expect(isValidIdNumber("110105194912310021")).toBe(false);
    expect(isValidIdNumber("11010519491231002")).toBe(false);
    expect(maskIdNumber("410102200101011234")).toBe("410***********1234");
    expect(maskName("欧阳娜娜")).toBe("欧***");
    expect(maskName("张三")).toBe("张*");
  });
});
