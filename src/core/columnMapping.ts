import { InputError } from "./errors";
import {
  COUNT_LABELS,
  CountColumn,
  GraduateTableLayout,
  countColumnOf,
  findNameColumn,
} from "./graduateTable";
import { Grid, cellAt, columnLetter, parseAddress } from "./grid";

/** Columns named by a person when the header is not found: 本科=C,高职=D,中职=E[,学院=A][,表头=2]. */
export interface ColumnMapping {
  readonly columns: Readonly<Record<CountColumn, number>>;
  /** Zero-based; found from the first data row when not given. */
  readonly nameColumn?: number;
  readonly headerRow?: number;
}

const columnOf = (letters: string, key: string): number => {
  if (!/^[A-Z]{1,3}$/i.test(letters))
    throw new InputError(`“${key}”后应为列字母，如 ${key}=C（收到“${letters}”）`);
  return parseAddress(`${letters}1`).column;
};

/** Reads “本科=C,高职=D,中职=E”; 专科/中专 and the other header words are accepted as keys. */
export function parseColumnMapping(text: string): ColumnMapping {
  const columns: Partial<Record<CountColumn, number>> = {};
  let nameColumn: number | undefined;
  let headerRow: number | undefined;
  for (const part of text.split(/[,，、;；\s]+/).filter(Boolean)) {
    const [key = "", value = ""] = part.split(/[=＝:：]/).map((s) => s.trim());
    const kind = countColumnOf(key);
    if (kind) columns[kind] = columnOf(value, key);
    else if (/^(学院|名称|单位|学院名称)$/.test(key)) nameColumn = columnOf(value, key);
    else if (/^表头行?$/.test(key)) {
      if (!/^[1-9]\d*$/.test(value))
        throw new InputError(`“表头”后应为行号，如 表头=2（收到“${value}”）`);
      headerRow = Number(value) - 1;
    } else
      throw new InputError(
        `不认识“${key}”：列的写法为 本科=C,高职=D,中职=E（可加 学院=A、表头=2）`
      );
  }
  const missing = (Object.keys(COUNT_LABELS) as CountColumn[]).filter(
    (k) => columns[k] === undefined
  );
  if (missing.length)
    throw new InputError(
      `还需要指定 ${missing.map((k) => `${COUNT_LABELS[k]}=列字母`).join("、")}`
    );
  return { columns: columns as Record<CountColumn, number>, nameColumn, headerRow };
}

const isCount = (value: unknown) =>
  typeof value === "number" || (typeof value === "string" && /^\s*\d+\s*$/.test(value));

/**
 * The layout for a mapping on the first sheet with numbers in those columns: the header is the
 * row above the first row of numbers unless given; the name column is found as detection does.
 */
export function layoutFromMapping(
  grids: readonly Grid[],
  mapping: ColumnMapping
): GraduateTableLayout {
  const columns = Object.values(mapping.columns);
  for (const grid of grids) {
    const first = grid.rows.findIndex((_, row) =>
      columns.every((c) => isCount(cellAt(grid, row, c)))
    );
    if (first < 0) continue;
    const headerRow = mapping.headerRow ?? Math.max(0, first - 1);
    const nameColumn =
      mapping.nameColumn ?? findNameColumn(grid, headerRow, { ...mapping.columns });
    if (nameColumn < 0)
      throw new InputError(
        `没有找到学院名称列（第 ${headerRow + 1} 行左侧），请再指定 学院=列字母`
      ).at(`工作表“${grid.name}”`);
    return { sheet: grid.name, headerRow, nameColumn, columns: mapping.columns };
  }
  const letters = Object.entries(mapping.columns)
    .map(([k, c]) => `${COUNT_LABELS[k as CountColumn]}=${columnLetter(c)}`)
    .join("、");
  throw new InputError(`所指定的列（${letters}）中没有一行全是人数，请核对列字母`);
}
