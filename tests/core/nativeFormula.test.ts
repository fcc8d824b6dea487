import { toNativeFormula, usesQuotaFunctions } from "../../src/core/nativeFormula";

test("each QUOTA function has a native form", () => {
  expect(toNativeFormula("=QUOTA.TRAINING(B3:D3,'参数'!$B$3)")).toBe(
    "=ROUND(SUM(B3:D3)*ROUND('参数'!$B$3*10000,0)/10000,0)"
  );
  expect(toNativeFormula("=QUOTA.TRAINING(B3:D3)")).toBe(
    "=ROUND(SUM(B3:D3)*ROUND(1.1*10000,0)/10000,0)"
  );
  expect(toNativeFormula("=QUOTA.ADVANCED(B3,)")).toBe(
    "=ROUND(SUM(B3)*ROUND(0.8*10000,0)/10000,0)"
  );
  expect(toNativeFormula("=quota.nonadvanced(B3,C3)")).toBe(
    "=ROUND((SUM(B3)*ROUND(0.95*10000,0)+SUM(C3)*ROUND(0.3*10000,0))/10000,0)"
  );
  expect(toNativeFormula('=QUOTA.ONEX(QUOTA.ADVANCED(C3)+QUOTA.INTERMEDIATE(D3),"21%")')).toBe(
    '=ROUND(SUM(ROUND(SUM(C3)*ROUND(0.8*10000,0)/10000,0)+ROUND(SUM(D3)*ROUND(0.95*10000,0)/10000,0))*ROUND("21%"*10000,0)/10000,0)'
  );
  expect(toNativeFormula("=QUOTA.COMPLETION(D5,B5)*100")).toBe("=ROUND(SUM(D5)/B5,4)*100");
});

test("APPORTION has no native form; other formulas and strings are left alone", () => {
  expect(toNativeFormula("=QUOTA.APPORTION(100,B3:B9)")).toBeNull();
  expect(toNativeFormula('=IF(A1="QUOTA.TRAINING(1)",1,2)')).toBe(
    '=IF(A1="QUOTA.TRAINING(1)",1,2)'
  );
  expect(usesQuotaFunctions('=IF(A1="QUOTA.TRAINING(1)",1,2)')).toBe(false);
  expect(usesQuotaFunctions("=SUM(A1)+QUOTA.ONEX(A2)")).toBe(true);
  expect(toNativeFormula("=MYQUOTA.TRAINING(1)")).toBe("=MYQUOTA.TRAINING(1)");
});
