/* Small hand-made inputs the core tests share: one college's targets, one section's figures. */
import type { SectionValues } from "../../src/core/report/monthlyReport";
import type { CollegeTargets } from "../../src/core/report/quotaLookup";

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
