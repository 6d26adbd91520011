/**
 * CI validation of the shipped starter knowledge base (src/knowledge/data/starter.json), read as raw JSON so
 * that defaults the validator fills in cannot hide a missing field: the file validates; every key a record
 * uses is declared in the JSON schema for its kind; every source is a well-formed http(s) URL; every number
 * has a source and a year; H (official) only on official hosts; rates are marked as rates with validity
 * dates and never carry a split nobody published; every gap is visible. The nettoprisindeks has its own
 * test (price-index.test.ts), which recomputes the annual means from the monthly table.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { validateKnowledgeBase } from "../../src/knowledge/validate-knowledge";

type Raw = Record<string, unknown> & {
  kind: string;
  id: string;
  provenance: { source: string; year: number; confidence: string };
  gap?: { reason: string; where: string };
};
const file = path.join(__dirname, "../../src/knowledge/data/starter.json");
const data = JSON.parse(fs.readFileSync(file, "utf8")) as { records: Raw[] };
const records = data.records;
const schema = JSON.parse(
  fs.readFileSync(path.join(__dirname, "../../src/knowledge/knowledge.schema.json"), "utf8"),
) as {
  $defs: {
    common: { properties: Record<string, unknown> };
    record: { oneOf: { properties: Record<string, unknown> & { kind: { const: string } } }[] };
  };
};

/** Hosts of ministries, agencies, parliament, statistics office, courts' and prisons' own pages, regions. */
const OFFICIAL_HOSTS = [
  "bm.dk",
  "sm.dk",
  "fm.dk",
  "ft.dk",
  "oes.dk",
  "dst.dk",
  "social.dk",
  "sbst.dk",
  "socialstyrelsen.dk",
  "borger.dk",
  "retsinformation.dk",
  "kriminalforsorgen.dk",
  "psykiatri-regionh.dk",
  "ipscenterdanmark.dk",
];
const official = (host: string): boolean => OFFICIAL_HOSTS.some((h) => host === h || host.endsWith(`.${h}`));

const sourcesOf = (r: Raw): string[] => r.provenance.source.split(" ; ").map((s) => s.trim());
const prices = records.filter((r) => r.kind === "price");
const numbersOf = (r: Raw): number[] => {
  const out: number[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === "number") out.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v !== null && typeof v === "object") Object.values(v).forEach(walk);
  };
  for (const [k, v] of Object.entries(r)) if (k !== "provenance" && k !== "n") walk(v);
  return out;
};

describe("the shipped starter knowledge base", () => {
  it("validates, with unique ids", () => {
    const v = validateKnowledgeBase(data, "starter.json");
    if (!v.ok) throw new Error(JSON.stringify(v.problems, null, 2));
    expect(new Set(records.map((r) => r.id)).size).toBe(records.length);
  });

  it("uses only keys the JSON schema declares for the record's kind", () => {
    const variants = schema.$defs.record.oneOf;
    for (const r of records) {
      const variant = variants.find((v) => v.properties.kind.const === r.kind);
      const allowed = new Set([
        "kind",
        ...Object.keys(schema.$defs.common.properties),
        ...Object.keys(variant?.properties ?? {}),
      ]);
      expect([r.id, Object.keys(r).filter((k) => !allowed.has(k))]).toEqual([r.id, []]);
    }
  });

  it("cites every source as a well-formed http(s) URL with a host", () => {
    for (const r of records)
      for (const s of sourcesOf(r)) {
        let url: URL | undefined;
        try {
          url = new URL(s);
        } catch {
          url = undefined;
        }
        expect([r.id, s, url?.protocol === "https:" || url?.protocol === "http:"]).toEqual([r.id, s, true]);
        expect([r.id, url?.hostname.includes(".")]).toEqual([r.id, true]);
        expect([r.id, /\s/.test(s)]).toEqual([r.id, false]);
      }
  });

  it("gives every record that holds a number a source, a year and a confidence", () => {
    for (const r of records.filter((x) => numbersOf(x).length > 0)) {
      expect([r.id, sourcesOf(r).length > 0]).toEqual([r.id, true]);
      expect([r.id, Number.isInteger(r.provenance.year)]).toEqual([r.id, true]);
      expect([r.id, ["H", "M", "L"].includes(r.provenance.confidence)]).toEqual([r.id, true]);
    }
  });

  it("marks a figure official (H) only when one of its sources is an official host; secondary hosts are M or L", () => {
    for (const r of records) {
      const hosts = sourcesOf(r).map((s) => new URL(s).hostname);
      if (r.provenance.confidence === "H") expect([r.id, hosts.some(official)]).toEqual([r.id, true]);
      if (!hosts.some(official)) expect([r.id, r.provenance.confidence]).not.toEqual([r.id, "H"]);
    }
  });

  it("states on every price what kind of figure it is, overhead and refusion, explicitly", () => {
    for (const r of prices) {
      expect([r.id, ["pris", "sats", "takst"].includes(r["figureKind"] as string)]).toEqual([r.id, true]);
      expect([r.id, "inklOverhead" in r, "efterRefusion" in r]).toEqual([r.id, true, true]);
    }
    expect(prices.filter((r) => r["figureKind"] === "sats").length).toBeGreaterThanOrEqual(20);
  });

  it("keeps every rate a rate: gross amount, no published split invented, not after refusion, validity dates", () => {
    for (const r of prices.filter((x) => x["figureKind"] === "sats")) {
      const a = r["amounts"] as Record<string, number | null>;
      expect([r.id, typeof r["grossAmount"]]).toEqual([r.id, "number"]);
      expect([r.id, a["Kommune"], a["Stat"]]).toEqual([r.id, null, null]);
      expect([r.id, r["efterRefusion"], r["inklOverhead"]]).toEqual([r.id, false, false]);
      expect([r.id, r["gyldigFra"], r["gyldigTil"]]).toEqual([
        r.id,
        expect.stringMatching(/^\d{4}-01-01$/),
        expect.stringMatching(/^\d{4}-12-31$/),
      ]);
      expect([r.id, r.gap?.where.length ?? 0]).not.toEqual([r.id, 0]);
    }
  });

  it("states SØM's recommendation on every consequence explicitly (null where none has been read)", () => {
    for (const r of records.filter((x) => x.kind === "consequence"))
      expect([r.id, "recommended" in r]).toEqual([r.id, true]);
  });

  it("keeps every gap visible: an unknown figure has a reason and a pointer to the official figure", () => {
    for (const r of records) {
      const hasNull = JSON.stringify({ ...r, provenance: null, gap: null }).includes(":null");
      const unknownFigure =
        (r.kind === "price" && Object.values(r["amounts"] as object).some((x) => x === null)) ||
        (r.kind === "consequence" && (r["deltaByYear"] as unknown[]).some((x) => x === null)) ||
        (r.kind === "effect" && r["suggestedSuccessRate"] === null) ||
        (r.kind === "targetGroup" && r["successMeasure"] === null);
      if (unknownFigure) {
        expect([r.id, hasNull]).toEqual([r.id, true]);
        expect([r.id, (r.gap?.reason ?? "").length > 0, (r.gap?.where ?? "").length > 0]).toEqual([
          r.id,
          true,
          true,
        ]);
      }
    }
  });

  it("ships the refusionstrappe 80/40/30/20 % as a secondary (M) source, with the unverified weeks said", () => {
    const r = records.find((x) => x.id === "param_refusionstrappe_2016");
    expect(r?.provenance.confidence).toBe("M");
    expect((r?.["values"] as { value: number }[]).map((v) => v.value)).toEqual([0.8, 0.4, 0.3, 0.2]);
    expect((r?.provenance as { note?: string }).note).toMatch(/kontrolleres/);
  });
});
