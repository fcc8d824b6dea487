import { cellAddress, parseAddress, sheetRef } from "./grid";
import type { SheetModel } from "./workbookModel";

/** A column range of the sheet with the values it holds now (cached in the chart). */
export interface ChartRange<T> {
  /** An absolute reference with the sheet: '汇总2022-06'!$B$17:$B$25. */
  readonly ref: string;
  readonly values: readonly T[];
}

/** A clustered bar chart of a sheet's block. */
export interface ChartSpec {
  readonly title: string;
  readonly categories: ChartRange<string>;
  readonly series: readonly {
    readonly name: ChartRange<string>;
    readonly values: ChartRange<number | null>;
  }[];
  /** Zero-based cells of the chart's top left and bottom right corners. */
  readonly from: { readonly row: number; readonly column: number };
  readonly to: { readonly row: number; readonly column: number };
}

const absolute = (sheet: string, r1: number, c1: number, r2: number, c2: number) => {
  const abs = (row: number, column: number) =>
    cellAddress(row, column).replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2");
  return `${sheetRef(sheet)}!${abs(r1, c1)}${r1 === r2 && c1 === c2 ? "" : `:${abs(r2, c2)}`}`;
};

/**
 * The chart a sheet's model asks for (its `chart`: categories down the first column of the
 * source block, series names across its first row), or null when it has none or no room for it.
 */
export function chartSpec(sheet: SheetModel): ChartSpec | null {
  const chart = sheet.chart;
  if (!chart?.at) return null;
  const [first, last] = chart.source.split(":").map(parseAddress);
  const [from, to] = chart.at.split(":").map(parseAddress);
  if (!first || !last || !from || !to || last.row <= first.row) return null;
  const value = (row: number, column: number) => sheet.cells[row]?.[column]?.value ?? null;
  const rows: number[] = [];
  for (let r = first.row + 1; r <= last.row; r++) rows.push(r);
  const series = [];
  for (let c = first.column + 1; c <= last.column; c++) {
    series.push({
      name: {
        ref: absolute(sheet.name, first.row, c, first.row, c),
        values: [String(value(first.row, c) ?? "")],
      },
      values: {
        ref: absolute(sheet.name, first.row + 1, c, last.row, c),
        values: rows.map((r) => {
          const v = value(r, c);
          return typeof v === "number" ? v : null;
        }),
      },
    });
  }
  return {
    title: chart.title,
    categories: {
      ref: absolute(sheet.name, first.row + 1, first.column, last.row, first.column),
      values: rows.map((r) => String(value(r, first.column) ?? "")),
    },
    series,
    from: { row: from.row, column: from.column },
    to: { row: to.row + 1, column: to.column + 1 },
  };
}
