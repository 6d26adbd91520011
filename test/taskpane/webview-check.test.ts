/**
 * Issue 12, item 1: `webview-check.js` must parse and run where the task pane's ES2020 bundle cannot — the
 * Internet Explorer 11 (Trident) webview of Office 2019 volume-licensed and Edge Legacy. Parsed here as ES5
 * script by ESLint's parser (espree); the page behaviour is tested in headless Chromium (test/e2e).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { Linter } from "eslint";

const ES5 = [{ languageOptions: { ecmaVersion: 5 as const, sourceType: "script" as const } }];
const parseErrors = (code: string): string[] =>
  new Linter({ configType: "flat" })
    .verify(code, ES5)
    .filter((m) => m.fatal)
    .map((m) => m.message);

it("webview-check.js is plain ES5", () => {
  const code = readFileSync(path.join(__dirname, "../../src/taskpane/webview-check.js"), "utf8");
  expect(parseErrors(code)).toEqual([]);
});

it("the bundle's syntax (?., ??, arrow functions, const) is not ES5 — what the check exists for", () => {
  expect(parseErrors("var a = {}; var b = a?.b ?? 1;")).not.toEqual([]);
  expect(parseErrors("const f = (x) => x;")).not.toEqual([]);
});

it("the page loads the check after the bundle marks itself, without inline script (CSP script-src 'self')", () => {
  const html = readFileSync(path.join(__dirname, "../../src/taskpane/taskpane.html"), "utf8");
  expect(html).toMatch(/<script defer src="webview-check\.js"><\/script>/);
  expect(html).not.toMatch(/<script>(?!<\/script>)/);
  const entry = readFileSync(path.join(__dirname, "../../src/taskpane/taskpane.ts"), "utf8");
  expect(entry).toMatch(/document\.documentElement\.setAttribute\("data-som-bundle", "started"\)/);
});
