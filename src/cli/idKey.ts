import { readFile } from "fs/promises";
import { IdHasher, makeIdHasher } from "../core/lists/idHasher";
import { UsageError } from "./usage";

/** The environment variable that holds the school's key for 身份证号 hashes. */
export const ID_KEY_ENV = "QUOTA_ID_KEY";

/**
 * The school's ID hasher: the key from `--id-key-file` (its first line), else from QUOTA_ID_KEY;
 * null without a key (IDs are then masked but not hashed). The key is never written anywhere.
 */
export async function readIdHasher(keyFile?: string): Promise<IdHasher | null> {
  let key = process.env[ID_KEY_ENV] ?? "";
  if (keyFile !== undefined) key = (await readFile(keyFile, "utf8")).split(/\r?\n/)[0] ?? "";
  key = key.trim();
  if (keyFile !== undefined && key === "")
    throw new UsageError(`--id-key-file“${keyFile}”是空的：第一行应为学校的身份证号密钥`);
  if (key === "") return null;
  if (key.length < 16)
    throw new UsageError(
      `身份证号密钥太短：至少 16 个字符（${keyFile !== undefined ? "--id-key-file" : ID_KEY_ENV}）`
    );
  return makeIdHasher(key);
}
