/**
 * The webpack config of a single-panel test page (a `pane-entry.ts` that mounts one task-pane panel over an
 * in-memory workbook, for a headless-Chromium test). Transpile only (the type check is `npm run typecheck`'s
 * job). Output: `--env out=<dir>` → pane.js, one chunk: the page is set from a string, so on-demand chunks
 * (such as the .xlsx reader's) are inlined.
 *
 * Usage in a pane folder's webpack.pane.config.js:
 *   module.exports = paneWebpackConfig(path.join(__dirname, "pane-entry.ts"));
 */
const path = require("path");
const webpack = require("webpack");

const TSCONFIG = path.resolve(__dirname, "../../../tsconfig.json");

/** @param {string} entry the pane entry file (absolute path) */
function paneWebpackConfig(entry) {
  return (env = {}) => {
    if (!env.out) throw new Error("webpack.pane.config.js: pass --env out=<directory>");
    return {
      mode: "development",
      devtool: false,
      target: "web",
      entry: { pane: entry },
      output: { path: path.resolve(env.out), filename: "[name].js" },
      resolve: { extensions: [".ts", ".js", ".json"] },
      module: {
        rules: [
          {
            test: /\.ts$/,
            exclude: /node_modules/,
            use: { loader: "ts-loader", options: { transpileOnly: true, configFile: TSCONFIG } },
          },
        ],
      },
      plugins: [new webpack.optimize.LimitChunkCountPlugin({ maxChunks: 1 })],
      performance: { hints: false },
    };
  };
}

module.exports = { paneWebpackConfig };
