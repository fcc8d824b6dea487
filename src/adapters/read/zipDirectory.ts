import { InputError, QuotaError } from "../../core/errors";
import { READ_LIMITS, inflatedTooLarge, overLimit } from "./limits";

/** One part of a zip as its central directory describes it. */
export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  /** The inflated size the directory claims; inflating never goes past it. */
  readonly size: number;
  readonly localOffset: number;
}

let fflateModule: typeof import("./fflateModule") | null = null;
const fflate = () =>
  (fflateModule ??= require("./fflateModule") as typeof import("./fflateModule"));

const broken = (why: string) => new InputError(`无法读取工作簿，文件可能已损坏（${why}）`);

const lyingDirectory = (name: string) =>
  new InputError(
    `部件 ${name} 解压后比压缩包目录所写的大（文件被改动过或已损坏，疑似压缩炸弹），已停止读取`
  );

const u16 = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8);
const u32 = (b: Uint8Array, i: number) =>
  (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16)) + b[i + 3]! * 16777216;

function endOfDirectory(bytes: Uint8Array): number {
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65557); i--)
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 5 && bytes[i + 3] === 6)
      return i;
  throw broken("找不到 zip 目录");
}

const NAMES = new TextDecoder();

/**
 * The ASCII names of the last directory read, by position: files made alike (a thousand reports)
 * name their parts alike, and a name equal to the bytes is reused instead of built again.
 */
const knownNames: string[] = [];

/** Whether `name` is exactly the ASCII bytes at `start` (compared in place). */
function sameName(name: string, bytes: Uint8Array, start: number, length: number): boolean {
  if (name.length !== length) return false;
  for (let i = 0; i < length; i++) if (name.charCodeAt(i) !== bytes[start + i]) return false;
  return true;
}

/** A part's raw name (UTF-8); ASCII names (nearly all) without a decoder. */
function rawName(bytes: Uint8Array, start: number, length: number, index: number): string {
  const known = knownNames[index];
  if (known !== undefined && sameName(known, bytes, start, length)) return known;
  let name = "";
  for (let i = start; i < start + length; i++) {
    const b = bytes[i]!;
    if (b >= 0x80) return NAMES.decode(bytes.subarray(start, start + length));
    name += String.fromCharCode(b);
  }
  if (index < 256) knownNames[index] = name;
  return name;
}

/** A part's name (UTF-8), leading slashes dropped. */
function nameAt(bytes: Uint8Array, start: number, length: number, index: number): string {
  const name = rawName(bytes, start, length, index);
  return name.charCodeAt(0) === 47 ? name.replace(/^\/+/, "") : name;
}

/**
 * The zip's parts from its central directory, refused before anything is inflated when the
 * sizes they claim together pass the limit (a zip bomb declares its size here, or lies and is
 * stopped while inflating).
 */
export function readZipDirectory(bytes: Uint8Array): Map<string, ZipEntry> {
  const end = endOfDirectory(bytes);
  const count = u16(bytes, end + 10);
  let at = u32(bytes, end + 16);
  if (count > READ_LIMITS.zipEntries) throw overLimit(`压缩包内有 ${count} 个部件`);
  const entries = new Map<string, ZipEntry>();
  let total = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== 0x02014b50) throw broken("zip 目录不完整");
    const flags = u16(bytes, at + 8);
    const nameLength = u16(bytes, at + 28);
    const entry: ZipEntry = {
      name: nameAt(bytes, at + 46, nameLength, i),
      method: u16(bytes, at + 10),
      compressedSize: u32(bytes, at + 20),
      size: u32(bytes, at + 24),
      localOffset: u32(bytes, at + 42),
    };
    if (flags & 1) throw new InputError("工作簿已加密（设置了打开密码），请取消密码后再试");
    if (entry.size === 0xffffffff || entry.compressedSize === 0xffffffff)
      throw overLimit("压缩包使用 ZIP64 大文件格式");
    total += entry.size;
    if (total > READ_LIMITS.inflatedBytes) throw inflatedTooLarge(total);
    entries.set(entry.name, entry);
    at += 46 + nameLength + u16(bytes, at + 30) + u16(bytes, at + 32);
  }
  return entries;
}

/** The raw (compressed) bytes of a part, found through its local header. */
export function rawEntry(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const start = rawStart(bytes, entry);
  return bytes.subarray(start, start + entry.compressedSize);
}

/** Where a part's raw bytes start in the zip (they run for entry.compressedSize bytes). */
export function rawStart(bytes: Uint8Array, entry: ZipEntry): number {
  const at = entry.localOffset;
  if (at + 30 > bytes.length || u32(bytes, at) !== 0x04034b50)
    throw broken(`部件 ${entry.name} 缺失`);
  const start = at + 30 + u16(bytes, at + 26) + u16(bytes, at + 28);
  if (start + entry.compressedSize > bytes.length) throw broken(`部件 ${entry.name} 不完整`);
  return start;
}

// 64 KB of input inflates to at most about 64 MB (deflate's ratio is bounded near 1:1032).
const CHUNK = 1 << 16;
/** Parts up to this compressed size are inflated in one go (a report's parts are a few KB). */
const SMALL_PART = 1 << 16;

/**
 * A part's bytes, inflated chunk by chunk and stopped as soon as it gives more than the directory
 * said (a lying directory) — memory never passes the declared size, itself within the limit.
 */
export function inflateEntry(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const raw = rawEntry(bytes, entry);
  if (entry.method === 0) return raw.subarray(0, entry.size);
  if (entry.method !== 8) throw broken(`部件 ${entry.name} 使用了不支持的压缩方式 ${entry.method}`);
  try {
    if (nativeInflate) return inflateNative(nativeInflate, raw, entry);
    return raw.length <= SMALL_PART ? inflateSmall(raw, entry) : inflateChunked(raw, entry);
  } catch (error) {
    if (error instanceof QuotaError) throw error;
    throw broken(`部件 ${entry.name} 解压失败`);
  }
}

/**
 * A host's own inflater (Node's zlib), given the most bytes it may produce; it must throw past
 * them. Without one, fflate does the work (the browser).
 */
export type RawInflater = (raw: Uint8Array, maxBytes: number) => Uint8Array;
let nativeInflate: RawInflater | null = null;

export function setRawInflater(inflate: RawInflater | null): void {
  nativeInflate = inflate;
}

function inflateNative(inflate: RawInflater, raw: Uint8Array, entry: ZipEntry): Uint8Array {
  let out: Uint8Array;
  try {
    out = inflate(raw, entry.size + 1);
  } catch (error) {
    if (error instanceof RangeError || /too large|ERR_BUFFER_TOO_LARGE/i.test(String(error)))
      throw lyingDirectory(entry.name);
    throw error;
  }
  if (out.length > entry.size) throw lyingDirectory(entry.name);
  return out;
}

/**
 * A small part in one go into a buffer one byte longer than declared: filling that byte means
 * the directory lied. fflate writes past a given buffer's end into nothing, so even a lying part
 * costs no memory, and its few KB of input bound the time.
 */
function inflateSmall(raw: Uint8Array, entry: ZipEntry): Uint8Array {
  const out = fflate().inflateSync(raw, { out: new Uint8Array(entry.size + 1) });
  if (out.length > entry.size) throw lyingDirectory(entry.name);
  return out;
}

/** A larger part chunk by chunk, stopped at the first byte past the declared size. */
function inflateChunked(raw: Uint8Array, entry: ZipEntry): Uint8Array {
  const out = new Uint8Array(entry.size);
  let length = 0;
  inflateEach(raw, entry, (chunk) => {
    out.set(chunk, length);
    length += chunk.length;
  });
  return length === entry.size ? out : out.subarray(0, length);
}

/** Hands each inflated chunk of a part to `take`, stopped past the declared size. */
function inflateEach(raw: Uint8Array, entry: ZipEntry, take: (chunk: Uint8Array) => void): void {
  let length = 0;
  const inflater = new (fflate().Inflate)((chunk) => {
    length += chunk.length;
    if (length > entry.size) throw lyingDirectory(entry.name);
    take(chunk);
  });
  for (let i = 0; i < raw.length; i += CHUNK)
    inflater.push(raw.subarray(i, i + CHUNK), i + CHUNK >= raw.length);
}

/** Parts up to this size are read as one text; larger ones (a long list) piece by piece. */
export const WHOLE_TEXT_UP_TO = 8 << 20;

/**
 * A part as text in pieces of about 1 MB (whole UTF-8 characters), inflated as it goes: a sheet
 * of a million rows is never held as one string, nor as all its bytes.
 */
export function eachEntryText(
  bytes: Uint8Array,
  entry: ZipEntry,
  take: (text: string) => void
): void {
  const decoder = new TextDecoder();
  if (entry.method === 0) {
    const data = rawEntry(bytes, entry).subarray(0, entry.size);
    for (let i = 0; i < data.length; i += 1 << 20)
      take(decoder.decode(data.subarray(i, i + (1 << 20)), { stream: true }));
  } else if (entry.method === 8) {
    // fflate, not the host's zlib (which inflates only all at once): slower by about 1 s for a
    // million rows, but 1/3 less peak memory (measured: 108 MB of sheet, 630 -> 490 MB).
    try {
      inflateEach(rawEntry(bytes, entry), entry, (chunk) =>
        take(decoder.decode(chunk, { stream: true }))
      );
    } catch (error) {
      if (error instanceof QuotaError) throw error;
      throw broken(`部件 ${entry.name} 解压失败`);
    }
  } else throw broken(`部件 ${entry.name} 使用了不支持的压缩方式 ${entry.method}`);
  take(decoder.decode());
}

const UTF8 = new TextDecoder();

/** A part as text (UTF-8), or null when the zip has no such part. */
export function entryText(
  bytes: Uint8Array,
  entries: ReadonlyMap<string, ZipEntry>,
  name: string
): string | null {
  const entry = entries.get(name);
  return entry ? UTF8.decode(inflateEntry(bytes, entry)) : null;
}
