/* What every Chromium test of the built page shares: the check that the build and Chromium are
   here (under CI their absence is an error, not a skip), and the static server with a browser. */
import { existsSync } from "fs";
import { join } from "path";
import { chromium, Browser } from "playwright-core";

const { serveStatic, CHROMIUM } = require("../../scripts/serveStatic.js");

export const WEB = join(__dirname, "..", "..", "dist", "web");

export interface StaticServer {
  readonly url: string;
  close(): Promise<void>;
}

/** Whether `dist/web/<file>` and Chromium are here; under CI a missing one fails the test file. */
export function pageReady(file: string, what: string): boolean {
  const ready = existsSync(join(WEB, file)) && existsSync(CHROMIUM.executablePath);
  if (!ready && process.env.CI)
    throw new Error(`${what} needs \`npm run build\` and /usr/bin/chromium`);
  return ready;
}

/** dist/web served on a free port, and Chromium with the flags this machine needs. */
export async function startBrowser(): Promise<{ server: StaticServer; browser: Browser }> {
  const server: StaticServer = await serveStatic(WEB);
  const browser = await chromium.launch({
    executablePath: CHROMIUM.executablePath,
    args: CHROMIUM.args,
    headless: true,
  });
  return { server, browser };
}

/** Closes what startBrowser opened (either may be missing when the file was skipped). */
export async function stopBrowser(opened: {
  server?: StaticServer;
  browser?: Browser;
}): Promise<void> {
  await opened.browser?.close();
  await opened.server?.close();
}
