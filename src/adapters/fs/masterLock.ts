import { hostname } from "os";
import { open, readFile, rm, stat } from "fs/promises";
import { basename, dirname, join } from "path";
import { InputError } from "../../core/errors";
import { processAlive, writeTarget } from "./atomicWrite";

export interface LockOptions {
  /** How long to wait for another run to finish, in ms. */
  readonly waitMs?: number;
  /** A lock older than this is taken to be left by a crash, in ms. */
  readonly staleMs?: number;
}

interface Holder {
  readonly pid: number;
  readonly host: string;
  readonly time: string;
}

/** The lock beside a workbook: `.总表.xlsx.quota-lock` (a symlink's target is the one locked). */
export const lockPathOf = (target: string) =>
  join(dirname(target), `.${basename(target)}.quota-lock`);

/** Who holds the lock; null while it is being written (not yet JSON) or once it is gone. */
async function holderOf(lock: string): Promise<Holder | null> {
  try {
    const holder = JSON.parse(await readFile(lock, "utf8")) as Holder | null;
    return typeof holder?.pid === "number" ? holder : null;
  } catch (error) {
    if ((error as Error | null)?.name === "SyntaxError") return null; // JSON not yet written
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

/** A lock whose process is gone (same machine) or that is older than `staleMs`. */
function isStale(holder: Holder, staleMs: number): boolean {
  if (holder.host === hostname() && !processAlive(holder.pid)) return true;
  const age = Date.now() - Date.parse(holder.time);
  return !(age < staleMs);
}

/** The lock file could not be made (no such folder, read-only folder): `code` says why. */
export class LockError extends Error {
  constructor(readonly code: string) {
    super(`cannot lock: ${code}`);
    this.name = "LockError";
  }
}

async function tryLock(lock: string): Promise<boolean> {
  try {
    const handle = await open(lock, "wx");
    const holder: Holder = { pid: process.pid, host: hostname(), time: new Date().toISOString() };
    await handle.writeFile(JSON.stringify(holder));
    await handle.close();
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST") return false;
    throw new LockError(code ?? String(error));
  }
}

/**
 * Runs `work` holding the workbook's lock, so that two roll-ups into one master never both
 * read the same old ledger: a second run waits up to `waitMs`, then is refused with who holds it.
 */
export async function withWorkbookLock<T>(
  path: string,
  work: () => Promise<T>,
  options: LockOptions = {}
): Promise<T> {
  const lock = lockPathOf(await writeTarget(path));
  const deadline = Date.now() + (options.waitMs ?? 10_000);
  for (;;) {
    if (await tryLock(lock)) break;
    const holder = await holderOf(lock);
    // A lock being written has no content yet: an empty one is stale only after a while.
    const emptyFor = holder ? 0 : Date.now() - ((await stat(lock).catch(() => null))?.mtimeMs ?? 0);
    if (holder ? isStale(holder, options.staleMs ?? 30 * 60_000) : emptyFor > 5_000) {
      await rm(lock, { force: true });
      continue;
    }
    if (Date.now() >= deadline) {
      const who = holder ? `（进程 ${holder.pid}，${holder.host}，开始于 ${holder.time}）` : "";
      throw new InputError(
        `另一个汇总正在写入这份总表${who}；请等它结束后再试。若确认没有汇总在运行，可删除锁文件“${basename(lock)}”`
      ).at(`文件“${basename(path)}”`);
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  try {
    return await work();
  } finally {
    await rm(lock, { force: true }).catch(() => undefined);
  }
}
