/**
 * Bundles the knowledge panel with the in-memory workbook (pane-entry.ts) for the headless-Chromium test.
 * Transpile only (the type check is `npm run typecheck`'s job). Output: `--env out=<dir>` → pane.js (one chunk).
 */
const path = require("path");
const webpack = require("webpack");

module.exports = (env = {}) => {
  if (!env.out) throw new Error("webpack.pane.config.js: pass --env out=<directory>");
  return {
    mode: "development",
    devtool: false,
    target: "web",
    entry: { pane: path.join(__dirname, "pane-entry.ts") },
    output: { path: path.resolve(env.out), filename: "[name].js" },
    resolve: { extensions: [".ts", ".js", ".json"] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: { transpileOnly: true, configFile: path.resolve(__dirname, "../../../tsconfig.json") },
          },
        },
      ],
    },
    // One file: the page is set from a string, so the .xlsx reader's on-demand chunk is inlined here.
    plugins: [new webpack.optimize.LimitChunkCountPlugin({ maxChunks: 1 })],
    performance: { hints: false },
  };
};
