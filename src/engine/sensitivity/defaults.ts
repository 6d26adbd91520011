/**
 * Default sensitivity settings [D] (som-method.md §7), used when a workbook has no `SOM_Foelsomhed`,
 * `SOM_Grid_X`/`SOM_Grid_Y` or `SOM_Grid_Resultat`. The template's Følsomhed sheet shows the same kind of
 * values for the user to edit.
 *
 * - One-way / tornado (as the template's Følsomhed sheet): success rate at ½ and 1½ times the base rate
 *   (capped at 100 %); consequences, costs and participants ±25 %; prices ±10 %; the horizon 5 years shorter
 *   and longer (within 1–30; the template types 5 and 15, the same for its default H = 10).
 * - Grid (orientation as the template): success rate on x (columns) 0 %, ⅕ r̄ … 2 r̄ (11 values, those
 *   ≤ 100 %) × consequence change on y (rows) −50 % … +50 % in steps of 10 %; the cells show the total Σ NR.
 * Here r̄ is the mean success rate of the scenario's effects (the common rate when there is one effect).
 */
import type { Scenario } from "../types";
import type { GridAxis, OneWaySetting, ResultSelector } from "./analyses";

/** Mean success rate r̄ of the effects (share 0–1); 0 when there are none. */
export function meanSuccessRate(base: Scenario): number {
  if (base.effects.length === 0) return 0;
  return base.effects.reduce((sum, e) => sum + e.successRate, 0) / base.effects.length;
}

/** The default one-way settings for `base` (see the module comment). */
export function defaultOneWaySettings(base: Scenario): OneWaySetting[] {
  const r = meanSuccessRate(base);
  const h = base.settings.horizon;
  return [
    { parameter: "successRate", low: r * 0.5, high: Math.min(1, r * 1.5) },
    { parameter: "consequences", low: -0.25, high: 0.25 },
    { parameter: "costs", low: -0.25, high: 0.25 },
    { parameter: "prices", low: -0.1, high: 0.1 },
    { parameter: "participants", low: -0.25, high: 0.25 },
    { parameter: "horizon", low: Math.max(1, h - 5), high: Math.min(30, h + 5) },
  ];
}

/** Default y axis: consequence change −50 % … +50 % in steps of 10 % (0 is exactly on the axis). */
export function defaultGridY(): GridAxis {
  return { parameter: "consequences", values: Array.from({ length: 11 }, (_, i) => (i - 5) / 10) };
}

/** Default x axis: success rates r̄·i/5 for i = 0..10 that are ≤ 1 (r̄ itself is at i = 5). */
export function defaultGridX(base: Scenario): GridAxis {
  const r = meanSuccessRate(base);
  if (r === 0) return { parameter: "successRate", values: Array.from({ length: 11 }, (_, i) => i / 10) };
  const values = Array.from({ length: 11 }, (_, i) => (i === 5 ? r : (r * i) / 5)).filter((v) => v <= 1);
  return { parameter: "successRate", values };
}

/** Default grid result: total Σ NR. */
export const DEFAULT_GRID_RESULT: ResultSelector = { measure: "netTotal", scope: { kind: "total" } };
