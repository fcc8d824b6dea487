import { sha256Hex } from "../adapters/digest/sha256Hex";
import type { ReportFile } from "../core/rollup/reportFile";
import type { DefinedName } from "../adapters/read/workbookData";
import { READ_LIMITS, fileTooLarge } from "../adapters/read/limits";
import "./loadExcelJs";

/** A report file the pane read from the picker, with the bytes and names it keeps beside. */
export interface PickedFile extends ReportFile {
  readonly bytes: Uint8Array;
  /** The workbook's defined names: a master's sheets are found by their ownership names. */
  readonly definedNames?: readonly DefinedName[];
}

const sha256 = sha256Hex;

/** A picked file over the size limit is refused from File.size, before a byte of it is read. */
function tooLarge(f: File): PickedFile | null {
  if (f.size <= READ_LIMITS.fileBytes) return null;
  const empty = new Uint8Array(0);
  return {
    file: f.name,
    sha256: "",
    bytes: empty,
    grids: null,
    error: `文件“${f.name}”：${fileTooLarge(f.size).message}`,
  };
}

type ReadModule = typeof import("../adapters/read/readWorkbookData");
let reader: Promise<ReadModule> | null = null;

/** The reader is the "reader" chunk (format sniffing, unzip, sheet parsing), loaded on the first file. */
function loadWorkbookReader(): Promise<ReadModule> {
  reader ??= import(/* webpackChunkName: "reader" */ "../adapters/read/readWorkbookData.js");
  return reader;
}

/** Reads picked files one by one (SheetJS loads on the first .xls/.ods), reporting progress; a bad file never stops the others. */
export async function readPickedFiles(
  files: readonly File[],
  onProgress: (done: number, total: number) => void
): Promise<PickedFile[]> {
  const picked: PickedFile[] = [];
  const { readWorkbookData } = await loadWorkbookReader();
  for (const [i, f] of files.entries()) {
    const refused = tooLarge(f);
    if (refused) {
      picked.push(refused);
      onProgress(i + 1, files.length);
      continue;
    }
    const bytes = new Uint8Array(await f.arrayBuffer());
    const hash = await sha256(bytes);
    try {
      const data = await readWorkbookData(bytes, f.name);
      picked.push({
        file: f.name,
        sha256: hash,
        bytes,
        grids: [...data.sheets],
        definedNames: data.definedNames,
      });
    } catch (error) {
      picked.push({
        file: f.name,
        sha256: hash,
        bytes,
        grids: null,
        error: `文件“${f.name}”：${error instanceof Error ? error.message : String(error)}`,
      });
    }
    onProgress(i + 1, files.length);
  }
  return picked;
}
