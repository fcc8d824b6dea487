import { concatBytes, tableCrc32 } from "./zipBytes";

interface Entry {
  readonly name: Uint8Array;
  readonly data: Uint8Array;
  readonly crc: number;
  readonly offset: number;
}

/** A little-endian header: [value, bytes] pairs. */
function header(fields: readonly [number, 2 | 4][]): Uint8Array {
  const out = new Uint8Array(fields.reduce((a, [, n]) => a + n, 0));
  const view = new DataView(out.buffer);
  let at = 0;
  for (const [value, size] of fields) {
    if (size === 2) view.setUint16(at, value, true);
    else view.setUint32(at, value >>> 0, true);
    at += size;
  }
  return out;
}

/** Flag 0x0800: names are UTF-8 (Chinese file names open right in Windows Explorer and WPS). */
const UTF8 = 0x0800;

/**
 * A zip of files stored as they are (no compression: .xlsx files are compressed already), so that
 * no zip library is loaded in the page. Dates are left at 1980-01-01.
 */
export function storeZip(files: readonly { name: string; data: Uint8Array }[]): Uint8Array {
  const parts: Uint8Array[] = [];
  const entries: Entry[] = [];
  let offset = 0;
  for (const file of files) {
    const name = new TextEncoder().encode(file.name);
    const entry: Entry = { name, data: file.data, crc: tableCrc32(file.data), offset };
    const local = localHeader(entry);
    parts.push(local, name, file.data);
    entries.push(entry);
    offset += local.length + name.length + file.data.length;
  }
  const start = offset;
  for (const e of entries) {
    const central = centralHeader(e);
    parts.push(central, e.name);
    offset += central.length + e.name.length;
  }
  parts.push(endOfDirectory(entries.length, offset - start, start));
  return concatBytes(parts);
}

/** The local file header before a stored file's name and data. */
function localHeader(e: Entry): Uint8Array {
  return header([
    [0x04034b50, 4],
    [20, 2],
    [UTF8, 2],
    [0, 2],
    [0, 2],
    [0x21, 2],
    [e.crc, 4],
    [e.data.length, 4],
    [e.data.length, 4],
    [e.name.length, 2],
    [0, 2],
  ]);
}

/** The central directory's header of a file, before its name. */
function centralHeader(e: Entry): Uint8Array {
  return header([
    [0x02014b50, 4],
    [20, 2],
    [20, 2],
    [UTF8, 2],
    [0, 2],
    [0, 2],
    [0x21, 2],
    [e.crc, 4],
    [e.data.length, 4],
    [e.data.length, 4],
    [e.name.length, 2],
    [0, 2],
    [0, 2],
    [0, 2],
    [0, 2],
    [0, 4],
    [e.offset, 4],
  ]);
}

/** The end of central directory record: how many entries, the directory's size and offset. */
function endOfDirectory(count: number, size: number, start: number): Uint8Array {
  return header([
    [0x06054b50, 4],
    [0, 2],
    [0, 2],
    [count, 2],
    [count, 2],
    [size, 4],
    [start, 4],
    [0, 2],
  ]);
}
