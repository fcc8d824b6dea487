import { readZipDirectory, inflateEntry, ZipEntry } from "../read/zipDirectory";
import { concatBytes, dosTime } from "../zip/zipBytes";

/*
 * The few parts of JSZip the chart code uses (loadAsync, file, generateAsync), for a zip that we
 * just wrote or a master we read: the parts it does not change are copied as they are stored
 * (local header, data, descriptor and directory record), only the changed or new ones are
 * compressed, by the host's deflater. JSZip re-encodes every changed part through pako and
 * rebuilds the whole file in JavaScript: for a 1,000-college master that was 0.2 s of 2.2 s.
 */

/** The host's compression: raw deflate and the zip checksum (Node's zlib). */
export interface ZipCodec {
  deflate(data: Uint8Array): Uint8Array;
  crc32(data: Uint8Array): number;
}

interface Written {
  readonly data: Uint8Array;
  readonly raw: Uint8Array;
  readonly crc: number;
}

interface ZipFile {
  async(type: "string"): Promise<string>;
}

const u16 = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8);
const u32 = (b: Uint8Array, i: number) =>
  (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16)) + b[i + 3]! * 16777216;
const UTF8 = new TextDecoder("utf-8", { ignoreBOM: true });

class Bytes {
  private readonly parts: Uint8Array[] = [];
  length = 0;
  push(part: Uint8Array): void {
    this.parts.push(part);
    this.length += part.length;
  }
  header(size: number, fill: (view: DataView) => void): void {
    const part = new Uint8Array(size);
    fill(new DataView(part.buffer));
    this.push(part);
  }
  join(): Uint8Array {
    return concatBytes(this.parts);
  }
}

export class LeanZip {
  /** Entries as stored (in their order), and parts written since (replacing or after them). */
  private readonly written = new Map<string, Written>();

  /** Each entry's central directory record, by name. */
  private readonly records = new Map<string, Uint8Array>();

  private constructor(
    private readonly codec: ZipCodec,
    private readonly bytes: Uint8Array,
    private readonly entries: Map<string, ZipEntry>
  ) {
    const b = bytes;
    let end = b.length - 22;
    while (end >= 0 && u32(b, end) !== 0x06054b50) end--;
    let at = u32(b, end + 16);
    for (let i = u16(b, end + 10); i > 0; i--) {
      const nameLength = u16(b, at + 28);
      const size = 46 + nameLength + u16(b, at + 30) + u16(b, at + 32);
      const name = UTF8.decode(b.subarray(at + 46, at + 46 + nameLength)).replace(/^\/+/, "");
      this.records.set(name, b.subarray(at, at + size));
      at += size;
    }
  }

  static module(codec: ZipCodec) {
    return {
      loadAsync: async (bytes: Uint8Array) => new LeanZip(codec, bytes, readZipDirectory(bytes)),
    };
  }

  /** A part to read (null when there is none), or, given text, the part written. */
  file(path: string): ZipFile | null;
  file(path: string, text: string, options?: object): this;
  file(path: string, text?: string): ZipFile | null | this {
    if (text !== undefined) {
      const data = new TextEncoder().encode(text);
      this.written.set(path, { data, raw: this.codec.deflate(data), crc: this.codec.crc32(data) });
      return this;
    }
    const written = this.written.get(path);
    if (written) return { async: async () => UTF8.decode(written.data) };
    const entry = this.entries.get(path);
    if (!entry || path.endsWith("/")) return null;
    return { async: async () => UTF8.decode(inflateEntry(this.bytes, entry)) };
  }

  async generateAsync(options: {
    type: "uint8array";
    compression: "DEFLATE";
  }): Promise<Uint8Array> {
    void options;
    const out = new Bytes();
    const directory = new Bytes();
    let count = 0;
    for (const [name, entry] of this.entries) {
      if (this.written.has(name)) this.writePart(out, directory, name, this.written.get(name)!);
      else this.copyPart(out, directory, entry);
      count++;
    }
    for (const [name, part] of this.written)
      if (!this.entries.has(name)) {
        this.writePart(out, directory, name, part);
        count++;
      }
    const start = out.length;
    out.push(directory.join());
    out.header(22, (v) => {
      v.setUint32(0, 0x06054b50, true);
      v.setUint16(8, count, true);
      v.setUint16(10, count, true);
      v.setUint32(12, out.length - start, true);
      v.setUint32(16, start, true);
    });
    return out.join();
  }

  /** An unchanged part: its local record and directory record copied, the offset made new. */
  private copyPart(out: Bytes, directory: Bytes, entry: ZipEntry): void {
    const b = this.bytes;
    const at = entry.localOffset;
    let end = at + 30 + u16(b, at + 26) + u16(b, at + 28) + entry.compressedSize;
    // A data descriptor (streamed writers): crc and sizes after the data, with or without its mark.
    if (u16(b, at + 6) & 8) end += u32(b, end) === 0x08074b50 ? 16 : 12;
    const offset = out.length;
    out.push(b.subarray(at, end));
    // A copy (new Uint8Array, not slice: a Buffer's slice is a view of the same memory).
    const record = new Uint8Array(this.records.get(entry.name)!);
    new DataView(record.buffer).setUint32(42, offset, true);
    directory.push(record);
  }

  /** A new or changed part, deflated. */
  private writePart(out: Bytes, directory: Bytes, name: string, part: Written): void {
    const nameBytes = new TextEncoder().encode(name);
    const [time, day] = dosTime(new Date());
    const offset = out.length;
    const common = (v: DataView, at: number) => {
      v.setUint16(at, 20, true); // version needed
      v.setUint16(at + 2, nameBytes.some((c) => c > 127) ? 0x0800 : 0, true);
      v.setUint16(at + 4, 8, true);
      v.setUint16(at + 6, time, true);
      v.setUint16(at + 8, day, true);
      v.setUint32(at + 10, part.crc >>> 0, true);
      v.setUint32(at + 14, part.raw.length, true);
      v.setUint32(at + 18, part.data.length, true);
      v.setUint16(at + 22, nameBytes.length, true);
    };
    out.header(30, (v) => {
      v.setUint32(0, 0x04034b50, true);
      common(v, 4);
    });
    out.push(nameBytes);
    out.push(part.raw);
    directory.header(46, (v) => {
      v.setUint32(0, 0x02014b50, true);
      v.setUint16(4, 20, true); // made by: MS-DOS, 2.0
      common(v, 6);
      v.setUint32(42, offset, true);
    });
    directory.push(nameBytes);
  }
}
