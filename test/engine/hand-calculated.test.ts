/**
 * Three scenarios calculated by hand (som-method.md §2–6). The arithmetic is written out next to each
 * expectation; none of these numbers came from running the program.
 */
import { calculate } from "../../src/engine/calculate";
import type { Level, ResultBlock } from "../../src/engine/types";
import { aConsequenceLine, aCostLine, anActor, anEffect, aPriceRow, aScenario } from "./builders";

/** Compare arrays of kroner to full double precision (relative 1e-12). */
function expectAmounts(actual: readonly number[], expected: readonly number[]): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((a, i) => expect(a).toBeCloseTo(expected[i] ?? NaN, 6));
}
const level = (r: { byLevel: ReadonlyMap<Level, ResultBlock> }, l: Level): ResultBlock => {
  const b = r.byLevel.get(l);
  if (b === undefined) throw new Error(`no level ${l}`);
  return b;
};

describe("scenario A — several actors on the same level (two Kommune departments, Region, Stat)", () => {
  // Start 2025, H = 4, P = 2025, ρ = 5 %, D = 2. Completers N = [20, 10, 0, 0]; effect "Job", r = 30 %.
  // S_c = N_c × r = [6, 3, 0, 0].
  const s = aScenario({
    settings: { startYear: 2025, horizon: 4, priceLevel: 2025, discountRate: 0.05, operatingPeriod: 2 },
    actors: [
      anActor("Beskæftigelse", "Kommune"),
      anActor("Børn og unge", "Kommune"),
      anActor("Region", "Region"),
      anActor("Stat", "Stat"),
    ],
    participants: [
      { calcYear: 1, count: 20 },
      { calcYear: 2, count: 10 },
    ],
    effects: [anEffect("Job", 0.3)],
    costs: [
      aCostLine({ item: "Opstart", kind: "Opstart", actor: "Beskæftigelse", amountKr: 60_000 }),
      aCostLine({ item: "Drift", kind: "Drift", actor: "Beskæftigelse", amountKr: 40_000 }),
      aCostLine({ item: "Sagsbehandling", kind: "PrDeltager", actor: "Børn og unge", amountKr: 1_000 }),
    ],
    consequences: [
      aConsequenceLine({ effect: "Job", service: "Kontanthjælp", kind: "Udgift", deltaByYear: [-6, -6, -3] }),
      aConsequenceLine({ effect: "Job", service: "Psykiatri", kind: "Udgift", deltaByYear: [-2, -1] }),
      aConsequenceLine({
        effect: "Job",
        service: "Indkomstskat",
        kind: "Indtaegt",
        deltaByYear: [10_000, 20_000],
      }),
    ],
    prices: [
      aPriceRow("Kontanthjælp", { Beskæftigelse: 10_000, Stat: 2_000 }),
      aPriceRow("Psykiatri", { "Børn og unge": 500, Region: 1_500 }),
      aPriceRow("Indkomstskat", { Beskæftigelse: 0.2, Stat: 0.3 }),
    ],
  });
  const r = calculate(s);
  const [besk, boern, region, stat] = r.byActor;

  // Use per line, u(t) = Σ_c S_c × σ × Δq(t − c + 1):
  //   Kontanthjælp σΔq = [6, 6, 3]: t1 6×6 = 36; t2 6×6 + 3×6 = 54; t3 6×3 + 3×6 = 36; t4 3×3 = 9.
  //   Psykiatri    σΔq = [2, 1]:    t1 6×2 = 12; t2 6×1 + 3×2 = 12; t3 3×1 = 3;   t4 0.
  //   Skat         σΔq = [10000, 20000]: t1 60.000; t2 6×20.000 + 3×10.000 = 150.000; t3 3×20.000 = 60.000; t4 0.
  it("gives each department its own costs and consequences", () => {
    // Beskæftigelse: C = opstart 60.000 (t1) + drift 40.000 (t1–t2, D = 2).
    expectAmounts(besk!.costs, [100_000, 40_000, 0, 0]);
    // V = 10.000 × [36, 54, 36, 9] + 0,2 × [60.000, 150.000, 60.000, 0]
    expectAmounts(besk!.consequences, [360_000 + 12_000, 540_000 + 30_000, 360_000 + 12_000, 90_000]);
    expectAmounts(besk!.net, [272_000, 530_000, 372_000, 90_000]);
    expectAmounts(besk!.cumulative, [272_000, 802_000, 1_174_000, 1_264_000]);
    // Børn og unge: C = 1.000 × N_t = [20.000, 10.000, 0, 0]; V = 500 × [12, 12, 3, 0].
    expectAmounts(boern!.costs, [20_000, 10_000, 0, 0]);
    expectAmounts(boern!.costsByKind.PrDeltager, [20_000, 10_000, 0, 0]);
    expectAmounts(boern!.consequences, [6_000, 6_000, 1_500, 0]);
    expect(boern!.netTotal).toBeCloseTo(13_500 - 30_000, 6);
    // Region: V = 1.500 × [12, 12, 3, 0], no costs.
    expectAmounts(region!.consequences, [18_000, 18_000, 4_500, 0]);
    // Stat: V = 2.000 × [36, 54, 36, 9] + 0,3 × [60.000, 150.000, 60.000, 0].
    expectAmounts(stat!.consequences, [72_000 + 18_000, 108_000 + 45_000, 72_000 + 18_000, 18_000]);
  });

  it("adds the two Kommune departments into the Kommune level", () => {
    const k = level(r, "Kommune");
    expectAmounts(k.costs, [120_000, 50_000, 0, 0]);
    expectAmounts(k.consequences, [378_000, 576_000, 373_500, 90_000]);
    expect(k.netTotal).toBeCloseTo(1_417_500 - 170_000, 6);
    expect(k.returnPerKrone).toBeCloseTo(1_417_500 / 170_000, 12);
    expect([...r.byLevel.keys()]).toEqual(["Kommune", "Region", "Stat"]);
  });

  it("computes the key figures per department, including undefined ones with a reason", () => {
    expect(besk!.breakEvenYear).toBe(2025);
    expect(besk!.returnPerKrone).toBeCloseTo(1_404_000 / 140_000, 12);
    expect(besk!.breakEvenSuccessFactor).toBeCloseTo(140_000 / 1_404_000, 12);
    // Børn og unge: CNR = [−14.000, −18.000, −16.500, −16.500] never reaches 0.
    expect(boern!.breakEvenYear).toBeNull();
    expect(boern!.undefinedReasons.breakEvenYear).toBe("not-within-horizon");
    expect(boern!.returnPerKrone).toBeCloseTo(13_500 / 30_000, 12);
    expect(boern!.breakEvenSuccessFactor).toBeCloseTo(30_000 / 13_500, 12);
    // Region has no costs: return per krone undefined; f* = max(0, 0 / 40.500) = 0.
    expect(region!.returnPerKrone).toBeNull();
    expect(region!.undefinedReasons.returnPerKrone).toBe("no-costs");
    expect(region!.breakEvenSuccessFactor).toBe(0);
  });

  it("totals, present value (year 1 undiscounted) and net per completer", () => {
    // Total NR = [366.000, 697.000, 468.000, 108.000]; Σ = 1.639.000.
    expectAmounts(r.total.net, [366_000, 697_000, 468_000, 108_000]);
    expect(r.total.netTotal).toBeCloseTo(1_639_000, 6);
    expect(r.total.presentValue).toBeCloseTo(
      366_000 + 697_000 / 1.05 + 468_000 / 1.05 ** 2 + 108_000 / 1.05 ** 3,
      6,
    );
    expect(r.total.netPerCompleter).toBeCloseTo(1_639_000 / 30, 9);
    expect(r.years).toEqual([2025, 2026, 2027, 2028]);
    expect(r.totalCompleters).toBe(30);
    // Cohort 2's Kontanthjælp year 3 falls in t = 4 ≤ H: nothing beyond the horizon.
    expect(r.beyondHorizon).toBe(0);
  });

  it("breaks consequences down by service and by effect", () => {
    expectAmounts(besk!.consequencesByService.get("Kontanthjælp")!, [360_000, 540_000, 360_000, 90_000]);
    expectAmounts(besk!.consequencesByService.get("Indkomstskat")!, [12_000, 30_000, 12_000, 0]);
    expectAmounts(r.total.consequencesByService.get("Psykiatri")!, [24_000, 24_000, 6_000, 0]);
    expectAmounts(r.total.consequencesByEffect.get("Job")!, r.total.consequences);
  });
});

describe("scenario B — price indexation, per-participant and saved costs", () => {
  // Start 2024, H = 3, price level P = 2025, ρ = 0, D = 3. Index: 2022 = 95, 2024 = 100, 2025 = 104.
  // N = [10, 20, 30], r = 25 % ⇒ S = [2,5; 5; 7,5].
  const s = aScenario({
    settings: { startYear: 2024, horizon: 3, priceLevel: 2025, discountRate: 0, operatingPeriod: 3 },
    priceIndex: [
      { year: 2022, index: 95 },
      { year: 2024, index: 100 },
      { year: 2025, index: 104 },
    ],
    participants: [
      { calcYear: 1, count: 10 },
      { calcYear: 2, count: 20 },
      { calcYear: 3, count: 30 },
    ],
    effects: [anEffect("Uddannelse", 0.25)],
    costs: [
      aCostLine({ item: "Mentor", kind: "PrDeltager", amountKr: 5_000, priceYear: 2024 }),
      aCostLine({ item: "Tidligere tilbud", kind: "Sparet", amountKr: 30_000, priceYear: 2022 }),
      aCostLine({ item: "Drift", kind: "Drift", amountKr: 20_000, fromYear: 2 }),
    ],
    consequences: [
      aConsequenceLine({ effect: "Uddannelse", service: "Uddannelseshjælp", deltaByYear: [-2, -4] }),
    ],
    prices: [aPriceRow("Uddannelseshjælp", { Kommune: 8_000 }, { priceYear: 2024 })],
  });
  const r = calculate(s);
  const k = r.byActor[0]!;
  // Mentor at P: 5.000 × 104/100 = 5.200 per completer ⇒ [52.000, 104.000, 156.000].
  // Saved offer at P: 30.000 × 104/95 = 32.842,105… every year of D ⇒ −32.842,105… each year.
  // Drift 20.000 (price year blank = P) from year 2 to D = 3.
  const saved = (30_000 * 104) / 95;

  it("converts every amount to the price level with the index and applies each cost kind", () => {
    expectAmounts(k.costsByKind.PrDeltager, [52_000, 104_000, 156_000]);
    expectAmounts(k.costsByKind.Sparet, [-saved, -saved, -saved]);
    expectAmounts(k.costsByKind.Drift, [0, 20_000, 20_000]);
    expectAmounts(k.costsByKind.Opstart, [0, 0, 0]);
    expectAmounts(k.costs, [52_000 - saved, 124_000 - saved, 176_000 - saved]);
  });

  it("prices consequences at the price level: 8.000 × 104/100 = 8.320 per month", () => {
    // σΔq = [2, 4]: u = [2,5×2, 2,5×4 + 5×2, 5×4 + 7,5×2] = [5, 20, 35]; after H: 7,5 × 4 = 30 months.
    expectAmounts(k.consequences, [8_320 * 5, 8_320 * 20, 8_320 * 35]);
    expect(k.beyondHorizon).toBeCloseTo(8_320 * 30, 6);
    expect(r.beyondHorizon).toBeCloseTo(8_320 * 30, 6);
  });

  it("reports years as calendar years from the start year, and ρ = 0 gives PV = Σ NR", () => {
    expect(r.years).toEqual([2024, 2025, 2026]);
    expect(r.priceLevel).toBe(2025);
    const netTotal = 8_320 * 60 - (52_000 + 124_000 + 176_000 - 3 * saved);
    expect(k.netTotal).toBeCloseTo(netTotal, 6);
    expect(k.presentValue).toBeCloseTo(netTotal, 6);
  });
});

describe("scenario C — consequences run past the horizon and one actor ends negative", () => {
  // Start 2026, H = 3, D = 1, ρ = 3,5 %. N = [40]; r = 10 % ⇒ S_1 = 4.
  // "Behandling" (Udgift) Δq = −1 for 5 years; prices Kommune 5.000, Region 1.000.
  const s = aScenario({
    settings: { startYear: 2026, horizon: 3, priceLevel: 2026, discountRate: 0.035, operatingPeriod: 1 },
    actors: [anActor("Kommune", "Kommune"), anActor("Region", "Region")],
    participants: [{ calcYear: 1, count: 40 }],
    effects: [anEffect("Ophør af misbrug", 0.1)],
    costs: [
      aCostLine({ item: "Opstart", kind: "Opstart", actor: "Kommune", amountKr: 50_000 }),
      aCostLine({ item: "Behandlingsteam", kind: "Drift", actor: "Region", amountKr: 30_000 }),
    ],
    consequences: [
      aConsequenceLine({
        effect: "Ophør af misbrug",
        service: "Behandling",
        deltaByYear: [-1, -1, -1, -1, -1],
      }),
    ],
    prices: [aPriceRow("Behandling", { Kommune: 5_000, Region: 1_000 })],
  });
  const r = calculate(s);
  const [kommune, region] = r.byActor;

  it("counts only years 1–3 and reports consequence years 4–5 as beyond the horizon", () => {
    // u = [4, 4, 4]; beyond = 4 × (1 + 1) = 8 units.
    expectAmounts(kommune!.consequences, [20_000, 20_000, 20_000]);
    expect(kommune!.beyondHorizon).toBeCloseTo(40_000, 9);
    expect(region!.beyondHorizon).toBeCloseTo(8_000, 9);
    expect(r.beyondHorizon).toBeCloseTo(48_000, 9);
  });

  it("Kommune breaks even in 2028; Region ends negative and cannot break even within the horizon", () => {
    expectAmounts(kommune!.cumulative, [-30_000, -10_000, 10_000]);
    expect(kommune!.breakEvenYear).toBe(2028);
    expect(kommune!.presentValue).toBeCloseTo(-30_000 + 20_000 / 1.035 + 20_000 / 1.035 ** 2, 6);
    // Region: C = [30.000, 0, 0] (Drift, D = 1); V = [4.000, 4.000, 4.000].
    expectAmounts(region!.net, [-26_000, 4_000, 4_000]);
    expect(region!.netTotal).toBeCloseTo(-18_000, 9);
    expect(region!.breakEvenYear).toBeNull();
    expect(region!.returnPerKrone).toBeCloseTo(12_000 / 30_000, 12);
    expect(region!.breakEvenSuccessFactor).toBeCloseTo(30_000 / 12_000, 12);
    expect(r.total.netTotal).toBeCloseTo(10_000 - 18_000, 9);
    expect(r.total.netPerCompleter).toBeCloseTo(-8_000 / 40, 12);
  });
});
