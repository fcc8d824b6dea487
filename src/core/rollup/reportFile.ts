import type { Grid } from "../grid";

/**
 * A report file picked for checking or rolling up, as every surface hands it to the core: its
 * name, the SHA-256 of its bytes (hex), and its sheets; `grids` null means it could not be read,
 * and `error` says why.
 */
export interface ReportFile {
  readonly file: string;
  readonly sha256: string;
  readonly grids: readonly Grid[] | null;
  readonly error?: string;
}
