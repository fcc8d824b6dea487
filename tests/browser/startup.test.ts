/* Start-up of the built pane in Chromium, with the Office.js CDN stalled or absent, inside and outside
   Office: "正在加载…" never outlasts 5 s, outside Office office.js is not even requested, inside
   Office a stalled start says what to do, and the page's CSP reports no violation. */
import { existsSync, readFileSync } from "fs";
import { join } from "path";
import { Browser, Page, Route } from "playwright-core";
import { StaticServer, pageReady, startBrowser, stopBrowser } from "../support/browserHarness";

const OFFICE_DIST = join(__dirname, "..", "..", "node_modules", "@microsoft", "office-js", "dist");
const ready = pageReady("boot.js", "the start-up test");
jest.setTimeout(120_000);

const LOADING_LIMIT_MS = 5000;
/** What Excel on Windows puts in the pane's URL. */
const IN_OFFICE = "?_host_Info=Excel$Win32$16.01$zh-CN$$$$0";
const CDN = /appsforoffice\.microsoft\.com/;

let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  if (!ready) return;
  ({ server, browser } = await startBrowser());
});
afterAll(() => stopBrowser({ server, browser }));

type CdnBehaviour = "stall" | "absent" | "local";

const cdn: Record<CdnBehaviour, (route: Route) => Promise<void> | void> = {
  stall: () => undefined, // never answered: a CDN that hangs
  absent: (route) => route.fulfill({ status: 404, body: "not found" }),
  // The real office.js (and what it loads) from the npm package: Office.js runs, but no Office host answers.
  local: (route) => {
    const file = join(
      OFFICE_DIST,
      new URL(route.request().url()).pathname.replace(/^.*\/hosted\//, "")
    );
    return existsSync(file)
      ? route.fulfill({ status: 200, contentType: "text/javascript", body: readFileSync(file) })
      : route.fulfill({ status: 404, body: "" });
  },
};

interface Opened {
  page: Page;
  /** Milliseconds from navigation until #app was no longer empty ("正在加载…" gone). */
  loadingMs: number;
  requests: string[];
  violations: string[];
  errors: string[];
}

async function open(query: string, behaviour: CdnBehaviour, init?: string): Promise<Opened> {
  const page = await browser.newPage({ viewport: { width: 320, height: 900 } });
  const requests: string[] = [];
  const errors: string[] = [];
  page.on("request", (r) => requests.push(r.url()));
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.route(CDN, cdn[behaviour]);
  await page.addInitScript(`${init ?? ""};
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      window.__violations.push(e.violatedDirective + " " + e.blockedURI));`);
  const started = Date.now();
  await page.goto(`${server.url}/taskpane.html${query}`, { waitUntil: "commit" });
  await page.waitForFunction(
    () => (document.getElementById("app")?.childElementCount ?? 0) > 0,
    null,
    {
      timeout: LOADING_LIMIT_MS + 5000,
    }
  );
  const loadingMs = Date.now() - started;
  if (process.env.STARTUP_TIMES)
    console.log(`${query || "(no query)"} ${behaviour}: ${loadingMs} ms`);
  const loading = await page.evaluate(
    () => getComputedStyle(document.getElementById("app")!, "::before").content
  );
  expect(loading).not.toContain("正在加载");
  const violations = await page.evaluate(
    () => (window as unknown as { __violations: string[] }).__violations
  );
  return { page, loadingMs, requests, violations, errors };
}

const text = (page: Page) => page.evaluate(() => document.body.innerText);
const attr = (page: Page, name: string) =>
  page.evaluate((n) => document.documentElement.getAttribute(n), name);

(ready ? describe : describe.skip)("start-up", () => {
  test.each(["stall", "absent"] as const)(
    "outside Office with the CDN %s: browser mode at once, office.js never requested, no CSP violation",
    async (behaviour) => {
      const { page, loadingMs, requests, violations, errors } = await open("", behaviour);
      await page.waitForSelector("html[data-pane-ready=browser]", { timeout: 5000 });
      expect(loadingMs).toBeLessThan(LOADING_LIMIT_MS);
      expect(requests.filter((u) => CDN.test(u))).toEqual([]);
      expect(await attr(page, "data-host")).toBe("browser");
      expect(violations).toEqual([]);
      expect(errors).toEqual([]);
      await page.close();
    }
  );

  test("inside Office with office.js stalled: the watchdog says what to do within 5 s", async () => {
    const { page, loadingMs, requests, violations } = await open(IN_OFFICE, "stall");
    expect(loadingMs).toBeLessThan(LOADING_LIMIT_MS);
    expect(requests.some((u) => CDN.test(u))).toBe(true);
    expect(await attr(page, "data-boot")).toBe("stalled");
    const shown = await text(page);
    for (const step of [
      "更新 Office",
      "WebView2",
      "网络",
      "appsforoffice.microsoft.com",
      "Excel 2021",
    ])
      expect(shown).toContain(step);
    expect(violations).toEqual([]);
    await page.close();
  });

  test("inside Office with office.js absent: usable at once as a web page, saying why", async () => {
    const { page, loadingMs, violations, errors } = await open(IN_OFFICE, "absent");
    await page.waitForSelector("html[data-pane-ready=browser]", { timeout: 5000 });
    expect(loadingMs).toBeLessThan(LOADING_LIMIT_MS);
    expect(await attr(page, "data-office-js")).toBe("unavailable");
    expect(await page.textContent("#status")).toMatch(/未能加载 Office 组件.*appsforoffice/s);
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  test("inside Office, office.js loads but no Office host answers: the watchdog within 5 s", async () => {
    const { page, loadingMs, requests, violations } = await open(IN_OFFICE, "local");
    expect(requests.some((u) => /office\.js$/.test(u))).toBe(true);
    expect(requests.some((u) => /excel-win32-16\.01\.js$/.test(u))).toBe(true);
    expect(violations).toEqual([]); // office.js and its Excel script run under the page's CSP
    expect(loadingMs).toBeLessThan(LOADING_LIMIT_MS);
    expect(await attr(page, "data-boot")).toBe("stalled");
    expect(await attr(page, "data-pane-ready")).toBeNull();
    await page.close();
  });

  test.each([
    ["inside Office", IN_OFFICE, /Office 的浏览器内核过旧.*WebView2/s],
    ["outside Office", "", /此浏览器过旧.*Safari（14 及以上）/s],
  ])(
    "an engine without BigInt (%s): the message at once, the bundles not loaded",
    async (_where, query, message) => {
      const { page, loadingMs, requests } = await open(query, "stall", "delete window.BigInt");
      expect(loadingMs).toBeLessThan(LOADING_LIMIT_MS);
      expect(await attr(page, "data-boot")).toBe("old-engine");
      expect(await text(page)).toMatch(message);
      expect(requests.filter((u) => /(functions|taskpane)\.js$/.test(u))).toEqual([]);
      await page.close();
    }
  );
});
