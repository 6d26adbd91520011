/**
 * The shipped nettoprisindeks (src/knowledge/data/nettoprisindeks.json): the monthly table is checked, and
 * every annual figure the program uses is recomputed here from the monthly values by an independent route
 * (integer tenths summed and divided by 120), never copied from the program's output.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import {
  annualMeans,
  missingIndexYearText,
  priceIndexDocument,
  readPriceIndexSeries,
  shippedPriceIndex,
} from "../../src/knowledge/price-index";

const file = path.join(__dirname, "../../src/knowledge/data/nettoprisindeks.json");
const raw = JSON.parse(fs.readFileSync(file, "utf8")) as {
  source: string;
  base: number;
  lastFullYear: number;
  monthly: Record<string, number>;
};

/** Independent route: the monthly values are published with one decimal, so sum whole tenths. */
function tenthsMean(year: number): number | undefined {
  const vals = Object.entries(raw.monthly)
    .filter(([k]) => k.startsWith(`${year}-`))
    .map(([, v]) => Math.round(v * 10));
  if (vals.length !== 12) return undefined;
  return vals.reduce((s, v) => s + v, 0) / 120;
}

describe("the shipped nettoprisindeks data", () => {
  it("cites Danmarks Statistik's page with a well-formed https URL and states base 2015", () => {
    expect(new URL(raw.source).protocol).toBe("https:");
    expect(new URL(raw.source).hostname).toBe("www.dst.dk");
    expect(raw.base).toBe(2015);
  });

  it("holds one-decimal monthly values, every month from January 2015 without a hole", () => {
    const keys = Object.keys(raw.monthly);
    expect(keys[0]).toBe("2015-01");
    for (const [k, v] of Object.entries(raw.monthly)) {
      expect([k, Math.abs(v * 10 - Math.round(v * 10)) < 1e-9]).toEqual([k, true]);
      expect(v).toBeGreaterThan(50);
    }
    // 2015..2023 full, 2024 January–June (§7.1 of the sources).
    expect(keys).toHaveLength(9 * 12 + 6);
    expect(keys[keys.length - 1]).toBe("2024-06");
  });

  it("spot-checks values against the published table (§7.1)", () => {
    expect(raw.monthly["2015-01"]).toBe(98.7);
    expect(raw.monthly["2022-10"]).toBe(117.7);
    expect(raw.monthly["2023-07"]).toBe(119.2);
    expect(raw.monthly["2024-06"]).toBe(118.8);
  });

  it("states 2023 as the last full year, which is the last year with twelve months", () => {
    expect(raw.lastFullYear).toBe(2023);
    expect(shippedPriceIndex().lastFullYear).toBe(2023);
  });

  it("has annual figures equal to the mean of the monthly table, recomputed here, and none for the partial year", () => {
    const s = shippedPriceIndex();
    expect([...s.annual.keys()]).toEqual([2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023]);
    for (const [year, value] of s.annual)
      expect([year, value]).toEqual([year, expect.closeTo(tenthsMean(year) ?? NaN, 10)]);
    expect(s.annual.has(2024)).toBe(false);
    // Hand arithmetic for two years: 2015 sums to 1200,0 → 100; 2023 sums to 1416,5 → 118,041666…
    expect(s.annual.get(2015)).toBeCloseTo(100, 12);
    expect(s.annual.get(2023)).toBeCloseTo(1416.5 / 12, 12);
    // §7.1's own rounded column agrees to two decimals.
    const published: Record<number, number> = {
      2015: 100.0,
      2016: 100.48,
      2017: 101.73,
      2018: 102.61,
      2019: 103.5,
      2020: 103.87,
      2021: 105.4,
      2022: 113.53,
      2023: 118.04,
    };
    for (const [y, v] of Object.entries(published)) expect(s.annual.get(Number(y))).toBeCloseTo(v, 2);
  });

  it("the JSON document carries source, base 2015, annual and monthly figures", () => {
    const doc = priceIndexDocument();
    expect(doc.source).toBe(raw.source);
    expect(doc.base).toBe(2015);
    expect(doc.monthly["2015-01"]).toBe(98.7);
    expect(doc.annual["2015"]).toBeCloseTo(100, 12);
    expect(doc.annual["2022"]).toBeCloseTo(tenthsMean(2022) ?? NaN, 10);
    expect(doc.annual["2024"]).toBeUndefined();
    expect(doc.annualComputedBy).toMatch(/SØM for Excel/);
  });
});

describe("readPriceIndexSeries refuses broken index data", () => {
  const good = (): Record<string, unknown> =>
    JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, unknown>;

  it("a lastFullYear that does not match the table", () => {
    const d = good();
    d["lastFullYear"] = 2024;
    const r = readPriceIndexSeries(d);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems).toContain("lastFullYear is 2024, but the last year with 12 months is 2023");
  });

  it("a hole in the months, a bad key and a non-positive value", () => {
    const d = good();
    const m = { ...(d["monthly"] as Record<string, number>) };
    delete m["2019-05"];
    m["2019-13"] = 100;
    m["2016-02"] = 0;
    d["monthly"] = m;
    const r = readPriceIndexSeries(d);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems).toContain("monthly has a gap between 2019-04 and 2019-06");
      expect(r.problems).toContain("monthly key 2019-13 is not YYYY-MM");
      expect(r.problems).toContain("monthly 2016-02 must be a positive number");
    }
  });

  it("annual means skip years without all twelve months", () => {
    const m = annualMeans(
      new Map([
        ["2030-01", 1],
        ["2030-02", 3],
      ]),
    );
    expect(m.size).toBe(0);
  });
});

describe("messages for years the shipped index lacks", () => {
  it("a year after the last full year asks for a cited forecast index", () => {
    const t = missingIndexYearText(2025);
    expect(t.da).toContain("har hele år til og med 2023");
    expect(t.da).toContain("fremskrevet indeks for 2025");
    expect(t.da).toContain("Finansministeriets eller KL's");
    expect(t.da).toContain("kilden");
    expect(t.en).toContain("forecast index for 2025");
  });

  it("a year before 2015 asks for the figure from Danmarks Statistik", () => {
    expect(missingIndexYearText(2014).da).toContain("begynder i 2015");
  });
});
