/* Issue 10, drills with real processes: the CLI compiled once into a temp folder and run as
   `node`: two roll-ups into one master at once, a lock left by a dead run, kill -9 in the
   middle of a write, `| head -1` (EPIPE), control characters in a file name. */
import { ChildProcess, execFileSync, spawn } from "child_process";
import { existsSync, readFileSync, readdirSync, writeFileSync } from "fs";
import { hostname } from "os";
import { join, resolve } from "path";
import { streamModelToFile } from "../../src/adapters/xlsx/node";
import { lockPathOf } from "../../src/adapters/fs/masterLock";
import type { QuotaLookup } from "../../src/core/report/quotaLookup";
import type { SectionKey } from "../../src/core/report/reportLayout";
import type { LedgerRow } from "../../src/core/rollup/ledger";
import { ledgerSheet } from "../../src/core/rollup/ledgerSheet";
import { Done, writeReport } from "../support/reportFactory";
import { runCli } from "../support/runCli";
import { JUNE, ledgerOf, rollupInto, sampleQuotas, subfolder } from "../support/rollupFixtures";
import { useTempDir } from "../support/tempDir";

const ROOT = resolve(__dirname, "..", "..");
const tmp = useTempDir("trust-process-");
jest.setTimeout(240_000);

const DONE: Partial<Record<SectionKey, Done>> = { training: [40, 150], advanced: [10, 30] };

let cli = "";
let quotaFile = "";
let quotas: QuotaLookup;

beforeAll(async () => {
  const out = join(tmp(), "cli-build");
  execFileSync(
    process.execPath,
    [
      join(ROOT, "node_modules", "typescript", "bin", "tsc"),
      "-p",
      "tsconfig.cli.json",
      "--outDir",
      out,
    ],
    { cwd: ROOT, stdio: "inherit" }
  );
  cli = join(out, "run.js");
  writeFileSync(
    cli,
    'require("./cli/main.js").main(process.argv.slice(2)).then((code) => { process.exitCode = code; });'
  );
  quotaFile = join(tmp(), "任务分配表.xlsx");
  quotas = await sampleQuotas(quotaFile);
});

interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function start(args: readonly string[]): { child: ChildProcess; done: Promise<Finished> } {
  const child = spawn(process.execPath, [cli, ...args], {
    env: { ...process.env, NODE_PATH: join(ROOT, "node_modules") },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout!.setEncoding("utf8").on("data", (d: string) => (stdout += d));
  child.stderr!.setEncoding("utf8").on("data", (d: string) => (stderr += d));
  const done = new Promise<Finished>((resolveDone) =>
    child.on("close", (code, signal) => resolveDone({ code, signal, stdout, stderr }))
  );
  return { child, done };
}

const folder = (name: string) => subfolder(tmp(), name);
/** A June report of the college's (DONE, filed on the 20th) as `dir/name`. */
const juneReport = (dir: string, name: string, college: string) =>
  writeReport(dir, name, { targets: quotas.find(college)!, month: JUNE, done: DONE });
const leftovers = (dir: string) => readdirSync(dir).filter((n) => /(tmp|quota-lock)$/.test(n));

test("two roll-ups into one master at once: the second waits for the first, no row is lost", async () => {
  const a = folder("concurrent-a");
  const b = folder("concurrent-b");
  await juneReport(a, "外国语学院-2022年6月.xlsx", "外国语学院");
  await juneReport(b, "传媒学院-2022年6月.xlsx", "传媒学院");
  const master = join(tmp(), "concurrent.xlsx");
  const first = await runCli("rollup", a, "-o", master, "--quotas", quotaFile);
  expect(first.code).toBe(0);
  writeFileSync(master, readFileSync(master)); // both start from this master
  const args = (dir: string) => [
    "rollup",
    dir,
    "--into",
    master,
    "-o",
    master,
    "--quotas",
    quotaFile,
  ];
  const runs = await Promise.all([start(args(a)).done, start(args(b)).done]);
  expect(runs.map((r) => [r.code, r.stderr.includes("Error")])).toEqual([
    [0, false],
    [0, false],
  ]);
  expect([...new Set((await ledgerOf(master)).map((r) => r.college))].sort()).toEqual(
    ["传媒学院", "外国语学院"].sort()
  );
  expect(leftovers(tmp())).toEqual([]);
});

test("a lock held by a live run refuses with who holds it; one left by a dead run is taken over", async () => {
  const dir = folder("locked");
  await juneReport(dir, "外国语学院-2022年6月.xlsx", "外国语学院");
  const master = join(tmp(), "locked.xlsx");
  const lock = lockPathOf(master);
  const holder = (pid: number) =>
    JSON.stringify({ pid, host: hostname(), time: new Date().toISOString() });
  writeFileSync(lock, holder(process.pid));
  const refused = await runCli("rollup", dir, "-o", master, "--quotas", quotaFile);
  expect(refused.code).toBe(1);
  expect(refused.stderr).toContain(`另一个汇总正在写入这份总表（进程 ${process.pid}`);
  expect(existsSync(master)).toBe(false);
  // A pid that has exited: the lock it left is stale.
  const gone = spawn(process.execPath, ["-e", ""]);
  await new Promise((done) => gone.on("close", done));
  writeFileSync(lock, holder(gone.pid!));
  const run = await runCli("rollup", dir, "-o", master, "--quotas", quotaFile);
  expect(run.code).toBe(0);
  expect(existsSync(lock)).toBe(false);
});

test("kill -9 in the middle of writing the master: the master is whole, and the next run is not hindered", async () => {
  const dir = folder("killed");
  await juneReport(dir, "外国语学院-2022年6月.xlsx", "外国语学院");
  // A master with a long ledger, so that its write takes a while.
  const rows: LedgerRow[] = Array.from({ length: 3_000 }, (_, i) => ({
    college: `学院${i % 500}`,
    month: "2022-05",
    section: "training",
    target: 100,
    done: 1,
    cumulative: 1,
    file: `f${i}.xlsx`,
    sha256: "0".repeat(64),
    importedAt: "2022-05-30T00:00:00.000Z",
    filer: null,
    filedOn: null,
  }));
  const master = join(tmp(), "killed.xlsx");
  await streamModelToFile({ sheets: [ledgerSheet(rows)] }, master);
  const before = readFileSync(master);
  const { child, done } = start(["rollup", dir, "--into", master, "-o", master]);
  // Killed as soon as its temp file appears beside the master.
  const killed = await new Promise<boolean>((resolveKill) => {
    const poll = setInterval(() => {
      if (
        readdirSync(tmp()).some((n) => n.startsWith(".killed.xlsx.") && n.endsWith("quota-tmp"))
      ) {
        clearInterval(poll);
        child.kill("SIGKILL");
        resolveKill(true);
      }
    }, 2);
    child.on("close", () => {
      clearInterval(poll);
      resolveKill(false);
    });
  });
  const finished = await done;
  expect([killed, finished.signal]).toEqual([true, "SIGKILL"]);
  expect(readFileSync(master).equals(before)).toBe(true);
  expect(leftovers(tmp()).length).toBeGreaterThan(0); // the lock and the temp file of the dead run

  const next = await rollupInto(dir, master, null);
  expect(next.code).toBe(0);
  expect((await ledgerOf(master)).length).toBe(3_000 + 4);
  expect(leftovers(tmp())).toEqual([]);
});

test("`quota validate … | head -1`: a closed pipe ends the output quietly", async () => {
  const dir = folder("epipe");
  for (let i = 0; i < 20; i++) await juneReport(dir, `${i}-2022年6月.xlsx`, "外国语学院");
  const { child, done } = start(["validate", dir, "--json"]);
  child.stdout!.destroy(); // the reader is gone before the first line
  const run = await done;
  expect(run.stderr).not.toMatch(/EPIPE|内部错误|at /);
  expect(run.code).toBe(0); // validate's own verdict (every report valid), not a crash
});

test("control characters in a file name are shown escaped, never sent to the terminal", async () => {
  const dir = folder("escapes");
  const name = "x\u001b]0;pwned\u0007\u001b[2J\nfake-2022年6月.xlsx";
  writeFileSync(join(dir, name), "not a workbook");
  const run = await start(["validate", join(dir, name)]).done;
  // eslint-disable-next-line no-control-regex -- none may reach the terminal
  expect(run.stdout + run.stderr).not.toMatch(/[\u001b\u0007]/);
  expect(run.stdout + run.stderr).toContain("\\u001b]0;pwned\\u0007\\u001b[2J\\u000afake");
});
