"use strict";
/*
 * The `quota` CLI's code: the one-file bundle (webpack.cli.config.js) with the code cache the build
 * left beside it, else tsc's modules. Used by bin/quota.js and by bench/child.js, so the bench
 * measures what a person runs.
 */
const path = require("path");
const fs = require("fs");
const vm = require("vm");
const Module = require("module");

const dir = path.join(__dirname, "..", "dist", "node", "cli");
const bundle = path.join(dir, "quota.js");

/**
 * A bundle compiled as a CommonJS module and run: its exports, and the script (the build takes
 * its code cache from it, so the cache is made from exactly what this compiles). With a code
 * cache V8 skips parsing the whole file, and parses it as usual if the cache is stale.
 */
function runBundle(file, cachedData) {
  const script = new vm.Script(Module.wrap(fs.readFileSync(file, "utf8")), {
    filename: file,
    cachedData,
  });
  const loaded = { exports: {} };
  script
    .runInThisContext()
    .call(
      loaded.exports,
      loaded.exports,
      Module.createRequire(file),
      loaded,
      file,
      path.dirname(file)
    );
  return { exports: loaded.exports, script };
}

/** The bundle with the code cache the build left beside it. */
function loadBundle() {
  let cachedData;
  try {
    cachedData = fs.readFileSync(`${bundle}.cache`);
  } catch {
    cachedData = undefined;
  }
  return runBundle(bundle, cachedData).exports;
}

/** mtime in ms, or -1 for a missing file. */
function modified(file) {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return -1;
  }
}

/**
 * The bundle, else tsc's modules: when the bundle is missing or older than them (`tsc -p
 * tsconfig.cli.json` alone, which rewrites them all, after the last `npm run build:cli`).
 * Null when neither is built.
 */
function loadCli() {
  const entry = path.join(dir, "main.js");
  const main = modified(entry);
  const bundled = modified(bundle);
  // The bundle alone (tsc's modules removed) runs too.
  if (bundled >= 0 && bundled >= main) return loadBundle();
  if (main >= 0) return require(entry);
  return null;
}

module.exports = { loadCli, runBundle };
