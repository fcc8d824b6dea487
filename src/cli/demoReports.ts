import { buildReportTemplate, TEMPLATE_CELLS } from "../core/report/buildReportTemplate";
import type { CollegeTargets } from "../core/report/quotaLookup";
import { SECTION_KEYS, SectionKey } from "../core/report/reportLayout";
import { buildListSheets } from "../core/lists/buildListSheets";
import type { YearMonth } from "../core/report/reportMonth";
import { percent } from "../core/rollup/rollupSummary";
import { parseAddress } from "../core/grid";
import type { ModelCell, ModelValue, SheetModel } from "../core/workbookModel";

/** A sheet with some cells' values replaced; formulas and styles stay, the value is their cached result. */
export function fill(sheet: SheetModel, values: Readonly<Record<string, ModelValue>>): SheetModel {
  const cells = sheet.cells.map((row) => [...row]) as (ModelCell | null)[][];
  for (const [address, value] of Object.entries(values)) {
    const { row, column } = parseAddress(address);
    const target = (cells[row] ??= []);
    target[column] = { ...(target[column] ?? { value: null }), value };
  }
  return { ...sheet, cells };
}

/**
 * A filled-in 附件6 for the demo: the college has done `share` of each target by the month,
 * `monthShare` of that in the month itself; filed on `day`. `broken` writes a 当月完成 larger than
 * the 累计, which the validator must catch.
 */
export function demoReport(
  targets: CollegeTargets,
  month: YearMonth,
  share: number,
  day: number,
  broken = false
): SheetModel {
  const values: Record<string, ModelValue> = {};
  for (const s of SECTION_KEYS) {
    const target = targets[s] ?? 0;
    const cumulative = Math.round(target * share);
    const done = broken && s === "training" ? cumulative + 5 : Math.round(cumulative / 3);
    const cells = TEMPLATE_CELLS.sections[s];
    values[cells.month] = done;
    values[cells.cumulative] = cumulative;
    values[cells.rate] = percent(cumulative, target);
  }
  values[TEMPLATE_CELLS.filer] = "张老师";
  values[TEMPLATE_CELLS.head] = "李院长";
  values[TEMPLATE_CELLS.date.year] = month.year;
  values[TEMPLATE_CELLS.date.month] = month.month;
  values[TEMPLATE_CELLS.date.day] = day;
  return fill(buildReportTemplate({ college: targets.college, month, targets }), values);
}

/** A list row's fields after 序号, 学号 and 姓名 (专业, 年级, 学历层次): one cohort, 1+X-eligible all year. */
const COHORT = ["会计", "2019级", "高职（专科）"] as const;

/** The day of the k-th row: in the report month (k < inMonth), else spread over the months before. */
function dayOf(k: number, inMonth: number, month: YearMonth): string {
  const m = k < inMonth ? month.month : 1 + ((k - inMonth) % Math.max(1, month.month - 1));
  return `${month.year}-${String(m).padStart(2, "0")}-${String(1 + (k % 27)).padStart(2, "0")}`;
}

/** Rows under a list template's title and header. */
const withRows = (sheet: SheetModel, rows: readonly ModelValue[][]): SheetModel => ({
  ...sheet,
  cells: [...sheet.cells, ...rows.map((r) => r.map((v) => (v === null ? null : { value: v })))],
});

/** Persons per kind of certificate so that every section counts as the form says ("also" reading). */
function certificatePlan(c: Readonly<Record<SectionKey, readonly [number, number]>>) {
  // [in the month, before it] per section; 1+X 中级 also counts in 高级工及以上, 初级 in 非高级工.
  const split = (s: SectionKey) => [c[s][0], c[s][1] - c[s][0]] as const;
  const [oj, oe] = split("onex");
  const [aj, ae] = split("advanced");
  const [nj, ne] = split("nonadvanced");
  const mid = [Math.min(oj, aj), Math.min(oe, ae)] as const;
  const low = [oj - mid[0], oe - mid[1]] as const;
  if (low[0] > nj || low[1] > ne) throw new Error("demo: 1+X 初级 more than 非高级工");
  return [
    ["1+X证书", "中级", mid],
    ["1+X证书", "初级", low],
    ["职业技能等级证书", "高级工", [aj - mid[0], ae - mid[1]]],
    ["职业技能等级证书", "中级工", [nj - low[0], ne - low[1]]],
  ] as const;
}

/**
 * The demo's 培训名单 and 取证名单 for a report made by demoReport with the same share: as many
 * rows as the form's 累计已完成 (one per 人次, one certificate per person), those of 当月完成 dated
 * in the month and the rest before it. `college` numbers the students and certificates;
 * `number` replaces the 证书编号 of the first certificate (a planted duplicate).
 */
export function demoLists(
  targets: CollegeTargets,
  month: YearMonth,
  share: number,
  college: number,
  number?: string
): SheetModel[] {
  const counts = {} as Record<SectionKey, readonly [number, number]>;
  for (const s of SECTION_KEYS) {
    const cumulative = Math.round((targets[s] ?? 0) * share);
    counts[s] = [Math.round(cumulative / 3), cumulative];
  }
  const id = (k: number) => `2019${String(college).padStart(3, "0")}${String(k).padStart(5, "0")}`;
  const training: ModelValue[][] = [];
  for (let k = 0; k < counts.training[1]; k++)
    training.push([
      k + 1,
      id(k),
      "学生",
      ...COHORT,
      "会计实务",
      "培训",
      dayOf(k, counts.training[0], month),
    ]);
  const certificates: ModelValue[][] = [];
  for (const [type, rank, [inMonth, before]] of certificatePlan(counts))
    for (let k = 0; k < inMonth + before; k++) {
      const n = certificates.length;
      const no = n === 0 && number ? number : `ZS${id(n)}`;
      certificates.push([
        n + 1,
        id(n),
        "学生",
        ...COHORT,
        type,
        "会计",
        rank,
        no,
        dayOf(k, inMonth, month),
      ]);
    }
  const [t, c] = buildListSheets({ college: targets.college, month });
  return [withRows(t!, training), withRows(c!, certificates)];
}
