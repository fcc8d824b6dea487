/* The real Office.js request builder in Node: Excel on the web's host script from the
   @microsoft/office-js package, run in a vm, with its request executor replaced by one that
   records the size of each request body and answers with an empty success. Nothing is executed:
   this measures what a context.sync() would send (Excel on the web rejects a request over 5 MB). */
import { readFileSync } from "fs";
import { join } from "path";
import { createContext, runInContext } from "vm";

export interface SentRequest {
  /** UTF-8 bytes of the JSON request body. */
  readonly bytes: number;
  readonly actions: number;
}

export interface RealContext {
  readonly context: Excel.RequestContext;
  /** One entry per context.sync() that sent something. */
  readonly requests: SentRequest[];
}

const HOST_SCRIPT = "node_modules/@microsoft/office-js/dist/excel-web-16.00.debug.js";
let loaded: { Excel: typeof Excel } | null = null;

function officeGlobals(): Record<string, unknown> {
  const noop = () => undefined;
  const element = () => ({
    setAttribute: noop,
    appendChild: noop,
    style: {},
    addEventListener: noop,
    getElementsByTagName: () => [],
  });
  const storage = { getItem: () => null, setItem: noop, removeItem: noop };
  // Office.js keeps timers of its own; they must not keep the test process alive.
  const unref =
    <A extends unknown[]>(start: (...a: A) => NodeJS.Timeout) =>
    (...a: A) =>
      start(...a).unref();
  const g: Record<string, unknown> = {
    console,
    setTimeout: unref(setTimeout as (...a: unknown[]) => NodeJS.Timeout),
    clearTimeout,
    setInterval: unref(setInterval as (...a: unknown[]) => NodeJS.Timeout),
    clearInterval,
    Promise,
    JSON,
    Math,
    Date,
    navigator: { userAgent: "Mozilla/5.0 Chrome/120", platform: "Win32" },
    document: {
      createElement: element,
      getElementsByTagName: () => [element()],
      head: element(),
      body: element(),
      readyState: "complete",
      addEventListener: noop,
      cookie: "",
      querySelector: () => null,
      documentElement: element(),
    },
    location: {
      href: "https://localhost:3000/taskpane.html",
      search: "",
      hash: "",
      protocol: "https:",
      host: "localhost:3000",
      hostname: "localhost",
      pathname: "/taskpane.html",
    },
    addEventListener: noop,
    removeEventListener: noop,
    postMessage: noop,
    XMLHttpRequest: function () {},
    localStorage: storage,
    sessionStorage: storage,
  };
  g.window = g.self = g.top = g.parent = g;
  return g;
}

/** Office.js's Excel namespace, loaded once per process. */
export function officeJs(): { Excel: typeof Excel } {
  if (loaded) return loaded;
  const file = join(__dirname, "..", "..", HOST_SCRIPT);
  const g = createContext(officeGlobals());
  runInContext(readFileSync(file, "utf8"), g, { filename: file });
  loaded = g as unknown as { Excel: typeof Excel };
  return loaded;
}

/** UTF-8 length of a string. */
export function utf8Bytes(text: string): number {
  return Buffer.byteLength(text, "utf8");
}

/**
 * A real Excel.RequestContext whose syncs are measured, not sent. Objects stay usable across
 * syncs (real Excel answers with their ids; here their paths are simply sent again).
 */
export function realContext(): RealContext {
  const { Excel: excel } = officeJs();
  const context = new excel.RequestContext();
  const requests: SentRequest[] = [];
  const internal = context as unknown as Record<string, any>;
  let proto = Object.getPrototypeOf(internal._pendingRequest);
  while (
    proto &&
    !Object.prototype.hasOwnProperty.call(proto, "invalidatePendingInvalidObjectPaths")
  )
    proto = Object.getPrototypeOf(proto);
  if (proto) proto.invalidatePendingInvalidObjectPaths = () => undefined;
  internal._requestExecutor = {
    executeAsync(_data: unknown, _flags: unknown, message: { Body: { Actions?: unknown[] } }) {
      requests.push({
        bytes: utf8Bytes(JSON.stringify(message.Body)),
        actions: message.Body.Actions?.length ?? 0,
      });
      return Promise.resolve({
        HttpStatusCode: 200,
        ErrorCode: "",
        ErrorMessage: "",
        Headers: {},
        Body: { Results: [] },
      });
    },
  };
  return { context, requests };
}
