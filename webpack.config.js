/**
 * Build of the SØM task-pane add-in (ts-loader, no babel).
 *
 *   npm run build   production → dist/  (manifest URLs rewritten to $SOM_ADDIN_URL, same <Id>)
 *   npm run dev     https://localhost:3000 with office-addin-dev-certs (falls back with a clear message)
 *
 * office.js is NOT bundled: the task-pane HTML loads it from Microsoft's CDN with a <script> tag, and the
 * `Office`/`Excel` globals are typed by @types/office-js. Node-only code (src/file's writer and FileWorkbook,
 * exceljs, xlsx, node: built-ins) must never reach the bundle; the browser-safe .xlsx reader (fflate, saxes and
 * its src/file modules) may only be in a lazily loaded chunk. `ForbiddenModulesPlugin` fails the build otherwise.
 */
const fs = require("fs");
const os = require("os");
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

/** The development origin used in manifest.xml (trailing slash included). */
const DEV_URL = "https://localhost:3000/";
const DEV_PORT = 3000;

/**
 * Content-Security-Policy of the task pane: scripts only from our own origin and the office.js CDN, no inline
 * script, no eval. The task-pane HTML should carry exactly this string in
 * `<meta http-equiv="Content-Security-Policy" content="…">` as the first element of <head>; if it does not,
 * the build injects it (and warns).
 */
const CSP =
  "default-src 'self'; script-src 'self' https://appsforoffice.microsoft.com; style-src 'self'; " +
  "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'";

/** Modules that must never be bundled into the add-in (Node-only code, the writer, unsafe file libraries). */
const FORBIDDEN = [/[\\/]node_modules[\\/](exceljs|xlsx|office-js)[\\/]/, /[\\/]src[\\/]cli[\\/]/];

/**
 * The browser-safe .xlsx *reader* (no fs/path/Buffer/process): zip and XML parsing with size, zip-bomb and
 * cell caps. Allowed in the add-in only in a lazily loaded chunk (the knowledge panel's .xlsx import,
 * `import("./knowledge-xlsx")`), never in an initial chunk. Every other file of src/file (the exceljs writer,
 * the Node `FileWorkbook`) stays forbidden.
 */
const LAZY_ONLY = [
  /[\\/]node_modules[\\/](fflate|saxes|xmlchars)[\\/]/,
  /[\\/]src[\\/]file[\\/](a1-ref|zip-parts|xml-events|xml-fast|xlsx-reader|defined-name-formula|file-read-error|xlsx-book-port)\.ts$/,
];
const ANY_SRC_FILE = /[\\/]src[\\/]file[\\/]/;

/** Why a module may not be in the add-in bundle at all, or undefined. `request` is for `node:` built-ins. */
function forbiddenReason(resource, request) {
  const res = resource || "";
  if (/^node:/.test(request || "")) return "a Node built-in";
  if (FORBIDDEN.some((re) => re.test(res))) return "Node-only or an unsafe file library";
  if (ANY_SRC_FILE.test(res) && !LAZY_ONLY.some((re) => re.test(res)))
    return "Node-only file code (src/file)";
  return undefined;
}

/** True for modules allowed only in lazily loaded (non-initial) chunks. */
const isLazyOnly = (resource) => LAZY_ONLY.some((re) => re.test(resource || ""));

class ForbiddenModulesPlugin {
  apply(compiler) {
    compiler.hooks.compilation.tap("ForbiddenModulesPlugin", (compilation) => {
      compilation.hooks.finishModules.tap("ForbiddenModulesPlugin", (modules) => {
        for (const m of modules) {
          const why = forbiddenReason(m.resource, m.request);
          if (why !== undefined) {
            compilation.errors.push(
              new Error(
                `Forbidden module in the add-in bundle (${why}): ${m.resource || m.request}. Node-only/file code must not be imported by src/taskpane, src/app, src/workbook or src/excel.`,
              ),
            );
          }
        }
      });
      compilation.hooks.afterOptimizeChunks.tap("ForbiddenModulesPlugin", () => {
        for (const m of compilation.modules) {
          if (!isLazyOnly(m.resource)) continue;
          for (const chunk of compilation.chunkGraph.getModuleChunksIterable(m)) {
            if (chunk.canBeInitial())
              compilation.errors.push(
                new Error(
                  `The .xlsx reader must only be loaded on demand (dynamic import()), but ${m.resource} is in the initial chunk "${chunk.name}".`,
                ),
              );
          }
        }
      });
    });
  }
}

/** The production origin: $SOM_ADDIN_URL (https, normalised to end with "/"). */
function productionUrl() {
  const raw = process.env.SOM_ADDIN_URL;
  if (!raw) {
    console.warn(
      `\n[som] WARNING: SOM_ADDIN_URL is not set; dist/manifest.xml keeps ${DEV_URL}.\n` +
        `      For a deployable build run e.g.  SOM_ADDIN_URL=https://addin.example.dk/som/ npm run build\n`,
    );
    return DEV_URL;
  }
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`[som] SOM_ADDIN_URL is not a URL: ${raw}`);
  }
  if (url.protocol !== "https:")
    throw new Error(`[som] SOM_ADDIN_URL must use https (Office requires it): ${raw}`);
  if (url.search || url.hash)
    throw new Error(`[som] SOM_ADDIN_URL must not have a query or fragment: ${raw}`);
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}

/**
 * The production manifest: every development URL (https://localhost:3000/…) → `prodUrl`…, and the bare
 * development origin (<AppDomain>) → the production origin. The <Id> is untouched.
 */
function rewriteManifest(xml, prodUrl) {
  const origin = new URL(prodUrl).origin;
  return xml.split(DEV_URL).join(prodUrl).split(DEV_URL.slice(0, -1)).join(origin);
}

/** https options for the dev server: office-addin-dev-certs, or its files if the CA install failed (no sudo). */
async function devHttpsOptions() {
  try {
    return { type: "https", options: await require("office-addin-dev-certs").getHttpsServerOptions() };
  } catch (err) {
    const dir = path.join(os.homedir(), ".office-addin-dev-certs");
    const files = ["ca.crt", "localhost.crt", "localhost.key"].map((f) => path.join(dir, f));
    if (files.every((f) => fs.existsSync(f))) {
      console.warn(
        `\n[som] Could not install the development CA (${String(err && err.message).split("\n")[0]}).\n` +
          `      Serving https with the generated certificate in ${dir}; trust ca.crt in your browser/OS yourself\n` +
          `      (e.g. sudo cp ${files[0]} /usr/local/share/ca-certificates/office-addin-dev.crt && sudo update-ca-certificates).\n`,
      );
      const [ca, cert, key] = files.map((f) => fs.readFileSync(f));
      return { type: "https", options: { ca, cert, key } };
    }
    console.warn(
      `\n[som] Could not create development certificates (${String(err && err.message).split("\n")[0]}).\n` +
        `      Serving plain http://localhost:${DEV_PORT}/ — fine for a browser, but Office will NOT load the add-in over http.\n`,
    );
    return { type: "http" };
  }
}

const TASKPANE_HTML = "./src/taskpane/taskpane.html";

function templateHasCsp() {
  try {
    return fs.readFileSync(path.join(__dirname, TASKPANE_HTML), "utf8").includes("Content-Security-Policy");
  } catch {
    return false;
  }
}

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  const prodUrl = dev ? DEV_URL : productionUrl();
  const cspInTemplate = templateHasCsp();
  if (!cspInTemplate)
    console.warn(`[som] ${TASKPANE_HTML} has no Content-Security-Policy meta tag; injecting it.`);

  return {
    devtool: "source-map", // never eval-based: the CSP forbids eval
    target: ["web", "es2020"],
    entry: {
      taskpane: "./src/taskpane/taskpane.ts",
      commands: "./src/commands/commands.ts",
    },
    output: { path: path.join(__dirname, "dist"), filename: "[name].[contenthash:8].js", clean: true },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              configFile: path.join(__dirname, "tsconfig.json"),
              onlyCompileBundledFiles: true,
              compilerOptions: { module: "es2020", moduleResolution: "node", sourceMap: true, noEmit: false },
            },
          },
        },
        {
          test: /\.(png|jpg|jpeg|gif|ico|svg)$/,
          type: "asset/resource",
          generator: { filename: "assets/[name][ext]" },
        },
      ],
    },
    plugins: [
      new ForbiddenModulesPlugin(),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: TASKPANE_HTML,
        chunks: ["taskpane"],
        scriptLoading: "defer",
        meta: cspInTemplate ? {} : { csp: { "http-equiv": "Content-Security-Policy", content: CSP } },
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
        scriptLoading: "defer",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/icon-*.png", to: "assets/[name][ext]" },
          { from: "src/commands/help.html", to: "help.html" }, // manifest SupportUrl / LearnMoreUrl
          // ES5, not bundled: must run where the ES2020 bundle cannot be parsed (issue 12, item 1)
          { from: "src/taskpane/webview-check.js", to: "webview-check.js" },
          // Style sheets are linked from the HTML (<link rel="stylesheet" href="taskpane.css">), not imported from TS.
          { from: "src/taskpane/*.css", to: "[name][ext]", noErrorOnMissing: true },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => (dev ? content : rewriteManifest(content.toString(), prodUrl)),
          },
        ],
      }),
    ],
    performance: { maxEntrypointSize: 600 * 1024, maxAssetSize: 600 * 1024, hints: dev ? false : "warning" },
    devServer: {
      hot: false,
      liveReload: true,
      port: DEV_PORT,
      host: "localhost",
      allowedHosts: ["localhost"],
      headers: { "Access-Control-Allow-Origin": "*" },
      server: env && env.WEBPACK_BUILD ? undefined : await devHttpsOptions(),
      static: { directory: path.join(__dirname, "dist") },
    },
  };
};

module.exports.CSP = CSP;
module.exports.DEV_URL = DEV_URL;
module.exports.rewriteManifest = rewriteManifest;
module.exports.forbiddenReason = forbiddenReason;
module.exports.isLazyOnly = isLazyOnly;
