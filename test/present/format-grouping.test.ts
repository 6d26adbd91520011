/**
 * `formatGrouped` groups the digits by hand (so that `som calculate` does not pay for loading the locale data,
 * issue 13). The independent route is `Intl.NumberFormat` itself: for every number, language and decimal range
 * the two must write the same text.
 */
import fc from "fast-check";
import { formatGrouped, formatKr, formatPercent, roundHalfAway, type Lang } from "../../src/present/format";

const intl = (value: number, lang: Lang, min: number, max: number): string =>
  new Intl.NumberFormat(lang === "da" ? "da-DK" : "en-GB", {
    minimumFractionDigits: min,
    maximumFractionDigits: max,
    useGrouping: true,
  }).format(value);

const langs: readonly Lang[] = ["da", "en"];

describe("formatGrouped writes what Intl.NumberFormat writes", () => {
  it("on hand-picked numbers (grouping, signs, padding, huge and tiny values, -0, NaN, ±∞)", () => {
    const values = [
      0,
      -0,
      1,
      -1,
      12,
      123,
      1234,
      -1234,
      12345,
      123456,
      1234567,
      -868017,
      1234.5,
      0.25,
      3.5,
      0.035,
      1.005,
      999999.995,
      2 ** 53,
      2 ** 60,
      1e20,
      1e21,
      1.25e25,
      1e-7,
      5e-324,
      Number.MAX_VALUE,
      NaN,
      Infinity,
      -Infinity,
      1 / 3,
      -2 / 3,
    ];
    for (const lang of langs)
      for (const [min, max] of [
        [0, 0],
        [0, 1],
        [0, 2],
        [1, 1],
        [2, 2],
        [0, 3],
      ] as const)
        for (const v of values)
          expect([v, formatGrouped(v, lang, min, max)]).toEqual([v, intl(v, lang, min, max)]);
  });

  it("spells the Danish and English separators out", () => {
    expect(formatGrouped(1234567.25, "da", 0, 2)).toBe("1.234.567,25");
    expect(formatGrouped(1234567.25, "en", 0, 2)).toBe("1,234,567.25");
    expect(formatGrouped(-3, "da", 1, 1)).toBe("-3,0");
    expect(formatKr(-868016.5)).toBe("-868.017 kr.");
    expect(formatPercent(0.035)).toBe("3,5 %");
  });

  it("on random doubles and on the rounded values the formatters pass it", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.double(),
          fc.double({ min: -1e12, max: 1e12 }),
          fc.integer().map((i) => i / 100),
        ),
        fc.constantFrom(...langs),
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 0, max: 3 }),
        (value, lang, a, b) => {
          const [min, max] = a <= b ? [a, b] : [b, a];
          expect(formatGrouped(value, lang, min, max)).toBe(intl(value, lang, min, max));
          const rounded = roundHalfAway(value, max);
          expect(formatGrouped(rounded, lang, min, max)).toBe(intl(rounded, lang, min, max));
        },
      ),
      { numRuns: 5000 },
    );
  });
});
