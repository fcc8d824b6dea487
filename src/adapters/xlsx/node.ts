import ExcelJS from "exceljs";
import { readFile, writeFile, stat } from "fs/promises";
import { basename } from "path";
import type { Grid } from "../../core/grid";
import { QuotaError } from "../../core/errors";
import type { WorkbookModel } from "../../core/workbookModel";
import { MAX_FILE_BYTES, readGrids } from "./readGrids";
import { writeWorkbook } from "./writeWorkbook";

/** Reads a file's sheets in Node; every problem becomes a QuotaError that names the file. */
export async function readGridsFromFile(path: string): Promise<Grid[]> {
  const where = `文件“${basename(path)}”`;
  let bytes: Uint8Array;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new QuotaError("#VALUE!", "是文件夹，不是文件");
    if (info.size > MAX_FILE_BYTES)
      throw new QuotaError(
        "#VALUE!",
        `文件过大（${(info.size / 1048576).toFixed(1)} MB），不像是一张报表`
      );
    bytes = await readFile(path);
  } catch (error) {
    if (error instanceof QuotaError) throw error.at(where);
    const code = (error as NodeJS.ErrnoException).code;
    throw new QuotaError(
      "#VALUE!",
      code === "ENOENT" ? "文件不存在" : `无法读取（${code ?? String(error)}）`
    ).at(where);
  }
  try {
    return await readGrids(ExcelJS, bytes, basename(path));
  } catch (error) {
    if (error instanceof QuotaError) throw error.at(where);
    throw error;
  }
}

export async function writeModelToFile(model: WorkbookModel, path: string): Promise<void> {
  await writeFile(path, await writeWorkbook(ExcelJS, model));
}
