/**
 * The knowledge database (vidensdatabase, som-method.md §8): effects, target groups, consequences and
 * prices — plus the official parameters a calculation needs (discount rates, index uprating).
 *
 * Every record carries where its numbers come from (`source`), the year they refer to (`year`) and how
 * sure we are (`confidence`). A figure the public record does not give is `null` and the record says where
 * the official figure is (`gap`) — never an invented number.
 */

/**
 * How sure a figure is (shared/reference/knowledge-base-sources.md):
 * - "H": read directly in an official source (ministry, agency, parliament, statistics office);
 * - "M": secondary source (news, NGO, union, consultancy) or partly unreadable;
 * - "L": derived (the arithmetic is in `derivation`) or a weak source.
 */
export type Confidence = "H" | "M" | "L";

/** SØM's evidence levels for effect studies: 1 meta-analysis/RCT, 2 quasi-experiment or controlled before/after, 3 before/after without control. */
export type EvidenceLevel = 1 | 2 | 3;

/** Where a number comes from. Required on every record. */
export interface Provenance {
  /** A URL or a bibliographic reference. */
  readonly source: string;
  /** The year the figure refers to (price year for prices). */
  readonly year: number;
  readonly confidence: Confidence;
  /** Arithmetic for derived figures, e.g. "11.944 kr./md. × 12 / 52". */
  readonly derivation?: string;
  readonly note?: string;
}

/** A figure that is missing from the public record: why, and where the official figure is. */
export interface Gap {
  readonly reason: string;
  /** Where a user with access finds the official figure (e.g. "SØM-regnearket, fanen Konsekvenser"). */
  readonly where: string;
}

interface RecordBase {
  /** Stable id, lower-case letters, digits and underscores: "prison_day_avg". */
  readonly id: string;
  /** Danish title shown in lists. */
  readonly title: string;
  readonly provenance: Provenance;
  readonly gap?: Gap;
  /** Free search words (Danish and English). */
  readonly tags?: readonly string[];
}

export interface TargetGroupRecord extends RecordBase {
  readonly kind: "targetGroup";
  /** "voksne" (adults), "boern_unge" (children and young people), "handicap". */
  readonly area: "voksne" | "boern_unge" | "handicap";
  /** The group's success measure as published, or null (gap). */
  readonly successMeasure: string | null;
  /** True when the group is confirmed as a SØM target group in a source; false = probable, not verified. */
  readonly verifiedSomGroup: boolean;
}

export interface EffectRecord extends RecordBase {
  readonly kind: "effect";
  readonly intervention: string;
  /** Id of a target-group record, or null when the study population is not a SØM group. */
  readonly targetGroup: string | null;
  readonly outcome: string;
  /** Share reaching the outcome with the intervention (0–1), or null. */
  readonly treatedShare: number | null;
  /** Share reaching it without (control group), or null. */
  readonly controlShare: number | null;
  /**
   * Suggested SØM success rate (net of those who would succeed anyway, som-method.md §1):
   * treated − control where both exist; null when no net effect is known.
   */
  readonly suggestedSuccessRate: number | null;
  readonly design: string;
  readonly evidenceLevel: EvidenceLevel | null;
  /** Number of participants in the study. */
  readonly n?: number;
}

/** Per-level amounts in kroner at `provenance.year`; null = not known (gap), 0 = the level pays nothing. */
export interface LevelAmounts {
  readonly Kommune: number | null;
  readonly Region: number | null;
  readonly Stat: number | null;
}

/**
 * What kind of figure a price record holds (knowledge-base-sources.md §7.2):
 * - "pris": a SØM-type price — average unit cost incl. administration, after refusion, split by actor;
 * - "sats": a legal benefit rate (gross, before refusion) — an input to a price, not a price: inserting it
 *   needs the actor split after refusion (and administration is not in it);
 * - "takst": a tariff a provider charges (e.g. a municipality's takst for a place) — not necessarily the
 *   average cost incl. overhead.
 */
export type FigureKind = "pris" | "sats" | "takst";

export interface PriceRecord extends RecordBase {
  readonly kind: "price";
  /** The service (ydelse) as it would appear in SOM_Priser, e.g. "Fængselsdøgn". */
  readonly service: string;
  /** Unit of one use, e.g. "døgn", "uge", "måned", "år". */
  readonly unit: string;
  /** Price per unit for each level, at price year `provenance.year`. */
  readonly amounts: LevelAmounts;
  /** Gross amount before refund where the record is a benefit rate, for transparency. */
  readonly grossAmount?: number;
  /** Kind of figure; a file without it means "pris" (the shipped base always states it). */
  readonly figureKind: FigureKind;
  /** True when the amounts include administration, sagsbehandling and overhead (SØM prices do); null = not known. */
  readonly inklOverhead: boolean | null;
  /** True when the per-level amounts are after refusion (SØM prices are); null = not known. */
  readonly efterRefusion: boolean | null;
  /** Target-group id when the price is specific to a group (SØM has some, e.g. hospital contacts). */
  readonly targetGroup?: string;
  /** First and last day the figure applies, ISO "YYYY-MM-DD" (rates change yearly; the July 2025 reform ends some). */
  readonly gyldigFra?: string;
  readonly gyldigTil?: string;
  /** SØM's main area of economic consequences (hovedområde), as published, e.g. "Politi, retsvæsen og kriminalforsorg". */
  readonly hovedomraade?: string;
}

export interface ConsequenceRecord extends RecordBase {
  readonly kind: "consequence";
  readonly targetGroup: string;
  readonly successMeasure: string;
  /** Service (must match a price record's `service` to be priced). */
  readonly service: string;
  readonly unit: string;
  /** Udgift (less use saves money) or Indtægt (more revenue). */
  readonly consequenceKind: "Udgift" | "Indtaegt";
  /** Δq per successful citizen in consequence years 1..J; null entries are gaps. */
  readonly deltaByYear: readonly (number | null)[];
  /**
   * Whether SØM's "Kvalificering af konsekvenser" (2023 concept) recommends this consequence for the target
   * group: true / false as published; null = not known (no published recommendation read).
   */
  readonly recommended: boolean | null;
}

/** Official parameters: discount rates, index uprating and refusion rules. */
export interface ParameterRecord extends RecordBase {
  readonly kind: "parameter";
  readonly parameter: "discountRate" | "indexUprating" | "refusion";
  /**
   * For discount rates: the rate per band of years; for uprating: the rate per series; for refusion: the
   * state's refund share per stage (e.g. "Uge 1–4" 0,8).
   */
  readonly values: readonly { readonly label: string; readonly value: number }[];
}

export type KnowledgeRecord =
  TargetGroupRecord | EffectRecord | PriceRecord | ConsequenceRecord | ParameterRecord;
export type RecordKind = KnowledgeRecord["kind"];

/** A knowledge file: the shipped starter base, a municipality's own price list, or the workbook's sheet. */
export interface KnowledgeBase {
  /** Schema version of the file format. */
  readonly formatVersion: 1;
  readonly name: string;
  readonly description?: string;
  readonly records: readonly KnowledgeRecord[];
}
