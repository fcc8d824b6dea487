import type { SheetModel } from "../../core/workbookModel";
import {
  choiceList,
  dataBarFormatting,
  headerFooterOf,
  pageSetupOf,
  wholeNumber,
} from "./writeWorkbook";
import { xmlText } from "./xmlText";

/*
 * What a worksheet part holds after its rows, in the schema's order: merges, data bars,
 * validations, print options, margins, page setup, header and footer, and the Excel 2010 part of
 * the data bars. Drawn from the objects exceljs is given (writeWorkbook), as it writes them.
 */

type Validation = ReturnType<typeof wholeNumber>;

const X14 = "http://schemas.microsoft.com/office/spreadsheetml/2009/9/main";
const XM = "http://schemas.microsoft.com/office/excel/2006/main";

function mergesXml(merges: readonly string[]): string {
  if (merges.length === 0) return "";
  const cells = merges.map((ref) => `<mergeCell ref="${xmlText(ref)}"/>`).join("");
  return `<mergeCells count="${merges.length}">${cells}</mergeCells>`;
}

/** A validation over `sqref`, with exceljs's attributes and formulas. */
function validationXml(v: Validation, sqref: string): string {
  const attrs = [
    ` type="${v.type}"`,
    v.operator && v.type !== "list" && v.operator !== "between" ? ` operator="${v.operator}"` : "",
    v.allowBlank ? ' allowBlank="1"' : "",
    v.showErrorMessage ? ' showErrorMessage="1"' : "",
    v.errorStyle ? ` errorStyle="${xmlText(v.errorStyle)}"` : "",
    v.errorTitle ? ` errorTitle="${xmlText(v.errorTitle)}"` : "",
    v.error ? ` error="${xmlText(v.error)}"` : "",
    ` sqref="${xmlText(sqref)}"`,
  ].join("");
  const formulae = (v.formulae ?? [])
    .map((f, i) => `<formula${i + 1}>${xmlText(String(f))}</formula${i + 1}>`)
    .join("");
  return `<dataValidation${attrs}>${formulae}</dataValidation>`;
}

/** Whole numbers ≥ 0 over all the sheet's ranges, and a drop-down per choice range. */
function validationsXml(sheet: SheetModel): string {
  const list: string[] = [];
  const whole = sheet.wholeNumberRanges ?? [];
  if (whole.length > 0) list.push(validationXml(wholeNumber(), whole.join(" ")));
  for (const { range, values } of sheet.choiceRanges ?? [])
    list.push(validationXml(choiceList(values), range));
  return list.length
    ? `<dataValidations count="${list.length}">${list.join("")}</dataValidations>`
    : "";
}

type BarRule = {
  cfvo: { type: string; value?: number }[];
  color: { argb: string };
  minLength: number;
  maxLength: number;
  gradient: boolean;
  priority: number;
};

const barRule = (ref: string) => dataBarFormatting(ref).rules[0] as unknown as BarRule;

/** A data bar in the main part, pointing at its Excel 2010 part by `id`. */
function dataBarXml(ref: string, id: string): string {
  const rule = barRule(ref);
  const cfvo = rule.cfvo.map((c) => `<cfvo type="${c.type}" val="${c.value}"/>`).join("");
  return (
    `<conditionalFormatting sqref="${xmlText(ref)}"><cfRule type="dataBar" priority="${rule.priority}">` +
    `<dataBar>${cfvo}<color rgb="${rule.color.argb}"/></dataBar>` +
    `<extLst><ext uri="{B025F937-C7B1-47D3-B67F-A62EFF666E3E}" xmlns:x14="${X14}"><x14:id>${id}</x14:id></ext></extLst>` +
    "</cfRule></conditionalFormatting>"
  );
}

/** The data bars' Excel 2010 part (the sheet's <extLst>), or "" when there are none. */
function dataBarsExtXml(bars: readonly [string, string][]): string {
  if (bars.length === 0) return "";
  const rules = bars.map(([ref, id]) => {
    const rule = barRule(ref);
    const cfvo = rule.cfvo
      .map((c) => `<x14:cfvo type="${c.type}"><xm:f>${c.value}</xm:f></x14:cfvo>`)
      .join("");
    return (
      `<x14:conditionalFormatting xmlns:xm="${XM}"><x14:cfRule type="dataBar" id="${id}">` +
      `<x14:dataBar minLength="${rule.minLength}" maxLength="${rule.maxLength}" gradient="${rule.gradient ? 1 : 0}">` +
      `${cfvo}</x14:dataBar></x14:cfRule><xm:sqref>${xmlText(ref)}</xm:sqref></x14:conditionalFormatting>`
    );
  });
  return (
    `<extLst><ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}" xmlns:x14="${X14}">` +
    `<x14:conditionalFormattings>${rules.join("")}</x14:conditionalFormattings></ext></extLst>`
  );
}

/** Print options, margins, page setup and the page-number footer. */
function printXml(sheet: SheetModel): string {
  const p = pageSetupOf(sheet);
  const m = p.margins!;
  const setup = [
    p.paperSize !== undefined ? ` paperSize="${p.paperSize}"` : "",
    p.orientation ? ` orientation="${p.orientation}"` : "",
    p.fitToPage && p.fitToWidth !== undefined ? ` fitToWidth="${p.fitToWidth}"` : "",
    p.fitToPage && p.fitToHeight !== undefined ? ` fitToHeight="${p.fitToHeight}"` : "",
  ].join("");
  const footer = headerFooterOf().oddFooter;
  return (
    (p.horizontalCentered ? '<printOptions horizontalCentered="1"/>' : "") +
    `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>` +
    `<pageSetup${setup}/>` +
    (footer ? `<headerFooter><oddFooter>${xmlText(footer)}</oddFooter></headerFooter>` : "")
  );
}

/** The worksheet part after </sheetData>, up to (not including) </worksheet>. */
export function leanSheetTail(sheet: SheetModel, guid: () => string): string {
  const bars = (sheet.dataBars ?? []).map((ref): [string, string] => [
    ref,
    `{${guid().toUpperCase()}}`,
  ]);
  return (
    mergesXml(sheet.merges) +
    bars.map(([ref, id]) => dataBarXml(ref, id)).join("") +
    validationsXml(sheet) +
    printXml(sheet) +
    dataBarsExtXml(bars)
  );
}
