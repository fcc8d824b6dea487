#!/usr/bin/env node
"use strict";
const path = require("path");
const fs = require("fs");
const vm = require("vm");
const Module = require("module");

const dir = path.join(__dirname, "..", "dist", "node", "cli");
const bundle = path.join(dir, "quota.js");

/**
 * The one-file bundle (webpack.cli.config.js), compiled with the code cache the build left beside
 * it: V8 then skips parsing the whole 0.5 MB file (and parses it as usual if the cache is stale).
 */
function loadBundle() {
  let cachedData;
  try {
    cachedData = fs.readFileSync(`${bundle}.cache`);
  } catch {
    cachedData = undefined;
  }
  const source = Module.wrap(fs.readFileSync(bundle, "utf8"));
  const script = new vm.Script(source, { filename: bundle, cachedData });
  const exported = { exports: {} };
  const requireHere = Module.createRequire(bundle);
  script
    .runInThisContext()
    .call(exported.exports, exported.exports, requireHere, exported, bundle, dir);
  return exported.exports;
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
 */
function load() {
  const entry = path.join(dir, "main.js");
  const main = modified(entry);
  if (main >= 0 && modified(bundle) >= main) return loadBundle();
  if (main >= 0) return require(entry);
  process.stderr.write("quota 尚未编译：请先运行 npm run build（或 npm run build:cli）。\n");
  process.exit(2);
}

load()
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error) => {
    process.stderr.write(`内部错误：${error && error.stack ? error.stack : error}\n`);
    process.exitCode = 3;
  });
