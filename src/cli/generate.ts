import { basename } from "path";
import { generateQuotas, quotaJson } from "../core/generateQuotas";
import { parseFloors } from "../core/floors";
import { PLAN_2022_ONEX_EXCLUDE } from "../core/quotaTables";
import type { FormulaStyle } from "../core/quotaWorkbook";
import { parseRates } from "../core/rates";
import { readGridsFromFile, writeModelToFile } from "../adapters/xlsx/node";
import { QuotaError } from "../core/errors";
import { UsageError } from "./usage";
import type { Output } from "./output";

export interface GenerateArgs {
  readonly input: string;
  readonly output: string;
  readonly formulas?: string;
  readonly rates?: string;
  readonly floors?: string;
  readonly onexExclude?: string;
  readonly apportion?: boolean;
  readonly json?: boolean;
  readonly year?: string;
}

const STYLES: readonly FormulaStyle[] = ["native", "values", "quota"];

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
  if (!STYLES.includes(formulas)) throw new UsageError(`--formulas 应为 ${STYLES.join("、")} 之一`);
  let rates, floors;
  try {
    rates = parseRates(args.rates);
    floors = parseFloors(args.floors);
  } catch (error) {
    if (error instanceof QuotaError) throw new UsageError(error.message);
    throw error;
  }
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
      });
    } catch (error) {
      if (error instanceof QuotaError) throw error.at(`文件“${basename(args.input)}”`);
      throw error;
    }
  })();
  await writeModelToFile(result.workbook, args.output);
  if (args.json) {
    out.stdout(JSON.stringify(quotaJson(result.tables, result.graduates.warnings), null, 2));
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
