import { basename } from "path";
import { generateQuotas } from "../core/generateQuotas";
import { quotaJson } from "./generateJson";
import { parseColumnMapping } from "../core/columnMapping";
import { parseFloors } from "../core/floors";
import { PLAN_2022_ONEX_EXCLUDE } from "../core/quotaTables";
import type { FormulaStyle } from "../core/quotaWorkbook";
import { parseRates } from "../core/rates";
import { readGridsFromFile, writeModelToFile } from "../adapters/xlsx/node";
import { QuotaError } from "../core/errors";
import { refuseToOverwrite } from "./overwriteGuard";
import { UsageError } from "./usage";
import { Output, printJson } from "./output";

export interface GenerateArgs {
  readonly input: string;
  readonly output: string;
  readonly formulas?: string;
  readonly rates?: string;
  readonly floors?: string;
  readonly onexExclude?: string;
  readonly apportion?: boolean;
  /** 本科=C,高职=D,中职=E: the columns when the header is not found. */
  readonly columns?: string;
  readonly json?: boolean;
  /** Write over a workbook that is not a quota workbook (a master, a person's own). */
  readonly force?: boolean;
  readonly year?: string;
}

/**
 * The styles a file may hold. Not "quota": Excel saves JavaScript custom functions under an
 * internal prefix (_xldudf_) and does not calculate a QUOTA.* formula written without it until it
 * is re-entered (OfficeDev/Excel-Custom-Functions#108); the exact saved form is not documented.
 */
const STYLES: readonly FormulaStyle[] = ["native", "values"];
const QUOTA_IN_FILE =
  "--formulas quota 已不再支持：文件中的 QUOTA 函数在 Excel 打开时不会计算（需逐个重新输入）。" +
  "请用 --formulas native（普通公式，Excel、WPS 通用，改参数表即重算）或 values（仅数值）；" +
  "需要 QUOTA 函数时，请在 Excel 中打开任务窗格生成";

export function parseOnexExclude(value: string | undefined): readonly string[] {
  if (value === undefined) return PLAN_2022_ONEX_EXCLUDE;
  if (value.trim() === "" || value.trim().toLowerCase() === "none") return [];
  return value
    .split(/[,，、]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** `quota generate`: graduate counts in, 表1–表4 out. */
export async function generate(args: GenerateArgs, out: Output): Promise<number> {
  const formulas = (args.formulas ?? "native") as FormulaStyle;
  if (formulas === "quota") throw new UsageError(QUOTA_IN_FILE);
  if (!STYLES.includes(formulas)) throw new UsageError(`--formulas 应为 ${STYLES.join("、")} 之一`);
  let rates, floors, columns;
  try {
    rates = parseRates(args.rates);
    floors = parseFloors(args.floors);
    columns = args.columns === undefined ? undefined : parseColumnMapping(args.columns);
  } catch (error) {
    if (error instanceof QuotaError) throw new UsageError(error.message);
    throw error;
  }
  await refuseToOverwrite(args.output, "quotas", args.force);
  const year = args.year === undefined ? undefined : Number(args.year);
  if (year !== undefined && !(Number.isInteger(year) && year >= 2000 && year <= 2100))
    throw new UsageError(`--year 应为四位年份，如 2022（收到“${args.year}”）`);
  const grids = await readGridsFromFile(args.input);
  const result = (() => {
    try {
      return generateQuotas(grids, {
        rates,
        floors,
        formulas,
        year,
        onexExclude: parseOnexExclude(args.onexExclude),
        totals: args.apportion ? "apportion" : "published",
        columns,
      });
    } catch (error) {
      if (error instanceof QuotaError) throw error.at(`文件“${basename(args.input)}”`);
      throw error;
    }
  })();
  await writeModelToFile(result.workbook, args.output);
  if (args.json) {
    printJson(out, quotaJson(result.tables, result.graduates.warnings));
    return 0;
  }
  const t = result.tables.totals;
  out.stdout(`已生成任务分配表：${args.output}`);
  out.stdout(
    `  ${result.tables.rows.length} 个学院；培训任务 ${t.training} 人次，高级工及以上 ${t.advanced} 人，非高级工及以上 ${t.nonadvanced} 人，1+X ${t.onex} 人`
  );
  for (const w of result.graduates.warnings) out.stderr(`  注意：${w}`);
  for (const note of result.tables.notes)
    if (note.level === "warning") out.stderr(`  注意：${note.message}`);
  return 0;
}
