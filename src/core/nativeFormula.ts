import { toText } from "./decimal";
import { DEFAULT_RATES, RateName } from "./rates";

// Rates are scaled to whole hundredths of a percent before the division, as in the generated
// workbooks, so that every quota is computed exactly by any spreadsheet.
const SCALE = 10000;

const rateTerm = (arg: string | undefined, name: RateName) =>
  `ROUND(${arg || toText(DEFAULT_RATES[name])}*${SCALE},0)`;
const quota = (...parts: [string, string][]) =>
  `ROUND(${parts.length > 1 ? "(" : ""}${parts.map(([count, rate]) => `SUM(${count})*${rate}`).join("+")}${parts.length > 1 ? ")" : ""}/${SCALE},0)`;

const TRANSLATIONS: Record<string, (a: (string | undefined)[]) => string | null> = {
  TRAINING: ([g, r]) => quota([g!, rateTerm(r, "training")]),
  ADVANCED: ([x, r]) => quota([x!, rateTerm(r, "advanced")]),
  NONADVANCED: ([s, u, ri, ru]) =>
    quota([s!, rateTerm(ri, "intermediate")], [u!, rateTerm(ru, "undergraduate")]),
  INTERMEDIATE: ([s, r]) => quota([s!, rateTerm(r, "intermediate")]),
  ONEX: ([c, r]) => quota([c!, rateTerm(r, "onex")]),
  COMPLETION: ([c, t]) => `ROUND(SUM(${c})/${t},4)`,
  APPORTION: () => null,
};

/** Whether a formula calls any QUOTA function. */
export function usesQuotaFunctions(formula: string): boolean {
  return /QUOTA\.[A-Z]+\s*\(/i.test(stripStrings(formula));
}

function stripStrings(formula: string): string {
  return formula.replace(/"(?:[^"]|"")*"/g, '""');
}

/**
 * Rewrites the QUOTA.* calls of a formula as native Excel formulas that compute the same
 * numbers; null when one of them has no native form (APPORTION spills), so keep its values.
 */
export function toNativeFormula(formula: string): string | null {
  let out = "";
  let i = 0;
  const text = formula;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '"') {
      const end = endOfString(text, i);
      out += text.slice(i, end);
      i = end;
      continue;
    }
    const match = /^QUOTA\.([A-Z]+)\s*\(/i.exec(text.slice(i));
    const before = i === 0 ? "" : text[i - 1]!;
    if (match && !/[A-Za-z0-9_.]/.test(before)) {
      const name = match[1]!.toUpperCase();
      const open = i + match[0].length - 1;
      const { args, end } = splitArgs(text, open);
      const translate = TRANSLATIONS[name];
      if (!translate) return null;
      const inner: (string | undefined)[] = [];
      for (const arg of args) {
        const t = arg.trim() === "" ? undefined : toNativeFormula(arg.trim());
        if (t === null) return null;
        inner.push(t);
      }
      const native = translate(inner);
      if (native === null) return null;
      out += native;
      i = end;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

function endOfString(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    if (text[i] === '"') {
      if (text[i + 1] === '"') i += 2;
      else return i + 1;
    } else i++;
  }
  return i;
}

/** The arguments of the call whose "(" is at `open`, and the index just after its ")". */
function splitArgs(text: string, open: number): { args: string[]; end: number } {
  const args: string[] = [];
  let depth = 0;
  let current = "";
  let i = open + 1;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '"') {
      const end = endOfString(text, i);
      current += text.slice(i, end);
      i = end;
      continue;
    }
    if (ch === "'") {
      const end = text.indexOf("'", i + 1);
      const stop = end < 0 ? text.length : end + 1;
      current += text.slice(i, stop);
      i = stop;
      continue;
    }
    if (ch === "(" || ch === "{") depth++;
    if ((ch === ")" || ch === "}") && depth > 0) depth--;
    else if (ch === ")" && depth === 0) {
      args.push(current);
      return { args, end: i + 1 };
    } else if (ch === "," && depth === 0) {
      args.push(current);
      current = "";
      i++;
      continue;
    }
    current += ch;
    i++;
  }
  args.push(current);
  return { args, end: i };
}
