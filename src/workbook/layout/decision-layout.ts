/**
 * The template's inputs for som-method.md §11 (budget view, investment pool, follow-up): a section at the end of
 * the Indstillinger sheet (`SOM_Budgetaar`, `SOM_Pulje_Andel`, `SOM_Budget_Enhed`) with guidance. Kept apart
 * from `build-template-spec.ts` so the §11 layout is one small unit.
 */
import type { Lang } from "../../present/format";
import { N } from "../names";
import type { CellValue } from "../sheet-model";
import type { FollowUpTemplateData } from "./follow-up-page";
import type { SheetDraft } from "./sheet-draft";

/** The §11 inputs that fill the template (the example workbook); absent = blank (the defaults apply). */
export interface TemplateDecision {
  /** `SOM_Budgetaar` B (calendar year). */
  readonly budgetYear?: number;
  /** `SOM_Pulje_Andel` α as a share (1 = 100 %). */
  readonly poolShare?: number;
  /** `SOM_Budget_Enhed` as typed, e.g. "1.000 kr.". */
  readonly unit?: string;
  /** Rows of `SOM_Realiseret` on the Opfølgning page (the example's realised years). */
  readonly realised?: FollowUpTemplateData;
}

const t = (da: string, en: string) => ({ da, en });

const TX = {
  heading: t("Budget og investeringspulje", "Budget and investment pool"),
  guidance: t(
    "Arket Budget viser budgetår og tre overslagsår pr. aktør med budgettets fortegn (udgifter positive, mindreudgifter og merindtægter negative), i budgetårets priser når prisindekset har både prisniveauet og budgetåret. Puljen betaler kommunens udgifter til indsatsen og får den valgte andel af kommunens gevinst tilbage.",
    "The Budget sheet shows the budget year and three estimate years per actor in the budget sign convention (expenditure positive, savings and extra revenue negative), at the budget year's prices when the price index has both the price level and the budget year. The pool pays the municipality's costs of the intervention and gets the chosen share of the municipality's gain back.",
  ),
  budgetYear: t("Budgetår", "Budget year"),
  budgetYearNote: t(
    "Kalenderår for budgetåret; de tre følgende år er overslagsår. Fra startåret − 10 til sidste beregningsår. Tom = startåret.",
    "Calendar year of the budget year; the next three years are estimate years. From the start year − 10 to the last calculation year. Blank = the start year.",
  ),
  poolShare: t("Puljeandel (tilbagebetaling)", "Pool share (repayment)"),
  poolShareNote: t(
    "Andel af kommunens mindreudgifter og merindtægter, der betales tilbage til puljen hvert år (0–100 %). Tom = 100 %.",
    "Share of the municipality's savings and extra revenue paid back to the pool each year (0–100 %). Blank = 100 %.",
  ),
  unit: t("Enhed i budgettet", "Unit of the budget"),
  unitNote: t(
    "»1.000 kr.« (hele tusinder, som i et budget) eller »kr.«. Cellerne har altid det præcise beløb. Tom = 1.000 kr.",
    "“1.000 kr.” (whole thousands, as in a budget) or “kr.”. The cells always hold the exact amount. Blank = 1.000 kr.",
  ),
  unitChoices: ["1.000 kr.", "kr."],
} as const;

const orNull = (v: string | number | undefined): CellValue => (v === undefined ? null : v);

/** The Budget section of the Indstillinger sheet, at the draft's cursor. */
export function budgetSettingsSection(d: SheetDraft, lang: Lang, data: TemplateDecision | undefined): void {
  d.line(TX.heading[lang], "subtitle");
  d.line(TX.guidance[lang], "muted");
  d.scalar(N.budgetYear, TX.budgetYear[lang], orNull(data?.budgetYear), "0", TX.budgetYearNote[lang]);
  d.scalar(N.poolShare, TX.poolShare[lang], orNull(data?.poolShare), "0%", TX.poolShareNote[lang]);
  const unitRow = d.row;
  d.scalar(N.budgetUnit, TX.unit[lang], orNull(data?.unit), "@", TX.unitNote[lang]);
  d.validation({ ref: `B${unitRow + 1}`, list: [...TX.unitChoices] });
}
