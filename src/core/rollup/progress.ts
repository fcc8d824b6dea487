import type { SectionKey } from "../report/reportLayout";
import { parseMonth } from "../report/reportMonth";

/** The plan's deadlines: certificates by the end of November, training by the end of December. */
export const DEADLINE_MONTH: Readonly<Record<SectionKey, number>> = {
  training: 12,
  advanced: 11,
  nonadvanced: 11,
  onex: 11,
};
/** Monthly reports start in March; progress is expected to grow linearly from there. */
export const START_MONTH = 3;

/**
 * The share of the year's target expected to be done by the end of the report month, as a
 * percentage with 2 decimals: June is 4 of the 9 months to November for certificates (44.44).
 */
export function expectedPercent(month: string, section: SectionKey): number {
  const ym = parseMonth(month);
  if (!ym) throw new RangeError(`not a month: ${month}`);
  const span = DEADLINE_MONTH[section] - START_MONTH + 1;
  const elapsed = Math.min(span, Math.max(0, ym.month - START_MONTH + 1));
  return Math.round((elapsed * 10000) / span) / 100;
}
