#!/usr/bin/env node
// Entry point of the `som` command. Runs the bundled JavaScript build/cli/som.js (made by `npm run build:cli`,
// which `npm install` / `npm ci` run through the `prepare` script), so no TypeScript is compiled at start-up.
// Only when that build is missing (sources checked out without installing) does it fall back to running the
// TypeScript sources through tsx. After editing src/, run `npm run build:cli` (CONTRIBUTING.md).
"use strict";
const path = require("node:path");
const fs = require("node:fs");
const compiled = path.join(__dirname, "..", "build", "cli", "som.js");
if (fs.existsSync(compiled)) {
  require(compiled);
} else {
  require("tsx/cjs");
  require(path.join(__dirname, "..", "src", "cli", "main.ts"));
}
