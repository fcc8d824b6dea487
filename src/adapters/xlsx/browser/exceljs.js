/*
 * exceljs for the page, built by webpack from its sources (lib/) rather than its prebuilt
 * dist/exceljs.min.js, whose bundled JSZip, core-js and crypto shims npm audit cannot see.
 * The same two exports as lib/exceljs.browser.js, without its core-js and regenerator
 * polyfills (the page targets ES2020). webpack.config.js supplies Buffer, process and events.
 */
const Workbook = require("exceljs/lib/doc/workbook");
const Enums = require("exceljs/lib/doc/enums");

module.exports = { Workbook, ...Enums };
