/*
 * Start-up of taskpane.html, in ES5 so that it runs in every engine Office may give the pane
 * (Internet Explorer 11 and EdgeHTML on Windows without WebView2, old Safari on a Mac), where the
 * bundles (ES2020) cannot even be parsed. Copied as is to dist/web/boot.js; tests/build parse it
 * at ecmaVersion 5.
 *
 * 1. Inside Office (the host puts _host_Info in the page URL, as office.js itself reads it) it loads
 *    office.js from Microsoft's CDN, then functions.js and taskpane.js in that order (the functions
 *    bundle needs the CustomFunctions global). Outside Office it loads only the bundles: the page
 *    never waits for office.js.
 * 2. An engine without what the bundles need (BigInt: Safari 14, Chromium 67) gets, at once, a
 *    message saying what to install instead of "正在加载…" forever.
 * 3. A watchdog: when the pane has not started (html[data-pane-ready]) WATCHDOG_MS after the
 *    navigation, it shows what to do (update Office, install WebView2, check the network). The
 *    pane replaces the notice if it starts later.
 */
(function () {
  "use strict";
  var WATCHDOG_MS = 3000;
  var OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
  var BUNDLES = ["functions.js", "taskpane.js"];
  /* The same text as src/taskpane/supportedExcel.ts (tests/bundleSyntax.test.ts compares them). */
  var SUPPORTED_EXCEL =
    "Microsoft 365 版 Excel（2008 版或更新）、Excel 2021 及更新版本、Mac 版 Excel 16.40 及更新或网页版 Excel";
  var WEBVIEW2_URL = "https://go.microsoft.com/fwlink/p/?LinkId=2124703";
  var root = document.documentElement;

  /**
   * Where office.js looks for its host (the URL's _host_Info, window.name, the session after a
   * reload, a host object), and the embeddings only Office gives this page here (WebView2's
   * chrome.webview, a Mac WKWebView's message handlers, Excel on the web's frame): in any of them
   * office.js is loaded, so the custom functions are never left without it.
   */
  function inOffice() {
    if (/[?&#]_host_Info=/i.test(location.search + location.hash)) return true;
    if (/"hostInfo"/.test(window.name || "") || window.top !== window.self) return true;
    var w = window;
    if (typeof w.agaveHost !== "undefined" || (w.chrome && w.chrome.webview)) return true;
    if (w.webkit && w.webkit.messageHandlers) return true;
    try {
      if (w.sessionStorage && w.sessionStorage.getItem("hostInfoValue")) return true;
      return Boolean(w.external && "GetHostInfo" in w.external);
      // eslint-disable-next-line @typescript-eslint/no-unused-vars -- ES5 has no catch without a binding
    } catch (e) {
      return false; /* storage disabled, or an external object that refuses access */
    }
  }

  /** What the ES2020 bundles need and an old engine lacks. */
  function modernEngine() {
    return (
      typeof BigInt === "function" && typeof Promise === "function" && typeof Symbol === "function"
    );
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.appendChild(document.createTextNode(text));
    return node;
  }

  function officeSteps() {
    return [
      "更新 Office：本工具需要" +
        SUPPORTED_EXCEL +
        "。在 Excel 中点“文件 → 账户 → 更新选项 → 立即更新”。",
      "Windows：安装 Microsoft Edge WebView2 运行时（" + WEBVIEW2_URL + "），然后重新启动 Excel。",
      "Mac：将 Safari 更新到 14 或更新版本（macOS 10.14.6 及以上），然后重新启动 Excel。",
      "网络：确认能访问 https://appsforoffice.microsoft.com（单位或学校的网络可能拦截），然后重新打开任务窗格。",
    ];
  }

  function browserSteps() {
    return [
      "刷新页面；如仍不行，请检查网络后重试。",
      "使用最新版的 Edge、Chrome、Firefox 或 Safari（14 及以上）打开本页。",
    ];
  }

  /** Replaces the contents of #app (and so "正在加载…") with a message and the steps to take. */
  function notice(kind, title, steps) {
    var app = document.getElementById("app");
    if (!app || root.getAttribute("data-pane-ready")) return;
    root.setAttribute("data-boot", kind);
    var card = element("section", "card boot-notice");
    card.id = "boot-notice";
    card.setAttribute("role", "alert");
    card.appendChild(element("h2", "card__title", title));
    if (kind === "stalled")
      card.appendChild(element("p", null, "若任务窗格稍后正常打开，可忽略本提示。"));
    card.appendChild(element("p", null, "请按以下步骤处理："));
    var list = element("ol", "boot-notice__steps");
    for (var i = 0; i < steps.length; i++) list.appendChild(element("li", null, steps[i]));
    card.appendChild(list);
    var reload = element("button", "button button--primary", "重新加载");
    reload.type = "button";
    reload.onclick = function () {
      location.reload();
    };
    card.appendChild(reload);
    while (app.firstChild) app.removeChild(app.firstChild);
    app.appendChild(card);
  }

  function whenParsed(callback) {
    if (document.readyState !== "loading") callback();
    else document.addEventListener("DOMContentLoaded", callback);
  }

  /** Scripts run in the order added (async = false), each after the one before has run or failed. */
  function load(src, onerror) {
    var script = document.createElement("script");
    script.src = src;
    script.async = false;
    if (onerror) script.onerror = onerror;
    document.head.appendChild(script);
  }

  var office = inOffice();
  root.setAttribute("data-host", office ? "office" : "browser");

  if (!modernEngine()) {
    whenParsed(function () {
      if (office) notice("old-engine", "此 Office 的浏览器内核过旧，无法运行本工具", officeSteps());
      else notice("old-engine", "此浏览器过旧，无法运行本工具", browserSteps());
    });
    return;
  }

  if (office) {
    load(OFFICE_JS, function () {
      root.setAttribute("data-office-js", "unavailable");
    });
  }
  for (var i = 0; i < BUNDLES.length; i++) load(BUNDLES[i]);

  /* Counted from the navigation, not from here: a slow machine must not push the notice back. */
  var timing = window.performance && window.performance.timing;
  var elapsed =
    timing && timing.navigationStart ? new Date().getTime() - timing.navigationStart : 0;
  setTimeout(
    function () {
      whenParsed(function () {
        if (office) notice("stalled", "Office 或本工具没有按时启动", officeSteps());
        else notice("stalled", "页面没有按时启动", browserSteps());
      });
    },
    Math.max(0, WATCHDOG_MS - elapsed)
  );
})();
