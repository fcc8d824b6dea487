import { sheetRef } from "../../core/grid";
import { WorkbookModel, ownerName } from "../../core/workbookModel";
import { LEAN_THEME } from "./leanTheme";
import { pageSetupOf } from "./writeWorkbook";
import { xmlText } from "./xmlText";

/*
 * The package parts of a new workbook besides its sheets, shared strings and styles: content
 * types, relationships, document properties, the theme and workbook.xml (sheets, the ownership names
 * _QUOTA_<key>, print areas and titles, recalculation on open), as exceljs writes them.
 */

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships";
const OFFICE = "application/vnd.openxmlformats-officedocument";

const CREATOR = "人人持证 任务工具";

/** The worksheet part of the sheet at `index`. */
export const sheetPart = (index: number) => `xl/worksheets/sheet${index + 1}.xml`;

const relsXml = (rels: readonly [string, string][]) =>
  `${XML_HEAD}<Relationships xmlns="${PKG_RELS}">${rels
    .map(
      ([type, target], i) => `<Relationship Id="rId${i + 1}" Type="${type}" Target="${target}"/>`
    )
    .join("")}</Relationships>`;

function contentTypesXml(sheets: number): string {
  const part = (name: string, type: string) =>
    `<Override PartName="/${name}" ContentType="${type}"/>`;
  const worksheets = Array.from({ length: sheets }, (_, i) =>
    part(sheetPart(i), `${OFFICE}.spreadsheetml.worksheet+xml`)
  );
  return (
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    part("xl/workbook.xml", `${OFFICE}.spreadsheetml.sheet.main+xml`) +
    worksheets.join("") +
    part("xl/theme/theme1.xml", `${OFFICE}.theme+xml`) +
    part("xl/styles.xml", `${OFFICE}.spreadsheetml.styles+xml`) +
    part("xl/sharedStrings.xml", `${OFFICE}.spreadsheetml.sharedStrings+xml`) +
    part("docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml") +
    part("docProps/app.xml", `${OFFICE}.extended-properties+xml`) +
    "</Types>"
  );
}

function appXml(model: WorkbookModel): string {
  const n = model.sheets.length;
  const titles = model.sheets.map((s) => `<vt:lpstr>${xmlText(s.name)}</vt:lpstr>`).join("");
  return (
    `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">` +
    "<Application>Microsoft Excel</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>" +
    `<HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>${n}</vt:i4></vt:variant></vt:vector></HeadingPairs>` +
    `<TitlesOfParts><vt:vector size="${n}" baseType="lpstr">${titles}</vt:vector></TitlesOfParts>` +
    "<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged><AppVersion>16.0300</AppVersion></Properties>"
  );
}

function coreXml(created: Date): string {
  const when = `${created.toISOString().slice(0, 19)}Z`;
  return (
    `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    `<dc:creator>${CREATOR}</dc:creator><cp:lastModifiedBy>${CREATOR}</cp:lastModifiedBy>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified></cp:coreProperties>`
  );
}

/** "A1:K73" → "$A$1:$K$73". */
const absolute = (range: string) =>
  range
    .split(":")
    .map((a) =>
      a.replace(/^\$?([A-Z]+)\$?(\d+)$/i, (_, col: string, row: string) => `$${col}$${row}`)
    )
    .join(":");

/** Ownership names (each key once), then each sheet's print area and print titles. */
function definedNamesXml(model: WorkbookModel): string {
  const owners = new Map<string, string>();
  const prints: string[] = [];
  model.sheets.forEach((sheet, i) => {
    const ref = sheetRef(sheet.name);
    if (sheet.key && !owners.has(ownerName(sheet.key)))
      owners.set(ownerName(sheet.key), `${ref}!$A$1`);
    const { printArea, printTitlesRow } = pageSetupOf(sheet);
    if (printArea) {
      prints.push(
        `<definedName name="_xlnm.Print_Area" localSheetId="${i}">${xmlText(`${ref}!${absolute(printArea)}`)}</definedName>`
      );
    }
    if (printTitlesRow) {
      const rows = printTitlesRow
        .split(":")
        .map((r) => `$${r}`)
        .join(":");
      prints.push(
        `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${xmlText(`${ref}!${rows}`)}</definedName>`
      );
    }
  });
  const names = [...owners].map(
    ([name, ref]) => `<definedName name="${name}">${xmlText(ref)}</definedName>`
  );
  const all = [...names, ...prints];
  return all.length ? `<definedNames>${all.join("")}</definedNames>` : "";
}

/** The sheets (the n-th is rId<n+3>: see leanWorkbookParts), names and recalculation on open. */
function workbookXml(model: WorkbookModel): string {
  const sheets = model.sheets
    .map((s, i) => `<sheet name="${xmlText(s.name)}" sheetId="${i + 1}" r:id="rId${i + 4}"/>`)
    .join("");
  return (
    `${XML_HEAD}<workbook xmlns="${MAIN}" xmlns:r="${R}"><workbookPr/>` +
    `<sheets>${sheets}</sheets>${definedNamesXml(model)}` +
    // Excel and WPS then recompute every formula on open instead of trusting the cached results.
    '<calcPr calcId="171027" fullCalcOnLoad="1"/></workbook>'
  );
}

/** The package's parts other than the sheets, shared strings and styles: [part name, XML]. */
export function leanWorkbookParts(model: WorkbookModel, created: Date): [string, string][] {
  const rel = (name: string) => `${R}/${name}`;
  const workbookRels: [string, string][] = [
    [rel("styles"), "styles.xml"],
    [rel("theme"), "theme/theme1.xml"],
    [rel("sharedStrings"), "sharedStrings.xml"],
    ...model.sheets.map((_, i): [string, string] => [rel("worksheet"), sheetPart(i).slice(3)]),
  ];
  return [
    ["[Content_Types].xml", contentTypesXml(model.sheets.length)],
    [
      "_rels/.rels",
      relsXml([
        [rel("officeDocument"), "xl/workbook.xml"],
        [`${PKG_RELS}/metadata/core-properties`, "docProps/core.xml"],
        [rel("extended-properties"), "docProps/app.xml"],
      ]),
    ],
    ["docProps/app.xml", appXml(model)],
    ["docProps/core.xml", coreXml(created)],
    ["xl/workbook.xml", workbookXml(model)],
    ["xl/_rels/workbook.xml.rels", relsXml(workbookRels)],
    ["xl/theme/theme1.xml", LEAN_THEME],
  ];
}
