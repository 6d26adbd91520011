/**
 * Mixed scenarios for the "why did it move" decomposition (som-method.md §9, [D]).
 *
 * Two validated scenarios A (from) and B (to) are seen as nine factors. A mixed scenario takes each factor
 * from A or from B; every mix is an ordinary `Scenario` that `calculate` computes exactly. The rules below
 * say precisely what "taking costs from B" etc. means when the two scenarios have different shapes
 * (different horizons, lines, effects, services or actors). They are this project's decisions [D]:
 *
 * - Frame (not a factor): start year, price level, perspective, intervention and target group are A's. Both
 *   scenarios must have the same price level P (otherwise kroner would be mixed) and the same perspective
 *   (otherwise the totals would sum different actors); else the decomposition is refused.
 *   Every amount and price is converted to P with its own scenario's price index before mixing
 *   (x_P = x_b × I(P) / I(b), som-method.md §5), so the price index is not a factor.
 * - Actors: the union of both actor lists, matched by name (trimmed, case-insensitive), A's order first.
 *   An actor in both keeps A's level. An actor a scenario does not have has no costs and price 0 there.
 * - `successRates`: the success rate of every effect (by name), with its rates per start-year cohort when it
 *   has them (the follow-up's updated scenario, som-method.md §11). An effect the rate-giving scenario does
 *   not have takes the other scenario's rate — so a new effect shows up under `consequences`, not here.
 * - `participants`: the starters N_s by calculation year, with the operating period D that defines them.
 * - `duration`: v, the years a citizen receives the intervention (som-method.md §2).
 * - `costs`: the whole list of cost lines (kind, actor, amount at P, years); years after the mix's last
 *   calculation year T are dropped (as in the horizon sensitivity, som-method.md §7).
 * - `consequences`: the whole list of consequence lines (effect, service, kind, Δq by year).
 * - `prices`: the price of every service (by name) for every actor (by name). A service the price-giving
 *   scenario does not price takes the other scenario's row — so a new service shows up under
 *   `consequences`; an actor the price-giving scenario does not have gets price 0.
 * - `horizon`: F, the consequence years counted (som-method.md §2).
 * - `horizonMethod`: per cohort or calendar years. The mix's T follows from its D, v, F and method; a
 *   calendar mix whose F is shorter than D + v − 1 simply does not count what falls after T (as in the
 *   horizon sensitivity).
 * - `discountRate`: ρ.
 *
 * With every factor from A the mix computes A's results; with every factor from B it computes B's
 * (totals and per actor; per level too unless an actor changed level). `decompose` checks both.
 */
import { toPriceLevel } from "../price-level";
import { calcYearCount } from "../time";
import type { Actor, ConsequenceLine, CostLine, Effect, PriceRow, Scenario } from "../types";
import { textKey } from "../text-key";

/** The nine factors, in the order tables show them. */
export type DecompositionFactor =
  | "successRates"
  | "participants"
  | "duration"
  | "costs"
  | "consequences"
  | "prices"
  | "horizon"
  | "horizonMethod"
  | "discountRate";

export const DECOMPOSITION_FACTORS: readonly DecompositionFactor[] = [
  "successRates",
  "participants",
  "duration",
  "costs",
  "consequences",
  "prices",
  "horizon",
  "horizonMethod",
  "discountRate",
];

/** Thrown when a mix is asked of scenarios that cannot be mixed (a caller should have checked `canMix`). */
export class MixError extends Error {
  override readonly name = "MixError";
}

/** Name matching used by validation for references (`textKey`). */
const key = textKey;

/** x_P = x_b × I(P) / I(b) with the engine's own conversion (som-method.md §5), so a mix reproduces its scenario exactly. */
const atPriceLevel = (amountKr: number, priceYear: number, s: Scenario): number =>
  toPriceLevel(s, amountKr, priceYear);

/** Why two scenarios cannot be mixed, or null when they can. */
export function mixProblem(
  a: Scenario,
  b: Scenario,
): "different-price-level" | "different-perspective" | null {
  if (a.settings.priceLevel !== b.settings.priceLevel) return "different-price-level";
  return a.settings.perspective === b.settings.perspective ? null : "different-perspective";
}

/** The union frame shared by every mix of A and B: actors, effects and services by name. */
export interface MixFrame {
  readonly actors: readonly Actor[];
  readonly effectNames: readonly string[];
  readonly serviceNames: readonly string[];
}

function unionByKey<T>(first: readonly T[], second: readonly T[], keyOf: (t: T) => string): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  for (const t of [...first, ...second]) {
    const k = keyOf(t);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(t);
  }
  return out;
}

/** The union frame of A and B (A's order first). */
export function mixFrame(a: Scenario, b: Scenario): MixFrame {
  return {
    actors: unionByKey(a.actors, b.actors, (x) => key(x.name)),
    effectNames: unionByKey(a.effects, b.effects, (e) => key(e.name)).map((e) => e.name),
    serviceNames: unionByKey(a.prices, b.prices, (p) => key(p.service)).map((p) => p.service),
  };
}

/**
 * The scenario that takes the factors in `fromB` from B and all others from A (rules in the module comment).
 *
 * @example mixScenarios(a, b, new Set(["costs"])) // A with B's cost lines
 * @throws MixError when the price levels differ.
 */
export function mixScenarios(
  a: Scenario,
  b: Scenario,
  fromB: ReadonlySet<DecompositionFactor>,
  frame = mixFrame(a, b),
): Scenario {
  if (mixProblem(a, b) !== null)
    throw new MixError("Scenarios with different price levels or perspectives cannot be mixed");
  const owner = (f: DecompositionFactor): readonly [Scenario, Scenario] => (fromB.has(f) ? [b, a] : [a, b]);
  const P = a.settings.priceLevel;

  const actorIndex = new Map(frame.actors.map((x, i) => [key(x.name), i] as const));
  const effectIndex = new Map(frame.effectNames.map((n, i) => [key(n), i] as const));
  const serviceIndex = new Map(frame.serviceNames.map((n, i) => [key(n), i] as const));
  const indexOf = (m: ReadonlyMap<string, number>, name: string): number => {
    const i = m.get(key(name));
    if (i === undefined) throw new MixError(`Name missing from the frame: ${name}`);
    return i;
  };

  // time: F, method, v and D (with the participants) — T follows (som-method.md §2)
  const pOwner = owner("participants")[0];
  const time = {
    horizon: owner("horizon")[0].settings.horizon,
    horizonMethod: owner("horizonMethod")[0].settings.horizonMethod,
    duration: owner("duration")[0].settings.duration,
    operatingPeriod: pOwner.settings.operatingPeriod,
  };
  const H = calcYearCount(time);

  // success rates
  const [rateOwner, rateOther] = owner("successRates");
  const rateOf = (name: string): Effect | undefined =>
    rateOwner.effects.find((e) => key(e.name) === key(name)) ??
    rateOther.effects.find((e) => key(e.name) === key(name));
  const effects: Effect[] = frame.effectNames.map((name) => {
    const from = rateOf(name);
    const successRate = from?.successRate ?? 0;
    // Per-cohort rates (follow-up, som-method.md §11) travel with the rate they refine.
    return from?.cohortRates === undefined
      ? { name, successRate }
      : { name, successRate, cohortRates: from.cohortRates };
  });

  // participants (starters N_s, s = 1..D)
  const participants = pOwner.participants.slice();

  // costs
  const cOwner = owner("costs")[0];
  const costs: CostLine[] = [];
  for (const c of cOwner.costs) {
    if (c.fromYear > H) continue;
    const actor = cOwner.actors[c.actor];
    if (actor === undefined) throw new MixError(`Cost line with unknown actor index ${c.actor}`);
    costs.push({
      item: c.item,
      kind: c.kind,
      actor: indexOf(actorIndex, actor.name),
      amountKr: atPriceLevel(c.amountKr, c.priceYear, cOwner),
      priceYear: P,
      fromYear: c.fromYear,
      toYear: Math.min(c.toYear, H),
    });
  }

  // consequences
  const qOwner = owner("consequences")[0];
  const consequences: ConsequenceLine[] = qOwner.consequences.map((q) => {
    const effect = qOwner.effects[q.effect];
    const service = qOwner.prices[q.service];
    if (effect === undefined || service === undefined)
      throw new MixError("Consequence line with an unknown effect or service index");
    return {
      effect: indexOf(effectIndex, effect.name),
      service: indexOf(serviceIndex, service.service),
      unit: q.unit,
      kind: q.kind,
      deltaByYear: q.deltaByYear,
      phase: q.phase,
    };
  });

  // prices
  const [priceOwner, priceOther] = owner("prices");
  const prices: PriceRow[] = frame.serviceNames.map((name) => {
    const inOwner = priceOwner.prices.find((p) => key(p.service) === key(name));
    const source = inOwner === undefined ? priceOther : priceOwner;
    const row = inOwner ?? priceOther.prices.find((p) => key(p.service) === key(name));
    if (row === undefined) throw new MixError(`Service missing from both scenarios: ${name}`);
    const priceKrByActor = frame.actors.map((actor) => {
      const i = source.actors.findIndex((x) => key(x.name) === key(actor.name));
      return i < 0 ? 0 : atPriceLevel(row.priceKrByActor[i] ?? 0, row.priceYear, source);
    });
    return { service: name, unit: row.unit, priceYear: P, priceKrByActor };
  });

  return {
    intervention: a.intervention,
    targetGroup: a.targetGroup,
    settings: {
      startYear: a.settings.startYear,
      ...time,
      perspective: a.settings.perspective,
      priceLevel: P,
      discountRate: owner("discountRate")[0].settings.discountRate,
    },
    actors: frame.actors,
    participants,
    effects,
    costs,
    consequences,
    prices,
    priceIndex: new Map(),
  };
}
