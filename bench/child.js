"use strict";
// Runs one CLI command in a fresh process and reports its wall time and peak memory (max RSS).
const { main } = require("../dist/node/cli/main.js");

const argv = JSON.parse(process.argv[2]);
const silent = { stdout: () => undefined, stderr: () => undefined };
const start = process.hrtime.bigint();
main(argv, silent).then((code) => {
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  process.stdout.write(
    JSON.stringify({ code, ms, maxRssMB: process.resourceUsage().maxRSS / 1024 })
  );
});
