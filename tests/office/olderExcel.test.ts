/* Page setup (ExcelApi 1.9) and data bars (1.6) are written unguarded: only Excel with the
   manifest's ExcelApi 1.12 may reach them. A sideloaded copy on an older Excel stops at the pane's
   version check, before any sheet is written; this holds it in jest, not only in Chromium (which
   skips itself without a build). */
import { REQUIRED_EXCEL_API } from "../../src/adapters/office/features";
import { excelPane } from "../../src/taskpane/excelPane";
import { membersAboveDeclared } from "../support/apiSetGuard";

/** Just enough of a DOM element for the pane's h() and show(). */
class FakeElement {
  readonly children: (FakeElement | string)[] = [];
  readonly attributes = new Map<string, string>();
  className = "";
  hidden = false;
  tabIndex = 0;
  constructor(readonly tag: string) {}
  setAttribute(name: string, value: string): void {
    this.attributes.set(name, value);
  }
  addEventListener(): void {}
  append(...nodes: (FakeElement | string)[]): void {
    this.children.push(...nodes);
  }
  replaceChildren(): void {
    this.children.length = 0;
  }
  get textContent(): string {
    return this.children.map((c) => (typeof c === "string" ? c : c.textContent)).join("");
  }
  /** Every element under this one with the tag. */
  all(tag: string): FakeElement[] {
    return this.children.flatMap((c) =>
      typeof c === "string" ? [] : [...(c.tag === tag ? [c] : []), ...c.all(tag)]
    );
  }
}

const globals = globalThis as unknown as Record<string, unknown>;
let status: FakeElement;
let runs: number;
let asked: [string, string?][];

function officeWith(supported: boolean): void {
  asked = [];
  runs = 0;
  globals.Office = {
    context: {
      requirements: {
        isSetSupported: (name: string, version?: string) => {
          asked.push([name, version]);
          return supported;
        },
      },
    },
  };
  globals.Excel = {
    run: () => {
      runs++;
      return Promise.reject(new Error("no workbook in this test"));
    },
  };
}

beforeEach(() => {
  status = new FakeElement("div");
  globals.document = {
    createElement: (tag: string) => new FakeElement(tag),
    getElementById: (id: string) => (id === "status" ? status : null),
  };
});

afterEach(() => {
  delete globals.document;
  delete globals.Office;
  delete globals.Excel;
});

test("an Excel without them lacks page setup and data bars: ExcelApi 1.9 and 1.6, within the declared set", () => {
  expect(membersAboveDeclared("Worksheet", "1.8").get("pageLayout")).toBe("1.9");
  expect(membersAboveDeclared("Range", "1.5").get("conditionalFormats")).toBe("1.6");
  expect(membersAboveDeclared("Worksheet").has("pageLayout")).toBe(false);
  expect(membersAboveDeclared("Range").has("conditionalFormats")).toBe(false);
});

test("on an Excel without ExcelApi 1.12 the pane says the version is too old, shows no tab and runs nothing", () => {
  officeWith(false);
  const app = new FakeElement("main");
  excelPane(app as unknown as HTMLElement);
  expect(asked).toEqual([["ExcelApi", REQUIRED_EXCEL_API]]);
  expect(app.textContent).toContain("Excel 版本过旧");
  expect(app.all("button")).toEqual([]);
  expect(status.className).toContain("error");
  expect(status.textContent).toContain("此 Excel 版本无法运行本加载项");
  expect(runs).toBe(0);
});
