import type { Grid } from "../../core/grid";
import { parseCsv, decodeText } from "../csv/parseCsv";
import { readSheetJs } from "./readSheetJs";
import { readXlsx } from "./readXlsx";
import { loadSheetJs } from "./sheetJsModule";
import { sniffFormat } from "./sniffFormat";
import type { WorkbookData } from "./workbookData";
import { inflateEntry, readZipDirectory } from "./zipDirectory";

const ODS_MIME = "application/vnd.oasis.opendocument.spreadsheet";

function baseName(fileName: string): string {
  return fileName.replace(/^.*[\\/]/, "").replace(/\.[^.]+$/, "");
}

/**
 * Any spreadsheet file staff have — .xlsx, .xls, .et, .ods, .csv — chosen by its content, not its
 * name, and read within READ_LIMITS: a file over a limit is one QuotaError, nothing else happens.
 */
export async function readWorkbookData(bytes: Uint8Array, fileName: string): Promise<WorkbookData> {
  const format = sniffFormat(bytes, fileName);
  if (format === "csv") {
    const grid = parseCsv(decodeText(bytes), baseName(fileName));
    const sheet = Object.defineProperty(
      { ...grid } as Grid & { readonly merges: string[] },
      "merges",
      {
        value: [],
      }
    );
    return { format: "csv", sheets: [sheet], definedNames: [] };
  }
  if (format === "cfb") return readSheetJs(await loadSheetJs(), bytes, "xls");
  const entries = readZipDirectory(bytes);
  const mime = entries.get("mimetype");
  const isOds =
    (mime && new TextDecoder().decode(inflateEntry(bytes, mime)).trim() === ODS_MIME) ||
    (!entries.has("[Content_Types].xml") && entries.has("content.xml"));
  if (!isOds) return readXlsx(bytes, entries);
  // SheetJS inflates by itself: the parts it reads are inflated here first, within the limits.
  for (const part of ["content.xml", "styles.xml"]) {
    const entry = entries.get(part);
    if (entry) inflateEntry(bytes, entry);
  }
  return readSheetJs(await loadSheetJs(), bytes, "ods");
}
