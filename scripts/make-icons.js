#!/usr/bin/env node
/*
 * Generates the add-in icons in assets/ (no image libraries needed):
 * a green rounded square (Excel green) with a white check mark, i.e. "持证" (certified).
 *
 *   node scripts/make-icons.js
 *
 * Writes assets/icon-16.png, icon-32.png, icon-64.png, icon-80.png and assets/logo-filled.png (80 px).
 * The PNGs are committed; run this again only to change the design.
 */
"use strict";

const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const GREEN = [16, 124, 65]; // #107C41
const GREEN_DARK = [12, 94, 49]; // bottom of the gentle gradient
const WHITE = [255, 255, 255];

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** Encodes straight (non-premultiplied) RGBA pixels as a PNG. */
function encodePng(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  ihdr[10] = 0; // deflate
  ihdr[11] = 0; // adaptive filtering
  ihdr[12] = 0; // no interlace
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** Signed distance from (px, py) to a rounded rectangle centred at (cx, cy). */
function roundedRectDistance(px, py, cx, cy, halfW, halfH, radius) {
  const qx = Math.abs(px - cx) - (halfW - radius);
  const qy = Math.abs(py - cy) - (halfH - radius);
  const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0));
  return outside + Math.min(Math.max(qx, qy), 0) - radius;
}

function segmentDistance(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** Draws the icon in unit coordinates (0..1), supersampled for anti-aliasing. */
function renderIcon(size) {
  const samples = 6;
  const rgba = Buffer.alloc(size * size * 4);
  // Tiny sizes need a proportionally thicker mark and a thinner margin to stay legible.
  const margin = size <= 16 ? 0.03 : 0.06;
  const stroke = size <= 16 ? 0.2 : size <= 32 ? 0.16 : 0.14;
  const check = [
    [0.25, 0.53],
    [0.43, 0.71],
    [0.76, 0.33],
  ];
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let bgCover = 0;
      let markCover = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const u = (x + (sx + 0.5) / samples) / size;
          const v = (y + (sy + 0.5) / samples) / size;
          const inBg = roundedRectDistance(u, v, 0.5, 0.5, 0.5 - margin, 0.5 - margin, 0.2) <= 0;
          if (!inBg) continue;
          bgCover++;
          const d = Math.min(
            segmentDistance(u, v, check[0][0], check[0][1], check[1][0], check[1][1]),
            segmentDistance(u, v, check[1][0], check[1][1], check[2][0], check[2][1])
          );
          if (d <= stroke / 2) markCover++;
        }
      }
      const total = samples * samples;
      const alpha = bgCover / total;
      const i = (y * size + x) * 4;
      if (alpha === 0) continue;
      const t = y / Math.max(1, size - 1);
      const base = GREEN.map((c, k) => c + (GREEN_DARK[k] - c) * t);
      const mark = bgCover ? markCover / bgCover : 0;
      for (let k = 0; k < 3; k++) rgba[i + k] = Math.round(base[k] + (WHITE[k] - base[k]) * mark);
      rgba[i + 3] = Math.round(alpha * 255);
    }
  }
  return encodePng(size, size, rgba);
}

const assets = path.join(__dirname, "..", "assets");
fs.mkdirSync(assets, { recursive: true });
for (const size of [16, 32, 64, 80]) {
  fs.writeFileSync(path.join(assets, `icon-${size}.png`), renderIcon(size));
}
fs.writeFileSync(path.join(assets, "logo-filled.png"), renderIcon(80));
console.log("icons written to", assets);
