/**
 * Offline checks of manifest.xml (office-addin-manifest validate needs the internet).
 * The rules live in tests/support/manifestCheck.ts; this file asserts the real manifest passes
 * them, spells out the key facts, and proves the checker rejects broken manifests.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { REQUIRED_EXCEL_API } from "../src/adapters/office/features";
import {
  ALLOWED_PERMISSIONS,
  XmlElement,
  at,
  checkManifest,
  child,
  childrenNamed,
  descendants,
  parseXml,
  readPngSize,
} from "./support/manifestCheck";

const ROOT = join(__dirname, "..");
const MANIFEST_TEXT = readFileSync(join(ROOT, "manifest.xml"), "utf8");
const ORIGIN = "https://localhost:3000";

const manifest = parseXml(MANIFEST_TEXT);
const vo = child(manifest, "VersionOverrides") as XmlElement;
const workbook = childrenNamed(child(vo, "Hosts"), "Host").find(
  (h) => h.attrs["xsi:type"] === "Workbook"
) as XmlElement;

/** Value of a bt:Url / bt:Image / bt:String resource by id. */
function resource(id: string): string | undefined {
  const resources = child(vo, "Resources");
  for (const group of resources?.children ?? []) {
    for (const item of group.children) if (item.attrs.id === id) return item.attrs.DefaultValue;
  }
  return undefined;
}

function customFunctions(): XmlElement {
  const point = childrenNamed(child(workbook, "AllFormFactors"), "ExtensionPoint").find(
    (e) => e.attrs["xsi:type"] === "CustomFunctions"
  );
  expect(point).toBeDefined();
  return point as XmlElement;
}

function check(xml: string): string[] {
  return checkManifest(xml, { webRoot: ROOT });
}

describe("manifest.xml", () => {
  test("passes every offline check", () => {
    expect(check(MANIFEST_TEXT)).toEqual([]);
  });

  test("is a well-formed Excel task pane add-in manifest", () => {
    expect(manifest.name).toBe("OfficeApp");
    expect(manifest.attrs["xsi:type"]).toBe("TaskPaneApp");
    expect(childrenNamed(child(manifest, "Hosts"), "Host").map((h) => h.attrs.Name)).toEqual([
      "Workbook",
    ]);
    expect(vo.attrs["xsi:type"]).toBe("VersionOverridesV1_0");
  });

  test("has a GUID Id, zh-CN locale and Chinese names", () => {
    expect(child(manifest, "Id")?.text).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
    );
    expect(child(manifest, "DefaultLocale")?.text).toBe("zh-CN");
    expect(child(manifest, "ProviderName")?.text).toBe("商丘学院教务处");
    expect(child(manifest, "DisplayName")?.attrs.DefaultValue).toMatch(/人人持证/);
  });

  test("asks for ReadWriteDocument, nothing wider", () => {
    const permission = child(manifest, "Permissions")?.text ?? "";
    expect(ALLOWED_PERMISSIONS as readonly string[]).toContain(permission);
    expect(permission).toBe("ReadWriteDocument");
  });

  test("requires SharedRuntime 1.1, the ExcelApi the pane checks and CustomFunctionsRuntime 1.3", () => {
    const sets = (el: XmlElement | undefined, name: string): string[] =>
      childrenNamed(el, name).map((s) => `${s.attrs.Name ?? ""} ${s.attrs.MinVersion ?? ""}`);
    expect(sets(at(manifest, "Requirements", "Sets"), "Set")).toEqual(
      expect.arrayContaining(["SharedRuntime 1.1", `ExcelApi ${REQUIRED_EXCEL_API}`])
    );
    expect(sets(at(vo, "Requirements", "bt:Sets"), "bt:Set")).toEqual(
      expect.arrayContaining(["SharedRuntime 1.1", "CustomFunctionsRuntime 1.3"])
    );
  });

  test("defines every resid used exactly once", () => {
    const ids = descendants(child(vo, "Resources") as XmlElement)
      .map((e) => e.attrs.id)
      .filter((id): id is string => id !== undefined);
    const used = new Set(
      descendants(manifest)
        .map((e) => e.attrs.resid)
        .filter((id): id is string => id !== undefined)
    );
    expect(used.size).toBeGreaterThan(0);
    for (const id of used) expect(ids.filter((d) => d === id)).toHaveLength(1);
  });

  test("runs the custom functions in one long-lived shared runtime", () => {
    const runtimes = childrenNamed(child(workbook, "Runtimes"), "Runtime");
    expect(runtimes).toHaveLength(1);
    const runtime = runtimes[0] as XmlElement;
    expect(runtime.attrs.lifetime).toBe("long");

    const cf = customFunctions();
    const page = at(cf, "Page", "SourceLocation")?.attrs.resid;
    expect(page).toBe(runtime.attrs.resid);
    expect(resource(page ?? "")).toBe(`${ORIGIN}/taskpane.html`);
    expect(resource(at(cf, "Script", "SourceLocation")?.attrs.resid ?? "")).toBe(
      `${ORIGIN}/functions.js`
    );
    expect(resource(at(cf, "Metadata", "SourceLocation")?.attrs.resid ?? "")).toBe(
      `${ORIGIN}/functions.json`
    );
    expect(resource(child(cf, "Namespace")?.attrs.resid ?? "")).toBe("QUOTA");
    expect(at(workbook, "DesktopFormFactor", "FunctionFile")?.attrs.resid).toBe(
      runtime.attrs.resid
    );
  });

  test("puts a 人人持证 group on the Home tab with a button that opens the task pane", () => {
    const tab = childrenNamed(at(workbook, "DesktopFormFactor"), "ExtensionPoint")
      .flatMap((e) => childrenNamed(e, "OfficeTab"))
      .find((t) => t.attrs.id === "TabHome");
    const group = child(tab, "Group");
    expect(resource(child(group, "Label")?.attrs.resid ?? "")).toBe("人人持证");
    const button = child(group, "Control");
    expect(resource(child(button, "Label")?.attrs.resid ?? "")).toMatch(/[\u4e00-\u9fff]/);
    const action = child(button, "Action");
    expect(action?.attrs["xsi:type"]).toBe("ShowTaskpane");
    expect(child(action, "TaskpaneId")?.text).toBe("ButtonId1");
    expect(child(action, "SourceLocation")?.attrs.resid).toBe("Taskpane.Url");
  });

  test("uses only https URLs on the dev origin", () => {
    const urls = [...MANIFEST_TEXT.matchAll(/DefaultValue="(\w+:\/\/[^"]*)"/g)].map(
      (m) => m[1] as string
    );
    urls.push(...childrenNamed(child(manifest, "AppDomains"), "AppDomain").map((d) => d.text));
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) expect(new URL(url).origin).toBe(ORIGIN);
  });

  test.each([16, 32, 64, 80])("assets/icon-%i.png has its nominal pixel size", (size) => {
    expect(readPngSize(readFileSync(join(ROOT, "assets", `icon-${size}.png`)))).toEqual({
      width: size,
      height: size,
    });
  });
});

describe("checkManifest rejects broken manifests", () => {
  /** Applies a textual edit that must hit exactly one place in the manifest. */
  function mutate(from: string | RegExp, to: string): string {
    const hits = MANIFEST_TEXT.split(from).length - 1;
    expect(hits).toBe(1);
    return MANIFEST_TEXT.replace(from, to);
  }

  test.each<[string, () => string, RegExp]>([
    [
      "malformed XML",
      () => MANIFEST_TEXT.slice(0, MANIFEST_TEXT.length - 20),
      /not well-formed XML/,
    ],
    [
      "a resid with no resource",
      () => mutate(/\s*<bt:String id="TaskpaneButton\.Tooltip"[^>]*\/>/, ""),
      /resid "TaskpaneButton\.Tooltip" \(used by <Description>\) is not defined/,
    ],
    [
      "a resource defined twice",
      () => mutate('<bt:String id="CommandsGroup.Label"', '<bt:String id="TaskpaneButton.Label"'),
      /"TaskpaneButton\.Label" is defined 2 times/,
    ],
    [
      "a wider permission (ReadAllDocument)",
      () =>
        mutate(
          "<Permissions>ReadWriteDocument</Permissions>",
          "<Permissions>ReadAllDocument</Permissions>"
        ),
      /Permissions "ReadAllDocument" is wider than ReadWriteDocument/,
    ],
    [
      "a mailbox permission",
      () =>
        mutate(
          "<Permissions>ReadWriteDocument</Permissions>",
          "<Permissions>ReadWriteMailbox</Permissions>"
        ),
      /Permissions "ReadWriteMailbox" is wider/,
    ],
    [
      "a wrong namespace",
      () => mutate('DefaultValue="QUOTA"', 'DefaultValue="CONTOSO"'),
      /namespace is "CONTOSO", expected QUOTA/,
    ],
    [
      "a Page outside the shared runtime",
      () =>
        mutate(
          '<Page>\n              <SourceLocation resid="Taskpane.Url"/>',
          '<Page>\n              <SourceLocation resid="Functions.Script.Url"/>'
        ),
      /Page uses resid "Functions\.Script\.Url" but the Runtime uses "Taskpane\.Url"/,
    ],
    [
      "a short-lived runtime",
      () => mutate('lifetime="long"', 'lifetime="short"'),
      /Runtime lifetime is "short", expected long/,
    ],
    [
      "no SharedRuntime requirement",
      () => mutate(/\s*<Set Name="SharedRuntime" MinVersion="1\.1"\/>/, ""),
      /base Requirements must contain SharedRuntime 1\.1/,
    ],
    [
      "an http URL",
      () => mutate('"https://localhost:3000/functions.js"', '"http://localhost:3000/functions.js"'),
      /http:\/\/localhost:3000\/functions\.js is not https/,
    ],
    [
      "functions on another origin",
      () =>
        mutate('"https://localhost:3000/functions.json"', '"https://example.com/functions.json"'),
      /Metadata must be https:\/\/localhost:3000\/functions\.json/,
    ],
    [
      "an icon of the wrong size",
      () =>
        mutate(
          'id="Icon.80x80" DefaultValue="https://localhost:3000/assets/icon-80.png"',
          'id="Icon.80x80" DefaultValue="https://localhost:3000/assets/icon-64.png"'
        ),
      /icon-64\.png is 64x64, expected 80x80/,
    ],
    [
      "a missing icon file",
      () => mutate("assets/icon-16.png", "assets/icon-15.png"),
      /icon-15\.png does not exist/,
    ],
    [
      "an Id that is not a GUID",
      () => mutate(/<Id>[^<]*<\/Id>/, "<Id>quota-addin</Id>"),
      /Id "quota-addin" is not a GUID/,
    ],
    [
      "an English locale",
      () => mutate("<DefaultLocale>zh-CN</DefaultLocale>", "<DefaultLocale>en-US</DefaultLocale>"),
      /DefaultLocale is "en-US"/,
    ],
    [
      "the group on another tab",
      () => mutate('<OfficeTab id="TabHome">', '<OfficeTab id="TabData">'),
      /no <OfficeTab id="TabHome">/,
    ],
    [
      "a relabelled ribbon group",
      () => mutate('DefaultValue="人人持证"', 'DefaultValue="Commands Group"'),
      /no ribbon group labelled "人人持证" on TabHome/,
    ],
  ])("%s", (_label, makeXml, expected) => {
    const problems = check(makeXml());
    expect(problems).toContainEqual(expect.stringMatching(expected));
  });
});
