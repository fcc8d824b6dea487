// The `quota` CLI in one file: dist/node/cli/quota.js, bundled from tsc's output (dist/node, so run
// after `tsc -p tsconfig.cli.json`; `npm run build:cli` does both). One file instead of ~130 small
// modules saves Node's per-module read, compile and resolve on every run (issue 14).
// bin/quota.js loads it when present, else dist/node/cli/main.js.
//
// - Next to main.js, so a module's __dirname (demo.ts finds samples/ from it) is unchanged.
// - Node's built-ins and npm packages (exceljs, JSZip, SheetJS, fflate) stay require()d from
//   node_modules; our lazy require()s stay lazy (webpack runs a module's code on first require).
// - Not minified: stack traces stay readable.
// - Beside it, quota.js.cache: V8's code cache of the bundle, so that a run does not parse all of
//   it (a 0.6 MB file: ~7 ms, which `quota --help` would otherwise pay over tsc's few modules).
//   bin/quota.js hands it to V8, which ignores it if made by another Node version.

const fs = require("fs");
const path = require("path");
const { runBundle } = require("./bin/loadCli.js");
const { minify } = require("terser");

/**
 * After webpack: rewrites the bundle in ASCII (\\u escapes; terser, neither compressing nor renaming),
 * which V8 reads as a one-byte string, decoding and hashing it in half the time; then writes
 * <bundle>.cache, its code cache as bin/quota.js compiles it (wrapped like a CommonJS module).
 */
class AsciiAndCodeCachePlugin {
  apply(compiler) {
    compiler.hooks.afterEmit.tapPromise("AsciiAndCodeCachePlugin", async (compilation) => {
      const file = path.join(compilation.outputOptions.path, "quota.js");
      const { code } = await minify(fs.readFileSync(file, "utf8"), {
        compress: false,
        mangle: false,
        format: { ascii_only: true, beautify: true, comments: false, indent_level: 1 },
      });
      fs.writeFileSync(file, code);
      // Run its top level (main.js and the few modules it imports; no side effects) first: the
      // cache then holds their compiled code too.
      const { script } = runBundle(file);
      fs.writeFileSync(`${file}.cache`, script.createCachedData());
    });
  }
}

/** A bare request (a package or a Node built-in), not a relative or absolute path. */
const isBare = (request) => !/^[./]/.test(request) && !path.isAbsolute(request);

module.exports = {
  mode: "production",
  target: "node20",
  context: __dirname,
  entry: "./dist/node/cli/main.js",
  output: {
    path: path.resolve(__dirname, "dist/node/cli"),
    filename: "quota.js",
    library: { type: "commonjs2" },
    // Always written: bin/quota.js takes a bundle older than main.js for a stale one.
    compareBeforeEmit: false,
  },
  externalsPresets: { node: true },
  externals: [
    ({ request }, callback) =>
      isBare(request) ? callback(null, `commonjs ${request}`) : callback(),
  ],
  // Node's own __dirname and __filename (of the bundle, beside the modules it replaces).
  node: { __dirname: false, __filename: false },
  devtool: false,
  plugins: [new AsciiAndCodeCachePlugin()],
  optimization: {
    minimize: false,
    // process.env.NODE_ENV stays what the user's environment says.
    nodeEnv: false,
    moduleIds: "named",
  },
  performance: { hints: false },
  stats: "errors-warnings",
};
