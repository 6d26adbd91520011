/**
 * Sensitivity with Perspektiv = Kun kommune (som-method.md §6, §7; issue 11): only the Kommune actors are
 * reported, so every per-actor figure of the analyses — one-way, tornado, break-even values, the grid's
 * actor result — belongs to a reported actor, and every view labels it with that actor's name. The actors
 * here are interleaved (Jobcenter: Kommune, Region: Region, Social: Kommune), so a label taken from the
 * scenario's actor list instead of the reported ones would put Social's figures under «Region».
 *
 * Hand figures (F = 2 per cohort, v = 1, D = 1, 10 starters, r = 0,4 → S = 4, ρ = 0):
 * - Jobcenter: C = 15.000; V = 4 × 1.000 × (3 + 2) = 20.000; Σ NR = 5.000.
 * - Social: C = 10.000; V = 4 × 5.000 × (1 + 1) = 40.000; Σ NR = 30.000.
 * - Region (left out): C = 5.000; V = 4 × 2.000 × 2 = 16.000.
 * - Total (Kommune only) = 35.000. Break-even success rate of Social: ΣC / V₁ = 10.000 / (40.000 / 0,4) = 0,1.
 */
import { analyseSensitivity, breakEvenTable } from "../../../src/engine/sensitivity/analyses";
import { reportedActors } from "../../../src/engine/calculate";
import type { RawScenario, Scenario } from "../../../src/engine/types";
import { validateScenario } from "../../../src/engine/validate";
import { parseResultSelector, resultSelectorText } from "../../../src/workbook/read/read-sensitivity";
import { renderSensitivitySheet } from "../../../src/workbook/render/sensitivity-sheet";
import { toSensitivityJson } from "../../../src/app/sensitivity-workbook";

const RAW: RawScenario = {
  intervention: "Kun kommune",
  settings: {
    startYear: 2025,
    horizon: 2,
    operatingPeriod: 1,
    discountRate: 0,
    perspective: "kommune",
  },
  actors: [
    { name: "Jobcenter", level: "Kommune" },
    { name: "Region", level: "Region" },
    { name: "Social", level: "Kommune" },
  ],
  participants: [{ calcYear: 1, count: 10 }],
  effects: [{ name: "Job", successRate: 0.4 }],
  costs: [
    { item: "Opstart", kind: "Opstart", actor: "Jobcenter", amountKr: 15000 },
    { item: "Drift region", kind: "Drift", actor: "Region", amountKr: 5000 },
    { item: "Drift social", kind: "Drift", actor: "Social", amountKr: 10000 },
  ],
  consequences: [
    { effect: "Job", service: "Kontanthjælp", kind: "Udgift", deltaByYear: [-3, -2] },
    { effect: "Job", service: "Botilbud", kind: "Udgift", deltaByYear: [-1, -1] },
  ],
  prices: [
    { service: "Kontanthjælp", priceKrByActor: new Map([["Jobcenter", 1000]]) },
    {
      service: "Botilbud",
      priceKrByActor: new Map([
        ["Region", 2000],
        ["Social", 5000],
      ]),
    },
  ],
  priceIndex: [],
};

function scenario(): Scenario {
  const v = validateScenario(RAW);
  if (!v.ok) throw new Error(v.issues.map((i) => i.code).join());
  return v.value;
}

const settings = (s: Scenario) => ({
  oneWay: [{ parameter: "costs" as const, low: 0, high: 1 }],
  grid: {
    x: { parameter: "successRate" as const, values: [0.4] },
    y: { parameter: "consequences" as const, values: [0] },
    result: parseResultSelector("Nettoresultat Social", s)!,
  },
});

describe("sensitivity with Kun kommune", () => {
  it("reports the Kommune actors only, in the scenario's order", () => {
    expect(reportedActors(scenario()).map((a) => a.name)).toEqual(["Jobcenter", "Social"]);
  });

  it("gives one break-even row per reported actor, each that actor's own (Social: 10 %)", () => {
    const be = breakEvenTable(scenario());
    expect(be.byActor).toHaveLength(2);
    const social = be.byActor[1]?.successRate;
    expect(social?.reachable && social.value).toBeCloseTo(0.1, 12);
  });

  it("resolves a grid result by a reported actor's name, and not by a left-out actor's", () => {
    const s = scenario();
    const sel = parseResultSelector("Nettoresultat Social", s);
    expect(sel).toEqual({ measure: "netTotal", scope: { kind: "actor", actor: 1 } });
    expect(resultSelectorText(sel!, s)).toBe("Nettoresultat Social");
    expect(parseResultSelector("Nettoresultat Region", s)).toBeUndefined();
    const a = analyseSensitivity(s, settings(s));
    expect(a.grid.cells[0]?.[0]).toBeCloseTo(30_000, 9);
  });

  it("labels the sheet's one-way and break-even columns with the reported actors' names and states the model", () => {
    const s = scenario();
    const a = analyseSensitivity(s, settings(s));
    const { sheet } = renderSensitivitySheet(a, s, {
      now: new Date(0),
      lang: "da",
      engineVersion: "t",
      inputFingerprint: "x",
    });
    const rows = sheet.blocks.flatMap((b) => b.values);
    const header = rows.find((r) => r[0] === "Parameter" && r[1] === "Variant") ?? [];
    const base = rows[rows.indexOf(header) + 1] ?? [];
    const col = (label: string): number =>
      header.findIndex((x) => typeof x === "string" && x.startsWith(label));
    expect(header.some((x) => typeof x === "string" && x.includes("Region"))).toBe(false);
    expect(base[col("Nettoresultat: Social")] ?? base[col("Social")]).toBe(30_000);
    // «Region» appears once: on the model block's line of left-out actors, which names the perspective.
    expect(rows.filter((r) => r.some((x) => typeof x === "string" && x.includes("Region")))).toEqual([
      ["Udeladt (ikke kommune)", "Region"],
    ]);
    expect(rows.find((r) => r[0] === "Perspektiv")?.[1]).toBe(
      "Kun kommune (kun aktører med niveauet Kommune)",
    );
    expect(rows.find((r) => r[0] === "Horisontmetode")?.[1]).toBe(
      "Pr. kohorte: hvert hold følges 2 år fra afslutningsåret (SØM's praksis)",
    );
  });

  it("keys the JSON's per-actor figures by the reported actors", () => {
    const s = scenario();
    const json = toSensitivityJson(analyseSensitivity(s, settings(s)), s) as {
      base: { byActor: Record<string, { netTotal: number }> };
      breakEven: Record<string, unknown>;
    };
    expect(Object.keys(json.base.byActor)).toEqual(["Jobcenter", "Social"]);
    expect(json.base.byActor.Social?.netTotal).toBeCloseTo(30_000, 9);
    expect(Object.keys(json.breakEven)).toEqual(["Jobcenter", "Social"]);
  });
});
