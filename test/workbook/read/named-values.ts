/**
 * Builders for the values behind defined names, as `WorkbookPort.readNames` returns them (keyed by
 * lower-cased name), and a small SØM workbook with a known layout to vary one thing at a time.
 */
import { parseCellA1 } from "../../../src/workbook/a1";
import type { NamedValue } from "../../../src/workbook/port";
import type { CellValue } from "../../../src/workbook/sheet-model";

/** A named range on `sheet` whose top-left cell is `topLeft` (A1), holding `values` (row-major). */
export function aNamedRange(
  sheet: string,
  topLeft: string,
  values: readonly (readonly CellValue[])[],
  name = "SOM_Test",
): NamedValue {
  const at = parseCellA1(topLeft);
  if (at === undefined) throw new Error(`bad cell ${topLeft}`);
  return { kind: "range", name, sheet, row: at.row, col: at.col, values };
}

/** A named cell: a 1×1 range. */
export const aNamedCell = (sheet: string, cell: string, value: CellValue, name = "SOM_Test"): NamedValue =>
  aNamedRange(sheet, cell, [[value]], name);

/** A named constant such as `=0,035`. */
export const aNamedConstant = (value: CellValue, name = "SOM_Test"): NamedValue => ({
  kind: "constant",
  name,
  value,
});

/** A name the reader cannot use (multi-area, #REF!, formula). */
export const anUnsupportedName = (formula: string, name = "SOM_Test"): NamedValue => ({
  kind: "unsupported",
  name,
  formula,
});

/** The map `readNames` returns: keyed by lower-cased name. */
export function namedMap(
  entries: Readonly<Record<string, NamedValue | undefined>>,
): ReadonlyMap<string, NamedValue> {
  const m = new Map<string, NamedValue>();
  for (const [name, nv] of Object.entries(entries)) if (nv !== undefined) m.set(name.toLowerCase(), nv);
  return m;
}

/**
 * A complete, valid SØM workbook (template layout). Sheet positions are fixed so tests can name cells:
 * - Indsats: SOM_Indsats C3, SOM_Maalgruppe C4, SOM_Driftsperiode C5, SOM_Deltagere B8:C11
 * - Indstillinger: SOM_Startaar C3, SOM_Tidshorisont C4, SOM_Prisniveau C5, SOM_Diskonteringsrente C6,
 *   SOM_Aktoerer B9:C12, SOM_Prisindeks E9:F11
 * - Effekt: SOM_Effekter B4:D5
 * - Omkostninger: SOM_Omkostninger B4:I8 (Post B, Art C, Aktør D, Beløb E, Prisår F, Fra år G, Til år H, Kilde I)
 * - Konsekvenser: SOM_Konsekvenser B4:H5 (År 1 in F, År 2 in G, År 3 in H)
 * - Priser: SOM_Priser B4:H5 (Kommune in E, Region Hovedstaden in F, Staten in G)
 */
export function aScenarioWorkbook(
  overrides: Readonly<Record<string, NamedValue | undefined>> = {},
): ReadonlyMap<string, NamedValue> {
  const base: Record<string, NamedValue | undefined> = {
    SOM_Indsats: aNamedCell("Indsats", "C3", "Mentorforløb", "SOM_Indsats"),
    SOM_Maalgruppe: aNamedCell("Indsats", "C4", "Unge ledige", "SOM_Maalgruppe"),
    SOM_Driftsperiode: aNamedCell("Indsats", "C5", 3, "SOM_Driftsperiode"),
    SOM_Deltagere: aNamedRange(
      "Indsats",
      "B8",
      [
        ["År", "Deltagere"],
        [1, 20],
        [2, 25],
        [3, 30],
      ],
      "SOM_Deltagere",
    ),
    SOM_Startaar: aNamedCell("Indstillinger", "C3", 2025, "SOM_Startaar"),
    SOM_Tidshorisont: aNamedCell("Indstillinger", "C4", 10, "SOM_Tidshorisont"),
    SOM_Prisniveau: aNamedCell("Indstillinger", "C5", 2025, "SOM_Prisniveau"),
    SOM_Diskonteringsrente: aNamedCell("Indstillinger", "C6", 0.035, "SOM_Diskonteringsrente"),
    SOM_Aktoerer: aNamedRange(
      "Indstillinger",
      "B9",
      [
        ["Aktør", "Niveau"],
        ["Kommune", "Kommune"],
        ["Region Hovedstaden", "Region"],
        ["Staten", "Stat"],
      ],
      "SOM_Aktoerer",
    ),
    SOM_Prisindeks: aNamedRange(
      "Indstillinger",
      "E9",
      [
        ["År", "Indeks"],
        [2024, 97.5],
        [2025, 100],
      ],
      "SOM_Prisindeks",
    ),
    SOM_Effekter: aNamedRange(
      "Effekt",
      "B4",
      [
        ["Effektmål", "Succesrate", "Kilde"],
        ["Beskæftigelse", 0.25, "VIVE 2020"],
      ],
      "SOM_Effekter",
    ),
    SOM_Omkostninger: aNamedRange(
      "Omkostninger",
      "B4",
      [
        ["Post", "Art", "Aktør", "Beløb", "Prisår", "Fra år", "Til år", "Kilde"],
        ["Opstart af projekt", "Opstart", "Kommune", 200000, 2025, null, null, null],
        ["Mentorer", "Drift", "Kommune", 500000, null, 1, 3, "Budget"],
        ["Kursus", "Pr. deltager", "Region Hovedstaden", 8000, null, null, null, null],
        ["Tidligere tilbud", "Sparet", "Kommune", 100000, 2024, 1, 3, null],
      ],
      "SOM_Omkostninger",
    ),
    SOM_Konsekvenser: aNamedRange(
      "Konsekvenser",
      "B4",
      [
        ["Effektmål", "Ydelse", "Enhed", "Art", "År 1", "År 2", "År 3"],
        ["Beskæftigelse", "Kontanthjælp", "år", "Udgift", -0.5, -1, null],
      ],
      "SOM_Konsekvenser",
    ),
    SOM_Priser: aNamedRange(
      "Priser",
      "B4",
      [
        ["Ydelse", "Enhed", "Prisår", "Kommune", "Region Hovedstaden", "Staten", "Kilde"],
        ["Kontanthjælp", "år", 2025, 120000, null, 40000, "Finansministeriet"],
      ],
      "SOM_Priser",
    ),
  };
  return namedMap({ ...base, ...overrides });
}
