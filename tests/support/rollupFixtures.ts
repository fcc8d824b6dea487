/* What the CLI roll-up tests share: the sample's quota workbook, a folder of reports, a master
   read back, and the figures of the colleges whose reports they write. */
import { mkdirSync } from "fs";
import { join } from "path";
import { readGridsFromFile } from "../../src/adapters/xlsx/node";
import type { Grid } from "../../src/core/grid";
import { QuotaLookup, readQuotaLookup } from "../../src/core/report/quotaLookup";
import type { SectionKey } from "../../src/core/report/reportLayout";
import type { LedgerRow } from "../../src/core/rollup/ledger";
import { readLedger } from "../../src/core/rollup/ledgerSheet";
import { SAMPLE_DIR } from "./planData";
import type { Done } from "./reportFactory";
import { CliRun, runCli } from "./runCli";

export const MAY = { year: 2022, month: 5 } as const;
export const JUNE = { year: 2022, month: 6 } as const;

/** 当月完成 and 累计已完成 per section of one report; a section left out is 0 / 0. */
export type Figures = Partial<Record<SectionKey, Done>>;

// 外国语学院 (targets 369/78/71/16): June = May + June's 当月完成 (110 + 40 = 150 …).
export const FOREIGN_MAY: Figures = {
  training: [30, 110],
  advanced: [8, 20],
  nonadvanced: [6, 22],
  onex: [1, 4],
};
export const FOREIGN_JUNE: Figures = {
  training: [40, 150],
  advanced: [10, 30],
  nonadvanced: [8, 30],
  onex: [2, 6],
};
// 传媒学院 (targets 411/23/104/5).
export const MEDIA_JUNE: Figures = {
  training: [50, 200],
  advanced: [3, 10],
  nonadvanced: [10, 50],
  onex: [1, 2],
};

/** `quota generate` of the bundled sample into `path`, and the quota workbook read back. */
export async function sampleQuotas(path: string): Promise<QuotaLookup> {
  const run = await runCli("generate", join(SAMPLE_DIR, "graduates.csv"), "-o", path);
  expect([run.code, run.stderr]).toEqual([0, expect.any(String)]);
  return readQuotaLookup(await readGridsFromFile(path));
}

/** A folder `name` under `parent`, made if it is not there. */
export function subfolder(parent: string, name: string): string {
  const dir = join(parent, name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** `quota rollup <reports> --into <master> -o <master> [--quotas <quotas>] …extra`. */
export function rollupInto(
  reports: string,
  master: string,
  quotas: string | null,
  ...extra: string[]
): Promise<CliRun> {
  const withQuotas = quotas === null ? [] : ["--quotas", quotas];
  return runCli("rollup", reports, "--into", master, "-o", master, ...withQuotas, ...extra);
}

/** A workbook's sheets by name, as the reader gives them. */
export async function sheetsOf(file: string): Promise<Map<string, Grid>> {
  return new Map((await readGridsFromFile(file)).map((g) => [g.name, g]));
}

/** The 月报台账 of a master (or the ledger sheet of another name). */
export async function ledgerOf(file: string, sheet?: string): Promise<LedgerRow[]> {
  return readLedger(await readGridsFromFile(file), sheet);
}
