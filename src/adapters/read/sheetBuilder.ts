import type { CellInfo, CellValue, Grid, SheetState } from "../../core/grid";
import { READ_LIMITS, overLimit } from "./limits";

const EMPTY_ROW = Object.freeze([]) as unknown as CellValue[];
/** Rows up to this width are filled with nulls; wider ones stay sparse. */
const DENSE_UP_TO = 1024;

/** Counts written cells across one file's sheets, so the limit is per file. */
export class CellBudget {
  private used = 0;
  take(): void {
    if (++this.used > READ_LIMITS.cells)
      throw overLimit(`单元格超过 ${READ_LIMITS.cells.toLocaleString("en")} 个`);
  }
}

/**
 * Collects one sheet's cells sparsely: only written cells take memory, whatever their column,
 * and rows are never padded. Cell facts (formula, format) sit in a map by position.
 */
export class SheetBuilder {
  private readonly rows: CellValue[][] = [];
  private readonly infos = new Map<number, CellInfo>();
  readonly merges: string[] = [];

  constructor(
    readonly name: string,
    readonly state: SheetState,
    private readonly budget: CellBudget
  ) {}

  set(row: number, column: number, value: CellValue, info?: CellInfo): void {
    if (row < 0 || row >= READ_LIMITS.rows)
      throw overLimit(`工作表“${this.name}”的行号超过 ${READ_LIMITS.rows}`);
    if (column < 0 || column >= READ_LIMITS.columns)
      throw overLimit(`工作表“${this.name}”的列超过 XFD`);
    if (value === null && !info) return;
    this.budget.take();
    const cells = (this.rows[row] ??= []);
    cells[column] = value;
    if (info) this.infos.set(row * READ_LIMITS.columns + column, info);
  }

  /**
   * The sheet as a Grid with its merges. `info` and `merges` are not enumerable: two reads of
   * one file compare equal as data, and a grid spread into a plain object stays a plain grid.
   */
  grid(calcOnLoad: boolean): Grid & { readonly merges: readonly string[] } {
    const infos = this.infos;
    const rows = this.rows;
    // Ordinary rows get nulls in their gaps, as every reader before did; a row reaching far
    // right stays sparse (walked with eachCell), and missing rows share one empty row.
    for (let r = 0; r < rows.length; r++) {
      const cells = rows[r];
      if (!cells) rows[r] = EMPTY_ROW;
      else if (cells.length <= DENSE_UP_TO)
        for (let c = 0; c < cells.length; c++) cells[c] ??= null;
    }
    const grid = { name: this.name, rows, state: this.state, calcOnLoad };
    return Object.defineProperties(
      grid as unknown as Grid & { readonly merges: readonly string[] },
      {
        info: {
          value: (row: number, column: number) => infos.get(row * READ_LIMITS.columns + column),
        },
        merges: { value: this.merges },
      }
    );
  }
}
