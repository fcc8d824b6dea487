/**
 * Offline checks for manifest.xml (`office-addin-manifest validate` needs the internet).
 *
 * `checkManifest(xmlText)` returns a list of problems, empty when the manifest is fine. It checks
 * what Office needs for our add-in: a well-formed add-in only manifest, resources that are all
 * defined once and of the right kind, the custom functions wired into ONE long-lived shared runtime
 * (Microsoft's "Excel Custom Functions using a Shared Runtime" layout), https URLs on a single
 * origin, icons of the right pixel sizes, a permission no wider than ReadWriteDocument, and the
 * Chinese ribbon group on the Home tab.
 */
import { existsSync, readFileSync } from "fs";
import { join, posix } from "path";

// xml2js ships no type declarations (and @types/xml2js is not installed): describe what we use.
interface Xml2jsRawNode {
  "#name": string;
  $?: Record<string, string>;
  $$?: Xml2jsRawNode[];
  _?: string;
}
interface Xml2jsParser {
  parseString(
    xml: string,
    callback: (error: Error | null, result: Record<string, Xml2jsRawNode> | null) => void
  ): void;
}
interface Xml2jsModule {
  Parser: new (options: Record<string, unknown>) => Xml2jsParser;
}
// A dependency of office-addin-manifest (present in node_modules, not a direct dependency).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const xml2js: Xml2jsModule = require("xml2js");

export const APP_NS = "http://schemas.microsoft.com/office/appforoffice/1.1";
export const BT_NS = "http://schemas.microsoft.com/office/officeappbasictypes/1.0";
export const TASKPANE_VO_NS = "http://schemas.microsoft.com/office/taskpaneappversionoverrides";

/** Permissions no wider than ReadWriteDocument, narrowest first. */
export const ALLOWED_PERMISSIONS = ["Restricted", "ReadDocument", "ReadWriteDocument"] as const;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

export interface ManifestCheckOptions {
  /** The only origin every URL may use. */
  origin?: string;
  /** The custom functions namespace (bt:String behind <Namespace resid>). */
  namespace?: string;
  /** Label of the ribbon group on the Home tab. */
  groupLabel?: string;
  /** Directory the origin's root maps to for static files (the repo root: assets/ is copied as is).
   *  When given, every icon URL must exist there as a PNG of the right pixel size. */
  webRoot?: string;
}

const DEFAULTS = {
  origin: "https://localhost:3000",
  namespace: "QUOTA",
  groupLabel: "人人持证",
};

function convert(raw: Xml2jsRawNode): XmlElement {
  return {
    name: raw["#name"],
    attrs: { ...(raw.$ ?? {}) },
    children: (raw.$$ ?? []).map(convert),
    text: (raw._ ?? "").trim(),
  };
}

/** Parses XML into a plain element tree; throws on malformed XML. */
export function parseXml(xmlText: string): XmlElement {
  const parser = new xml2js.Parser({
    explicitRoot: true,
    explicitChildren: true,
    preserveChildrenOrder: true,
    charsAsChildren: false,
    trim: true,
    strict: true,
  });
  const outcome: { error?: Error; root?: XmlElement } = {};
  // xml2js calls back synchronously unless its `async` option is set.
  parser.parseString(xmlText, (error, result) => {
    if (error) {
      outcome.error = error;
      return;
    }
    const top = result ? Object.values(result)[0] : undefined;
    if (top) outcome.root = convert(top);
  });
  if (outcome.error) throw outcome.error;
  if (!outcome.root) throw new Error("no root element");
  return outcome.root;
}

export function childrenNamed(el: XmlElement | undefined, name: string): XmlElement[] {
  return el ? el.children.filter((c) => c.name === name) : [];
}

export function child(el: XmlElement | undefined, name: string): XmlElement | undefined {
  return childrenNamed(el, name)[0];
}

/** Follows a path of child element names, taking the first match at each step. */
export function at(el: XmlElement | undefined, ...names: string[]): XmlElement | undefined {
  let current = el;
  for (const name of names) current = child(current, name);
  return current;
}

export function descendants(el: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement): void => {
    for (const c of e.children) {
      out.push(c);
      walk(c);
    }
  };
  walk(el);
  return out;
}

/** Width and height from a PNG's IHDR chunk, or null when the bytes are not a PNG. */
export function readPngSize(bytes: Buffer): { width: number; height: number } | null {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(signature)) return null;
  if (bytes.toString("ascii", 12, 16) !== "IHDR") return null;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

type ResourceKind = "image" | "url" | "short" | "long";

interface ResourceDef {
  kind: ResourceKind;
  value: string;
  count: number;
}

const RESOURCE_GROUPS: Array<[string, string, ResourceKind]> = [
  ["bt:Images", "bt:Image", "image"],
  ["bt:Urls", "bt:Url", "url"],
  ["bt:ShortStrings", "bt:String", "short"],
  ["bt:LongStrings", "bt:String", "long"],
];

/** The resource kind each resid-bearing element must point at. */
const RESID_KIND: Record<string, ResourceKind> = {
  "bt:Image": "image",
  SourceLocation: "url",
  Runtime: "url",
  FunctionFile: "url",
  LearnMoreUrl: "url",
  Label: "short",
  Title: "short",
  Namespace: "short",
  Description: "long",
};

const MAX_LENGTH: Record<ResourceKind, number> = { image: 2048, url: 2048, short: 125, long: 250 };

function minVersionOf(set: XmlElement, sets: XmlElement): string {
  return set.attrs.MinVersion ?? sets.attrs.DefaultMinVersion ?? "1.1";
}

function versionAtLeast(version: string, min: string): boolean {
  const a = version.split(".").map(Number);
  const b = min.split(".").map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x > y;
  }
  return true;
}

function hasSharedRuntime(sets: XmlElement | undefined, setName: string): boolean {
  if (!sets) return false;
  return childrenNamed(sets, setName).some(
    (s) => s.attrs.Name === "SharedRuntime" && versionAtLeast(minVersionOf(s, sets), "1.1")
  );
}

function parseUrl(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

export function checkManifest(xmlText: string, options: ManifestCheckOptions = {}): string[] {
  const { origin, namespace, groupLabel } = { ...DEFAULTS, ...options };
  const problems: string[] = [];
  const problem = (message: string): void => {
    problems.push(message);
  };

  let root: XmlElement;
  try {
    root = parseXml(xmlText);
  } catch (error) {
    return [`not well-formed XML: ${(error as Error).message.split("\n")[0]}`];
  }

  // --- Base manifest -------------------------------------------------------------------------
  if (root.name !== "OfficeApp") problem(`root element is <${root.name}>, expected <OfficeApp>`);
  if (root.attrs.xmlns !== APP_NS) problem(`OfficeApp xmlns must be ${APP_NS}`);
  if (root.attrs["xmlns:bt"] !== BT_NS) problem(`xmlns:bt must be ${BT_NS}`);
  if (root.attrs["xsi:type"] !== "TaskPaneApp") problem(`OfficeApp xsi:type must be TaskPaneApp`);

  const id = child(root, "Id")?.text ?? "";
  if (!GUID.test(id) || id.replace(/[-0]/g, "") === "") problem(`Id "${id}" is not a GUID`);
  const version = child(root, "Version")?.text ?? "";
  if (!/^\d+(\.\d+){0,3}$/.test(version)) problem(`Version "${version}" is not n[.n[.n[.n]]]`);
  if (!(child(root, "ProviderName")?.text ?? "")) problem("ProviderName is empty");
  const locale = child(root, "DefaultLocale")?.text;
  if (locale !== "zh-CN") problem(`DefaultLocale is "${locale ?? ""}", expected zh-CN`);
  for (const name of ["DisplayName", "Description"]) {
    const value = child(root, name)?.attrs.DefaultValue ?? "";
    if (!/[\u4e00-\u9fff]/.test(value)) problem(`${name} must be Chinese, got "${value}"`);
  }

  const hosts = childrenNamed(child(root, "Hosts"), "Host").map((h) => h.attrs.Name);
  if (hosts.length !== 1 || hosts[0] !== "Workbook")
    problem(`Hosts must be exactly Workbook, got [${hosts.join(", ")}]`);

  if (!hasSharedRuntime(at(root, "Requirements", "Sets"), "Set")) {
    problem("base Requirements must contain SharedRuntime 1.1");
  }

  const permission = child(root, "Permissions")?.text ?? "";
  if (!(ALLOWED_PERMISSIONS as readonly string[]).includes(permission)) {
    problem(
      `Permissions "${permission}" is wider than ReadWriteDocument (allowed: ${ALLOWED_PERMISSIONS.join(", ")})`
    );
  }

  // --- VersionOverrides ----------------------------------------------------------------------
  const overrides = childrenNamed(root, "VersionOverrides");
  const vo = overrides[0];
  if (overrides.length !== 1 || !vo) {
    problem(`expected exactly one VersionOverrides, found ${overrides.length}`);
    return problems;
  }
  if (vo.attrs.xmlns !== TASKPANE_VO_NS)
    problem(`VersionOverrides xmlns must be ${TASKPANE_VO_NS}`);
  if (vo.attrs["xsi:type"] !== "VersionOverridesV1_0") {
    problem(
      "VersionOverrides xsi:type must be VersionOverridesV1_0 (task pane add-ins support only 1.0)"
    );
  }
  if (!hasSharedRuntime(at(vo, "Requirements", "bt:Sets"), "bt:Set")) {
    problem("VersionOverrides Requirements must contain SharedRuntime 1.1");
  }

  // --- Resources: every resid defined exactly once, of the right kind, and used --------------
  const resources = child(vo, "Resources");
  const defs = new Map<string, ResourceDef>();
  for (const [groupName, itemName, kind] of RESOURCE_GROUPS) {
    for (const item of childrenNamed(child(resources, groupName), itemName)) {
      const rid = item.attrs.id ?? "";
      if (!rid) {
        problem(`<${itemName}> in ${groupName} has no id`);
        continue;
      }
      if (rid.length > 32) problem(`resource id "${rid}" is longer than 32 characters`);
      const value = item.attrs.DefaultValue ?? "";
      if (!value) problem(`resource "${rid}" has no DefaultValue`);
      if (value.length > MAX_LENGTH[kind])
        problem(`resource "${rid}" is longer than ${MAX_LENGTH[kind]} characters`);
      const existing = defs.get(rid);
      if (existing) existing.count++;
      else defs.set(rid, { kind, value, count: 1 });
    }
  }
  for (const [rid, def] of defs) {
    if (def.count > 1) problem(`resource id "${rid}" is defined ${def.count} times in Resources`);
  }

  const used = new Set<string>();
  for (const el of descendants(root)) {
    const rid = el.attrs.resid;
    if (rid === undefined) continue;
    used.add(rid);
    const def = defs.get(rid);
    if (!def) {
      problem(`resid "${rid}" (used by <${el.name}>) is not defined in Resources`);
      continue;
    }
    const expected = RESID_KIND[el.name];
    if (expected && def.kind !== expected) {
      problem(
        `resid "${rid}" (used by <${el.name}>) must be a ${expected} resource, not ${def.kind}`
      );
    }
  }
  for (const rid of defs.keys()) {
    if (!used.has(rid)) problem(`resource "${rid}" is defined but never used`);
  }
  const urlOf = (rid: string | undefined): string | undefined =>
    rid ? defs.get(rid)?.value : undefined;
  const stringOf = urlOf;

  // --- Custom functions in one shared runtime ------------------------------------------------
  const workbook = childrenNamed(child(vo, "Hosts"), "Host").find(
    (h) => h.attrs["xsi:type"] === "Workbook"
  );
  if (!workbook) {
    problem('VersionOverrides has no <Host xsi:type="Workbook">');
    return problems;
  }
  const runtimes = childrenNamed(child(workbook, "Runtimes"), "Runtime");
  const runtime = runtimes[0];
  if (runtimes.length !== 1 || !runtime)
    problem(`expected exactly one Runtime, found ${runtimes.length}`);
  const runtimeResid = runtime?.attrs.resid;
  if (runtime && runtime.attrs.lifetime !== "long") {
    problem(`Runtime lifetime is "${runtime.attrs.lifetime ?? ""}", expected long`);
  }
  const runtimeUrl = urlOf(runtimeResid);

  const cfPoints = childrenNamed(child(workbook, "AllFormFactors"), "ExtensionPoint").filter(
    (e) => e.attrs["xsi:type"] === "CustomFunctions"
  );
  const cf = cfPoints[0];
  if (cfPoints.length !== 1 || !cf) {
    problem(
      `expected one CustomFunctions ExtensionPoint in AllFormFactors, found ${cfPoints.length}`
    );
  } else {
    const sourceResid = (part: string): string | undefined => {
      const rid = at(cf, part, "SourceLocation")?.attrs.resid;
      if (!rid) problem(`CustomFunctions <${part}> has no <SourceLocation resid>`);
      return rid;
    };
    const scriptResid = sourceResid("Script");
    const pageResid = sourceResid("Page");
    const metadataResid = sourceResid("Metadata");
    const namespaceResid = child(cf, "Namespace")?.attrs.resid;
    if (!namespaceResid) problem("CustomFunctions has no <Namespace resid>");
    else if (stringOf(namespaceResid) !== namespace) {
      problem(
        `custom functions namespace is "${stringOf(namespaceResid) ?? ""}", expected ${namespace}`
      );
    }

    if (pageResid && runtimeResid && pageResid !== runtimeResid) {
      problem(
        `CustomFunctions Page uses resid "${pageResid}" but the Runtime uses "${runtimeResid}" (shared runtime needs the same one)`
      );
    }
    const pageUrl = parseUrl(urlOf(pageResid) ?? "");
    if (pageResid && runtimeUrl && urlOf(pageResid) !== runtimeUrl) {
      problem("CustomFunctions Page URL differs from the Runtime URL");
    }
    if (pageUrl) {
      const dir = posix.dirname(pageUrl.pathname).replace(/\/?$/, "/");
      const expectFile = (rid: string | undefined, part: string, file: string): void => {
        const url = parseUrl(urlOf(rid) ?? "");
        if (!rid || !urlOf(rid)) return; // reported above
        if (!url || url.origin !== pageUrl.origin || url.pathname !== dir + file) {
          problem(
            `CustomFunctions ${part} must be ${pageUrl.origin}${dir}${file}, got ${urlOf(rid) ?? ""}`
          );
        }
      };
      expectFile(scriptResid, "Script", "functions.js");
      expectFile(metadataResid, "Metadata", "functions.json");
    }
  }

  const defaultPage = at(root, "DefaultSettings", "SourceLocation")?.attrs.DefaultValue;
  if (runtimeUrl && defaultPage !== runtimeUrl) {
    problem(
      `DefaultSettings SourceLocation (${defaultPage ?? "missing"}) must be the shared runtime page ${runtimeUrl}`
    );
  }

  // --- Ribbon: group 人人持证 on the Home tab, button opening the shared-runtime task pane ----
  const desktop = child(workbook, "DesktopFormFactor");
  const functionFile = child(desktop, "FunctionFile")?.attrs.resid;
  if (functionFile !== runtimeResid) {
    problem(
      `FunctionFile resid "${functionFile ?? ""}" must be the Runtime's resid "${runtimeResid ?? ""}"`
    );
  }
  const homeTab = childrenNamed(desktop, "ExtensionPoint")
    .filter((e) => e.attrs["xsi:type"] === "PrimaryCommandSurface")
    .flatMap((e) => childrenNamed(e, "OfficeTab"))
    .find((t) => t.attrs.id === "TabHome");
  const group = childrenNamed(homeTab, "Group").find(
    (g) => stringOf(child(g, "Label")?.attrs.resid) === groupLabel
  );
  if (!homeTab) problem('no <OfficeTab id="TabHome"> in a PrimaryCommandSurface');
  else if (!group) problem(`no ribbon group labelled "${groupLabel}" on TabHome`);
  else {
    const actions = childrenNamed(group, "Control")
      .filter((c) => c.attrs["xsi:type"] === "Button")
      .flatMap((c) => childrenNamed(c, "Action"))
      .filter((a) => a.attrs["xsi:type"] === "ShowTaskpane");
    if (actions.length === 0)
      problem(`ribbon group "${groupLabel}" has no button with a ShowTaskpane action`);
    for (const action of actions) {
      const taskpaneId = child(action, "TaskpaneId")?.text;
      if (taskpaneId !== "ButtonId1")
        problem(`ShowTaskpane TaskpaneId is "${taskpaneId ?? ""}", expected ButtonId1`);
      const rid = child(action, "SourceLocation")?.attrs.resid;
      if (rid !== runtimeResid) {
        problem(
          `ShowTaskpane SourceLocation resid "${rid ?? ""}" must be the Runtime's resid "${runtimeResid ?? ""}"`
        );
      }
    }
  }

  // --- URLs: https on one origin -------------------------------------------------------------
  const urls: Array<[string, string]> = [];
  for (const name of ["IconUrl", "HighResolutionIconUrl", "SupportUrl"]) {
    const value = child(root, name)?.attrs.DefaultValue;
    if (value === undefined) problem(`<${name}> is missing`);
    else urls.push([name, value]);
  }
  if (defaultPage !== undefined) urls.push(["DefaultSettings SourceLocation", defaultPage]);
  for (const domain of childrenNamed(child(root, "AppDomains"), "AppDomain"))
    urls.push(["AppDomain", domain.text]);
  for (const [rid, def] of defs) {
    if (def.kind === "url" || def.kind === "image") urls.push([`resource "${rid}"`, def.value]);
  }
  for (const [where, value] of urls) {
    const url = parseUrl(value);
    if (!url) problem(`${where}: "${value}" is not a URL`);
    else if (url.protocol !== "https:") problem(`${where}: ${value} is not https`);
    else if (url.origin !== origin) problem(`${where}: ${value} is not on ${origin}`);
  }

  // --- Icons: right pixel sizes --------------------------------------------------------------
  const icons: Array<[string, string | undefined, number]> = [
    ["IconUrl", child(root, "IconUrl")?.attrs.DefaultValue, 32],
    ["HighResolutionIconUrl", child(root, "HighResolutionIconUrl")?.attrs.DefaultValue, 64],
  ];
  for (const image of descendants(vo).filter(
    (e) => e.name === "bt:Image" && e.attrs.resid !== undefined
  )) {
    const size = Number(image.attrs.size);
    if (![16, 20, 24, 32, 40, 48, 64, 80].includes(size))
      problem(`bt:Image size "${image.attrs.size ?? ""}" is not a valid icon size`);
    icons.push([
      `bt:Image ${image.attrs.resid ?? ""} (size ${size})`,
      urlOf(image.attrs.resid),
      size,
    ]);
  }
  const webRoot = options.webRoot;
  const checked = new Set<string>();
  for (const [where, value, size] of icons) {
    const url = parseUrl(value ?? "");
    if (!url || !url.pathname.toLowerCase().endsWith(".png")) {
      problem(`${where}: icon ${value ?? "missing"} is not a .png URL`);
      continue;
    }
    if (!webRoot || checked.has(`${url.pathname}@${size}`)) continue;
    checked.add(`${url.pathname}@${size}`);
    const file = join(webRoot, ...decodeURIComponent(url.pathname).split("/").filter(Boolean));
    if (!existsSync(file)) {
      problem(`${where}: ${file} does not exist`);
      continue;
    }
    const dims = readPngSize(readFileSync(file));
    if (!dims) problem(`${where}: ${file} is not a PNG`);
    else if (dims.width !== size || dims.height !== size) {
      problem(`${where}: ${file} is ${dims.width}x${dims.height}, expected ${size}x${size}`);
    }
  }

  return problems;
}
