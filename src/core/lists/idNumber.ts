const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = "10X98765432";

/** 身份证号 as compared: half-width, no spaces, upper-case X. */
export function normalizeIdNumber(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, "")
    .toUpperCase();
}

/** True when an 18-character 公民身份号码 has the GB 11643-1999 check character (ISO 7064 MOD 11-2). */
export function isValidIdNumber(id: string): boolean {
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (id.charCodeAt(i) - 48) * WEIGHTS[i]!;
  return CHECK[sum % 11] === id[17];
}

/** For display: the first three and last four characters, 410***********1234. */
export function maskIdNumber(id: string): string {
  if (id.length <= 7) return "*".repeat(id.length);
  return id.slice(0, 3) + "*".repeat(id.length - 7) + id.slice(-4);
}

/** For display and the master: the family name only, 张*, 欧*** (a name is not a key, so nothing else is kept). */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length === 0) return "";
  return chars[0] + "*".repeat(Math.max(1, chars.length - 1));
}
