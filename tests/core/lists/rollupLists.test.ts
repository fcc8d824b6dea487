/* The roll-up with lists, in core: key check value, both sides of a duplicate across colleges, 名单核对. */
import type { Grid } from "../../../src/core/grid";
import { keyCheckValue, makeIdHasher } from "../../../src/core/lists/idHasher";
import {
  KEY_CHECK_LABEL,
  MasterLists,
  NO_MASTER_LISTS,
  checkListKey,
  masterListsIn,
  masterListsOf,
  readKeyCheck,
} from "../../../src/core/lists/listKeyCheck";
import type { SectionKey } from "../../../src/core/report/reportLayout";
import type { LedgerRow } from "../../../src/core/rollup/ledger";
import {
  CheckedFile,
  RollUpResult,
  checkReportFile,
  rollUp,
} from "../../../src/core/rollup/rollUp";
import { rollUpJson } from "../../../src/cli/rollupJson";
import { modelGrid } from "../../support/modelGrid";
import { Done, reportSheet } from "../../support/reportFactory";
import { cert, certificateSheet, placed, training, trainingSheet } from "./listFixtures";

const KEY = "学校的密钥-0123456789abcdef";
const hasher = makeIdHasher(KEY);
const other = makeIdHasher("另一把密钥-0123456789abcdef");
const ID = "11010519491231002X";
const JUNE = { year: 2022, month: 6 };
const targets = (college: string) => ({
  college,
  training: 100,
  advanced: 100,
  nonadvanced: 100,
  onex: 100,
});

/** A report file: the form with its numbers, and (unless null) its lists. */
function file(
  college: string,
  done: Partial<Record<SectionKey, Done>>,
  lists: Grid[] | null,
  key: typeof hasher | null = hasher
): CheckedFile {
  const form = modelGrid(reportSheet({ targets: targets(college), month: JUNE, done }));
  return checkReportFile(
    { file: `${college}.xlsx`, sha256: college.padEnd(64, "0"), grids: [form, ...(lists ?? [])] },
    { month: JUNE, lists: { hasher: key } }
  );
}

const skill = (id: string, number: string, idNumber: string | null = null) =>
  cert(id, "2019级", "高职（专科）", "职业技能等级证书", "高级工", number, "2022-06-10", idNumber);
const course = (id: string) => training(id, "2019级", "高职（专科）", "会计", "培训", "2022-06-02");

function run(
  files: CheckedFile[],
  master: MasterLists = NO_MASTER_LISTS,
  key: typeof hasher | null = hasher,
  ledger: LedgerRow[] = []
) {
  return rollUp(files, {
    ledger,
    importedAt: "2022-06-30T09:00:00",
    lists: { master, hasher: key },
  });
}

const sheetOf = (result: RollUpResult, key: string) =>
  result.workbook.sheets.find((s) => s.key === key)!;
const values = (result: RollUpResult, key: string) =>
  sheetOf(result, key).cells.map((r) => r.map((c) => c?.value ?? null));

/** The master's 名单台账 as a later run reads it back. */
const reread = (result: RollUpResult) =>
  masterListsOf({ name: "名单台账", rows: values(result, "listLedger") });

describe("the key check value of the 名单台账", () => {
  const eco = (key: typeof hasher | null = hasher) =>
    file(
      "经济管理学院",
      { advanced: [1, 1] },
      [certificateSheet([skill("S1", "ZS-1", ID)]), trainingSheet([])],
      key
    );

  test("written right of the header with a key, read back; none without a key", () => {
    const withKey = run([eco()]) as RollUpResult;
    const header = values(withKey, "listLedger")[0]!;
    expect(header.slice(-2)).toEqual([KEY_CHECK_LABEL, keyCheckValue(hasher)]);
    expect(reread(withKey).keyCheck).toBe(keyCheckValue(hasher));
    expect(reread(withKey).rows).toHaveLength(1);
    const inGrids = masterListsIn([
      { name: "汇总2022-06", rows: [] },
      { name: "名单台账", rows: values(withKey, "listLedger") },
    ]);
    expect(inGrids.keyCheck).toBe(keyCheckValue(hasher));
    expect(masterListsIn([])).toBe(NO_MASTER_LISTS);
    const noKey = run([eco(null)], NO_MASTER_LISTS, null) as RollUpResult;
    expect(values(noKey, "listLedger")[0]).not.toContain(KEY_CHECK_LABEL);
    expect(readKeyCheck(values(noKey, "listLedger")[0])).toBeNull();
  });

  test("a later run with another key, or with none, is refused; the same key goes on", () => {
    const master = reread(run([eco()]) as RollUpResult);
    const hum = () =>
      file("人文学院", { advanced: [1, 1] }, [certificateSheet([skill("S9", "ZS-9")])]);
    const another = run([hum()], master, other);
    expect(another).toMatchObject({ key: true });
    expect("error" in another && another.error).toContain("密钥不同");
    expect("error" in another && another.error).toContain(keyCheckValue(hasher));
    const none = run([hum()], master, null);
    expect("error" in none && none.error).toContain("没有提供密钥");
    const same = run([hum()], master) as RollUpResult;
    expect(same.accepted).toBe(1);
    expect(reread(same).keyCheck).toBe(keyCheckValue(hasher));
  });

  test("a master without a key check: no key goes on as before; a key is recorded", () => {
    const plain = reread(run([eco(null)], NO_MASTER_LISTS, null) as RollUpResult);
    expect(plain.keyCheck).toBeNull();
    expect(checkListKey(plain, null)).toEqual({ keyCheck: null });
    expect(checkListKey(plain, hasher)).toEqual({ keyCheck: keyCheckValue(hasher) });
    // Hashes without a recorded check (an older master): go on, but say it.
    const hashed = { ...reread(run([eco()]) as RollUpResult), keyCheck: null };
    const outcome = checkListKey(hashed, other);
    expect(outcome).toMatchObject({ keyCheck: keyCheckValue(other) });
    expect("note" in outcome && outcome.note).toContain("没有记录密钥校验值");
  });
});

describe("a duplicate across colleges is told to both", () => {
  test("in one run: the later college is rejected, the earlier one's row is in listFindings", () => {
    const eco = file("经济管理学院", { advanced: [1, 1] }, [
      certificateSheet([skill("S1", "ZS-1")]),
      trainingSheet([]),
    ]);
    const hum = file("人文学院", { advanced: [1, 1] }, [
      certificateSheet([skill("S2", "ZS-1")]),
      trainingSheet([]),
    ]);
    const result = run([eco, hum]) as RollUpResult;
    expect(result.rejected.map((r) => r.college)).toEqual(["人文学院"]);
    expect(result.rejected[0]!.errors.map((e) => `${e.code}@${e.sheet}!${e.cell}`)).toEqual([
      "list-duplicate-number@取证名单!J3",
    ]);
    expect(placed(result.listFindings)).toEqual(["list-duplicate-number@取证名单!J3"]);
    expect(result.listFindings[0]).toMatchObject({ college: "经济管理学院", month: "2022-06" });
    expect(result.listFindings[0]!.message).toContain("人文学院 2022-06 取证名单 第3行");
    const json = rollUpJson(result);
    expect(json.listFindings).toEqual([
      expect.objectContaining({ college: "经济管理学院", sheet: "取证名单", cell: "J3" }),
    ]);
    expect(json.rejected[0]!.errors[0]).toMatchObject({ sheet: "取证名单", cell: "J3" });
  });

  test("against the master: the college already in the 名单台账 is told", () => {
    const first = run([
      file("经济管理学院", { advanced: [1, 1] }, [certificateSheet([skill("S1", "ZS-1")])]),
    ]) as RollUpResult;
    const technician = cert(
      "S1",
      "2019级",
      "高职（专科）",
      "职业技能等级证书",
      "技师",
      "ZS-2",
      "2022-06-12"
    );
    const hum = file("人文学院", { advanced: [1, 1], training: [1, 1] }, [
      certificateSheet([technician]),
      trainingSheet([course("S3")]),
    ]);
    const result = run([hum], reread(first)) as RollUpResult;
    // The same 学号 in two colleges: a warning for each; 人文学院 is still rolled up.
    expect(result.rejected).toEqual([]);
    expect(placed(result.listFindings)).toEqual(["list-student-two-colleges@取证名单!B3"]);
    expect(result.listFindings[0]!.college).toBe("经济管理学院");
  });
});

describe("名单核对 per college in the 汇总", () => {
  test("已核对, 未核对 with the reason, 无名单; the 汇总 sheet says each", () => {
    const eco = file("经济管理学院", { advanced: [1, 1], training: [1, 1] }, [
      certificateSheet([skill("S1", "ZS-1")]),
      trainingSheet([course("S1")]),
    ]);
    const art = file("艺术学院", { advanced: [1, 1] }, [certificateSheet([skill("S5", "ZS-5")])]);
    const bare = file("人文学院", { advanced: [2, 2] }, null);
    const off = file("外国语学院", { advanced: [2, 2] }, [
      certificateSheet([skill("S7", "ZS-7")]),
      trainingSheet([]),
    ]);
    const result = run([eco, art, bare, off]) as RollUpResult;
    expect(result.listLines.map((l) => `${l.college}:${l.state}`)).toEqual([
      "经济管理学院:reconciled",
      "艺术学院:unreconciled",
      "人文学院:none",
      "外国语学院:unreconciled",
    ]);
    expect(result.listLines[1]!.reason).toContain("缺少培训名单");
    expect(result.listLines[3]!.reason).toContain("报表未汇总");
    expect(result.listLines[3]!.reason).toContain("取证名单中2022-06为 1 人");
    const text = values(result, `summary_2022_06`)
      .flat()
      .filter((v) => typeof v === "string")
      .join("\n");
    expect(text).toContain("名单核对（培训名单、取证名单：已核对 1，未核对或无名单 3）");
    expect(text).toContain("无名单");
    expect(text).toContain("未核对");
    expect(rollUpJson(result).lists[2]).toEqual({
      college: "人文学院",
      state: "none",
      reason: "报表未附名单（或名单为空）",
    });
  });

  test("a college rolled up in an earlier run is 已核对 when its rows are in the 名单台账", () => {
    const eco = file("经济管理学院", { advanced: [1, 1] }, [
      certificateSheet([skill("S1", "ZS-1")]),
      trainingSheet([]),
    ]);
    const first = run([eco]) as RollUpResult;
    const hum = file("人文学院", { advanced: [1, 1] }, [
      certificateSheet([skill("S2", "ZS-2")]),
      trainingSheet([]),
    ]);
    const second = run([hum], reread(first), hasher, [...first.outcome.ledger]) as RollUpResult;
    expect(second.listLines.map((l) => `${l.college}:${l.state}`)).toEqual([
      "经济管理学院:reconciled",
      "人文学院:reconciled",
    ]);
  });
});
