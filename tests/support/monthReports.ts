/* Test support: a month's reports from several colleges, as the demo writes them. */
import { mkdirSync } from "fs";
import { join } from "path";
import { readGridsFromFile, writeModelToFile } from "../../src/adapters/xlsx/node";
import { demoReport } from "../../src/cli/demoReports";
import { readQuotaLookup } from "../../src/core/report/quotaLookup";

/** `count` colleges' reports for a month (from `first`: other colleges each month, so no report needs last month's). */
export async function monthReports(
  dir: string,
  quota: string,
  month: { year: number; month: number },
  first: number,
  count = 6
): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const quotas = readQuotaLookup(await readGridsFromFile(quota));
  for (const [i, targets] of quotas.colleges.slice(first, first + count).entries()) {
    const sheet = demoReport(targets, month, 0.3 + i / 20, 20);
    await writeModelToFile({ sheets: [sheet] }, join(dir, `${i + 1}-${targets.college}.xlsx`));
  }
}
