import { calculate } from "../../../src/engine/calculate";
import {
  analyseSensitivity,
  breakEvenTable,
  gridRow,
  twoWayGrid,
} from "../../../src/engine/sensitivity/analyses";
import {
  defaultGridX,
  defaultGridY,
  defaultOneWaySettings,
  meanSuccessRate,
} from "../../../src/engine/sensitivity/defaults";
import { applyParameter, checkParameterValue } from "../../../src/engine/sensitivity/parameters";
import { baseCase, baseCaseRaw, valid } from "./base-case";

const base = baseCase();

describe("the horizon parameter", () => {
  it("drops a cost line that starts after the new horizon and cuts one that runs past it", () => {
    const rawWithLate = {
      ...baseCaseRaw(),
      costs: [
        ...baseCaseRaw().costs,
        { item: "Efterværn", kind: "Drift", actor: "Stat", amountKr: 70, fromYear: 3, toYear: 4 },
        { item: "Lang", kind: "Opstart", actor: "Kommune", amountKr: 11, fromYear: 1, toYear: 4 },
      ],
    };
    const variant = calculate(applyParameter(valid(rawWithLate), "horizon", 2));
    // By hand: at H = 2 the late line (years 3–4) is gone and the long one counts in years 1–2 only, so the
    // costs equal the base case's costs at H = 2 plus 11 in each of years 1 and 2.
    const direct = calculate(baseCase({ horizon: 2 }));
    expect(variant.total.costs).toEqual(direct.total.costs.map((c) => c + 11));
    expect(variant.byActor[1]?.costs).toEqual(direct.byActor[1]?.costs);
  });

  it("rejects a value outside 1–30 or a fractional number of years", () => {
    expect(checkParameterValue("horizon", 0)).toBe("horizon-out-of-range");
    expect(checkParameterValue("horizon", 2.5)).toBe("horizon-out-of-range");
    expect(checkParameterValue("successRate", 1.2)).toBe("rate-out-of-range");
    expect(checkParameterValue("costs", -1.01)).toBe("change-below-minus-100");
    expect(checkParameterValue("costs", -1)).toBeNull();
    expect(() => applyParameter(base, "successRate", 2)).toThrow("rate-out-of-range");
  });
});

describe("the two-way grid for other results", () => {
  it("fills the cells with the present value of one actor when asked", () => {
    // Stat's PV at r and price change p: consequences scale by (r/0.2)(1+p), costs (500 in year 1) do not.
    // Stat NR by year at base = V − C = [1200 − 500, 2200, 1400, 400]
    //   (V_Stat: Kontanthjælp at 300 = [1200, 1800, 600, 0], Skat at 200 = [0, 400, 800, 400]).
    const v = [1200, 2200, 1400, 400];
    const pv = (r: number, p: number): number =>
      v.reduce((acc, x, t) => acc + ((r / 0.2) * (1 + p) * x - (t === 0 ? 500 : 0)) / 1.035 ** t, 0);
    const g = twoWayGrid(
      base,
      { parameter: "prices", values: [-0.5, 0, 0.5] },
      { parameter: "successRate", values: [0.1, 0.2] },
      { measure: "presentValue", scope: { kind: "actor", actor: 1 } },
    );
    [0.1, 0.2].forEach((r, i) =>
      [-0.5, 0, 0.5].forEach((p, j) => expect(g.cells[i]?.[j]).toBeCloseTo(pv(r, p), 8)),
    );
    expect(g.baseIndex).toEqual({ x: 1, y: 1 });
  });

  it("gives 0 in every cell for a level without actors", () => {
    const row = gridRow(
      base,
      { parameter: "costs", values: [0, 1] },
      { parameter: "successRate", values: [0.3] },
      { measure: "netTotal", scope: { kind: "level", level: "Region" } },
      0,
    );
    expect(row).toEqual([0, 0]);
  });

  it("marks no base row when the effects have different success rates", () => {
    const twoEffects = valid({
      ...baseCaseRaw(),
      effects: [
        { name: "Job", successRate: 0.2 },
        { name: "Uddannelse", successRate: 0.1 },
      ],
    });
    const g = twoWayGrid(
      twoEffects,
      { parameter: "costs", values: [0] },
      { parameter: "successRate", values: [0.1, 0.2] },
      { measure: "netTotal", scope: { kind: "total" } },
    );
    expect(g.baseIndex).toEqual({ x: 0, y: null });
  });
});

describe("break-even table", () => {
  it("has one entry per actor, in actor order, each giving Σ NR = 0 for that actor", () => {
    const table = breakEvenTable(base);
    expect(table.byActor).toHaveLength(2);
    // Kommune by hand: V₁ = 1200 / 0.2 = 6000, C = 2800 → r* = 2800 / 6000; c* = 2800/1200 − 1; k* = 1200/2800 − 1.
    const k = table.byActor[0];
    expect(k?.successRate).toEqual({ reachable: true, value: expect.closeTo(2800 / 6000, 12) });
    expect(k?.consequenceChange).toEqual({ reachable: true, value: expect.closeTo(2800 / 1200 - 1, 12) });
    expect(k?.costChange).toEqual({ reachable: true, value: expect.closeTo(1200 / 2800 - 1, 12) });
    // Stat by hand: V = 5200 at r = 0.2 → V₁ = 26000, C = 500 → r* = 500/26000.
    expect(table.byActor[1]?.successRate).toEqual({
      reachable: true,
      value: expect.closeTo(500 / 26000, 12),
    });
  });

  it("reports a break-even success rate above 100 % as not reachable", () => {
    // Kommune with costs ×3 (8400): r* = 8400/6000 = 1.4 > 1 → below zero for every legal rate.
    const be = breakEvenTable(baseCase({ costFactor: 3 }));
    expect(be.byActor[0]?.successRate).toEqual({ reachable: false, reason: "always-negative" });
  });
});

describe("defaults", () => {
  it("centre the success-rate axis on the base rate and put 0 % change on the consequence axis", () => {
    expect(meanSuccessRate(base)).toBe(0.2);
    const x = defaultGridX(base);
    expect(x.parameter).toBe("successRate");
    expect(x.values[5]).toBe(0.2);
    expect(x.values[0]).toBe(0);
    expect(x.values[10]).toBeCloseTo(0.4, 15);
    const y = defaultGridY();
    expect(y.parameter).toBe("consequences");
    expect(y.values).toEqual([-0.5, -0.4, -0.3, -0.2, -0.1, 0, 0.1, 0.2, 0.3, 0.4, 0.5]);
  });

  it("keep the success-rate axis within 100 % and cap the one-way high rate", () => {
    const high = baseCase({ rate: 0.8 });
    expect(Math.max(...defaultGridX(high).values)).toBeLessThanOrEqual(1);
    const rate = defaultOneWaySettings(high).find((s) => s.parameter === "successRate");
    expect(rate).toEqual({ parameter: "successRate", low: 0.4, high: 1 });
  });

  it("run through analyseSensitivity with the tornado sorted and the grid the default size", () => {
    const a = analyseSensitivity(base, {
      oneWay: defaultOneWaySettings(base),
      grid: {
        x: defaultGridX(base),
        y: defaultGridY(),
        result: { measure: "netTotal", scope: { kind: "total" } },
      },
    });
    expect(a.tornado.bars).toHaveLength(6);
    expect(a.grid.cells).toHaveLength(11);
    // Base cell: r = 20 %, change 0 % → Σ NR = 3100 (hand calculation in base-case.ts).
    expect(a.grid.cells[5]?.[5]).toBeCloseTo(3100, 9);
    expect(a.grid.baseIndex).toEqual({ x: 5, y: 5 });
  });
});
