import type { Note, QuotaTables } from "../core/quotaTables";

export interface QuotaJson {
  rows: {
    college: string;
    training: number;
    advanced: number;
    nonadvanced: number;
    intermediate: number;
    onex: number | null;
  }[];
  totals: Record<string, number>;
  notes: Note[];
}

/** The `--json` shape of `quota generate`. */
export function quotaJson(tables: QuotaTables, readWarnings: readonly string[] = []): QuotaJson {
  return {
    rows: tables.rows.map((r) => ({
      college: r.college,
      training: r.training,
      advanced: r.advanced,
      nonadvanced: r.nonadvanced,
      intermediate: r.intermediate,
      onex: r.onex,
    })),
    totals: { ...tables.totals },
    notes: [
      ...readWarnings.map((message) => ({ level: "warning" as const, code: "input", message })),
      ...tables.notes,
    ],
  };
}
