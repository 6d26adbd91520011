/**
 * The plain-language sentence of a simulation (issue 16): "I 83 % af simuleringerne giver indsatsen overskud
 * for kommunen inden for tidshorisonten". One wording for the sheet, the pane and the command line.
 */
import { formatPercent, type Lang } from "./format";

/** Who the sentence is about: the level Kommune, one actor by name, or the public sector as a whole. */
export type SentenceSubject =
  | { readonly kind: "kommune" }
  | { readonly kind: "actor"; readonly name: string }
  | { readonly kind: "total" };

/**
 * @example probabilitySentence(0.83, { kind: "kommune" }, "da")
 * // "I 83 % af simuleringerne giver indsatsen overskud for kommunen inden for tidshorisonten."
 */
export function probabilitySentence(share: number, who: SentenceSubject, lang: Lang): string {
  const p = formatPercent(share, lang, 0);
  if (lang === "da") {
    const whom =
      who.kind === "kommune" ? "kommunen" : who.kind === "actor" ? who.name : "den offentlige sektor samlet";
    return `I ${p} af simuleringerne giver indsatsen overskud for ${whom} inden for tidshorisonten.`;
  }
  const whom =
    who.kind === "kommune"
      ? "the municipality"
      : who.kind === "actor"
        ? who.name
        : "the public sector as a whole";
  return `In ${p} of the simulations the intervention pays off for ${whom} within the horizon.`;
}
