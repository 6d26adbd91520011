/**
 * The terminal summary of `som calculate` without `--json`: net result per actor and year, key figures per
 * actor, level and total, the value beyond the horizon, and warnings. Presentation only: every number comes
 * from `Results` and is rounded here for display by the one rule of src/present/format.ts (half away from zero,
 * as Excel shows the sheet), each figure on its own, so the terminal shows the same krone as the sheet and the pane.
 */
import type { Effect, InputIssue, ResultBlock, Results } from "../engine/types";
import { LEVELS } from "../engine/types";
import { formatDecimal, formatKr, formatPercent, formatRatio, type Lang } from "../present/format";
import { cohortRows, MODEL_LABELS, modelLines } from "../present/model-text";
import { levelLabel } from "../workbook/names";
import { renderTable, type Align } from "./text-table";

const T = {
  da: {
    title: (p: number, r: string) =>
      `Nettoresultat pr. aktør og år (kr., prisniveau ${p}, diskonteringsrente ${r})`,
    year: "År",
    total: "I alt",
    keyFigures: "Nøgletal",
    who: "",
    level: (l: string) => `Niveau ${l}`,
    netTotal: "Nettoresultat",
    pv: "Nutidsværdi",
    breakEven: "Tilbagebetalingsår",
    ret: "Afkast pr. kr.",
    factor: "Kritisk faktor*",
    factorRate: "Kritisk succesrate*",
    perCompleter: "Pr. deltager",
    notReached: "ikke inden for tidshorisonten",
    noValue: "–",
    cannot: "ikke mulig",
    beyond: (v: string) => `Værdi uden for tidshorisonten (ikke diskonteret, ikke medregnet): ${v}`,
    footFactor:
      "* Kritisk faktor: den andel af de angivne succesrater (alle ganget med samme faktor), hvor nettoresultatet over tidshorisonten netop er 0.",
    footFactorRate: (effect: string, rate: string) =>
      `* Kritisk succesrate: den succesrate for »${effect}«, hvor nettoresultatet over tidshorisonten netop er 0 (angivet: ${rate}).`,
    footDash: "– = udefineret (ingen omkostninger eller ingen deltagere).",
    warnings: "Advarsler",
  },
  en: {
    title: (p: number, r: string) =>
      `Net result per actor and year (DKK, price level ${p}, discount rate ${r})`,
    year: "Year",
    total: "Total",
    keyFigures: "Key figures",
    who: "",
    level: (l: string) => `Level ${l}`,
    netTotal: "Net result",
    pv: "Present value",
    breakEven: "Break-even year",
    ret: "Return per krone",
    factor: "Break-even factor*",
    factorRate: "Break-even success rate*",
    perCompleter: "Per participant",
    notReached: "not within the horizon",
    noValue: "–",
    cannot: "not possible",
    beyond: (v: string) => `Value beyond the horizon (undiscounted, not included): ${v}`,
    footFactor:
      "* Break-even factor: the share of the given success rates (all scaled by the same factor) at which the net result over the horizon is exactly 0.",
    footFactorRate: (effect: string, rate: string) =>
      `* Break-even success rate: the success rate of “${effect}” at which the net result over the horizon is exactly 0 (given: ${rate}).`,
    footDash: "– = undefined (no costs or no participants).",
    warnings: "Warnings",
  },
} as const;

/** "SOM_Omkostninger, Omkostninger!D7: message" — one input issue on one line. */
export function issueLine(issue: InputIssue, lang: Lang): string {
  const { name, sheet, cell } = issue.location;
  const place = sheet !== undefined && cell !== undefined ? `${sheet}!${cell}` : (sheet ?? cell);
  const where = [name, place].filter((x): x is string => x !== undefined && x !== "").join(", ");
  return where === "" ? issue.message[lang] : `${where}: ${issue.message[lang]}`;
}

/** The actors' amounts plus the engine's total of them (each figure rounded on its own when shown, as on the sheet). */
function withTotal(parts: readonly number[], total: number): number[] {
  return [...parts, total];
}

/**
 * The summary as lines of text. Example first lines (Danish):
 * ```
 * Nettoresultat pr. aktør og år (kr., prisniveau 2025, diskonteringsrente 3,5 %)
 * År     Kommune          I alt
 * ----  ------------  ------------
 * 2025  -100.000 kr.  -100.000 kr.
 * ```
 */
export function renderSummary(
  results: Results,
  warnings: readonly InputIssue[],
  lang: Lang,
  effects: readonly Pick<Effect, "name" | "successRate">[] = [],
): string[] {
  const t = T[lang];
  // With one outcome the break-even figure is shown as a success rate, f* × r_e (som-method.md §6);
  // with several (or unknown) outcomes as the common factor f*.
  const single = effects.length === 1 ? effects[0] : undefined;
  const factorShown = (f: number): string =>
    formatPercent(single === undefined ? f : f * single.successRate, lang);
  const kr = (v: number): string => formatKr(v, lang);
  const out: string[] = [];

  // Net result per actor and year. A single actor needs no separate total column.
  const oneActor = results.actors.length === 1;
  const names = results.actors.map((a) => a.name);
  const header = [t.year, ...names, ...(oneActor ? [] : [t.total])];
  const yearRows = results.years.map((year, y) => {
    const parts = results.byActor.map((b) => b.net[y] ?? 0);
    const shown = oneActor ? parts : withTotal(parts, results.total.net[y] ?? 0);
    return [String(year), ...shown.map(kr)];
  });
  const totals = oneActor
    ? results.byActor.map((b) => b.netTotal)
    : withTotal(
        results.byActor.map((b) => b.netTotal),
        results.total.netTotal,
      );
  const align = header.map((_, i): Align => (i === 0 ? "left" : "right"));

  out.push(t.title(results.priceLevel, formatPercent(results.discountRate, lang)), "");
  out.push(...renderTable(header, [...yearRows, [t.total, ...totals.map(kr)]], align), "");

  // Key figures per actor, per level, total.
  const netTotals = withTotal(
    results.byActor.map((b) => b.netTotal),
    results.total.netTotal,
  );
  const pvs = withTotal(
    results.byActor.map((b) => b.presentValue),
    results.total.presentValue,
  );
  const keyRow = (label: string, block: ResultBlock, net?: number, pv?: number): string[] => [
    label,
    kr(net ?? block.netTotal),
    kr(pv ?? block.presentValue),
    block.breakEvenYear === null ? t.notReached : String(block.breakEvenYear),
    block.returnPerKrone === null ? t.noValue : formatRatio(block.returnPerKrone, lang),
    block.breakEvenSuccessFactor === null ? t.cannot : factorShown(block.breakEvenSuccessFactor),
    block.netPerCompleter === null ? t.noValue : kr(block.netPerCompleter),
  ];
  const rows: string[][] = results.actors.map((a, i) => {
    const block = results.byActor[i];
    if (block === undefined) return [a.name];
    const level = levelLabel(a.level, lang);
    return keyRow(a.name === level ? a.name : `${a.name} (${level})`, block, netTotals[i], pvs[i]);
  });
  for (const level of LEVELS) {
    const block = results.byLevel.get(level);
    // A level with a single actor would repeat that actor's row.
    if (block !== undefined && results.actors.filter((a) => a.level === level).length > 1)
      rows.push(keyRow(t.level(levelLabel(level, lang)), block));
  }
  if (!oneActor)
    rows.push(keyRow(t.total, results.total, netTotals[netTotals.length - 1], pvs[pvs.length - 1]));
  const keyHeader = [
    t.who,
    t.netTotal,
    t.pv,
    t.breakEven,
    t.ret,
    single === undefined ? t.factor : t.factorRate,
    t.perCompleter,
  ];
  out.push(t.keyFigures, "");
  out.push(
    ...renderTable(
      keyHeader,
      rows,
      keyHeader.map((_, i): Align => (i === 0 ? "left" : "right")),
    ),
    "",
  );
  out.push(
    t.beyond(kr(results.beyondHorizon)),
    "",
    single === undefined
      ? t.footFactor
      : t.footFactorRate(single.name, formatPercent(single.successRate, lang)),
    t.footDash,
  );

  // The model (same wording as the result sheet and the pane) and how long each cohort was followed.
  const m = MODEL_LABELS[lang];
  const cohorts = cohortRows(results);
  out.push("", m.title, ...modelLines(results, lang).map((l) => `  ${l.label}: ${l.value}`));
  if (cohorts.length > 0) {
    out.push(
      "",
      ...renderTable(
        [...m.cohortHeader],
        cohorts.map((c) => [
          String(c.startYear),
          String(c.completionYear),
          formatDecimal(c.starters, lang, 2),
          String(c.yearsFollowed),
        ]),
        ["left", "left", "right", "right"],
      ),
    );
  }

  if (warnings.length > 0) {
    out.push("", `${t.warnings}:`, ...warnings.map((w) => `  - ${issueLine(w, lang)}`));
  }
  return out;
}
