"use strict";
/*
 * The reader's output as one canonical text per file, to prove a change to src/adapters/read
 * gives the same grids: every value with its type, every cell's facts (formula, cached value,
 * number format), merges, sheet names and visibility, defined names, or the error a file gives.
 *   node scripts/readerIdentity.js DIST OUT.json FILE|DIR...   (DIST: a build's dist/node)
 *   node scripts/readerIdentity.js --compare A.json B.json
 * With READER_FFLATE=1 the zip parts are inflated by fflate (the browser's path), not zlib.
 */
const { createHash } = require("crypto");
const { readFileSync, readdirSync, statSync, writeFileSync } = require("fs");
const { join, resolve } = require("path");

function valueText(v) {
  if (v === null) return "null";
  if (v === undefined) return "undef";
  if (v instanceof Date) return `date:${Number.isNaN(v.getTime()) ? "NaN" : v.toISOString()}`;
  if (typeof v === "number") return `n:${Object.is(v, -0) ? "-0" : String(v)}`;
  return `${typeof v}:${JSON.stringify(v)}`;
}

function sheetText(grid) {
  const out = [
    `sheet ${JSON.stringify(grid.name)} ${grid.state} calc=${grid.calcOnLoad} rows=${grid.rows.length}`,
    `merges ${JSON.stringify(grid.merges)}`,
  ];
  grid.rows.forEach((row, r) => {
    if (!row) return out.push(`${r} hole`);
    const cells = Object.keys(row).map((c) => {
      const info = grid.info ? grid.info(r, Number(c)) : undefined;
      return `${c}=${valueText(row[c])}${info ? JSON.stringify(info) : ""}`;
    });
    out.push(`${r} len=${row.length} ${cells.join(" ")}`);
  });
  return out.join("\n");
}

async function fileText(read, path) {
  try {
    const data = await read(new Uint8Array(readFileSync(path)), path.replace(/^.*\//, ""));
    return [
      `format ${data.format}`,
      `names ${JSON.stringify(data.definedNames)}`,
      ...data.sheets.map(sheetText),
    ].join("\n");
  } catch (error) {
    return `error ${error && error.constructor && error.constructor.name}: ${error && error.message}`;
  }
}

function filesOf(paths) {
  return paths.flatMap((p) =>
    statSync(p).isDirectory()
      ? readdirSync(p)
          .sort()
          .filter((n) => /\.(xlsx|xlsm|xls|et|ods|csv)$/i.test(n))
          .map((n) => join(p, n))
      : [p]
  );
}

async function dump(dist, out, paths) {
  require(resolve(dist, "adapters/xlsx/node.js"));
  if (process.env.READER_FFLATE)
    require(resolve(dist, "adapters/read/zipDirectory.js")).setRawInflater(null);
  const { readWorkbookData } = require(resolve(dist, "adapters/read/readWorkbookData.js"));
  const result = {};
  const full = process.env.READER_FULL;
  for (const file of filesOf(paths)) {
    const text = await fileText(readWorkbookData, file);
    result[file] = full ? text : createHash("sha256").update(text).digest("hex");
  }
  writeFileSync(out, JSON.stringify(result, null, 1));
  process.stdout.write(`${Object.keys(result).length} files\n`);
}

function compare(a, b) {
  const x = JSON.parse(readFileSync(a, "utf8"));
  const y = JSON.parse(readFileSync(b, "utf8"));
  const keys = [...new Set([...Object.keys(x), ...Object.keys(y)])];
  const differ = keys.filter((k) => x[k] !== y[k]);
  for (const k of differ.slice(0, 20)) process.stdout.write(`DIFFERS ${k}\n`);
  process.stdout.write(`${keys.length} files, ${differ.length} differ\n`);
  process.exitCode = differ.length ? 1 : 0;
}

if (process.argv[2] === "--compare") compare(process.argv[3], process.argv[4]);
else dump(process.argv[2], process.argv[3], process.argv.slice(4));
