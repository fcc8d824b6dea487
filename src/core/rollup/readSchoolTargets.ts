import { Grid, cellText } from "../grid";
import { SECTION_KEYS, SECTIONS } from "../report/reportLayout";
import type { SchoolTargets } from "./rollupSummary";

/**
 * The school's targets as the quota workbook's 合计 rows show them (the plan's 14572 for 表1,
 * not the sum of the colleges); null when a table or its 合计 row is not there.
 */
export function readSchoolTargets(grids: readonly Grid[]): SchoolTargets | null {
  const targets: Partial<Record<(typeof SECTION_KEYS)[number], number>> = {};
  for (const s of SECTION_KEYS) {
    const grid = grids.find((g) => g.name.startsWith(SECTIONS[s].table));
    // The 合计 row, not the 合计 column of 表1's header: its first filled cell says 合计.
    const total = grid?.rows.find(
      (row) => cellText(row.find((v) => cellText(v) !== "") ?? null).replace(/\s/g, "") === "合计"
    );
    const last = total ? [...total].reverse().find((v) => typeof v === "number") : undefined;
    if (typeof last !== "number") return null;
    targets[s] = last;
  }
  return targets as SchoolTargets;
}
