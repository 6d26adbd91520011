/**
 * The pure parts of the task pane (Node, no DOM): key figures per actor, the chart geometry, the string
 * catalogue and error messages. The DOM itself is tested in headless Chromium (test/e2e).
 */
import { axisLabel, chartModel, niceStep } from "../../src/taskpane/calculation/chart";
import { keyFigureRows } from "../../src/taskpane/calculation/key-figures";
import { describeError } from "../../src/taskpane/errors";
import { fill, T } from "../../src/taskpane/i18n";
import { OfficeWriteError } from "../../src/excel/office-errors";
import type { ResultBlock, Results } from "../../src/engine/types";

/** A result block with only what the panel shows; everything else zero. */
function block(b: Partial<ResultBlock> & { cumulative?: number[] }): ResultBlock {
  const zeros = (b.cumulative ?? [0]).map(() => 0);
  return {
    costs: zeros,
    costsByKind: { Opstart: zeros, Drift: zeros, PrDeltager: zeros, PrForloeb: zeros, Sparet: zeros },
    consequences: zeros,
    consequencesByService: new Map(),
    consequencesByEffect: new Map(),
    net: zeros,
    cumulative: zeros,
    costTotal: 0,
    consequenceTotal: 0,
    netTotal: 0,
    presentValue: 0,
    breakEvenYear: null,
    returnPerKrone: null,
    breakEvenSuccessFactor: null,
    netPerCompleter: null,
    beyondHorizon: 0,
    undefinedReasons: {},
    ...b,
  };
}

function results(
  actors: { name: string; level: "Kommune" | "Region" | "Stat" | "Andet"; b: ResultBlock }[],
  total: ResultBlock,
): Results {
  return {
    years: [2025, 2026, 2027],
    priceLevel: 2025,
    discountRate: 0.035,
    actors: actors.map((a) => ({ name: a.name, level: a.level })),
    byActor: actors.map((a) => a.b),
    byLevel: new Map(),
    total,
    beyondHorizon: 0,
    totalCompleters: 10,
    actorIndex: actors.map((_, i) => i),
    excludedActors: [],
    horizon: { method: "calendar", years: 3, calcYears: 3, lastYear: 2027 },
    duration: 1,
    perspective: "public",
    cohorts: [],
  };
}

describe("keyFigureRows", () => {
  it("adds the present value and the critical success rate f* × r (one outcome: a rate; several: one per outcome)", () => {
    const r = results(
      [
        {
          name: "Kommune",
          level: "Kommune",
          // f* = ΣC/ΣV = 0,4 → with r = 25 %: 10 %; with r = 12,6 %: 5,04 % → "5 %"
          b: block({ netTotal: 1, presentValue: 868016.5, breakEvenSuccessFactor: 0.4 }),
        },
        { name: "Region", level: "Region", b: block({ breakEvenSuccessFactor: null }) },
      ],
      block({ presentValue: -868016.5, breakEvenSuccessFactor: 0.5 }),
    );
    const one = keyFigureRows(r, "da", [{ name: "Job", successRate: 0.25 }]);
    expect(one.map((x) => [x.presentValue, x.critical, x.criticalDefined])).toEqual([
      ["868.017 kr.", "10 %", true], // half away from zero, as the sheet's #,##0 shows it
      ["0 kr.", "kan ikke tjene sig hjem", false],
      ["-868.017 kr.", "12,5 %", true],
    ]);
    const two = keyFigureRows(r, "da", [
      { name: "Job", successRate: 0.25 },
      { name: "Bolig", successRate: 0.126 },
    ]);
    expect(two[0]?.critical).toBe("Job: 10 %; Bolig: 5 %");
    expect(keyFigureRows(r, "en", [{ name: "Job", successRate: 0.25 }])[1]?.critical).toBe(
      "cannot break even",
    );
  });

  it("shows Σ net result in Danish kroner, the break-even year and the return per krone for each actor, then the total", () => {
    const r = results(
      [
        {
          name: "Kommune",
          level: "Kommune",
          b: block({ netTotal: 1234567.4, breakEvenYear: 2027, returnPerKrone: 2.634 }),
        },
        {
          name: "Psykiatrien",
          level: "Region",
          b: block({
            netTotal: -500.4,
            returnPerKrone: null,
            undefinedReasons: { returnPerKrone: "no-costs", breakEvenYear: "not-within-horizon" },
          }),
        },
      ],
      block({ netTotal: 1234067, breakEvenYear: 2027, returnPerKrone: 1.5 }),
    );
    expect(keyFigureRows(r, "da")).toEqual([
      expect.objectContaining({
        name: "Kommune",
        level: "Kommune",
        net: "1.234.567 kr.",
        sign: 1,
        breakEven: "2027",
        returnPerKrone: "2,63",
      }),
      expect.objectContaining({
        name: "Psykiatrien",
        level: "Region",
        net: "-500 kr.", // −500,4 kr. rounded to whole kroner
        sign: -1,
        breakEven: "ikke inden for tidshorisonten",
        returnPerKrone: "– (ingen omkostninger)",
      }),
      expect.objectContaining({ name: "I alt", isTotal: true, net: "1.234.067 kr." }),
    ]);
  });

  it("speaks English on request, and leaves out the total for a single actor", () => {
    const one = results(
      [{ name: "Kommune", level: "Kommune", b: block({ netTotal: -1500, breakEvenYear: null }) }],
      block({}),
    );
    expect(keyFigureRows(one, "en")).toEqual([
      expect.objectContaining({
        name: "Kommune",
        level: "Municipality",
        net: "-1,500 kr.",
        sign: -1,
        breakEven: "not within the horizon",
      }),
    ]);
  });
});

describe("the chart's I alt line", () => {
  it("is drawn solid, dark and thicker than the actors' lines", () => {
    const m = chartModel(
      [2025, 2026],
      [
        { name: "Kommune", values: [-1, 2] },
        { name: "Region", values: [0, 1] },
        { name: "I alt", values: [-1, 3], total: true },
      ],
      "da",
    );
    expect(m.lines.map((l) => [l.name, l.width, l.dash])).toEqual([
      ["Kommune", 2, ""],
      ["Region", 2, "6 3"],
      ["I alt", 3, ""],
    ]);
    expect(m.lines[2]?.color).toBe("#242424");
  });
});

describe("chart geometry", () => {
  it("picks 1-2-5 steps", () => {
    expect(niceStep(10)).toBe(5); // 10/4 = 2,5 → 5
    expect(niceStep(4)).toBe(1);
    expect(niceStep(7_000_000)).toBe(2_000_000); // 1,75 mio. → 2 mio.
    expect(niceStep(0)).toBe(1);
  });

  it("labels the axis in kroner below a million and in millions from a million", () => {
    expect(axisLabel(250000, "da")).toBe("250.000 kr.");
    expect(axisLabel(-2_000_000, "da")).toBe("-2 mio. kr.");
    expect(axisLabel(1_500_000, "da")).toBe("1,5 mio. kr.");
    expect(axisLabel(1_500_000, "en")).toBe("1.5 m kr.");
  });

  it("maps values onto the plot: the lowest tick at the bottom, zero on its own line, one point per year", () => {
    const m = chartModel([2025, 2026, 2027], [{ name: "A", values: [-100, 0, 300] }], "da");
    // range −100…300 → step niceStep(400) = 100 → ticks −100, 0, 100, 200, 300
    expect(m.yTicks.map((t) => t.value)).toEqual([-100, 0, 100, 200, 300]);
    const points = (m.lines[0]?.points ?? "").split(" ").map((p) => p.split(",").map(Number));
    expect(points).toHaveLength(3);
    expect(points[0]).toEqual([m.plot.left, m.plot.bottom]); // −100 = bottom-left
    expect(points[2]).toEqual([m.plot.right, m.plot.top]); // 300 = top-right
    // zero is a quarter of the way up: bottom − (bottom − top) × 100/400
    expect(m.zeroY).toBeCloseTo(m.plot.bottom - (m.plot.bottom - m.plot.top) / 4, 1);
  });

  it("labels the first and the last year and never two neighbouring years (10 years)", () => {
    const years = Array.from({ length: 10 }, (_, i) => 2025 + i);
    const m = chartModel(years, [{ name: "A", values: years.map(() => 1) }], "da");
    expect(m.xTicks.map((t) => t.label)).toEqual(["2025", "2027", "2029", "2031", "2034"]);
  });

  it("gives every actor its own colour and dash, and copes with one year and all-zero results", () => {
    const m = chartModel(
      [2025],
      [
        { name: "A", values: [0] },
        { name: "B", values: [0] },
      ],
      "da",
    );
    expect(new Set(m.lines.map((l) => `${l.color}|${l.dash}`)).size).toBe(2);
    expect(m.yTicks.length).toBeGreaterThanOrEqual(2);
    expect(m.lines.every((l) => !/NaN|Infinity/.test(l.points))).toBe(true);
  });
});

describe("UI strings", () => {
  it("has every text in Danish and English, with the same placeholders in both", () => {
    for (const [key, text] of Object.entries(T)) {
      expect(`${key}:${text.da.trim().length > 0}:${text.en.trim().length > 0}`).toBe(`${key}:true:true`);
      const holes = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? "").sort();
      expect(`${key}:${holes(text.da).join(",")}`).toBe(`${key}:${holes(text.en).join(",")}`);
    }
  });

  it("fills placeholders without interpreting user text", () => {
    expect(fill(T.sheetsCreated, { list: "»{list}«, »=cmd«" })).toEqual({
      da: "Oprettet: »{list}«, »=cmd«.",
      en: "Created: »{list}«, »=cmd«.",
    });
  });
});

describe("describeError", () => {
  it("explains Office errors by their code, and names the sheet of a failed write", () => {
    const m = describeError(new OfficeWriteError("InvalidOperationInCellEditMode", [], false));
    expect(m.da).toMatch(/redigere en celle/);
    const w = describeError(new OfficeWriteError("GeneralException", ["Resultater"], true));
    expect(w.da).toMatch(/»Resultater«.*delvist opdateret/);
  });

  it("uses an app error's own message, and otherwise shows the error so it can be reported", () => {
    const own = Object.assign(new Error("x"), {
      userMessage: { da: "Arket er ikke SØM's.", en: "Not SØM's sheet." },
    });
    expect(describeError(own)).toEqual({ da: "Arket er ikke SØM's.", en: "Not SØM's sheet." });
    const bug = describeError(new TypeError("boom"));
    expect(bug.da).toMatch(/TypeError: boom/);
    expect(bug.en).toMatch(/TypeError: boom/);
  });
});
