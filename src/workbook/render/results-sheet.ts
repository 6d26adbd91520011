/**
 * The `Resultater` sheet as data (som-method.md §6, workbook-contract.md "Writing rules").
 *
 * Top to bottom: title and status line (`sheetStatusFormula`: `SOM_Status` and this sheet's input fingerprint,
 * red when out of date) · stamp (engine version, time of calculation, price level, discount rate, horizon, the
 * input fingerprint the sheet was computed from, named `SOM_Res_Inputaftryk`) · key figures per actor, per
 * level and in total · value beyond the horizon · one year table per actor, level and total (costs by kind,
 * consequences by service and by effect, net, cumulative, discounted) · the project's [D] rules, one line
 * each · the defined names.
 *
 * All amounts are in kroner at the price level, unrounded; number formats `#,##0` and `0.0%` do the rounding.
 * User text (actor, service, effect names) is written as text values, never as formulas.
 */
import {
  COST_KINDS,
  LEVELS,
  type CostKind,
  type ResultBlock,
  type Results,
  type Scenario,
} from "../../engine/types";
import type { Lang } from "../../present/format";
import { cohortRows, MODEL_LABELS, methodText, perspectiveText } from "../../present/model-text";
import { cellA1 } from "../a1";
import { COST_KIND_LABELS, levelLabel, RESULT_SHEETS } from "../names";
import { SheetWriter } from "./sheet-writer";
import type { CellStyle, CellValue, NameSpec, SheetSpec } from "../sheet-model";
import { sheetFingerprintName, stampTime, type MetaContext } from "./meta-sheet";

export interface ResultsContext extends MetaContext {
  /** The fingerprint of the input snapshot the results were computed from (`snapshotFingerprint`). */
  readonly inputFingerprint: string;
}

export const KR = "#,##0";
export const PCT = "0.0%";
const RATIO = "0.00";
const YEAR = "0";

/** Key figures that carry defined names: prefix → what it is. */
export const RESULT_NAME_KINDS = [
  {
    key: "net",
    prefix: "SOM_Res_Netto_",
    da: "nettoresultat over tidshorisonten (kr.)",
    en: "net result over the horizon (kr.)",
  },
  { key: "pv", prefix: "SOM_Res_NV_", da: "nutidsværdi (kr.)", en: "present value (kr.)" },
  { key: "year", prefix: "SOM_Res_Aar_", da: "tilbagebetalingsår", en: "break-even year" },
  {
    key: "rpk",
    prefix: "SOM_Res_Afkast_",
    da: "afkast pr. investeret krone",
    en: "return per krone invested",
  },
] as const;

/** The suffix of a key-result name: "Total", the level code, or "A1", "A2"… for actors in order. */
export const actorNameSuffix = (index: number): string => `A${index + 1}`;

const T = {
  da: {
    title: "SØM-resultater",
    status: "Status",
    statusHelp: "«Forældet» betyder, at input er ændret efter beregningen: beregn igen.",
    fingerprint: "Beregnet på input-aftryk",
    fingerprintName:
      "Input-aftrykket, resultaterne er beregnet på (status er «Aktuel», når det er lig SOM_Meta_Inputaftryk og input ikke er ændret)",
    stamp: "Beregningsgrundlag",
    engine: "Motorversion",
    calculated: "Beregnet",
    priceLevel: "Prisniveau",
    discountRate: "Diskonteringsrente",
    horizon: "Tidshorisont (år)",
    years: "År",
    keyTitle: "Nøgletal (kr. i prisniveau; positive tal = gevinst for den offentlige økonomi)",
    who: "Aktør / niveau",
    level: "Niveau",
    netTotal: "Nettoresultat i alt",
    pv: "Nutidsværdi",
    breakEven: "Tilbagebetalingsår",
    rpk: "Afkast pr. krone",
    critical: (effect: string): string => `Kritisk succesrate: ${effect}`,
    perCompleter: "Nettoresultat pr. deltager",
    beyond: "Uden for tidshorisonten",
    levelRow: (l: string): string => `Niveau: ${l}`,
    total: "I alt",
    beyondLine:
      "Værdi uden for tidshorisonten (konsekvenser efter sidste år, ikke diskonteret, ikke medregnet)",
    notWithin: "ikke inden for tidshorisonten",
    noCosts: "ingen omkostninger",
    cannot: "kan ikke tjene sig hjem",
    noParticipants: "ingen deltagere",
    yearTable: (who: string): string => `${who}: pr. år`,
    costKind: {
      Opstart: "Opstart",
      Drift: "Drift",
      PrDeltager: "Pr. deltager",
      PrForloeb: "Pr. forløb",
      Sparet: "Sparet (modregnet)",
    },
    costs: "Omkostninger i alt",
    service: (s: string): string => `Konsekvens: ${s}`,
    consequences: "Konsekvenser i alt",
    effect: (e: string): string => `heraf effektmål: ${e}`,
    net: "Nettoresultat",
    cumulative: "Kumuleret nettoresultat",
    discounted: "Diskonteret nettoresultat",
    rulesTitle: "Projektets egne beslutninger [D] (ikke officiel SØM-adfærd, se som-method.md)",
    rules: [
      "Tidshorisont: Pr. kohorte (SØM's praksis, standard) tæller hvert holds konsekvenser i tidshorisontens antal år fra det år, holdet afslutter, og beregningen løber til det sidste holds sidste år (T = driftsperiode + varighed + tidshorisont − 2).",
      "[D] Kalenderår (valgfrit, fx til budgetvisning): kun tidshorisontens kalenderår fra startåret tælles, så senere hold følges i færre år; alle deltagere skal afslutte inden for tidshorisonten.",
      'NB: En projektmappe uden navnet SOM_Horisontmetode (lavet før version 2) beregnes nu pr. kohorte. Vælg Kalenderår i SOM_Horisontmetode (arket Indstillinger) for at få tallene fra version 1. Mangler navnet, så opret det: Formler › Navnestyring › Ny, navn SOM_Horisontmetode, refererer til ="Kalenderår" (eller en celle med Kalenderår).',
      "[D] Konsekvenser, der ikke medregnes (konsekvensår efter tidshorisonten pr. hold, eller kalenderår efter sidste år), vises separat som værdi uden for tidshorisonten, ikke diskonteret.",
      "[D] Under indsats: ændringen pr. succesfuld borger i 1., 2., … år i indsatsen før afslutningsåret (år 1 til varighed − 1); Pr. forløb betales i startåret; Pr. deltager betales pr. borger pr. år i indsatsen.",
      "Kun kommune: kun aktører med niveauet Kommune medregnes (som SØM's kommunale forvaltninger); de øvrige aktørers input kontrolleres stadig.",
      "[D] Fortegn: σ = −1 for Udgift (mindre forbrug sparer penge), σ = +1 for Indtægt; positive tal er en gevinst for den offentlige økonomi.",
      "[D] Nutidsværdi: år 1 diskonteres ikke, PV = Σ NR_t / (1 + ρ)^(t − 1).",
      "[D] Flere effektmål pr. beregning er tilladt (SØM har ét); deres konsekvenser lægges sammen.",
      "[D] Nøgletal: tilbagebetalingsår = første år, hvorfra det kumulerede resultat forbliver ≥ 0; afkast pr. krone = Σ V / Σ C; kritisk succesrate = f* × succesrate med f* = max(0, Σ C / Σ V).",
      "[D] Følsomhed: Succesrate sætter alle succesrater; Konsekvenser, Omkostninger (inkl. sparede), Priser og Deltagere ganges med (1 + ændring); Tidshorisont sætter tidshorisonten, beregningsårene følger med, og input uden for de nye år ignoreres.",
    ],
    namesTitle: "Definerede navne til nøgletal (brug dem i egne formler)",
    nameCol: "Navn",
    meaning: "Betydning",
    forWho: (who: string, what: string): string => `${what}, ${who}`,
  },
  en: {
    title: "SØM results",
    status: "Status",
    statusHelp: "“Out of date” means that inputs changed after the calculation: calculate again.",
    fingerprint: "Computed from input fingerprint",
    fingerprintName:
      "The input fingerprint the results were computed from (the status is “Current” while it equals SOM_Meta_Inputaftryk and no input changed)",
    stamp: "Basis of calculation",
    engine: "Engine version",
    calculated: "Calculated",
    priceLevel: "Price level",
    discountRate: "Discount rate",
    horizon: "Horizon (years)",
    years: "Year",
    keyTitle: "Key figures (kr. at the price level; positive = gain for the public budget)",
    who: "Actor / level",
    level: "Level",
    netTotal: "Net result, total",
    pv: "Present value",
    breakEven: "Break-even year",
    rpk: "Return per krone",
    critical: (effect: string): string => `Break-even success rate: ${effect}`,
    perCompleter: "Net result per participant",
    beyond: "Beyond the horizon",
    levelRow: (l: string): string => `Level: ${l}`,
    total: "Total",
    beyondLine: "Value beyond the horizon (consequences after the last year, undiscounted, not counted)",
    notWithin: "not within the horizon",
    noCosts: "no costs",
    cannot: "cannot break even",
    noParticipants: "no participants",
    yearTable: (who: string): string => `${who}: by year`,
    costKind: {
      Opstart: "Start-up",
      Drift: "Operating",
      PrDeltager: "Per participant",
      PrForloeb: "Per course",
      Sparet: "Saved (offset)",
    },
    costs: "Costs, total",
    service: (s: string): string => `Consequence: ${s}`,
    consequences: "Consequences, total",
    effect: (e: string): string => `of which outcome: ${e}`,
    net: "Net result",
    cumulative: "Cumulative net result",
    discounted: "Discounted net result",
    rulesTitle: "The project's own decisions [D] (not official SØM behaviour, see som-method.md)",
    rules: [
      "Horizon: Per cohort (SØM's practice, default) counts each cohort's consequences for the horizon's number of years from the year the cohort completes, and the calculation runs to the last cohort's last year (T = operating period + duration + horizon − 2).",
      "[D] Calendar years (optional, e.g. for budget views): only the horizon's calendar years from the start year count, so later cohorts are followed for fewer years; every participant must complete within the horizon.",
      'NB: A workbook without the name SOM_Horisontmetode (made before version 2) now calculates per cohort. Choose Calendar years (Kalenderår) in SOM_Horisontmetode (Settings sheet) to get the figures of version 1. If the name is missing, create it: Formulas › Name Manager › New, name SOM_Horisontmetode, refers to ="Kalenderår" (or a cell holding Kalenderår).',
      "[D] Consequences that are not counted (consequence years after the horizon per cohort, or calendar years after the last year) are shown separately as the value beyond the horizon, undiscounted.",
      "[D] During: the change per successful citizen in the 1st, 2nd, … year in the intervention before the completion year (years 1 to duration − 1); Per course is paid in the start year; Per participant is paid per citizen per year in the intervention.",
      "Municipality only: only actors of level Kommune are counted (as SØM's municipal departments); the other actors' inputs are still checked.",
      "[D] Sign: σ = −1 for Expenditure (less use saves money), σ = +1 for Revenue; positive figures are a gain for the public budget.",
      "[D] Present value: year 1 is not discounted, PV = Σ NR_t / (1 + ρ)^(t − 1).",
      "[D] Several outcomes per calculation are allowed (SØM has one); their consequences are added.",
      "[D] Key figures: break-even year = first year from which the cumulative result stays ≥ 0; return per krone = Σ V / Σ C; break-even success rate = f* × success rate with f* = max(0, Σ C / Σ V).",
      "[D] Sensitivity: Success rate sets every success rate; Consequences, Costs (saved costs included), Prices and Participants are multiplied by (1 + change); Horizon sets the horizon, the calculation years follow, and inputs outside the new years are ignored.",
    ],
    namesTitle: "Defined names of key figures (use them in your own formulas)",
    nameCol: "Name",
    meaning: "Meaning",
    forWho: (who: string, what: string): string => `${what}, ${who}`,
  },
} as const;

type Texts = (typeof T)[Lang];

const costKindLabel = (kind: CostKind, t: Texts): string => t.costKind[kind];
// Keep COST_KIND_LABELS referenced so a renamed kind shows up here at compile time.
void COST_KIND_LABELS;

interface Scope {
  /** Label shown on the sheet (user text for actors). */
  readonly label: string;
  /** Suffix of the defined names. */
  readonly suffix: string;
  /** What the suffix stands for, in the names table. */
  readonly describe: string;
  readonly block: ResultBlock;
  readonly style?: CellStyle;
  /**
   * A level with a single actor: its figures are that actor's, so it gets no rows of its own (no repeated
   * "Niveau: Kommune" rows); its defined names point at the actor's row (index into the scopes).
   */
  readonly sameAs?: number;
}

function scopes(results: Results, t: Texts, lang: Lang): Scope[] {
  const out: Scope[] = results.actors.map((a, i) => {
    const block = results.byActor[i];
    if (block === undefined) throw new RangeError(`No result block for actor ${i}`);
    return {
      label: a.name,
      suffix: actorNameSuffix(i),
      describe: `${a.name} (${levelLabel(a.level, lang)})`,
      block,
    };
  });
  for (const level of LEVELS) {
    const block = results.byLevel.get(level);
    if (block === undefined) continue;
    const label = t.levelRow(levelLabel(level, lang));
    const members = results.actors.flatMap((a, i) => (a.level === level ? [i] : []));
    const only = members.length === 1 ? members[0] : undefined;
    out.push({
      label,
      suffix: level,
      describe: label,
      block,
      style: "label",
      ...(only !== undefined ? { sameAs: only } : {}),
    });
  }
  out.push({ label: t.total, suffix: "Total", describe: t.total, block: results.total, style: "total" });
  return out;
}

/**
 * The `Resultater` sheet and its defined names. Pure: the same inputs (and `ctx.now`) give the same spec.
 * Example: renderResultSheets(results, scenario, { now, lang: "da", engineVersion: ENGINE_VERSION }).sheet.name === "Resultater"
 */
export function renderResultSheets(
  results: Results,
  scenario: Scenario,
  ctx: ResultsContext,
): { readonly sheet: SheetSpec; readonly names: readonly NameSpec[] } {
  const t = T[ctx.lang];
  const sheetName = RESULT_SHEETS.results;
  const w = new SheetWriter();
  const names: NameSpec[] = [];
  const H = results.years.length;
  const all = scopes(results, t, ctx.lang);

  // Title, status and stamp (the input fingerprint as the stamp's 7th and last line).
  const head = w.statusAndStamp({
    sheet: sheetName,
    lang: ctx.lang,
    title: `${t.title}: ${scenario.intervention}`,
    statusLabel: t.status,
    statusHelp: t.statusHelp,
    stampTitle: t.stamp,
    lines: [
      [t.engine, ctx.engineVersion, "@"],
      [t.calculated, stampTime(ctx.now), "@"],
      [t.priceLevel, results.priceLevel, YEAR],
      [t.discountRate, results.discountRate, PCT],
      [t.horizon, results.horizon.years, "0"],
      [t.years, `${results.years[0] ?? ""}–${results.years[H - 1] ?? ""}`, "@"],
    ],
    fingerprintLabel: t.fingerprint,
    fingerprint: ctx.inputFingerprint,
  });
  names.push(head.name);
  w.skip();

  // The model: horizon method, duration, perspective (som-method.md §2, §6) and the cohorts followed.
  // Texts from src/present/model-text.ts, the same as the pane's model card and the CLI table.
  const m = MODEL_LABELS[ctx.lang];
  w.add([[m.title]], { style: "subtitle" });
  const model: CellValue[][] = [
    [m.method, methodText(results.horizon.method, results.horizon.years, ctx.lang)],
    [m.duration, results.duration],
    [m.perspective, perspectiveText(results.perspective, ctx.lang)],
  ];
  if (results.excludedActors.length > 0)
    model.push([m.leftOut, results.excludedActors.map((a) => a.name).join(", ")]);
  w.add(model, { numberFormat: model.map((_, i) => ["@", i === 1 ? "0" : "@"]), style: "stamp" });
  if (results.cohorts.length > 0) {
    w.add([[...m.cohortHeader]], { style: "header" });
    const cohorts = cohortRows(results);
    w.add(
      cohorts.map((c) => [c.startYear, c.completionYear, c.starters, c.yearsFollowed]),
      { numberFormat: cohorts.map(() => [YEAR, YEAR, "General", "0"]), style: "output" },
    );
  }
  w.skip();

  // Key figures.
  const effects = scenario.effects;
  w.add([[t.keyTitle]], { style: "subtitle" });
  const header: CellValue[] = [
    t.who,
    t.netTotal,
    t.pv,
    t.breakEven,
    t.rpk,
    ...effects.map((e) => t.critical(e.name)),
    t.perCompleter,
    t.beyond,
  ];
  w.add([header], { style: "header" });
  const keyRows: CellValue[][] = [];
  const keyFormats: string[][] = [];
  const keyTop = w.row;
  const shown = all.filter((s) => s.sameAs === undefined);
  for (const s of shown) {
    const b = s.block;
    const f = b.breakEvenSuccessFactor;
    keyRows.push([
      s.label,
      b.netTotal,
      b.presentValue,
      b.breakEvenYear ?? t.notWithin,
      b.returnPerKrone ?? t.noCosts,
      ...effects.map((e) => (f === null ? t.cannot : f * e.successRate)),
      b.netPerCompleter ?? t.noParticipants,
      b.beyondHorizon,
    ]);
    keyFormats.push(["@", KR, KR, YEAR, RATIO, ...effects.map(() => PCT), KR, KR]);
  }
  w.add(keyRows, { numberFormat: keyFormats, style: "output" });
  all.forEach((s) => {
    const r = keyTop + shown.indexOf(s.sameAs === undefined ? s : (all[s.sameAs] as Scope));
    names.push(
      { name: `SOM_Res_Netto_${s.suffix}`, sheet: sheetName, ref: cellA1(r, 1) },
      { name: `SOM_Res_NV_${s.suffix}`, sheet: sheetName, ref: cellA1(r, 2) },
      { name: `SOM_Res_Aar_${s.suffix}`, sheet: sheetName, ref: cellA1(r, 3) },
      { name: `SOM_Res_Afkast_${s.suffix}`, sheet: sheetName, ref: cellA1(r, 4) },
    );
  });
  w.skip();
  w.add([[t.beyondLine, results.beyondHorizon]], { numberFormat: [["@", KR]], style: "output" });
  w.skip();

  // Year tables.
  const yearHeader = (label: string): CellValue[] => [label, ...results.years, t.total];
  const sum = (xs: readonly number[]): number => xs.reduce((a, x) => a + x, 0);
  const line = (label: string, xs: readonly number[], total: number | null = sum(xs)): CellValue[] => [
    label,
    ...xs,
    total,
  ];
  for (const s of shown) {
    const b = s.block;
    w.pageBreak();
    w.add([yearHeader(t.yearTable(s.label))], {
      style: "header",
      numberFormat: [["@", ...results.years.map(() => YEAR), "@"]],
    });
    const rows: CellValue[][] = [];
    const bold: boolean[] = [];
    const push = (r: CellValue[], isBold = false): void => {
      rows.push(r);
      bold.push(isBold);
    };
    for (const kind of COST_KINDS) push(line(costKindLabel(kind, t), b.costsByKind[kind]));
    push(line(t.costs, b.costs, b.costTotal), true);
    for (const [service, xs] of b.consequencesByService) push(line(t.service(service), xs));
    push(line(t.consequences, b.consequences, b.consequenceTotal), true);
    for (const [effect, xs] of b.consequencesByEffect) push(line(t.effect(effect), xs));
    push(line(t.net, b.net, b.netTotal), true);
    push(line(t.cumulative, b.cumulative, null));
    push(
      line(
        t.discounted,
        b.net.map((x, i) => x / (1 + results.discountRate) ** i),
        b.presentValue,
      ),
      true,
    );
    const top = w.row;
    rows.forEach((r, i) => {
      w.blocks.push({
        row: top + i,
        col: 0,
        values: [r],
        numberFormat: KR,
        style: bold[i] === true ? "outputBold" : "output",
      });
    });
    w.row += rows.length;
    w.skip();
  }

  // [D] rules and the names table.
  w.rulesAndNamesHeader(t, "guidance", H + 2);
  const nameRows: CellValue[][] = [];
  for (const s of all) {
    for (const k of RESULT_NAME_KINDS)
      nameRows.push([`${k.prefix}${s.suffix}`, t.forWho(s.describe, k[ctx.lang])]);
  }
  nameRows.push([sheetFingerprintName(sheetName), t.fingerprintName]);
  w.add(nameRows, { style: "label" });

  const sheet: SheetSpec = {
    name: sheetName,
    role: "result",
    columnWidths: [44, ...Array.from({ length: Math.max(H + 1, header.length - 1) }, () => 16)],
    blocks: w.blocks,
    conditionalFormats: [head.statusFormat],
    freeze: { rows: 0, cols: 1 },
    tabColor: "1F6E6E",
    merges: w.merges,
    pageBreaks: w.pageBreaks,
  };
  return { sheet, names };
}
