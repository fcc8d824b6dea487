import { readFileSync } from "fs";
import { join } from "path";
import type { College } from "../../src/core/quotaTables";

export const SAMPLE_DIR = join(__dirname, "..", "..", "samples", "plan-2022");

/** A published table as rows of cells, header first. */
export function readPlanCsv(name: string): string[][] {
  return readFileSync(join(SAMPLE_DIR, name), "utf8")
    .trim()
    .split(/\r?\n/)
    .map((line) => line.split(","));
}

export function planColleges(): College[] {
  return readPlanCsv("graduates.csv")
    .slice(1)
    .map(([name, u, h, s]) => ({
      name: name!,
      undergraduate: Number(u),
      higherVocational: Number(h),
      secondaryVocational: Number(s),
    }));
}
