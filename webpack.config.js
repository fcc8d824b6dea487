/* eslint-disable no-undef */
// Webpack build for the Excel add-in (task pane + custom functions in one shared runtime),
// after Microsoft's "Excel Custom Functions using a Shared Runtime" template.
//
//   webpack --mode production    -> dist/web (manifest URLs rewritten to urlProd)
//   webpack --mode development   -> dist/web (manifest kept on https://localhost:3000/)
//   webpack serve --mode development -> https dev server with the Office dev certificates
//
// Only dist/web is cleaned: dist/node belongs to the CLI build (tsc -p tsconfig.cli.json).

const path = require("path");
const webpack = require("webpack");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const urlDev = "https://localhost:3000/";
// Where the built dist/web is served from: QUOTA_URL_PROD=https://host/path/ npm run build.
const urlProd = productionUrl(process.env.QUOTA_URL_PROD ?? "https://www.contoso.com/");

function productionUrl(value) {
  const url = new URL(value);
  if (url.protocol !== "https:") throw new Error(`QUOTA_URL_PROD must be an https URL: ${value}`);
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}

/** The manifest as deployed: dev URLs (with or without the trailing slash, e.g. AppDomain) -> urlProd. */
function toProductionManifest(content) {
  const originDev = new URL(urlDev).origin;
  const originProd = new URL(urlProd).origin;
  return content.toString().split(urlDev).join(urlProd).split(originDev).join(originProd);
}

/**
 * webpack's ProvidePlugin for the modules whose rule sets `parser: { provideNodeGlobals: true }`
 * only (exceljs's and JSZip's sources, readable-stream): other packages' `typeof Buffer` or
 * `process` checks (SheetJS's) must keep seeing a browser, and their chunks stay as they were.
 */
class ScopedProvidePlugin {
  constructor(definitions) {
    this.definitions = definitions;
  }

  apply(compiler) {
    const name = "ScopedProvidePlugin";
    const provide = new compiler.webpack.ProvidePlugin(this.definitions);
    compiler.hooks.compilation.tap(name, (compilation, { normalModuleFactory }) => {
      const parserHooks = normalModuleFactory.hooks.parser;
      // ProvidePlugin, handed a factory whose parser hooks pass on only the flagged parsers.
      const scoped = {
        hooks: {
          parser: {
            for: (type) => ({
              tap: (_, handler) =>
                parserHooks.for(type).tap(name, (parser, options) => {
                  if (options && options.provideNodeGlobals) handler(parser, options);
                }),
            }),
          },
        },
      };
      provide.apply({
        hooks: {
          compilation: { tap: (_, fn) => fn(compilation, { normalModuleFactory: scoped }) },
        },
      });
      // The provided modules themselves are made by the real factory.
      for (const [dependency, factory] of compilation.dependencyFactories) {
        if (factory === scoped)
          compilation.dependencyFactories.set(dependency, normalModuleFactory);
      }
    });
  }
}

/**
 * Writes dist/web-modules.json (beside dist/web, not deployed): each named chunk group, the entry
 * bundles and the lazy chunks, with its files and the source files in them. tests/build.test.ts
 * checks from it that every package in the page is one package-lock.json lists for npm audit.
 */
class ModuleListPlugin {
  apply(compiler) {
    const name = "ModuleListPlugin";
    compiler.hooks.afterEmit.tap(name, (compilation) => {
      const sources = (module) =>
        module.modules ? module.modules.flatMap(sources) : module.resource ? [module.resource] : [];
      const groups = {};
      for (const [group, chunkGroup] of compilation.namedChunkGroups) {
        const files = new Set();
        const modules = new Set();
        for (const chunk of chunkGroup.chunks) {
          for (const file of chunk.files) files.add(file);
          for (const module of compilation.chunkGraph.getChunkModulesIterable(chunk))
            for (const source of sources(module))
              modules.add(path.relative(__dirname, source).split(path.sep).join("/"));
        }
        groups[group] = { files: [...files].sort(), modules: [...modules].sort() };
      }
      const out = path.join(compilation.outputOptions.path, "..", "web-modules.json");
      require("fs").mkdirSync(path.dirname(out), { recursive: true });
      require("fs").writeFileSync(out, `${JSON.stringify(groups, null, 1)}\n`);
    });
  }
}

/**
 * Certificates for `webpack serve` only. office-addin-dev-certs is required here, lazily, because
 * it reads (and may try to install) ~/.office-addin-dev-certs: a build must work without them.
 */
async function getHttpsOptions() {
  const devCerts = require("office-addin-dev-certs");
  const httpsOptions = await devCerts.getHttpsServerOptions();
  return { ca: httpsOptions.ca, key: httpsOptions.key, cert: httpsOptions.cert };
}

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  const serving = Boolean(env && env.WEBPACK_SERVE);

  const config = {
    devtool: dev ? "source-map" : false,
    // The bundles' language level: ES2020 (BigInt for exact decimals), which the webviews a shared
    // runtime implies all parse: WebView2 (Chromium), Safari 14+ on a Mac, current browsers for Excel
    // on the web. Older engines get boot.js's message instead (ES5, copied as is).
    // tests/build.test.ts parses every emitted bundle at this level.
    target: ["web", "es2020"],
    entry: {
      // functions first: on the shared-runtime page its bundle runs before the pane's.
      functions: "./src/functions/functions.ts",
      // The template also lists taskpane.html here, which needs html-loader (not installed);
      // the page is built from the HtmlWebpackPlugin template below instead.
      taskpane: "./src/taskpane/taskpane.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist/web"),
      filename: "[name].js",
      // Lazy chunks (dynamic import("exceljs")) live apart from the entry bundles.
      chunkFilename: "chunks/[name].[contenthash:8].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".js"],
      // Lets TypeScript sources import "./x.js" for "./x.ts" (NodeNext style) as well as "./x".
      extensionAlias: { ".js": [".ts", ".js"] },
      alias: {
        // JSZip from its sources too (its package's "browser" field picks dist/jszip.min.js, a
        // bundle with pako and the rest inside), for exceljs and the chart adder alike.
        jszip$: path.resolve(__dirname, "node_modules/jszip/lib/index.js"),
        // JSZip's Promise for engines without one: every engine the page runs in has it.
        lie: false,
      },
      // exceljs from its sources (src/adapters/xlsx/browser/exceljs.js) needs these of Node's
      // built-ins: Buffer and events from their npm packages (in package-lock, so npm audit sees
      // them); fs (file paths), crypto (sheet passwords) and stream (JSZip's Node streams) are
      // never used by the page.
      fallback: {
        buffer: require.resolve("buffer/"),
        events: require.resolve("events/"),
        fs: false,
        crypto: false,
        stream: false,
      },
    },
    module: {
      rules: [
        {
          // exceljs and JSZip from their sources: Node's Buffer and process where they use them free
          // (exceljs has JSZip make Node buffers).
          test: /[\\/]node_modules[\\/](exceljs[\\/]lib|jszip[\\/]lib|readable-stream)[\\/]/,
          parser: { provideNodeGlobals: true },
        },
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              transpileOnly: false,
              // Type-check what the bundles contain, not every file tsconfig.json includes (tests, bench).
              onlyCompileBundledFiles: true,
              // ES modules so webpack sees import() and splits exceljs into a lazy chunk.
              compilerOptions: { module: "es2020", moduleResolution: "bundler", sourceMap: dev },
            },
          },
        },
      ],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({
        output: "functions.json",
        input: "./src/functions/functions.ts",
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // Shared runtime: the custom functions and the pane script run on this one page.
        // boot.js loads them (office.js first, only inside Office): no <script> tags injected.
        chunks: ["functions", "taskpane"],
        chunksSortMode: "manual",
        inject: false,
      }),
      new ModuleListPlugin(),
      new ScopedProvidePlugin({
        Buffer: ["buffer", "Buffer"],
        process: path.resolve(__dirname, "src/adapters/xlsx/browser/process.js"),
      }),
      // exceljs's CSV (fast-csv, dayjs): the page reads CSV with its own reader and writes none.
      new webpack.NormalModuleReplacementPlugin(/^\.\.\/csv\/csv$/, (resource) => {
        if (/exceljs[\\/]lib[\\/]doc$/.test(resource.context))
          resource.request = path.resolve(__dirname, "src/adapters/xlsx/browser/noCsv.js");
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*", to: "assets/[name][ext][query]" },
          // Start-up script, ES5, not bundled: it must run where the bundles cannot be parsed.
          { from: "src/taskpane/boot.js", to: "boot.js" },
          // Linked from taskpane.html (no css-loader/style-loader in this project).
          { from: "src/taskpane/taskpane.css", to: "taskpane.css" },
          {
            from: "manifest*.xml",
            to: "[name][ext]",
            transform(content) {
              return dev ? content : toProductionManifest(content);
            },
          },
        ],
      }),
    ],
    optimization: {
      splitChunks: {
        cacheGroups: {
          // webpack's default, except that packages only exceljs uses stay in the chunk named
          // exceljs (JSZip, shared with the chart adder's chunk, is still a chunk of its own).
          defaultVendors: {
            test: /[\\/]node_modules[\\/]/,
            priority: -10,
            reuseExistingChunk: true,
            name: (module, chunks) =>
              chunks.length === 1 && chunks[0].name === "exceljs" ? "exceljs" : undefined,
          },
        },
      },
    },
    performance: {
      // exceljs is large but only loaded on demand (lazy chunk): size hints are for the entry bundles.
      assetFilter: (file) => file.endsWith(".js") && !file.startsWith("chunks/"),
    },
  };

  if (serving) {
    config.devServer = {
      headers: {
        "Access-Control-Allow-Origin": "*",
      },
      server: {
        type: "https",
        options: await getHttpsOptions(),
      },
      port: Number(process.env.npm_package_config_dev_server_port || 3000),
    };
  }

  return config;
};
