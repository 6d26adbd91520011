import js from "@eslint/js";
import tseslint from "typescript-eslint";
import prettier from "eslint-config-prettier";
import officeAddins from "eslint-plugin-office-addins";
import globals from "globals";

export default tseslint.config(
  { ignores: ["node_modules/**", "dist/**", "build/**", "coverage/**", "test/artifacts/**", "assets/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["**/*.js", "**/*.cjs"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // The engine is pure: no Office, no DOM, no Node modules, no clock, no randomness.
    files: ["src/engine/**/*.ts"],
    languageOptions: { globals: {} },
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["node:*", "fs", "path", "os", "crypto", "child_process", "util", "stream"],
              message: "The engine is pure: no Node modules.",
            },
            {
              group: [
                "office-js",
                "@microsoft/*",
                "**/excel/**",
                "**/taskpane/**",
                "**/file/**",
                "**/cli/**",
                "**/app/**",
                "**/workbook/**",
              ],
              message: "The engine may not import Office, adapters or outer layers.",
            },
          ],
        },
      ],
      "no-restricted-globals": [
        "error",
        "window",
        "document",
        "Office",
        "Excel",
        "process",
        "require",
        "Date",
      ],
      "no-restricted-properties": [
        "error",
        { object: "Math", property: "random", message: "Inject a random source." },
      ],
    },
  },
  {
    files: ["src/excel/**/*.ts"],
    plugins: { "office-addins": officeAddins },
    rules: {
      "office-addins/call-sync-after-load": "error",
      "office-addins/call-sync-before-read": "error",
      "office-addins/load-object-before-read": "error",
      "office-addins/no-context-sync-in-loop": "error",
      "office-addins/no-empty-load": "error",
      "office-addins/no-navigational-load": "error",
      "office-addins/no-office-initialize": "error",
      "office-addins/test-for-null-using-isNullObject": "error",
    },
  },
  {
    // Must run in Internet Explorer 11 / Edge Legacy webviews to say that SØM cannot (issue 12, item 1): ES5 only.
    files: ["src/taskpane/webview-check.js"],
    languageOptions: { ecmaVersion: 5, sourceType: "script", globals: { ...globals.browser } },
  },
  {
    files: ["src/taskpane/**/*.ts", "src/excel/**/*.ts"],
    languageOptions: { globals: { ...globals.browser, Office: "readonly", Excel: "readonly" } },
  },
);
