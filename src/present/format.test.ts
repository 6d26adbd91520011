import { formatDecimal, formatKr, formatNumber, formatPercent, formatRatio, roundHalfAway } from "./format";

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
  it("rounds exact halves away from zero, as Excel's #,##0 shows them (one rounding everywhere)", () => {
    // Hand-checked: Excel shows -868016.5 with #,##0 as -868.017 and 2.5 as 3.
    expect(formatKr(-868016.5)).toBe("-868.017 kr.");
    expect(formatKr(868016.5)).toBe("868.017 kr.");
    expect(formatKr(2.5)).toBe("3 kr.");
    expect(formatKr(-0.5)).toBe("-1 kr.");
    expect(roundHalfAway(-868016.5)).toBe(-868017);
    expect(roundHalfAway(-868016.49)).toBe(-868016);
    // 1.005 is stored as 1.00499999999999989…; Excel shows 1.01 with 0.00, and so do we.
    expect(formatRatio(1.005)).toBe("1,01");
    expect(formatPercent(0.0125)).toBe("1,3 %");
  });
  it("formats decimals without trailing zeros", () => {
    expect(formatDecimal(0.25)).toBe("0,25");
    expect(formatDecimal(3)).toBe("3");
    expect(formatNumber(1234.5, "en")).toBe("1,235");
  });
});
