/** Production manifest rewriting and the Content-Security-Policy the build uses. */
import { execFileSync } from "node:child_process";
import { readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const ROOT = join(__dirname, "..", "..");
const cfg = jest.requireActual<{
  rewriteManifest(xml: string, url: string): string;
  CSP: string;
  DEV_URL: string;
  forbiddenReason(resource: string, request?: string): string | undefined;
  isLazyOnly(resource: string): boolean;
}>("../../webpack.config.js");
const xml = readFileSync(join(ROOT, "manifest.xml"), "utf8");

/** The browser-safe .xlsx reader's files in src/file (allowed in the add-in only in a lazily loaded chunk). */
const READER_FILES = [
  "a1-ref",
  "zip-parts",
  "xml-events",
  "xml-fast",
  "xlsx-reader",
  "defined-name-formula",
  "file-read-error",
  "xlsx-book-port",
];

describe("production build settings", () => {
  it("rewrites every development URL to SOM_ADDIN_URL, AppDomain to its origin, and keeps the Id", () => {
    const out = cfg.rewriteManifest(xml, "https://som.example.dk/addin/");
    expect(out).not.toContain("https://localhost");
    const urls = [...out.matchAll(/DefaultValue="(https:[^"]+)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(5);
    expect(urls.every((u) => u?.startsWith("https://som.example.dk/addin/"))).toBe(true);
    expect(out).toContain("<AppDomain>https://som.example.dk</AppDomain>");
    const id = /<Id>([^<]+)<\/Id>/.exec(xml)?.[1];
    expect(out).toContain(`<Id>${id}</Id>`);
    const file = join(tmpdir(), `som-prod-manifest-${process.pid}.xml`);
    writeFileSync(file, out);
    expect(() =>
      execFileSync("bash", [join(ROOT, "test", "fixtures", "manifest-schemas", "validate.sh"), file], {
        stdio: "ignore",
      }),
    ).not.toThrow();
    unlinkSync(file);
  });

  it("allows scripts only from our origin and the office.js CDN, with no inline script or eval", () => {
    expect(cfg.CSP).toContain("script-src 'self' https://appsforoffice.microsoft.com;");
    expect(cfg.CSP).toContain("default-src 'self'");
    expect(cfg.CSP).toContain("object-src 'none'");
    expect(cfg.CSP).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    for (const page of ["src/commands/commands.html", "src/commands/help.html"])
      expect(readFileSync(join(ROOT, page), "utf8")).toContain(`content="${cfg.CSP}"`);
  });

  it("forbids Node-only code, the writer and unsafe file libraries, but lets the safe .xlsx reader into a lazy chunk", () => {
    const nm = (pkg: string): string => join(ROOT, "node_modules", pkg, "index.js");
    const src = (f: string): string => join(ROOT, "src", f);
    for (const bad of [
      nm("exceljs"),
      nm("xlsx"),
      nm("office-js"),
      src("file/xlsx-writer.ts"),
      src("file/file-workbook.ts"),
      src("file/write-workbook-spec.ts"),
      src("file/add-sheets-to-existing-file.ts"),
      src("cli/main.ts"),
    ])
      expect([bad, cfg.forbiddenReason(bad)]).toEqual([bad, expect.any(String)]);
    expect(cfg.forbiddenReason("", "node:fs")).toBe("a Node built-in");
    const reader = [
      nm("fflate"),
      nm("saxes"),
      nm("xmlchars"),
      ...READER_FILES.map((f) => src(`file/${f}.ts`)),
    ];
    for (const ok of reader) {
      expect([ok, cfg.forbiddenReason(ok)]).toEqual([ok, undefined]);
      expect([ok, cfg.isLazyOnly(ok)]).toEqual([ok, true]);
    }
    expect(cfg.isLazyOnly(src("taskpane/panels/knowledge/knowledge-xlsx.ts"))).toBe(false);
    expect(cfg.forbiddenReason(src("taskpane/panels/knowledge/knowledge-xlsx.ts"))).toBeUndefined();
  });

  it("keeps the browser-safe reader free of Node built-ins, Buffer and process", () => {
    for (const f of READER_FILES) {
      const text = readFileSync(join(ROOT, "src", "file", `${f}.ts`), "utf8");
      const code = text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/\/\/.*$/gm, "");
      expect([
        f,
        /from "node:|require\(|\bBuffer\b|\bprocess\.|from "(fs|path|os|stream)"/.test(code),
      ]).toEqual([f, false]);
    }
  });
});
