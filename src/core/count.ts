import { QuotaError } from "./errors";
import { toHalfWidth } from "./text";

/** What a cell may hold when a head count is read from it. */
export type CountInput = number | string | boolean | null | undefined;

/**
 * A head count: a whole number ≥ 0. A blank (null, undefined or "") is 0, as Excel's own SUM
 * treats it; digits stored as text ("1,294", "２３８") are read.
 */
export function parseCount(value: CountInput, label = "人数"): number {
  if (value === null || value === undefined) return 0;
  if (typeof value === "boolean")
    throw new QuotaError("#VALUE!", `${label}应为数字，不能是逻辑值 ${value ? "TRUE" : "FALSE"}`);
  let n: number;
  if (typeof value === "number") {
    n = value;
  } else {
    const text = toHalfWidth(value).replace(/[\s,]/g, "");
    if (text === "") return 0;
    if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(text))
      throw new QuotaError("#VALUE!", `${label}“${value}”不是数字`);
    n = Number(text);
  }
  if (!Number.isFinite(n)) throw new QuotaError("#NUM!", `${label}不是有限的数`);
  if (n < 0) throw new QuotaError("#NUM!", `${label}不能为负数（${n}）`);
  if (!Number.isInteger(n)) throw new QuotaError("#NUM!", `${label}应为整数（${n}）`);
  if (!Number.isSafeInteger(n)) throw new QuotaError("#NUM!", `${label}过大（${n}）`);
  return n;
}

/** A number or a range (as Excel passes it: rows of cells), summed as counts. */
export function sumCounts(value: CountInput | CountInput[][], label = "人数"): number {
  if (!Array.isArray(value)) return parseCount(value, label);
  let total = 0;
  for (const row of value) {
    for (const cell of row) total += parseCount(cell, label);
  }
  if (!Number.isSafeInteger(total)) throw new QuotaError("#NUM!", `${label}合计过大`);
  return total;
}
