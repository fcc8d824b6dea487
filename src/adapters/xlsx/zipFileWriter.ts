import { closeSync, openSync, writeSync } from "fs";
import * as zlib from "zlib";
import { dosTime } from "./leanZip";

/*
 * A zip written straight into a file, part after part, each part deflated as its pieces come:
 * memory holds one chunk of a part, never the part or the file. Each chunk is deflated on its own
 * and ended by a sync flush (a byte-aligned, non-final block), so the chunks join into one deflate
 * stream; an empty final block closes it. The CRC and sizes go into the local header once known.
 */

/** Characters of XML gathered before a chunk is deflated and written. */
const CHUNK = 1 << 18;
/**
 * zlib's fastest level: a 1,000-college master's sheets deflate in a quarter of the time of the
 * default level (7 vs 31 ms CPU), 22 % larger (367 vs 301 KB; exceljs's were 481 KB in all).
 */
const LEVEL = 1;
/** An empty final deflate block (fixed Huffman: BFINAL 1, end of block). */
const LAST_BLOCK = Buffer.from([0x03, 0x00]);

let table: Uint32Array | null = null;

/** CRC-32 with a table, for a Node without zlib.crc32 (before 20.15). */
function tableCrc32(data: Uint8Array, previous = 0): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let crc = ~previous >>> 0;
  for (let i = 0; i < data.length; i++) crc = table[(crc ^ data[i]!) & 0xff]! ^ (crc >>> 8);
  return ~crc >>> 0;
}

export const crc32: (data: Uint8Array, previous?: number) => number =
  typeof zlib.crc32 === "function" ? zlib.crc32 : tableCrc32;

interface Entry {
  readonly name: Buffer;
  readonly offset: number;
  crc: number;
  size: number;
  compressed: number;
}

export class ZipFileWriter {
  private position = 0;
  private readonly entries: Entry[] = [];
  private readonly time = dosTime(new Date());
  private closed = false;

  private constructor(private readonly fd: number) {}

  /** A new file (an existing one is emptied); a path that cannot be written fails here. */
  static create(path: string): ZipFileWriter {
    return new ZipFileWriter(openSync(path, "w"));
  }

  /** A part from its pieces of text (UTF-8), deflated chunk by chunk. */
  part(name: string, pieces: Iterable<string>): void {
    const entry: Entry = {
      name: Buffer.from(name, "utf8"),
      offset: this.position,
      crc: 0,
      size: 0,
      compressed: 0,
    };
    this.write(this.header(entry, false));
    let pending = "";
    for (const piece of pieces) {
      pending += piece;
      if (pending.length >= CHUNK) {
        this.chunk(entry, pending);
        pending = "";
      }
    }
    if (pending) this.chunk(entry, pending);
    this.write(LAST_BLOCK);
    entry.compressed += LAST_BLOCK.length;
    // The local header again, now with the CRC and sizes.
    this.write(this.header(entry, false), entry.offset);
    this.entries.push(entry);
  }

  /** The central directory and its end; the file is closed. */
  finish(): void {
    const start = this.position;
    for (const entry of this.entries) this.write(this.header(entry, true));
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(this.position - start, 12);
    end.writeUInt32LE(start, 16);
    this.write(end);
    this.close();
  }

  /** Closes the file, as it is (after a failure). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    closeSync(this.fd);
  }

  private chunk(entry: Entry, text: string): void {
    const data = Buffer.from(text, "utf8");
    entry.crc = crc32(data, entry.crc);
    entry.size += data.length;
    const raw = zlib.deflateRawSync(data, {
      level: LEVEL,
      finishFlush: zlib.constants.Z_SYNC_FLUSH,
    });
    entry.compressed += raw.length;
    this.write(raw);
  }

  /** A local header (30 bytes) or a central directory record (46), with the part's name. */
  private header(entry: Entry, central: boolean): Buffer {
    const size = central ? 46 : 30;
    const b = Buffer.alloc(size + entry.name.length);
    b.writeUInt32LE(central ? 0x02014b50 : 0x04034b50, 0);
    // The central record has "made by" (MS-DOS, 2.0) before the fields both share.
    const at = central ? 6 : 4;
    if (central) b.writeUInt16LE(20, 4);
    b.writeUInt16LE(20, at); // version needed
    b.writeUInt16LE(entry.name.some((c) => c > 127) ? 0x0800 : 0, at + 2);
    b.writeUInt16LE(8, at + 4); // deflate
    b.writeUInt16LE(this.time[0], at + 6);
    b.writeUInt16LE(this.time[1], at + 8);
    b.writeUInt32LE(entry.crc >>> 0, at + 10);
    b.writeUInt32LE(entry.compressed, at + 14);
    b.writeUInt32LE(entry.size, at + 18);
    b.writeUInt16LE(entry.name.length, at + 22);
    if (central) b.writeUInt32LE(entry.offset, 42);
    entry.name.copy(b, size);
    return b;
  }

  /** Writes at the end of the file, or at `at` (patching a header). */
  private write(data: Buffer, at?: number): void {
    let position = at ?? this.position;
    for (let done = 0; done < data.length;) {
      const n = writeSync(this.fd, data, done, data.length - done, position);
      done += n;
      position += n;
    }
    if (at === undefined) this.position += data.length;
  }
}
