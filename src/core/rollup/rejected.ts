import type { FindingCode } from "../report/finding";

/** What is wrong with a report the roll-up leaves out. */
export interface Problem {
  /** Registered in FINDING_SEVERITY: stable in --json. */
  readonly code: FindingCode;
  /** The list sheet of a list finding (培训名单, 取证名单); absent for the form's own cells. */
  readonly sheet?: string;
  readonly cell: string | null;
  readonly message: string;
}

/** A report the roll-up leaves out, and why. */
export interface Rejected {
  /** The file, with the sheet after it when the file has one: for people. */
  readonly file: string;
  /** The file's own name and the sheet: for --json. */
  readonly fileName: string;
  readonly sheet: string | null;
  /** The college and month, when the report names them. */
  readonly college?: string | null;
  readonly month?: string | null;
  readonly errors: readonly Problem[];
}
