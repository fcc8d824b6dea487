import { browserPane } from "./browserPane";
import { excelPane } from "./excelPane";
import { showError } from "./status";

/* global Office */

function start(inExcel: boolean): void {
  const app = document.getElementById("app");
  if (!app) return;
  try {
    if (inExcel) excelPane(app);
    else browserPane(app);
    document.documentElement.dataset.paneReady = inExcel ? "excel" : "browser";
  } catch (error) {
    showError(error);
  }
}

window.addEventListener("unhandledrejection", (event) => {
  showError(event.reason);
});

// Office.js is absent when its script could not load (offline, a plain browser); outside Office
// onReady still resolves, with no host.
if (typeof Office !== "undefined" && typeof Office.onReady === "function") {
  void Office.onReady((info) => start(info.host === Office.HostType.Excel));
} else {
  start(false);
}
