/** The spreadsheet error a bad argument turns into; #VALUE! and #N/A carry their message in Excel. */
export type SheetErrorKind = "#VALUE!" | "#NUM!" | "#N/A" | "#DIV/0!";

/**
 * The tool's typed error: misuse of the core or input a person can fix, with a Chinese message.
 * `kind` is the spreadsheet error a QUOTA function returns for it (a bad count, rate or table
 * argument) and belongs to the functions alone: a problem of a file, a sheet or the pane's input
 * is an InputError, whose kind is null. The CLI prints `message` with `where`; the functions
 * return `kind` as an error value.
 */
export class QuotaError extends Error {
  constructor(
    readonly kind: SheetErrorKind | null,
    message: string,
    readonly where?: string
  ) {
    super(where ? `${where}：${message}` : message);
    this.name = "QuotaError";
  }

  /** The same problem, located at a file, sheet or cell. */
  at(where: string): QuotaError {
    return new QuotaError(this.kind, this.detail, this.joinWhere(where));
  }

  get detail(): string {
    return this.where ? this.message.slice(this.where.length + 1) : this.message;
  }

  protected joinWhere(where: string): string {
    return this.where ? `${where} ${this.where}` : where;
  }
}

/**
 * A problem of a file, a sheet or an option that a person fixes in their input: no spreadsheet
 * error kind (spreadsheet errors are values of the QUOTA functions, not of files).
 */
export class InputError extends QuotaError {
  declare readonly kind: null;

  constructor(message: string, where?: string) {
    super(null, message, where);
  }

  /** A function-layer error (a bad count in a cell) met while reading a person's file. */
  static of(error: QuotaError): InputError {
    return new InputError(error.detail, error.where);
  }

  override at(where: string): InputError {
    return new InputError(this.detail, this.joinWhere(where));
  }
}
