import { InputError } from "../../core/errors";
import { READ_LIMITS, fileTooLarge } from "./limits";

/** zip: .xlsx or .ods (told apart by their parts); cfb: .xls/.et (OLE2); csv: text. */
export type ByteFormat = "zip" | "cfb" | "csv";

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** Binary bytes that no text file has: NUL, or most control characters. */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 4096);
  let odd = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) odd++;
  }
  return odd > n / 20;
}

/** What the bytes are, by their content; the name only tells text that is not a table. */
export function sniffFormat(bytes: Uint8Array, fileName: string): ByteFormat {
  if (bytes.length === 0) throw new InputError("文件是空的");
  if (bytes.length > READ_LIMITS.fileBytes) throw fileTooLarge(bytes.length);
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 3 && bytes[3] === 4) return "zip";
  if (startsWith(bytes, CFB_MAGIC)) return "cfb";
  if (!looksBinary(bytes) && /\.(csv|txt|tsv)$/i.test(fileName)) return "csv";
  throw new InputError(
    "不是 Excel 工作簿（.xlsx、.xls，WPS 的 .et）、OpenDocument 表格（.ods）或 CSV 文件"
  );
}
