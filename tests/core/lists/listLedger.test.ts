import type { CellValue } from "../../../src/core/grid";
import { certificateSections } from "../../../src/core/lists/certificateSections";
import { yearOfStudy } from "../../../src/core/lists/checkEligibility";
import { checkLists } from "../../../src/core/lists/checkLists";
import { checkReportLists } from "../../../src/core/lists/checkReportLists";
import { makeIdHasher } from "../../../src/core/lists/idHasher";
import { LEDGER_HEADERS, loadLedger } from "../../../src/core/lists/ledgerRows";
import { crossCheck, mergeLedger } from "../../../src/core/lists/mergeLedger";
import { ListLedger } from "../../../src/core/lists/listLedger";
import { reconcileLists } from "../../../src/core/lists/reconcileLists";
import type { MonthlyReport } from "../../../src/core/report/monthlyReport";
import { cert, certificateSheet, form, placed, training, trainingSheet } from "./listFixtures";

const hasher = makeIdHasher("a-secret-key-of-the-school");
const ID = "11010519491231002X";

const may = () => [
  certificateSheet([
    cert("S1", "2019级", "高职（专科）", "职业技能等级证书", "高级工", "C-1", "2022-05-10", ID),
    cert("S2", "2019级", "高职（专科）", "1+X证书", "初级", "C-2", "2022-05-11"),
  ]),
  trainingSheet([training("S1", "2019级", "高职（专科）", "会计", "培训", "2022-05-01")]),
];

describe("sections and years", () => {
  test("certificates by type and level, 1+X per setting", () => {
    const also = { onexRecognition: "also" } as const;
    const separate = { onexRecognition: "separate" } as const;
    expect(certificateSections({ type: "skill", rank: 3 }, also)).toEqual(["advanced"]);
    expect(certificateSections({ type: "qualification", rank: 5 }, also)).toEqual(["advanced"]);
    expect(certificateSections({ type: "skill", rank: 2 }, also)).toEqual(["nonadvanced"]);
    expect(certificateSections({ type: "special", rank: null }, also)).toEqual(["nonadvanced"]);
    expect(certificateSections({ type: "onex", rank: 3 }, also)).toEqual(["onex", "advanced"]);
    expect(certificateSections({ type: "onex", rank: 2 }, also)).toEqual(["onex", "advanced"]);
    expect(certificateSections({ type: "onex", rank: 1 }, also)).toEqual(["onex", "nonadvanced"]);
    expect(certificateSections({ type: "onex", rank: 3 }, separate)).toEqual(["onex"]);
    expect(certificateSections({ type: "skill", rank: null }, also)).toEqual([]);
  });

  test("the year of study turns on 1 September", () => {
    expect(yearOfStudy(2019, "2022-08-31", 9)).toBe(3);
    expect(yearOfStudy(2019, "2022-09-01", 9)).toBe(4);
    expect(yearOfStudy(2020, "2022-06-15", 9)).toBe(2);
  });

  test("rows dated after the report month or outside the plan year count nowhere", () => {
    const check = checkLists(
      [
        certificateSheet([
          cert("S1", "2019级", "高职（专科）", "职业技能等级证书", "高级工", "C-1", "2022-07-01"),
        ]),
        trainingSheet([training("S1", "2019级", "高职（专科）", "会计", "培训", "2021-12-01")]),
      ],
      { college: "经管", month: { year: 2022, month: 6 } }
    );
    expect(check.ledger.countIn("经管", "advanced", "2022-07")).toEqual({ month: 0, toDate: 0 });
    expect(check.ledger.countIn("经管", "training", "2021-12")).toEqual({ month: 0, toDate: 0 });
    expect(check.ledger.numbers.has("C-1")).toBe(true);
  });

  test("a list split over two sheets is read whole, duplicates between the sheets found", () => {
    const check = checkLists(
      [
        certificateSheet([
          cert("S1", "2019级", "高职（专科）", "职业技能等级证书", "高级工", "C-1", "2022-06-01"),
        ]),
        certificateSheet(
          [cert("S2", "2019级", "高职（专科）", "职业技能等级证书", "高级工", "C-1", "2022-06-02")],
          "取证名单(2)"
        ),
      ],
      { college: "经管", month: { year: 2022, month: 6 } }
    );
    expect(check.ledger.countIn("经管", "advanced", "2022-06").month).toBe(2);
    expect(placed(check.findings)).toEqual([
      "list-duplicate-number@取证名单(2)!J3",
      "list-missing@培训名单!-",
    ]);
  });

  test("one student with two certificates in a section counts once; 培训 counts 人次", () => {
    const check = checkLists(may(), { college: "经管", month: { year: 2022, month: 5 } });
    expect(check.ledger.countIn("经管", "advanced", "2022-05")).toEqual({ month: 1, toDate: 1 });
    const again = checkLists(
      [
        certificateSheet([
          cert("S1", "2019级", "高职（专科）", "职业技能等级证书", "高级工", "C-1", "2022-05-10"),
          cert("S1", "2019级", "高职（专科）", "职业资格证书", "技师", "C-3", "2022-05-12"),
        ]),
        trainingSheet([
          training("S1", "2019级", "高职（专科）", "会计", "培训", "2022-05-01"),
          training("S1", "2019级", "高职（专科）", "税务", "培训", "2022-05-01"),
        ]),
      ],
      { college: "经管", month: { year: 2022, month: 5 } }
    );
    expect(again.ledger.countIn("经管", "advanced", "2022-05").month).toBe(1);
    expect(again.ledger.countIn("经管", "training", "2022-05").month).toBe(2);
  });
});

describe("the master's 名单台账", () => {
  test("rows keep no name or 身份证号 in clear, and load back to the same keys and counts", () => {
    const rows: CellValue[][] = [];
    const check = checkLists(may(), {
      college: "经管",
      month: { year: 2022, month: 5 },
      hasher,
      onLedgerRow: (cells) => rows.push(cells),
    });
    expect(rows).toHaveLength(3);
    expect(rows.every((r) => r.length === LEDGER_HEADERS.length)).toBe(true);
    const text = JSON.stringify(rows);
    expect(text).not.toContain(ID);
    expect(text).not.toContain("张三");
    expect(text).toContain("110***********002X");
    expect(text).toContain(hasher(ID));

    const master = loadLedger(rows);
    for (const name of ["numbers", "certificates", "trainings", "students", "persons"] as const)
      expect([...master[name].keys()].sort()).toEqual([...check.ledger[name].keys()].sort());
    expect(master.countIn("经管", "onex", "2022-05")).toEqual({ month: 1, toDate: 1 });
    expect(master.countIn("经管", "nonadvanced", "2022-06")).toEqual({ month: 0, toDate: 1 });
    expect(
      loadLedger(rows, (college, month) => college === "经管" && month === "2022-05").numbers.size
    ).toBe(0);
  });

  test("a duplicate across months is found from the reloaded master, and merging keeps the first", () => {
    const rows: CellValue[][] = [];
    checkLists(may(), {
      college: "经管",
      month: { year: 2022, month: 5 },
      hasher,
      onLedgerRow: (c) => rows.push(c),
    });
    const master = loadLedger(rows);
    const june = checkLists(
      [
        certificateSheet([
          cert(
            "S7",
            "2019级",
            "高职（专科）",
            "职业技能等级证书",
            "高级工",
            "C-1",
            "2022-06-01",
            ID
          ),
        ]),
      ],
      { college: "艺术", month: { year: 2022, month: 6 }, hasher }
    );
    // Across colleges each side is told: 艺术's row and 经管's earlier one.
    expect(placed(crossCheck(master, june.ledger))).toEqual([
      "list-duplicate-number@取证名单!J3",
      "list-duplicate-number@取证名单!J3",
      "list-student-two-colleges@取证名单!B3",
      "list-student-two-colleges@取证名单!B3",
    ]);
    expect(crossCheck(master, june.ledger).map((f) => f.college)).toEqual([
      "艺术",
      "经管",
      "艺术",
      "经管",
    ]);
    mergeLedger(master, june.ledger);
    expect(master.describe(master.numbers.get("C-1")!)).toBe("经管 2022-05 取证名单 第3行");
    expect(master.countIn("艺术", "advanced", "2022-06")).toEqual({ month: 1, toDate: 1 });
  });

  test("a person counted in June by the master and in May by a late list moves to May", () => {
    const master = new ListLedger();
    master.addPerson("经管", "advanced", "S1", "2022-06");
    const late = checkLists(
      [
        certificateSheet([
          cert("S1", "2019级", "高职（专科）", "职业技能等级证书", "高级工", "C-5", "2022-05-20"),
        ]),
      ],
      { college: "经管", month: { year: 2022, month: 6 } }
    );
    const rec = reconcileLists(
      form("经管", "2022-06", { advanced: [0, 1] }),
      late.ledger,
      master,
      late.present
    );
    expect(rec.sections.find((s) => s.section === "advanced")!.list).toEqual({
      month: 0,
      toDate: 1,
    });
    mergeLedger(master, late.ledger);
    expect(master.countIn("经管", "advanced", "2022-06")).toEqual({ month: 0, toDate: 1 });
  });
});

describe("checkReportLists", () => {
  const report = (college: string | null, month: string | null): MonthlyReport => ({
    ...form(college ?? "", month ?? "", {
      training: [1, 1],
      advanced: [1, 1],
      onex: [1, 1],
      nonadvanced: [1, 1],
    }),
    college,
    month,
    collegeCell: "B2",
    monthSource: "option",
    filedOn: null,
    filedOnCell: "B20",
    filer: null,
    filerCell: "B18",
    head: null,
    headCell: "B19",
  });

  test("one report against the form and a master: its own findings apart from other colleges'", () => {
    const master = checkLists(may(), { college: "经管", month: { year: 2022, month: 5 } }).ledger;
    const result = checkReportLists(
      [
        trainingSheet([training("S1", "2019级", "高职（专科）", "会计", "培训", "2022-06-01")]),
        may()[0]!,
      ],
      report("艺术", "2022-06"),
      master
    )!;
    expect(result.reconciliation.reconciled).toBe(false);
    // S1 and S2 are 经管's (its 取证名单 rows 3 and 4): 经管's side of each duplicate is told too
    expect(placed(result.others)).toEqual([
      "list-duplicate-number@取证名单!J3",
      "list-duplicate-number@取证名单!J4",
      "list-duplicate-certificate@取证名单!B3",
      "list-duplicate-certificate@取证名单!B4",
      "list-student-two-colleges@取证名单!B3",
      "list-student-two-colleges@取证名单!B4",
    ]);
    expect(new Set(result.others.map((f) => f.college))).toEqual(new Set(["经管"]));
    expect(placed(result.findings)).toContain("list-student-two-colleges@培训名单!B3");
    expect(placed(result.findings)).toContain("list-count-month@附件6!C7");
    expect(checkReportLists([], report(null, "2022-06"), null)).toBeNull();
  });
});
