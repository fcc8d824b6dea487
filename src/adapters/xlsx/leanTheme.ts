/*
 * A theme part for a new workbook: the Office colours and fonts, with the fewest formats the
 * schema asks for (three of each list). Without one, exceljs re-saving the master (a roll-up
 * --into it) names a theme part it does not write, and Excel finds the package damaged.
 */

const SOLID = '<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>';
const three = (xml: string) => xml + xml + xml;

const COLORS: readonly [string, string][] = [
  ["dk2", "44546A"],
  ["lt2", "E7E6E6"],
  ["accent1", "4472C4"],
  ["accent2", "ED7D31"],
  ["accent3", "A5A5A5"],
  ["accent4", "FFC000"],
  ["accent5", "5B9BD5"],
  ["accent6", "70AD47"],
  ["hlink", "0563C1"],
  ["folHlink", "954F72"],
];

const font = (latin: string) =>
  `<a:latin typeface="${latin}"/><a:ea typeface=""/><a:cs typeface=""/>`;

export const LEAN_THEME =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Office Theme">' +
  '<a:themeElements><a:clrScheme name="Office">' +
  '<a:dk1><a:sysClr val="windowText" lastClr="000000"/></a:dk1>' +
  '<a:lt1><a:sysClr val="window" lastClr="FFFFFF"/></a:lt1>' +
  COLORS.map(([name, rgb]) => `<a:${name}><a:srgbClr val="${rgb}"/></a:${name}>`).join("") +
  '</a:clrScheme><a:fontScheme name="Office">' +
  `<a:majorFont>${font("Calibri Light")}</a:majorFont><a:minorFont>${font("Calibri")}</a:minorFont>` +
  '</a:fontScheme><a:fmtScheme name="Office">' +
  `<a:fillStyleLst>${three(SOLID)}</a:fillStyleLst>` +
  `<a:lnStyleLst>${three(`<a:ln w="6350">${SOLID}</a:ln>`)}</a:lnStyleLst>` +
  `<a:effectStyleLst>${three("<a:effectStyle><a:effectLst/></a:effectStyle>")}</a:effectStyleLst>` +
  `<a:bgFillStyleLst>${three(SOLID)}</a:bgFillStyleLst>` +
  "</a:fmtScheme></a:themeElements><a:objectDefaults/><a:extraClrSchemeLst/></a:theme>";
