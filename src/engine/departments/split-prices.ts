/**
 * Municipal departments (forvaltninger): split a kommune's price of each service between departments with a
 * distribution key, giving one price column per department (som-method.md §1: several actors may share a
 * level). Departments are ordinary actors with level Kommune, so results add up to the Kommune level.
 *
 * Rules [D]:
 * - A distribution key gives, per service, each department's share (0–1) of the kommune's price.
 * - Department price = share × kommune price (kroner at the price row's own price year).
 * - What the key does not distribute (1 − Σ shares, also a service with no key) stays with the kommune
 *   actor itself ("fælles/ufordelt"), so the department prices plus the remainder always sum to the
 *   kommune price and the Kommune level's result is unchanged by a split.
 * - Shares below 0, above 1, not finite, or summing above 1 (beyond 1e-9) are issues; nothing is split then.
 */
import { textKey } from "../text-key";

/** A suggested starting list of typical Danish municipal departments; the user edits it [D]. */
export const DEPARTMENT_SUGGESTIONS: readonly { readonly da: string; readonly en: string }[] = [
  { da: "Beskæftigelse", en: "Employment" },
  { da: "Børn og unge", en: "Children and youth" },
  { da: "Social/voksen", en: "Social services (adults)" },
  { da: "Sundhed og ældre", en: "Health and elderly care" },
  { da: "Skole", en: "Schools" },
];

/** One service's kommune price, in kroner per unit at the row's price year. */
export interface KommunePrice {
  readonly service: string;
  readonly priceKr: number;
}

/** Shares of one service's kommune price borne by each department, in the order of the department list. */
export interface DistributionKey {
  readonly service: string;
  /** Shares 0–1, one per department (missing entries = 0). */
  readonly shares: readonly number[];
}

/** The split of one service. */
export interface SplitPrice {
  readonly service: string;
  /** One price per department, in the order of the department list. */
  readonly departmentPricesKr: readonly number[];
  /** What stays with the kommune actor itself: price − Σ department prices. */
  readonly remainderKr: number;
}

export interface DepartmentIssue {
  readonly code:
    | "share-out-of-range"
    | "shares-above-one"
    | "duplicate-department"
    | "no-departments"
    | "blank-department"
    | "duplicate-key";
  readonly message: { readonly da: string; readonly en: string };
  readonly service?: string;
  readonly department?: string;
}

export type SplitOutcome =
  | { readonly ok: true; readonly value: readonly SplitPrice[]; readonly undistributed: readonly string[] }
  | { readonly ok: false; readonly issues: readonly DepartmentIssue[] };

const SUM_TOLERANCE = 1e-9;
const key = textKey;

/**
 * Splits each kommune price between the departments by the distribution key.
 * `undistributed` lists the services whose price is not (fully) distributed, for a notice.
 *
 * @example
 *   splitPrices([{ service: "Kontanthjælp", priceKr: 1000 }], ["Beskæftigelse", "Social/voksen"],
 *     [{ service: "Kontanthjælp", shares: [0.8, 0.2] }])
 *   // → departmentPricesKr [800, 200], remainderKr 0
 */
export function splitPrices(
  prices: readonly KommunePrice[],
  departments: readonly string[],
  keys: readonly DistributionKey[],
): SplitOutcome {
  const issues: DepartmentIssue[] = [];
  if (departments.length === 0) {
    issues.push({
      code: "no-departments",
      message: { da: "Angiv mindst én forvaltning.", en: "Give at least one department." },
    });
  }
  const seen = new Set<string>();
  for (const d of departments) {
    if (d.trim() === "") {
      issues.push({
        code: "blank-department",
        message: { da: "En forvaltning mangler et navn.", en: "A department has no name." },
      });
    } else if (seen.has(key(d))) {
      issues.push({
        code: "duplicate-department",
        department: d,
        message: { da: `Forvaltningen "${d}" står to gange.`, en: `The department "${d}" is listed twice.` },
      });
    }
    seen.add(key(d));
  }
  const byService = new Map<string, DistributionKey>();
  for (const k of keys) {
    if (byService.has(key(k.service))) {
      issues.push({
        code: "duplicate-key",
        service: k.service,
        message: {
          da: `Ydelsen "${k.service}" har to fordelingsnøgler.`,
          en: `The service "${k.service}" has two distribution keys.`,
        },
      });
    }
    byService.set(key(k.service), k);
    let sum = 0;
    k.shares.forEach((share, i) => {
      const department = departments[i] ?? "";
      if (!Number.isFinite(share) || share < 0 || share > 1) {
        issues.push({
          code: "share-out-of-range",
          service: k.service,
          department,
          message: {
            da: `Andelen for "${department}" på "${k.service}" skal være mellem 0 og 100 %.`,
            en: `The share of "${department}" for "${k.service}" must be between 0 and 100 %.`,
          },
        });
      } else sum += share;
    });
    if (sum > 1 + SUM_TOLERANCE) {
      issues.push({
        code: "shares-above-one",
        service: k.service,
        message: {
          da: `Andelene for "${k.service}" summer til mere end 100 %.`,
          en: `The shares for "${k.service}" add up to more than 100 %.`,
        },
      });
    }
  }
  if (issues.length > 0) return { ok: false, issues };

  const undistributed: string[] = [];
  const value = prices.map((p): SplitPrice => {
    const k = byService.get(key(p.service));
    const departmentPricesKr = departments.map((_, i) => (k?.shares[i] ?? 0) * p.priceKr);
    const distributed = departmentPricesKr.reduce((s, x) => s + x, 0);
    let remainderKr = p.priceKr - distributed;
    // A key summing to 1 leaves only float dust; call that zero so the kommune column reads 0.
    if (Math.abs(remainderKr) <= SUM_TOLERANCE * Math.max(1, Math.abs(p.priceKr))) remainderKr = 0;
    if (remainderKr !== 0) undistributed.push(p.service);
    return { service: p.service, departmentPricesKr, remainderKr };
  });
  return { ok: true, value, undistributed };
}
