import { InputError } from "../../core/errors";
import type { CellInfo, SheetState } from "../../core/grid";
import { READ_LIMITS, overLimit } from "./limits";
import { builtInFormat, isDateFormat } from "./numberFormats";
import type { DefinedName } from "./workbookData";
import { attributes, decodeXml, runText, tagsNamed } from "./xmlText";

export interface SheetEntry {
  readonly name: string;
  readonly state: SheetState;
  readonly path: string;
}

export interface WorkbookPart {
  readonly sheets: readonly SheetEntry[];
  readonly definedNames: readonly DefinedName[];
  readonly date1904: boolean;
  readonly calcOnLoad: boolean;
}

/** A cell style's number format, resolved once per style index. */
export interface CellStyle {
  readonly format: string | undefined;
  readonly isDate: boolean;
  /** The facts of a number (no formula) in this style, one object for all its cells. */
  readonly plain?: CellInfo;
}

/** A part path relative to the folder of the part that names it ("worksheets/sheet1.xml" → "xl/worksheets/sheet1.xml"). */
function resolvePath(base: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = base.split("/").slice(0, -1);
  for (const piece of target.split("/")) {
    if (piece === "..") parts.pop();
    else if (piece !== ".") parts.push(piece);
  }
  return parts.join("/");
}

/** The relationships of a part: id → part path. */
export function readRelationships(xml: string | null, basePart: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const tag of tagsNamed(xml ?? "", "Relationship")) {
    const a = attributes(tag);
    if (a.Id && a.Target && a.TargetMode !== "External")
      out.set(a.Id, resolvePath(basePart, a.Target));
  }
  return out;
}

const STATES: Record<string, SheetState> = { hidden: "hidden", veryHidden: "veryHidden" };

export function readWorkbookPart(xml: string, rels: ReadonlyMap<string, string>): WorkbookPart {
  const sheetTags = tagsNamed(xml, "sheet");
  if (sheetTags.length > READ_LIMITS.sheets) throw overLimit(`工作表超过 ${READ_LIMITS.sheets} 张`);
  const sheets = sheetTags.flatMap((tag) => {
    const a = attributes(tag);
    const path = rels.get(a["r:id"] ?? a.id ?? "");
    return a.name && path
      ? [{ name: a.name, state: STATES[a.state ?? ""] ?? "visible", path }]
      : [];
  });
  if (sheets.length === 0) throw new InputError("工作簿中没有工作表");
  const definedNames: DefinedName[] = [];
  const re = /<(?:\w+:)?definedName\b([^>]*)>([^<]*)</g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml))) {
    const a = attributes(m[1]!);
    const local =
      a.localSheetId === undefined ? null : (sheets[Number(a.localSheetId)]?.name ?? null);
    definedNames.push({
      name: a.name ?? "",
      ref: decodeXml(m[2]!),
      localSheet: local,
      hidden: a.hidden === "1" || a.hidden === "true",
    });
  }
  const pr = attributes(tagsNamed(xml, "workbookPr")[0] ?? "");
  const calc = attributes(tagsNamed(xml, "calcPr")[0] ?? "");
  const on = (v: string | undefined) => v === "1" || v === "true";
  return { sheets, definedNames, date1904: on(pr.date1904), calcOnLoad: on(calc.fullCalcOnLoad) };
}

/** The shared strings, rich text joined, phonetic guides left out. */
export function readSharedStrings(xml: string | null): string[] {
  if (!xml) return [];
  const out: string[] = [];
  let at = 0;
  for (;;) {
    const start = xml.indexOf("<si", at);
    if (start < 0) break;
    const close = xml.indexOf(">", start);
    if (xml[close - 1] === "/") {
      out.push("");
      at = close + 1;
    } else {
      const end = xml.indexOf("</si>", close);
      if (end < 0) break;
      out.push(runText(xml.slice(close + 1, end)));
      at = end + 5;
    }
    if (out.length > READ_LIMITS.sharedStrings)
      throw overLimit(`共享字符串超过 ${READ_LIMITS.sharedStrings.toLocaleString("en")} 个`);
  }
  return out;
}

/** Each cell style index → its number format and whether it shows a date. */
export function readStyles(xml: string | null): CellStyle[] {
  if (!xml) return [];
  const custom = new Map<number, string>();
  for (const tag of tagsNamed(xml, "numFmt")) {
    const a = attributes(tag);
    if (a.numFmtId !== undefined && a.formatCode !== undefined)
      custom.set(Number(a.numFmtId), a.formatCode);
  }
  const xfs = /<(?:\w+:)?cellXfs\b[\s\S]*?<\/(?:\w+:)?cellXfs>/.exec(xml)?.[0] ?? "";
  return tagsNamed(xfs, "xf").map((tag) => {
    const id = Number(attributes(tag).numFmtId ?? 0);
    const found = custom.get(id) ?? builtInFormat(id);
    const format = found === "General" ? undefined : found;
    const plain = format ? Object.freeze({ formula: false, numberFormat: format }) : undefined;
    return { format, isDate: isDateFormat(id, found), plain };
  });
}
