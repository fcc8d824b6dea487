/*
 * The built page at the language level of the oldest webview the manifest's sets imply (see
 * webpack.config.js): every bundle and lazy chunk parses as ES2020 and holds no regex lookbehind
 * (ES2018 syntax Safari could not parse before 16.4); boot.js, which must run in any engine Office
 * may use, parses as ES5; the page has no inline script, handler or style, and no bundle makes code
 * from text (eval, new Function), for the CSP to forbid.
 */
import { Node, Options, parse } from "acorn";
import { existsSync, readFileSync, readdirSync } from "fs";
import { join } from "path";
import { SUPPORTED_EXCEL } from "../src/taskpane/supportedExcel";

const WEB = join(__dirname, "..", "dist", "web");
const built = existsSync(join(WEB, "taskpane.js"));
if (!built && process.env.CI)
  throw new Error("dist/web is missing: npm test runs `npm run build` first");

const LOOKBEHIND = /\(\?<[=!]/;

/** Regex literals and strings (new RegExp("…")) that use a lookbehind. */
function lookbehinds(code: string, options: Options): string[] {
  const found: string[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (!value || typeof value !== "object") return;
    const node = value as Node & { regex?: { pattern: string }; value?: unknown };
    if (node.type === "Literal") {
      const text = node.regex ? node.regex.pattern : node.value;
      if (typeof text === "string" && LOOKBEHIND.test(text)) found.push(text.slice(0, 60));
      return;
    }
    for (const key of Object.keys(node)) if (key !== "loc") visit((node as never)[key]);
  };
  visit(parse(code, options));
  return found;
}

/**
 * Code made from text, which the page's CSP (no 'unsafe-eval') refuses: eval and new Function.
 * One is let through: setimmediate's (JSZip's setImmediate), reached only when it is handed a
 * string, and JSZip hands it functions.
 */
function codeFromText(code: string): string[] {
  const stringHandler =
    /"function"\s*!==?\s*typeof (\w+)\s*&&\s*\(\1\s*=\s*new Function\(""\s*\+\s*\1\)\)/g;
  return (
    code.replace(stringHandler, "").match(/\beval\s*\(|\bnew Function\b|\bFunction\s*\(/g) ?? []
  );
}

const ES2020: Options = { ecmaVersion: 2020, sourceType: "script" };
const bundles = built
  ? [
      "functions.js",
      "taskpane.js",
      ...readdirSync(join(WEB, "chunks")).map((f) => join("chunks", f)),
    ].filter((f) => f.endsWith(".js"))
  : [];

test("the checks can fail: ES2022 syntax, a lookbehind and eval are caught", () => {
  expect(() => parse("class A { #x = 1 }", ES2020)).toThrow();
  expect(() => parse("let a = () => 1;", { ecmaVersion: 5 })).toThrow();
  expect(lookbehinds('var a = /(?<!\\d)1/; var b = new RegExp("(?<=x)y");', ES2020)).toHaveLength(
    2
  );
  expect(lookbehinds("var a = /(?:^|\\D)1/;", ES2020)).toEqual([]);
  expect(codeFromText('eval("1"); var f = new Function("a", "return a"); Function("x")')).toEqual([
    "eval(",
    "new Function",
    "Function(",
  ]);
  expect(
    codeFromText('"function"!=typeof t&&(t=new Function(""+t)); x.totalsRowFunction(1)')
  ).toEqual([]);
});

(built ? describe : describe.skip)("built bundles", () => {
  test.each(bundles)("%s parses as ES2020 and has no regex lookbehind", (file) => {
    const code = readFileSync(join(WEB, file), "utf8");
    expect(lookbehinds(code, ES2020)).toEqual([]);
  });

  test.each(bundles)(
    "%s makes no code from text (eval, new Function): the CSP refuses it",
    (file) => {
      expect(codeFromText(readFileSync(join(WEB, file), "utf8"))).toEqual([]);
    }
  );

  test("there are the two entry bundles and the lazy exceljs chunk", () => {
    expect(bundles.length).toBeGreaterThanOrEqual(3);
  });

  test("boot.js parses as ES5 and names the same Excel versions as the pane", () => {
    const code = readFileSync(join(WEB, "boot.js"), "utf8");
    expect(() => parse(code, { ecmaVersion: 5, sourceType: "script" })).not.toThrow();
    expect(code).toContain(SUPPORTED_EXCEL);
  });

  test("taskpane.html: a CSP, no inline script, handler or style; boot.js loads the bundles", () => {
    const html = readFileSync(join(WEB, "taskpane.html"), "utf8");
    const page = html.replace(/<!--[\s\S]*?-->/g, "");
    expect(page).toMatch(
      /<meta\s+http-equiv="?Content-Security-Policy"?\s+content="[^"]*script-src 'self' https:\/\/appsforoffice\.microsoft\.com;/
    );
    expect(page).not.toMatch(/'unsafe-(inline|eval)'/);
    const scripts = [...page.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.map((s) => [s[1]!.trim().replace(/"/g, ""), s[2]!.trim()])).toEqual([
      ["src=boot.js", ""],
    ]);
    expect(page).not.toMatch(/\son[a-z]+\s*=/i);
    expect(page).not.toMatch(/\sstyle\s*=|<style/i);
  });
});
