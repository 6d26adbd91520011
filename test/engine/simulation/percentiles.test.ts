import { nearestRank, PercentileError, percentileOfSorted } from "../../../src/engine/simulation/percentiles";

describe("nearest-rank percentiles", () => {
  it("take the value at rank ⌈P·n/100⌉ (hand-counted cases)", () => {
    const xs = Float64Array.of(15, 20, 35, 40, 50); // the textbook example: P30 = 20, P40 = 20, P50 = 35, P100 = 50
    expect(percentileOfSorted(xs, 5)).toBe(15);
    expect(percentileOfSorted(xs, 30)).toBe(20);
    expect(percentileOfSorted(xs, 40)).toBe(20);
    expect(percentileOfSorted(xs, 50)).toBe(35);
    expect(percentileOfSorted(xs, 100)).toBe(50);
    expect(nearestRank(5, 10_000)).toBe(500);
    expect(nearestRank(95, 10_000)).toBe(9500);
    expect(nearestRank(50, 1)).toBe(1);
    expect(nearestRank(95, 3)).toBe(3);
  });

  it("never interpolates: P50 of an even count is the lower middle value", () => {
    expect(percentileOfSorted(Float64Array.of(1, 2, 3, 4), 50)).toBe(2);
  });

  it("reject a percentile outside 1–100 or an empty sample", () => {
    expect(() => nearestRank(0, 5)).toThrow(PercentileError);
    expect(() => nearestRank(101, 5)).toThrow(PercentileError);
    expect(() => nearestRank(50, 0)).toThrow(PercentileError);
  });
});
