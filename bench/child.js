"use strict";
// Runs one CLI command in a fresh process and reports its wall time and peak memory (max RSS).
// The argument is the argv as JSON, or @file holding it (thousands of paths exceed one argument's limit).
const { readFileSync } = require("fs");
// Loaded as bin/quota.js loads it (the bundle with its code cache, else tsc's modules).
const { main } = require("../bin/loadCli.js").loadCli();

const arg = process.argv[2];
const argv = JSON.parse(arg.startsWith("@") ? readFileSync(arg.slice(1), "utf8") : arg);
const silent = { stdout: () => undefined, stderr: () => undefined };
const start = process.hrtime.bigint();
const cpu0 = process.cpuUsage();
// CPU time (all threads: the GC's too): steadier than wall time on a shared machine.
const cpuMs = () => {
  const u = process.cpuUsage(cpu0);
  return (u.user + u.system) / 1000;
};
main(argv, silent).then((code) => {
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  process.stdout.write(
    JSON.stringify({
      code,
      ms,
      cpuMs: cpuMs(),
      // From the start of the process: also the loading of the code (exceljs only when writing).
      processMs: performance.now(),
      processCpuMs: (process.cpuUsage().user + process.cpuUsage().system) / 1000,
      maxRssMB: process.resourceUsage().maxRSS / 1024,
    })
  );
});
