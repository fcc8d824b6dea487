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
 * Marks lazy chunks made only of pre-minified files (exceljs/dist/exceljs.min.js) as minimized, so
 * the production minimizer skips them: re-minifying ~900 KiB of minified code adds ~30 s per build.
 */
class SkipPreMinifiedChunksPlugin {
  apply(compiler) {
    const name = "SkipPreMinifiedChunksPlugin";
    const { Compilation } = compiler.webpack;
    compiler.hooks.compilation.tap(name, (compilation) => {
      compilation.hooks.processAssets.tap(
        { name, stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_SIZE - 1 },
        () => {
          for (const chunk of compilation.chunks) {
            if (chunk.hasRuntime()) continue; // entry bundles: always minify
            const modules = compilation.chunkGraph.getChunkModules(chunk);
            const preMinified =
              modules.length > 0 &&
              modules.every((m) => /\.min\.js$/.test(m.nameForCondition() || ""));
            if (!preMinified) continue;
            for (const file of chunk.files) {
              if (file.endsWith(".js"))
                compilation.updateAsset(file, (source) => source, { minimized: true });
            }
          }
        }
      );
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
    },
    module: {
      rules: [
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
      new SkipPreMinifiedChunksPlugin(),
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
