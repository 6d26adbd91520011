/**
 * The template's "Opfølgning" input page (som-method.md §11; workbook-contract.md "Names for §10–11"): the block
 * `SOM_Realiseret` — `År` (calculation year), `Deltagere`, `Succesrate` (one column per outcome headed
 * `Succesrate: <Effektmål>` when there are several), `Prisår`, one cost column per actor headed by the actor's
 * name, `Kilde` — with guidance, and a helper column on its left that shows each row's calendar year (a formula
 * over `SOM_Startaar`, outside the name). The years are listed in advance; a row with only `År` realises
 * nothing. Beregn writes the results to `Opfølgningsresultater`.
 */
import type { Lang } from "../../present/format";
import { COLUMNS, N, type ColumnDef } from "../names";
import type { CellValue, NameSpec, SheetSpec } from "../sheet-model";
import { GENERAL, LayoutError, SheetDraft, type TableColumn } from "./sheet-draft";

/** Realised rows to pre-fill (the example workbook); values as typed in the workbook. */
export interface FollowUpTemplateData {
  readonly rows: readonly {
    readonly year: number;
    readonly participants?: number;
    /** One entry per outcome (order of the template's outcomes). */
    readonly successRates?: readonly (number | undefined)[];
    /** Realised total cost per actor name. */
    readonly costsKr?: Readonly<Record<string, number>>;
    readonly priceYear?: number;
    readonly source?: string;
  }[];
}

/** Years listed in advance in the template. */
const LISTED_YEARS = 10;

const t = (da: string, en: string) => ({ da, en });

const TX = {
  title: t("Opfølgning: realiserede tal", "Follow-up: realised figures"),
  guidance: [
    t(
      "Valgfrit. Når indsatsen er i gang, skrives de realiserede tal her. Beregn sammenligner så prognosen (arket Resultater) med en opdateret beregning, der bruger de realiserede tal og prognosen for resten, og deler forskellen op på deltagere, succesrater og omkostninger (arket Opfølgningsresultater).",
      "Optional. Once the intervention runs, type the realised figures here. Beregn then compares the forecast (the Results sheet) with an updated calculation that uses the realised figures and the forecast for the rest, and splits the difference into participants, success rates and costs (the Opfølgningsresultater sheet).",
    ),
    t(
      "År er beregningsåret (1 = startåret; kalenderåret står til venstre). Deltagere = de borgere, der faktisk startede i året. Succesrate = den andel af årets startere, der nåede effektmålet på grund af indsatsen (netto, som på arket Effekt); den gælder kun årets startere. Har beregningen flere effektmål, skrives én kolonne pr. effektmål med overskriften »Succesrate: <effektmål>«.",
      "Year is the calculation year (1 = the start year; the calendar year is shown on the left). Participants = the citizens who actually started that year. Success rate = the share of that year's starters who reached the outcome because of the intervention (net, as on the Effect sheet); it applies to that year's starters only. With several outcomes, use one column per outcome headed “Success rate: <outcome>”.",
    ),
    t(
      "Aktørkolonnerne (overskrift = aktørens navn som i SOM_Aktoerer) er aktørens samlede realiserede omkostninger til indsatsen i året, i Prisår-priser (tom = prisniveauet på Indstillinger). En tom celle betyder: brug prognosen. Rækker med kun År tæller ikke.",
      "The actor columns (header = the actor's name as in SOM_Aktoerer) are the actor's total realised cost of the intervention in the year, in Price year prices (blank = the price level on Settings). A blank cell means: use the forecast. Rows with only Year do not count.",
    ),
  ],
  calendarYear: t("Kalenderår", "Calendar year"),
} as const;

const header = (cols: readonly ColumnDef[], key: string, lang: Lang): string => {
  const c = cols.find((x) => x.key === key);
  if (c === undefined) throw new LayoutError(`No contract column ${key}`);
  return c[lang];
};

/**
 * The page as a sheet and its names. `actors` and `effects` are the template's (their names head the columns).
 * @example followUpPage("da", "Opfølgning", ["Kommune", "Region", "Stat"], ["Beskæftigelse"]).names[0].name // "SOM_Realiseret"
 */
export function followUpPage(
  lang: Lang,
  name: string,
  actors: readonly string[],
  effects: readonly string[],
  data?: FollowUpTemplateData,
  startYear?: number,
  tabColor = "E2EFDA",
): { readonly sheet: SheetSpec; readonly names: readonly NameSpec[] } {
  const d = new SheetDraft(name, "input");
  d.line(TX.title[lang], "title");
  for (const g of TX.guidance) d.line(g[lang], "muted");
  d.gap();
  const rc = COLUMNS[N.realised];
  const rateHeader = header(rc, "successRate", lang);
  const rateHeaders = effects.length > 1 ? effects.map((e) => `${rateHeader}: ${e}`) : [rateHeader];
  const columns: TableColumn[] = [
    { header: header(rc, "year", lang), format: "0" },
    { header: header(rc, "participants", lang), format: "#,##0.##" },
    ...rateHeaders.map((h) => ({ header: h, format: "0.0%" })),
    { header: header(rc, "priceYear", lang), format: "0" },
    ...actors.map((a) => ({ header: a, format: "#,##0" })),
    { header: header(rc, "source", lang), format: GENERAL },
  ];
  const byYear = new Map((data?.rows ?? []).map((r) => [r.year, r] as const));
  const last = Math.max(LISTED_YEARS, ...byYear.keys());
  const rows: CellValue[][] = [];
  for (let year = 1; year <= last; year++) {
    const r = byYear.get(year);
    rows.push([
      year,
      r?.participants ?? null,
      ...rateHeaders.map((_, e) => r?.successRates?.[e] ?? null),
      r?.priceYear ?? null,
      ...actors.map((a) => r?.costsKr?.[a] ?? null),
      r?.source ?? null,
    ]);
  }
  // The calendar year of each row, left of the block (outside the name): a formula over SOM_Startaar.
  const top = d.row;
  d.cell(top, 0, TX.calendarYear[lang], "inputHeader");
  const placed = d.table(N.realised, columns, rows, { col: 1 });
  d.block({
    row: placed.headerRow + 1,
    col: 0,
    values: rows.map((r) => [startYear === undefined ? null : startYear + Number(r[0]) - 1]),
    formulas: rows.map((_, i) => {
      const yearCell = `B${placed.headerRow + 2 + i}`;
      return [`=IF(${yearCell}="","",${N.startYear}+${yearCell}-1)`];
    }),
    numberFormat: rows.map(() => ["0"]),
    style: "muted",
  });
  return d.build({
    columnWidths: [13, 8, 12, ...rateHeaders.map(() => 16), 9, ...actors.map(() => 16), 40],
    tabColor,
  });
}
