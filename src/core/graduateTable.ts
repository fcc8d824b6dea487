import { parseCount } from "./count";
import { InputError, QuotaError } from "./errors";
import { CellValue, Grid, cellAddress, cellAt, cellText, cellsOf, eachCell } from "./grid";
import type { College } from "./quotaTables";
import { normalizeLabel } from "./text";

export type CountColumn = "undergraduate" | "higherVocational" | "secondaryVocational";

export const COUNT_LABELS: Readonly<Record<CountColumn, string>> = {
  undergraduate: "本科",
  higherVocational: "高职",
  secondaryVocational: "中职",
};

const COUNT_COLUMNS: readonly CountColumn[] = [
  "undergraduate",
  "higherVocational",
  "secondaryVocational",
];

/** Where the graduate table sits: zero-based header row and columns. */
export interface GraduateTableLayout {
  readonly sheet: string;
  readonly headerRow: number;
  readonly nameColumn: number;
  readonly columns: Readonly<Record<CountColumn, number>>;
  /** What detection saw but did not read (a second 高职 column …), passed on as warnings. */
  readonly notes?: readonly string[];
}

/** A college read from the sheet, with the addresses of its cells. */
export interface GraduateRow extends College {
  readonly row: number;
  readonly cells: Readonly<Record<CountColumn | "name", string>>;
}

export interface GraduateTable {
  readonly layout: GraduateTableLayout;
  readonly colleges: readonly GraduateRow[];
  /** The year in a header such as 2022届毕业生人数, when there is one. */
  readonly year: number | null;
  readonly warnings: readonly string[];
}

/**
 * Header words real graduate tables use for each level (see README「毕业生人数表的表头」):
 * 普通本科/职业本科 are 本科 degrees; 专科, 大专, 高职专科, 高职高专 are the 高职 level (大专 diploma);
 * 中专, 中技 are the 中职 level. A bracketed part is dropped: 高职（专科）, 中职（中专）.
 * 五年一贯制 is left out on purpose: its students are 中职 on the roll for three years and leave
 * with a 大专 diploma, so which column it belongs to is the school's call (use the manual mapping).
 */
const LEVEL_WORDS: Readonly<Record<string, CountColumn>> = {
  本科: "undergraduate",
  普通本科: "undergraduate",
  职业本科: "undergraduate",
  高职: "higherVocational",
  专科: "higherVocational",
  大专: "higherVocational",
  高职专科: "higherVocational",
  高职高专: "higherVocational",
  中职: "secondaryVocational",
  中专: "secondaryVocational",
  中技: "secondaryVocational",
};
const LEVEL_HEADER = new RegExp(
  `^(${Object.keys(LEVEL_WORDS)
    .sort((a, b) => b.length - a.length)
    .join("|")})(生|毕业生)?(人数|数)?$`
);

/** 本科, 本科生, 专科人数, 高职（专科）, 2022届本科毕业生人数 … but not 本科取证任务. */
export function countColumnOf(text: string): CountColumn | null {
  const label = normalizeLabel(text)
    .replace(/^\d{4}届?/, "")
    .replace(/[（(][^)）]*[)）]/g, "");
  const match = LEVEL_HEADER.exec(label);
  return match ? LEVEL_WORDS[match[1]!]! : null;
}

const NAME_HEADER = /学院|单位|名称|部门|系部/;
const TOTAL_ROW = /^(合计|总计|小计|全校|共计)/;

interface Candidate {
  readonly row: number;
  readonly found: Partial<Record<CountColumn, number>>;
  /** Headers of a level already found on the row (e.g. both 高职 and 专科): only the first is read. */
  readonly extra: string[];
}

/** The header rows of one sheet: every row with at least one of 本科/高职/中职. */
function candidates(grid: Grid): Candidate[] {
  const result: Candidate[] = [];
  grid.rows.forEach((cells, row) => {
    const found: Partial<Record<CountColumn, number>> = {};
    const extra: string[] = [];
    eachCell(cells, (value, column) => {
      const kind = typeof value === "string" ? countColumnOf(value) : null;
      if (kind && found[kind] === undefined) found[kind] = column;
      else if (kind)
        extra.push(
          `工作表“${grid.name}”单元格 ${cellAddress(row, column)}“${String(value)}”也是${COUNT_LABELS[kind]}人数，只读取了 ${cellAddress(row, found[kind]!)}；如需合并，请手动指定列或先在表中合并`
        );
    });
    if (Object.keys(found).length > 0) result.push({ row, found, extra });
  });
  return result;
}

/** The college-name column: a header saying 学院/单位/名称 on the header row or just above it, else the text column left of the counts. */
export function findNameColumn(
  grid: Grid,
  headerRow: number,
  columns: Record<CountColumn, number>
): number {
  const first = Math.min(...Object.values(columns));
  for (let row = headerRow; row >= Math.max(0, headerRow - 2); row--) {
    for (let column = 0; column < first; column++) {
      if (NAME_HEADER.test(cellText(cellAt(grid, row, column)))) return column;
    }
  }
  for (let column = first - 1; column >= 0; column--) {
    const below = cellText(cellAt(grid, headerRow + 1, column));
    if (below !== "" && !/^\d+$/.test(below)) return column;
  }
  return -1;
}

/** Finds the graduate table on a sheet; null with a reason when it is not there. */
export function locateGraduateTable(grid: Grid): GraduateTableLayout | string {
  const found = candidates(grid);
  const complete = found.find((c) => COUNT_COLUMNS.every((k) => c.found[k] !== undefined));
  if (!complete) {
    if (found.length === 0) return `工作表“${grid.name}”中没有找到“本科”“高职”“中职”表头`;
    const best = found.reduce((a, b) =>
      Object.keys(b.found).length > Object.keys(a.found).length ? b : a
    );
    const missing = COUNT_COLUMNS.filter((k) => best.found[k] === undefined).map(
      (k) => COUNT_LABELS[k]
    );
    return `工作表“${grid.name}”第 ${best.row + 1} 行有表头 ${COUNT_COLUMNS.filter(
      (k) => best.found[k] !== undefined
    )
      .map((k) => `${COUNT_LABELS[k]}（${cellAddress(best.row, best.found[k]!)}）`)
      .join("、")}，缺少 ${missing.join("、")}`;
  }
  const columns = complete.found as Record<CountColumn, number>;
  const nameColumn = findNameColumn(grid, complete.row, columns);
  if (nameColumn < 0)
    return `工作表“${grid.name}”第 ${complete.row + 1} 行的表头左侧没有学院名称列`;
  return {
    sheet: grid.name,
    headerRow: complete.row,
    nameColumn,
    columns,
    ...(complete.extra.length ? { notes: complete.extra } : {}),
  };
}

function yearOf(grid: Grid, layout: GraduateTableLayout): number | null {
  for (let row = Math.max(0, layout.headerRow - 3); row <= layout.headerRow; row++) {
    for (const [, value] of cellsOf(grid.rows[row])) {
      const match = /(20\d{2})\s*届/.exec(cellText(value));
      if (match) return Number(match[1]);
    }
  }
  return null;
}

/**
 * Reads the colleges under a located header: rows until the first blank or note row; 合计 rows
 * are checked against the sum and skipped; digits stored as text are read.
 */
export function readGraduateTable(grid: Grid, layout: GraduateTableLayout): GraduateTable {
  const colleges: GraduateRow[] = [];
  const warnings: string[] = [...(layout.notes ?? [])];
  const seen = new Map<string, string>();
  for (let row = layout.headerRow + 1; row < grid.rows.length; row++) {
    const name = cellText(cellAt(grid, row, layout.nameColumn)).replace(/\s+/g, "");
    const step = rowStep(grid, layout, row, name, colleges.length > 0);
    if (step === "stop") break;
    if (step === "skip") continue;
    const counts = readCounts(grid, layout, row, name, warnings);
    if (TOTAL_ROW.test(name))
      warnings.push(...totalRowWarnings(grid, layout, row, counts, colleges));
    else colleges.push(collegeRow(grid, layout, row, name, counts, seen));
  }
  if (colleges.length === 0) {
    throw new InputError(`表头（第 ${layout.headerRow + 1} 行）下没有学院数据`).at(
      `工作表“${grid.name}”`
    );
  }
  return { layout, colleges, year: yearOf(grid, layout), warnings };
}

const where = (grid: Grid, row: number, column: number) =>
  `工作表“${grid.name}”单元格 ${cellAddress(row, column)}`;

const isBlank = (v: CellValue) => cellText(v) === "";

/**
 * What a row under the header is: the end of the table (a blank row after colleges, or a note),
 * a row to skip (blank rows before them, a second header row), or a row to read.
 */
function rowStep(
  grid: Grid,
  layout: GraduateTableLayout,
  row: number,
  name: string,
  started: boolean
): "stop" | "skip" | "read" {
  const countCells = COUNT_COLUMNS.map((k) => cellAt(grid, row, layout.columns[k]));
  if (name === "" && countCells.every(isBlank)) return started ? "stop" : "skip";
  if (name === "" && !started && countCells.every((v) => typeof v === "string" && !/\d/.test(v)))
    return "skip"; // a second header row
  return /^(注|说明|备注)/.test(name) ? "stop" : "read";
}

/** A row's three counts; a blank count of a named college reads as 0 with a warning. */
function readCounts(
  grid: Grid,
  layout: GraduateTableLayout,
  row: number,
  name: string,
  warnings: string[]
): Record<CountColumn, number> {
  const counts = {} as Record<CountColumn, number>;
  for (const k of COUNT_COLUMNS) {
    const column = layout.columns[k];
    try {
      counts[k] = parseCount(
        cellAt(grid, row, column) as string | number | boolean | null,
        `${COUNT_LABELS[k]}人数`
      );
    } catch (error) {
      if (error instanceof QuotaError) throw InputError.of(error).at(where(grid, row, column));
      throw error;
    }
    if (isBlank(cellAt(grid, row, column)) && name !== "" && !TOTAL_ROW.test(name)) {
      warnings.push(`${where(grid, row, column)} 为空，按 0 计算`);
    }
  }
  return counts;
}

/** A 合计 row's counts that differ from the sum of the colleges above it (blank ones are not checked). */
function totalRowWarnings(
  grid: Grid,
  layout: GraduateTableLayout,
  row: number,
  counts: Record<CountColumn, number>,
  colleges: readonly GraduateRow[]
): string[] {
  const warnings: string[] = [];
  for (const k of COUNT_COLUMNS) {
    const sum = colleges.reduce((a, c) => a + c[k], 0);
    if (sum !== counts[k] && !isBlank(cellAt(grid, row, layout.columns[k]))) {
      warnings.push(
        `${where(grid, row, layout.columns[k])} 合计为 ${counts[k]}，各学院之和为 ${sum}`
      );
    }
  }
  return warnings;
}

/** A college's row; a row without a name, or a name seen before, is an error. */
function collegeRow(
  grid: Grid,
  layout: GraduateTableLayout,
  row: number,
  name: string,
  counts: Record<CountColumn, number>,
  seen: Map<string, string>
): GraduateRow {
  const nameCell = where(grid, row, layout.nameColumn);
  if (name === "") throw new InputError("有人数但没有学院名称").at(nameCell);
  if (seen.has(name))
    throw new InputError(`学院“${name}”重复（另见 ${seen.get(name)}）`).at(nameCell);
  seen.set(name, cellAddress(row, layout.nameColumn));
  return {
    name,
    ...counts,
    row,
    cells: {
      name: cellAddress(row, layout.nameColumn),
      undergraduate: cellAddress(row, layout.columns.undergraduate),
      higherVocational: cellAddress(row, layout.columns.higherVocational),
      secondaryVocational: cellAddress(row, layout.columns.secondaryVocational),
    },
  };
}

/** Finds and reads the graduate table in the first sheet that has one. */
export function findGraduateTable(grids: readonly Grid[]): GraduateTable {
  const reasons: string[] = [];
  for (const grid of grids) {
    const layout = locateGraduateTable(grid);
    if (typeof layout === "string") {
      reasons.push(layout);
      continue;
    }
    return readGraduateTable(grid, layout);
  }
  throw new InputError(
    `没有找到毕业生人数表。需要一行表头，含“本科”“高职”（或“专科”）“中职”（或“中专”）（可带“生”“人数”“毕业生”），左侧一列为学院名称；也可以手动指定各列。${reasons.join("；")}`
  );
}
