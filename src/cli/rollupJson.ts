import type { RollUpResult } from "../core/rollup/rollUp";

/** The `--json` shape of `quota rollup`. */
export function rollUpJson(result: RollUpResult) {
  const { summary } = result;
  const plain = (s: {
    target: number | null;
    month: number;
    cumulative: number;
    rate: number | null;
  }) => ({
    target: s.target,
    month: s.month,
    cumulative: s.cumulative,
    rate: s.rate,
  });
  const sections = <
    T extends { target: number | null; month: number; cumulative: number; rate: number | null },
  >(
    o: Readonly<Record<string, T>>
  ) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, plain(v)]));
  return {
    month: result.month,
    sections: sections(summary.sections),
    colleges: summary.colleges.map((c) => ({ college: c.college, sections: sections(c.sections) })),
    rejected: result.rejected.map((r) => ({
      file: r.fileName,
      sheet: r.sheet,
      errors: r.errors.map((e) => ({
        code: e.code,
        ...(e.sheet !== undefined ? { sheet: e.sheet } : {}),
        cell: e.cell,
        message: e.message,
      })),
    })),
    missing: summary.missing,
    late: summary.late.map((l) => l.college),
    lists: result.listLines.map((l) => ({ college: l.college, state: l.state, reason: l.reason })),
    listFindings: result.listFindings.map((f) => ({
      college: f.college,
      month: f.month,
      code: f.code,
      severity: f.severity,
      sheet: f.sheet,
      cell: f.cell,
      message: f.message,
    })),
  };
}
