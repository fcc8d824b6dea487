/**
 * The Excel versions that can run the add-in: those with a shared runtime (manifest.xml), which
 * all have ExcelApi 1.10 or later. src/taskpane/boot.js, which must run where our bundles cannot,
 * repeats this text (tests/bundleSyntax.test.ts checks they agree).
 */
export const SUPPORTED_EXCEL =
  "Microsoft 365 版 Excel（2002 版或更新）、Excel 2021 及更新版本、Mac 版 Excel 16.35 及更新或网页版 Excel";
