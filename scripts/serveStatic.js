"use strict";
/*
 * A static file server on 127.0.0.1 for the built pane; port 0 picks a free one.
 * As a command: `node scripts/serveStatic.js [dir] [port]` serves dir (default dist/web) and prints
 * the page's address; stop it with Ctrl+C. Tests and the bench use it as a module.
 */
const http = require("http");
const fs = require("fs");
const path = require("path");

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".png": "image/png",
  ".xml": "application/xml; charset=utf-8",
};

function serveStatic(root, port = 0, host = "127.0.0.1") {
  const server = http.createServer((req, res) => {
    const url = decodeURIComponent(new URL(req.url, "http://localhost").pathname);
    const relative = path.normalize(url).replace(/^([/\\])+/, "") || "taskpane.html";
    const file = path.join(root, relative);
    if (!file.startsWith(path.resolve(root))) {
      res.writeHead(403).end();
      return;
    }
    fs.readFile(file, (error, data) => {
      if (error) {
        res.writeHead(404).end("not found");
        return;
      }
      res
        .writeHead(200, { "content-type": TYPES[path.extname(file)] || "application/octet-stream" })
        .end(data);
    });
  });
  return new Promise((resolve) => {
    server.listen(port, host, () => {
      const { port: actual } = server.address();
      resolve({
        url: `http://${host === "0.0.0.0" ? "127.0.0.1" : host}:${actual}`,
        close: () => new Promise((done) => server.close(done)),
      });
    });
  });
}

/** Debian's Chromium with the flags this closed network needs. */
const CHROMIUM = {
  executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
  ],
};

module.exports = { serveStatic, CHROMIUM };

if (require.main === module) {
  const [dir = path.join(__dirname, "..", "dist", "web"), port = "8080"] = process.argv.slice(2);
  const root = path.resolve(dir);
  if (!fs.existsSync(path.join(root, "taskpane.html"))) {
    console.error(
      `“${root}”中没有 taskpane.html：请先运行 npm run build，或给出 dist/web 的路径。`
    );
    process.exit(1);
  }
  serveStatic(root, Number(port)).then(({ url }) => {
    console.log(`已启动：请用浏览器打开 ${url}/taskpane.html （按 Ctrl+C 停止）`);
  });
}
