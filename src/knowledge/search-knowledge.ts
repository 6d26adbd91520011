/**
 * Browsing the knowledge database (som-method.md §8): filter records by kind, target group, service and
 * intervention, and search their text. Pure and deterministic; the result keeps the input order.
 */
import type { KnowledgeRecord, RecordKind, TargetGroupRecord } from "./types";

/** What the user asked for. Every given criterion must hold (AND); absent criteria match everything. */
export interface KnowledgeQuery {
  /** Free text: every word must occur somewhere in the record (title, id, tags, service, source, …). */
  readonly text?: string;
  /** Only these kinds. Empty or absent = all kinds. */
  readonly kinds?: readonly RecordKind[];
  /**
   * A target-group id: the group itself and the effects and consequences that refer to it. Prices belong to
   * no group and are left out when this is set.
   */
  readonly targetGroup?: string;
  /** Part of a service name (prices and consequences), case-insensitive. */
  readonly service?: string;
  /** Part of an intervention name (effects), case-insensitive. */
  readonly intervention?: string;
}

/** Lower-case, whitespace collapsed. Danish letters stay as they are (æ, ø, å are letters of their own). */
export const normalizeSearchText = (s: string): string =>
  s.toLocaleLowerCase("da").replace(/\s+/g, " ").trim();

/** All the text of a record that free-text search looks at. */
export function searchableText(r: KnowledgeRecord): string {
  const parts: string[] = [r.id, r.title, r.provenance.source, String(r.provenance.year), ...(r.tags ?? [])];
  if (r.provenance.note) parts.push(r.provenance.note);
  if (r.gap) parts.push(r.gap.reason, r.gap.where);
  switch (r.kind) {
    case "targetGroup":
      parts.push(r.area, r.successMeasure ?? "");
      break;
    case "effect":
      parts.push(r.intervention, r.outcome, r.design, r.targetGroup ?? "");
      break;
    case "price":
      parts.push(r.service, r.unit);
      break;
    case "consequence":
      parts.push(r.targetGroup, r.successMeasure, r.service, r.unit);
      break;
    case "parameter":
      parts.push(...r.values.map((v) => v.label));
      break;
  }
  return normalizeSearchText(parts.join(" "));
}

/** The target group a record belongs to: its own id for a group, the referenced id for effects and consequences. */
export function targetGroupOf(r: KnowledgeRecord): string | null {
  switch (r.kind) {
    case "targetGroup":
      return r.id;
    case "effect":
      return r.targetGroup;
    case "consequence":
      return r.targetGroup;
    default:
      return null;
  }
}

const contains = (haystack: string, needle: string): boolean =>
  normalizeSearchText(haystack).includes(normalizeSearchText(needle));

/** True when the record meets every criterion of the query. */
export function matchesQuery(r: KnowledgeRecord, q: KnowledgeQuery): boolean {
  if (q.kinds && q.kinds.length > 0 && !q.kinds.includes(r.kind)) return false;
  if (q.targetGroup && targetGroupOf(r) !== q.targetGroup) return false;
  if (q.service) {
    if (r.kind !== "price" && r.kind !== "consequence") return false;
    if (!contains(r.service, q.service)) return false;
  }
  if (q.intervention) {
    if (r.kind !== "effect" || !contains(r.intervention, q.intervention)) return false;
  }
  const words = normalizeSearchText(q.text ?? "")
    .split(" ")
    .filter((w) => w.length > 0);
  if (words.length > 0) {
    const text = searchableText(r);
    if (!words.every((w) => text.includes(w))) return false;
  }
  return true;
}

/**
 * The records that meet the query, in their original order.
 * @example searchKnowledge(records, { kinds: ["price"], text: "fængsel" }) // the prison-day prices
 */
export function searchKnowledge<T extends KnowledgeRecord>(records: readonly T[], q: KnowledgeQuery): T[] {
  return records.filter((r) => matchesQuery(r, q));
}

/** The target groups among the records (for a filter list), in order, each id once. */
export function targetGroupsIn(records: readonly KnowledgeRecord[]): TargetGroupRecord[] {
  const seen = new Set<string>();
  const out: TargetGroupRecord[] = [];
  for (const r of records) {
    if (r.kind === "targetGroup" && !seen.has(r.id)) {
      seen.add(r.id);
      out.push(r);
    }
  }
  return out;
}
