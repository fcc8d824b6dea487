#!/usr/bin/env node
"use strict";
const { loadCli } = require("./loadCli.js");

const cli = loadCli();
if (!cli) {
  process.stderr.write("quota 尚未编译：请先运行 npm run build（或 npm run build:cli）。\n");
  process.exit(2);
}
cli
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error) => {
    process.stderr.write(`内部错误：${error && error.stack ? error.stack : error}\n`);
    process.exitCode = 3;
  });
