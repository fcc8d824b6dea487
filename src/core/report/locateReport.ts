import { CellValue, Grid, cellAddress, cellAt, cellText, eachCell } from "../grid";
import { classifyLabel, FormLabel, sectionOfLabel } from "./classifyLabel";
import { Finding, finding } from "./finding";
import {
  FIELD_KEYS,
  FIELD_NAMES,
  FieldKey,
  SECTION_KEYS,
  SECTIONS,
  SectionKey,
  fieldHeader,
} from "./reportLayout";

/** Where one section sits; `found` is false when its header row is missing and the rest is where it should be. */
export interface SectionLocation {
  readonly key: SectionKey;
  readonly found: boolean;
  /** Zero-based rows. */
  readonly headerRow: number;
  readonly valueRow: number;
  readonly labelCell: string;
  /** The label as written; null when the cell is empty. */
  readonly label: string | null;
  /** Zero-based columns of 年度任务, 当月完成, 累计已完成, 累计完成率. */
  readonly columns: Readonly<Record<FieldKey, number>>;
}

/** A label such as 填报人（签字）： and what was written after it, in the same cell or to its right. */
export interface LabeledValue {
  /** Null when the label is not on the sheet. */
  readonly labelCell: string | null;
  /** The first cell of the value; the label's cell when nothing was written. */
  readonly cell: string;
  /** The text after the label's colon (when any) and the cells to its right up to the next label. */
  readonly values: readonly CellValue[];
}

export interface ReportLocation {
  readonly sheet: string;
  readonly title: { readonly cell: string; readonly text: string } | null;
  readonly sections: Readonly<Record<SectionKey, SectionLocation>>;
  readonly unit: LabeledValue;
  readonly filer: LabeledValue;
  readonly head: LabeledValue;
  readonly date: LabeledValue;
  /** Layout findings: missing or misplaced labels. */
  readonly findings: readonly Finding[];
}

interface Labeled {
  readonly row: number;
  readonly column: number;
  readonly label: FormLabel;
}

interface HeaderRow {
  readonly row: number;
  readonly fields: Partial<Record<FieldKey, { column: number; unit: string | null }>>;
  labelColumn: number | null;
  labelText: string | null;
}

const isEmpty = (v: CellValue) => cellText(v) === "";

/** The most frequent value, the smallest of equally frequent ones. */
function mostFrequent(values: readonly number[]): number | undefined {
  // A form has a handful of header rows: counted in place, without a map.
  if (values.length <= 16) {
    let best: number | undefined;
    let most = 0;
    for (let i = 0; i < values.length; i++) {
      const v = values[i]!;
      let n = 0;
      for (let j = 0; j < values.length; j++) if (values[j] === v) n++;
      if (best === undefined || n > most || (n === most && v < best)) {
        best = v;
        most = n;
      }
    }
    return best;
  }
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: number | undefined;
  for (const [v, n] of counts)
    if (best === undefined || n > counts.get(best)! || (n === counts.get(best)! && v < best))
      best = v;
  return best;
}

/**
 * Finds 附件6 anywhere on a sheet by its labels: the header rows (年度任务, 当月完成, 累计已完成,
 * 累计完成率), the section labels left of them, and 填报单位 / 填报人 / 负责人 / 填报时间 around them.
 * Returns null when the sheet has no header row at all (it does not hold the form).
 */
export function locateReport(grid: Grid): ReportLocation | null {
  const labels = sheetLabels(grid);
  const headers = headerRows(labels);
  if (headers.length === 0) return null;
  const findings: Finding[] = [];
  const columnOf = consensusColumns(headers);
  for (const h of headers) findSectionLabel(grid, h, columnOf);
  const labelColumn =
    mostFrequent(headers.flatMap((h) => (h.labelColumn === null ? [] : [h.labelColumn]))) ??
    Math.max(0, columnOf.target - 1);
  const sections = locateSections(headers, columnOf, labelColumn, findings);

  const rows = {
    first: Math.min(...headers.map((h) => h.row)),
    last: Math.max(...headers.map((h) => h.row)) + 1,
  };
  const progress = labels.find((l) => l.label.kind === "progress") ?? null;
  const leftColumn = progress?.column ?? Math.max(0, labelColumn - 1);
  if (!progress) {
    findings.push(
      finding(
        "progress-label-missing",
        cellAddress(rows.first, leftColumn),
        "表格左侧没有“工作进度”"
      )
    );
  }
  const signatures = locateSignatures(grid, labels, rows, leftColumn, findings);
  return { sheet: grid.name, title: titleOf(grid, labels), sections, ...signatures, findings };
}

/** Every cell of the sheet that holds one of the form's labels. */
function sheetLabels(grid: Grid): Labeled[] {
  const labels: Labeled[] = [];
  const rows = grid.rows;
  for (let row = 0; row < rows.length; row++) {
    const cells = rows[row];
    if (!cells) continue;
    // A short row is walked by index (a hole reads as undefined, never a label), without a
    // closure per row; a long sparse one by its written cells.
    if (cells.length > 64) {
      eachCell(cells, (value, column) => {
        const label = typeof value === "string" ? classifyLabel(value) : null;
        if (label) labels.push({ row, column, label });
      });
      continue;
    }
    for (let column = 0; column < cells.length; column++) {
      const value = cells[column];
      const label = typeof value === "string" ? classifyLabel(value) : null;
      if (label) labels.push({ row, column, label });
    }
  }
  return labels;
}

/** Each section where its header row is, or where it should be (with a finding) when missing. */
function locateSections(
  headers: readonly HeaderRow[],
  columnOf: Record<FieldKey, number>,
  labelColumn: number,
  findings: Finding[]
): Record<SectionKey, SectionLocation> {
  const assigned = assignSections(headers, findings, labelColumn);
  const sections = {} as Record<SectionKey, SectionLocation>;
  SECTION_KEYS.forEach((key, index) => {
    const h = assigned.get(key);
    if (h) {
      sections[key] = locatedSection(key, h, columnOf, labelColumn, findings);
      return;
    }
    const row = expectedRow(index, assigned);
    sections[key] = {
      key,
      found: false,
      headerRow: row,
      valueRow: row + 1,
      labelCell: cellAddress(row, labelColumn),
      label: null,
      columns: columnOf,
    };
    findings.push(
      finding(
        "section-missing",
        cellAddress(row, labelColumn),
        `没有找到“${SECTIONS[key].name}”一栏（表头：年度任务、当月完成、累计已完成、累计完成率）`
      )
    );
  });
  return sections;
}

type SignatureKind = "unit" | "filer" | "head" | "date";

/**
 * 填报单位 above the grid (the nearest above it when there are several), 填报人, 负责人 and 填报时间
 * below it; a label not on the sheet is expected at the left column, rows away from the grid.
 */
function locateSignatures(
  grid: Grid,
  labels: readonly Labeled[],
  rows: { readonly first: number; readonly last: number },
  leftColumn: number,
  findings: Finding[]
): Record<SignatureKind, LabeledValue> {
  const byKind: Record<string, Labeled[]> = { unit: [], filer: [], head: [], date: [] };
  for (const l of labels) byKind[l.label.kind]?.push(l);
  const labelOf = (kind: SignatureKind, preferAbove: boolean) => {
    const all = byKind[kind]!;
    const near = preferAbove
      ? all.filter((l) => l.row < rows.first).pop()
      : all.find((l) => l.row > rows.last);
    return near ?? all[0] ?? null;
  };
  const valueOf = (kind: SignatureKind, expectedRow: number, preferAbove = false) => {
    const label = labelOf(kind, preferAbove);
    if (label) return labeledValue(grid, label);
    const cell = cellAddress(Math.max(0, expectedRow), leftColumn);
    return { labelCell: null, cell, values: [] };
  };
  const unit = valueOf("unit", rows.first - 1, true);
  const filer = valueOf("filer", rows.last + 2);
  const head = valueOf("head", rows.last + 3);
  const date = valueOf("date", rows.last + 4);
  if (!unit.labelCell)
    findings.push(finding("label-missing", unit.cell, "表格上方没有“填报单位（公章）：”"));
  if (!filer.labelCell)
    findings.push(finding("label-missing", filer.cell, "表格下方没有“填报人（签字）：”"));
  if (!date.labelCell)
    findings.push(finding("label-missing", date.cell, "表格下方没有“填报时间：  年  月  日”"));
  return { unit, filer, head, date };
}

function titleOf(grid: Grid, labels: readonly Labeled[]): ReportLocation["title"] {
  const titleLabel = labels.find((l) => l.label.kind === "title");
  if (!titleLabel) return null;
  return {
    cell: cellAddress(titleLabel.row, titleLabel.column),
    text: cellText(cellAt(grid, titleLabel.row, titleLabel.column)),
  };
}

/** Rows with at least two of the four column headers. */
function headerRows(labels: readonly Labeled[]): HeaderRow[] {
  const byRow = new Map<number, HeaderRow>();
  for (const l of labels) {
    if (l.label.kind !== "field") continue;
    const h = byRow.get(l.row) ?? { row: l.row, fields: {}, labelColumn: null, labelText: null };
    if (h.fields[l.label.field] === undefined)
      h.fields[l.label.field] = { column: l.column, unit: l.label.unit };
    byRow.set(l.row, h);
  }
  return [...byRow.values()]
    .filter((h) => Object.keys(h.fields).length >= 2)
    .sort((a, b) => a.row - b.row);
}

/** Each column where most header rows have it; a column no row names is placed by its neighbours. */
function consensusColumns(headers: readonly HeaderRow[]): Record<FieldKey, number> {
  const found: Partial<Record<FieldKey, number>> = {};
  for (const f of FIELD_KEYS) {
    const columns: number[] = [];
    for (const h of headers) {
      const field = h.fields[f];
      if (field) columns.push(field.column);
    }
    const column = mostFrequent(columns);
    if (column !== undefined) found[f] = column;
  }
  const known = FIELD_KEYS.find((f) => found[f] !== undefined)!;
  const columns = {} as Record<FieldKey, number>;
  for (const f of FIELD_KEYS) {
    columns[f] =
      found[f] ?? Math.max(0, found[known]! + FIELD_KEYS.indexOf(f) - FIELD_KEYS.indexOf(known));
  }
  return columns;
}

/** The section label: the nearest written cell left of the row's first column header (a merged label's master is there). */
function findSectionLabel(grid: Grid, h: HeaderRow, columnOf: Record<FieldKey, number>): void {
  let first = Infinity;
  for (const f of FIELD_KEYS) first = Math.min(first, h.fields[f]?.column ?? columnOf[f]);
  for (let column = first - 1; column >= 0; column--) {
    const value = cellAt(grid, h.row, column);
    if (isEmpty(value)) continue;
    if (classifyLabel(value)?.kind === "progress") break;
    h.labelColumn = column;
    h.labelText = cellText(value);
    return;
  }
}

/**
 * Labelled rows take their section; unlabelled ones (the plan prints the third label empty) take
 * the next free section in the plan's order between their labelled neighbours.
 */
function assignSections(
  headers: readonly HeaderRow[],
  findings: Finding[],
  labelColumn: number
): Map<SectionKey, HeaderRow> {
  const sectionOf = assignLabelled(headers, findings, labelColumn);
  const assigned = new Map([...sectionOf].map(([h, key]) => [key, h]));
  headers.forEach((h, i) => {
    if (sectionOf.has(h) || (h.labelText !== null && sectionOfLabel(h.labelText))) return;
    const key = nextFreeSection(headers, i, sectionOf, assigned);
    const cell = cellAddress(h.row, h.labelColumn ?? labelColumn);
    if (!key) {
      findings.push(
        finding(
          "section-label",
          cell,
          `第 ${h.row + 1} 行的表头不属于任何一栏${h.labelText ? `（“${h.labelText}”）` : ""}`
        )
      );
      return;
    }
    assigned.set(key, h);
    sectionOf.set(h, key);
    if (key === "nonadvanced" && h.labelText === null) return; // the plan prints this label cell empty
    findings.push(
      finding(
        "section-label",
        cell,
        h.labelText === null
          ? `缺少栏目名称，应为“${SECTIONS[key].name}”`
          : `栏目名称“${h.labelText}”无法识别，按位置应为“${SECTIONS[key].name}”`
      )
    );
  });
  return assigned;
}

/** The header rows whose label names a section; a second row naming one is a finding. */
function assignLabelled(
  headers: readonly HeaderRow[],
  findings: Finding[],
  labelColumn: number
): Map<HeaderRow, SectionKey> {
  const assigned = new Map<SectionKey, HeaderRow>();
  const sectionOf = new Map<HeaderRow, SectionKey>();
  for (const h of headers) {
    const key = sectionOfLabel(h.labelText);
    if (!key) continue;
    const first = assigned.get(key);
    if (first) {
      findings.push(
        finding(
          "section-duplicate",
          cellAddress(h.row, h.labelColumn ?? labelColumn),
          `“${SECTIONS[key].name}”出现了两次（另见 ${cellAddress(first.row, first.labelColumn ?? labelColumn)}），只核对第一处`
        )
      );
      continue;
    }
    assigned.set(key, h);
    sectionOf.set(h, key);
  }
  return sectionOf;
}

/** The first section not yet taken between those of the nearest assigned rows before and after row i. */
function nextFreeSection(
  headers: readonly HeaderRow[],
  i: number,
  sectionOf: ReadonlyMap<HeaderRow, SectionKey>,
  assigned: ReadonlyMap<SectionKey, HeaderRow>
): SectionKey | undefined {
  const orders = (rows: readonly HeaderRow[]) =>
    rows.flatMap((x) => {
      const key = sectionOf.get(x);
      return key ? [SECTION_KEYS.indexOf(key)] : [];
    });
  const before = orders(headers.slice(0, i));
  const after = orders(headers.slice(i + 1));
  const low = before.length ? Math.max(...before) + 1 : 0;
  const high = after.length ? Math.min(...after) - 1 : SECTION_KEYS.length - 1;
  return SECTION_KEYS.slice(low, high + 1).find((k) => !assigned.has(k));
}

function locatedSection(
  key: SectionKey,
  h: HeaderRow,
  columnOf: Record<FieldKey, number>,
  labelColumn: number,
  findings: Finding[]
): SectionLocation {
  const columns = {} as Record<FieldKey, number>;
  for (const f of FIELD_KEYS) {
    const found = h.fields[f];
    columns[f] = found?.column ?? columnOf[f];
    if (!found) {
      findings.push(
        finding(
          "label-missing",
          cellAddress(h.row, columns[f]),
          `“${SECTIONS[key].name}”一栏缺少表头“${fieldHeader(f, key)}”`
        )
      );
      continue;
    }
    const unit = found.unit;
    const expectedUnit = f === "rate" ? "%" : SECTIONS[key].unit;
    if (unit !== null && unit !== expectedUnit) {
      findings.push(
        finding(
          "header-unit",
          cellAddress(h.row, found.column),
          `“${SECTIONS[key].name}”一栏的“${FIELD_NAMES[f]}”单位应为“${expectedUnit}”，表中为“${unit}”`
        )
      );
    }
  }
  const labelCol = h.labelColumn ?? labelColumn;
  return {
    key,
    found: true,
    headerRow: h.row,
    valueRow: h.row + 1,
    labelCell: cellAddress(h.row, labelCol),
    label: h.labelText,
    columns,
  };
}

/** Sections are two rows apart; a missing one is placed from its nearest found neighbour. */
function expectedRow(index: number, assigned: ReadonlyMap<SectionKey, HeaderRow>): number {
  for (let d = 1; d < SECTION_KEYS.length; d++) {
    const before = assigned.get(SECTION_KEYS[index - d]!);
    if (before) return before.row + 2 * d;
    const after = assigned.get(SECTION_KEYS[index + d]!);
    if (after) return Math.max(0, after.row - 2 * d);
  }
  return 0;
}

function labeledValue(grid: Grid, label: Labeled): LabeledValue {
  const labelCell = cellAddress(label.row, label.column);
  const rest = "rest" in label.label ? label.label.rest : "";
  const values: CellValue[] = [];
  let cell: string | null = null;
  if (/\d/.test(rest) || (label.label.kind !== "date" && rest !== "")) {
    values.push(rest);
    cell = labelCell;
  }
  const row = grid.rows[label.row] ?? [];
  const isDate = label.label.kind === "date";
  for (let column = label.column + 1; column < row.length; column++) {
    const value = row[column] ?? null;
    if (isEmpty(value)) continue;
    if (classifyLabel(value)) break;
    if (values.length > 0 && !isDate) break;
    values.push(value);
    // 填报时间's value starts at its first figure, not at the 年 of an empty 年 月 日.
    if (!isDate || value instanceof Date || /\d/.test(cellText(value)))
      cell ??= cellAddress(label.row, column);
  }
  // Nothing written: the label's cell when it holds the blanks (填报时间：  年  月  日), else the cell to its right.
  cell ??= isDate && rest === "" ? cellAddress(label.row, label.column + 1) : labelCell;
  return { labelCell, cell, values };
}
