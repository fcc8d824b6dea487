import { InputError } from "./errors";
import type { Grid } from "./grid";
import {
  GraduateTable,
  GraduateTableLayout,
  findGraduateTable,
  readGraduateTable,
} from "./graduateTable";
import { QuotaOptions, QuotaTables, buildQuotaTables } from "./quotaTables";
import {
  FormulaStyle,
  QUOTA_SHEETS,
  QuotaSheetKey,
  QuotaSheetNames,
  buildQuotaWorkbook,
} from "./quotaWorkbook";
import type { WorkbookModel } from "./workbookModel";

/** What is known of the workbook the tables go into. */
export interface ExistingWorkbook {
  readonly sheetNames: readonly string[];
  /** Ownership key → the sheet of ours that carries it. */
  readonly owned: ReadonlyMap<string, string>;
}

export interface QuotaSheetPlan {
  readonly graduates: GraduateTable;
  readonly tables: QuotaTables;
  readonly model: WorkbookModel;
  /** Sheets of ours that will be rewritten (ask first). */
  readonly replacing: readonly string[];
  /** Usual names taken by sheets that are not ours, and the names used instead. */
  readonly renamed: readonly (readonly [string, string])[];
}

export interface PlanOptions extends QuotaOptions {
  readonly formulas: FormulaStyle;
  /** The user's own reading of the table, when detection failed. */
  readonly layout?: GraduateTableLayout;
}

/**
 * Decides where 表1–表4, 参数 and 说明 go in an open workbook: our own sheets are updated in
 * place, a sheet that is not ours is never touched (ours take another name), and the quota
 * formulas follow the graduate sheet's cells.
 */
export function planQuotaSheets(
  grid: Grid,
  workbook: ExistingWorkbook,
  options: PlanOptions
): QuotaSheetPlan {
  if ([...workbook.owned.values()].includes(grid.name)) {
    throw new InputError(
      `“${grid.name}”是本工具生成的工作表。请切换到毕业生人数所在的工作表后再生成`
    );
  }
  const graduates = options.layout
    ? readGraduateTable(grid, options.layout)
    : findGraduateTable([grid]);
  const tables = buildQuotaTables(graduates.colleges, options);
  const taken = new Set(workbook.sheetNames);
  const names = {} as Record<QuotaSheetKey, string>;
  const replacing: string[] = [];
  const renamed: [string, string][] = [];
  for (const key of Object.keys(QUOTA_SHEETS) as QuotaSheetKey[]) {
    const mine = workbook.owned.get(key);
    if (mine && taken.has(mine)) {
      names[key] = mine;
      replacing.push(mine);
      continue;
    }
    const usual = QUOTA_SHEETS[key];
    let name: string = usual;
    for (let n = 1; taken.has(name); n++) name = `${usual}（任务${n > 1 ? n : ""}）`;
    if (name !== usual) renamed.push([usual, name]);
    taken.add(name);
    names[key] = name;
  }
  const model = buildQuotaWorkbook(tables, {
    formulas: options.formulas,
    year: graduates.year,
    sheetNames: names as QuotaSheetNames,
    source: { sheet: grid.name, cells: graduates.colleges.map((c) => c.cells) },
  });
  return { graduates, tables, model, replacing, renamed };
}
