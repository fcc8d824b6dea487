/* Test support: one model of each sheet kind the product writes, filled as in real use (the 2022
   plan's colleges, every 附件6 section, long 落后 and 未汇总 lists). */
import { buildQuotaTables } from "../../src/core/quotaTables";
import { buildQuotaWorkbook } from "../../src/core/quotaWorkbook";
import { buildReportTemplate } from "../../src/core/report/buildReportTemplate";
import type { SectionValues } from "../../src/core/report/monthlyReport";
import { quotaLookupFromTables } from "../../src/core/report/quotaLookup";
import { SECTION_KEYS, SectionKey } from "../../src/core/report/reportLayout";
import { LedgerEntry, importIntoLedger } from "../../src/core/rollup/ledger";
import { ledgerSheet } from "../../src/core/rollup/ledgerSheet";
import { summarize } from "../../src/core/rollup/rollupSummary";
import { summarySheet } from "../../src/core/rollup/summarySheet";
import type { SheetModel } from "../../src/core/workbookModel";
import { planColleges } from "../support/planData";

export function printSheets(): SheetModel[] {
  const tables = buildQuotaTables(planColleges());
  const quotas = quotaLookupFromTables(tables.rows);
  const entries: LedgerEntry[] = quotas.colleges.slice(0, 9).map((c, i) => {
    const share = [0.5, 0.2, 0.46, 0.1, 0.6, 0.3, 0.45, 0.05, 0.5][i]!;
    const values = Object.fromEntries(
      SECTION_KEYS.map((s): [SectionKey, SectionValues] => {
        const target = c[s];
        const cumulative = Math.round((target ?? 0) * share);
        return [s, { target, month: Math.round(cumulative / 4), cumulative, rate: null }];
      })
    ) as Record<SectionKey, SectionValues>;
    return {
      college: c.college,
      month: "2022-06",
      sha256: `${i}`.repeat(64),
      file: `${String(i + 1).padStart(2, "0")}-${c.college}-2022年6月月报表（定稿）.xlsx`,
      filer: "张老师",
      filedOn: i === 1 ? "2022-06-29" : "2022-06-20",
      values,
    };
  });
  const { ledger } = importIntoLedger([], entries, "2022-06-30T09:00:00");
  const summary = summarize(ledger, "2022-06", { quotas });
  const rejected = [
    {
      file: "10-建筑与土木工程学院-2022年6月月报表（第二次修改）.xlsx",
      errors: 2,
      messages: [
        "E4：培训任务的累计已完成应不小于当月完成（当月完成 120，累计已完成 80）",
        "F6：高级工及以上取证人数的累计完成率应为 45.67，表中为 46",
      ],
    },
  ];
  return [
    ...buildQuotaWorkbook(tables, { formulas: "native", year: 2022 }).sheets,
    buildReportTemplate({
      college: "机械与电气信息学院",
      month: { year: 2022, month: 6 },
      targets: quotas.colleges[2],
    }),
    summarySheet(summary, rejected),
    ledgerSheet(ledger),
  ];
}
