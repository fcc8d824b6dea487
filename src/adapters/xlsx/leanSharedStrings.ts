import type { StringTable } from "./leanSheetXml";
import { xmlText } from "./xmlText";

/** Leading or trailing spaces and line breaks: kept only when the text says xml:space="preserve". */
const EDGE_SPACE = /^\s|\n|\s$/;

/** The workbook's shared strings: each text once, in the order first used. */
export class LeanSharedStrings implements StringTable {
  private readonly ids = new Map<string, number>();
  /** Cells that refer to a shared string (the table's count). */
  private uses = 0;

  id(text: string): number {
    this.uses++;
    let id = this.ids.get(text);
    if (id === undefined) this.ids.set(text, (id = this.ids.size));
    return id;
  }

  /** sharedStrings.xml, piece by piece. */
  *xml(): Generator<string> {
    yield (
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${this.uses}" uniqueCount="${this.ids.size}">`
    );
    // Not `yield /re/`: minified to `yield/re/`, which acorn (tests/bundleSyntax) misreads in a
    // class's generator method (browsers read it right).
    for (const text of this.ids.keys())
      yield EDGE_SPACE.test(text)
        ? `<si><t xml:space="preserve">${xmlText(text)}</t></si>`
        : `<si><t>${xmlText(text)}</t></si>`;
    yield "</sst>";
  }
}
