/**
 * Every UI string of the task-pane shell and the calculation panel, Danish first, English alongside.
 * Messages about input problems come from the engine's own catalogue (`InputIssue.message`), Office errors
 * from `src/excel/office-errors.ts`; panels by other authors keep their strings next to their code but use
 * the same `Text` shape (`src/taskpane/panel.ts`).
 */
import type { Lang } from "../present/format";
import type { Text } from "./panel";

/** The text in `lang`. */
export const tr = (text: Text, lang: Lang): string => text[lang];

/** A text with `{name}` placeholders filled in (the values are inserted as they are, in both languages). */
export function fill(text: Text, values: Readonly<Record<string, string | number>>): Text {
  const sub = (s: string): string =>
    s.replace(/\{(\w+)\}/g, (m, k: string) =>
      Object.prototype.hasOwnProperty.call(values, k) ? String(values[k]) : m,
    );
  return { da: sub(text.da), en: sub(text.en) };
}

/** The same text in both languages (user content such as an actor name). */
export const same = (s: string): Text => ({ da: s, en: s });

export const T = {
  appTitle: { da: "SØM", en: "SØM" },
  appSubtitle: { da: "Socialøkonomisk investeringsmodel", en: "Social investment model" },
  language: { da: "Sprog", en: "Language" },
  langDa: { da: "Dansk", en: "Danish" },
  langEn: { da: "Engelsk", en: "English" },
  tabs: { da: "Funktioner", en: "Features" },
  loading: { da: "Indlæser …", en: "Loading …" },
  devMode: {
    da: "Browser-udviklingstilstand: ingen Excel. SØM arbejder på en projektmappe i hukommelsen.",
    en: "Browser dev mode: no Excel. SØM works on an in-memory workbook.",
  },
  officeSlow: {
    da: "SØM venter stadig på, at Excel bliver klar (office.js fra Microsoft) … Sker der ikke mere, så luk opgaveruden og åbn den igen, og tjek netværksforbindelsen: office.js og dens hjælpefiler hentes fra appsforoffice.microsoft.com.",
    en: "SØM is still waiting for Excel to get ready (Microsoft's office.js) … If nothing happens, close the task pane and open it again, and check the network: office.js and its helper files come from appsforoffice.microsoft.com.",
  },
  unsupportedHost: {
    da: "SØM virker kun i Excel. Åbn SØM fra Excel (Hjem › SØM-beregning).",
    en: "SØM only works in Excel. Open SØM from Excel (Home › SØM calculation).",
  },
  // status / progress / dialog
  statusRegion: { da: "Status", en: "Status" },
  dismiss: { da: "Luk besked", en: "Dismiss message" },
  working: { da: "Arbejder …", en: "Working …" },
  cancel: { da: "Annuller", en: "Cancel" },
  ok: { da: "OK", en: "OK" },
  yes: { da: "Ja, fortsæt", en: "Yes, continue" },
  no: { da: "Nej", en: "No" },
  confirmTitle: { da: "Bekræft", en: "Please confirm" },
  cancelled: { da: "Afbrudt.", en: "Cancelled." },
  // issue list
  issuesTitle: { da: "Problemer i input", en: "Input problems" },
  issuesCount: {
    da: "Fejl: {errors}. Advarsler: {warnings}. Klik på et problem for at gå til cellen.",
    en: "Errors: {errors}. Warnings: {warnings}. Click a problem to go to its cell.",
  },
  issueError: { da: "Fejl", en: "Error" },
  issueWarning: { da: "Advarsel", en: "Warning" },
  issueGoTo: { da: "Gå til {where}", en: "Go to {where}" },
  issueRelated: { da: "Se også {where}", en: "See also {where}" },
  issueNoCell: { da: "(ingen celle)", en: "(no cell)" },
  selectFailed: {
    da: "Kunne ikke vælge cellen {where}. Findes arket stadig?",
    en: "Could not select cell {where}. Does the sheet still exist?",
  },
  unexpected: {
    da: "Der skete en uventet fejl: {detail}. Intet nyt er skrevet i projektmappen. Prøv igen; meld fejlen, hvis den gentager sig.",
    en: "An unexpected error occurred: {detail}. Nothing new was written to the workbook. Try again; report it if it happens again.",
  },
  // calculation panel
  calcTab: { da: "Beregning", en: "Calculation" },
  calcIntro: {
    da: "Udfyld inputarkene, og tryk Beregn. Resultaterne skrives på arket »Resultater« som faste værdier.",
    en: "Fill in the input sheets and press Calculate. Results are written to the “Resultater” sheet as static values.",
  },
  createSheets: { da: "Opret SØM-ark", en: "Create SØM sheets" },
  createSheetsHint: {
    da: "Tilføjer de manglende inputark med navne og overskrifter. Eksisterende ark røres ikke.",
    en: "Adds the missing input sheets with names and headers. Existing sheets are not touched.",
  },
  creatingSheets: { da: "Opretter SØM-ark …", en: "Creating SØM sheets …" },
  sheetsCreated: { da: "Oprettet: {list}.", en: "Created: {list}." },
  namesRepaired: {
    da: "Manglende navne genoprettet på SØM-arkene: {list}.",
    en: "Missing names restored on the SØM sheets: {list}.",
  },
  sheetsSkipped: { da: "Fandtes allerede (uændret): {list}.", en: "Already there (unchanged): {list}." },
  sheetsNoneCreated: {
    da: "Alle SØM-ark findes allerede; intet er ændret.",
    en: "All SØM sheets already exist; nothing was changed.",
  },
  calculate: { da: "Beregn", en: "Calculate" },
  calculating: { da: "Beregner …", en: "Calculating …" },
  calcDone: {
    da: "Beregnet. Resultaterne er skrevet på {sheets}.",
    en: "Calculated. Results were written to {sheets}.",
  },
  calcIssues: {
    da: "Beregningen blev ikke udført: {count} problemer i input. Intet er skrevet. Ret dem og beregn igen.",
    en: "Not calculated: {count} input problems. Nothing was written. Fix them and calculate again.",
  },
  calcIssues1: {
    da: "Beregningen blev ikke udført: 1 problem i input. Intet er skrevet. Ret det og beregn igen.",
    en: "Not calculated: 1 input problem. Nothing was written. Fix it and calculate again.",
  },
  autoRecalc: {
    da: "Beregn automatisk, når input ændres",
    en: "Recalculate automatically when inputs change",
  },
  autoRecalcHint: {
    da: "Kun mens denne rude er åben.",
    en: "Only while this pane is open.",
  },
  autoRecalcUnavailable: {
    da: "Automatisk beregning kræver Excel (ikke tilgængelig i browser-tilstand).",
    en: "Automatic recalculation needs Excel (not available in browser mode).",
  },
  liveResults: {
    da: "Levende resultater (formler, der regner uden SØM)",
    en: "Live results (formulas that recalculate without SØM)",
  },
  liveResultsHint: {
    da: "Beregn skriver også «Levende resultater» og fire trin-ark: almindelige Excel-formler over input-cellerne, så en kollega uden tilføjelsesprogrammet ser tallene flytte sig. Gemmes i projektmappen (SOM_LevendeResultater på Indstillinger).",
    en: "Calculate also writes “Levende resultater” and four step sheets: ordinary Excel formulas over the input cells, so a colleague without the add-in sees the figures move. Stored in the workbook (SOM_LevendeResultater on Indstillinger).",
  },
  liveResultsNoOption: {
    da: "Denne projektmappe har ikke indstillingen SOM_LevendeResultater (nye projektmapper har). Valget gælder, så længe ruden er åben.",
    en: "This workbook has no SOM_LevendeResultater option (new workbooks do). The choice lasts while the pane is open.",
  },
  staleLive: {
    da: "«Levende resultater» regner selv med; har du tilføjet linjer, laver Beregn dem igen.",
    en: "“Levende resultater” keeps calculating by itself; if you added lines, Calculate makes them again.",
  },
  liveResultsOn: {
    da: "Levende resultater: Ja. Beregn skriver de levende ark.",
    en: "Live results: Yes. Calculate writes the live sheets.",
  },
  liveResultsOff: {
    da: "Levende resultater: Nej. Beregn skriver ikke de levende ark; eksisterende levende ark bliver stående.",
    en: "Live results: No. Calculate does not write the live sheets; existing live sheets stay.",
  },
  stale: {
    da: "Input er ændret siden sidste beregning – resultaterne er forældede. Tryk Beregn.",
    en: "Inputs changed since the last calculation – the results are out of date. Press Calculate.",
  },
  staleInterrupted: {
    da: "Den sidste skrivning af resultaterne blev afbrudt – resultatarkene kan være delvist opdateret. Tryk Beregn.",
    en: "The last write of the results was interrupted – the result sheets may be partly updated. Press Calculate.",
  },
  current: { da: "Resultaterne svarer til det aktuelle input.", en: "The results match the current inputs." },
  keyFigures: { da: "Nøgletal pr. aktør", en: "Key figures per actor" },
  keyFiguresNote: {
    da: "Kr. i prisniveau {priceLevel}, {first}–{last}. Positivt = gevinst for den offentlige økonomi.",
    en: "Kroner at price level {priceLevel}, {first}–{last}. Positive = gain for the public budget.",
  },
  total: { da: "I alt", en: "Total" },
  netResult: { da: "Nettoresultat i alt", en: "Total net result" },
  breakEven: { da: "Tilbagebetalingsår", en: "Break-even year" },
  presentValue: { da: "Nutidsværdi", en: "Present value" },
  criticalRate: { da: "Kritisk succesrate", en: "Break-even success rate" },
  cannotBreakEven: { da: "kan ikke tjene sig hjem", en: "cannot break even" },
  returnPerKrone: { da: "Afkast pr. krone", en: "Return per krone" },
  notWithinHorizon: { da: "ikke inden for tidshorisonten", en: "not within the horizon" },
  noCosts: { da: "– (ingen omkostninger)", en: "– (no costs)" },
  notDefined: { da: "–", en: "–" },
  chartTitle: { da: "Kumuleret nettoresultat pr. aktør", en: "Cumulative net result per actor" },
  chartDesc: {
    da: "Linjediagram over det kumulerede nettoresultat for hver aktør fra {first} til {last}.",
    en: "Line chart of the cumulative net result of each actor from {first} to {last}.",
  },
  chartLegend: { da: "Forklaring", en: "Legend" },
  millionKr: { da: "mio. kr.", en: "m kr." },
  warningsShown: {
    da: "Se advarslerne i listen ({count}).",
    en: "See the warnings in the list ({count}).",
  },
  loadExample: { da: "Indlæs eksempel", en: "Load the example" },
  loadExampleConfirm: {
    da: "Eksemplets inputark erstatter SØM's inputark i denne projektmappe i hukommelsen. Fortsæt?",
    en: "The example's input sheets replace SØM's input sheets in this in-memory workbook. Continue?",
  },
  exampleLoaded: {
    da: "Eksemplet er indlæst. Tryk Beregn.",
    en: "The example is loaded. Press Calculate.",
  },
} as const satisfies Record<string, Text>;

export type TextKey = keyof typeof T;
