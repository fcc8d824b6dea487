/* An Excel workbook for office-addin-mock: enough of the object model for our adapters, with a
   counted context.sync(). Properties read before load + sync come back as the mock's error
   strings, so a test fails when the code reads what it did not load. Stricter than the mock
   where Excel is: every call is mirrored on the real Office.js request builder and each sync's
   request is measured against a budget; names.add of an existing name throws InvalidArgument;
   writing a 2-D array whose shape differs from the range throws; a name whose sheet was deleted
   reads =#REF!$A$1. */
import { rejectAboveDeclared } from "./apiSetGuard";
import { OfficeMockObject } from "office-addin-mock";
import { mirror } from "./mirror";
import { SentRequest, realContext } from "./officeRequest";
import type { ExcelFeatures } from "../../src/adapters/office/features";
import type { CellValue } from "../../src/core/grid";

type Mock = OfficeMockObject & Record<string, any>;

/* Members above the manifest's ExcelApi throw, as on an Excel that has only the declared set. */
const rejectRangeAbove = rejectAboveDeclared("Range");
const rejectWorksheetAbove = rejectAboveDeclared("Worksheet");

/** Every optional Excel feature present: the newest Excel. */
export const ALL: ExcelFeatures = {
  suspendCalculation: true,
  conditionalFormats: true,
  freezePanes: true,
  dataValidation: true,
  pageLayout: true,
};

export interface SheetSpec {
  name: string;
  /** Values from A1. */
  rows?: CellValue[][];
  tables?: string[];
  /** Charts already on the sheet (an earlier run's). */
  charts?: number;
  /** Values where they differ from `rows` (which then hold formulas): what formulas calculate to. */
  values?: CellValue[][];
  /** Dynamic-array spills: anchor cell → the spill range ("A1" → "A1:A3"). */
  spills?: Record<string, string>;
}

/** Excel's error for a bad argument, as Office.js raises it. */
export function excelError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code, name: "RichApi.Error" });
}

/** Rows × columns of "B2:D5" or "B2"; null for whole rows, columns or the whole sheet. */
export function shapeOf(address: string): [number, number] | null {
  const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(address.replace(/\$/g, ""));
  if (!m) return null;
  const col = (letters: string) =>
    [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const rows = m[3] ? Number(m[4]) - Number(m[2]) + 1 : 1;
  const columns = m[3] ? col(m[3]) - col(m[1]!) + 1 : 1;
  return [rows, columns];
}

const ARRAY_PROPERTIES = new Set(["values", "formulas", "numberFormat"]);

export interface MockOptions {
  /** Largest request a sync may send, in bytes (measured with the real request builder). */
  budget?: number;
}

export interface RangeWrite {
  sheet: string;
  address: string;
  formulas?: unknown[][];
  values?: unknown[][];
  numberFormat?: unknown[][];
  merged?: boolean;
  cleared?: boolean;
}

export class ExcelMock {
  syncs = 0;
  readonly registry: Mock[] = [];
  readonly ranges: (RangeWrite & { mock: Mock })[] = [];
  readonly added: string[] = [];
  readonly deletedTables: string[] = [];
  readonly addedTables: { sheet: string; address: string; mock: Mock }[] = [];
  readonly names: Mock[] = [];
  /** Names the code added: what it asked for, and the item it got back. */
  readonly addedNames: { name: string; formula: string; item: Mock }[] = [];
  readonly calls: string[] = [];
  readonly sheets: Mock[] = [];
  active = "";
  /** Fill colours of cells before the code runs, by "sheet!A1". */
  readonly fills = new Map<string, string>();
  selection = { rowIndex: 0, columnIndex: 0, rowCount: 1, columnCount: 1 };
  readonly context: Mock;
  /** The requests the syncs sent, measured with the real Office.js request builder. */
  readonly requests: SentRequest[];
  budget: number;
  private readonly rowsBySheet = new Map<string, CellValue[][]>();

  constructor(
    specs: SheetSpec[],
    names: { name: string; formula: string }[] = [],
    options: MockOptions = {}
  ) {
    this.budget = options.budget ?? 1_000_000;
    for (const spec of specs) {
      const ws = this.addSheet(spec.name, spec.rows ?? [], spec.tables ?? []);
      ws.valueRows = spec.values;
      ws.spills = spec.spills ?? {};
      for (let i = 0; i < (spec.charts ?? 0); i++) this.addChart(ws, `图表 ${i + 1}`);
    }
    this.active = specs[0]?.name ?? "";
    for (const n of names) this.names.push(this.nameItem(n.name, n.formula, ""));
    const self = this;
    const mockContext = new OfficeMockObject({}) as Mock; // not in the registry: its sync is the counted one below
    mockContext.workbook = this.workbookMock();
    mockContext.application = {
      suspendApiCalculationUntilNextSync: () => self.calls.push("suspend"),
    };
    const real = realContext();
    this.requests = real.requests;
    mockContext.sync = async () => {
      self.syncs++;
      const before = self.requests.length;
      await real.context.sync();
      const sent = self.requests.length > before ? self.requests.at(-1) : undefined;
      if (sent && sent.bytes > self.budget)
        throw new Error(
          `sync ${self.syncs} sends ${(sent.bytes / 1e6).toFixed(2)} MB, over the budget of ${(self.budget / 1e6).toFixed(2)} MB`
        );
      for (const m of self.registry) await m.sync();
    };
    this.context = mirror(mockContext, () => real.context);
  }

  /** context.workbook: worksheets, names, tables and the selection. */
  private workbookMock(): Record<string, unknown> {
    const self = this;
    const collection = (items: () => Mock[], extra: Record<string, unknown>) =>
      Object.assign(
        {
          get items() {
            return items();
          },
          load(props: string) {
            for (const item of items()) item.load(props.replace(/items\//g, ""));
          },
        },
        extra
      );
    return {
      worksheets: collection(() => self.sheets, {
        getActiveWorksheet: () => self.sheet(self.active),
        getFirst: () => {
          if (self.sheets.length === 0) throw excelError("ItemNotFound", "no worksheet");
          return self.sheets[0];
        },
        getItem: (name: string) => self.sheet(name),
        getItemOrNullObject: (name: string) =>
          self.sheets.find((s) => s.sheetName === name) ?? {
            getUsedRangeOrNullObject: () => self.usedRange([], []),
          },
        add: (name: string) => {
          self.calls.push(`add ${name}`);
          self.added.push(name);
          return self.addSheet(name, [], []);
        },
      }),
      names: collection(() => self.names, {
        getItem: (name: string) => {
          const item = self.names.find((n) => n.rawName.toLowerCase() === name.toLowerCase());
          if (!item) throw excelError("ItemNotFound", `name ${name}`);
          return { delete: () => self.names.splice(self.names.indexOf(item), 1) };
        },
        add: (name: string, reference: Mock, comment: string) => {
          self.calls.push(`name ${name}`);
          if (self.names.some((n) => n.rawName.toLowerCase() === name.toLowerCase()))
            throw excelError("InvalidArgument", `The argument is invalid or missing: name ${name}`);
          const formula = `='${reference.sheetName}'!$A$1`;
          const item = self.nameItem(name, formula, comment);
          self.names.push(item);
          self.addedNames.push({ name, formula, item });
          return item;
        },
      }),
      tables: collection(() => self.sheets.flatMap((s) => s.tableItems as Mock[]), {}),
      getSelectedRange: () => {
        const r = self.mock({ ...self.selection });
        return r;
      },
    };
  }

  /** Requests measured so far, in MB, one per sync that sent something. */
  get megabytes(): number[] {
    return this.requests.map((r) => r.bytes / 1e6);
  }

  /** A person deletes a sheet: names on it read =#REF!$A$1, as Excel reads them. */
  deleteSheet(name: string): void {
    const index = this.sheets.findIndex((s) => s.sheetName === name);
    if (index < 0) throw new Error(`ItemNotFound: ${name}`);
    this.sheets.splice(index, 1);
    for (const n of this.names) if (refersTo(n.rawFormula, name)) this.setFormula(n, "=#REF!$A$1");
  }

  /** A person renames a sheet: names follow it. */
  renameSheet(from: string, to: string): void {
    const ws = this.sheet(from);
    ws.sheetName = to;
    reset(ws, "name", to);
    this.rowsBySheet.set(to, this.rowsBySheet.get(from) ?? []);
    for (const t of ws.tableItems as Mock[]) t.worksheet.name = to;
    for (const n of this.names)
      if (refersTo(n.rawFormula, from)) this.setFormula(n, `='${to.replace(/'/g, "''")}'!$A$1`);
  }

  /** A defined name; rawName and rawFormula are what it is, for the double's own checks. */
  private nameItem(name: string, formula: string, comment: string): Mock {
    const item = this.mock({ name, formula, visible: false, comment });
    item.rawName = name;
    item.rawFormula = formula;
    return item;
  }

  private setFormula(item: Mock, formula: string): void {
    item.rawFormula = formula;
    reset(item, "formula", formula);
  }

  /** A person moves a sheet to another position: nothing else changes. */
  moveSheet(name: string, position: number): void {
    const ws = this.sheet(name);
    this.sheets.splice(this.sheets.indexOf(ws), 1);
    this.sheets.splice(position, 0, ws);
  }

  /** What the sheet holds now (values from A1; text written with a leading ' without it). */
  rowsOf(name: string): CellValue[][] {
    const rows = this.rowsBySheet.get(this.sheet(name).sheetName) ?? [];
    let end = rows.length;
    while (end > 0 && (rows[end - 1] ?? []).every((v) => v === null || v === "")) end--;
    return Array.from({ length: end }, (_, r) => rows[r] ?? []);
  }

  /** A write of formulas or values lands in the sheet, so that the next run reads it back. */
  store(ws: Mock, address: string, data: unknown[][]): void {
    const m = /^([A-Z]+)(\d+)/.exec(address)!;
    const column = [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    const rows = this.rowsBySheet.get(ws.sheetName) ?? [];
    this.rowsBySheet.set(ws.sheetName, rows);
    data.forEach((line, i) => {
      const row = (rows[Number(m[2]) - 1 + i] ??= []);
      line.forEach((v, j) => {
        for (let k = row.length; k < column + j; k++) row[k] = null;
        row[column + j] =
          typeof v === "string" && v.startsWith("'")
            ? v.slice(1)
            : v === ""
              ? null
              : (v as CellValue);
      });
    });
  }

  /** Charts on a sheet now. */
  chartsOn(name: string): string[] {
    return (this.sheet(name).chartItems as Mock[]).map((c) => c.name as string);
  }

  private addChart(ws: Mock, name: string): Mock {
    const chart = this.mock({ name });
    chart.title = {};
    chart.setPosition = () => undefined;
    chart.delete = () => {
      const list = ws.chartItems as Mock[];
      list.splice(list.indexOf(chart), 1);
    };
    (ws.chartItems as Mock[]).push(chart);
    return chart;
  }

  mock(data: Record<string, unknown>): Mock {
    const m = new OfficeMockObject(data) as Mock;
    this.registry.push(m);
    return m;
  }

  sheet(name: string): Mock {
    const found = this.sheets.find((s) => s.sheetName === name);
    if (!found) throw new Error(`ItemNotFound: ${name}`);
    return found;
  }

  /** A range of a sheet: checks the shape of what is written and keeps it in the sheet. */
  private rangeOf(ws: Mock, address: string): Mock {
    const self = this;
    const name = ws.sheetName as string;
    const plain = self.mock({
      format: {
        font: {},
        fill: { color: self.fills.get(`${name}!${address}`) ?? "#FFFFFF" },
        borders: {},
      },
      dataValidation: {},
    });
    const shape = shapeOf(address);
    const range = new Proxy(plain, {
      get: rejectRangeAbove,
      set(target, prop, value) {
        if (shape && ARRAY_PROPERTIES.has(String(prop))) checkShape(value, shape, address);
        if (shape && (prop === "formulas" || prop === "values") && Array.isArray(value))
          self.store(ws, address, value as unknown[][]);
        return Reflect.set(target, prop, value);
      },
    }) as Mock;
    self.registry[self.registry.length - 1] = range;
    range.sheetName = name;
    range.format.borders.getItem = () => ({});
    range.format.fill.clear = () => self.calls.push(`clear fill ${name}!${address}`);
    range.conditionalFormats = {
      add: (type: string) => (self.calls.push(`${type} ${name}!${address}`), { dataBar: {} }),
    };
    range.getSpillingToRangeOrNullObject = () => {
      const spill = (ws.spills as Record<string, string> | undefined)?.[address];
      const start = spill ? /^([A-Z]+)(\d+)/.exec(spill)! : null;
      const [rowCount, columnCount] = spill ? shapeOf(spill)! : [0, 0];
      const col = start ? [...start[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) : 1;
      const found = self.mock({
        rowIndex: start ? Number(start[2]) - 1 : 0,
        columnIndex: col - 1,
        rowCount,
        columnCount,
      });
      found.isNullObject = !spill;
      return found;
    };
    range.select = () => self.calls.push(`select ${name}!${address}`);
    range.merge = () => (write.merged = true);
    range.unmerge = () => undefined;
    range.clear = () => {
      write.cleared = true;
      const rows = self.rowsBySheet.get(ws.sheetName) ?? [];
      const whole = /^(\d+):(\d+)$/.exec(address);
      if (address === "") rows.length = 0;
      else if (whole) for (let r = Number(whole[1]) - 1; r < Number(whole[2]); r++) rows[r] = [];
    };
    const write: RangeWrite & { mock: Mock } = { sheet: name, address, mock: range };
    self.ranges.push(write);
    return range;
  }

  private addSheet(name: string, rows: CellValue[][], tables: string[]): Mock {
    const self = this;
    this.rowsBySheet.set(name, rows);
    const plain = this.mock({ name });
    const ws = new Proxy(plain, { get: rejectWorksheetAbove }) as Mock;
    this.registry[this.registry.indexOf(plain)] = ws;
    ws.sheetName = name;
    ws.tableItems = tables.map((t) => this.mock({ name: t, worksheet: { name } }));
    const contents = () => {
      const data = self.rowsOf(ws.sheetName);
      const width = Math.max(0, ...data.map((r) => r.length));
      const grid = (rows: CellValue[][]) =>
        rows.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? ""));
      const formulas = grid(data);
      return { formulas, values: ws.valueRows ? grid(ws.valueRows) : formulas };
    };
    ws.getUsedRangeOrNullObject = () => {
      const { values, formulas } = contents();
      return self.usedRange(values, formulas);
    };
    // For reading only: a write through it would not land in the sheet.
    ws.getRangeByIndexes = (row: number, column: number, rows: number, columns: number) => {
      const { values } = contents();
      const part = Array.from({ length: rows }, (_, i) =>
        Array.from({ length: columns }, (_, j) => values[row + i]?.[column + j] ?? "")
      );
      return self.mock({
        values: part,
        rowIndex: row,
        columnIndex: column,
        rowCount: rows,
        columnCount: columns,
      });
    };
    ws.delete = () => self.deleteSheet(ws.sheetName);
    ws.getNextOrNullObject = () => self.sheets[self.sheets.indexOf(ws) + 1] ?? self.nullSheet();
    ws.getRange = (address = "") => self.rangeOf(ws, address);
    ws.tables = {
      add: (address: string) => {
        const table = self.mock({});
        self.addedTables.push({ sheet: name, address, mock: table });
        return table;
      },
      getItem: (t: string) => ({
        delete: () => self.deletedTables.push(`${ws.sheetName}!${t}`),
        convertToRange: () => self.deletedTables.push(`${ws.sheetName}!${t}`),
      }),
    };
    ws.freezePanes = { freezeRows: (n: number) => self.calls.push(`freeze ${name} ${n}`) };
    ws.pageLayout = { setPrintArea: () => undefined, setPrintTitleRows: () => undefined };
    ws.activate = () => self.calls.push(`activate ${name}`);
    ws.chartItems = [];
    ws.charts = {
      get items() {
        return ws.chartItems;
      },
      load: (props: string) => {
        for (const c of ws.chartItems as Mock[]) c.load(props.replace(/items\//g, ""));
      },
      add: (type: string, source: Mock) => {
        self.calls.push(
          `chart ${ws.sheetName} ${type} ${self.ranges.find((r) => r.mock === source)?.address}`
        );
        return self.addChart(ws, `图表 ${self.calls.length}`);
      },
    };
    this.sheets.push(ws);
    return ws;
  }

  /** What Worksheet.getNextOrNullObject gives after the last sheet: a null object all the way on. */
  private nullSheet(): Mock {
    const none = this.mock({ name: "" });
    none.isNullObject = true;
    none.getUsedRangeOrNullObject = () => this.usedRange([], []);
    none.getNextOrNullObject = () => this.nullSheet();
    return none;
  }

  /**
   * A used range from row `rowIndex` (column A): its size, and its intersection with whole rows
   * ("1:3000"), a null object where they do not meet; a null object itself when empty.
   */
  usedRange(values: unknown[][], formulas: unknown[][], rowIndex = 0): Mock {
    const used = this.mock({
      values,
      formulas,
      rowIndex,
      columnIndex: 0,
      rowCount: values.length,
      columnCount: values[0]?.length ?? 0,
    });
    used.isNullObject = values.length === 0;
    used.getIntersectionOrNullObject = (address: string) => {
      const rows = /^(\d+):(\d+)$/.exec(address);
      if (!rows)
        throw new Error(`the double intersects used ranges with whole rows only: ${address}`);
      const from = Math.max(0, Number(rows[1]) - 1 - rowIndex);
      const to = Math.max(from, Number(rows[2]) - rowIndex);
      return this.usedRange(values.slice(from, to), formulas.slice(from, to), rowIndex + from);
    };
    return used;
  }

  /** What was written to a sheet: the whole-array writes, by address. */
  writes(sheet: string): (RangeWrite & { mock: Mock })[] {
    return this.ranges.filter((r) => r.sheet === sheet);
  }

  /** The 2-D formulas array written from A1 of a sheet (put together when written in several ranges). */
  formulasAt(sheet: string): unknown[][] | undefined {
    const rows: unknown[][] = [];
    for (const w of this.writes(sheet)) {
      const m = /^A(\d+):[A-Z]+\d+$/.exec(w.address);
      if (!m || !Array.isArray(w.mock.formulas)) continue;
      (w.mock.formulas as unknown[][]).forEach((row, i) => (rows[Number(m[1]) - 1 + i] = row));
    }
    return rows.length > 0 && rows[0] ? rows : undefined;
  }
}

function refersTo(formula: string, sheet: string): boolean {
  const quoted = `'${sheet.replace(/'/g, "''")}'!`;
  return formula.startsWith(`=${quoted}`) || formula.startsWith(`=${sheet}!`);
}

/** Changes a mocked property the way Excel would: the code sees it after its next load + sync. */
function reset(item: Mock, property: string, value: unknown): void {
  (item as unknown as { setValue(p: string, v: unknown): void }).setValue(property, value);
}

/** Excel refuses a 2-D array whose shape is not the range's. */
function checkShape(value: unknown, shape: [number, number], address: string): void {
  if (!Array.isArray(value)) return;
  const columns = new Set(value.map((row: unknown) => (Array.isArray(row) ? row.length : -1)));
  if (value.length !== shape[0] || columns.size !== 1 || !columns.has(shape[1]))
    throw excelError(
      "InvalidArgument",
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${address}).`
    );
}
