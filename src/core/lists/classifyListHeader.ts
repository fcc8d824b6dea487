import type { CellValue } from "../grid";
import { memoByText } from "../memo";
import { normalizeLabel } from "../text";
import { ColumnLayout, LIST_LAYOUTS, ListColumn } from "./listLayout";

/** A header as compared: half-width, no spaces or line breaks, no bracketed notes, no * or colon, lower case. */
export function headerKey(text: string): string {
  let key = normalizeLabel(text).replace(/[*＊:]/g, "");
  for (let before = ""; before !== key;) {
    before = key;
    key = key.replace(/\([^()]*\)/g, "");
  }
  return key.toLowerCase();
}

const COLUMN_OF = new Map<string, ListColumn>();
for (const layout of Object.values(LIST_LAYOUTS))
  for (const [column, spec] of Object.entries(layout.columns) as [ListColumn, ColumnLayout][])
    for (const alias of spec.aliases) if (!COLUMN_OF.has(alias)) COLUMN_OF.set(alias, column);

/** The list column a header cell names, whatever its spaces, line breaks, notes in brackets or full-width punctuation. */
export function classifyListHeader(value: CellValue): ListColumn | null {
  return typeof value === "string" ? columnOfText(value) : null;
}

const columnOfText = memoByText((text) => COLUMN_OF.get(headerKey(text)) ?? null);
