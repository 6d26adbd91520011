/**
 * The SØM template layout — the one definition of the input sheets, used by the template file
 * (`som template`, assets/SOM-skabelon.xlsx), the example workbook, the golden fixtures and the add-in's
 * "Opret SØM-ark" (`src/app/create-sheets.ts`).
 *
 * Sheets in the original tool's order: Forside, Indstillinger, Indsats, Effekt, Omkostninger,
 * Konsekvenser, Priser, Følsomhed (English names with `lang = "en"`), then the knowledge sheet Viden
 * (`knowledge-sheet.ts`, the user's own knowledge records, `SOM_Viden`). Every contract name of
 * shared/spec/workbook-contract.md is defined; each block name covers its header row and its data rows,
 * spare blank rows included, so users type into the named area. Input cells are styled `input`; kinds,
 * levels and actors have drop-down lists; every block where numbers are typed has a `Kilde` column, and the
 * blocks whose rows are assumptions (effects, costs, consequences, prices) end with a free-text `Bemærkning`
 * (Note) column for the report's assumptions register.
 *
 * Example: `writeWorkbookSpec(buildTemplateSpec("da"))` → the blank Danish template;
 * `buildTemplateSpec({ lang: "da", data: EXAMPLE_DATA })` → the example workbook.
 */
import type { RawScenario } from "../../engine/types";
import type { Lang } from "../../present/format";
import {
  COLUMNS,
  CONSEQUENCE_KIND_LABELS,
  COST_KIND_LABELS,
  HORIZON_METHOD_LABELS,
  LEVEL_LABELS,
  MAX_CONSEQUENCE_YEARS,
  META_NAMES,
  N,
  PERSPECTIVE_LABELS,
  PHASE_LABELS,
  SENSITIVITY_PARAMETER_LABELS,
  consequenceYearHeader,
  type ColumnDef,
  LIVE_OPTION_NAME,
  YES_NO_LABELS,
} from "../names";
import type { CellValue, NameSpec, SheetSpec, WorkbookSpec } from "../sheet-model";
import { GENERAL, LayoutError, SheetDraft, a1, rangeA1, type TableColumn } from "./sheet-draft";
import { annualSourceText, shippedPriceIndex } from "../../knowledge/price-index";
import { budgetSettingsSection, type TemplateDecision } from "./decision-layout";
import { knowledgeSheetSpec } from "./knowledge-sheet";
import { uncertaintyPage, type UncertaintyTemplateData } from "./uncertainty-page";
import { followUpPage } from "./follow-up-page";
import { withInputPrintSetup } from "./input-print";
import {
  DISCOUNT_RATE_SOURCE,
  NOT_CALCULATED,
  SHEET_NAMES,
  SHEET_ORDER,
  TX,
  say,
  type TemplateSheetKey,
} from "./texts";

/**
 * Inputs that fill the template's input cells (the example workbook, golden fixtures). The same shape
 * the workbook reader produces. Kinds and levels may be engine codes (`PrDeltager`, `Indtaegt`) or labels;
 * they are written as the label in the template's language. Absent values are left blank (no defaults).
 */
export type TemplateData = RawScenario;

export interface TemplateOptions {
  /** Language of sheet names, headers and guidance. Default "da". */
  readonly lang?: Lang;
  readonly data?: TemplateData;
  /** Budget and pool settings, realised figures (som-method.md §11); absent = blank. */
  readonly decision?: TemplateDecision;
  /** Rows for the Usikkerhed page (example workbook); blank without. */
  readonly uncertainty?: UncertaintyTemplateData;
}

/** Helper name (not part of the contract): the actor names of `SOM_Aktoerer`, for the actor drop-downs. */
export const ACTOR_LIST_NAME = "SOM_Aktoerer_Navne";

/** Default discount rate ρ, share (som-method.md §1: Finansministeriet 3,5 % for years 0–35). */
export const DEFAULT_DISCOUNT_RATE = 0.035;
/** Default horizon F in years (som-method.md §1). */
export const DEFAULT_HORIZON = 10;
/** Default duration v in years (som-method.md §1). */
export const DEFAULT_DURATION = 1;
/** Rows of the participants block: calculation years 1..30 (the largest horizon). */
export const PARTICIPANT_ROWS = 30;

/** Data rows of each block in the blank template (spare rows for typing). With data: at least data + 5. */
const BLOCK_ROWS = {
  actors: 10,
  priceIndex: 15,
  effects: 5,
  costs: 20,
  consequences: 25,
  prices: 20,
} as const;
const SPARE_WITH_DATA = 5;

/** Invariant number formats (Excel shows them with Danish separators in a Danish Excel). */
export const FMT = {
  kr: "#,##0",
  share: "0.0%",
  change: "0%",
  year: "0",
  count: "General",
  delta: "#,##0.00",
  index: "0.00",
} as const;

/** Sensitivity defaults [D] (task brief): ± changes as shares, horizon in years. */
const SENSITIVITY_DEFAULTS = {
  successRateFactors: [0.5, 1.5],
  consequences: [-0.25, 0.25],
  costs: [-0.25, 0.25],
  prices: [-0.1, 0.1],
  participants: [-0.25, 0.25],
  /** Added to F (SOM_Tidshorisont), within 1–30. */
  horizon: [-5, 5],
} as const;

/** Width of the free-text note column (`Bemærkning`/`Note`) at the right end of the assumption blocks [D]. */
const NOTE_WIDTH = 50;

const TAB = { front: "0F6C74", input: "D9E7E8", sensitivity: "FFF2CC" } as const;

const norm = (s: string): string => s.trim().toLowerCase();
const orNull = (v: string | number | undefined): CellValue => (v === undefined ? null : v);

/** Writes a kind/level/enumeration as the label in `lang` when it is a known code or label; other text unchanged. */
function labelOf(
  labels: readonly {
    readonly da: string;
    readonly en: string;
    readonly kind?: string;
    readonly level?: string;
    readonly code?: string;
  }[],
  text: string,
  lang: Lang,
): string {
  const k = norm(text);
  const hit = labels.find(
    (l) => norm(l.da) === k || norm(l.en) === k || norm(l.kind ?? l.level ?? l.code ?? "") === k,
  );
  return hit === undefined ? text : hit[lang];
}

/** An optional enumeration cell: the label in `lang`, or blank when absent. */
const optionalLabel = (
  labels: Parameters<typeof labelOf>[0],
  text: string | undefined,
  lang: Lang,
): CellValue => (text === undefined ? null : labelOf(labels, text, lang));

const header = (cols: readonly ColumnDef[], key: string, lang: Lang): string => {
  const c = cols.find((x) => x.key === key);
  if (c === undefined) throw new LayoutError(`No contract column ${key}`);
  return c[lang];
};

/** Pads `rows` with blank rows to `n` rows (at least rows.length + spare when data was given). */
function padded(rows: CellValue[][], width: number, n: number): CellValue[][] {
  const out = rows.map((r) => [...r]);
  while (out.length < n) out.push(Array<CellValue>(width).fill(null));
  return out;
}

const sizeFor = (dataLength: number, hasData: boolean, blank: number): number =>
  hasData ? Math.max(blank, dataLength + SPARE_WITH_DATA) : blank;

function defaultActors(lang: Lang): { name: string; level: string }[] {
  return LEVEL_LABELS.filter((l) => l.level !== "Andet").map((l) => ({ name: l[lang], level: l[lang] }));
}

/** Normalises the two call forms: `(lang, data)` and `({ lang, data })`. */
function options(
  arg: Lang | TemplateOptions | undefined,
  data: TemplateData | undefined,
): Required<Pick<TemplateOptions, "lang">> & { data?: TemplateData; decision?: TemplateDecision } {
  if (arg === undefined || typeof arg === "string")
    return { lang: arg ?? "da", ...(data !== undefined ? { data } : {}) };
  const d = arg.data ?? data;
  return {
    lang: arg.lang ?? "da",
    ...(d !== undefined ? { data: d } : {}),
    ...(arg.decision !== undefined ? { decision: arg.decision } : {}),
  };
}

/**
 * The SØM input sheets as a `WorkbookSpec`: blank (defaults: horizon 10, discount rate 3,5 %, actors
 * Kommune/Region/Stat) or filled with `data`. Deterministic: same arguments → same spec.
 */
export function buildTemplateSpec(lang?: Lang, data?: TemplateData): WorkbookSpec;
export function buildTemplateSpec(options: TemplateOptions): WorkbookSpec;
export function buildTemplateSpec(arg?: Lang | TemplateOptions, dataArg?: TemplateData): WorkbookSpec {
  const { lang, data, decision } = options(arg, dataArg);
  const uncertainty = typeof arg === "object" ? arg.uncertainty : undefined;
  const sheetName = (k: TemplateSheetKey): string => say(SHEET_NAMES[k], lang);
  const actors = data?.actors.map((a) => ({ name: a.name, level: a.level })) ?? defaultActors(lang);

  const parts = [
    frontSheet(lang, sheetName("front")),
    settingsSheet(lang, sheetName("settings"), data, actors, decision),
    interventionSheet(lang, sheetName("intervention"), data),
    effectsSheet(lang, sheetName("effects"), data),
    costsSheet(lang, sheetName("costs"), data),
    consequencesSheet(lang, sheetName("consequences"), data),
    pricesSheet(lang, sheetName("prices"), data, actors),
    sensitivitySheet(lang, sheetName("sensitivity"), data),
    uncertaintyPage(lang, sheetName("uncertainty"), uncertainty, TAB.sensitivity),
    followUpPage(
      lang,
      sheetName("followUp"),
      actors.map((a) => a.name),
      (data?.effects ?? []).map((e) => e.name),
      decision?.realised,
      data?.settings.startYear,
    ),
  ];
  const order = SHEET_ORDER.map(sheetName);
  if (parts.some((p, i) => p.sheet.name !== order[i])) throw new LayoutError("template sheets out of order");
  // The user's own knowledge records (vidensdatabase, SOM_Viden) travel with the workbook: last sheet.
  const knowledge = knowledgeSheetSpec({ lang });
  // Every page prints readably (issue 15, item 2): wrapped guidance, A4, orientation, header/footer.
  return {
    sheets: [...parts.map((p) => p.sheet), knowledge.sheet].map((s) => withInputPrintSetup(s, lang)),
    names: [...parts.flatMap((p) => p.names), knowledge.name],
  };
}

type Part = { readonly sheet: SheetSpec; readonly names: readonly NameSpec[] };

function frontSheet(lang: Lang, name: string): Part {
  const d = new SheetDraft(name, "front");
  const tx = TX.front;
  d.line(say(tx.title, lang), "title");
  d.line(say(tx.subtitle, lang), "subtitle");
  d.gap();
  d.line(say(tx.purposeHeading, lang), "subtitle");
  for (const p of tx.purpose) d.line(say(p, lang), "guidance");
  d.gap();
  d.line(say(tx.stepsHeading, lang), "subtitle");
  for (const s of tx.steps) d.line(say(s, lang), "guidance");
  d.gap();
  for (const c of tx.conventions) d.line(say(c, lang), "guidance");
  d.gap();
  d.line(say(tx.statusHeading, lang), "subtitle");
  const r = d.row;
  const notYet = say(NOT_CALCULATED, lang);
  // SOM_Status exists only after a first run (it lives on the meta sheet): IFERROR covers #NAME?.
  d.block({
    row: r,
    col: 0,
    values: [[notYet]],
    formulas: [[`=IFERROR(${META_NAMES.status},"${notYet}")`]],
    style: "outputBold",
  });
  d.conditional({
    ref: a1(r, 0),
    formula: `=OR(${a1(r, 0)}="Forældet",${a1(r, 0)}="Out of date")`,
    style: "warning",
  });
  d.conditional({ ref: a1(r, 0), formula: `=OR(${a1(r, 0)}="Aktuel",${a1(r, 0)}="Current")`, style: "ok" });
  d.row += 1;
  d.line(say(tx.statusNote, lang), "muted");
  // 72 characters: a portrait page wide also where the default font is wider than Calibri (LibreOffice without
  // Calibri/Carlito), since a single column is never scaled down to the page
  return d.build({ columnWidths: [72], tabColor: TAB.front });
}

function settingsSheet(
  lang: Lang,
  name: string,
  data: TemplateData | undefined,
  actors: readonly { readonly name: string; readonly level: string }[],
  decision?: TemplateDecision,
): Part {
  const d = new SheetDraft(name, "input");
  const tx = TX.settings;
  const s = data?.settings;
  d.line(say(tx.title, lang), "title");
  for (const g of tx.guidance) d.line(say(g, lang), "muted");
  d.gap();
  d.header(tx.header.map((h) => say(h, lang)));
  d.scalar(N.startYear, say(tx.startYear, lang), orNull(s?.startYear), FMT.year, say(tx.startYearNote, lang));
  d.scalar(
    N.horizon,
    say(tx.horizon, lang),
    data === undefined ? DEFAULT_HORIZON : orNull(s?.horizon),
    FMT.year,
    say(tx.horizonNote, lang),
  );
  d.scalar(
    N.horizonMethod,
    say(tx.horizonMethod, lang),
    data === undefined
      ? HORIZON_METHOD_LABELS[0][lang]
      : optionalLabel(HORIZON_METHOD_LABELS, s?.horizonMethod, lang),
    GENERAL,
    say(tx.horizonMethodNote, lang),
    HORIZON_METHOD_LABELS.map((l) => l[lang]),
  );
  d.scalar(
    N.perspective,
    say(tx.perspective, lang),
    data === undefined
      ? PERSPECTIVE_LABELS[0][lang]
      : optionalLabel(PERSPECTIVE_LABELS, s?.perspective, lang),
    GENERAL,
    say(tx.perspectiveNote, lang),
    PERSPECTIVE_LABELS.map((l) => l[lang]),
  );
  d.scalar(
    N.priceLevel,
    say(tx.priceLevel, lang),
    orNull(s?.priceLevel),
    FMT.year,
    say(tx.priceLevelNote, lang),
  );
  d.scalar(
    N.discountRate,
    say(tx.discountRate, lang),
    data === undefined ? DEFAULT_DISCOUNT_RATE : orNull(s?.discountRate),
    FMT.share,
    say(DISCOUNT_RATE_SOURCE, lang),
  );
  d.gap();

  d.line(say(tx.actorsHeading, lang), "subtitle");
  d.line(say(tx.actorsGuidance, lang), "muted");
  const ac = COLUMNS[N.actors];
  const actorRows = actors.map((a): CellValue[] => [a.name, labelOf(LEVEL_LABELS, a.level, lang)]);
  const placed = d.table(
    N.actors,
    [
      { header: header(ac, "actor", lang), format: GENERAL },
      { header: header(ac, "level", lang), format: GENERAL, list: LEVEL_LABELS.map((l) => l[lang]) },
    ],
    padded(actorRows, 2, sizeFor(actorRows.length, data !== undefined, BLOCK_ROWS.actors)),
  );
  d.name({
    name: ACTOR_LIST_NAME,
    sheet: name,
    ref: rangeA1(placed.headerRow + 1, placed.col, placed.rows, 1),
    comment: "Aktørnavne til rullelister (hjælpenavn). Actor names for drop-down lists (helper name).",
  });
  d.gap();

  d.line(say(tx.indexHeading, lang), "subtitle");
  d.line(say(tx.indexGuidance, lang), "muted");
  const ic = COLUMNS[N.priceIndex];
  // The blank template (and "Opret SØM-ark") starts with the shipped nettoprisindeks: annual means of DST's
  // monthly values, computed by us and labelled so in Kilde; the user may overwrite or add (forecast) years.
  const indexRows: CellValue[][] =
    data === undefined
      ? [...shippedPriceIndex().annual].map(([year, index]): CellValue[] => [
          year,
          index,
          annualSourceText(lang),
        ])
      : data.priceIndex.map((p): CellValue[] => [p.year, orNull(p.index), null]);
  d.table(
    N.priceIndex,
    [
      { header: header(ic, "year", lang), format: FMT.year },
      { header: header(ic, "index", lang), format: FMT.index },
      { header: header(COLUMNS[N.effects], "source", lang), format: GENERAL },
    ],
    padded(indexRows, 3, sizeFor(indexRows.length, data !== undefined, BLOCK_ROWS.priceIndex)),
  );
  d.gap();
  budgetSettingsSection(d, lang, decision);
  d.gap();
  d.scalar(
    LIVE_OPTION_NAME,
    say(tx.liveResults, lang),
    YES_NO_LABELS[0][lang],
    GENERAL,
    say(tx.liveResultsNote, lang),
    YES_NO_LABELS.map((l) => l[lang]),
  );
  return d.build({ columnWidths: [30, 16, 80], tabColor: TAB.input });
}

/** An input sheet that starts with its title, its guidance lines and a blank row. */
function inputSheet(
  name: string,
  tx: { readonly title: Parameters<typeof say>[0]; readonly guidance: readonly Parameters<typeof say>[0][] },
  lang: Lang,
): SheetDraft {
  const d = new SheetDraft(name, "input");
  d.line(say(tx.title, lang), "title");
  for (const g of tx.guidance) d.line(say(g, lang), "muted");
  d.gap();
  return d;
}

function interventionSheet(lang: Lang, name: string, data: TemplateData | undefined): Part {
  const tx = TX.intervention;
  const d = inputSheet(name, tx, lang);
  d.header(tx.header.map((h) => say(h, lang)));
  d.scalar(N.intervention, say(tx.name, lang), orNull(data?.intervention), GENERAL);
  d.scalar(N.targetGroup, say(tx.targetGroup, lang), orNull(data?.targetGroup), GENERAL);
  d.scalar(
    N.operatingPeriod,
    say(tx.operatingPeriod, lang),
    orNull(data?.settings.operatingPeriod),
    FMT.year,
    say(tx.operatingPeriodNote, lang),
  );
  d.scalar(
    N.duration,
    say(tx.duration, lang),
    data === undefined ? DEFAULT_DURATION : orNull(data.settings.duration),
    FMT.year,
    say(tx.durationNote, lang),
  );
  d.gap();
  d.line(say(tx.participantsHeading, lang), "subtitle");
  d.line(say(tx.participantsGuidance, lang), "muted");
  const pc = COLUMNS[N.participants];
  // Calculation years 1..30 typed in (blank = 0; blank rows after the horizon are harmless). Data for years
  // 1..k in order fills those rows; any other data (gaps, duplicates, odd years) is written row by row.
  const given = data?.participants ?? [];
  const consecutive = given.length <= PARTICIPANT_ROWS && given.every((p, i) => p.calcYear === i + 1);
  const rows: CellValue[][] = consecutive
    ? Array.from({ length: PARTICIPANT_ROWS }, (_, i): CellValue[] => [i + 1, orNull(given[i]?.count), null])
    : given.map((p): CellValue[] => [p.calcYear, orNull(p.count), null]);
  d.table(
    N.participants,
    [
      { header: header(pc, "year", lang), format: FMT.year },
      { header: header(pc, "count", lang), format: FMT.count },
      { header: header(COLUMNS[N.effects], "source", lang), format: GENERAL },
    ],
    padded(rows, 3, Math.max(PARTICIPANT_ROWS, rows.length)),
  );
  return d.build({ columnWidths: [30, 50, 60], tabColor: TAB.input });
}

function effectsSheet(lang: Lang, name: string, data: TemplateData | undefined): Part {
  const tx = TX.effects;
  const d = inputSheet(name, tx, lang);
  const ec = COLUMNS[N.effects];
  const rows = (data?.effects ?? []).map((e): CellValue[] => [
    e.name,
    orNull(e.successRate),
    orNull(e.source),
    null,
    orNull(e.note),
  ]);
  d.table(
    N.effects,
    [
      { header: header(ec, "effect", lang), format: GENERAL },
      { header: header(ec, "successRate", lang), format: FMT.share },
      { header: header(ec, "source", lang), format: GENERAL },
      { header: header(ec, "evidence", lang), format: FMT.year, list: ["1", "2", "3"] },
      { header: header(ec, "note", lang), format: GENERAL },
    ],
    padded(rows, 5, sizeFor(rows.length, data !== undefined, BLOCK_ROWS.effects)),
  );
  return d.build({ columnWidths: [40, 14, 70, 10, NOTE_WIDTH], tabColor: TAB.input });
}

function costsSheet(lang: Lang, name: string, data: TemplateData | undefined): Part {
  const tx = TX.costs;
  const d = inputSheet(name, tx, lang);
  const cc = COLUMNS[N.costs];
  const rows = (data?.costs ?? []).map((c): CellValue[] => [
    c.item,
    labelOf(COST_KIND_LABELS, c.kind, lang),
    c.actor,
    orNull(c.amountKr),
    orNull(c.priceYear),
    orNull(c.fromYear),
    orNull(c.toYear),
    orNull(c.source),
    orNull(c.note),
  ]);
  d.table(
    N.costs,
    [
      { header: header(cc, "item", lang), format: GENERAL },
      { header: header(cc, "kind", lang), format: GENERAL, list: COST_KIND_LABELS.map((k) => k[lang]) },
      { header: header(cc, "actor", lang), format: GENERAL, list: `=${ACTOR_LIST_NAME}` },
      { header: header(cc, "amount", lang), format: FMT.kr },
      { header: header(cc, "priceYear", lang), format: FMT.year },
      { header: header(cc, "fromYear", lang), format: FMT.year },
      { header: header(cc, "toYear", lang), format: FMT.year },
      { header: header(cc, "source", lang), format: GENERAL },
      { header: header(cc, "note", lang), format: GENERAL },
    ],
    padded(rows, 9, sizeFor(rows.length, data !== undefined, BLOCK_ROWS.costs)),
  );
  return d.build({ columnWidths: [40, 14, 16, 14, 9, 8, 8, 60, NOTE_WIDTH], tabColor: TAB.input });
}

function consequencesSheet(lang: Lang, name: string, data: TemplateData | undefined): Part {
  const tx = TX.consequences;
  const d = inputSheet(name, tx, lang);
  const kc = COLUMNS[N.consequences];
  const years = Array.from({ length: MAX_CONSEQUENCE_YEARS }, (_, j) => j);
  const rows = (data?.consequences ?? []).map((k): CellValue[] => [
    k.effect,
    k.service,
    orNull(k.unit),
    labelOf(CONSEQUENCE_KIND_LABELS, k.kind, lang),
    optionalLabel(PHASE_LABELS, k.phase, lang),
    ...years.map((j) => orNull(k.deltaByYear[j])),
    orNull(k.source),
    orNull(k.note),
  ]);
  const columns: TableColumn[] = [
    { header: header(kc, "effect", lang), format: GENERAL },
    { header: header(kc, "service", lang), format: GENERAL },
    { header: header(kc, "unit", lang), format: GENERAL },
    { header: header(kc, "kind", lang), format: GENERAL, list: CONSEQUENCE_KIND_LABELS.map((k) => k[lang]) },
    { header: header(kc, "phase", lang), format: GENERAL, list: PHASE_LABELS.map((k) => k[lang]) },
    ...years.map((j): TableColumn => ({ header: consequenceYearHeader(j + 1)[lang], format: FMT.delta })),
    { header: header(kc, "source", lang), format: GENERAL },
    { header: header(kc, "note", lang), format: GENERAL },
  ];
  const placed = d.table(
    N.consequences,
    columns,
    padded(rows, columns.length, sizeFor(rows.length, data !== undefined, BLOCK_ROWS.consequences)),
  );
  return d.build({
    columnWidths: [28, 28, 10, 11, 14, ...years.map(() => 8), 60, NOTE_WIDTH],
    freeze: { rows: placed.headerRow + 1, cols: 2 },
    tabColor: TAB.input,
  });
}

function pricesSheet(
  lang: Lang,
  name: string,
  data: TemplateData | undefined,
  actors: readonly { readonly name: string }[],
): Part {
  const tx = TX.prices;
  const d = inputSheet(name, tx, lang);
  const pc = COLUMNS[N.prices];
  const rows = (data?.prices ?? []).map((p): CellValue[] => [
    p.service,
    orNull(p.unit),
    orNull(p.priceYear),
    ...actors.map((a) => orNull(p.priceKrByActor.get(a.name))),
    orNull(p.source),
    orNull(p.note),
  ]);
  const columns: TableColumn[] = [
    { header: header(pc, "service", lang), format: GENERAL },
    { header: header(pc, "unit", lang), format: GENERAL },
    { header: header(pc, "priceYear", lang), format: FMT.year },
    ...actors.map((a): TableColumn => ({ header: a.name, format: FMT.kr })),
    { header: header(pc, "source", lang), format: GENERAL },
    { header: header(pc, "note", lang), format: GENERAL },
  ];
  d.table(
    N.prices,
    columns,
    padded(rows, columns.length, sizeFor(rows.length, data !== undefined, BLOCK_ROWS.prices)),
  );
  return d.build({ columnWidths: [34, 10, 9, ...actors.map(() => 14), 60, NOTE_WIDTH], tabColor: TAB.input });
}

/** `min(1, max(0, factor × r))` — what the Følsomhed formulas compute, for their cached values. */
const capped = (x: number): number => Math.min(1, Math.max(0, x));

function sensitivitySheet(lang: Lang, name: string, data: TemplateData | undefined): Part {
  const tx = TX.sensitivity;
  const d = inputSheet(name, tx, lang);
  const label = (key: (typeof SENSITIVITY_PARAMETER_LABELS)[number]["key"]): string => {
    const l = SENSITIVITY_PARAMETER_LABELS.find((x) => x.key === key);
    if (l === undefined) throw new LayoutError(`No sensitivity parameter ${key}`);
    return l[lang];
  };
  const parameterList = SENSITIVITY_PARAMETER_LABELS.map((l) => l[lang]);
  const sc = COLUMNS[N.sensitivity];
  const rate = data?.effects[0]?.successRate ?? 0;
  const [lowF, highF] = SENSITIVITY_DEFAULTS.successRateFactors;
  const rateHeader = header(COLUMNS[N.effects], "successRate", lang).replace(/"/g, '""');
  // The first effect's success rate, found by header in SOM_Effekter (robust to moved/reordered blocks).
  const firstRate = `INDEX(${N.effects},2,MATCH("${rateHeader}",INDEX(${N.effects},1,0),0))`;
  const D = SENSITIVITY_DEFAULTS;
  const F = data === undefined ? DEFAULT_HORIZON : (data.settings.horizon ?? DEFAULT_HORIZON);
  const rows: CellValue[][] = [
    [label("successRate"), capped(lowF * rate), capped(highF * rate)],
    [label("consequences"), D.consequences[0], D.consequences[1]],
    [label("costs"), D.costs[0], D.costs[1]],
    [label("prices"), D.prices[0], D.prices[1]],
    [label("participants"), D.participants[0], D.participants[1]],
    // F ± 5 within 1–30 from the data's horizon (as the engine's defaults), so a workbook made with an F other
    // than 10 does not get a «low» horizon above its own. Plain values: the row is an input like the others.
    [label("horizon"), Math.max(1, F + D.horizon[0]), Math.min(30, F + D.horizon[1])],
  ];
  const formulas: (string | null)[][] = rows.map(() => [null, null, null]);
  formulas[0] = [null, `=MIN(1,MAX(0,${lowF}*${firstRate}))`, `=MIN(1,MAX(0,${highF}*${firstRate}))`];
  const rowFormats = [FMT.share, FMT.change, FMT.change, FMT.change, FMT.change, FMT.year];
  const placed = d.table(
    N.sensitivity,
    [
      { header: header(sc, "parameter", lang), format: GENERAL, list: parameterList },
      { header: header(sc, "low", lang), format: FMT.change },
      { header: header(sc, "high", lang), format: FMT.change },
    ],
    rows,
    { formulas, formats: rowFormats.map((f) => [GENERAL, f, f]) },
  );
  // An explanation column right of the block, outside the name.
  const explain = tx.explain;
  d.cell(placed.headerRow, 3, say(tx.explainHeader, lang), "inputHeader");
  [
    explain.successRate,
    explain.consequences,
    explain.costs,
    explain.prices,
    explain.participants,
    explain.horizon,
  ].forEach((e, i) => d.cell(placed.headerRow + 1 + i, 3, say(e, lang), "muted"));
  d.gap();

  d.line(say(tx.gridHeading, lang), "subtitle");
  d.line(say(tx.gridGuidance, lang), "muted");
  const resultLevel = LEVEL_LABELS[0][lang];
  d.scalar(
    N.gridResult,
    say(tx.gridResult, lang),
    `${say(tx.gridResultDefault, lang)} ${resultLevel}`,
    GENERAL,
  );
  d.gap();
  const gridTop = d.row;
  // Success-rate axis: 0 %, 20 %, … 200 % of the first effect's rate (capped at 100 %), as visible formulas, so the
  // base case (factor 1) is always on the grid and marked; the cached values are those of `data`.
  const factors = Array.from({ length: 11 }, (_, k) => k / 5);
  const xs = factors.map((f): CellValue[] => [capped(f * rate)]);
  const xFormulas = factors.map((f): (string | null)[] => [`=MIN(1,MAX(0,${f}*${firstRate}))`]);
  const ys = Array.from({ length: 11 }, (_, k): CellValue[] => [(k - 5) / 10]); // −50 % … +50 %
  d.table(N.gridX, [{ header: label("successRate"), format: FMT.share }], xs, {
    col: 0,
    formulas: xFormulas,
  });
  d.row = gridTop;
  d.table(N.gridY, [{ header: label("consequences"), format: FMT.change }], ys, { col: 1 });
  // The header cells name the axis parameters: a drop-down of the parameter names.
  d.validation({ ref: rangeA1(gridTop, 0, 1, 2), list: parameterList });
  return d.build({ columnWidths: [24, 16, 12, 100], tabColor: TAB.sensitivity });
}
