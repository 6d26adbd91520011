import { formatKr, formatPercent, formatRatio, roundPreservingSum } from "./format";

describe("Danish number presentation", () => {
  it("groups thousands with dots and ends amounts in kr.", () => {
    expect(formatKr(1234567.4)).toBe("1.234.567 kr.");
    expect(formatKr(-2500.6)).toBe("-2.501 kr.");
  });
  it("writes percentages with a decimal comma and a space", () => {
    expect(formatPercent(0.035)).toBe("3,5 %");
    expect(formatPercent(0.25)).toBe("25 %");
    expect(formatPercent(0.035, "en")).toBe("3.5 %");
  });
  it("never shows a negative zero", () => {
    expect(formatKr(-0.2)).toBe("0 kr.");
  });
  it("formats ratios with two decimals", () => {
    expect(formatRatio(2.634)).toBe("2,63");
  });
  it("rounds parts so that they add up to the rounded total", () => {
    const parts = [0.4, 0.4, 0.4];
    const rounded = roundPreservingSum(parts);
    expect(rounded.reduce((a, b) => a + b, 0)).toBe(Math.round(1.2));
    expect(roundPreservingSum([10.6, 20.3, -5.2])).toEqual([11, 20, -5]);
  });
});
