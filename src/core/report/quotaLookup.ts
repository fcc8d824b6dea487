import { InputError } from "../errors";
import { Grid, cellAddress, cellAt, cellText } from "../grid";
import type { CollegeQuota } from "../quotaTables";
import { normalizeLabel } from "../text";
import { readCount } from "./readCount";
import type { SectionKey } from "./reportLayout";

/** One college's 年度任务 per section; onex is null when 表4 leaves the college out. */
export interface CollegeTargets {
  readonly college: string;
  readonly training: number;
  readonly advanced: number;
  readonly nonadvanced: number;
  readonly onex: number | null;
}

export interface CollegeMatch {
  readonly targets: CollegeTargets;
  /** True when the name was matched only by its ending (e.g. 某某大学经济管理学院). */
  readonly bySuffix: boolean;
}

export interface QuotaLookup {
  readonly colleges: readonly CollegeTargets[];
  /** The college a 填报单位 names, after normalizeLabel and without a trailing （公章）. */
  match(name: string): CollegeMatch | undefined;
  find(name: string): CollegeTargets | undefined;
}

const SEAL = /(\((公章|盖章|签章|章)\)|公章|盖章)$/;

/** A college name as compared: half-width, no white space, no trailing （公章）. */
export function collegeKey(name: string): string {
  let key = normalizeLabel(name).replace(/["“”『』「」]/g, "");
  while (SEAL.test(key)) key = key.replace(SEAL, "").replace(/[:]+$/, "");
  return key;
}

/** A college name for display: white space and a trailing （公章） removed, the rest as written. */
export function cleanCollegeName(name: string): string {
  let text = name.replace(/\s+/g, "");
  const seal = /([（(](公章|盖章|签章|章)[)）]|公章|盖章)[:：]?$/;
  while (seal.test(text)) text = text.replace(seal, "");
  return text;
}

export function quotaLookup(colleges: readonly CollegeTargets[]): QuotaLookup {
  const byKey = new Map(colleges.map((c) => [collegeKey(c.college), c]));
  const match = (name: string): CollegeMatch | undefined => {
    const key = collegeKey(name);
    if (key === "") return undefined;
    const exact = byKey.get(key);
    if (exact) return { targets: exact, bySuffix: false };
    const endings = [...byKey.entries()]
      .filter(([k]) => key.endsWith(k))
      .sort((a, b) => b[0].length - a[0].length);
    return endings.length > 0 ? { targets: endings[0]![1], bySuffix: true } : undefined;
  };
  return { colleges, match, find: (name) => match(name)?.targets };
}

/** The lookup for tables the core has just computed (the pane holds them). */
export function quotaLookupFromTables(rows: readonly CollegeQuota[]): QuotaLookup {
  return quotaLookup(
    rows.map(({ college, training, advanced, nonadvanced, onex }) => ({
      college,
      training,
      advanced,
      nonadvanced,
      onex,
    }))
  );
}

const TABLES: readonly [string, SectionKey][] = [
  ["表1", "training"],
  ["表2", "advanced"],
  ["表3", "nonadvanced"],
  ["表4", "onex"],
];
const NAME_HEADER = /学院名称|^二级学院$|^学院$|^单位$|单位名称/;
const TOTAL_ROW = /^(合计|总计|小计|全校|共计)/;
const NOT_QUOTA = "不是本工具生成的任务分配表";

/** Colleges and quotas of one table: the header row with 二级学院名称, the quota in its last column. */
function readTable(grid: Grid, table: string): Map<string, { college: string; quota: number }> {
  const where = `工作表“${grid.name}”`;
  let headerRow = -1;
  let nameColumn = -1;
  for (let row = 0; row < Math.min(grid.rows.length, 10) && headerRow < 0; row++) {
    const column = (grid.rows[row] ?? []).findIndex((v) =>
      NAME_HEADER.test(normalizeLabel(cellText(v)))
    );
    if (column >= 0) [headerRow, nameColumn] = [row, column];
  }
  if (headerRow < 0)
    throw new InputError(`${NOT_QUOTA}：${table} 中没有“二级学院名称”表头`).at(where);
  const header = grid.rows[headerRow] ?? [];
  let quotaColumn = header.length - 1;
  while (quotaColumn > nameColumn && cellText(header[quotaColumn] ?? null) === "") quotaColumn--;
  if (
    quotaColumn <= nameColumn ||
    !normalizeLabel(cellText(header[quotaColumn] ?? null)).includes("任务")
  ) {
    throw new InputError(`${NOT_QUOTA}：${table} 表头最后一列不是“任务”`).at(where);
  }
  const rows = new Map<string, { college: string; quota: number }>();
  for (let row = headerRow + 1; row < grid.rows.length; row++) {
    const name = cellText(cellAt(grid, row, nameColumn)).replace(/\s+/g, "");
    if (name === "") {
      if (rows.size > 0) break;
      continue;
    }
    if (TOTAL_ROW.test(name)) break;
    const reading = readCount(cellAt(grid, row, quotaColumn));
    if (reading.kind !== "count") {
      const problem =
        reading.kind === "empty"
          ? "没有数值（若是公式，请在 Excel 中打开并保存后再试）"
          : `“${reading.shown}”不是整数`;
      throw new InputError(`${table} “${name}”的任务${problem}`).at(
        `${where}单元格 ${cellAddress(row, quotaColumn)}`
      );
    }
    rows.set(collegeKey(name), { college: name, quota: reading.value });
  }
  if (rows.size === 0) throw new InputError(`${NOT_QUOTA}：${table} 中没有学院`).at(where);
  return rows;
}

/**
 * Reads 表1–表4 of a quota workbook back: college → 培训任务, 高级工及以上, 非高级工及以上, 1+X
 * (null when 表4 leaves the college out). Sheets are found by their name (表1…), columns by the headers.
 */
export function readQuotaLookup(grids: readonly Grid[]): QuotaLookup {
  const tables = {} as Record<SectionKey, Map<string, { college: string; quota: number }>>;
  for (const [table, key] of TABLES) {
    const grid = grids.find((g) => normalizeLabel(g.name).startsWith(table));
    if (!grid) throw new InputError(`${NOT_QUOTA}：没有工作表“${table}”（应有 表1–表4）`);
    tables[key] = readTable(grid, table);
  }
  const colleges: CollegeTargets[] = [];
  for (const [key, { college, quota }] of tables.training) {
    const quotaIn = (section: "advanced" | "nonadvanced") => {
      const found = tables[section].get(key);
      if (!found)
        throw new InputError(
          `任务分配表的 ${section === "advanced" ? "表2" : "表3"} 中没有“${college}”`
        );
      return found.quota;
    };
    colleges.push({
      college,
      training: quota,
      advanced: quotaIn("advanced"),
      nonadvanced: quotaIn("nonadvanced"),
      onex: tables.onex.get(key)?.quota ?? null,
    });
  }
  return quotaLookup(colleges);
}
