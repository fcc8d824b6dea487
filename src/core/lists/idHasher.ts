import { hmacSha256, toHex, utf8 } from "./sha256";

/**
 * Turns a 身份证号 into the key the master keeps: a keyed hash, so that the master cannot be reversed by
 * hashing every possible ID (birth dates × sequence numbers are only ~10^9 candidates; a plain SHA-256
 * of an ID falls in minutes). Synchronous on purpose: rows are checked one by one over a million rows,
 * and SubtleCrypto is async only; an adapter may inject Node's `crypto.createHmac` for speed.
 */
export type IdHasher = (idNumber: string) => string;

/** Hex characters kept of the HMAC: 128 bits, ample against collisions among a province's students. */
export const ID_HASH_LENGTH = 32;

/**
 * HMAC-SHA-256 with the school's secret key (from 教务处, never stored in the master: anyone holding
 * the master and the key could enumerate IDs again), truncated to `ID_HASH_LENGTH` hex characters.
 */
export function makeIdHasher(secretKey: string): IdHasher {
  if (secretKey.length < 16) throw new RangeError("密钥太短：至少16个字符");
  const key = utf8(secretKey);
  return (id) => toHex(hmacSha256(key, utf8(id))).slice(0, ID_HASH_LENGTH);
}

/**
 * What the master keeps of the key: a check value (the HMAC of a fixed text), so a rollup run with
 * another key is refused instead of silently missing every duplicate.
 */
export function keyCheckValue(hasher: IdHasher): string {
  return hasher("quota-lists-key-check").slice(0, 12);
}
