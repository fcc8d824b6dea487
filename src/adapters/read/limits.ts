import { InputError } from "../../core/errors";

/**
 * What one file may cost. A report is a few hundred cells and a master a few hundred thousand;
 * these leave room for both and keep any file ≤ 20 MB within seconds and a few hundred MB.
 */
export const READ_LIMITS = {
  /** Bytes of the file itself. */
  fileBytes: 20 * 1024 * 1024,
  /** Bytes of all parts of a zip (.xlsx, .ods) once inflated. */
  inflatedBytes: 200 * 1024 * 1024,
  /** Parts in a zip. */
  zipEntries: 10_000,
  sheets: 255,
  /** Excel's own row and column limits (row 1,048,576, column XFD). */
  rows: 1_048_576,
  columns: 16_384,
  /** Written cells in the whole file. */
  cells: 2_000_000,
  sharedStrings: 2_000_000,
} as const;

const MB = (n: number) => `${(n / 1048576).toFixed(1)} MB`;

/** One clear error for a file over a limit: what was over, and that it is not a report. */
export function overLimit(what: string): InputError {
  return new InputError(`${what}，超出读取限制，不像是一张报表，已跳过`);
}

export function fileTooLarge(bytes: number): InputError {
  return new InputError(`文件过大（${MB(bytes)}），不像是一张报表`);
}

export function inflatedTooLarge(bytes: number): InputError {
  return overLimit(`解压后超过 ${MB(READ_LIMITS.inflatedBytes)}（至少 ${MB(bytes)}）`);
}
