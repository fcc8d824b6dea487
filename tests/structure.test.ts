import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as ts from "typescript";

// The house rules of the code's layout, checked on every `npm test` (lint runs madge too, but CI
// runs only the tests): no import cycle, a core with no host in it, custom functions as wrappers.

const root = path.resolve(__dirname, "..");
const src = path.join(root, "src");
const core = path.join(src, "core");

function tsFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return tsFiles(full);
    return e.name.endsWith(".ts") ? [full] : [];
  });
}

const rel = (file: string) => path.relative(root, file).split(path.sep).join("/");

function parse(file: string): ts.SourceFile {
  return ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
}

/** Every module a file names: import/export … from, import("…"), require("…"), import x = require. */
function moduleSpecifiers(file: ts.SourceFile): string[] {
  const names: string[] = [];
  const visit = (node: ts.Node): void => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      names.push(node.moduleSpecifier.text);
    } else if (ts.isExternalModuleReference(node) && ts.isStringLiteral(node.expression)) {
      names.push(node.expression.text);
    } else if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const dynamic = callee.kind === ts.SyntaxKind.ImportKeyword;
      const required = ts.isIdentifier(callee) && callee.text === "require";
      const [first] = node.arguments;
      if ((dynamic || required) && first) {
        names.push(ts.isStringLiteralLike(first) ? first.text : "<computed>");
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return names;
}

describe("import graph", () => {
  test("madge finds no import cycle in src", async () => {
    // madge ships no types; its API is madge(path, config) -> { circular(): string[][] }.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const madge = require("madge") as (
      p: string,
      config: object
    ) => Promise<{ circular(): string[][]; obj(): Record<string, string[]> }>;
    const graph = await madge(src, {
      fileExtensions: ["ts", "js"],
      tsConfig: path.join(root, "tsconfig.json"),
    });
    // A graph without edges would make "no cycle" vacuous: the core's imports must be seen.
    const edges = Object.values(graph.obj()).reduce((n, deps) => n + deps.length, 0);
    expect(edges).toBeGreaterThan(100);
    expect(graph.circular()).toEqual([]);
  }, 120_000);
});

describe("src/core is pure TypeScript", () => {
  const files = tsFiles(core);

  test("src/core imports only src/core: no adapter, surface, node module or package", () => {
    expect(files.length).toBeGreaterThan(20);
    const outside: string[] = [];
    for (const file of files) {
      for (const name of moduleSpecifiers(parse(file))) {
        const target = name.startsWith(".") ? path.resolve(path.dirname(file), name) : null;
        const inCore = target !== null && (target + path.sep).startsWith(core + path.sep);
        if (!inCore) outside.push(`${rel(file)} imports ${name}`);
      }
    }
    expect(outside).toEqual([]);
  });

  /** Type errors in `rootNames` under the project's settings less the host: ES library alone, no @types. */
  function hostErrors(rootNames: string[]): string[] {
    const config = ts.readConfigFile(path.join(root, "tsconfig.json"), ts.sys.readFile);
    const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, root);
    const options = { ...parsed.options, lib: ["lib.es2020.d.ts"], types: [], noEmit: true };
    const program = ts.createProgram(rootNames, options);
    return ts.getPreEmitDiagnostics(program).map((d) => {
      const where = d.file ? `${rel(d.file.fileName)}: ` : "";
      return where + ts.flattenDiagnosticMessageText(d.messageText, "\n");
    });
  }

  test("src/core compiles with the ES library alone: no DOM, node, Office or exceljs global", () => {
    expect(hostErrors(files)).toEqual([]);
  }, 120_000);

  test("that compile fails on a DOM, node or Office global", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "core-probe-"));
    try {
      const probe = path.join(dir, "probe.ts");
      const uses = ["document.title", 'Buffer.from("x")', "Excel.run", "process.argv"];
      fs.writeFileSync(probe, uses.map((u, i) => `export const use${i} = ${u};\n`).join(""));
      expect(hostErrors([probe])).toHaveLength(uses.length);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe("src/functions are wrappers over src/core", () => {
  const files = tsFiles(path.join(src, "functions"));

  test("they import only src/core", () => {
    const names = files.flatMap((f) => moduleSpecifiers(parse(f)).map((n) => `${rel(f)}: ${n}`));
    expect(names.length).toBeGreaterThan(0);
    expect(names.filter((n) => !/: \.\.\/core\//.test(n))).toEqual([]);
  });

  /** `call(...) as number` is still the call. */
  const unwrap = (e: ts.Expression): ts.Expression =>
    ts.isAsExpression(e) || ts.isParenthesizedExpression(e) || ts.isNonNullExpression(e)
      ? unwrap(e.expression)
      : e;

  test("each exported function is one line: return a call", () => {
    const notWrappers: string[] = [];
    let exported = 0;
    for (const file of files) {
      for (const s of parse(file).statements) {
        if (!ts.isFunctionDeclaration(s)) continue;
        const isExported = s.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
        if (!isExported) continue;
        exported++;
        const body = s.body?.statements ?? [];
        const [only] = body;
        const wraps =
          body.length === 1 &&
          only !== undefined &&
          ts.isReturnStatement(only) &&
          only.expression !== undefined &&
          ts.isCallExpression(unwrap(only.expression));
        if (!wraps) notWrappers.push(`${rel(file)}: ${s.name?.text ?? "(anonymous)"}`);
      }
    }
    expect(exported).toBeGreaterThanOrEqual(6);
    expect(notWrappers).toEqual([]);
  });
});
