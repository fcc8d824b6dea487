/*
 * Which Office.js requirement set each Office API use in the code needs, resolved with the
 * TypeScript compiler API: every property access, method call, load("a/b,c") path and contextually
 * typed object-literal property is resolved to its declaration in @types/office-js (or
 * @types/custom-functions-runtime), and the "[Api set: …]" tag of that declaration (or of its
 * class when the member has none) is read. Same method as ../shared/tools/api_sets.js.
 */
import { dirname, relative, resolve, sep } from "path";
import ts from "typescript";

export interface ApiUse {
  /** Declaring class and member, e.g. "Excel.NamedItem.formula". */
  readonly api: string;
  /** The tag's text, e.g. "ExcelApi 1.7"; "-" when the declaration has none. */
  readonly set: string;
  readonly kind: "get" | "set" | "call" | "new" | "load" | "literal";
  readonly file: string;
  readonly line: number;
  /** The enclosing condition that tests isSetSupported, if any. */
  readonly guard: string | null;
}

const TYPE_FILES = /@types[\\/](office-js|office-runtime|custom-functions-runtime)[\\/]/;
const GUARD = /isSetSupported/;

/** "[Api set: ExcelApi 1.7]" in the comment just before a declaration. */
function apiSetOf(decl: ts.Node): string | null {
  const sf = decl.getSourceFile();
  const ranges = ts.getLeadingCommentRanges(sf.text, decl.pos) ?? [];
  for (let i = ranges.length - 1; i >= 0; i--) {
    const range = ranges[i]!;
    const match = /\[Api set: ([^\]]+)\]/.exec(sf.text.slice(range.pos, range.end));
    if (match) return match[1]!.replace(/\s+/g, " ").trim();
  }
  return null;
}

type Owner = ts.ClassDeclaration | ts.InterfaceDeclaration | ts.EnumDeclaration;

function ownerOf(decl: ts.Node): { name: string; node: Owner | null } {
  let n: ts.Node | undefined = decl.parent;
  while (
    n &&
    !(ts.isClassDeclaration(n) || ts.isInterfaceDeclaration(n) || ts.isEnumDeclaration(n))
  )
    n = n.parent;
  if (!n) return { name: "", node: null };
  const owner = n as Owner;
  const names = [owner.name?.text ?? ""];
  for (let m: ts.Node | undefined = owner.parent; m; m = m.parent) {
    if (ts.isModuleDeclaration(m)) names.unshift(m.name.text);
  }
  return { name: names.join("."), node: owner };
}

/** The API name and set of a symbol declared in the Office typings, or null for anything else. */
function describe(
  checker: ts.TypeChecker,
  symbol: ts.Symbol | undefined,
  preferred?: ts.Declaration
): { api: string; set: string } | null {
  if (!symbol) return null;
  if (symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
  const decls = (preferred ? [preferred] : (symbol.declarations ?? [])).filter((d) =>
    TYPE_FILES.test(d.getSourceFile().fileName)
  );
  if (decls.length === 0) return null;
  const owner = ownerOf(decls[0]!);
  const set = decls.map(apiSetOf).find(Boolean) ?? (owner.node && apiSetOf(owner.node));
  return { api: owner.name ? `${owner.name}.${symbol.name}` : symbol.name, set: set ?? "-" };
}

/** The condition of an enclosing if / ?: / && that tests isSetSupported. */
function guardOf(node: ts.Node): string | null {
  let child: ts.Node = node;
  for (let n = node.parent; n; child = n, n = n.parent) {
    if (ts.isIfStatement(n) && n.thenStatement === child && GUARD.test(n.expression.getText()))
      return n.expression.getText();
    if (ts.isConditionalExpression(n) && n.whenTrue === child && GUARD.test(n.condition.getText()))
      return n.condition.getText();
    if (
      ts.isBinaryExpression(n) &&
      n.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken &&
      n.right === child &&
      GUARD.test(n.left.getText())
    )
      return n.left.getText();
  }
  return null;
}

function accessKind(node: ts.PropertyAccessExpression): ApiUse["kind"] {
  const p = node.parent;
  if (ts.isCallExpression(p) && p.expression === node) return "call";
  if (ts.isNewExpression(p) && p.expression === node) return "new";
  if (
    ts.isBinaryExpression(p) &&
    p.left === node &&
    p.operatorToken.kind >= ts.SyntaxKind.FirstAssignment &&
    p.operatorToken.kind <= ts.SyntaxKind.LastAssignment
  )
    return "set";
  return "get";
}

class Collector {
  readonly uses: ApiUse[] = [];
  constructor(
    private readonly checker: ts.TypeChecker,
    private readonly root: string
  ) {}

  record(d: { api: string; set: string } | null, node: ts.Node, kind: ApiUse["kind"]): void {
    if (!d) return;
    const sf = node.getSourceFile();
    const { line } = sf.getLineAndCharacterOfPosition(node.getStart());
    const file = relative(this.root, sf.fileName);
    this.uses.push({ ...d, kind, file, line: line + 1, guard: guardOf(node) });
  }

  /** load("items/name,items/worksheet/name") or load(["a", "b/c"]) on an Office proxy. */
  loadPaths(call: ts.CallExpression): void {
    const checker = this.checker;
    const arg = call.arguments[0];
    if (!arg || !ts.isPropertyAccessExpression(call.expression)) return;
    const paths = ts.isStringLiteralLike(arg)
      ? arg.text.split(",")
      : ts.isArrayLiteralExpression(arg)
        ? arg.elements.filter(ts.isStringLiteralLike).map((e) => e.text)
        : [];
    for (const path of paths) {
      // `charts?.load(...)`: the proxy's type without the null it may be.
      let type = checker.getNonNullableType(checker.getTypeAtLocation(call.expression.expression));
      for (const segment of path.trim().split("/")) {
        const prop = checker.getPropertyOfType(checker.getApparentType(type), segment);
        if (!prop) {
          this.record({ api: `?.${segment}`, set: "UNRESOLVED" }, arg, "load");
          break;
        }
        this.record(describe(checker, prop), arg, "load");
        const propType = checker.getTypeOfSymbolAtLocation(prop, arg);
        type = checker.getIndexTypeOfType(propType, ts.IndexKind.Number) ?? propType;
      }
    }
  }

  visit(node: ts.Node): void {
    const checker = this.checker;
    if (ts.isPropertyAccessExpression(node)) {
      const kind = accessKind(node);
      let decl: ts.Declaration | undefined;
      if (kind === "call" || kind === "new") {
        const sig = checker.getResolvedSignature(node.parent as ts.CallLikeExpression);
        const d = sig?.declaration;
        if (d && !ts.isJSDocSignature(d) && TYPE_FILES.test(d.getSourceFile().fileName)) decl = d;
      }
      const d = describe(checker, checker.getSymbolAtLocation(node.name), decl);
      this.record(d, node.name, kind);
      if (kind === "call" && node.name.text === "load" && d)
        this.loadPaths(node.parent as ts.CallExpression);
    } else if (ts.isObjectLiteralExpression(node)) {
      const context = checker.getContextualType(node);
      for (const prop of context ? node.properties : []) {
        const name = prop.name;
        if (!name || !(ts.isIdentifier(name) || ts.isStringLiteral(name))) continue;
        const target = checker.getPropertyOfType(checker.getApparentType(context!), name.text);
        this.record(target ? describe(checker, target) : null, name, "literal");
      }
    }
    ts.forEachChild(node, (c) => this.visit(c));
  }
}

/** Every Office API use in the given folders or files (absolute), compiled with the project's tsconfig. */
export function findApiUses(project: string, paths: readonly string[]): ApiUse[] {
  const configPath = resolve(project, "tsconfig.json");
  const raw = ts.readConfigFile(configPath, ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(raw.config, ts.sys, project, undefined, configPath);
  const inScope = (f: string) => paths.some((r) => f === r || f.startsWith(r + sep));
  const roots = [...parsed.fileNames.filter(inScope), ...paths.filter((p) => /\.ts$/.test(p))];
  const options = { ...parsed.options, noEmit: true };
  const host = ts.createCompilerHost(options);
  host.getCurrentDirectory = () => dirname(configPath);
  const program = ts.createProgram([...new Set(roots)], options, host);
  const collector = new Collector(program.getTypeChecker(), project);
  for (const sf of program.getSourceFiles()) {
    if (!sf.isDeclarationFile && inScope(sf.fileName)) collector.visit(sf);
  }
  return collector.uses;
}

/** "ExcelApi 1.7" → name and version; a preview set ("ExcelApi BETA (PREVIEW ONLY)") has none. */
export function parseSet(set: string): { name: string; version: number[] | null } | null {
  const match = /^([A-Za-z]+) (\S+)/.exec(set);
  if (!match) return null;
  const version = /^(\d+)\.(\d+)/.exec(match[2]!);
  return { name: match[1]!, version: version ? [Number(version[1]), Number(version[2])] : null };
}

/** Whether a use needs more than the declared sets (name → "1.9"): a higher or undeclared set. */
export function needsMore(set: string, declared: ReadonlyMap<string, string>): boolean {
  const parsed = parseSet(set);
  if (!parsed) return false; // untagged, as are Office.onReady and the other common APIs
  const min = declared.get(parsed.name);
  if (!min || !parsed.version) return true;
  const [major, minor] = min.split(".").map(Number) as [number, number];
  const [m, n] = parsed.version as [number, number];
  return m > major || (m === major && n > minor);
}
