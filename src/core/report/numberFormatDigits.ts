/**
 * Whether a number format makes a cell show other digits than it stores: literal digits in
 * quotes or after a backslash ("300", 0"0"), no digit placeholder at all (;;; or "—"), a
 * trailing comma that divides by 1,000, or a percent sign that multiplies by 100.
 */
export function formatShowsOtherDigits(format: string, value: number): boolean {
  const sections = splitSections(format);
  const section =
    (value < 0 ? sections[1] : value === 0 ? sections[2] : undefined) ?? sections[0] ?? "";
  if (section.toLowerCase() === "general" || section === "@") return false;
  const literals = [...section.matchAll(/"([^"]*)"|\\(.)/g)].map((m) => m[1] ?? m[2] ?? "");
  if (literals.some((l) => /[0-9０-９]/.test(l))) return true;
  const bare = section.replace(/"[^"]*"|\\.|\[[^\]]*\]|_.|\*./g, "");
  if (!/[0#?]/.test(bare)) return value !== 0 || sections.length < 3;
  if (/[0#?.],+(?![0#?])/.test(bare) || bare.includes("%")) return true;
  return false;
}

/** The ;-separated sections, a ; inside quotes not counting. */
function splitSections(format: string): string[] {
  const out: string[] = [];
  let current = "";
  let quoted = false;
  for (let i = 0; i < format.length; i++) {
    const ch = format[i]!;
    if (ch === '"') quoted = !quoted;
    if (ch === "\\" && !quoted) {
      current += ch + (format[++i] ?? "");
      continue;
    }
    if (ch === ";" && !quoted) {
      out.push(current);
      current = "";
    } else current += ch;
  }
  out.push(current);
  return out;
}
