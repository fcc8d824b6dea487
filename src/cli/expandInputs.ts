import { readdir, stat } from "fs/promises";
import { basename, dirname, join, resolve } from "path";
import { UsageError } from "./usage";

/** What a folder may hold as a report (every spreadsheet format the reader takes). */
const REPORT_FILE = /\.(xlsx|xlsm|xls|et|ods|csv)$/i;
/** Hidden and system folders people do not mean (.git, __MACOSX from a zip). */
const SKIPPED_FOLDER = /^(\.|__MACOSX$)/;
/** Excel's lock files (~$name.xlsx) sit beside open workbooks. */
const LOCK_FILE = /^~\$/;

function globToRegExp(pattern: string): RegExp {
  const escaped = pattern
    .replace(/[.+^${}()|[\]\\]/g, "\\$&")
    .replace(/\*/g, ".*")
    .replace(/\?/g, ".");
  return new RegExp(`^${escaped}$`, "i");
}

/** The report files in a folder and its subfolders (one per college, say), in a stable order. */
async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  const found: string[] = [];
  for (const e of [...entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (e.isDirectory() && !SKIPPED_FOLDER.test(e.name))
      found.push(...(await filesUnder(join(folder, e.name))));
    else if (e.isFile() && REPORT_FILE.test(e.name) && !LOCK_FILE.test(e.name))
      found.push(join(folder, e.name));
  }
  return found;
}

/**
 * Files, folders (their .xlsx, .xls, .et, .ods and .csv files, subfolders included) and globs such as reports/*.xlsx, in a stable order;
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
      const reports = await filesUnder(input);
      if (reports.length === 0)
        throw new UsageError(
          `文件夹“${input}”（含子文件夹）中没有找到任何 .xlsx 或 .csv 月报表文件`
        );
      files.push(...reports);
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
