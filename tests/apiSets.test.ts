/*
 * Honest requirements: every Office.js member the code in src/ uses needs at most the requirement
 * sets manifest.xml declares, or sits behind Office.context.requirements.isSetSupported. The sets
 * come from the [Api set: …] tags of @types/office-js, resolved with the TypeScript compiler API
 * (tests/support/apiSetUses.ts).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { REQUIRED_EXCEL_API } from "../src/adapters/office/features";
import { ApiUse, findApiUses, needsMore } from "./support/apiSetUses";
import { XmlElement, descendants, parseXml } from "./support/manifestCheck";

const ROOT = join(__dirname, "..");
jest.setTimeout(120_000);

/** Set name → MinVersion over both <Requirements> of the manifest (the higher one wins). */
function declaredSets(xml: string): Map<string, string> {
  const sets = new Map<string, string>();
  const isSet = (e: XmlElement) => e.name === "Set" || e.name === "bt:Set";
  for (const set of descendants(parseXml(xml)).filter(isSet)) {
    const name = set.attrs.Name ?? "";
    const version = set.attrs.MinVersion ?? "1.1";
    const had = sets.get(name);
    if (!had || needsMore(`${name} ${version}`, new Map([[name, had]]))) sets.set(name, version);
  }
  return sets;
}

const declared = declaredSets(readFileSync(join(ROOT, "manifest.xml"), "utf8"));
const describeUse = (u: ApiUse) => `${u.file}:${u.line} ${u.api} (${u.kind}) needs ${u.set}`;
const overreaching = (uses: ApiUse[]) =>
  uses.filter((u) => needsMore(u.set, declared) && !u.guard).map(describeUse);

let uses: ApiUse[];
beforeAll(() => {
  uses = findApiUses(ROOT, [join(ROOT, "src")]);
});

test("the manifest declares ExcelApi (as the pane checks it), SharedRuntime and CustomFunctionsRuntime", () => {
  expect(Object.fromEntries(declared)).toEqual({
    ExcelApi: REQUIRED_EXCEL_API,
    SharedRuntime: "1.1",
    CustomFunctionsRuntime: "1.3",
  });
});

test("the Office.js members used in src/ resolve to their requirement sets", () => {
  const setOf = (api: string) => uses.find((u) => u.api === api)?.set;
  expect(uses.length).toBeGreaterThan(100);
  expect(setOf("Excel.NamedItem.formula")).toBe("ExcelApi 1.7");
  expect(setOf("Excel.Worksheet.getRange")).toBe("ExcelApi 1.1");
  expect(setOf("CustomFunctions.ErrorCode.invalidValue")).toBe("CustomFunctionsRuntime 1.3");
  expect(setOf("CustomFunctions.Invocation.parameterAddresses")).toBe("CustomFunctionsRuntime 1.3");
  expect(uses.filter((u) => u.set === "UNRESOLVED").map(describeUse)).toEqual([]);
});

test("no use in src/ needs more than the manifest declares, unless behind isSetSupported", () => {
  expect(overreaching(uses)).toEqual([]);
});

test("the check fails on a use above the declared sets and passes it behind isSetSupported", () => {
  const dir = mkdtempSync(join(tmpdir(), "api-sets-"));
  try {
    const file = join(dir, "fixture.ts");
    writeFileSync(
      file,
      [
        "export async function fixture(context: Excel.RequestContext): Promise<void> {",
        "  const range = context.workbook.getSelectedRange();",
        "  range.getMergedAreasOrNullObject();",
        '  if (Office.context.requirements.isSetSupported("ExcelApi", "1.13")) {',
        "    range.getMergedAreasOrNullObject();",
        "  }",
        '  context.workbook.worksheets.load("items/visibility");',
        "  const item = context.workbook.names.getItem('x');",
        "  item.formula = '=1';",
        "  await context.sync();",
        "}",
      ].join("\n")
    );
    const found = findApiUses(ROOT, [file]);
    expect(overreaching(found)).toEqual([
      expect.stringMatching(
        /fixture\.ts:3 Excel\.Range\.getMergedAreasOrNullObject \(call\) needs ExcelApi 1\.13$/
      ),
    ]);
    expect(found.filter((u) => u.guard).map((u) => u.line)).toEqual([5]);
    expect(found.some((u) => u.api === "Excel.Worksheet.visibility" && u.kind === "load")).toBe(
      true
    );
    // The same use is above a manifest that declared less, e.g. ExcelApi 1.4.
    expect(needsMore("ExcelApi 1.7", new Map([["ExcelApi", "1.4"]]))).toBe(true);
    expect(needsMore("ExcelApiOnline 1.1", declared)).toBe(true);
    expect(needsMore("ExcelApi BETA (PREVIEW ONLY)", declared)).toBe(true);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
