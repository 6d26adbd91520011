/**
 * The add-in manifest: schema-valid offline (Microsoft's XSDs in test/fixtures/manifest-schemas) and consistent
 * (resids, URLs, icons, version, permission, requirement set).
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SaxesParser } from "saxes";

const ROOT = join(__dirname, "..", "..");
const MANIFEST = join(ROOT, "manifest.xml");
const VALIDATE = join(ROOT, "test", "fixtures", "manifest-schemas", "validate.sh");

interface El {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  text: string;
}

function parse(xml: string): El[] {
  const out: El[] = [];
  const stack: El[] = [];
  const p = new SaxesParser({ xmlns: false });
  p.on("opentag", (t) => {
    const el: El = {
      name: t.name,
      attributes: Object.fromEntries(Object.entries(t.attributes).map(([k, v]) => [k, String(v)])),
      text: "",
    };
    out.push(el);
    stack.push(el);
  });
  p.on("text", (t) => {
    const top = stack[stack.length - 1];
    if (top) top.text += t;
  });
  p.on("closetag", () => void stack.pop());
  p.write(xml).close();
  return out;
}

const xml = readFileSync(MANIFEST, "utf8");
const els = parse(xml);
const text = (name: string): string[] => els.filter((e) => e.name === name).map((e) => e.text.trim());

describe("manifest.xml", () => {
  it("validates against Microsoft's add-in manifest schemas (offline)", () => {
    expect(existsSync(VALIDATE)).toBe(true);
    // execFileSync throws on a non-zero exit; xmllint reports "validates" on stderr
    expect(() => execFileSync("bash", [VALIDATE, MANIFEST], { stdio: "ignore" })).not.toThrow();
  });

  it("the schema check can fail (a wrong permission is rejected)", () => {
    const bad = join(tmpdir(), `som-bad-manifest-${process.pid}.xml`);
    writeFileSync(
      bad,
      xml.replace(
        "<Permissions>ReadWriteDocument</Permissions>",
        "<Permissions>ReadWriteEverything</Permissions>",
      ),
    );
    expect(() => execFileSync("bash", [VALIDATE, bad], { stdio: "ignore" })).toThrow();
    unlinkSync(bad);
  });

  it("asks for exactly ReadWriteDocument", () => {
    expect(text("Permissions")).toEqual(["ReadWriteDocument"]);
  });

  it("requires ExcelApi 1.8 (no Office 2019 volume-licensed: its IE webview cannot run the bundle) and targets Excel workbooks", () => {
    const sets = els.filter((e) => e.name === "Set");
    expect(sets.map((s) => [s.attributes.Name, s.attributes.MinVersion])).toEqual([["ExcelApi", "1.8"]]);
    expect(els.filter((e) => e.name === "Host" && e.attributes.Name).map((e) => e.attributes.Name)).toEqual([
      "Workbook",
    ]);
  });

  it("resolves every resid to a resource", () => {
    const ids = new Set(
      els
        .filter((e) => /^bt:(Image|Url|String)$/.test(e.name) && e.attributes.id)
        .map((e) => e.attributes.id),
    );
    const resids = els.map((e) => e.attributes.resid).filter((r): r is string => r !== undefined);
    expect(resids.length).toBeGreaterThan(5);
    expect(resids.filter((r) => !ids.has(r))).toEqual([]);
  });

  it("uses https URLs on one origin only", () => {
    const urls = [...xml.matchAll(/(?:DefaultValue|Value)="(https?:\/\/[^"]+)"/g)]
      .map((m) => m[1] as string)
      .concat(text("AppDomain"));
    expect(urls.length).toBeGreaterThan(5);
    const origins = new Set(urls.map((u) => new URL(u).origin));
    expect([...origins]).toEqual(["https://localhost:3000"]);
    expect(urls.every((u) => u.startsWith("https://"))).toBe(true);
  });

  it("points at icons that exist in assets/ with the right pixel size", () => {
    const icons = [...xml.matchAll(/\/assets\/(icon-(\d+)\.png)/g)];
    expect(new Set(icons.map((m) => m[1]))).toEqual(
      new Set(["icon-16.png", "icon-32.png", "icon-64.png", "icon-80.png"]),
    );
    for (const [, file, size] of icons) {
      const png = readFileSync(join(ROOT, "assets", file as string));
      expect(png.subarray(1, 4).toString("ascii")).toBe("PNG");
      expect(png.readUInt32BE(16)).toBe(Number(size)); // IHDR width
      expect(png.readUInt32BE(20)).toBe(Number(size)); // IHDR height
    }
  });

  it("has <Version> = package.json version + .0", () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string };
    expect(text("Version")).toEqual([`${pkg.version}.0`]);
  });

  it("has a fixed GUID Id and Danish defaults with English overrides", () => {
    expect(text("Id")[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(text("DefaultLocale")).toEqual(["da-DK"]);
    const overrides = els.filter((e) => /Override$/.test(e.name));
    expect(overrides.length).toBeGreaterThanOrEqual(5);
    expect(overrides.every((o) => o.attributes.Locale === "en-US")).toBe(true);
    expect(els.find((e) => e.name === "Group")?.attributes.id).toBe("SomGroup");
    expect(els.find((e) => e.name === "OfficeTab")?.attributes.id).toBe("TabHome");
  });
});
