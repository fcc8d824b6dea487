import { browserPane } from "./browserPane";
import { excelPane } from "./excelPane";
import { setStatus, showError } from "./status";

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

// boot.js loads office.js only inside Office (html[data-host=office]), before this bundle. Outside
// Office there is no Office global and the page starts at once, as a web page on files.
const root = document.documentElement;
if (typeof Office !== "undefined" && typeof Office.onReady === "function") {
  void Office.onReady((info) => start(info.host === Office.HostType.Excel));
} else {
  start(false);
  if (root.dataset.host === "office") {
    setStatus(
      "warning",
      "未能加载 Office 组件（office.js），已改为网页模式：可选择文件生成任务表、检查或汇总月报。",
      "要在工作簿中使用，请确认能访问 https://appsforoffice.microsoft.com 后重新打开任务窗格。"
    );
  }
}
