import { readdir, stat } from "fs/promises";
import { basename, dirname, join, resolve } from "path";

const REPORT_FILE = /\.(xlsx|csv)$/i;
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
 * Files, folders (their .xlsx and .csv files) and globs such as reports/*.xlsx, in a stable order;
 * a file named twice (say, by itself and by its folder) comes once.
 */
export async function expandInputs(inputs: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const input of inputs) {
    if (/[*?]/.test(basename(input))) {
      const dir = dirname(input);
      const pattern = globToRegExp(basename(input));
      const names = await readdir(dir).catch(() => [] as string[]);
      files.push(
        ...names
          .filter((n) => pattern.test(n) && !LOCK_FILE.test(n))
          .sort()
          .map((n) => join(dir, n))
      );
      continue;
    }
    const info = await stat(input).catch(() => null);
    if (info?.isDirectory()) {
      const names = await readdir(input);
      files.push(
        ...names
          .filter((n) => REPORT_FILE.test(n) && !LOCK_FILE.test(n))
          .sort()
          .map((n) => join(input, n))
      );
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
