/** Bytes as lower-case hex, two digits each: how SHA-256 digests are shown and stored. */
export function toHex(bytes: Uint8Array): string {
  let hex = "";
  for (const b of bytes) hex += b.toString(16).padStart(2, "0");
  return hex;
}
