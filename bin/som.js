#!/usr/bin/env node
// Entry point of the `som` command: runs the TypeScript CLI through tsx (a runtime dependency),
// so `npx som …` works right after `npm install` without a separate build step.
"use strict";
const path = require("node:path");
require("tsx/cjs");
require(path.join(__dirname, "..", "src", "cli", "main.ts"));
