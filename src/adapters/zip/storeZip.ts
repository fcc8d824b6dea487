/** CRC-32 (IEEE), as zip needs it. */
const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

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
    const crc = crc32(file.data);
    const size = file.data.length;
    const local = header([
      [0x04034b50, 4],
      [20, 2],
      [UTF8, 2],
      [0, 2],
      [0, 2],
      [0x21, 2],
      [crc, 4],
      [size, 4],
      [size, 4],
      [name.length, 2],
      [0, 2],
    ]);
    parts.push(local, name, file.data);
    entries.push({ name, data: file.data, crc, offset });
    offset += local.length + name.length + size;
  }
  const start = offset;
  for (const e of entries) {
    const central = header([
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
    parts.push(central, e.name);
    offset += central.length + e.name.length;
  }
  parts.push(
    header([
      [0x06054b50, 4],
      [0, 2],
      [0, 2],
      [entries.length, 2],
      [entries.length, 2],
      [offset - start, 4],
      [start, 4],
      [0, 2],
    ])
  );
  const out = new Uint8Array(parts.reduce((a, p) => a + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
