/* An Excel workbook for office-addin-mock: enough of the object model for our adapters, with a
   counted context.sync(). Properties read before load + sync come back as the mock's error
   strings, so a test fails when the code reads what it did not load. */
import { OfficeMockObject } from "office-addin-mock";
import type { ExcelFeatures } from "../../src/adapters/office/features";
import type { CellValue } from "../../src/core/grid";

type Mock = OfficeMockObject & Record<string, any>;

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
  private readonly rowsBySheet = new Map<string, CellValue[][]>();

  constructor(specs: SheetSpec[], names: { name: string; formula: string }[] = []) {
    for (const spec of specs) this.addSheet(spec.name, spec.rows ?? [], spec.tables ?? []);
    this.active = specs[0]?.name ?? "";
    for (const n of names)
      this.names.push(this.mock({ name: n.name, formula: n.formula, visible: false }));
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
    this.context = new OfficeMockObject({}) as Mock; // not in the registry: its sync is the counted one below
    this.context.workbook = {
      worksheets: collection(() => self.sheets, {
        getActiveWorksheet: () => self.sheet(self.active),
        getItem: (name: string) => self.sheet(name),
        getItemOrNullObject: (name: string) =>
          self.sheets.find((s) => s.sheetName === name) ?? {
            getUsedRangeOrNullObject: () => {
              const none = self.mock({ values: [], rowIndex: 0, columnIndex: 0 });
              none.isNullObject = true;
              return none;
            },
          },
        add: (name: string) => {
          self.calls.push(`add ${name}`);
          self.added.push(name);
          return self.addSheet(name, [], []);
        },
      }),
      names: collection(() => self.names, {
        add: (name: string, reference: Mock, comment: string) => {
          self.calls.push(`name ${name}`);
          const formula = `='${reference.sheetName}'!$A$1`;
          const item = self.mock({ name, formula, visible: true, comment });
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
    this.context.application = {
      suspendApiCalculationUntilNextSync: () => self.calls.push("suspend"),
    };
    this.context.sync = async () => {
      self.syncs++;
      for (const m of self.registry) await m.sync();
    };
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

  private addSheet(name: string, rows: CellValue[][], tables: string[]): Mock {
    const self = this;
    this.rowsBySheet.set(name, rows);
    const ws = this.mock({ name });
    ws.sheetName = name;
    ws.tableItems = tables.map((t) => this.mock({ name: t, worksheet: { name } }));
    ws.getUsedRangeOrNullObject = () => {
      const data = self.rowsBySheet.get(name) ?? [];
      const width = Math.max(0, ...data.map((r) => r.length));
      const values = data.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? ""));
      const used = self.mock({ values, formulas: values, rowIndex: 0, columnIndex: 0 });
      used.isNullObject = data.length === 0;
      return used;
    };
    ws.getRange = (address = "") => {
      const range = self.mock({
        format: {
          font: {},
          fill: { color: self.fills.get(`${name}!${address}`) ?? "#FFFFFF" },
          borders: {},
        },
        dataValidation: {},
      });
      range.sheetName = name;
      range.format.borders.getItem = () => ({});
      range.format.fill.clear = () => self.calls.push(`clear fill ${name}!${address}`);
      range.conditionalFormats = {
        add: (type: string) => (self.calls.push(`${type} ${name}!${address}`), { dataBar: {} }),
      };
      range.select = () => self.calls.push(`select ${name}!${address}`);
      range.merge = () => (write.merged = true);
      range.unmerge = () => undefined;
      range.clear = () => (write.cleared = true);
      const write: RangeWrite & { mock: Mock } = { sheet: name, address, mock: range };
      self.ranges.push(write);
      return range;
    };
    ws.tables = {
      add: (address: string) => {
        const table = self.mock({});
        self.addedTables.push({ sheet: name, address, mock: table });
        return table;
      },
      getItem: (t: string) => ({ delete: () => self.deletedTables.push(`${name}!${t}`) }),
    };
    ws.freezePanes = { freezeRows: (n: number) => self.calls.push(`freeze ${name} ${n}`) };
    ws.pageLayout = { setPrintArea: () => undefined, setPrintTitleRows: () => undefined };
    ws.activate = () => self.calls.push(`activate ${name}`);
    ws.charts = {
      add: (type: string, source: Mock) => {
        self.calls.push(
          `chart ${name} ${type} ${self.ranges.find((r) => r.mock === source)?.address}`
        );
        return { title: {}, setPosition: () => undefined };
      },
    };
    this.sheets.push(ws);
    return ws;
  }

  /** What was written to a sheet: the whole-array writes, by address. */
  writes(sheet: string): (RangeWrite & { mock: Mock })[] {
    return this.ranges.filter((r) => r.sheet === sheet);
  }

  /** The 2-D formulas array written at A1 of a sheet. */
  formulasAt(sheet: string): unknown[][] | undefined {
    return this.writes(sheet).find(
      (r) =>
        r.address.startsWith("A1:") &&
        r.mock.formulas !== undefined &&
        Array.isArray(r.mock.formulas)
    )?.mock.formulas;
  }
}
