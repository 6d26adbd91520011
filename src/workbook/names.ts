/**
 * The defined names and block headers of the workbook contract (shared/spec/workbook-contract.md v2).
 * This is the product's public interface with the user's workbook: one place, used by the reader,
 * the template layout and the add-in.
 */

export const CONTRACT_VERSION = 2;

/** Scalar names. */
export const N = {
  intervention: "SOM_Indsats",
  targetGroup: "SOM_Maalgruppe",
  startYear: "SOM_Startaar",
  horizon: "SOM_Tidshorisont",
  horizonMethod: "SOM_Horisontmetode",
  perspective: "SOM_Perspektiv",
  priceLevel: "SOM_Prisniveau",
  discountRate: "SOM_Diskonteringsrente",
  operatingPeriod: "SOM_Driftsperiode",
  duration: "SOM_Varighed",
  gridResult: "SOM_Grid_Resultat",
  // blocks
  actors: "SOM_Aktoerer",
  priceIndex: "SOM_Prisindeks",
  participants: "SOM_Deltagere",
  effects: "SOM_Effekter",
  costs: "SOM_Omkostninger",
  consequences: "SOM_Konsekvenser",
  prices: "SOM_Priser",
  sensitivity: "SOM_Foelsomhed",
  gridX: "SOM_Grid_X",
  gridY: "SOM_Grid_Y",
  // som-method.md §11 (all optional)
  budgetYear: "SOM_Budgetaar",
  poolShare: "SOM_Pulje_Andel",
  budgetUnit: "SOM_Budget_Enhed",
  realised: "SOM_Realiseret",
  // uncertainty (som-method.md §10; all optional)
  uncertainty: "SOM_Usikkerhed",
  simulationIterations: "SOM_Simulering_Antal",
  simulationSeed: "SOM_Simulering_Seed",
  realism: "SOM_Realisme",
  costUplift: "SOM_Omkostningstillaeg",
  effectDelay: "SOM_Forsinkelse",
} as const;

export type ContractName = (typeof N)[keyof typeof N];

/** Names whose absence is an input issue. The rest are optional. */
export const REQUIRED_NAMES: readonly ContractName[] = [
  N.intervention,
  N.startYear,
  N.horizon,
  N.actors,
  N.operatingPeriod,
  N.participants,
  N.effects,
  N.costs,
  N.consequences,
  N.prices,
];

/** Every input name of the contract (what the tools read). */
export const INPUT_NAMES: readonly ContractName[] = Object.values(N);

/** A block column: Danish header, English alias, and whether it must be present. */
export interface ColumnDef {
  readonly key: string;
  readonly da: string;
  readonly en: string;
  readonly required: boolean;
  /** Further headers that mean this column (matched like `da` and `en`). */
  readonly aliases?: readonly string[];
  /**
   * False for a presentation-only column (the free-text note): a row filled only there is not a data row
   * (`readBlock` skips it with a `notes-only-row` warning). Default true.
   */
  readonly data?: boolean;
}

const col = (key: string, da: string, en: string, required = true): ColumnDef => ({ key, da, en, required });

/** Longest free-text note (`Bemærkning`/`Note`) kept, in characters [D]; a longer one is cut (a warning says so). */
export const MAX_NOTE_LENGTH = 500;

/**
 * The optional free-text note column of the input blocks where a row is an assumption (effects, costs,
 * consequences, prices) [D]: the user's own remark, shown in the report's assumptions register (Forudsætninger).
 * Presentation only: never read by the engine, never makes a row a data row. Headers `Bemærkning` or `Note`
 * (also `Bemærkninger`, `Noter`, `Notes`).
 */
const NOTE_COLUMN: ColumnDef = {
  key: "note",
  da: "Bemærkning",
  en: "Note",
  required: false,
  aliases: ["Bemærkninger", "Noter", "Notes"],
  data: false,
};

/** Block columns by name. `SOM_Konsekvenser` also has `År 1`…`År 20` (Year 1…20); `SOM_Priser` has one column per actor. */
export const COLUMNS = {
  [N.actors]: [col("actor", "Aktør", "Actor"), col("level", "Niveau", "Level")],
  [N.priceIndex]: [col("year", "År", "Year"), col("index", "Indeks", "Index")],
  [N.participants]: [col("year", "År", "Year"), col("count", "Deltagere", "Participants")],
  [N.effects]: [
    col("effect", "Effektmål", "Outcome"),
    col("successRate", "Succesrate", "Success rate"),
    col("source", "Kilde", "Source", false),
    col("evidence", "Evidens", "Evidence", false),
    NOTE_COLUMN,
  ],
  [N.costs]: [
    col("item", "Post", "Item"),
    col("kind", "Art", "Kind"),
    col("actor", "Aktør", "Actor"),
    col("amount", "Beløb", "Amount"),
    col("priceYear", "Prisår", "Price year", false),
    col("fromYear", "Fra år", "From year", false),
    col("toYear", "Til år", "To year", false),
    col("source", "Kilde", "Source", false),
    NOTE_COLUMN,
  ],
  [N.consequences]: [
    col("effect", "Effektmål", "Outcome"),
    col("service", "Ydelse", "Service"),
    col("unit", "Enhed", "Unit", false),
    col("kind", "Art", "Kind"),
    col("phase", "Fase", "Phase", false),
    col("source", "Kilde", "Source", false),
    NOTE_COLUMN,
  ],
  [N.prices]: [
    col("service", "Ydelse", "Service"),
    col("unit", "Enhed", "Unit", false),
    col("priceYear", "Prisår", "Price year", false),
    col("source", "Kilde", "Source", false),
    NOTE_COLUMN,
  ],
  [N.sensitivity]: [
    col("parameter", "Parameter", "Parameter"),
    col("low", "Lav", "Low"),
    col("high", "Høj", "High"),
  ],
  [N.uncertainty]: [
    col("parameter", "Parameter", "Parameter"),
    col("distribution", "Fordeling", "Distribution"),
    col("low", "Lav", "Low"),
    col("mode", "Mest sandsynlig", "Most likely", false),
    col("high", "Høj", "High"),
  ],
  [N.realism]: [col("level", "Evidensniveau", "Evidence level"), col("reduction", "Reduktion", "Reduction")],
  // som-method.md §11: besides these, `Succesrate: <Effektmål>` per effect and one cost column per actor.
  [N.realised]: [
    col("year", "År", "Year"),
    col("participants", "Deltagere", "Participants"),
    col("successRate", "Succesrate", "Success rate", false),
    col("priceYear", "Prisår", "Price year", false),
    col("source", "Kilde", "Source", false),
  ],
} as const satisfies Partial<Record<ContractName, readonly ColumnDef[]>>;

/** Max consequence years J (som-method.md §1). */
export const MAX_CONSEQUENCE_YEARS = 20;

/** Header of consequence year j, Danish and English: "År 1" / "Year 1". */
export const consequenceYearHeader = (j: number): { readonly da: string; readonly en: string } => ({
  da: `År ${j}`,
  en: `Year ${j}`,
});

/** Cost kinds as typed in the workbook (Danish, English alias) → engine kind. */
export const COST_KIND_LABELS = [
  { kind: "Opstart", da: "Opstart", en: "Start-up" },
  { kind: "Drift", da: "Drift", en: "Operating" },
  { kind: "PrDeltager", da: "Pr. deltager", en: "Per participant" },
  { kind: "PrForloeb", da: "Pr. forløb", en: "Per course" },
  { kind: "Sparet", da: "Sparet", en: "Saved" },
] as const;

export const CONSEQUENCE_KIND_LABELS = [
  { kind: "Udgift", da: "Udgift", en: "Expenditure" },
  { kind: "Indtaegt", da: "Indtægt", en: "Revenue" },
] as const;

/** Consequence phases (som-method.md §4): Danish, English alias → engine code. Blank = `after`. */
export const PHASE_LABELS = [
  { code: "after", da: "Efter indsats", en: "After" },
  { code: "during", da: "Under indsats", en: "During" },
] as const;

/** Horizon methods (som-method.md §2): Danish, English alias → engine code. Blank = `perCohort`. */
export const HORIZON_METHOD_LABELS = [
  { code: "perCohort", da: "Pr. kohorte", en: "Per cohort" },
  { code: "calendar", da: "Kalenderår", en: "Calendar years" },
] as const;

/** Perspectives (som-method.md §6): Danish, English alias → engine code. Blank = `public`. */
export const PERSPECTIVE_LABELS = [
  { code: "public", da: "Offentlig sektor", en: "Public sector" },
  { code: "kommune", da: "Kun kommune", en: "Municipality only" },
] as const;

/** The label of an enumeration code in the user's language: enumLabel(HORIZON_METHOD_LABELS, "calendar", "da") → "Kalenderår". */
export const enumLabel = (
  labels: readonly { readonly code: string; readonly da: string; readonly en: string }[],
  code: string,
  lang: "da" | "en",
): string => labels.find((l) => l.code === code)?.[lang] ?? code;

export const LEVEL_LABELS = [
  { level: "Kommune", da: "Kommune", en: "Municipality" },
  { level: "Region", da: "Region", en: "Region" },
  { level: "Stat", da: "Stat", en: "State" },
  { level: "Andet", da: "Andet", en: "Other" },
] as const;

/** The label of a level in the user's language: levelLabel("Stat", "en") → "State". */
export const levelLabel = (level: string, lang: "da" | "en"): string =>
  LEVEL_LABELS.find((l) => l.level === level)?.[lang] ?? level;

/** Sensitivity parameters (som-method.md §7): name in the workbook → engine key. */
export const SENSITIVITY_PARAMETER_LABELS = [
  { key: "successRate", da: "Succesrate", en: "Success rate" },
  { key: "consequences", da: "Konsekvenser", en: "Consequences" },
  { key: "costs", da: "Omkostninger", en: "Costs" },
  { key: "prices", da: "Priser", en: "Prices" },
  { key: "participants", da: "Deltagere", en: "Participants" },
  { key: "horizon", da: "Tidshorisont", en: "Horizon" },
] as const;

/** Distributions of `SOM_Usikkerhed` (som-method.md §10): name in the workbook → engine kind. */
export const DISTRIBUTION_LABELS = [
  { kind: "uniform", da: "Uniform", en: "Uniform" },
  { kind: "triangular", da: "Trekant", en: "Triangular" },
] as const;

/** Sheets the tools own (write results into). A sheet with one of these names that is not marked is never overwritten. */
export const RESULT_SHEETS = {
  results: "Resultater",
  sensitivity: "Følsomhedsresultater",
  comparison: "Sammenligning",
  budget: "Budget",
  followUp: "Opfølgningsresultater",
  /** The simulation's results (the template's input page is "Usikkerhed"). */
  uncertainty: "Usikkerhedsresultater",
  /** Every iteration of a simulation (written on request). */
  iterations: "Simuleringer",
  /** The decision report (issue 15); an unowned sheet of this name is left alone with a warning. */
  report: "Rapport",
  meta: "_som_meta",
} as const;

/** Names on the meta sheet: the list of sheets the tools own (ownership marker) and the input snapshot. */
export const META_NAMES = {
  ownedSheets: "SOM_Meta_EjedeArk",
  inputsAtRun: "SOM_InputsAtRun",
  inputs: "SOM_Inputs",
  /** Scalar text on the meta sheet: "Aktuel" / "Forældet" (current / out of date), formula-driven. */
  status: "SOM_Status",
} as const;

/**
 * The workbook option "Levende resultater" (som-method.md §12): `Ja`/`Nej` (Yes/No) on Indstillinger. When it
 * is `Ja`, the add-in's Beregn also writes the live formula sheets. New workbooks (template, "Opret SØM-ark")
 * start with `Ja`; a workbook without the name has the option off. Not a calculation input: it is read with the
 * inputs but left out of the input snapshot, so changing it never makes results stale.
 */
export const LIVE_OPTION_NAME = "SOM_LevendeResultater";
export const YES_NO_LABELS = [
  { value: true, da: "Ja", en: "Yes" },
  { value: false, da: "Nej", en: "No" },
] as const;
