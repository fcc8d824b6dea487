/**
 * Test support: let LibreOffice (headless) recalculate an .xlsx and read back the
 * recalculated values, so tests can check that the native Excel formulas we write
 * compute the same numbers as the TypeScript core.
 *
 * By default LibreOffice does NOT recalculate formulas of an OOXML file on load
 * (Tools > Options > Calc > Formula > "Recalculation on file load" = "Never"), it just
 * keeps the cached <v> values. Each call therefore runs soffice with a fresh, throwaway
 * user profile whose registrymodifications.xcu switches that setting to "Always".
 */
import { spawn } from "child_process";
import { accessSync, constants as fsConstants, existsSync, statSync } from "fs";
import { mkdir, mkdtemp, rm, stat, writeFile } from "fs/promises";
import { tmpdir } from "os";
import { basename, delimiter, dirname, extname, join, resolve } from "path";
import { pathToFileURL } from "url";
import ExcelJS from "exceljs";

export type CellResult = string | number | boolean | null;

/** How long one soffice conversion may take before it is killed. */
export const RECALC_TIMEOUT_MS = 120_000;

/**
 * Calc > Formula > Load: 0 = always recalculate, 1 = never (default), 2 = prompt
 * (headless: treated as never). Same XML form LibreOffice itself writes.
 */
export const RECALC_ALWAYS_XCU = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

function isExecutable(path: string): boolean {
  try {
    accessSync(path, fsConstants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Path of the soffice / libreoffice executable, or null if none is installed. */
export function findSoffice(): string | null {
  const candidates = [
    "/usr/bin/soffice",
    "/usr/bin/libreoffice",
    "/usr/lib/libreoffice/program/soffice",
    "/opt/libreoffice/program/soffice",
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
  ];
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    if (!dir) continue;
    for (const name of ["soffice", "libreoffice"]) candidates.push(join(dir, name));
  }
  return candidates.find(isExecutable) ?? null;
}

interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

/**
 * Runs a command without a shell, in its own process group, so a timeout can kill the
 * whole tree (the soffice launcher script -> oosplash -> soffice.bin).
 */
function run(cmd: string, args: string[], timeoutMs: number): Promise<RunResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(cmd, args, { stdio: ["ignore", "pipe", "pipe"], detached: true });
    let stdout = "";
    let stderr = "";
    let timedOut = false;
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    const killTree = () => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
      } catch {
        child.kill("SIGKILL");
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      killTree();
    }, timeoutMs);
    child.on("error", (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolvePromise({ code, signal, stdout, stderr, timedOut });
    });
  });
}

/**
 * Opens `xlsxPath` in headless LibreOffice with "recalculate on load: always", saves it
 * again as .xlsx into `outDir` (default: a fresh temp dir) and returns the path of the
 * recalculated copy. Safe to call concurrently (one throwaway profile per call).
 */
export async function recalculate(xlsxPath: string, outDir?: string): Promise<string> {
  const soffice = findSoffice();
  if (!soffice) {
    throw new Error(
      "LibreOffice (soffice) not found: looked in /usr/bin, /usr/lib/libreoffice/program and PATH. " +
        "Install it (e.g. apt-get install libreoffice-calc-nogui) to run the formula tests."
    );
  }
  const input = resolve(xlsxPath);
  if (!existsSync(input)) throw new Error(`recalculate: input file not found: ${input}`);

  const out = resolve(outDir ?? (await mkdtemp(join(tmpdir(), "lo-recalc-out-"))));
  if (out === dirname(input)) {
    throw new Error(
      `recalculate: outDir must differ from the input's directory (it would overwrite ${input})`
    );
  }
  await mkdir(out, { recursive: true });
  const expected = join(out, basename(input, extname(input)) + ".xlsx");
  await rm(expected, { force: true });

  const profile = await mkdtemp(join(tmpdir(), "lo-recalc-profile-"));
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
      "--convert-to",
      "xlsx",
      "--outdir",
      out,
      input,
    ];
    const started = Date.now();
    const res = await run(soffice, args, RECALC_TIMEOUT_MS);
    const details =
      `command: ${soffice} ${args.join(" ")}\n` +
      `exit code: ${res.code}, signal: ${res.signal}, ${Date.now() - started} ms\n` +
      `stdout: ${res.stdout.trim() || "(empty)"}\nstderr: ${res.stderr.trim() || "(empty)"}`;
    if (res.timedOut) {
      throw new Error(
        `LibreOffice conversion timed out after ${RECALC_TIMEOUT_MS / 1000} s\n${details}`
      );
    }
    const produced = await stat(expected).catch(() => null);
    if (!produced || produced.size === 0) {
      throw new Error(`LibreOffice produced no output file (expected ${expected})\n${details}`);
    }
    return expected;
  } finally {
    await rm(profile, { recursive: true, force: true, maxRetries: 3 });
  }
}

function plain(v: unknown): CellResult {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return v.toISOString();
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    if ("error" in o) return String(o.error);
    if ("formula" in o || "sharedFormula" in o) return plain(o.result);
    if (Array.isArray(o.richText))
      return (o.richText as { text: string }[]).map((r) => r.text).join("");
    if ("text" in o) return plain(o.text); // hyperlink; text may itself be rich text
  }
  return String(v);
}

/**
 * Cell results of every sheet, indexed [row-1][col-1]. Formula cells yield their cached
 * result; errors come back as their text ("#DIV/0!", "#NAME?", ...), rich text is
 * flattened, dates become ISO strings, empty cells null. Limitation (exceljs reader): a
 * formula whose cached result is the empty string reads as null, like an uncalculated one.
 */
export async function readValues(xlsxPath: string): Promise<Record<string, CellResult[][]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(xlsxPath);
  const result: Record<string, CellResult[][]> = {};
  wb.eachSheet((ws) => {
    const grid: CellResult[][] = [];
    let width = 0;
    ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
      row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
        // cell.value drops falsy cached results ({formula} for a result of 0 / false / ""),
        // so formula cells are read through cell.result.
        const value =
          cell.type === ExcelJS.ValueType.Formula ? plain(cell.result) : plain(cell.value);
        if (value === null) return;
        while (grid.length < rowNumber) grid.push([]);
        grid[rowNumber - 1]![colNumber - 1] = value;
        width = Math.max(width, colNumber);
      });
    });
    result[ws.name] = grid.map((row) => Array.from({ length: width }, (_, i) => row[i] ?? null));
  });
  return result;
}

/** Recalculates with LibreOffice and returns the recalculated cell values. */
export async function recalculatedValues(
  xlsxPath: string
): Promise<Record<string, CellResult[][]>> {
  const out = await mkdtemp(join(tmpdir(), "lo-recalc-out-"));
  try {
    return await readValues(await recalculate(xlsxPath, out));
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}

/**
 * True if LibreOffice is available. If it is missing: throws under CI (the formula tests
 * must fail there, not silently pass), otherwise warns and returns false so the caller
 * can return early.
 */
export function requireLibreOfficeInCI(): boolean {
  if (findSoffice()) return true;
  const msg = "LibreOffice (soffice) not found; skipping formula recalculation checks";
  if (process.env.CI) throw new Error(`${msg} is not allowed under CI`);
  console.warn(`${msg} (install libreoffice-calc-nogui to run them)`);
  return false;
}
