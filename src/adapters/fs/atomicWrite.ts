import { randomBytes } from "crypto";
import { constants } from "fs";
import { access, lstat, open, readdir, readlink, rename, rm, stat } from "fs/promises";
import { basename, dirname, isAbsolute, join, resolve } from "path";
import { InputError } from "../../core/errors";

const TEMP_SUFFIX = ".quota-tmp";

/** The file a write to `path` lands in: a symlink is followed (even one whose target is missing). */
export async function writeTarget(path: string): Promise<string> {
  let target = resolve(path);
  for (let hops = 0; hops < 40; hops++) {
    const info = await lstat(target).catch(() => null);
    if (!info?.isSymbolicLink()) return target;
    const link = await readlink(target);
    target = isAbsolute(link) ? link : resolve(dirname(target), link);
  }
  throw Object.assign(new Error(`too many symbolic links: ${path}`), { code: "ELOOP" });
}

/** The temp files a run killed mid-write left beside `target`; the process that wrote them is gone. */
async function removeStaleTemps(target: string): Promise<void> {
  const prefix = `.${basename(target)}.`;
  const names = await readdir(dirname(target)).catch(() => [] as string[]);
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith(TEMP_SUFFIX)) continue;
    const pid = Number(name.slice(prefix.length).split("-")[0]);
    if (Number.isInteger(pid) && pid > 0 && !processAlive(pid))
      await rm(join(dirname(target), name), { force: true }).catch(() => undefined);
  }
}

export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function syncPath(path: string, flags: string): Promise<void> {
  const handle = await open(path, flags);
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Writes a file so that it is either the old one or the whole new one, whatever happens: `write`
 * fills a temp file in the same folder, which is flushed to disk and renamed over the target; the
 * folder is flushed too. A symlink is written through to its target, the target's mode is kept,
 * a read-only target is refused, and the temp file is removed on failure. A device or pipe
 * (/dev/null) is written to directly, never replaced.
 */
export async function writeFileAtomic(
  path: string,
  write: (temp: string) => Promise<void>
): Promise<void> {
  const target = await writeTarget(path);
  const dir = dirname(target);
  const existing = await stat(target).catch(() => null);
  if (existing?.isDirectory())
    throw Object.assign(new Error(`is a folder: ${path}`), { code: "EISDIR" });
  // A device or pipe is written to as it is: renaming a file over it would replace the device.
  if (existing && !existing.isFile()) return write(target);
  if (existing?.isFile()) {
    // A file marked read-only is one someone protected: it is not replaced, even by root.
    if ((existing.mode & 0o222) === 0)
      throw new InputError("文件是只读的，未改动；如确需更新，请先取消它的只读属性").at(
        `文件“${basename(path)}”`
      );
    await access(target, constants.W_OK);
  }
  await removeStaleTemps(target);
  const temp = join(
    dir,
    `.${basename(target)}.${process.pid}-${randomBytes(4).toString("hex")}${TEMP_SUFFIX}`
  );
  try {
    await write(temp);
    const handle = await open(temp, "r+");
    try {
      if (existing?.isFile()) await handle.chmod(existing.mode & 0o7777);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
  // The rename itself is on disk only once the folder is; not every system can open a folder.
  await syncPath(dir, "r").catch(() => undefined);
}
