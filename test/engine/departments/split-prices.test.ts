import fc from "fast-check";
import { DEPARTMENT_SUGGESTIONS, splitPrices } from "../../../src/engine/departments/split-prices";

describe("splitting kommune prices between departments", () => {
  it("gives each department its share of the kommune price (hand calculation)", () => {
    // Kontanthjælp 1 000 kr.: 80 % Beskæftigelse = 800, 20 % Social/voksen = 200, nothing left.
    // Psykiatri 500 kr.: 30 % Social/voksen = 150; 350 stays with the kommune itself.
    const out = splitPrices(
      [
        { service: "Kontanthjælp", priceKr: 1000 },
        { service: "Psykiatri", priceKr: 500 },
      ],
      ["Beskæftigelse", "Social/voksen"],
      [
        { service: "Kontanthjælp", shares: [0.8, 0.2] },
        { service: "psykiatri ", shares: [0, 0.3] },
      ],
    );
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.value[0]?.departmentPricesKr).toEqual([800, 200]);
    expect(out.value[0]?.remainderKr).toBe(0);
    expect(out.value[1]?.departmentPricesKr).toEqual([0, 150]);
    expect(out.value[1]?.remainderKr).toBe(350);
    expect(out.undistributed).toEqual(["Psykiatri"]);
  });

  it("leaves a service without a key wholly with the kommune", () => {
    const out = splitPrices([{ service: "Skat", priceKr: 42 }], ["Skole"], []);
    expect(out.ok && out.value[0]).toEqual({ service: "Skat", departmentPricesKr: [0], remainderKr: 42 });
  });

  it("reports shares above 100 % in total, shares out of range and duplicate departments, and splits nothing", () => {
    const out = splitPrices(
      [{ service: "Kontanthjælp", priceKr: 1000 }],
      ["Skole", "skole "],
      [
        { service: "Kontanthjælp", shares: [0.7, 0.4] },
        { service: "Psykiatri", shares: [-0.1, 0] },
      ],
    );
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.issues.map((i) => i.code).sort()).toEqual([
      "duplicate-department",
      "share-out-of-range",
      "shares-above-one",
    ]);
  });

  it("treats a department named __proto__ as just a name", () => {
    const out = splitPrices(
      [{ service: "__proto__", priceKr: 10 }],
      ["__proto__"],
      [{ service: "__proto__", shares: [1] }],
    );
    expect(out.ok && out.value[0]?.departmentPricesKr).toEqual([10]);
  });

  it("ships a starter list of typical municipal departments", () => {
    expect(DEPARTMENT_SUGGESTIONS.map((d) => d.da)).toEqual([
      "Beskæftigelse",
      "Børn og unge",
      "Social/voksen",
      "Sundhed og ældre",
      "Skole",
    ]);
  });

  it("always gives department prices plus remainder that sum to the kommune price", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e7, noNaN: true }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 6 }),
        (price, weights) => {
          const total = weights.reduce((s, w) => s + w, 0);
          const shares = total > 1 ? weights.map((w) => w / total / (1 + 1e-12)) : weights;
          const departments = shares.map((_, i) => `Forvaltning ${i}`);
          const out = splitPrices([{ service: "Ydelse", priceKr: price }], departments, [
            { service: "Ydelse", shares },
          ]);
          if (!out.ok) throw new Error(out.issues.map((i) => i.code).join());
          const row = out.value[0];
          if (row === undefined) throw new Error("no row");
          const sum = row.departmentPricesKr.reduce((s, x) => s + x, 0) + row.remainderKr;
          expect(Math.abs(sum - price)).toBeLessThanOrEqual(1e-9 * Math.max(1, price));
          row.departmentPricesKr.forEach((p, i) => expect(p).toBeCloseTo((shares[i] ?? 0) * price, 6));
        },
      ),
    );
  });
});
