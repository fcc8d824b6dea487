/**
 * Estimated bytes of one queued action in an Office.js request: the action and the object paths
 * it adds (getRange, format, font …), measured with the real request builder at 100–200 bytes;
 * the estimate errs high so that a batch stays under its budget.
 */
export const ACTION_BYTES = 220;

/**
 * Largest estimated request a batch sends before it syncs. Excel on the web rejects requests over
 * 5 MB; batches of this size measure well under 1 MB with the real request builder.
 */
export const REQUEST_BUDGET = 600_000;

/** UTF-8 bytes of a value as JSON, as it travels in a request. */
export function jsonBytes(value: unknown): number {
  const text = JSON.stringify(value) ?? "";
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code < 0xdc00)
      i++; // a surrogate pair: 4 bytes for 2 units
    else if (code >= 0x800) bytes += 2;
    else if (code >= 0x80) bytes += 1;
  }
  return bytes;
}

/**
 * Queues writes and syncs whenever the next one would take the request over the budget, so that
 * no single context.sync() grows with the workbook. `flush` sends what is left.
 */
export class RequestBatch {
  private pending = 0;
  /** Round trips made so far. */
  syncs = 0;
  /** Queued again after each sync (what lasts only until the next sync). */
  afterSync: () => void = () => undefined;

  constructor(
    private readonly context: Excel.RequestContext,
    private readonly budget = REQUEST_BUDGET
  ) {}

  /** Queues `write` (about `actions` actions and `data` bytes of values), syncing first if needed. */
  async add(actions: number, data: number, write: () => void): Promise<void> {
    const bytes = actions * ACTION_BYTES + data;
    if (this.pending > 0 && this.pending + bytes > this.budget) await this.sync();
    write();
    this.pending += bytes;
  }

  /** Sends what is queued now (something later needs its result). */
  async sync(): Promise<void> {
    await this.context.sync();
    this.syncs++;
    this.pending = 0;
    this.afterSync();
  }

  async flush(): Promise<void> {
    if (this.pending > 0) await this.sync();
  }
}
