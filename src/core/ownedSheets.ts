import { OWNER_NAME_PREFIX } from "./workbookModel";

/**
 * The sheet a reference points at: "='表1'!$A$1", "'O''Neil'!$A$1" or "Sheet1!$A$1" (with or
 * without the "=") → the sheet name; null for #REF! (the sheet was deleted) or no sheet at all.
 */
export function sheetOfReference(reference: string): string | null {
  const match = /^=?(?:'((?:[^']|'')+)'|([^'!]+))!/.exec(reference);
  if (!match || match[2] === "#REF") return null;
  return match[1] !== undefined ? match[1].replace(/''/g, "'") : match[2]!;
}

/** The ownership key a defined name carries (_QUOTA_ledger → ledger); null for a name not ours. */
export function ownershipKey(definedName: string): string | null {
  return definedName.startsWith(OWNER_NAME_PREFIX)
    ? definedName.slice(OWNER_NAME_PREFIX.length)
    : null;
}

/** Why a sheet of ours is not written: the workbook has a sheet of that name that is not ours. */
export function foreignSheetMessage(sheet: string): string {
  return `工作簿中已有同名工作表“${sheet}”，且不是本工具生成的；为免覆盖，请先将其改名`;
}
