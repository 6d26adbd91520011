/**
 * The Usikkerhed section's view model (pure, Node): the cards (P(Σ NR > 0) and P5/P50/P95 per actor, level with
 * several actors, total), the sentence, the fan chart's default block, and the fan chart's geometry worked out
 * by hand.
 */
import type { SimulationResult, SimulationSummary } from "../../src/engine/simulation/simulate";
import type { Actor, Level } from "../../src/engine/types";
import { fanModel, simulationView } from "../../src/taskpane/panels/sensitivity/uncertainty-view";

/** A summary with the given P(Σ NR > 0) and P5/P50/P95 of Σ NR (the rest is not shown by the cards). */
function summary(p: number, p5: number, p50: number, p95: number): SimulationSummary {
  const stats = { mean: p50, p5, p50, p95 };
  return {
    netTotal: stats,
    presentValue: stats,
    probabilityPositive: p,
    breakEvenYears: [{ year: null, share: 1 }],
    cumulative: { p5: [p5], p50: [p50], p95: [p95] },
  };
}

/** Two actors on level Kommune, one on Stat. */
function result(): SimulationResult {
  const actors: Actor[] = [
    { name: "Jobcenter", level: "Kommune" as Level },
    { name: "Skole", level: "Kommune" as Level },
    { name: "Staten", level: "Stat" as Level },
  ];
  return {
    seed: 7,
    iterations: 12345,
    inputs: [{ parameter: "costs", distribution: { kind: "uniform", low: -0.1, high: 0.1 } }],
    years: [2026],
    actors,
    byActor: [summary(0.5, -1000, 0, 1000), summary(0.125, -2000.5, -10, 3), summary(1, 5, 6, 7)],
    byLevel: new Map<Level, SimulationSummary>([
      ["Kommune" as Level, summary(0.8349, -1234567.5, 2.5, 99)],
      ["Stat" as Level, summary(1, 5, 6, 7)],
    ]),
    total: summary(0.99, 1, 2, 3),
    draws: [new Float64Array(0)],
    netByActor: [],
  };
}

describe("simulationView", () => {
  it("shows one card per actor, per level with several actors and the total; a one-actor level has none", () => {
    const v = simulationView(result(), "da");
    expect(v.rows.map((r) => [r.key, r.who, r.kind])).toEqual([
      ["actor:0", "Jobcenter", "actor"],
      ["actor:1", "Skole", "actor"],
      ["actor:2", "Staten", "actor"],
      ["level:Kommune", "Niveau Kommune", "level"],
      ["total", "I alt", "total"],
    ]);
  });

  it("rounds the probability to whole percent and the percentiles to whole kroner, in Danish format", () => {
    const v = simulationView(result(), "da");
    const kommune = v.rows.find((r) => r.key === "level:Kommune");
    // 0,8349 → 83 %; −1.234.567,5 kr. → −1.234.568 kr. (half away from zero); 2,5 → 3
    expect(kommune).toMatchObject({ probability: "83 %", share: 0.8349, p50: "3 kr.", p95: "99 kr." });
    expect(kommune?.p5).toMatch(/^-1\.234\.568 kr\.$/);
    expect(v.rows.find((r) => r.key === "actor:1")?.probability).toBe("13 %"); // 12,5 % → 13 %
  });

  it("says the sentence about the kommune level and starts the fan chart there", () => {
    const v = simulationView(result(), "da");
    expect(v.sentence).toBe(
      "I 83 % af simuleringerne giver indsatsen overskud for kommunen inden for tidshorisonten.",
    );
    expect(v.headlineKey).toBe("level:Kommune");
    expect(v.settings).toBe("12.345 iterationer, seed 7, 1 usikre input.");
    expect(simulationView(result(), "en").settings).toBe("12,345 iterations, seed 7, 1 uncertain inputs.");
  });

  it("with one Kommune actor the fan chart starts at that actor; without a kommune at the total", () => {
    const one = { ...result() };
    const actors = [one.actors[0] as Actor, one.actors[2] as Actor];
    const r1: SimulationResult = {
      ...one,
      actors,
      byActor: [one.byActor[0] as SimulationSummary, one.byActor[2] as SimulationSummary],
    };
    expect(simulationView(r1, "da").headlineKey).toBe("actor:0");
    expect(simulationView(r1, "da").rows.map((r) => r.key)).toEqual(["actor:0", "actor:1", "total"]);
    const noKommune: SimulationResult = {
      ...one,
      actors: [one.actors[2] as Actor],
      byActor: [one.byActor[2] as SimulationSummary],
      byLevel: new Map([["Stat" as Level, one.byActor[2] as SimulationSummary]]),
    };
    const v = simulationView(noKommune, "da");
    expect(v.headlineKey).toBe("total");
    expect(v.sentence).toBe(
      "I 99 % af simuleringerne giver indsatsen overskud for den offentlige sektor samlet inden for tidshorisonten.",
    );
  });
});

describe("fanModel", () => {
  // Plot: x from 62 to 302, y from 156 (bottom) to 10 (top). Values −10…10 → nice step 5, axis −10…10, so
  // y(v) = 156 − 146·(v + 10)/20: y(−10) = 156, y(−5) = 119,5, y(0) = 83, y(5) = 46,5, y(10) = 10;
  // three years: x = 62, 182, 302.
  const m = fanModel([2026, 2027, 2028], { p5: [-10, -5, 0], p50: [-5, 0, 5], p95: [0, 5, 10] }, "da");

  it("draws the band from P95 left to right, then P5 right to left", () => {
    expect(m.band).toBe("62,83 182,46.5 302,10 302,83 182,119.5 62,156");
  });

  it("draws the median (P50) line", () => {
    expect(m.median).toBe("62,119.5 182,83 302,46.5");
  });

  it("puts nice ticks from −10 to 10 kr. in steps of 5 and the zero line at y = 83", () => {
    expect(m.yTicks.map((t) => [t.value, t.y])).toEqual([
      [-10, 156],
      [-5, 119.5],
      [0, 83],
      [5, 46.5],
      [10, 10],
    ]);
    expect(m.yTicks[2]?.label).toBe("0 kr.");
    expect(m.zeroY).toBe(83);
    expect(m.xTicks.map((t) => [t.x, t.label])).toEqual([
      [62, "2026"],
      [182, "2027"],
      [302, "2028"],
    ]);
  });
});
