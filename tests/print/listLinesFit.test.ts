/* The 汇总 with 名单核对 lines (long reasons, long college names) still fits its cells and pages. */
import { cellAddress } from "../../src/core/grid";
import type { ListLine } from "../../src/core/lists/listLines";
import { buildQuotaTables } from "../../src/core/quotaTables";
import { quotaLookupFromTables } from "../../src/core/report/quotaLookup";
import { SECTION_KEYS, SectionKey } from "../../src/core/report/reportLayout";
import type { SectionValues } from "../../src/core/report/monthlyReport";
import { LedgerEntry, importIntoLedger } from "../../src/core/rollup/ledger";
import { summarize } from "../../src/core/rollup/rollupSummary";
import { summarySheet } from "../../src/core/rollup/summarySheet";
import { overflowingCells } from "../../src/core/sheetLayout";
import { planColleges } from "../support/planData";

test("名单核对: every text fits its cell, the reasons wrap", () => {
  const quotas = quotaLookupFromTables(buildQuotaTables(planColleges()).rows);
  const entries: LedgerEntry[] = quotas.colleges.map((c, i) => ({
    college: c.college,
    month: "2022-06",
    sha256: `${i}`.repeat(64),
    file: `${c.college}-2022年6月.xlsx`,
    filer: "张老师",
    filedOn: "2022-06-20",
    values: Object.fromEntries(
      SECTION_KEYS.map((s): [SectionKey, SectionValues] => [
        s,
        { target: c[s], month: 1, cumulative: 2, rate: null },
      ])
    ) as Record<SectionKey, SectionValues>,
  }));
  const { ledger } = importIntoLedger([], entries, "2022-06-30T09:00:00");
  const summary = summarize(ledger, "2022-06", { quotas });
  const lines: ListLine[] = summary.colleges.map((c, i) =>
    i % 3 === 0
      ? { college: c.college, state: "reconciled", reason: null }
      : i % 3 === 1
        ? { college: c.college, state: "none", reason: "报表未附名单（或名单为空）" }
        : {
            college: c.college,
            state: "unreconciled",
            reason:
              "报表未汇总：取证名单!J1048576：证书编号重复：另见 机械与电气信息学院 2022-05 取证名单 第1048576行（共 12 个错误）；另有 3 个名单问题（与其他学院的名单重复）：取证名单!B3：同一学生被两个学院填报（身份证号相同）",
          }
  );
  const sheet = summarySheet(summary, [], lines);
  const problems = overflowingCells(sheet).map(
    (p) => `${cellAddress(p.row, p.column)} “${p.text}”：${p.problem}`
  );
  expect(problems).toEqual([]);
  const texts = sheet.cells.flat().map((c) => c?.value);
  expect(texts).toContain("已核对");
  expect(texts).toContain("无名单");
  expect(texts).toContain("未核对");
});
