/**
 * Price level (som-method.md §5): x_P = x_b × I(P) / I(b) for every price and cost amount with price year b.
 * b = P needs no index. Validation guarantees that every needed index year exists.
 */
import type { CalendarYear, Scenario } from "./types";

/** Thrown when an index year is missing — impossible for a validated scenario (a programmer error). */
export class MissingIndexYearError extends Error {
  override readonly name = "MissingIndexYearError";
}

/**
 * The factor I(P) / I(b) that converts kroner at price year `priceYear` to the scenario's price level P.
 * @example priceLevelFactor(s, 2023) // 1.05 when I(2025) = 105 and I(2023) = 100 and P = 2025
 */
export function priceLevelFactor(scenario: Scenario, priceYear: CalendarYear): number {
  const level = scenario.settings.priceLevel;
  if (priceYear === level) return 1;
  const atLevel = scenario.priceIndex.get(level);
  const atYear = scenario.priceIndex.get(priceYear);
  if (atLevel === undefined || atYear === undefined) {
    throw new MissingIndexYearError(`No price index for ${atLevel === undefined ? level : priceYear}`);
  }
  return atLevel / atYear;
}

/** Kroner at price year `priceYear` → kroner at price level P. */
export const toPriceLevel = (scenario: Scenario, amountKr: number, priceYear: CalendarYear): number =>
  amountKr * priceLevelFactor(scenario, priceYear);
