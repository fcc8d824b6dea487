import type { CellValue } from "../grid";
import type { ReportResult } from "../report/validateReport";
import type { ListedFile } from "./rollupLists";
import type { LedgerFinding } from "./listLedger";
import { LIST_LAYOUTS } from "./listLayout";
import { readLedgerRow } from "./ledgerRows";

/** A finding as the roll-up keeps it (Problem, ListFinding). */
interface Said {
  readonly code: string;
  readonly sheet?: string;
  readonly cell: string | null;
  readonly message: string;
}

/** 名单核对 of one college in the month's 汇总. */
export type ListState = "reconciled" | "unreconciled" | "none";

export const LIST_STATE_TEXT: Readonly<Record<ListState, string>> = {
  reconciled: "已核对",
  unreconciled: "未核对",
  none: "无名单",
};

export interface ListLine {
  readonly college: string;
  readonly state: ListState;
  /** Why not reconciled, or what else was found; null when there is nothing to add. */
  readonly reason: string | null;
}

/** What the 汇总's 名单核对 is made from. */
export interface ListLineInputs {
  readonly month: string;
  /** The colleges rolled up for the month (this run or earlier), in the 汇总's order. */
  readonly accepted: readonly string[];
  /** Reports of the month not rolled up, with their college and errors. */
  readonly rejected: readonly {
    readonly fileName: string;
    readonly sheet: string | null;
    readonly college?: string | null;
    readonly month?: string | null;
    readonly errors: readonly Said[];
  }[];
  /** The files of this run, their lists read. */
  readonly files: readonly ListedFile[];
  /** The 名单台账 after the roll-up (rows without the header). */
  readonly ledgerRows: readonly (readonly CellValue[])[];
  /** Findings other colleges' lists gave to these colleges' (duplicates across colleges). */
  readonly others: readonly LedgerFinding[];
}

/** "取证名单!J3" (the form's own sheet, `form`, is not repeated). */
const where = (f: Said, form: string | null) => {
  const sheet = f.sheet && f.sheet !== form ? f.sheet : null;
  return f.cell ? (sheet ? `${sheet}!${f.cell}` : f.cell) : (sheet ?? "");
};
const said = (f: Said, form: string | null = null) =>
  where(f, form) ? `${where(f, form)}：${f.message}` : f.message;

/** A college rolled up with this run's file: its lists read with it. */
function fromRun(result: ReportResult, lists: ListedFile["lists"], i: number): ListLine {
  const college = result.college!;
  const mine = lists?.[i];
  if (!mine) return { college, state: "none", reason: "报表未附名单（或名单为空）" };
  const missing = (["training", "certificate"] as const).filter((k) => !mine.check.present[k]);
  if (missing.length === 0) return { college, state: "reconciled", reason: null };
  const names = missing.map((k) => LIST_LAYOUTS[k].sheet).join("、");
  return { college, state: "unreconciled", reason: `缺少${names}，相应项目未核对` };
}

/** A rejected report's line: its first list error, else its first error. */
function rejectedLine(college: string, form: string | null, errors: readonly Said[]): ListLine {
  const first = errors.find((e) => e.code.startsWith("list-")) ?? errors[0];
  const reason = `报表未汇总${first ? `：${said(first, form)}` : ""}${errors.length > 1 ? `（共 ${errors.length} 个错误）` : ""}`;
  return { college, state: "unreconciled", reason };
}

/** The line of a college whose lists another college's list duplicates: said beside its state. */
function withOthers(line: ListLine, others: readonly LedgerFinding[]): ListLine {
  if (others.length === 0) return line;
  const more = `另有 ${others.length} 个名单问题（与其他学院的名单重复）：${said(others[0]!)}`;
  return { ...line, reason: line.reason ? `${line.reason}；${more}` : more };
}

/**
 * 名单核对 per college for the month's 汇总: 已核对 when its lists were read and reconciled with the
 * form (this run, or an earlier run whose rows are in the 名单台账), 未核对 with the reason (a list
 * missing, the report rejected), 无名单 when it handed in no list row: a form alone never looks
 * reconciled. Rejected colleges follow the rolled-up ones.
 */
export function listLines(inputs: ListLineInputs): ListLine[] {
  const { month } = inputs;
  const out = new Set(inputs.rejected.map((r) => `${r.fileName}\u0000${r.sheet}`));
  const run = new Map<string, ListLine>();
  for (const f of inputs.files)
    f.results.forEach((r, i) => {
      if (out.has(`${f.file}\u0000${r.sheet}`) || !r.college || r.month !== month) return;
      run.set(r.college, fromRun(r, f.lists, i));
    });
  const inLedger = new Set<string>();
  for (const cells of inputs.ledgerRows) {
    const { source } = readLedgerRow(cells);
    if (source.month === month) inLedger.add(source.college);
  }
  const lines = inputs.accepted.map(
    (college): ListLine =>
      run.get(college) ??
      (inLedger.has(college)
        ? { college, state: "reconciled", reason: null }
        : { college, state: "none", reason: "报表未附名单（或名单为空）" })
  );
  const named = new Set(inputs.accepted);
  for (const r of inputs.rejected)
    if (r.college && r.month === month && !named.has(r.college)) {
      named.add(r.college);
      lines.push(rejectedLine(r.college, r.sheet, r.errors));
    }
  return lines.map((l) =>
    withOthers(
      l,
      inputs.others.filter((o) => o.college === l.college)
    )
  );
}
