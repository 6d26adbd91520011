/**
 * The `Opfølgningsresultater` sheet as data (som-method.md §11, [D]): the forecast against the updated
 * calculation with the realised figures of `SOM_Realiseret`, and the difference decomposed exactly into
 * participants, success rates and costs (`followUp` in `engine/decision/follow-up.ts`).
 *
 * Top to bottom: title and status line (red when out of date) · stamp (engine version, time, price level,
 * realised years, calculation years, input fingerprint `SOM_Opf_Inputaftryk`) · what the sheet shows · the
 * status, one sentence per actor (the same sentences as the pane, `followUpStatus`) · Σ NR and PV per actor,
 * level and total: forecast, updated, difference and its three contributions · per scope and year: NR forecast,
 * updated, difference, contributions, cumulative forecast and updated · the realised inputs against the
 * forecast's · the [D] rules · the defined names.
 *
 * Cells hold exact kroner; user text (actor and effect names) is written as text.
 */
import { costsByActorYear } from "../../engine/costs";
import {
  FOLLOW_UP_FACTORS,
  type FollowUp,
  type FollowUpFactor,
  type FollowUpFigure,
  type FollowUpScopeResult,
} from "../../engine/decision/follow-up";
import { toPriceLevel } from "../../engine/price-level";
import type { Scenario } from "../../engine/types";
import { formatKr, formatPercent, type Lang } from "../../present/format";
import { cellA1 } from "../a1";
import { levelLabel, RESULT_SHEETS } from "../names";
import type { CellValue, NameSpec, SheetSpec } from "../sheet-model";
import { FACTOR_LABELS } from "./comparison-sheet";
import { stampTime } from "./meta-sheet";
import { actorNameSuffix, KR, PCT, type ResultsContext } from "./results-sheet";
import { SheetWriter } from "./sheet-writer";

/** Defined names of the sheet (besides `SOM_Opf_Inputaftryk`); suffix "A1"… (actors), a level, or "Total". */
export const FOLLOW_UP_NAMES = {
  /** Σ NR of the updated calculation. */
  updated: "SOM_Opf_Netto_",
  /** Σ NR updated − forecast. */
  difference: "SOM_Opf_Forskel_",
} as const;

const T = {
  da: {
    title: "Opfølgning",
    status: "Status",
    statusHelp: "«Forældet» betyder, at input er ændret efter beregningen: beregn igen.",
    stamp: "Beregningsgrundlag",
    engine: "Motorversion",
    calculated: "Beregnet",
    priceLevel: "Prisniveau",
    prices: (y: number): string => `${y}-priser`,
    realisedYears: "År med realiserede tal",
    years: "Beregningsår",
    fingerprint: "Beregnet på input-aftryk",
    intro:
      "Prognosen er beregningen uden realiserede tal (arket Resultater). Den opdaterede beregning bruger hvert realiseret tal fra SOM_Realiseret (arket Opfølgning) og prognosen for resten. Forskellen er delt præcist op på deltagere, succesrater og omkostninger. Positive tal er en gevinst for de offentlige budgetter, som på arket Resultater.",
    statusTitle: "Status pr. aktør",
    summaryTitle: "Nettoresultat over hele perioden (Σ NR)",
    pvTitle: "Nutidsværdi (NV)",
    scopeCol: "Kr.",
    forecast: "Prognose",
    updated: "Opdateret",
    difference: "Forskel",
    of: (f: string): string => `heraf ${f.toLowerCase()}`,
    cumForecast: "Akkumuleret prognose",
    cumUpdated: "Akkumuleret opdateret",
    realisedMark: "Realiserede tal",
    yes: "ja",
    year: "År",
    byYear: (who: string): string => `${who}: nettoresultat pr. år`,
    total: "I alt",
    levelRow: (l: string): string => `Niveau: ${l} i alt`,
    actorRow: (name: string, level: string): string => (name === level ? name : `${name} (${level})`),
    inputsTitle: "Realiserede tal mod prognosen",
    inputsNote:
      "Omkostninger er aktørens samlede omkostninger i året, omregnet til prisniveauet. – = ikke udfyldt (prognosen gælder).",
    participants: "Deltagere (startere)",
    rate: (e: string): string => `Succesrate ${e}`,
    cost: (a: string): string => `Omkostninger ${a}`,
    forecastOf: (x: string): string => `${x}: prognose`,
    realisedOf: (x: string): string => `${x}: realiseret`,
    none: "–",
    rulesTitle: "Projektets egne beslutninger [D] (ikke officiel SØM-adfærd, se som-method.md §11)",
    rules: [
      "[D] Den opdaterede beregning tager hvert udfyldt tal i SOM_Realiseret; en tom celle beholder prognosen. År er beregningsår (år 1 = startåret).",
      "[D] Deltagere er de realiserede startere i året. En realiseret succesrate gælder kun dem, der starter det år (deres kohorte); de øvrige kohorter beholder prognosens succesrate.",
      "[D] En realiseret omkostning er aktørens samlede omkostning i året og erstatter prognosens omkostninger for aktøren det år, uanset antal deltagere. Beløbet omregnes fra Prisår (tom = prisniveauet) til prisniveauet med prisindekset.",
      "[D] Forskellen deles op med Shapley-værdier over tre faktorer (deltagere, succesrater, omkostninger): gennemsnittet over alle rækkefølger af den ændring, en faktor giver, når den skiftes fra prognose til realiseret; hver af de 8 blandinger er en fuld genberegning. Bidragene summerer præcist til forskellen, også år for år.",
      "[D] Arket skrives af Beregn, når SOM_Realiseret har mindst ét realiseret tal.",
    ],
    namesTitle: "Definerede navne (brug dem i egne formler)",
    nameCol: "Navn",
    meaning: "Betydning",
    updatedName: (who: string): string => `Opdateret nettoresultat over hele perioden, ${who}`,
    differenceName: (who: string): string => `Opdateret minus prognose (Σ NR), ${who}`,
    fingerprintName: "Input-aftrykket, opfølgningen er beregnet på",
  },
  en: {
    title: "Follow-up",
    status: "Status",
    statusHelp: "“Out of date” means that inputs changed after the calculation: calculate again.",
    stamp: "Basis of calculation",
    engine: "Engine version",
    calculated: "Calculated",
    priceLevel: "Price level",
    prices: (y: number): string => `${y} prices`,
    realisedYears: "Years with realised figures",
    years: "Calculation years",
    fingerprint: "Computed from input fingerprint",
    intro:
      "The forecast is the calculation without realised figures (the Results sheet). The updated calculation uses every realised figure of SOM_Realiseret (the Follow-up sheet) and the forecast for the rest. The difference is split exactly into participants, success rates and costs. Positive figures are a gain for the public budgets, as on the Results sheet.",
    statusTitle: "Status per actor",
    summaryTitle: "Net result over the whole period (Σ NR)",
    pvTitle: "Present value (PV)",
    scopeCol: "Kr.",
    forecast: "Forecast",
    updated: "Updated",
    difference: "Difference",
    of: (f: string): string => `of which ${f.toLowerCase()}`,
    cumForecast: "Cumulative forecast",
    cumUpdated: "Cumulative updated",
    realisedMark: "Realised figures",
    yes: "yes",
    year: "Year",
    byYear: (who: string): string => `${who}: net result per year`,
    total: "Total",
    levelRow: (l: string): string => `Level: ${l}, total`,
    actorRow: (name: string, level: string): string => (name === level ? name : `${name} (${level})`),
    inputsTitle: "Realised figures against the forecast",
    inputsNote:
      "Costs are the actor's total costs in the year, converted to the price level. – = not filled in (the forecast applies).",
    participants: "Participants (starters)",
    rate: (e: string): string => `Success rate ${e}`,
    cost: (a: string): string => `Costs ${a}`,
    forecastOf: (x: string): string => `${x}: forecast`,
    realisedOf: (x: string): string => `${x}: realised`,
    none: "–",
    rulesTitle: "The project's own decisions [D] (not official SØM behaviour, see som-method.md §11)",
    rules: [
      "[D] The updated calculation takes every filled cell of SOM_Realiseret; a blank cell keeps the forecast. Year is the calculation year (year 1 = the start year).",
      "[D] Participants are the realised starters of the year. A realised success rate applies only to those who start that year (their cohort); the other cohorts keep the forecast's rate.",
      "[D] A realised cost is the actor's total cost in the year and replaces the forecast's costs of that actor in that year, whatever the number of participants. It is converted from Price year (blank = the price level) to the price level with the price index.",
      "[D] The difference is split by Shapley values over three factors (participants, success rates, costs): the average over every order of the change a factor makes when it is switched from forecast to realised; each of the 8 mixes is a full recalculation. The contributions sum exactly to the difference, also year by year.",
      "[D] Beregn writes the sheet when SOM_Realiseret holds at least one realised figure.",
    ],
    namesTitle: "Defined names (use them in your own formulas)",
    nameCol: "Name",
    meaning: "Meaning",
    updatedName: (who: string): string => `Updated net result over the whole period, ${who}`,
    differenceName: (who: string): string => `Updated minus forecast (Σ NR), ${who}`,
    fingerprintName: "The input fingerprint the follow-up was computed from",
  },
} as const;

type Texts = (typeof T)[Lang];

/** A difference below half a krone is no difference for the reader (the sheet shows whole kroner). */
const SAME = 0.5;

/** The label and name suffix of a scope. */
function scopeLabel(s: FollowUpScopeResult, f: FollowUp, lang: Lang): { label: string; suffix: string } {
  const t = T[lang];
  if (s.scope.kind === "total") return { label: t.total, suffix: "Total" };
  if (s.scope.kind === "level")
    return { label: t.levelRow(levelLabel(s.scope.level, lang)), suffix: s.scope.level };
  const actor = f.forecast.actors[s.scope.index];
  return {
    label: t.actorRow(actor?.name ?? s.scope.name, levelLabel(actor?.level ?? "", lang)),
    suffix: actorNameSuffix(s.scope.index),
  };
}

/** The scopes a table shows: actors, levels with several actors (a one-actor level repeats its actor), total. */
function shownScopes(f: FollowUp): FollowUpScopeResult[] {
  return f.scopes.filter(
    (s) =>
      s.scope.kind !== "level" ||
      f.forecast.actors.filter((a) => s.scope.kind === "level" && a.level === s.scope.level).length > 1,
  );
}

/** The factor that moved a figure most (largest |contribution|). */
function mainFactor(fig: FollowUpFigure): FollowUpFactor {
  let best: FollowUpFactor = FOLLOW_UP_FACTORS[0] ?? "participants";
  for (const k of FOLLOW_UP_FACTORS)
    if (Math.abs(fig.contributions[k]) > Math.abs(fig.contributions[best])) best = k;
  return best;
}

/**
 * One sentence per reported actor: how far the realised figures move the actor's net result from the forecast,
 * through the last realised year and over the whole period, and which factor moved it most. Shown on the sheet
 * and in the pane.
 * @example followUpStatus(f, "da")[0].text // "Kommune: Til og med 2026 er det akkumulerede nettoresultat 120.000 kr. lavere end prognosen; …"
 */
export function followUpStatus(f: FollowUp, lang: Lang): { readonly actor: string; readonly text: string }[] {
  const startYear = f.forecast.years[0] ?? 0;
  const L = f.lastRealisedYear;
  const year = startYear + L - 1;
  return f.scopes.flatMap((s) => {
    if (s.scope.kind !== "actor") return [];
    const name = f.forecast.actors[s.scope.index]?.name ?? s.scope.name;
    const dCum = (s.updated.cumulative[L - 1] ?? 0) - (s.forecast.cumulative[L - 1] ?? 0);
    const total = s.netTotal;
    const d = total.difference;
    const kr = (x: number): string => formatKr(Math.abs(x), lang);
    const share =
      Math.abs(total.forecast) >= SAME
        ? ` (${d < 0 ? "−" : "+"}${formatPercent(Math.abs(d / total.forecast), lang)})`
        : "";
    const factor = FACTOR_LABELS[mainFactor(total)][lang].toLowerCase();
    let text: string;
    if (lang === "da") {
      if (Math.abs(dCum) < SAME && Math.abs(d) < SAME)
        text = `${name}: De realiserede tal til og med ${year} ændrer ikke nettoresultatet (${formatKr(total.forecast, lang)} over hele perioden).`;
      else {
        const upTo =
          Math.abs(dCum) < SAME
            ? `Til og med ${year} svarer det akkumulerede nettoresultat til prognosen`
            : `Til og med ${year} er det akkumulerede nettoresultat ${kr(dCum)} ${dCum < 0 ? "lavere" : "højere"} end prognosen`;
        const whole =
          Math.abs(d) < SAME
            ? "over hele perioden svarer det til prognosen"
            : `over hele perioden ${kr(d)} ${d < 0 ? "lavere" : "højere"}${share}, mest på grund af ${factor}`;
        text = `${name}: ${upTo}; ${whole}.`;
      }
    } else if (Math.abs(dCum) < SAME && Math.abs(d) < SAME)
      text = `${name}: The realised figures through ${year} do not change the net result (${formatKr(total.forecast, lang)} over the whole period).`;
    else {
      const upTo =
        Math.abs(dCum) < SAME
          ? `Through ${year} the cumulative net result matches the forecast`
          : `Through ${year} the cumulative net result is ${kr(dCum)} ${dCum < 0 ? "below" : "above"} the forecast`;
      const whole =
        Math.abs(d) < SAME
          ? "over the whole period it matches the forecast"
          : `over the whole period ${kr(d)} ${d < 0 ? "below" : "above"}${share}, mostly because of ${factor}`;
      text = `${name}: ${upTo}; ${whole}.`;
    }
    return [{ actor: name, text }];
  });
}

/** A figure as a table row: forecast, updated, difference, the three contributions. */
const figureCells = (fig: FollowUpFigure): number[] => [
  fig.forecast,
  fig.updated,
  fig.difference,
  ...FOLLOW_UP_FACTORS.map((k) => fig.contributions[k]),
];

/**
 * The `Opfølgningsresultater` sheet and its defined names. Pure: the same inputs (and `ctx.now`) give the same spec.
 * @example renderFollowUpSheet(followUp(s, realised), s, ctx).sheet.name === "Opfølgningsresultater"
 */
export function renderFollowUpSheet(
  f: FollowUp,
  scenario: Scenario,
  ctx: ResultsContext,
): { readonly sheet: SheetSpec; readonly names: readonly NameSpec[] } {
  const lang = ctx.lang;
  const t: Texts = T[lang];
  const sheetName = RESULT_SHEETS.followUp;
  const years = f.forecast.years;
  const startYear = years[0] ?? scenario.settings.startYear;
  const w = new SheetWriter();
  const names: NameSpec[] = [];
  const realisedYears = f.realised.years.map((y) => startYear + y.calcYear - 1);

  const head = w.statusAndStamp({
    sheet: sheetName,
    lang,
    title: `${t.title}: ${scenario.intervention}`,
    statusLabel: t.status,
    statusHelp: t.statusHelp,
    stampTitle: t.stamp,
    lines: [
      [t.engine, ctx.engineVersion, "@"],
      [t.calculated, stampTime(ctx.now), "@"],
      [t.priceLevel, t.prices(f.forecast.priceLevel), "@"],
      [t.realisedYears, realisedYears.join(", "), "@"],
      [t.years, `${startYear}–${years[years.length - 1] ?? startYear}`, "@"],
    ],
    fingerprintLabel: t.fingerprint,
    fingerprint: ctx.inputFingerprint,
  });
  names.push(head.name);
  w.skip();
  w.paragraphs([t.intro], 9, "guidance");
  w.skip();

  w.add([[t.statusTitle]], { style: "subtitle" });
  w.paragraphs(
    followUpStatus(f, lang).map((s) => s.text),
    9,
    "guidance",
  );
  w.skip();

  const factorHeads = FOLLOW_UP_FACTORS.map((k) => t.of(FACTOR_LABELS[k][lang]));
  const scopes = shownScopes(f);
  const summary = (title: string, pick: (s: FollowUpScopeResult) => FollowUpFigure, named: boolean): void => {
    w.add([[title]], { style: "subtitle" });
    w.add([[t.scopeCol, t.forecast, t.updated, t.difference, ...factorHeads]], { style: "header" });
    for (const s of scopes) {
      const { label, suffix } = scopeLabel(s, f, lang);
      const r = w.add([[label, ...figureCells(pick(s))]], {
        numberFormat: [["@", ...figureCells(pick(s)).map(() => KR)]],
        style: s.scope.kind === "total" ? "outputBold" : "output",
      });
      if (named)
        names.push(
          { name: `${FOLLOW_UP_NAMES.updated}${suffix}`, sheet: sheetName, ref: cellA1(r, 2) },
          { name: `${FOLLOW_UP_NAMES.difference}${suffix}`, sheet: sheetName, ref: cellA1(r, 3) },
        );
    }
    w.skip();
  };
  summary(t.summaryTitle, (s) => s.netTotal, true);
  summary(t.pvTitle, (s) => s.presentValue, false);

  // Per scope and year.
  const realisedCalcYears = new Set(f.realised.years.map((y) => y.calcYear));
  for (const s of scopes) {
    const { label } = scopeLabel(s, f, lang);
    w.pageBreak();
    w.add([[t.byYear(label)]], { style: "subtitle" });
    w.add(
      [
        [
          t.year,
          t.forecast,
          t.updated,
          t.difference,
          ...factorHeads,
          t.cumForecast,
          t.cumUpdated,
          t.realisedMark,
        ],
      ],
      { style: "header" },
    );
    const rows: CellValue[][] = years.map((y, i) => {
      const fig = s.netByYear[i] as FollowUpFigure;
      return [
        y,
        ...figureCells(fig),
        s.forecast.cumulative[i] ?? 0,
        s.updated.cumulative[i] ?? 0,
        realisedCalcYears.has(i + 1) ? t.yes : "",
      ];
    });
    w.add(rows, {
      numberFormat: rows.map(() => ["0", KR, KR, KR, KR, KR, KR, KR, KR, "@"]),
      style: s.scope.kind === "total" ? "outputBold" : "output",
    });
    w.skip();
  }

  // The realised inputs against the forecast's.
  renderInputs(w, f, scenario, t);
  w.skip();

  w.rulesAndNamesHeader(t, "guidance", 9);
  const nameRows: CellValue[][] = [];
  const who = (suffix: string): string =>
    suffix === "Total"
      ? t.total
      : /^A[0-9]+$/.test(suffix)
        ? (f.forecast.actors[Number(suffix.slice(1)) - 1]?.name ?? suffix)
        : levelLabel(suffix, lang);
  for (const n of names) {
    if (n.name.startsWith(FOLLOW_UP_NAMES.updated))
      nameRows.push([n.name, t.updatedName(who(n.name.slice(FOLLOW_UP_NAMES.updated.length)))]);
    else if (n.name.startsWith(FOLLOW_UP_NAMES.difference))
      nameRows.push([n.name, t.differenceName(who(n.name.slice(FOLLOW_UP_NAMES.difference.length)))]);
  }
  nameRows.push([head.name.name, t.fingerprintName]);
  w.add(nameRows, { style: "label" });

  return {
    sheet: {
      name: sheetName,
      role: "result",
      columnWidths: [34, 15, 15, 15, 17, 17, 17, 17, 17, 14],
      blocks: w.blocks,
      merges: w.merges,
      pageBreaks: w.pageBreaks,
      conditionalFormats: [head.statusFormat],
      freeze: { rows: 0, cols: 1 },
      tabColor: "1F6E6E",
    },
    names,
  };
}

/** Per realised year: participants, each effect's rate and each actor's costs (at P), forecast and realised. */
function renderInputs(w: SheetWriter, f: FollowUp, scenario: Scenario, t: Texts): void {
  w.add([[t.inputsTitle]], { style: "subtitle" });
  w.paragraphs([t.inputsNote], 9, "guidance");
  const forecastCosts = costsByActorYear(scenario);
  const costOf = (a: number, i: number): number => {
    const k = forecastCosts[a];
    if (k === undefined) return 0;
    return (
      0 +
      (k.Opstart[i] ?? 0) +
      (k.Drift[i] ?? 0) +
      (k.PrDeltager[i] ?? 0) +
      (k.PrForloeb[i] ?? 0) +
      (k.Sparet[i] ?? 0)
    );
  };
  const ratesUsed = scenario.effects.map((_, e) =>
    f.realised.years.some((y) => y.successRates[e] !== undefined),
  );
  const costsUsed = scenario.actors.map((_, a) => f.realised.years.some((y) => y.costsKr[a] !== undefined));
  const head: string[] = [t.year, t.forecastOf(t.participants), t.realisedOf(t.participants)];
  const formats: string[] = ["0", "#,##0.##", "#,##0.##"];
  scenario.effects.forEach((e, i) => {
    if (!ratesUsed[i]) return;
    head.push(t.forecastOf(t.rate(e.name)), t.realisedOf(t.rate(e.name)));
    formats.push(PCT, PCT);
  });
  scenario.actors.forEach((a, i) => {
    if (!costsUsed[i]) return;
    head.push(t.forecastOf(t.cost(a.name)), t.realisedOf(t.cost(a.name)));
    formats.push(KR, KR);
  });
  w.add([head], { style: "header" });
  const startYear = scenario.settings.startYear;
  const rows: CellValue[][] = f.realised.years.map((y) => {
    const i = y.calcYear - 1;
    const row: CellValue[] = [startYear + i, scenario.participants[i] ?? 0, y.participants ?? t.none];
    scenario.effects.forEach((e, k) => {
      if (!ratesUsed[k]) return;
      row.push(e.cohortRates?.[i] ?? e.successRate, y.successRates[k] ?? t.none);
    });
    scenario.actors.forEach((_, a) => {
      if (!costsUsed[a]) return;
      const realised = y.costsKr[a];
      row.push(costOf(a, i), realised === undefined ? t.none : toPriceLevel(scenario, realised, y.priceYear));
    });
    return row;
  });
  w.add(rows, { numberFormat: rows.map(() => formats), style: "output" });
}
