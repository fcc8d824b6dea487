"use strict";
// office-addin-mock needs only the OfficeApp enum from office-addin-manifest, whose full import
// chain pulls an ES-module-only package that Jest's CommonJS runtime cannot load on Node 20.
exports.OfficeApp = {
  Excel: "excel",
  OneNote: "onenote",
  Outlook: "outlook",
  PowerPoint: "powerpoint",
  Project: "project",
  Word: "word",
};
