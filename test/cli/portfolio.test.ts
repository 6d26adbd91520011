/**
 * `som portfolio` over a folder of generated workbooks, one with an input issue and one that is not an .xlsx
 * at all: the sums per actor and calendar year must equal the single-workbook results added up, the broken
 * files are listed with located issues, and the run still exits 0. Plus the price-level rule of the sums.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { combinePortfolio, type InterventionSummary } from "../../src/app/portfolio";
import { loadScenario } from "../../src/app/load-scenario";
import { calculate } from "../../src/engine/calculate";
import { FileWorkbook } from "../../src/file/file-workbook";
import { writeWorkbookSpec } from "../../src/file/write-workbook-spec";
import { buildTemplateSpec } from "../../src/workbook/layout/build-template-spec";
import { EXAMPLE_DATA } from "../../src/workbook/layout/example-data";
import type { UncertaintyTemplateData } from "../../src/workbook/layout/uncertainty-page";
import { variant } from "../../bench/portfolio.bench";
import { som } from "./som";

describe("som portfolio over a folder", () => {
  let dir = "";
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "som-portfolio-"));
    for (let i = 0; i < 4; i++)
      await writeWorkbookSpec(
        buildTemplateSpec({ lang: "da", data: variant(i) }),
        path.join(dir, `ok-${i}.xlsx`),
      );
    // an input issue: a horizon of 99 years
    await writeWorkbookSpec(
      buildTemplateSpec({
        lang: "da",
        data: { ...EXAMPLE_DATA, settings: { ...EXAMPLE_DATA.settings, horizon: 99 } },
      }),
      path.join(dir, "bad-horizon.xlsx"),
    );
    fs.writeFileSync(path.join(dir, "not-a-workbook.xlsx"), "plain text");
    fs.writeFileSync(path.join(dir, "notes.txt"), "ignored: not .xlsx");
  }, 120000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("sums net per actor and year exactly as the single workbooks do, and lists the broken files", async () => {
    const r = await som(["portfolio", dir, "--json", "--sort", "net"]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out) as {
      interventions: {
        file: string;
        ok: boolean;
        name?: string;
        total?: { netTotal: number };
        issues?: { code: string; sheet: string | null; cell: string | null; message: string }[];
      }[];
      byActorYear: Record<string, Record<string, number>>;
      calculated: number;
      failed: number;
    };
    expect([doc.calculated, doc.failed]).toEqual([4, 2]);
    // sorted by Σ NR, best first; the broken files last
    const nets = doc.interventions.filter((e) => e.ok).map((e) => e.total?.netTotal ?? NaN);
    expect([...nets].sort((a, b) => b - a)).toEqual(nets);
    const bad = doc.interventions.filter((e) => !e.ok);
    expect(bad.map((e) => path.basename(e.file)).sort()).toEqual(["bad-horizon.xlsx", "not-a-workbook.xlsx"]);
    const horizon = bad.find((e) => e.file.endsWith("bad-horizon.xlsx"))?.issues?.[0];
    expect(horizon?.sheet).toBe("Indstillinger");
    expect(horizon?.cell).toMatch(/^B[0-9]+$/);
    expect(bad.find((e) => e.file.endsWith("not-a-workbook.xlsx"))?.issues?.[0]?.code).toBe(
      "file-unreadable",
    );

    // The independent route: each workbook calculated on its own, net added per actor and calendar year.
    const want = new Map<string, Map<number, number>>();
    for (let i = 0; i < 4; i++) {
      const loaded = await loadScenario(await FileWorkbook.open(path.join(dir, `ok-${i}.xlsx`)));
      if (!loaded.ok) throw new Error("variant does not load");
      const res = calculate(loaded.scenario);
      res.actors.forEach((a, k) => {
        const row = want.get(a.name) ?? new Map<number, number>();
        want.set(a.name, row);
        res.years.forEach((y, t) => row.set(y, (row.get(y) ?? 0) + (res.byActor[k]?.net[t] ?? 0)));
      });
    }
    expect(Object.keys(doc.byActorYear).sort()).toEqual([...want.keys()].sort());
    for (const [actor, row] of want) {
      expect(Object.keys(doc.byActorYear[actor] ?? {}).map(Number)).toEqual([...row.keys()]);
      for (const [y, x] of row) expect(doc.byActorYear[actor]?.[String(y)]).toBeCloseTo(x, 6);
    }
    expect(r.err).toMatch(/Portefølje: 6 af 6 projektmapper behandlet \(2 med fejl\)/);
  }, 120000);

  it("writes the Portefølje sheet with --out and exits 2 when nothing calculates", async () => {
    const out = path.join(dir, "..", `portefolje-${path.basename(dir)}.xlsx`);
    try {
      const r = await som([
        "portfolio",
        path.join(dir, "ok-0.xlsx"),
        path.join(dir, "ok-1.xlsx"),
        "--out",
        out,
      ]);
      expect(r.code).toBe(0);
      expect(r.out).toContain("Nettoresultat pr. aktør og år, summeret");
      const wb = await FileWorkbook.open(out);
      expect((await wb.listSheets()).map((s) => s.name)).toEqual(["Portefølje"]);
    } finally {
      fs.rmSync(out, { force: true });
    }
    const none = await som(["portfolio", path.join(dir, "bad-horizon.xlsx"), "--json"]);
    expect(none.code).toBe(2);
  }, 120000);
});

describe("combinePortfolio: the common price level", () => {
  const entry = (
    file: string,
    priceLevel: number,
    index: [number, number][],
    net: number[],
  ): InterventionSummary => ({
    file,
    ok: true,
    name: file,
    priceLevel,
    priceIndex: index,
    years: [2025, 2026],
    total: {
      netTotal: 0,
      presentValue: 0,
      breakEvenYear: null,
      returnPerKrone: null,
      breakEvenSuccessFactor: null,
      probabilityPositive: null,
    },
    actors: [
      {
        name: "Kommune",
        level: "Kommune",
        figures: {
          netTotal: 0,
          presentValue: 0,
          breakEvenYear: null,
          returnPerKrone: null,
          breakEvenSuccessFactor: null,
          probabilityPositive: null,
        },
        net,
      },
    ],
    successRates: [],
    simulationIssues: [],
  });

  it("converts to the highest price level with each workbook's own index, and leaves out (with an issue) what it cannot convert", () => {
    const doc = combinePortfolio([
      entry(
        "a.xlsx",
        2023,
        [
          [2023, 100],
          [2025, 110],
        ],
        [100, 200],
      ), // × 110/100
      entry("b.xlsx", 2025, [], [1, 2]), // at 2025 already
      entry("c.xlsx", 2024, [[2024, 100]], [1000, 1000]), // no I(2025): left out
    ]);
    expect(doc.priceLevel).toBe(2025);
    expect(doc.byActorYear["Kommune"]?.["2025"]).toBeCloseTo(100 * 1.1 + 1, 9);
    expect(doc.byActorYear["Kommune"]?.["2026"]).toBeCloseTo(200 * 1.1 + 2, 9);
    expect(doc.issues.map((i) => [i.code, i.file])).toEqual([["portfolio-price-level", "c.xlsx"]]);
    expect(doc.issues[0]?.message).toContain("prisindekset har ikke både 2024 og 2025");
  });

  it("uses the price level asked for", () => {
    const doc = combinePortfolio(
      [
        entry(
          "a.xlsx",
          2023,
          [
            [2023, 100],
            [2025, 110],
          ],
          [110, 220],
        ),
      ],
      { priceLevel: 2023 },
    );
    expect(doc.byActorYear["Kommune"]).toEqual({ "2025": 110, "2026": 220 });
  });
});

describe("som portfolio: P(Σ NR > 0) where a workbook has simulation settings", () => {
  // The example (examples/README.md): Σ V = 10.940.113,80 kr. at r = 12,6 %, Σ C = 6.855.000 kr.; V is linear in r
  // and C does not depend on r. With every drawn rate ≥ 90 %, Σ V ≥ 10.940.113,80 × 0,9 / 0,126 ≈ 78 mio. > Σ C:
  // every iteration has Σ NR > 0 → P = 1. With every rate ≤ 0,1 %, Σ V ≤ 10.940.113,80 × 0,001 / 0,126 ≈ 87.000
  // < Σ C → P = 0. A workbook without SOM_Usikkerhed rows has no probability (null).
  let dir = "";
  const sim = (low: number, high: number): UncertaintyTemplateData => ({
    inputs: [{ parameter: "Succesrate", distribution: "Uniform", low, high }],
    iterations: 50,
    seed: 7,
  });
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "som-portfolio-sim-"));
    await writeWorkbookSpec(
      buildTemplateSpec({ lang: "da", data: EXAMPLE_DATA, uncertainty: sim(0.9, 1) }),
      path.join(dir, "a-high.xlsx"),
    );
    await writeWorkbookSpec(
      buildTemplateSpec({ lang: "da", data: EXAMPLE_DATA, uncertainty: sim(0, 0.001) }),
      path.join(dir, "b-low.xlsx"),
    );
    await writeWorkbookSpec(
      buildTemplateSpec({ lang: "da", data: EXAMPLE_DATA }),
      path.join(dir, "c-none.xlsx"),
    );
  }, 120000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("lists P(Σ NR > 0) per intervention from its own simulation settings", async () => {
    const r = await som(["portfolio", dir, "--json"]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out) as {
      interventions: { file: string; total: { probabilityPositive: number | null } }[];
    };
    expect(doc.interventions.map((e) => [path.basename(e.file), e.total.probabilityPositive])).toEqual([
      ["a-high.xlsx", 1],
      ["b-low.xlsx", 0],
      ["c-none.xlsx", null],
    ]);
  }, 120000);

  it("sorts by P(Σ NR > 0), highest first, workbooks without a simulation last", async () => {
    const r = await som([
      "portfolio",
      path.join(dir, "c-none.xlsx"),
      path.join(dir, "b-low.xlsx"),
      path.join(dir, "a-high.xlsx"),
      "--json",
      "--sort",
      "probability",
    ]);
    const doc = JSON.parse(r.out) as { interventions: { file: string }[] };
    expect(doc.interventions.map((e) => path.basename(e.file))).toEqual([
      "a-high.xlsx",
      "b-low.xlsx",
      "c-none.xlsx",
    ]);
  }, 120000);
});
