import type { ZipEntry } from "./zipDirectory";
import { rawStart } from "./zipDirectory";

/*
 * Reports made from one template carry the same workbook, relationships and styles parts byte for
 * byte. Each slot keeps the last part it parsed: when the next file's part has the same stored
 * bytes (and the parse the same inputs), the parse is reused instead of inflating it again.
 * Equality is of the compressed bytes themselves, not a checksum: a hit gives exactly the text.
 */
interface Slot {
  readonly method: number;
  readonly size: number;
  readonly raw: Uint8Array;
  readonly inputs: readonly unknown[];
  readonly value: unknown;
}

const slots = new Map<string, Slot>();
/** Parts larger than this are parsed every time (a master's are not repeated). */
const MEMO_UP_TO = 1 << 16;

/** Whether `bytes` hold `kept` at `start` (compared in place: no view made per file). */
function sameBytes(kept: Uint8Array, bytes: Uint8Array, start: number): boolean {
  for (let i = 0; i < kept.length; i++) if (kept[i] !== bytes[start + i]) return false;
  return true;
}

const sameInputs = (a: readonly unknown[], b: readonly unknown[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * `parse` of the part `entry` (null when the zip has none), or the value it gave for the same
 * bytes and inputs last time in this slot. `inputs` are whatever else the parse reads.
 */
export function memoPart<T>(
  slot: string,
  bytes: Uint8Array,
  entry: ZipEntry | undefined,
  inputs: readonly unknown[],
  parse: () => T
): T {
  if (!entry || entry.compressedSize > MEMO_UP_TO) return parse();
  const start = rawStart(bytes, entry);
  const last = slots.get(slot);
  if (
    last &&
    last.method === entry.method &&
    last.size === entry.size &&
    last.raw.length === entry.compressedSize &&
    sameInputs(last.inputs, inputs) &&
    sameBytes(last.raw, bytes, start)
  )
    return last.value as T;
  const value = parse();
  // A copy: the file's bytes may sit in a pooled Buffer that is reused.
  slots.set(slot, {
    method: entry.method,
    size: entry.size,
    raw: new Uint8Array(bytes.subarray(start, start + entry.compressedSize)),
    inputs,
    value,
  });
  return value;
}
