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
}>("../../webpack.config.js");
const xml = readFileSync(join(ROOT, "manifest.xml"), "utf8");

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
      execFileSync("bash", [join(ROOT, "..", "shared", "manifest-schemas", "validate.sh"), file], {
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
});
