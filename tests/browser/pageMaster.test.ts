/* The page's reading of a picked master (ledgers by ownership name) and of the ID key: no browser needed. */
import type { Grid } from "../../src/core/grid";
import { makeIdHasher } from "../../src/core/lists/idHasher";
import { ledgerSheet } from "../../src/core/rollup/ledgerSheet";
import type { LedgerRow } from "../../src/core/rollup/ledger";
import { ownedSheets, readPageMaster, masterNotes } from "../../src/taskpane/pageMaster";
import { readIdKey } from "../../src/taskpane/idKeyField";

const name = (n: string, ref: string) => ({ name: n, ref, localSheet: null, hidden: false });

/** A grid of a model sheet's values (header and rows as written). */
function gridOf(model: ReturnType<typeof ledgerSheet>, as: string): Grid {
  return {
    name: as,
    rows: model.cells.map((row) => row.map((c) => (c ? (c.value as never) : null))),
  };
}

const row: LedgerRow = {
  college: "经济管理学院",
  month: "2022-06",
  section: "training",
  target: 100,
  done: 2,
  cumulative: 2,
  file: "eco.xlsx",
  sha256: "",
  importedAt: "2022-06-30T10:00:00+08:00",
  filer: null,
  filedOn: null,
};

test("ownership names: quoted and plain references, a deleted sheet (#REF!) and other names ignored", () => {
  const grids: Grid[] = [
    { name: "台账（勿删）", rows: [] },
    { name: "名单 台账", rows: [] },
  ];
  const owned = ownedSheets(grids, [
    name("_QUOTA_ledger", "台账（勿删）!$A$1"),
    name("_QUOTA_listLedger", "'名单 台账'!$A$1"),
    name("_QUOTA_table1", "#REF!$A$1"),
    name("_QUOTA_summary", "'汇总2022-06'!$A$1"),
    name("Print_Area", "'台账（勿删）'!$A$1:$B$2"),
  ]);
  expect([...owned]).toEqual([
    ["ledger", "台账（勿删）"],
    ["listLedger", "名单 台账"],
  ]);
});

test("a renamed 月报台账 is read under its new name and said; no ledger at all is not a master", () => {
  const ledger = gridOf(ledgerSheet([row]), "台账（勿删）");
  const list: Grid = { name: "名单台账", rows: [["学院"], ["经济管理学院"], []] };
  const master = readPageMaster([ledger, list], [name("_QUOTA_ledger", "'台账（勿删）'!$A$1")]);
  expect(master!.ledgerName).toBe("台账（勿删）");
  expect(master!.ledger.map((r) => [r.college, r.month, r.section, r.cumulative])).toEqual([
    ["经济管理学院", "2022-06", "training", 2],
  ]);
  expect(master!.lists.rows).toEqual([["经济管理学院"]]);
  expect(master!.hasListLedger).toBe(true);
  expect(masterNotes(master!)[0]).toContain("已改名为“台账（勿删）”");
  // Renamed without its ownership name (or not ours at all): not a master.
  expect(readPageMaster([ledger, list], [])).toBeNull();
  const plain = readPageMaster([gridOf(ledgerSheet([row]), "月报台账")]);
  expect(plain!.hasListLedger).toBe(false);
  expect(masterNotes(plain!)).toEqual([]);
});

test("the ID key: empty is no key, under 16 characters is refused in Chinese, else the school's hasher", () => {
  expect(readIdKey("  ")).toEqual({ hasher: null });
  expect(readIdKey("短密钥123")).toEqual({
    error: "身份证号密钥太短：至少 16 个字符（现在 6 个）。",
  });
  const key = "学校的密钥-0123456789abcdef";
  const reading = readIdKey(` ${key} `);
  expect("hasher" in reading && reading.hasher!("11010519491231002X")).toBe(
    makeIdHasher(key)("11010519491231002X")
  );
});

test("a ledger row edited by hand is said as an edit of the master, not the college's error", () => {
  const grid = gridOf(ledgerSheet([row]), "月报台账");
  const cumulative = grid.rows[0]!.indexOf("累计已完成");
  (grid.rows[1] as unknown[])[cumulative] = 5;
  const notes = masterNotes(readPageMaster([grid])!);
  expect(notes).toHaveLength(1);
  expect(notes[0]).toContain("经济管理学院 2022-06");
  expect(notes[0]).toContain("不是学院报表的问题");
});
