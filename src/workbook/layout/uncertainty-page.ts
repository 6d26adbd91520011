/**
 * The template's "Usikkerhed" input page (som-method.md §10; workbook-contract.md "Names for §10–11"):
 * `SOM_Usikkerhed` (parameter, distribution, Lav, Mest sandsynlig, Høj) with drop-downs, the scalars
 * `SOM_Simulering_Antal` and `SOM_Simulering_Seed`, the realism table `SOM_Realisme` (levels 1–3, reductions
 * left blank: no defaults are invented), `SOM_Omkostningstillaeg` and `SOM_Forsinkelse`, each with guidance.
 */
import type { Lang } from "../../present/format";
import { COLUMNS, DISTRIBUTION_LABELS, N, SENSITIVITY_PARAMETER_LABELS, type ColumnDef } from "../names";
import type { CellValue, NameSpec, SheetSpec } from "../sheet-model";
import { GENERAL, LayoutError, SheetDraft } from "./sheet-draft";
import { TX, say } from "./texts";

/** Simulation rows to pre-fill (the example workbook); cells as typed in the workbook. */
export interface UncertaintyTemplateData {
  readonly inputs: readonly {
    readonly parameter: string;
    readonly distribution: string;
    readonly low: number;
    readonly mode?: number;
    readonly high: number;
  }[];
  readonly iterations?: number;
  readonly seed?: number;
}

/** Data rows of `SOM_Usikkerhed` in the blank template. */
const INPUT_ROWS = 8;

const header = (cols: readonly ColumnDef[], key: string, lang: Lang): string => {
  const c = cols.find((x) => x.key === key);
  if (c === undefined) throw new LayoutError(`No contract column ${key}`);
  return c[lang];
};

/**
 * The page as a sheet and its names.
 * @example uncertaintyPage("da", "Usikkerhed").names.map((n) => n.name) // ["SOM_Usikkerhed", …]
 */
export function uncertaintyPage(
  lang: Lang,
  name: string,
  data?: UncertaintyTemplateData,
  tabColor = "FFF2CC",
): { readonly sheet: SheetSpec; readonly names: readonly NameSpec[] } {
  const tx = TX.uncertainty;
  const d = new SheetDraft(name, "input");
  d.line(say(tx.title, lang), "title");
  for (const g of tx.guidance) d.line(say(g, lang), "muted");
  d.gap();
  const uc = COLUMNS[N.uncertainty];
  const parameters = SENSITIVITY_PARAMETER_LABELS.filter((l) => l.key !== "horizon").map((l) => l[lang]);
  const rows: CellValue[][] = (data?.inputs ?? []).map((r) => [
    r.parameter,
    r.distribution,
    r.low,
    r.mode ?? null,
    r.high,
  ]);
  while (rows.length < Math.max(INPUT_ROWS, (data?.inputs.length ?? 0) + 3))
    rows.push([null, null, null, null, null]);
  d.table(
    N.uncertainty,
    [
      { header: header(uc, "parameter", lang), format: GENERAL, list: parameters },
      {
        header: header(uc, "distribution", lang),
        format: GENERAL,
        list: DISTRIBUTION_LABELS.map((l) => l[lang]),
      },
      { header: header(uc, "low", lang), format: "0.0%" },
      { header: header(uc, "mode", lang), format: "0.0%" },
      { header: header(uc, "high", lang), format: "0.0%" },
    ],
    rows,
  );
  d.gap();
  d.line(say(tx.simulationHeading, lang), "subtitle");
  d.scalar(
    N.simulationIterations,
    say(tx.iterations, lang),
    data?.iterations ?? 10_000,
    "#,##0",
    say(tx.iterationsNote, lang),
  );
  d.scalar(N.simulationSeed, say(tx.seed, lang), data?.seed ?? 1, "0", say(tx.seedNote, lang));
  d.gap();
  d.line(say(tx.realismHeading, lang), "subtitle");
  d.line(say(tx.realismGuidance, lang), "muted");
  const rc = COLUMNS[N.realism];
  d.table(
    N.realism,
    [
      { header: header(rc, "level", lang), format: "0" },
      { header: header(rc, "reduction", lang), format: "0%" },
    ],
    [
      [1, null],
      [2, null],
      [3, null],
    ],
  );
  d.gap();
  d.scalar(N.costUplift, say(tx.costUplift, lang), null, "0%", say(tx.costUpliftNote, lang));
  d.scalar(N.effectDelay, say(tx.delay, lang), null, "0", say(tx.delayNote, lang));
  return d.build({ columnWidths: [34, 16, 12, 16, 12, 80], tabColor });
}
