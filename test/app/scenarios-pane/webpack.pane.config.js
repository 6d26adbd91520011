/**
 * Bundles the scenarios panel with the in-memory workbook (pane-entry.ts) for the headless-Chromium test;
 * see test/support/pane-harness/webpack-pane-config.js. Output: `--env out=<dir>` → pane.js (one chunk).
 */
const path = require("path");
const { paneWebpackConfig } = require("../../support/pane-harness/webpack-pane-config");

module.exports = paneWebpackConfig(path.join(__dirname, "pane-entry.ts"));
