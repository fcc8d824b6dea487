/*
 * A zip built part after part, each part deflated as its pieces come: memory holds one chunk of a
 * part, never the part (unless the sink is memory). Where the bytes go (a file in Node, chunks in
 * memory) is the sink; how they are deflated (Node's zlib, fflate in the browser) is the host's.
 * The CRC and sizes go into the local header once the part is known (the sink patches it).
 */
import { concatBytes, dosTime } from "../zip/zipBytes";

/** Where a zip's bytes go: appended, and a local header rewritten in place at its offset. */
export interface ZipSink {
  append(data: Uint8Array): void;
  patch(at: number, data: Uint8Array): void;
}

/** One part's raw deflate stream: each push gives what is ready; end closes the stream. */
export interface PartDeflater {
  push(data: Uint8Array): Uint8Array;
  end(): Uint8Array;
}

/** The host's compression and text encoding. */
export interface ZipHost {
  deflater(): PartDeflater;
  crc32(data: Uint8Array, previous: number): number;
  encode(text: string): Uint8Array;
}

/** Characters of XML gathered before a chunk is deflated and written. */
const CHUNK = 1 << 18;

/** A part deflated once: its compressed pieces, CRC and size. */
interface Deflated {
  readonly raw: readonly Uint8Array[];
  readonly crc: number;
  readonly size: number;
}

/**
 * Parts of one text already deflated, by host: every workbook has the same theme and styles, and
 * the page's 附件6 zip writes hundreds of workbooks alike (a quarter of their bytes).
 */
const deflatedBy = new WeakMap<ZipHost, Map<string, Deflated>>();
const DEFLATED_KEPT = 64;
const DEFLATED_TEXT = 1 << 16;

function deflatedText(host: ZipHost, text: string): Deflated {
  let kept = deflatedBy.get(host);
  if (!kept) deflatedBy.set(host, (kept = new Map()));
  let done = kept.get(text);
  if (!done) {
    const data = host.encode(text);
    const deflater = host.deflater();
    const raw = [deflater.push(data), deflater.end()].filter((r) => r.length > 0);
    done = { raw, crc: host.crc32(data, 0), size: data.length };
    if (text.length > DEFLATED_TEXT) return done; // a large workbook's list of sheets
    if (kept.size >= DEFLATED_KEPT) kept.clear();
    kept.set(text, done);
  }
  return done;
}

interface Entry {
  readonly name: Uint8Array;
  readonly offset: number;
  crc: number;
  size: number;
  compressed: number;
}

export class ZipWriter {
  private position = 0;
  private readonly entries: Entry[] = [];
  private readonly time: [number, number];

  constructor(
    private readonly sink: ZipSink,
    private readonly host: ZipHost,
    now = new Date()
  ) {
    this.time = dosTime(now);
  }

  /** A part from its pieces of text (UTF-8), deflated chunk by chunk. */
  part(name: string, pieces: Iterable<string>): void {
    const entry: Entry = {
      name: this.host.encode(name),
      offset: this.position,
      crc: 0,
      size: 0,
      compressed: 0,
    };
    this.append(this.header(entry, false));
    const deflater = this.host.deflater();
    let pending = "";
    for (const piece of pieces) {
      pending += piece;
      if (pending.length >= CHUNK) {
        this.chunk(entry, deflater, pending);
        pending = "";
      }
    }
    if (pending) this.chunk(entry, deflater, pending);
    const last = deflater.end();
    entry.compressed += last.length;
    this.append(last);
    // The local header again, now with the CRC and sizes.
    this.sink.patch(entry.offset, this.header(entry, false));
    this.entries.push(entry);
  }

  /** A part of one short text (a theme, styles): deflated once per host for every zip alike. */
  text(name: string, text: string): void {
    const done = deflatedText(this.host, text);
    const entry: Entry = {
      name: this.host.encode(name),
      offset: this.position,
      crc: done.crc,
      size: done.size,
      compressed: done.raw.reduce((n, r) => n + r.length, 0),
    };
    this.append(this.header(entry, false));
    for (const raw of done.raw) this.append(raw);
    this.entries.push(entry);
  }

  /** The central directory and its end. */
  finish(): void {
    const start = this.position;
    for (const entry of this.entries) this.append(this.header(entry, true));
    const end = new Uint8Array(22);
    const v = new DataView(end.buffer);
    v.setUint32(0, 0x06054b50, true);
    v.setUint16(8, this.entries.length, true);
    v.setUint16(10, this.entries.length, true);
    v.setUint32(12, this.position - start, true);
    v.setUint32(16, start, true);
    this.append(end);
  }

  private chunk(entry: Entry, deflater: PartDeflater, text: string): void {
    const data = this.host.encode(text);
    entry.crc = this.host.crc32(data, entry.crc);
    entry.size += data.length;
    const raw = deflater.push(data);
    entry.compressed += raw.length;
    if (raw.length) this.append(raw);
  }

  /** A local header (30 bytes) or a central directory record (46), with the part's name. */
  private header(entry: Entry, central: boolean): Uint8Array {
    const size = central ? 46 : 30;
    const b = new Uint8Array(size + entry.name.length);
    const v = new DataView(b.buffer);
    v.setUint32(0, central ? 0x02014b50 : 0x04034b50, true);
    // The central record has "made by" (MS-DOS, 2.0) before the fields both share.
    const at = central ? 6 : 4;
    if (central) v.setUint16(4, 20, true);
    v.setUint16(at, 20, true); // version needed
    v.setUint16(at + 2, entry.name.some((c) => c > 127) ? 0x0800 : 0, true);
    v.setUint16(at + 4, 8, true); // deflate
    v.setUint16(at + 6, this.time[0], true);
    v.setUint16(at + 8, this.time[1], true);
    v.setUint32(at + 10, entry.crc >>> 0, true);
    v.setUint32(at + 14, entry.compressed, true);
    v.setUint32(at + 18, entry.size, true);
    v.setUint16(at + 22, entry.name.length, true);
    if (central) v.setUint32(42, entry.offset, true);
    b.set(entry.name, size);
    return b;
  }

  private append(data: Uint8Array): void {
    this.sink.append(data);
    this.position += data.length;
  }
}

/** A zip kept in memory, as chunks joined at the end. */
export class MemorySink implements ZipSink {
  private readonly chunks: Uint8Array[] = [];
  /** The chunk that starts at each offset (a header patched later is always one chunk). */
  private readonly starts = new Map<number, number>();
  private length = 0;

  append(data: Uint8Array): void {
    this.starts.set(this.length, this.chunks.length);
    this.chunks.push(data);
    this.length += data.length;
  }

  patch(at: number, data: Uint8Array): void {
    const i = this.starts.get(at);
    if (i === undefined || this.chunks[i]!.length !== data.length)
      throw new Error(`no chunk of ${data.length} bytes at ${at}`);
    this.chunks[i] = data;
  }

  bytes(): Uint8Array {
    return concatBytes(this.chunks);
  }
}
