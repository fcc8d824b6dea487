"use strict";
/*
 * Hostile files for the adversarial bench and the reader tests (issue 10): one cell at column
 * XFD in each of 100,000 rows; a zip bomb whose directory tells its 300 MB; the same bomb with a
 * directory that lies (says 1 MB). Written with fflate, the reader's own inflater's sibling.
 */
const { Deflate, strToU8, zipSync } = require("fflate");
const { writeFileSync } = require("fs");
const { join } = require("path");

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
  '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>';
const ROOT_RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>';
const WORKBOOK =
  '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
  '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>';
const WORKBOOK_RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>';
const SHEET_HEAD =
  '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const SHEET_TAIL = "</sheetData></worksheet>";

/** A minimal .xlsx with this sheet XML. */
function workbookWith(sheetXml) {
  return zipSync({
    "[Content_Types].xml": strToU8(CONTENT_TYPES),
    "_rels/.rels": strToU8(ROOT_RELS),
    "xl/workbook.xml": strToU8(WORKBOOK),
    "xl/_rels/workbook.xml.rels": strToU8(WORKBOOK_RELS),
    "xl/worksheets/sheet1.xml": sheetXml,
  });
}

/** One number at column XFD in each of `rows` rows. */
function xfdWorkbook(rows = 100000) {
  const parts = [SHEET_HEAD];
  for (let r = 1; r <= rows; r++) parts.push(`<row r="${r}"><c r="XFD${r}"><v>1</v></c></row>`);
  parts.push(SHEET_TAIL);
  return workbookWith(strToU8(parts.join("")));
}

/** Deflated sheet XML of about `megabytes` MB (rows of one cell), compressed to a few MB. */
function deflatedSheet(megabytes) {
  const chunks = [];
  const deflate = new Deflate({ level: 9 }, (chunk) => chunks.push(chunk));
  deflate.push(strToU8(SHEET_HEAD));
  const block = strToU8('<row><c t="inlineStr"><is><t>x</t></is></c></row>'.repeat(20000));
  let size = SHEET_HEAD.length;
  while (size < megabytes * 1048576) {
    deflate.push(block);
    size += block.length;
  }
  deflate.push(strToU8(SHEET_TAIL), true);
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) (out.set(c, at), (at += c.length));
  return { data: out, size: size + SHEET_TAIL.length };
}

/** Sets the inflated size of the part named `name` in both its local header and the directory. */
function claimSize(zip, name, size) {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const target = strToU8(name);
  for (let i = 0; i + 46 < zip.length; i++) {
    const sig = view.getUint32(i, true);
    const local = sig === 0x04034b50;
    if (!local && sig !== 0x02014b50) continue;
    const nameAt = i + (local ? 30 : 46);
    const length = view.getUint16(i + (local ? 26 : 28), true);
    if (length !== target.length || target.some((b, k) => zip[nameAt + k] !== b)) continue;
    view.setUint32(i + (local ? 22 : 24), size, true);
  }
  return zip;
}

/** A zip bomb: a sheet of `megabytes` MB; `lie` makes the directory claim 1 MB instead. */
function bombWorkbook(megabytes, lie) {
  const { data, size } = deflatedSheet(megabytes);
  // zipSync stores what it is given as it is ("level 0"), so the sheet goes in pre-deflated and
  // its header is then rewritten to say deflate with the real (or a lying) size.
  const placeholder = new Uint8Array(data.length);
  const zip = zipSync({
    "[Content_Types].xml": strToU8(CONTENT_TYPES),
    "_rels/.rels": strToU8(ROOT_RELS),
    "xl/workbook.xml": strToU8(WORKBOOK),
    "xl/_rels/workbook.xml.rels": strToU8(WORKBOOK_RELS),
    "xl/worksheets/sheet1.xml": [placeholder, { level: 0 }],
  });
  const name = strToU8("xl/worksheets/sheet1.xml");
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  for (let i = 0; i + 46 < zip.length; i++) {
    const sig = view.getUint32(i, true);
    const local = sig === 0x04034b50;
    if (!local && sig !== 0x02014b50) continue;
    const nameAt = i + (local ? 30 : 46);
    const length = view.getUint16(i + (local ? 26 : 28), true);
    if (length !== name.length || name.some((b, k) => zip[nameAt + k] !== b)) continue;
    view.setUint16(i + (local ? 8 : 10), 8, true); // deflate
    if (local) zip.set(data, nameAt + length + view.getUint16(i + 28, true));
  }
  return claimSize(zip, "xl/worksheets/sheet1.xml", lie ? 1048576 : size);
}

function writeHostile(dir) {
  const files = {
    xfd: join(dir, "xfd-100k-rows.xlsx"),
    bomb: join(dir, "bomb-300mb.xlsx"),
    lyingBomb: join(dir, "bomb-lying-directory.xlsx"),
  };
  writeFileSync(files.xfd, xfdWorkbook());
  writeFileSync(files.bomb, bombWorkbook(300, false));
  writeFileSync(files.lyingBomb, bombWorkbook(300, true));
  return files;
}

module.exports = { writeHostile, xfdWorkbook, bombWorkbook, claimSize, workbookWith };
