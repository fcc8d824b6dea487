import type { CellValue } from "../grid";
import { memoByText } from "../memo";
import { normalizeLabel, toHalfWidth } from "../text";
import type { FieldKey, SectionKey } from "./reportLayout";

/** What a label cell of 附件6 is. `rest` is what follows the label in the same cell (填报单位（公章）：经济管理学院). */
export type FormLabel =
  | { readonly kind: "title" }
  | { readonly kind: "progress" }
  | { readonly kind: "unit" | "filer" | "head" | "date"; readonly rest: string }
  | { readonly kind: "field"; readonly field: FieldKey; readonly unit: string | null };

/** A pattern that tolerates white space (spaces, line breaks) between any two characters. */
function spaced(word: string): string {
  return [...word].map((ch) => ch.replace(/[()+]/g, "\\$&")).join("\\s*");
}

const BRACKETED = `(?:\\(\\s*[^)]*\\))?`;
const COLON = `\\s*:?\\s*`;
const valueLabel = (prefix: string) => new RegExp(`^${prefix}\\s*${BRACKETED}${COLON}([\\s\\S]*)$`);

const UNIT = valueLabel(spaced("填报单位"));
const HEAD = valueLabel(
  `(?:${spaced("填报")}\\s*)?(?:(?:${spaced("单位")}|${spaced("学院")})\\s*)?${spaced("负责人")}`
);
const FILER = valueLabel(`${spaced("填")}\\s*[报表]\\s*${spaced("人")}`);
const DATE = valueLabel(`${spaced("填报")}\\s*(?:${spaced("时间")}|${spaced("日期")})`);

const FIELD =
  /^(年度任务|当月完成|本月完成|累计已完成|累计完成率|累计完成)(?:数|人数|人次数?)?(?:\((.*)\))?$/;
const FIELD_OF: Readonly<Record<string, FieldKey>> = {
  年度任务: "target",
  当月完成: "month",
  本月完成: "month",
  累计已完成: "cumulative",
  累计完成: "cumulative",
  累计完成率: "rate",
};

/** Reads a cell as one of the form's labels, whatever its spaces, line breaks or full-width punctuation. */
export function classifyLabel(value: CellValue): FormLabel | null {
  return typeof value === "string" && MAY_BE_LABEL.test(value) ? labelOfText(value) : null;
}

/**
 * Every label begins (after white space) with one of these characters — 工作进度, the column
 * headers, 填报…, 单位/学院负责人 — or holds 进 (…进度月报表): other text, such as a list's
 * thousands of names, is not a label and is not looked at further (nor remembered).
 */
const MAY_BE_LABEL = /^\s*[工年当本累填单学负]|进/;

// Remembered per text: every report repeats the same labels. A FormLabel is never changed.
const labelOfText = memoByText((value: string): FormLabel | null => {
  const text = toHalfWidth(value).trim();
  const key = normalizeLabel(value);
  if (key === "") return null;
  if (key === "工作进度") return { kind: "progress" };
  if (key.includes("进度月报表")) return { kind: "title" };
  const field = FIELD.exec(key);
  if (field) return { kind: "field", field: FIELD_OF[field[1]!]!, unit: field[2] ?? null };
  for (const [kind, pattern] of [
    ["head", HEAD],
    ["unit", UNIT],
    ["filer", FILER],
    ["date", DATE],
  ] as const) {
    const match = pattern.exec(text);
    if (match) return { kind, rest: match[1]!.trim() };
  }
  return null;
});

/** The section a label names, or null: 培训任务, 取证人数 / 高级工及以上取证人数, 非高级工及以上取证人数, 1+X证书取证人数. */
export function sectionOfLabel(value: CellValue): SectionKey | null {
  if (typeof value !== "string") return null;
  const key = normalizeLabel(value).toUpperCase();
  if (key.includes("1+X")) return "onex";
  if (key.includes("培训")) return "training";
  if (key.includes("非高级工")) return "nonadvanced";
  if (key.includes("高级工")) return "advanced";
  return null;
}
