"use strict";
/*
 * Odd workbooks for scripts/readerIdentity.js: hand-written sheet XML at the edges of what the
 * reader's scanning accepts, SheetJS- and exceljs-written files, a sheet read piece by piece.
 *   node scripts/readerCorpus.js DIR
 */
const { strToU8, zipSync } = require("fflate");
const { mkdirSync, writeFileSync } = require("fs");
const { join } = require("path");

const ROOT_RELS =
  '<Relationships><Relationship Id="rId1" Type="http://x/officeDocument" Target="xl/workbook.xml"/></Relationships>';

function book(sheets, { strings, styles, workbookExtra = "", names = "" } = {}) {
  const rels = sheets
    .map(
      (_, i) => `<Relationship Id="rId${i + 1}" Type="w" Target="worksheets/sheet${i + 1}.xml"/>`
    )
    .concat(['<Relationship Id="rS" Type="s" Target="sharedStrings.xml"/>'])
    .concat(['<Relationship Id="rT" Type="t" Target="styles.xml"/>'])
    .join("");
  const sheetTags = sheets
    .map(
      (s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" ${s.attrs ?? ""} r:id="rId${i + 1}"/>`
    )
    .join("");
  const parts = {
    "[Content_Types].xml": strToU8("<Types/>"),
    "_rels/.rels": strToU8(ROOT_RELS),
    "xl/workbook.xml": strToU8(
      `<workbook xmlns:r="r">${workbookExtra}<sheets>${sheetTags}</sheets>${names}</workbook>`
    ),
    "xl/_rels/workbook.xml.rels": strToU8(`<Relationships>${rels}</Relationships>`),
  };
  sheets.forEach((s, i) => (parts[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(s.xml)));
  if (strings) parts["xl/sharedStrings.xml"] = strToU8(`<sst>${strings}</sst>`);
  if (styles) parts["xl/styles.xml"] = strToU8(styles);
  return zipSync(parts);
}

const STRINGS =
  '<si><t>甲</t></si><si><t xml:space="preserve"> 乙 </t></si><si/><si><r><t>富</t></r><r><rPr/><t>文本</t></r></si>' +
  '<si><t>中</t><rPh sb="0"><t>zhong</t></rPh></si><si><t>&lt;a&gt;&amp;_x000D_&#20013;&#x4E2D;&#0;&foo;</t></si>' +
  "<si><t>&amp;a&amp;lt;&#x;&#;&#X41;&LT;&#65&#66;&#0065;&amp;lt;&#95;x0041_&;&&&#x1F600;&#99999999999;&#x110000;&apos;&quot;&gt</t></si>" +
  "<si><t>a&b&lt;c&#x4e2d;d;e&amp</t></si><si><t>&#x4E2d;&#x0041;&#65;&#000;&#x00;&lt;&lt&lt;;;&amp;amp;</t></si>" +
  '<x:si><x:t>前缀</x:t></x:si><si><t/></si><si><t>a</t><t>b</t></si><si><t\tx="1">tab</t></si><si><t>x<b/>y</t></si>';

const STYLES =
  '<styleSheet><numFmts><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/><numFmt numFmtId="165" formatCode="0.00&quot;人&quot;"/>' +
  '<numFmt numFmtId="166" formatCode="[Red]0.0;[h]:mm"/></numFmts><cellXfs count="9"><xf numFmtId="0"/><xf numFmtId="14"/>' +
  '<xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="166"/><xf numFmtId="2"/><xf numFmtId="49"/><xf/><xf numFmtId="22"/></cellXfs></styleSheet>';

const CELLS = [
  '<c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>99</v></c>',
  '<c r="E1" t="s"><v>3</v></c><c r="F1" t="s"><v>4</v></c><c r="G1" t="s"><v>5</v></c><c r="H1" t="s"><v>6</v></c>',
  '<c r="I1" t="s"><v>7</v></c><c r="J1" t="s"><v>8</v></c><c r="K1" t="s"><v>9</v></c><c r="L1" t="s"><v>10</v></c>',
  '<c r="M1" t="s"><v> 1 </v></c><c r="N1" t="s"><v>x</v></c><c r="O1" t="s"><v>11</v></c><c r="P1" t="s"><v>12</v></c><c r="Q1" t="s"><v>13</v></c><c r="R1" t="str"><v>&amp;a&amp;lt;&#x;&#X41;&#65&#66;&#0065;&#95;x0041_&;&&&#x1F600;</v></c>',
];
const NUMBERS = [
  "1",
  "-0",
  "1e3",
  "0x10",
  "Infinity",
  " 12 ",
  "",
  " ",
  "abc",
  "&amp;1",
  "3.14159265358979",
  "45000",
  "45000.5",
  "-1",
];
const numberRow = (s) =>
  NUMBERS.map(
    (v, i) => `<c r="${String.fromCharCode(65 + i)}${s}" s="${s % 9}"><v>${v}</v></c>`
  ).join("");

const EDGE_ROWS = [
  `<row r="1">${CELLS.join("")}</row>`,
  ...[2, 3, 4, 5, 6, 7, 8, 9, 10].map((s) => `<row r="${s + 1}">${numberRow(s)}</row>`),
  '<row r="12"><c r="A12" t="str"><v>&lt;str&gt;</v></c><c r="B12" t="e"><v>#DIV/0!</v></c><c r="C12" t="b"><v>1</v></c>' +
    '<c r="D12" t="b"><v> true </v></c><c r="E12" t="b"><v>0</v></c><c r="F12" t="d"><v>2022-06-30T00:00:00Z</v></c>' +
    '<c r="G12" t="d"><v>not a date</v></c><c r="H12" t="n"><v>7</v></c><c r="I12" t="zz"><v>8</v></c></row>',
  '<row r="13"><c r="A13" t="inlineStr"><is><t>内联</t></is></c><c r="B13" t="inlineStr"><is><r><t>a</t></r><r><t>b</t></r><rPh><t>p</t></rPh></is></c>' +
    '<c r="C13" t="inlineStr"/><c r="D13" t="inlineStr"><is><t>f</t></is><f>1+1</f></c><c r="E13" t="inlineStr"><is><t>v</t></is><v>9</v></c></row>',
  '<row r="14"><c r="A14"><f>SUM(B14:C14)</f><v>3</v></c><c r="B14" s="5"><f t="shared" ref="B14:C14" si="0">A1&amp;"&lt;"</f><v>1</v></c>' +
    '<c r="C14" s="5"><f t="shared" si="0"/><v>2</v></c><c r="D14"><f>A1*2</f></c><c r="E14"><f/></c><c r="F14"><f></f><v>4</v></c>' +
    '<c r="G14" t="str"><f>"a"</f><v>a</v></c><c r="H14" s="3"><f>1</f><v>1</v></c><c r="I14" s="1"><f>TODAY()</f><v>45000</v></c>' +
    '<c r="J14"><v>1</v><f>late</f></c><c r="K14"><fx>1</fx><v>2</v></c><c r="L14"><f\n>nl</f><v>5</v></c></row>',
  '<row r="15"><c r="A15"><v xml:space="preserve"> 5 </v></c><c r="B15"><v/></c><c r="C15"><v></v></c><c r="D15"><v><![CDATA[6]]></v><v>7</v></c>' +
    '<c r="E15"><v>1</v><v>2</v></c><c r="F15" s="99"><v>3</v></c><c r="G15" s=""><v>4</v></c><c r="H15" s="1" t="n"><v>45000</v></c></row>',
  '<row><c><v>1</v></c><c><v>2</v></c><c r="E17"><v>3</v></c><c><v>4</v></c></row>',
  '<row r="18"/><row r="19" spans="1:2"></row><row/>',
  "<row r='22'><c r='A22'><v>1</v></c><c r = \"B22\"><v>2</v></c><c\tr=\"C22\"><v>3</v></c></row>",
  '<row r="23"><c r="A23" t="s" s="1"><v>0</v></c><c r="B23"/><c r="C23" s="2"/><c r="D23"  r="Z23"><v>1</v></c></row>',
  '<row r="30"><c r="A30"><v>1</v></c></row><row r="25"><c r="A25"><v>2</v></c></row><row r="25"><c r="B25"><v>3</v></c></row>',
  '<row r="31"><cx r="A31"><v>1</v></cx><c-x r="B31"><v>2</v></c-x><c r="C31"><v>3</v></c ></c><c r="D31"><v>4</v></c></row>',
  '<row r="32"><c r="A32"><v>1</v></c><c r="B32"><is><t>no close</t></is></row><row r="33"><c r="A33"><v>5</v></c></row>',
  '<rowx r="34"><c r="A34"><v>1</v></c></rowx><row r="35" x="a>b"><c r="A35"><v>1</v></c></row>',
  '<row r="36"><c r="AA36"><v>1</v></c><c r="XFD36"><v>2</v></c><c r="AB"><v>3</v></c></row>',
  '<row r="37"><c r="A37" t="inlineStr"><v>5</v></c><c r="B37" t="s" s="1"><v>0</v></c><c r="C37" s="1" t="b"/>' +
    '<c r="D37" s="x>y"><v>1</v></c><c r="E37" t="e"><v>#N/A</v></c><c r="F37" t="str"><v>&amp;</v></c>' +
    '<c r="G37" s="2" t="n"><v>45000</v></c><c r="H37" s="1"><v>45000</v></c> <c r="I37"><v>1</v></c>' +
    '<c r="J37" t="d"><v>2022-06-30</v></c><c r="K37" s="3" t="s"><v>1</v></c><c r="L37" s="3" t=""><v>2</v></c>' +
    '<c r="M37" t="s"><v>0</v></c><c r="N37" s="1"/><c r="O37"/><c r="P37" t="b"><v>1</v></c></row>',
  '<row r="38"><c r="A38"><f></f><v>1</v></c><c r="B38" t="str"><f>&quot;a&quot;</f><v>a</v></c><c r="C38" s="5"><f>x</f></c>' +
    '<c r="D38" t="inlineStr"><f>y</f><v>2</v></c><c r="E38"><f>x</f><v>1</v><v>2</v></c><c r="F38"><f>1</f><v/></c>' +
    '<c r="G38" s="1"><f>TODAY()</f><v>45000</v></c><c r="H38" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="I38"><f>a</f><v></v></c></row>',
];

function edgeSheet(rows, tail = "") {
  return `<worksheet><dimension ref="A1"/><sheetData>${rows.join("")}</sheetData>${tail}</worksheet>`;
}

const MERGES =
  '<mergeCells count="6"><mergeCell ref="A1:B2"/><mergeCell ref="c3:d4"/><mergeCell ref="E5"/><mergeCell ref="A1:"/>' +
  '<mergeCell ref=\'F6:G7\'/><x:mergeCell ref="H8:I9"/><mergeCellx ref="J1:J2"/></mergeCells>' +
  '<dataValidations><dataValidation sqref="A1"><formula1>0</formula1></dataValidation></dataValidations>';

function crafted(dir) {
  const opts = { strings: STRINGS, styles: STYLES };
  const files = {
    "edge.xlsx": book([{ name: "边缘", xml: edgeSheet(EDGE_ROWS, MERGES) }], opts),
    "edge-1904.xlsx": book(
      [
        { name: "A", xml: edgeSheet(EDGE_ROWS.slice(0, 12)) },
        { name: "B&amp;C", attrs: 'state="hidden"', xml: edgeSheet(EDGE_ROWS.slice(12)) },
        { name: "D", attrs: 'state="veryHidden"', xml: "<worksheet><sheetData/></worksheet>" },
        { name: "E", xml: "<worksheet/>" },
      ],
      {
        ...opts,
        workbookExtra: '<workbookPr date1904="1"/><calcPr fullCalcOnLoad="1"/>',
        names:
          '<definedNames><definedName name="_quota" localSheetId="1" hidden="1">\'A\'!$A$1</definedName>' +
          '<definedName name="x">B&amp;C!$A$1:$B$2</definedName></definedNames>',
      }
    ),
    "prefixed.xlsx": book(
      [
        {
          name: "x",
          xml:
            '<x:worksheet><x:sheetData><x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1"><x:f>1</x:f><x:v>1</x:v></x:c>' +
            '<c r="C1"><v>2</v></x:c></x:row><row r="2"><c r="A2"><v>3</v></c></x:row><x:row r="3"/></x:sheetData>' +
            '<x:mergeCells><x:mergeCell ref="A1:B1"/></x:mergeCells></x:worksheet>',
        },
      ],
      opts
    ),
    "two-sheetdata.xlsx": book(
      [
        {
          name: "s",
          xml:
            '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>sheetData</t></is></c></row></sheetData>' +
            '<mergeCells><mergeCell ref="A1:A2"/></mergeCells></worksheet>',
        },
      ],
      opts
    ),
    "no-strings.xlsx": book([{ name: "s", xml: edgeSheet(EDGE_ROWS.slice(0, 3)) }]),
    "bad-col.xlsx": book([
      { name: "s", xml: edgeSheet(['<row r="1"><c r="a1"><v>1</v></c></row>']) },
    ]),
  };
  files["names.xlsx"] = zipSync({
    "/[Content_Types].xml": strToU8("<Types/>"),
    "/_rels/.rels": strToU8(ROOT_RELS),
    "xl/workbook.xml": strToU8(
      '<workbook><sheets><sheet name="表" r:id="rId1"/></sheets></workbook>'
    ),
    "xl/_rels/workbook.xml.rels": strToU8(
      '<Relationships><Relationship Id="rId1" Target="worksheets/表一.xml"/></Relationships>'
    ),
    "xl/worksheets/表一.xml": strToU8(edgeSheet(['<row r="1"><c r="A1"><v>1</v></c></row>'])),
  });
  for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dir, name), bytes);
}

/** A sheet past WHOLE_TEXT_UP_TO (8 MB): read piece by piece. */
function bigSheet(dir) {
  const rows = [];
  for (let r = 1; r <= 60000; r++) {
    const prefix = r % 5 === 0 ? "x:" : "";
    rows.push(
      `<${prefix}row r="${r}"><c r="A${r}" t="s"><v>${r % 11}</v></c><c r="B${r}" s="${r % 9}"><v>${r * 1.5}</v></c>` +
        `<c r="C${r}" t="inlineStr"><is><t>第${r}行&amp;</t></is></c><c r="D${r}"><f>B${r}*2</f><v>${r * 3}</v></c>` +
        `${r % 3 ? "" : `<c r="E${r}" t="str"><v>s${r}</v></c>`}</${prefix}row>`
    );
  }
  const xml = edgeSheet(rows, MERGES);
  writeFileSync(
    join(dir, "big.xlsx"),
    book([{ name: "大", xml }], { strings: STRINGS, styles: STYLES })
  );
}

async function written(dir) {
  const XLSX = require("@e965/xlsx");
  const aoa = [
    ["名称", "数", "日期", "布尔", null, "公式"],
    ["甲&<>", 1.5, new Date(Date.UTC(2022, 5, 30)), true, null, { t: "n", f: "B2*2", v: 3 }],
    ["乙", -0.25, new Date(Date.UTC(1900, 1, 28)), false, "x", { t: "e", v: 7 }],
  ];
  const ws = XLSX.utils.aoa_to_sheet(aoa, { cellDates: true });
  ws["!merges"] = [{ s: { r: 0, c: 0 }, e: { r: 0, c: 1 } }];
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, "表一");
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([[1, "a"]]), "表二");
  wb.Workbook = { Sheets: [{}, { Hidden: 1 }], Names: [{ Name: "n", Ref: "表一!$A$1" }] };
  for (const type of ["xlsx", "xls", "ods", "csv"])
    writeFileSync(join(dir, `sheetjs.${type}`), XLSX.write(wb, { type: "buffer", bookType: type }));
  const ExcelJS = require("exceljs");
  const workbook = new ExcelJS.Workbook();
  const s = workbook.addWorksheet("报表");
  workbook.addWorksheet("隐藏", { state: "hidden" });
  s.getCell("A1").value = 120;
  s.getCell("A1").numFmt = '0"0"';
  s.getCell("B1").value = { formula: "A1*2", result: 240 };
  s.getCell("C1").value = { formula: "A1*3" };
  s.getCell("D1").value = new Date(Date.UTC(1900, 2, 2));
  s.getCell("E1").value = true;
  s.getCell("F1").value = { richText: [{ text: "富" }, { font: { bold: true }, text: "文本" }] };
  s.getCell("G1").value = { error: "#N/A" };
  s.getCell("A2").value = { sharedFormula: "B1", result: 7 };
  s.getCell("A3").value = "长\n文本 & <x>";
  s.getCell("B3").value = 0.1;
  s.getCell("B3").numFmt = "0.00%";
  s.mergeCells("C3:E4");
  workbook.definedNames.add("'报表'!$A$1", "_quota_report");
  await workbook.xlsx.writeFile(join(dir, "exceljs.xlsx"));
}

(async () => {
  const dir = process.argv[2];
  mkdirSync(dir, { recursive: true });
  crafted(dir);
  bigSheet(dir);
  await written(dir);
  writeFileSync(join(dir, "xfd.xlsx"), require("../bench/hostile.js").xfdWorkbook(20000));
})();
