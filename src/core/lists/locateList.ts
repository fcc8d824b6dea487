import { CellValue, Grid, cellAddress, cellAt, eachCell } from "../grid";
import { classifyListHeader } from "./classifyListHeader";
import { ListFinding, listFinding } from "./listFinding";
import { LIST_LAYOUTS, ListColumn, ListKind } from "./listLayout";

/** Where a list's header row is and which column holds what. */
export interface ListLocation {
  readonly sheet: string;
  readonly kind: ListKind;
  /** Zero-based row of the header; data rows follow it. */
  readonly headerRow: number;
  /** Zero-based column of each header found. */
  readonly columns: Readonly<Partial<Record<ListColumn, number>>>;
  /** list-column-missing for each required column not on the header row. */
  readonly findings: readonly ListFinding[];
}

const TRAINING_ONLY: readonly ListColumn[] = ["project", "form"];
const CERTIFICATE_ONLY: readonly ListColumn[] = ["type", "title", "rank", "number", "idNumber"];

/** The kind a sheet name announces (培训名单, 2022年6月取证名单), or null. */
export function listKindOfName(name: string): ListKind | null {
  if (name.includes("取证")) return "certificate";
  if (name.includes("培训")) return "training";
  return null;
}

/** The list columns a row names (the first cell of each), with how many; null when it names none. */
function headerColumns(
  row: readonly CellValue[]
): { columns: Partial<Record<ListColumn, number>>; count: number } | null {
  let found: { columns: Partial<Record<ListColumn, number>>; count: number } | null = null;
  const visit = (value: CellValue | undefined, column: number) => {
    const key = typeof value === "string" ? classifyListHeader(value) : null;
    if (!key) return;
    found ??= { columns: {}, count: 0 };
    if (found.columns[key] !== undefined) return;
    found.columns[key] = column;
    found.count++;
  };
  // A long sparse row by its written cells; a short one by index (holes read as undefined),
  // visiting only its texts (a form's rows are mostly numbers and holes).
  if (row.length > 64) eachCell(row, visit);
  else for (let c = 0; c < row.length; c++) if (typeof row[c] === "string") visit(row[c], c);
  return found;
}

function kindOf(
  columns: Partial<Record<ListColumn, number>>,
  named: ListKind | null
): ListKind | null {
  const has = (list: readonly ListColumn[]) => list.filter((c) => columns[c] !== undefined).length;
  const training = has(TRAINING_ONLY);
  const certificate = has(CERTIFICATE_ONLY);
  if (training === 0 && certificate === 0) return named;
  if (named && (named === "training" ? training : certificate) > 0) return named;
  return certificate >= training ? "certificate" : "training";
}

/**
 * Finds 培训名单 or 取证名单 on a sheet by its header row, anywhere on the sheet (below title rows,
 * in any column order): the first row naming 学号 and at least three other list columns, or
 * six list columns without 学号 (which is then reported missing).
 * `kind` forces the list; otherwise the sheet name and the columns decide. Null when no header row.
 */
export function locateList(grid: Grid, kind?: ListKind): ListLocation | null {
  const named = kind ?? listKindOfName(grid.name);
  const rows = grid.rows;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    const header = row ? headerColumns(row) : null;
    if (!header) continue;
    const { columns, count } = header;
    if (count < (columns.studentId === undefined ? 6 : 4)) continue;
    const found = kind ?? kindOf(columns, named);
    if (!found) continue;
    return {
      sheet: grid.name,
      kind: found,
      headerRow: r,
      columns,
      findings: missing(grid, r, found, columns),
    };
  }
  return null;
}

function missing(
  grid: Grid,
  row: number,
  kind: ListKind,
  columns: Partial<Record<ListColumn, number>>
): ListFinding[] {
  const layout = LIST_LAYOUTS[kind];
  let next = Math.max(...Object.values(columns).map((c) => c ?? 0)) + 1;
  const findings: ListFinding[] = [];
  for (const column of layout.order) {
    const spec = layout.columns[column]!;
    if (!spec.required || columns[column] !== undefined) continue;
    while (cellAt(grid, row, next) !== null) next++;
    findings.push(
      listFinding(
        "list-column-missing",
        grid.name,
        cellAddress(row, next++),
        `${layout.sheet}的表头没有“${spec.header}”一列`
      )
    );
  }
  return findings;
}
