/* Planted faults in list sheets: each case gives exactly the findings it lists (code@sheet!cell), nothing else. */
import type { Grid } from "../../../src/core/grid";
import { checkLists } from "../../../src/core/lists/checkLists";
import { makeIdHasher } from "../../../src/core/lists/idHasher";
import { ListLedger } from "../../../src/core/lists/listLedger";
import { DEFAULT_LIST_SETTINGS, ListSettings } from "../../../src/core/lists/listSettings";
import { crossCheck, mergeLedger } from "../../../src/core/lists/mergeLedger";
import { ReconciledForm, reconcileLists } from "../../../src/core/lists/reconcileLists";
import { FINDING_SEVERITY } from "../../../src/core/report/finding";
import {
  cert,
  certificateSheet,
  form,
  placed,
  sheet,
  training,
  trainingSheet,
} from "./listFixtures";

const hasher = makeIdHasher("a-secret-key-of-the-school");
const JUNE = { year: 2022, month: 6 };

interface Earlier {
  readonly college: string;
  readonly month: { year: number; month: number };
  readonly grids: Grid[];
}

interface Case {
  readonly name: string;
  readonly grids: Grid[];
  readonly college?: string;
  readonly form?: ReconciledForm;
  readonly earlier?: Earlier[];
  readonly settings?: ListSettings;
  readonly expected: string[];
}

/** 2019级 高职 graduates in 2022; 2020级 高职 is in its 2nd year until 2022-08-31. */
const goodCertificates = () =>
  certificateSheet([
    cert(
      "S1",
      "2019级",
      "高职（专科）",
      "职业技能等级证书",
      "高级工",
      "C-001",
      "2022-06-10",
      "11010519491231002X"
    ),
    cert("S1", "2019级", "高职（专科）", "职业资格证书", "技师", "C-002", "2022/6/11"),
    cert("S2", 2020, "高职（专科）", "1+X证书", "中级", "C-003", 44728),
    cert("S3", "2018级", "本科", "专项职业能力证书", "", "C-004", "2022年6月20日"),
  ]);
const goodTraining = () =>
  trainingSheet([
    training("S1", "2019级", "高职（专科）", "会计", "培训", "2022-06-01"),
    training("S1", "2019级", "高职（专科）", "税务", "培训", "2022-06-02"),
    training("S4", "2018级", "本科", "职业规划", "专家讲座", "2022-06-03"),
  ]);
const goodForm = (college = "经济管理学院") =>
  form(college, "2022-06", {
    training: [3, 3],
    advanced: [2, 2],
    nonadvanced: [1, 1],
    onex: [1, 1],
  });

const CASES: Case[] = [
  { name: "good", grids: [goodCertificates(), goodTraining()], form: goodForm(), expected: [] },
  {
    name: "1+X counted in its own section only when so set",
    grids: [goodCertificates(), goodTraining()],
    settings: { ...DEFAULT_LIST_SETTINGS, onexRecognition: "separate" },
    form: goodForm(),
    expected: ["list-count-month@附件6!C7", "list-count-cumulative@附件6!D7"],
  },
  {
    name: "bad values",
    grids: [
      certificateSheet([
        cert("", "2019级", "高职（专科）", "职业技能等级证书", "高级工", "C-1", "2022-06-10"),
        cert("S2", "大三", "高职", "等级证书", "高级工", "C-2", "2022-06-10"),
        cert("S3", "2019级", "博士", "1+X证书", "高级工", "C-3", "六月"),
        cert(
          "S4",
          "2019级",
          "高职（专科）",
          "职业技能等级证书",
          "高级工",
          "C-4",
          "2022-06-10",
          "110105194912310021"
        ),
      ]),
      goodTraining(),
    ],
    expected: [
      "list-field-missing@取证名单!B3",
      "list-grade-invalid@取证名单!E4",
      "list-value-invalid@取证名单!G4",
      "list-value-invalid@取证名单!F5",
      "list-value-invalid@取证名单!I5",
      "list-date-invalid@取证名单!K5",
      "list-id-invalid@取证名单!L6",
    ],
  },
  {
    name: "a column missing",
    grids: [
      sheet("取证名单", [
        ["学号", "姓名", "专业", "年级", "学历层次", "证书类型", "证书名称", "等级", "发证日期"],
      ]),
      goodTraining(),
    ],
    expected: ["list-column-missing@取证名单!J1"],
  },
  {
    name: "dates outside the year or after the month",
    grids: [
      certificateSheet([
        cert("S1", "2019级", "高职（专科）", "职业技能等级证书", "高级工", "C-1", "2021-12-20"),
      ]),
      trainingSheet([training("S1", "2019级", "高职（专科）", "会计", "培训", "2022-07-01")]),
    ],
    expected: ["list-date-outside-year@取证名单!K3", "list-date-after-month@培训名单!I3"],
  },
  {
    name: "ineligible 1+X and 专家讲座",
    grids: [
      certificateSheet([
        cert("S1", "2021级", "本科", "1+X证书", "初级", "C-1", "2022-06-01"),
        cert("S2", "2019级", "本科", "1+X证书", "初级", "C-2", "2022-06-01"),
        cert("S3", "2021级", "高职（专科）", "1+X证书", "初级", "C-3", "2022-06-01"),
      ]),
      trainingSheet([training("S4", "2020级", "本科", "讲座", "专家讲座", "2022-06-01")]),
    ],
    expected: [
      "list-onex-ineligible@取证名单!G3",
      "list-onex-ineligible@取证名单!G5",
      "list-lecture-ineligible@培训名单!H3",
    ],
  },
  {
    name: "duplicates within one report",
    grids: [
      certificateSheet([
        cert("S1", "2019级", "高职（专科）", "职业技能等级证书", "高级工", "C-1", "2022-06-01"),
        cert("S2", "2019级", "高职（专科）", "职业技能等级证书", "高级工", "c-1", "2022-06-01"),
        cert("S1", "2019级", "高职（专科）", "职业技能等级证书", "高级工", "C-9", "2022-06-02"),
      ]),
      trainingSheet([
        training("S1", "2019级", "高职（专科）", "会计", "培训", "2022-06-01"),
        training("S1", "2019级", "高职（专科）", " 会 计", "培训", "2022/6/1"),
      ]),
    ],
    expected: [
      "list-duplicate-number@取证名单!J4",
      "list-duplicate-certificate@取证名单!B5",
      "list-duplicate-training@培训名单!B4",
    ],
  },
  {
    name: "a certificate number of an earlier month, a student of another college",
    college: "艺术学院",
    earlier: [
      {
        college: "艺术学院",
        month: { year: 2022, month: 5 },
        grids: [
          certificateSheet([
            cert("A1", "2019级", "高职（专科）", "职业技能等级证书", "高级工", "C-7", "2022-05-10"),
          ]),
        ],
      },
      {
        college: "经济管理学院",
        month: { year: 2022, month: 5 },
        grids: [
          trainingSheet(
            [training("S1", "2019级", "高职（专科）", "会计", "培训", "2022-05-03")],
            "5月培训名单"
          ),
        ],
      },
    ],
    grids: [
      certificateSheet([
        cert("A2", "2019级", "高职（专科）", "职业技能等级证书", "高级工", "C-7", "2022-06-10"),
      ]),
      trainingSheet([training("S1", "2019级", "高职（专科）", "美术", "培训", "2022-06-01")]),
    ],
    expected: [
      "list-duplicate-number@取证名单!J3",
      "list-student-two-colleges@培训名单!B3",
      "list-student-two-colleges@5月培训名单!B3",
    ],
  },
  {
    name: "counts that differ from the form by one, to date with the master's May",
    earlier: [
      {
        college: "经济管理学院",
        month: { year: 2022, month: 5 },
        grids: [
          certificateSheet([
            cert("S1", "2019级", "高职（专科）", "职业资格证书", "高级工", "C-0", "2022-05-10"),
          ]),
          trainingSheet([training("S9", "2019级", "高职（专科）", "会计", "培训", "2022-05-03")]),
        ],
      },
    ],
    grids: [goodCertificates(), goodTraining()],
    // S1 counted in May already: advanced this month is S2 only; to date S1, S2
    form: form("经济管理学院", "2022-06", {
      training: [3, 4],
      advanced: [2, 2],
      nonadvanced: [1, 1],
      onex: [1, 2],
    }),
    expected: ["list-count-month@附件6!C7", "list-count-cumulative@附件6!D11"],
  },
  {
    name: "no 取证名单",
    grids: [goodTraining()],
    form: goodForm(),
    expected: ["list-missing@取证名单!-"],
  },
];

function run(c: Case): string[] {
  const settings = c.settings ?? DEFAULT_LIST_SETTINGS;
  let master: ListLedger | null = null;
  for (const e of c.earlier ?? []) {
    master ??= new ListLedger();
    const earlier = checkLists(e.grids, { college: e.college, month: e.month, hasher, settings });
    mergeLedger(master, earlier.ledger);
  }
  const check = checkLists(c.grids, {
    college: c.college ?? "经济管理学院",
    month: JUNE,
    hasher,
    settings,
  });
  const cross = master ? crossCheck(master, check.ledger) : [];
  const rec = c.form ? reconcileLists(c.form, check.ledger, master, check.present).findings : [];
  return placed([...check.findings, ...cross, ...rec]);
}

describe("list cases", () => {
  test.each(CASES.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    expect(run(c)).toEqual(c.expected);
  });

  test("every list finding code has a case", () => {
    const covered = new Set(CASES.flatMap((c) => c.expected.map((e) => e.split("@")[0])));
    const codes = Object.keys(FINDING_SEVERITY).filter((code) => code.startsWith("list-"));
    expect(codes.length).toBeGreaterThan(10);
    expect(codes.filter((code) => !covered.has(code))).toEqual([]);
  });

  test("a difference names both numbers", () => {
    const check = checkLists([goodCertificates(), goodTraining()], {
      college: "经济管理学院",
      month: JUNE,
    });
    const f = form("经济管理学院", "2022-06", {
      training: [4, 3],
      advanced: [2, 2],
      nonadvanced: [1, 1],
      onex: [1, 1],
    });
    const rec = reconcileLists(f, check.ledger, null, check.present);
    expect(rec.reconciled).toBe(false);
    expect(rec.findings.map((x) => x.message)).toEqual([expect.stringMatching(/为 3 人次.*填 4/)]);
    expect(rec.sections.find((s) => s.section === "training")).toMatchObject({
      list: { month: 3, toDate: 3 },
      form: { month: 4, cumulative: 3 },
      reconciled: false,
    });
  });
});
