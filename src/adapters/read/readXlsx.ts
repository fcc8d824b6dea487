import { InputError } from "../../core/errors";
import { CellBudget, SheetBuilder } from "./sheetBuilder";
import type { WorkbookData } from "./workbookData";
import { readRelationships, readSharedStrings, readStyles, readWorkbookPart } from "./xlsxParts";
import { SheetXmlReader, readSheetXml } from "./xlsxSheet";
import { memoPart } from "./partMemo";
import { WHOLE_TEXT_UP_TO, ZipEntry, eachEntryText, entryText } from "./zipDirectory";

function relsOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** The workbook part's path, from the package relationships (xl/workbook.xml when they say nothing). */
function workbookPath(bytes: Uint8Array, entries: ReadonlyMap<string, ZipEntry>): string {
  return memoPart("root", bytes, entries.get("_rels/.rels"), [], () =>
    workbookPathIn(entryText(bytes, entries, "_rels/.rels") ?? "")
  );
}

function workbookPathIn(root: string): string {
  const match = /<Relationship\b[^>]*Type="[^"]*\/officeDocument"[^>]*>/.exec(root)?.[0];
  const target = match && /Target="([^"]*)"/.exec(match)?.[1];
  return target ? target.replace(/^\//, "") : "xl/workbook.xml";
}

/**
 * An .xlsx (or .xlsm, or a WPS .et saved as xlsx) read part by part: the workbook, its shared
 * strings and styles, then each sheet in turn, whose XML is dropped before the next is inflated.
 */
export function readXlsx(bytes: Uint8Array, entries: ReadonlyMap<string, ZipEntry>): WorkbookData {
  const path = workbookPath(bytes, entries);
  const text = (name: string) => entryText(bytes, entries, name);
  const rels = memoPart("rels", bytes, entries.get(relsOf(path)), [path], () =>
    readRelationships(text(relsOf(path)), path)
  );
  const book = memoPart("workbook", bytes, entries.get(path), [path, rels], () => {
    const xml = text(path);
    if (xml === null) throw new InputError("无法读取工作簿，文件可能已损坏（缺少 workbook.xml）");
    return readWorkbookPart(xml, rels);
  });
  const relTargets = [...rels.values()];
  const find = (suffix: string) => relTargets.find((t) => t.endsWith(suffix)) ?? `xl/${suffix}`;
  const stylesPath = find("styles.xml");
  const ctx = {
    strings: readSharedStrings(text(find("sharedStrings.xml"))),
    styles: memoPart("styles", bytes, entries.get(stylesPath), [stylesPath], () =>
      readStyles(text(stylesPath))
    ),
    date1904: book.date1904,
  };
  const budget = new CellBudget();
  const sheets = book.sheets.map((s) => {
    const builder = new SheetBuilder(s.name, s.state, budget);
    const entry = entries.get(s.path);
    if (entry && entry.size > WHOLE_TEXT_UP_TO) {
      const reader = new SheetXmlReader(builder, ctx);
      eachEntryText(bytes, entry, (piece) => reader.push(piece));
      reader.end();
    } else {
      const sheetXml = entryText(bytes, entries, s.path);
      if (sheetXml !== null) readSheetXml(sheetXml, builder, ctx);
    }
    return builder.grid(book.calcOnLoad);
  });
  return { format: "xlsx", sheets, definedNames: book.definedNames };
}
