/* Small hand-made inputs the core tests share: one college's targets, one section's figures, a
   valid report's result, a ledger of many colleges. */
import type { SectionValues } from "../../src/core/report/monthlyReport";
import type { CollegeTargets } from "../../src/core/report/quotaLookup";
import type { ReportResult } from "../../src/core/report/validateReport";
import { type LedgerRow, importIntoLedger } from "../../src/core/rollup/ledger";

/** 外国语学院 with round targets (100/50/40/10), for figures that are easy to check by hand. */
export const ROUND_TARGETS: CollegeTargets = {
  college: "外国语学院",
  training: 100,
  advanced: 50,
  nonadvanced: 40,
  onex: 10,
};

/** One section of a report as the roll-up takes it (no 累计完成率: the roll-up computes its own). */
export const sectionValues = (
  target: number | null,
  month: number,
  cumulative: number
): SectionValues => ({ target, month, cumulative, rate: null });

/** A valid June 2022 report of `college` (no figures), as the file checks see one. */
export const validResult = (college: string | null, sheet = "2022年6月"): ReportResult => ({
  file: "f.xlsx",
  sheet,
  college,
  month: "2022-06",
  monthSource: "sheet",
  valid: true,
  errors: [],
  warnings: [],
  values: null,
  report: null,
});

/** June 2022's ledger of `count` colleges (学院0 …), four rows each (a row per section). */
export function manyCollegesLedger(count: number): readonly LedgerRow[] {
  const entries = Array.from({ length: count }, (_, i) => ({
    college: `学院${i}`,
    month: "2022-06",
    sha256: String(i).padStart(64, "0"),
    file: `${i}-学院${i}-2022年6月.xlsx`,
    filer: "张老师",
    filedOn: "2022-06-20",
    values: Object.fromEntries(
      (["training", "advanced", "nonadvanced", "onex"] as const).map((s) => [
        s,
        { target: 100 + i, month: i % 7, cumulative: i % 50, rate: null },
      ])
    ) as never,
  }));
  return importIntoLedger([], entries, "2022-06-30T09:00:00").ledger;
}
