import { readdir, stat } from "fs/promises";
import { basename, dirname, join, resolve } from "path";
import { UsageError } from "./usage";

const REPORT_FILE = /\.(xlsx|xlsm|xls|et|ods|csv)$/i;
/** Excel's lock files (~$name.xlsx) sit beside open workbooks. */
const LOCK_FILE = /^~\$/;

function globToRegExp(pattern: string): RegExp {
  const escaped = pattern
    .replace(/[.+^${}()|[\]\\]/g, "\\$&")
    .replace(/\*/g, ".*")
    .replace(/\?/g, ".");
  return new RegExp(`^${escaped}$`, "i");
}

/**
 * Files, folders (their .xlsx, .xls, .et, .ods and .csv files) and globs such as reports/*.xlsx, in a stable order;
 * a file named twice (say, by itself and by its folder) comes once. A glob or folder that gives
 * no file is a usage error: a report silently left out would be counted as not sent.
 */
export async function expandInputs(inputs: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const input of inputs) {
    if (/[*?]/.test(dirname(input)))
      throw new UsageError(`通配符只能用在文件名中，不能用在文件夹名中（“${input}”）`);
    if (/[*?]/.test(basename(input))) {
      const dir = dirname(input);
      const pattern = globToRegExp(basename(input));
      const names = await readdir(dir).catch(() => [] as string[]);
      const matched = names.filter((n) => pattern.test(n) && !LOCK_FILE.test(n)).sort();
      if (matched.length === 0) throw new UsageError(`没有与“${input}”匹配的文件`);
      files.push(...matched.map((n) => join(dir, n)));
      continue;
    }
    const info = await stat(input).catch(() => null);
    if (info?.isDirectory()) {
      const names = await readdir(input);
      const reports = names.filter((n) => REPORT_FILE.test(n) && !LOCK_FILE.test(n)).sort();
      if (reports.length === 0)
        throw new UsageError(`文件夹“${input}”中没有找到任何 .xlsx 或 .csv 月报表文件`);
      files.push(...reports.map((n) => join(input, n)));
    } else files.push(input);
  }
  const seen = new Set<string>();
  return files.filter((f) => {
    const key = resolve(f);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
