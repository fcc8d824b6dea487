/** The spreadsheet error a bad argument turns into; #VALUE! and #N/A carry their message in Excel. */
export type SheetErrorKind = "#VALUE!" | "#NUM!" | "#N/A" | "#DIV/0!";

/**
 * Misuse of the core (a bad count, rate or table) throws this typed error. Spreadsheet
 * functions catch it and return `kind` as an error value; the CLI prints `message` with `where`.
 */
export class QuotaError extends Error {
  constructor(
    readonly kind: SheetErrorKind,
    message: string,
    readonly where?: string
  ) {
    super(where ? `${where}：${message}` : message);
    this.name = "QuotaError";
  }

  /** The same problem, located at a file, sheet or cell. */
  at(where: string): QuotaError {
    return new QuotaError(this.kind, this.detail, this.where ? `${where} ${this.where}` : where);
  }

  get detail(): string {
    return this.where ? this.message.slice(this.where.length + 1) : this.message;
  }
}
