import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as XLSX from "xlsx";
import starter from "../../src/knowledge/data/starter.json";
import { som } from "./som";

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "som-knowledge-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const ownFile = {
  formatVersion: 1,
  name: "Odense – egne priser",
  records: [
    {
      kind: "price",
      id: "odense_dagtilbud",
      title: "Dagtilbud, Odense",
      service: "Dag i dagtilbud",
      unit: "dag",
      amounts: { Kommune: 1250, Region: 0, Stat: 0 },
      provenance: { source: "Odense Kommunes takstblad 2024", year: 2024, confidence: "H" },
    },
    {
      kind: "consequence",
      id: "odense_herberg",
      title: "Herberg – egne tal",
      targetGroup: "adult_homeless",
      successMeasure: "Ude af hjemløshed",
      service: "Herbergsdøgn",
      unit: "døgn",
      consequenceKind: "Udgift",
      deltaByYear: [-40, -30],
      provenance: { source: "SØM-regnearket maj 2023", year: 2023, confidence: "H" },
    },
  ],
};

describe("som knowledge", () => {
  it("lists the starter base filtered by kind and text, with year and confidence", async () => {
    const r = await som(["knowledge", "list", "--kind", "pris", "--search", "fængsel"]);
    expect(r.code).toBe(0);
    const lines = r.out.split("\n");
    expect(lines[0]).toBe("SØM for Excel – startvidensbase");
    expect(lines[1]).toMatch(/^Id\s+Type\s+Titel\s+Tal\s+År\s+Sikkerhed$/);
    expect(r.out).toContain("price_prison_closed_day");
    expect(r.out).toMatch(/K 0 \/ R 0 \/ S 1\.878 kr\.\/døgn\s+2015\s+H/);
    expect(r.out).toContain(`6 af ${starter.records.length} poster.`); // average, closed, open, Københavns Fængsler; open and closed 2013
  });

  it("prints the shipped nettoprisindeks with its source, the last full year and our annual means", async () => {
    const r = await som(["knowledge", "index"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("Nettoprisindeks (Danmarks Statistik), 2015 = 100");
    expect(r.out).toContain(
      "Kilde: https://www.dst.dk/da/Statistik/emner/oekonomi/prisindeks/nettoprisindeks",
    );
    expect(r.out).toContain("Sidste hele år: 2023.");
    expect(r.out).toContain("beregnet af SØM for Excel");
    // 2022 row: the twelve months and their mean 1362,4 / 12 = 113,53 (two decimals for display).
    expect(r.out).toMatch(/^2022\s+107,9\s+109,5 .* 116,0\s+113,53$/m);
    expect(r.out).toMatch(/^2024\s+118,1 .* 118,8\s+–\s+–\s+–\s+–\s+–\s+–\s+–$/m);
  });

  it("prints the index as JSON: source, base, annual means and monthly values", async () => {
    const r = await som(["knowledge", "index", "--json"]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out) as {
      source: string;
      base: number;
      lastFullYear: number;
      annual: Record<string, number>;
      monthly: Record<string, number>;
    };
    expect(doc.source).toBe("https://www.dst.dk/da/Statistik/emner/oekonomi/prisindeks/nettoprisindeks");
    expect(doc.base).toBe(2015);
    expect(doc.lastFullYear).toBe(2023);
    expect(doc.monthly["2015-01"]).toBe(98.7);
    expect(doc.annual["2015"]).toBeCloseTo(100, 12);
    expect(doc.annual["2022"]).toBeCloseTo(1362.4 / 12, 12);
    expect(Object.keys(doc.annual)).toHaveLength(9);
  });

  it("shows one record with its source, year and where a missing figure is", async () => {
    const r = await som(["knowledge", "show", "price_secure_institution_year"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("  Tal: K 1.510.239 / R 0 / S ? kr./år");
    expect(r.out).toContain(
      "  Kilde: https://www.sm.dk/lovstof/satser-paa-social-og-aeldreomraadet/satser-paa-socialomraadet-for-2020/finansiering-og-takster",
    );
    expect(r.out).toContain("  År: 2020");
    expect(r.out).toContain("  Hvor findes tallet: Social- og Boligministeriets satser");
  });

  it("shows a rate as a rate: gross amount, not after refusion, validity", async () => {
    const r = await som(["knowledge", "show", "price_uddannelseshjaelp_away_month"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("  Tal: Sats 6.545 kr./måned (brutto, før refusion; ikke fordelt)");
    expect(r.out).toContain("  Art af tal: sats (lovbestemt ydelse, brutto) – ikke en SØM-pris");
    expect(r.out).toContain("  Inkl. administration og overhead: nej; efter refusion: nej");
    expect(r.out).toContain("  Gyldig: 2023-01-01 – 2023-12-31");
    expect(r.out).toContain("Fra 1. juli 2025 erstattes uddannelseshjælp");
    expect(r.out).toContain("  Sikkerhed: H\n");
    const m = await som(["knowledge", "show", "price_su_away_month"]);
    expect(m.out).toContain("  Sikkerhed: M (sekundær kilde)");
  });

  it("says clearly when an id does not exist", async () => {
    const r = await som(["knowledge", "show", "no_such", "--lang", "en"]);
    expect(r.code).toBe(1);
    expect(r.err).toBe('som: No record with id "no_such" in SØM for Excel – startvidensbase.\n');
  });

  it("exports a municipality's JSON file to .xlsx with a SOM_Viden sheet, and lists it back from the .xlsx", async () => {
    fs.writeFileSync(path.join(dir, "odense.json"), JSON.stringify(ownFile));
    const exp = await som(["knowledge", "export", "--file", "odense.json", "--out", "odense.xlsx"], dir);
    expect(exp.code).toBe(0);
    // An independent reader sees the defined name and the typed price.
    const wb = XLSX.read(fs.readFileSync(path.join(dir, "odense.xlsx")), { type: "buffer" });
    const name = (wb.Workbook?.Names ?? []).find((n) => n.Name === "SOM_Viden");
    expect(name?.Ref).toMatch(/^Viden!\$A\$4:\$BE\$\d+$/);
    const sheet = wb.Sheets["Viden"];
    expect((sheet?.["B5"] as XLSX.CellObject | undefined)?.v).toBe("odense_dagtilbud");
    expect((sheet?.["S5"] as XLSX.CellObject | undefined)?.v).toBe(1250);

    const back = await som(["knowledge", "list", "--file", "odense.xlsx", "--json"], dir);
    expect(back.code).toBe(0);
    // Read back with the defaults a file without them gets: a price ("pris", overhead and refusion not known),
    // a consequence whose SØM recommendation is not known.
    expect((JSON.parse(back.out) as { records: unknown[] }).records).toEqual([
      { ...ownFile.records[0], figureKind: "pris", inklOverhead: null, efterRefusion: null },
      { ...ownFile.records[1], recommended: null },
    ]);
  });

  it("exports the starter base as JSON that validates again, and refuses to overwrite without --force", async () => {
    const first = await som(["knowledge", "export", "--out", "starter-kopi.json"], dir);
    expect(first.code).toBe(0);
    const again = await som(["knowledge", "list", "--file", "starter-kopi.json", "--json"], dir);
    expect(JSON.parse(again.out)).toEqual(
      JSON.parse(fs.readFileSync(path.join(dir, "starter-kopi.json"), "utf8")),
    );
    const refused = await som(["knowledge", "export", "--out", "starter-kopi.json"], dir);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain("Brug --force");
  });

  it("reports every problem of a broken knowledge file with file, record and field, exit code 2", async () => {
    const broken = JSON.parse(JSON.stringify(ownFile)) as typeof ownFile;
    (broken.records[0] as { amounts: Record<string, unknown> }).amounts["Stat"] = null;
    (broken.records[1] as { provenance: Record<string, unknown> }).provenance["source"] = "";
    fs.writeFileSync(path.join(dir, "broken.json"), JSON.stringify(broken));
    const r = await som(["knowledge", "list", "--file", "broken.json"], dir);
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      [
        "som: Vidensfilen har fejl:",
        "  - broken.json › odense_dagtilbud › amounts: Et ukendt beløb (null) kræver en 'gap' med henvisning.",
        '  - broken.json › odense_herberg › source: Feltet "source" mangler.',
        "",
      ].join("\n"),
    );
  });

  it("refuses a file that is not a workbook or JSON without a stack trace", async () => {
    fs.writeFileSync(path.join(dir, "fake.xlsx"), "not a zip");
    const r = await som(["knowledge", "list", "--file", "fake.xlsx"], dir);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^som: .*fake\.xlsx: /);
    expect(r.err).not.toContain("    at ");
    const txt = await som(["knowledge", "list", "--file", "odense.txt"], dir);
    expect(txt.err).toContain("skal ende på .json eller .xlsx");
  });

  it("rejects an unknown subcommand or kind as usage errors", async () => {
    expect((await som(["knowledge", "delete"])).code).toBe(1);
    const r = await som(["knowledge", "list", "--kind", "kage"]);
    expect(r.code).toBe(1);
    expect(r.err).toContain("Ukendt --kind: kage");
  });
});
