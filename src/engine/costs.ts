/**
 * Costs C_{a,t} (som-method.md §3), in kroner at price level P, positive = money spent.
 *
 * | Kind       | Contribution in year t ∈ [f, l]                                        |
 * | Opstart    | A                                                                      |
 * | Drift      | A                                                                      |
 * | PrDeltager | A × R_t, R_t = Σ_{s=t−v+1..t} N_s (citizens in the intervention in t)  |
 * | PrForloeb  | A × N_t (per course, paid in the start year [D])                       |
 * | Sparet     | −A (reduces costs)                                                     |
 *
 * Years after T are not counted (a shorter horizon in a sensitivity variant cuts lines off).
 */
import { toPriceLevel } from "./price-level";
import { calcYearCount, receiving } from "./time";
import type { CostKind, Scenario } from "./types";
import { COST_KINDS } from "./types";

/** Costs of one actor by kind, one array per kind, index 0 = calculation year 1. */
export type CostsByKind = Record<CostKind, number[]>;

function zeros(n: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(0);
  return out;
}

/**
 * Costs per actor (order of `scenario.actors`), by kind, per calculation year.
 * @example costsByActorYear(s)[0].Drift[1] // operating cost of actor 0 in year 2
 */
export function costsByActorYear(scenario: Scenario): CostsByKind[] {
  const H = calcYearCount(scenario.settings);
  const v = scenario.settings.duration;
  const out: CostsByKind[] = scenario.actors.map(() => {
    const byKind = {} as CostsByKind;
    for (const kind of COST_KINDS) byKind[kind] = zeros(H);
    return byKind;
  });
  for (const line of scenario.costs) {
    const amount = toPriceLevel(scenario, line.amountKr, line.priceYear);
    const target = out[line.actor]?.[line.kind];
    if (target === undefined) continue;
    const last = Math.min(line.toYear, H);
    for (let t = Math.max(line.fromYear, 1); t <= last; t++) {
      const i = t - 1;
      switch (line.kind) {
        case "Opstart":
        case "Drift":
          target[i] = (target[i] ?? 0) + amount;
          break;
        case "PrDeltager":
          target[i] = (target[i] ?? 0) + amount * receiving(scenario.participants, v, t);
          break;
        case "PrForloeb":
          target[i] = (target[i] ?? 0) + amount * (scenario.participants[i] ?? 0);
          break;
        case "Sparet":
          target[i] = (target[i] ?? 0) - amount;
          break;
      }
    }
  }
  return out;
}
