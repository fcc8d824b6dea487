import type { CellValue, Grid } from "../../core/grid";

/** Text of a CSV file: UTF-8 (with or without BOM), else GB18030 as Excel saves it on Chinese Windows. */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch (error) {
    // A fatal decoder's "not UTF-8" (by name: Node's TypeError may come from another realm).
    if ((error as Error | null)?.name !== "TypeError") throw error;
    return new TextDecoder("gb18030").decode(bytes);
  }
}

/** RFC 4180 CSV (quotes, doubled quotes, line breaks inside quotes; comma, tab or semicolon). */
export function parseCsv(text: string, name: string): Grid {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = [",", "\t", ";"].reduce(
    (best, d) => (firstLine.split(d).length > firstLine.split(best).length ? d : best),
    ","
  );
  const rows: CellValue[][] = [];
  let row: CellValue[] = [];
  let field = "";
  let quoted = false;
  let wasQuoted = false;
  const endField = () => {
    row.push(toValue(field, wasQuoted));
    field = "";
    wasQuoted = false;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field === "") {
      quoted = true;
      wasQuoted = true;
    } else if (ch === delimiter) endField();
    else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      endField();
      rows.push(row);
      row = [];
    } else field += ch;
  }
  if (field !== "" || row.length > 0) {
    endField();
    rows.push(row);
  }
  return { name, rows };
}

/** CSV has no types: a plain number becomes a number, an empty field null, the rest text. */
function toValue(field: string, quoted: boolean): CellValue {
  if (field === "" && !quoted) return null;
  if (!quoted && /^-?\d+(\.\d+)?$/.test(field.trim())) return Number(field.trim());
  return field;
}
