/* Test support: print workbooks as LibreOffice does (headless, to PDF), read the pages back as
   text (pdftotext) and as pictures of the first pages (pdftoppm). */
import { spawnSync } from "child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, existsSync } from "fs";
import { tmpdir } from "os";
import { basename, extname, join, resolve } from "path";
import { pathToFileURL } from "url";
import { RECALC_ALWAYS_XCU, RECALC_TIMEOUT_MS, findSoffice } from "../support/libreoffice";

const has = (tool: string) => spawnSync("which", [tool]).status === 0;

/** True when soffice, pdftotext and pdftoppm are there; under CI their absence is an error. */
export function requirePrintTools(): boolean {
  if (findSoffice() && has("pdftotext") && has("pdftoppm")) return true;
  const msg =
    "LibreOffice or poppler-utils (pdftotext, pdftoppm) not found; skipping the print tests";
  if (process.env.CI) throw new Error(`${msg} is not allowed under CI`);
  console.warn(msg);
  return false;
}

/** Prints each workbook to a PDF in `outDir` (every sheet, as its page setup says); returns the PDFs. */
export function printToPdf(files: readonly string[], outDir: string): string[] {
  const profile = mkdtempSync(join(tmpdir(), "lo-pdf-profile-"));
  try {
    mkdirSync(join(profile, "user"), { recursive: true });
    writeFileSync(join(profile, "user", "registrymodifications.xcu"), RECALC_ALWAYS_XCU);
    const args = [
      `-env:UserInstallation=${pathToFileURL(profile).href}`,
      "--headless",
      "--invisible",
      "--nologo",
      "--nodefault",
      "--norestore",
      "--nolockcheck",
      "--convert-to",
      "pdf",
      "--outdir",
      resolve(outDir),
      ...files.map((f) => resolve(f)),
    ];
    const run = spawnSync(findSoffice()!, args, {
      timeout: RECALC_TIMEOUT_MS * 2,
      encoding: "utf8",
    });
    const pdfs = files.map((f) => join(resolve(outDir), `${basename(f, extname(f))}.pdf`));
    const missing = pdfs.filter((p) => !existsSync(p));
    if (missing.length > 0)
      throw new Error(`LibreOffice wrote no ${missing.join(", ")}\n${run.stdout}\n${run.stderr}`);
    return pdfs;
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** The PDF's text, page by page (pdftotext -layout keeps a line of cells on one line). */
export function pdfPages(pdf: string): string[] {
  const run = spawnSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
  if (run.status !== 0) throw new Error(`pdftotext failed: ${run.stderr}`);
  return run.stdout.split("\f").filter((page, i, all) => i < all.length - 1 || page.trim() !== "");
}

/** The PDF's text in the order it is drawn (a wrapped cell's lines stay together). */
export function pdfText(pdf: string): string {
  const run = spawnSync("pdftotext", ["-raw", pdf, "-"], { encoding: "utf8" });
  if (run.status !== 0) throw new Error(`pdftotext failed: ${run.stderr}`);
  return run.stdout;
}

/** PNGs of pages `first`..`last` at 60 dpi: `${prefix}-N.png`. */
export function pagePictures(pdf: string, prefix: string, first: number, last: number): void {
  const run = spawnSync("pdftoppm", [
    "-png",
    "-r",
    "60",
    "-f",
    `${first}`,
    "-l",
    `${last}`,
    pdf,
    prefix,
  ]);
  if (run.status !== 0) throw new Error(`pdftoppm failed: ${run.stderr}`);
}
