/**
 * Test support: have headless LibreOffice re-save files as .xlsx. Its writer produces different
 * XML from exceljs (shared strings, styles, merged cells, number formats), so a report corpus
 * read through both shows that the validator does not depend on one writer.
 */
import { spawn } from "child_process";
import { mkdir, mkdtemp, rm, stat, writeFile } from "fs/promises";
import { tmpdir } from "os";
import { basename, extname, join, resolve } from "path";
import { pathToFileURL } from "url";
import { RECALC_ALWAYS_XCU, RECALC_TIMEOUT_MS, findSoffice } from "./libreoffice";

function run(
  cmd: string,
  args: string[],
  timeoutMs: number
): Promise<{ code: number | null; output: string; timedOut: boolean }> {
  return new Promise((done, fail) => {
    const child = spawn(cmd, args, { stdio: ["ignore", "pipe", "pipe"], detached: true });
    let output = "";
    let timedOut = false;
    child.stdout.setEncoding("utf8").on("data", (d: string) => (output += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (output += d));
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        child.kill("SIGKILL");
      }
    }, timeoutMs);
    child.on("error", (error) => {
      clearTimeout(timer);
      fail(error);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      done({ code, output, timedOut });
    });
  });
}

/**
 * Converts one file or several (.xlsx, .csv as UTF-8, .ods …) to .xlsx in `outDir`: one soffice run
 * for all the CSV files and one for the rest, each with a throwaway profile. Returns the paths
 * written, in the order given.
 */
export async function convertWithLibreOffice(
  paths: string | readonly string[],
  outDir: string,
  format: "xlsx" | "xls" | "ods" = "xlsx"
): Promise<string[]> {
  const inputs = (typeof paths === "string" ? [paths] : paths).map((p) => resolve(p));
  const soffice = findSoffice();
  if (!soffice) throw new Error("LibreOffice (soffice) not found");
  const out = resolve(outDir);
  await mkdir(out, { recursive: true });
  const expected = inputs.map((p) => join(out, basename(p, extname(p)) + "." + format));
  if (new Set(expected).size !== expected.length)
    throw new Error("convertWithLibreOffice: two inputs share a base name");
  if (inputs.some((p, i) => p === expected[i]))
    throw new Error("convertWithLibreOffice: outDir must differ from the inputs' directory");
  await Promise.all(expected.map((p) => rm(p, { force: true })));
  const csv = inputs.filter((p) => /\.csv$/i.test(p));
  const others = inputs.filter((p) => !/\.csv$/i.test(p));
  // --infilter applies to every input of a run, so CSV files get a run of their own.
  if (others.length > 0) await runSoffice(soffice, others, out, [], format);
  if (csv.length > 0) await runSoffice(soffice, csv, out, ["--infilter=CSV:44,34,76,1"], format); // comma, quote, UTF-8, line 1
  for (const p of expected) {
    const produced = await stat(p).catch(() => null);
    if (!produced || produced.size === 0) throw new Error(`LibreOffice wrote no ${p}`);
  }
  return expected;
}

async function runSoffice(
  soffice: string,
  inputs: readonly string[],
  out: string,
  extra: readonly string[],
  format: string
): Promise<void> {
  const profile = await mkdtemp(join(tmpdir(), "lo-convert-profile-"));
  try {
    await mkdir(join(profile, "user"), { recursive: true });
    await writeFile(join(profile, "user", "registrymodifications.xcu"), RECALC_ALWAYS_XCU, "utf8");
    const args = [
      `-env:UserInstallation=${pathToFileURL(profile).href}`,
      "--headless",
      "--invisible",
      "--nologo",
      "--nodefault",
      "--norestore",
      "--nolockcheck",
      ...extra,
      "--convert-to",
      format,
      "--outdir",
      out,
      ...inputs,
    ];
    const timeout = RECALC_TIMEOUT_MS + 5_000 * inputs.length;
    const result = await run(soffice, args, timeout);
    if (result.timedOut)
      throw new Error(
        `LibreOffice conversion timed out after ${timeout / 1000} s\n${result.output}`
      );
    if (result.code !== 0)
      throw new Error(`LibreOffice exited with ${result.code}\n${result.output}`);
  } finally {
    await rm(profile, { recursive: true, force: true, maxRetries: 3 });
  }
}
