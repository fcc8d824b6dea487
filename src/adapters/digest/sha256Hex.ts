import { toHex } from "../../core/hex";

/** SHA-256 of the bytes as hex, by Web Crypto (in the page, in Office and in Node alike). */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest("SHA-256", bytes as BufferSource);
  return toHex(new Uint8Array(digest));
}
