/**
 * The add-in build plus the stub Office host for the headless-Chromium tests (test/e2e/taskpane.e2e.test.ts).
 * Same config as `npm run build` (webpack.config.js, incl. its guard against Node-only modules), with one extra
 * entry `stub-office.js` (the fake Excel behind `Office`/`Excel`) and the output in `--env out=<dir>`.
 */
const path = require("path");
const base = require("../../webpack.config.js");

module.exports = async (env = {}, argv = {}) => {
  const config = await base(env, argv);
  if (!env.out) throw new Error("webpack.e2e.config.js: pass --env out=<directory>");
  // The type check is `npm run typecheck`'s job; here transpile only, to keep the e2e build fast.
  const rules = config.module.rules.map((r) =>
    r.use && r.use.loader === "ts-loader"
      ? { ...r, use: { ...r.use, options: { ...r.use.options, transpileOnly: true } } }
      : r,
  );
  return {
    ...config,
    module: { ...config.module, rules },
    entry: { ...config.entry, "stub-office": path.join(__dirname, "stub-host", "stub-office.ts") },
    output: {
      ...config.output,
      path: path.resolve(env.out),
      filename: (data) =>
        data.chunk && data.chunk.name === "stub-office" ? "stub-office.js" : "[name].[contenthash:8].js",
    },
  };
};
