/** The knowledge panel's strings, Danish first (same `Text` shape as `src/taskpane/i18n.ts`). */
import type { KnowledgeOrigin } from "../../../app/knowledge-library";
import type { RecordKind } from "../../../knowledge/types";
import type { Lang } from "../../../present/format";

export const KT = {
  tab: { da: "Viden", en: "Knowledge" },
  intro: {
    da: "Søg i vidensdatabasen og indsæt priser, konsekvenser og succesrater i beregningen. Hvert tal har kilde, år og sikkerhed (H officiel, M sekundær, L afledt). Tal, der ikke er offentliggjort, står som mangler med en henvisning.",
    en: "Search the knowledge database and insert prices, consequences and success rates into the calculation. Every figure has a source, year and confidence (H official, M secondary, L derived). Figures that are not public are shown as gaps with a pointer.",
  },
  search: { da: "Søg", en: "Search" },
  searchPlaceholder: { da: "fx fængsel, IPS, herberg", en: "e.g. prison, IPS, shelter" },
  kind: { da: "Type", en: "Type" },
  allKinds: { da: "Alle typer", en: "All types" },
  group: { da: "Målgruppe", en: "Target group" },
  allGroups: { da: "Alle målgrupper", en: "All target groups" },
  records: { da: "poster", en: "records" },
  selected: { da: "valgt", en: "selected" },
  source: { da: "Kilde", en: "Source" },
  confidence: { da: "sikkerhed", en: "confidence" },
  derivation: { da: "Udregning", en: "Derivation" },
  gap: { da: "Mangler", en: "Gap" },
  gapWhere: { da: "Det officielle tal findes i", en: "The official figure is in" },
  insert: { da: "Indsæt valgte i beregningen", en: "Insert selected into the calculation" },
  insertHint: {
    da: "Priser omregnes til projektmappens prisniveau med SOM_Prisindeks. Udfyldte rækker overskrives kun, hvis du bekræfter.",
    en: "Prices are converted to the workbook's price level with SOM_Prisindeks. Filled rows are only overwritten if you confirm.",
  },
  insertedRow: { da: "Indsat i", en: "Inserted in" },
  row: { da: "række", en: "row" },
  rowsInserted: { da: "række(r) indsat", en: "row(s) inserted" },
  notInserted: { da: "Ikke indsat:", en: "Not inserted:" },
  nothingInserted: {
    da: "Intet blev indsat – se forklaringen under knappen.",
    en: "Nothing was inserted – see the explanation below the button.",
  },
  needsSplit: {
    da: "Satsen er ikke indsat: angiv fordelingen på aktører under knappen.",
    en: "The rate was not inserted: give the split across actors below the button.",
  },
  reload: { da: "Genindlæs arket Viden", en: "Reload the Knowledge sheet" },
  importFile: { da: "Importér vidensfil", en: "Import knowledge file" },
  saveToSheet: { da: "Gem importerede i arket Viden", en: "Save imported into the Knowledge sheet" },
  exportJson: { da: "Eksportér egne poster (JSON)", en: "Export own records (JSON)" },
  fileHint: {
    da: "En kommunes egen prisliste kan ligge i arket Viden (rejser med projektmappen) eller deles som vidensfil: JSON, eller .xlsx med et Viden-ark (navnet SOM_Viden), fx lavet med 'som knowledge export --out fil.xlsx'.",
    en: "A municipality's own price list can live in the Knowledge sheet (travels with the workbook) or be shared as a knowledge file: JSON, or .xlsx with a Knowledge sheet (the name SOM_Viden), e.g. made with 'som knowledge export --out file.xlsx'.",
  },
  starterSource: { da: "Startvidensbase", en: "Starter base" },
  sheetSource: { da: "Arket", en: "Sheet" },
  sheetInvalid: { da: "har fejl", en: "has problems" },
  noSheet: { da: "intet vidensark i projektmappen", en: "no knowledge sheet in the workbook" },
  sheetProblems: {
    da: "Vidensarket har fejl (posterne vises ikke, før de er rettet):",
    en: "The knowledge sheet has problems (its records are not shown until fixed):",
  },
  fileProblems: { da: "Fejl i", en: "Problems in" },
  importFailed: {
    da: "Filen kunne ikke importeres – se fejlene i listen.",
    en: "The file could not be imported – see the problems in the list.",
  },
  imported: { da: "poster importeret fra", en: "records imported from" },
  fileTooLarge: {
    da: "Filen er for stor til en vidensfil (over 5 MB).",
    en: "The file is too large for a knowledge file (over 5 MB).",
  },
  notSaved: { da: "Ikke gemt:", en: "Not saved:" },
  ownKnowledge: { da: "Egen vidensbase", en: "Own knowledge base" },
  splitTitle: { da: "Fordel på aktører før indsættelse", en: "Split across actors before inserting" },
  splitRate: { da: "Sats (brutto, før refusion):", en: "Rate (gross, before refusion):" },
  splitTotal: { da: "Samlet beløb:", en: "Total amount:" },
  splitMissingRate: {
    da: "En sats er ikke en SØM-pris. Mangler: fordelingen på kommune, region og stat efter refusion; administration og sagsbehandling (er ikke med i satsen). Angiv fordelingen nedenfor – den skrives i Kilde som dit skøn.",
    en: "A rate is not a SØM price. Missing: the split across municipality, region and state after refusion; administration and case handling (not in the rate). Give the split below – Kilde records it as your estimate.",
  },
  splitMissingTotal: {
    da: "Beløbet kendes kun samlet. Mangler: fordelingen på kommune, region og stat. Angiv fordelingen nedenfor – den skrives i Kilde som dit skøn.",
    en: "Only the total is known. Missing: the split across municipality, region and state. Give the split below – Kilde records it as your estimate.",
  },
  splitHelp: { da: "Hjælp –", en: "Help –" },
  splitHelpRest: {
    da: "Gælder forsørgelsesydelser efter borgerens samlede tid på offentlig forsørgelse; kommunen betaler resten. Vælg et trin eller skriv din egen fordeling.",
    en: "Applies to income-support benefits by the citizen's total time on public support; the municipality pays the rest. Pick a stage or type your own split.",
  },
  secondary: { da: "sekundær kilde", en: "secondary source" },
  derived: { da: "afledt tal eller svag kilde", en: "derived figure or weak source" },
  splitSum: { da: "I alt", en: "Total" },
  splitMust100: { da: "skal give 100 %", en: "must add up to 100 %" },
  splitKilde: {
    da: "Kilde-cellen får satsens kilde og »fordeling: brugerens skøn (…)«.",
    en: "The Kilde cell gets the rate's source and »fordeling: brugerens skøn (…)« (the user's estimate).",
  },
  splitInsert: { da: "Indsæt med denne fordeling", en: "Insert with this split" },
  warnings: { da: "Advarsler:", en: "Warnings:" },
  figureKind: { da: "Art", en: "Kind" },
  validity: { da: "Gyldig", en: "Valid" },
  mainArea: { da: "Hovedområde", en: "Main area" },
  recommended: { da: "Anbefalet af SØM", en: "Recommended by SØM" },
  yes: { da: "ja", en: "yes" },
  no: { da: "nej", en: "no" },
  unknown: { da: "ukendt", en: "not known" },
} as const;

const FIGURE_KINDS = {
  pris: { da: "pris (SØM-type gennemsnitsomkostning)", en: "price (SØM-type average cost)" },
  sats: {
    da: "sats (lovbestemt ydelse, brutto) – ikke en SØM-pris",
    en: "rate (legal benefit, gross) – not a SØM price",
  },
  takst: { da: "takst (tilbuddets pris)", en: "tariff (the provider's charge)" },
} as const;

export const figureKindText = (k: keyof typeof FIGURE_KINDS, lang: Lang): string => FIGURE_KINDS[k][lang];

const KINDS: Readonly<Record<RecordKind, { readonly da: string; readonly en: string }>> = {
  targetGroup: { da: "Målgruppe", en: "Target group" },
  effect: { da: "Effekt", en: "Effect" },
  price: { da: "Pris", en: "Price" },
  consequence: { da: "Konsekvens", en: "Consequence" },
  parameter: { da: "Parameter", en: "Parameter" },
};

export const kindText = (k: RecordKind, lang: Lang): string => KINDS[k][lang];

export function originText(o: KnowledgeOrigin, lang: Lang): string {
  if (o.kind === "starter") return lang === "da" ? "startvidensbase" : "starter base";
  if (o.kind === "workbook") return lang === "da" ? `arket ${o.sheet}` : `sheet ${o.sheet}`;
  return o.file;
}
