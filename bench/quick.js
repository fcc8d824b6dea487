"use strict";
/* node bench/quick.js [validate] [rollup] [N]: the 1,000-report validate/rollup lines of bench/run.js alone (3 runs each, medians, floor beside). */
const { execFileSync } = require("child_process");
const { mkdirSync, rmSync, writeFileSync } = require("fs");
const { join } = require("path");
const { ensureReports, reportNames } = require("./reports.js");

const root = join(__dirname, "..");
const work = join(root, "out", "bench");
mkdirSync(work, { recursive: true });
const args = process.argv.slice(2);
const count = Number(args.find((a) => /^\d+$/.test(a)) ?? 1000);
const want = (s) => args.filter((a) => !/^\d+$/.test(a)).length === 0 || args.includes(s);

function child(script, argv) {
  const out = execFileSync(process.execPath, [join(__dirname, script), ...argv], {
    encoding: "utf8",
    maxBuffer: 1 << 20,
  });
  return JSON.parse(out);
}
function cli(argv) {
  const file = join(work, "quick-argv.json");
  writeFileSync(file, JSON.stringify(argv));
  return child("child.js", [`@${file}`]);
}
const mid = (runs) => runs.sort((x, y) => x.ms - y.ms)[Math.floor(runs.length / 2)];

(async () => {
  const { dir, quotaFile } = await ensureReports(root, work, count);
  const files = reportNames(dir)
    .sort()
    .map((n) => join(dir, n));
  const cmds = {
    validate: () => cli(["validate", ...files, "--quotas", quotaFile]),
    rollup: () => {
      const master = join(work, `quick-master-${count}.xlsx`);
      rmSync(master, { force: true });
      return cli(["rollup", dir, "-o", master, "--quotas", quotaFile]);
    },
  };
  for (const [name, run] of Object.entries(cmds)) {
    if (!want(name)) continue;
    const a = [];
    const b = [];
    for (let i = 0; i < 3; i++) {
      a.push(run());
      b.push(child("floor.js", [dir]));
    }
    const r = mid(a);
    const f = mid(b);
    process.stdout.write(
      `${name} ${count}: ${r.ms.toFixed(0)} ms ${r.maxRssMB.toFixed(0)} MB | floor ${f.ms.toFixed(0)} ms ${f.maxRssMB.toFixed(0)} MB | ${(r.ms / f.ms).toFixed(2)}x  runs=${a.map((x) => x.ms.toFixed(0)).join(",")} floors=${b.map((x) => x.ms.toFixed(0)).join(",")}\n`
    );
  }
})();
