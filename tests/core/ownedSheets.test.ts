import { toHex } from "../../src/core/hex";
import { foreignSheetMessage, ownershipKey, sheetOfReference } from "../../src/core/ownedSheets";
import { ownerName } from "../../src/core/workbookModel";
import { sheetRef } from "../../src/core/grid";
import { sha256Hex } from "../../src/adapters/digest/sha256Hex";

describe("ownership references", () => {
  test.each([
    ["='表1'!$A$1", "表1"],
    ["'表1'!$A$1", "表1"],
    ["=Sheet1!$A$1", "Sheet1"],
    ["Sheet1!$A$1:$B$2", "Sheet1"],
    ["='O''Neil''s'!$A$1", "O'Neil's"],
    ["'月报 台账 (2)'!$A$1", "月报 台账 (2)"],
    ["=#REF!$A$1", null],
    ["#REF!", null],
    ["$A$1", null],
    ["", null],
  ])("%p is on sheet %p", (reference, sheet) => expect(sheetOfReference(reference)).toBe(sheet));

  test("reads back every name sheetRef writes", () => {
    for (const name of ["表1", "a'b", "''", "汇总 2022-06", "!x"])
      expect(sheetOfReference(`=${sheetRef(name)}!$A$1`)).toBe(name);
  });

  test("ownership keys: ours by the prefix, others not", () => {
    expect(ownershipKey(ownerName("ledger"))).toBe("ledger");
    expect(ownershipKey("Print_Area")).toBeNull();
    expect(ownershipKey("quota_ledger")).toBeNull();
  });

  test("the message for a sheet of the same name that is not ours names it", () => {
    expect(foreignSheetMessage("汇总")).toBe(
      "工作簿中已有同名工作表“汇总”，且不是本工具生成的；为免覆盖，请先将其改名"
    );
  });
});

describe("SHA-256 as hex", () => {
  test("two digits a byte, lower case, leading zeros kept", () => {
    expect(toHex(new Uint8Array([0, 1, 15, 16, 171, 255]))).toBe("00010f10abff");
    expect(toHex(new Uint8Array([]))).toBe("");
  });

  test("the digest of known inputs (FIPS 180-2 examples)", async () => {
    expect(await sha256Hex(new Uint8Array([]))).toBe(
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    );
    expect(await sha256Hex(new TextEncoder().encode("abc"))).toBe(
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    );
  });
});
