import {
  breakEvenSuccessFactor,
  breakEvenYear,
  netPerCompleter,
  presentValue,
  returnPerKrone,
} from "../../src/engine/key-figures";

describe("key figures (som-method.md §6)", () => {
  it("the break-even year is the first year from which the cumulative result stays ≥ 0 through H", () => {
    // CNR dips below zero again in year 4, so 2026 does not count: it must stay ≥ 0 through H.
    expect(breakEvenYear([-5, 1, 2, -1, 3, 4], 2025, 0)).toBe(2029);
    expect(breakEvenYear([0, 0], 2025, 0)).toBe(2025);
    expect(breakEvenYear([-1, -1, -0.5], 2025, 0)).toBeNull();
    expect(breakEvenYear([-5, 3, -1e-10], 2025, 1e-9)).toBe(2026);
  });

  it("the present value leaves year 1 undiscounted", () => {
    expect(presentValue([100, 100, 100], 0.1)).toBeCloseTo(100 + 100 / 1.1 + 100 / 1.21, 12);
    expect(presentValue([100, -50], 0)).toBe(50);
  });

  it("return per krone is undefined when costs are zero or negative", () => {
    expect(returnPerKrone(250, 200)).toBe(1.25);
    expect(returnPerKrone(250, 0)).toBeNull();
    expect(returnPerKrone(250, -10)).toBeNull();
  });

  it("the break-even success factor follows the three cases of §6", () => {
    expect(breakEvenSuccessFactor(250_000, 200_000)).toBe(0.8);
    expect(breakEvenSuccessFactor(250_000, -10)).toBe(0); // max(0, ΣC/ΣV)
    expect(breakEvenSuccessFactor(0, 0)).toBe(0); // ΣV = 0 and ΣC ≤ 0
    expect(breakEvenSuccessFactor(0, 100)).toBeNull(); // cannot break even
    expect(breakEvenSuccessFactor(-50, 100)).toBeNull();
  });

  it("never returns Infinity when a divisor is vanishingly small", () => {
    expect(netPerCompleter(-1e-15, 5e-324)).toBeNull();
    expect(returnPerKrone(1e300, 1e-300)).toBeNull();
    expect(breakEvenSuccessFactor(1e-320, 1e10)).toBeNull();
    expect(netPerCompleter(100, 0)).toBeNull();
  });
});
