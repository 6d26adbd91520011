/**
 * One success measure per target group (knowledge-base-sources.md §2, C7): SØM's consequence estimates are
 * conditional on one target group × one success measure, so two effects in one calculation that refer to the
 * same target group would count the same people's consequences twice. The project allows several effects
 * [D]; this module finds the case and words the warning. Pure.
 */
import type { KnowledgeRecord, TargetGroupRecord } from "../knowledge/types";
import { normalizeHeader } from "../workbook/read/block";
import type { InsertionNote } from "./knowledge-insert";

const key = (s: string): string => normalizeHeader(s);

/**
 * Warnings when the effects being inserted and the effects already in `SOM_Effekter` (by name) include two
 * different effects for one target group. An existing effect's group is known when its name is the success
 * measure of a target group or the outcome of an effect record among `known`.
 */
export function sameTargetGroupWarnings(
  existingEffectNames: readonly string[],
  records: readonly KnowledgeRecord[],
  known: readonly KnowledgeRecord[],
): InsertionNote[] {
  const all = [...known, ...records];
  const groups = new Map<string, TargetGroupRecord>();
  for (const r of all) if (r.kind === "targetGroup" && !groups.has(r.id)) groups.set(r.id, r);
  // Effect name (as written into SOM_Effekter) → target group ids.
  const groupsOfName = new Map<string, Set<string>>();
  const link = (name: string | null | undefined, group: string | null): void => {
    if (!name || !group) return;
    const k = key(name);
    const set = groupsOfName.get(k) ?? new Set<string>();
    set.add(group);
    groupsOfName.set(k, set);
  };
  for (const r of all) {
    if (r.kind === "targetGroup") link(r.successMeasure, r.id);
    if (r.kind === "effect") {
      link(r.outcome, r.targetGroup);
      if (r.targetGroup) link(groups.get(r.targetGroup)?.successMeasure, r.targetGroup);
    }
  }
  // Effects in the calculation after insertion: name → group ids.
  const inCalc: { name: string; groups: Set<string>; recordId: string }[] = existingEffectNames
    .filter((n) => n !== "")
    .map((n) => ({ name: n, groups: groupsOfName.get(key(n)) ?? new Set<string>(), recordId: "" }));
  // The name an inserted effect gets (as `planInsertion` names it): its group's success measure when the
  // group is inserted in the same batch, else its outcome.
  const batchMeasure = new Map<string, string>();
  for (const r of records)
    if (r.kind === "targetGroup" && r.successMeasure) batchMeasure.set(r.id, r.successMeasure);
  for (const r of records)
    if (r.kind === "effect" && r.targetGroup) {
      const name = batchMeasure.get(r.targetGroup) ?? r.outcome;
      inCalc.push({ name, groups: new Set([r.targetGroup]), recordId: r.id });
    }
  const warnings: InsertionNote[] = [];
  const said = new Set<string>();
  for (let i = 0; i < inCalc.length; i++)
    for (let j = i + 1; j < inCalc.length; j++) {
      const a = inCalc[i];
      const b = inCalc[j];
      if (!a || !b || key(a.name) === key(b.name) || (a.recordId === "" && b.recordId === "")) continue;
      for (const g of a.groups) {
        if (!b.groups.has(g) || said.has(`${g}:${key(a.name)}:${key(b.name)}`)) continue;
        said.add(`${g}:${key(a.name)}:${key(b.name)}`);
        const title = groups.get(g)?.title ?? g;
        warnings.push({
          recordId: b.recordId || a.recordId,
          text: {
            da: `Effekterne "${a.name}" og "${b.name}" gælder begge målgruppen "${title}". Deres konsekvenser ville blive talt to gange: SØM har ét succesmål pr. målgruppe i en beregning. Behold én af dem, eller lav en beregning pr. effekt.`,
            en: `The effects "${a.name}" and "${b.name}" both refer to the target group "${title}". Their consequences would be counted twice: SØM has one success measure per target group in a calculation. Keep one of them, or make one calculation per effect.`,
          },
        });
      }
    }
  return warnings;
}
