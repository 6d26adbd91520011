import fc from "fast-check";
import { calculate } from "../../../src/engine/calculate";
import { applyParameter, type SensitivityParameter } from "../../../src/engine/sensitivity/parameters";
import {
  breakEvenValues,
  oneWay,
  tornado,
  twoWayGrid,
  type ResultScope,
} from "../../../src/engine/sensitivity/analyses";

import { baseCaseRaw, valid, type BaseCaseEdits } from "./base-case";

const raw = baseCaseRaw;

const base = valid(raw());
const total = { kind: "total" } as const;
const kommune: ResultScope = { kind: "actor", actor: 0 };

describe("each sensitivity parameter equals a direct recomputation with hand-edited inputs", () => {
  const cases: [SensitivityParameter, number, BaseCaseEdits][] = [
    ["successRate", 0.35, { rate: 0.35 }],
    ["consequences", -0.2, { qFactor: 0.8 }],
    ["costs", 0.25, { costFactor: 1.25 }],
    ["prices", -0.1, { pFactor: 0.9 }],
    ["participants", 0.5, { nFactor: 1.5 }],
    ["horizon", 3, { horizon: 3 }],
  ];
  it.each(cases)("%s = %p", (parameter, value, edits) => {
    const viaParameter = calculate(applyParameter(base, parameter, value));
    const direct = calculate(valid(raw(edits)));
    expect(viaParameter.total.netTotal).toBeCloseTo(direct.total.netTotal, 9);
    expect(viaParameter.total.presentValue).toBeCloseTo(direct.total.presentValue, 9);
    viaParameter.byActor.forEach((b, a) =>
      expect(b.net).toEqual(direct.byActor[a]?.net.map((x) => expect.closeTo(x, 9))),
    );
  });

  it("a longer horizon adds years with no completers and keeps the operating period", () => {
    const longer = calculate(applyParameter(base, "horizon", 6));
    expect(longer.years).toEqual([2025, 2026, 2027, 2028, 2029, 2030]);
    // Hand calculation, total per year (base case):
    // Successes: cohort 1 = 10 × 0.2 = 2, cohort 2 = 2.
    // Kontanthjælp (σ=−1, price K100+S300=400): cohort1 Δq y1 −2, y2 −1; cohort2 y2 −2, y3 −1.
    //   V: y1 2·2·400 = 1600; y2 (2·1 + 2·2)·400 = 2400; y3 2·1·400 = 800.
    // Skat (σ=+1, price S200): cohort1 Δq y2 0? no: Δq=[0,1,1] → y1 0, y2 1, y3 1; cohort2 y2 0, y3 1, y4 1.
    //   V: y2 2·1·200 = 400; y3 (2+2)·200 = 800; y4 2·200 = 400.
    // Costs: y1 1000 + 50·10 − 100 + 500 = 1900; y2 1000 + 500 − 100 = 1400.
    // Net: y1 1600 − 1900 = −300; y2 2800 − 1400 = 1400; y3 1600; y4 400; y5 0; y6 0.
    expect(longer.total.net).toEqual([-300, 1400, 1600, 400, 0, 0].map((x) => expect.closeTo(x, 9)));
  });
});

describe("one-way and tornado", () => {
  const settings = [
    { parameter: "successRate", low: 0.1, high: 0.3 },
    { parameter: "costs", low: -0.25, high: 0.25 },
    { parameter: "horizon", low: 2, high: 6 },
  ] as const;

  it("recomputes low and high for every parameter, per actor and in total", () => {
    const a = oneWay(base, settings);
    // Base Σ NR = −300 + 1400 + 1600 + 400 = 3100 (see the hand calculation above).
    expect(a.base.total.netTotal).toBeCloseTo(3100, 9);
    // Costs −25 %: total costs 1900 + 1400 = 3300 → 2475; Σ NR = 6400 − 2475 = 3925.
    expect(a.rows[1]?.low.total.netTotal).toBeCloseTo(3925, 9);
    // Kommune alone at r = 30 %: successes 3 per cohort; Kommune V = Kontanthjælp at 100:
    //   y1 3·2·100 = 600, y2 (3·1 + 3·2)·100 = 900, y3 3·1·100 = 300 → 1800; Kommune costs = 1400 + 1400 = 2800.
    expect(a.rows[0]?.high.byActor[0]?.netTotal).toBeCloseTo(1800 - 2800, 9);
  });

  it("sorts the bars by swing in total Σ NR", () => {
    const t = tornado(base, settings);
    const swings = t.bars.map((b) => b.swing);
    expect([...swings].sort((x, y) => y - x)).toEqual(swings);
    // Success 10 %→30 %: V scales 0.5→1.5 of 6400 → 3200..9600, swing 6400.
    // Costs ±25 %: 3300·0.5 = 1650. Horizon 2..6: H=2 Σ NR = −300 + 1400 = 1100; H=6 = 3100; swing 2000.
    expect(t.bars.map((b) => b.parameter)).toEqual(["successRate", "horizon", "costs"]);
    expect(t.bars[0]?.swing).toBeCloseTo(6400, 9);
    expect(t.bars[1]?.swing).toBeCloseTo(2000, 9);
    expect(t.bars[2]?.swing).toBeCloseTo(1650, 9);
  });
});

describe("two-way grid", () => {
  it("puts y values in rows and x values in columns (asymmetric case)", () => {
    const g = twoWayGrid(
      base,
      { parameter: "successRate", values: [0, 0.2, 0.4] },
      { parameter: "costs", values: [0, 1] },
      { measure: "netTotal", scope: total },
    );
    expect(g.cells).toHaveLength(2); // two y values → two rows
    expect(g.cells[0]).toHaveLength(3); // three x values → three columns
    // Σ NR(r, k) = (r / 0.2)·6400 − (1 + k)·3300.
    const expected = [0, 1].map((k) => [0, 0.2, 0.4].map((r) => (r / 0.2) * 6400 - (1 + k) * 3300));
    g.cells.forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(expected[i]?.[j] ?? NaN, 6)));
    expect(g.baseIndex).toEqual({ x: 1, y: 0 });
    expect(g.baseValue).toBeCloseTo(3100, 9);
  });

  it("refuses the same parameter on both axes", () => {
    expect(() =>
      twoWayGrid(
        base,
        { parameter: "costs", values: [0] },
        { parameter: "costs", values: [0] },
        {
          measure: "netTotal",
          scope: total,
        },
      ),
    ).toThrow("both axes");
  });
});

describe("break-even values", () => {
  it("gives Σ NR = 0 when plugged back, for every actor and the total", () => {
    for (const scope of [total, kommune, { kind: "actor", actor: 1 } as const]) {
      const be = breakEvenValues(base, scope);
      const plug = (p: SensitivityParameter, v: { reachable: boolean; value?: number }): void => {
        if (!v.reachable || v.value === undefined) return;
        const r = calculate(applyParameter(base, p, v.value));
        const block = scope.kind === "total" ? r.total : r.byActor[scope.actor];
        expect(Math.abs(block?.netTotal ?? NaN)).toBeLessThan(1e-6);
      };
      plug("successRate", be.successRate);
      plug("consequences", be.consequenceChange);
      plug("costs", be.costChange);
    }
  });

  it("matches the closed forms of the hand calculation for the total", () => {
    const be = breakEvenValues(base, total);
    // r* = ΣC / V₁ = 3300 / (6400 / 0.2) = 0.103125; c* = 3300/6400 − 1; k* = 6400/3300 − 1.
    expect(be.successRate).toEqual({ reachable: true, value: expect.closeTo(0.103125, 12) });
    expect(be.consequenceChange).toEqual({ reachable: true, value: expect.closeTo(3300 / 6400 - 1, 12) });
    expect(be.costChange).toEqual({ reachable: true, value: expect.closeTo(6400 / 3300 - 1, 12) });
  });

  it("says 'not reachable' when no legal value breaks even", () => {
    // Kommune: V₁ = 1800/0.3 = 6000 at r = 1, costs 2800 → r* = 0.4667 reachable.
    // Stat: costs 500, V at base = 6400 − 1200 = 5200 … reachable too; make an actor with costs and no consequences:
    const noGain = valid({
      ...raw(),
      costs: [{ item: "Opstart", kind: "Opstart", actor: "Stat", amountKr: 100 }],
      consequences: [{ effect: "Job", service: "Kontanthjælp", kind: "Udgift", deltaByYear: [-1] }],
      prices: [{ service: "Kontanthjælp", priceKrByActor: new Map([["Kommune", 100]]) }],
    });
    const stat = breakEvenValues(noGain, { kind: "actor", actor: 1 });
    expect(stat.successRate).toEqual({ reachable: false, reason: "always-negative" });
    expect(stat.consequenceChange).toEqual({ reachable: false, reason: "always-negative" });
    // Stat's costs can fall by 100 % to reach Σ NR = 0: k* = 0/100 − 1 = −1.
    expect(stat.costChange).toEqual({ reachable: true, value: expect.closeTo(-1, 12) });
    const kom = breakEvenValues(noGain, { kind: "actor", actor: 0 });
    // Kommune has consequences and no costs: above zero for every cost change.
    expect(kom.costChange).toEqual({ reachable: false, reason: "always-positive" });
  });

  it("holds for random scenarios (property)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 0.9, noNaN: true }),
        fc.double({ min: 0.1, max: 5, noNaN: true }),
        fc.double({ min: 0.1, max: 5, noNaN: true }),
        (rate, costFactor, qFactor) => {
          const s = valid(raw({ rate, costFactor, qFactor }));
          const be = breakEvenValues(s, total);
          if (be.costChange.reachable) {
            const r = calculate(applyParameter(s, "costs", be.costChange.value));
            expect(Math.abs(r.total.netTotal)).toBeLessThan(1e-6 * (1 + Math.abs(r.total.costTotal)));
          }
          if (be.successRate.reachable) {
            const r = calculate(applyParameter(s, "successRate", be.successRate.value));
            expect(Math.abs(r.total.netTotal)).toBeLessThan(1e-6 * (1 + Math.abs(r.total.costTotal)));
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
