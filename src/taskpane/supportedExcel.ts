/**
 * The Excel versions that can run the add-in: a shared runtime (Microsoft 365 Version 2002, Mac
 * 16.35) and CustomFunctionsRuntime 1.3 (Microsoft 365 Version 2008, Excel 2021 Version 2108, Mac
 * 16.40, per Microsoft's requirement-set table); all of them have ExcelApi 1.10 or later. src/taskpane/boot.js, which must run where our bundles cannot,
 * repeats this text (tests/bundleSyntax.test.ts checks they agree).
 */
export const SUPPORTED_EXCEL =
  "Microsoft 365 版 Excel（2008 版或更新）、Excel 2021 及更新版本、Mac 版 Excel 16.40 及更新或网页版 Excel";
