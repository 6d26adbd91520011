import type { InputIssue, RawScenario } from "../../../src/engine/types";
import {
  READ_ISSUE_CODES,
  readIssue,
  type ReadIssueCode,
  type ReadIssueParams,
} from "../../../src/workbook/read/read-issues";
import { readScenario, SCENARIO_NAMES, withEngineIssues } from "../../../src/workbook/read/read-scenario";
import {
  aNamedCell,
  aNamedConstant,
  aNamedRange,
  anUnsupportedName,
  aScenarioWorkbook,
} from "./named-values";

/** Code, name, sheet and cell of each issue — what the user sees to find the cell. */
const where = (issues: readonly InputIssue[]) =>
  issues.map((i) => [i.code, i.location.name, i.location.sheet, i.location.cell]);

/** An engine-style issue at `path` (what validateScenario produces, before locating). */
const engineIssue = (path: (string | number)[], relatedPath?: (string | number)[]): InputIssue => ({
  code: "engine-test",
  severity: "error",
  message: { da: "x", en: "x" },
  location: relatedPath === undefined ? { path } : { path, relatedPath },
});

const located = (read: ReturnType<typeof readScenario>, path: (string | number)[]) => {
  const l = read.locate(engineIssue(path)).location;
  return [l.name, l.sheet, l.cell];
};

describe("readScenario on the template layout", () => {
  it("reads every name into the RawScenario, labels turned into engine codes, blanks left out", () => {
    const read = readScenario(aScenarioWorkbook());
    expect(read.issues).toEqual([]);
    const expected: RawScenario = {
      intervention: "Mentorforløb",
      targetGroup: "Unge ledige",
      settings: { startYear: 2025, horizon: 10, priceLevel: 2025, discountRate: 0.035, operatingPeriod: 3 },
      actors: [
        { name: "Kommune", level: "Kommune" },
        { name: "Region Hovedstaden", level: "Region" },
        { name: "Staten", level: "Stat" },
      ],
      participants: [
        { calcYear: 1, count: 20 },
        { calcYear: 2, count: 25 },
        { calcYear: 3, count: 30 },
      ],
      effects: [{ name: "Beskæftigelse", successRate: 0.25, source: "VIVE 2020" }],
      costs: [
        { item: "Opstart af projekt", kind: "Opstart", actor: "Kommune", amountKr: 200000, priceYear: 2025 },
        {
          item: "Mentorer",
          kind: "Drift",
          actor: "Kommune",
          amountKr: 500000,
          fromYear: 1,
          toYear: 3,
          source: "Budget",
        },
        { item: "Kursus", kind: "PrDeltager", actor: "Region Hovedstaden", amountKr: 8000 },
        {
          item: "Tidligere tilbud",
          kind: "Sparet",
          actor: "Kommune",
          amountKr: 100000,
          priceYear: 2024,
          fromYear: 1,
          toYear: 3,
        },
      ],
      consequences: [
        {
          effect: "Beskæftigelse",
          service: "Kontanthjælp",
          unit: "år",
          kind: "Udgift",
          deltaByYear: [-0.5, -1, undefined],
        },
      ],
      prices: [
        {
          service: "Kontanthjælp",
          unit: "år",
          priceYear: 2025,
          priceKrByActor: new Map([
            ["Kommune", 120000],
            ["Region Hovedstaden", undefined],
            ["Staten", 40000],
          ]),
          source: "Finansministeriet",
        },
      ],
      priceIndex: [
        { year: 2024, index: 97.5 },
        { year: 2025, index: 100 },
      ],
    };
    expect(read.raw).toStrictEqual(expected);
  });

  it("lists the ranges it read for the input snapshot", () => {
    const read = readScenario(aScenarioWorkbook());
    expect(read.inputRanges).toEqual([
      { name: "SOM_Indsats", sheet: "Indsats", ref: "C3" },
      { name: "SOM_Maalgruppe", sheet: "Indsats", ref: "C4" },
      { name: "SOM_Startaar", sheet: "Indstillinger", ref: "C3" },
      { name: "SOM_Tidshorisont", sheet: "Indstillinger", ref: "C4" },
      { name: "SOM_Prisniveau", sheet: "Indstillinger", ref: "C5" },
      { name: "SOM_Diskonteringsrente", sheet: "Indstillinger", ref: "C6" },
      { name: "SOM_Driftsperiode", sheet: "Indsats", ref: "C5" },
      { name: "SOM_Aktoerer", sheet: "Indstillinger", ref: "B9:C12" },
      { name: "SOM_Prisindeks", sheet: "Indstillinger", ref: "E9:F11" },
      { name: "SOM_Deltagere", sheet: "Indsats", ref: "B8:C11" },
      { name: "SOM_Effekter", sheet: "Effekt", ref: "B4:D5" },
      { name: "SOM_Omkostninger", sheet: "Omkostninger", ref: "B4:I8" },
      { name: "SOM_Konsekvenser", sheet: "Konsekvenser", ref: "B4:H5" },
      { name: "SOM_Priser", sheet: "Priser", ref: "B4:H5" },
    ]);
    expect(SCENARIO_NAMES).toHaveLength(17); // v2: + SOM_Horisontmetode, SOM_Perspektiv, SOM_Varighed (optional)
  });
});

describe("reading rules", () => {
  it("reads English headers in another column order, with English kinds and levels", () => {
    const read = readScenario(
      aScenarioWorkbook({
        SOM_Aktoerer: aNamedRange(
          "Settings",
          "A1",
          [
            ["Level", "Actor"],
            ["Municipality", "City"],
            ["state", "Gov"],
          ],
          "SOM_Aktoerer",
        ),
        SOM_Omkostninger: aNamedRange(
          "Costs",
          "A1",
          [
            ["Amount", "Actor", "Kind", "Item", "To year", "From year"],
            [10, "City", "Operating", "Staff", 3, 1],
            [2, "Gov", "per participant", "Course", null, null],
            [1, "City", "Start-up", "Setup", null, null],
            [1, "City", "SAVED", "Old", null, null],
          ],
          "SOM_Omkostninger",
        ),
        SOM_Konsekvenser: aNamedRange(
          "Consequences",
          "A1",
          [
            ["Year 2", "Kind", "Service", "Outcome", "Year 1"],
            [2, "Revenue", "Tax", "Job", 1],
          ],
          "SOM_Konsekvenser",
        ),
        SOM_Priser: aNamedRange(
          "Prices",
          "A1",
          [
            ["GOV", "Service", "city"],
            [5, "Tax", 7],
          ],
          "SOM_Priser",
        ),
      }),
    );
    expect(read.issues).toEqual([]);
    expect(read.raw.actors).toEqual([
      { name: "City", level: "Kommune" },
      { name: "Gov", level: "Stat" },
    ]);
    expect(read.raw.costs.map((c) => [c.item, c.kind, c.actor, c.amountKr, c.fromYear, c.toYear])).toEqual([
      ["Staff", "Drift", "City", 10, 1, 3],
      ["Course", "PrDeltager", "Gov", 2, undefined, undefined],
      ["Setup", "Opstart", "City", 1, undefined, undefined],
      ["Old", "Sparet", "City", 1, undefined, undefined],
    ]);
    expect(read.raw.consequences).toEqual([
      { effect: "Job", service: "Tax", kind: "Indtaegt", deltaByYear: [1, 2] },
    ]);
    expect(read.raw.prices[0]?.priceKrByActor).toEqual(
      new Map([
        ["City", 7],
        ["Gov", 5],
      ]),
    );
  });

  it("passes an unknown kind or level through unchanged, so the engine names it", () => {
    const read = readScenario(
      aScenarioWorkbook({
        SOM_Aktoerer: aNamedRange(
          "Indstillinger",
          "B9",
          [
            ["Aktør", "Niveau"],
            ["Kommune", "Amt"],
          ],
          "SOM_Aktoerer",
        ),
        SOM_Omkostninger: aNamedRange(
          "Omkostninger",
          "B4",
          [
            ["Post", "Art", "Aktør", "Beløb"],
            ["x", "Løbende", "Kommune", 1],
          ],
          "SOM_Omkostninger",
        ),
      }),
    );
    expect(read.raw.actors[0]?.level).toBe("Amt");
    expect(read.raw.costs[0]?.kind).toBe("Løbende");
    // Only the prices' "Staten" column (no longer an actor here) is an issue — the kind and level are not.
    expect(where(read.issues)).toEqual([["price-column-not-actor", "SOM_Priser", "Priser", "G4"]]);
  });

  it("ignores unknown columns and skips fully blank rows, locating the rows that remain", () => {
    const read = readScenario(
      aScenarioWorkbook({
        SOM_Omkostninger: aNamedRange(
          "Omkostninger",
          "B4",
          [
            ["Post", "Art", "Aktør", "Beløb", "Noter"],
            [null, null, null, null, null],
            ["a", "Drift", "Kommune", 1, "note"],
            [null, "", "  ", null, null],
            ["b", "Drift", "Staten", 2, null],
          ],
          "SOM_Omkostninger",
        ),
      }),
    );
    expect(read.issues).toEqual([]);
    expect(read.raw.costs.map((c) => c.item)).toEqual(["a", "b"]);
    expect(located(read, ["costs", 1, "actor"])).toEqual(["SOM_Omkostninger", "Omkostninger", "D8"]);
  });

  it("follows a name the user extended with more rows and moved to another sheet", () => {
    const rows = Array.from({ length: 30 }, (_, i) => [`Post ${i + 1}`, "Drift", "Kommune", 1000 * (i + 1)]);
    const read = readScenario(
      aScenarioWorkbook({
        SOM_Omkostninger: aNamedRange(
          "Budget",
          "D10",
          [["Post", "Art", "Aktør", "Beløb"], ...rows],
          "SOM_Omkostninger",
        ),
      }),
    );
    expect(read.raw.costs).toHaveLength(30);
    expect(read.raw.costs[29]?.amountKr).toBe(30000);
    expect(located(read, ["costs", 29, "amountKr"])).toEqual(["SOM_Omkostninger", "Budget", "G40"]);
  });

  it("reads named constants as scalars (SOM_Diskonteringsrente = 0,035), located by name only", () => {
    const read = readScenario(
      aScenarioWorkbook({
        SOM_Diskonteringsrente: aNamedConstant(0.035, "SOM_Diskonteringsrente"),
        SOM_Tidshorisont: aNamedConstant(12, "SOM_Tidshorisont"),
      }),
    );
    expect(read.issues).toEqual([]);
    expect(read.raw.settings.discountRate).toBe(0.035);
    expect(read.raw.settings.horizon).toBe(12);
    const l = read.locate(engineIssue(["settings", "discountRate"])).location;
    expect(l).toEqual({ path: ["settings", "discountRate"], name: "SOM_Diskonteringsrente" });
    expect(read.inputRanges).toContainEqual({ name: "SOM_Diskonteringsrente", sheet: "", ref: "" });
  });

  it("reports a number stored as text at its cell and leaves the value blank", () => {
    const read = readScenario(
      aScenarioWorkbook({
        SOM_Omkostninger: aNamedRange(
          "Omkostninger",
          "B4",
          [
            ["Post", "Art", "Aktør", "Beløb"],
            ["x", "Drift", "Kommune", 1],
            ["y", "Drift", "Kommune", "1.500"],
          ],
          "SOM_Omkostninger",
        ),
        SOM_Tidshorisont: aNamedCell("Indstillinger", "C4", " 12 ", "SOM_Tidshorisont"),
      }),
    );
    expect(where(read.issues)).toEqual([
      ["number-as-text", "SOM_Tidshorisont", "Indstillinger", "C4"],
      ["number-as-text", "SOM_Omkostninger", "Omkostninger", "E6"],
    ]);
    expect(read.issues.map((i) => i.location.path)).toEqual([
      ["settings", "horizon"],
      ["costs", 1, "amountKr"],
    ]);
    expect(read.raw.costs[1]?.amountKr).toBeUndefined();
    expect(read.raw.settings.horizon).toBeUndefined();
  });

  it("reports text where a number is required, and TRUE/FALSE or error values in cells", () => {
    const read = readScenario(
      aScenarioWorkbook({
        SOM_Effekter: aNamedRange(
          "Effekt",
          "B4",
          [
            ["Effektmål", "Succesrate"],
            ["A", "høj"],
            ["B", true],
            ["C", "#DIV/0!"],
            ["#N/A", 0.1],
          ],
          "SOM_Effekter",
        ),
      }),
    );
    expect(where(read.issues)).toEqual([
      ["not-a-number", "SOM_Effekter", "Effekt", "C5"],
      ["boolean-in-cell", "SOM_Effekter", "Effekt", "C6"],
      ["error-in-cell", "SOM_Effekter", "Effekt", "C7"],
      ["error-in-cell", "SOM_Effekter", "Effekt", "B8"],
    ]);
    expect(read.raw.effects[3]).toEqual({ name: "", successRate: 0.1 });
  });

  it("passes a rate typed as 25 instead of 25 % through unchanged (value 25 — the engine rejects it)", () => {
    const read = readScenario(
      aScenarioWorkbook({
        SOM_Effekter: aNamedRange(
          "Effekt",
          "B4",
          [
            ["Effektmål", "Succesrate"],
            ["A", 25],
          ],
          "SOM_Effekter",
        ),
        SOM_Diskonteringsrente: aNamedCell("Indstillinger", "C6", 3.5, "SOM_Diskonteringsrente"),
      }),
    );
    expect(read.issues).toEqual([]);
    expect(read.raw.effects[0]?.successRate).toBe(25);
    expect(read.raw.settings.discountRate).toBe(3.5);
  });

  it("reports each missing required name by its name, and not the missing optional ones", () => {
    const read = readScenario(
      aScenarioWorkbook({
        SOM_Aktoerer: undefined,
        SOM_Tidshorisont: undefined,
        SOM_Prisindeks: undefined,
        SOM_Maalgruppe: undefined,
        SOM_Prisniveau: undefined,
        SOM_Diskonteringsrente: undefined,
      }),
    );
    expect(where(read.issues)).toEqual([
      ["missing-name", "SOM_Tidshorisont", undefined, undefined],
      ["missing-name", "SOM_Aktoerer", undefined, undefined],
    ]);
    expect(read.issues.map((i) => i.location.path)).toEqual([["settings", "horizon"], ["actors"]]);
    expect(read.raw.priceIndex).toEqual([]);
    expect(read.raw.targetGroup).toBeUndefined();
  });

  it("reports a missing required column at the block's header row", () => {
    const read = readScenario(
      aScenarioWorkbook({
        SOM_Effekter: aNamedRange(
          "Effekt",
          "B4",
          [
            ["Effektmål", "Kilde"],
            ["A", "x"],
          ],
          "SOM_Effekter",
        ),
      }),
    );
    expect(where(read.issues)).toEqual([["missing-column", "SOM_Effekter", "Effekt", "B4:C4"]]);
    expect(read.issues[0]?.message.da).toContain("Succesrate");
  });

  it("reports an unsupported name (several areas, #REF!)", () => {
    const read = readScenario(
      aScenarioWorkbook({
        SOM_Deltagere: anUnsupportedName("Indsats!$B$8:$C$11,Indsats!$E$8", "SOM_Deltagere"),
      }),
    );
    expect(where(read.issues)).toEqual([["unsupported-name", "SOM_Deltagere", undefined, undefined]]);
    expect(read.raw.participants).toEqual([]);
  });

  it("treats __proto__ and constructor as ordinary actor names", () => {
    const read = readScenario(
      aScenarioWorkbook({
        SOM_Aktoerer: aNamedRange(
          "Indstillinger",
          "B9",
          [
            ["Aktør", "Niveau"],
            ["__proto__", "Kommune"],
            ["constructor", "Stat"],
          ],
          "SOM_Aktoerer",
        ),
        SOM_Omkostninger: aNamedRange(
          "Omkostninger",
          "B4",
          [
            ["Post", "Art", "Aktør", "Beløb"],
            ["x", "Drift", "__proto__", 1],
          ],
          "SOM_Omkostninger",
        ),
        SOM_Priser: aNamedRange(
          "Priser",
          "B4",
          [
            ["Ydelse", "constructor", "__PROTO__"],
            ["Kontanthjælp", 2, 1],
          ],
          "SOM_Priser",
        ),
      }),
    );
    expect(read.issues).toEqual([]);
    expect(read.raw.actors.map((a) => a.name)).toEqual(["__proto__", "constructor"]);
    expect(read.raw.costs[0]?.actor).toBe("__proto__");
    expect([...(read.raw.prices[0]?.priceKrByActor ?? [])]).toEqual([
      ["__proto__", 1],
      ["constructor", 2],
    ]);
    expect(located(read, ["prices", 0, "priceKrByActor", "__proto__"])).toEqual([
      "SOM_Priser",
      "Priser",
      "D5",
    ]);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });

  it("reads required years that are blank as an issue at the year cell and leaves the row out", () => {
    const read = readScenario(
      aScenarioWorkbook({
        SOM_Deltagere: aNamedRange(
          "Indsats",
          "B8",
          [
            ["År", "Deltagere"],
            [1, 20],
            [null, 25],
            [3, 30],
          ],
          "SOM_Deltagere",
        ),
      }),
    );
    expect(where(read.issues)).toEqual([["required-cell-blank", "SOM_Deltagere", "Indsats", "B10"]]);
    expect(read.raw.participants).toEqual([
      { calcYear: 1, count: 20 },
      { calcYear: 3, count: 30 },
    ]);
    // index 1 of the RawScenario array is sheet row 11 now
    expect(located(read, ["participants", 1, "count"])).toEqual(["SOM_Deltagere", "Indsats", "C11"]);
  });
});

describe("consequence year columns", () => {
  it("reads År 1 … År J into deltaByYear, a missing column in between as blank", () => {
    const read = readScenario(
      aScenarioWorkbook({
        SOM_Konsekvenser: aNamedRange(
          "Konsekvenser",
          "B4",
          [
            ["Effektmål", "Ydelse", "Art", "År 3", "År 1", "Year 20"],
            ["Beskæftigelse", "Kontanthjælp", "Udgift", 3, 1, 20],
          ],
          "SOM_Konsekvenser",
        ),
      }),
    );
    expect(read.issues).toEqual([]);
    const delta = read.raw.consequences[0]?.deltaByYear ?? [];
    expect(delta).toHaveLength(20);
    expect([delta[0], delta[1], delta[2], delta[19]]).toEqual([1, undefined, 3, 20]);
    expect(located(read, ["consequences", 0, "deltaByYear", 2])).toEqual([
      "SOM_Konsekvenser",
      "Konsekvenser",
      "E5",
    ]);
    expect(located(read, ["consequences", 0, "deltaByYear", 19])).toEqual([
      "SOM_Konsekvenser",
      "Konsekvenser",
      "G5",
    ]);
  });

  it("reports År 21 (and År 0) as an issue at its header cell and ignores the column", () => {
    const read = readScenario(
      aScenarioWorkbook({
        SOM_Konsekvenser: aNamedRange(
          "Konsekvenser",
          "B4",
          [
            ["Effektmål", "Ydelse", "Art", "År 1", "År 21", "År 0"],
            ["Beskæftigelse", "Kontanthjælp", "Udgift", 1, 5, 6],
          ],
          "SOM_Konsekvenser",
        ),
      }),
    );
    expect(where(read.issues)).toEqual([
      ["consequence-year-out-of-range", "SOM_Konsekvenser", "Konsekvenser", "F4"],
      ["consequence-year-out-of-range", "SOM_Konsekvenser", "Konsekvenser", "G4"],
    ]);
    expect(read.raw.consequences[0]?.deltaByYear).toEqual([1]);
  });

  it("reports the same year twice (År 2 and Year 2)", () => {
    const read = readScenario(
      aScenarioWorkbook({
        SOM_Konsekvenser: aNamedRange(
          "Konsekvenser",
          "B4",
          [
            ["Effektmål", "Ydelse", "Art", "År 2", "Year 2"],
            ["Beskæftigelse", "Kontanthjælp", "Udgift", 1, 5],
          ],
          "SOM_Konsekvenser",
        ),
      }),
    );
    expect(where(read.issues)).toEqual([["duplicate-column", "SOM_Konsekvenser", "Konsekvenser", "F4"]]);
  });
});

describe("price columns per actor", () => {
  it("matches price columns to actors trimmed and case-insensitive, keyed by the name as written in SOM_Aktoerer", () => {
    const read = readScenario(
      aScenarioWorkbook({
        SOM_Priser: aNamedRange(
          "Priser",
          "B4",
          [
            ["Ydelse", " KOMMUNE ", "region  hovedstaden", "staten"],
            ["Kontanthjælp", 1, 2, 3],
          ],
          "SOM_Priser",
        ),
      }),
    );
    expect(read.issues).toEqual([]);
    expect([...(read.raw.prices[0]?.priceKrByActor ?? [])]).toEqual([
      ["Kommune", 1],
      ["Region Hovedstaden", 2],
      ["Staten", 3],
    ]);
  });

  it("warns about an actor without a price column (its prices blank), pointing at the actor too", () => {
    const read = readScenario(
      aScenarioWorkbook({
        SOM_Priser: aNamedRange(
          "Priser",
          "B4",
          [
            ["Ydelse", "Kommune", "Staten"],
            ["Kontanthjælp", 1, 3],
          ],
          "SOM_Priser",
        ),
      }),
    );
    expect(where(read.issues)).toEqual([["missing-price-column", "SOM_Priser", "Priser", "B4:D4"]]);
    const issue = read.issues[0];
    expect(issue?.severity).toBe("warning");
    expect(issue?.message.da).toContain("Region Hovedstaden");
    expect(issue?.location.related).toEqual({ name: "SOM_Aktoerer", sheet: "Indstillinger", cell: "B11" });
    expect(read.raw.prices[0]?.priceKrByActor.get("Region Hovedstaden")).toBeUndefined();
    expect(read.raw.prices[0]?.priceKrByActor.has("Region Hovedstaden")).toBe(true);
  });

  it("reports two price columns for the same actor at the second one", () => {
    const read = readScenario(
      aScenarioWorkbook({
        SOM_Priser: aNamedRange(
          "Priser",
          "B4",
          [
            ["Ydelse", "Kommune", "Region Hovedstaden", "Staten", "kommune"],
            ["Kontanthjælp", 1, 2, 3, 4],
          ],
          "SOM_Priser",
        ),
      }),
    );
    expect(where(read.issues)).toEqual([["duplicate-column", "SOM_Priser", "Priser", "F4"]]);
    expect(read.raw.prices[0]?.priceKrByActor.get("Kommune")).toBe(1);
  });

  it("ignores a column headed by no actor (e.g. a note)", () => {
    const read = readScenario(
      aScenarioWorkbook({
        SOM_Priser: aNamedRange(
          "Priser",
          "B4",
          [
            ["Ydelse", "Kommune", "Region Hovedstaden", "Staten", "Bemærkning"],
            ["Kontanthjælp", 1, 2, 3, "tekst"],
          ],
          "SOM_Priser",
        ),
      }),
    );
    expect(read.issues).toEqual([]);
    expect([...(read.raw.prices[0]?.priceKrByActor.keys() ?? [])]).toEqual([
      "Kommune",
      "Region Hovedstaden",
      "Staten",
    ]);
  });
});

describe("locate", () => {
  const read = readScenario(aScenarioWorkbook());

  it.each<[(string | number)[], [string | undefined, string | undefined, string | undefined]]>([
    [["intervention"], ["SOM_Indsats", "Indsats", "C3"]],
    [["targetGroup"], ["SOM_Maalgruppe", "Indsats", "C4"]],
    [
      ["settings", "startYear"],
      ["SOM_Startaar", "Indstillinger", "C3"],
    ],
    [
      ["settings", "horizon"],
      ["SOM_Tidshorisont", "Indstillinger", "C4"],
    ],
    [
      ["settings", "operatingPeriod"],
      ["SOM_Driftsperiode", "Indsats", "C5"],
    ],
    [
      ["actors", 1, "level"],
      ["SOM_Aktoerer", "Indstillinger", "C11"],
    ],
    [
      ["participants", 2, "calcYear"],
      ["SOM_Deltagere", "Indsats", "B11"],
    ],
    [
      ["effects", 0, "successRate"],
      ["SOM_Effekter", "Effekt", "C5"],
    ],
    [
      ["costs", 2, "actor"],
      ["SOM_Omkostninger", "Omkostninger", "D7"],
    ],
    [
      ["costs", 3, "toYear"],
      ["SOM_Omkostninger", "Omkostninger", "H8"],
    ],
    [
      ["costs", 0, "amountKr"],
      ["SOM_Omkostninger", "Omkostninger", "E5"],
    ],
    [
      ["consequences", 0, "kind"],
      ["SOM_Konsekvenser", "Konsekvenser", "E5"],
    ],
    [
      ["consequences", 0, "deltaByYear", 1],
      ["SOM_Konsekvenser", "Konsekvenser", "G5"],
    ],
    [
      ["prices", 0, "priceKrByActor", "Staten"],
      ["SOM_Priser", "Priser", "G5"],
    ],
    [
      ["prices", 0, "priceYear"],
      ["SOM_Priser", "Priser", "D5"],
    ],
    [
      ["priceIndex", 1, "index"],
      ["SOM_Prisindeks", "Indstillinger", "F11"],
    ],
    [["effects"], ["SOM_Effekter", "Effekt", "B4:D5"]],
    [["priceIndex"], ["SOM_Prisindeks", "Indstillinger", "E9:F11"]],
    [
      ["costs", 1],
      ["SOM_Omkostninger", "Omkostninger", "B6:I6"],
    ],
    [
      ["costs", 99, "actor"],
      ["SOM_Omkostninger", "Omkostninger", "B4:I8"],
    ],
    [
      ["consequences", 0, "deltaByYear", 7],
      ["SOM_Konsekvenser", "Konsekvenser", "B5:H5"],
    ],
    [
      ["prices", 0, "priceKrByActor", "Ukendt"],
      ["SOM_Priser", "Priser", "B5:H5"],
    ],
  ])("maps %j to its name, sheet and cell", (path, expected) => {
    expect(located(read, path)).toEqual(expected);
  });

  it("fills `related` from relatedPath (an unknown actor refers to the actor list)", () => {
    const l = read.locate(engineIssue(["costs", 2, "actor"], ["actors"])).location;
    expect(l).toEqual({
      path: ["costs", 2, "actor"],
      relatedPath: ["actors"],
      name: "SOM_Omkostninger",
      sheet: "Omkostninger",
      cell: "D7",
      related: { name: "SOM_Aktoerer", sheet: "Indstillinger", cell: "B9:C12" },
    });
  });

  it("sets at least the name when the block was not read, and keeps an unknown path as it is", () => {
    const missing = readScenario(aScenarioWorkbook({ SOM_Prisindeks: undefined }));
    expect(missing.locate(engineIssue(["priceIndex"])).location).toEqual({
      path: ["priceIndex"],
      name: "SOM_Prisindeks",
    });
    const odd = engineIssue(["nowhere", 1]);
    expect(read.locate(odd)).toBe(odd);
  });
});

describe("withEngineIssues", () => {
  it("drops an engine issue at a cell the reader already reported, and those under an unreadable name", () => {
    const read = readScenario(
      aScenarioWorkbook({
        SOM_Omkostninger: aNamedRange(
          "Omkostninger",
          "B4",
          [
            ["Post", "Art", "Aktør", "Beløb"],
            ["x", "Drift", "Kommune", "1.500"],
          ],
          "SOM_Omkostninger",
        ),
        SOM_Effekter: aNamedRange("Effekt", "B4", [["Effektmål"], ["A"]], "SOM_Effekter"),
      }),
    );
    const all = withEngineIssues(read, [
      engineIssue(["costs", 0, "amountKr"]),
      engineIssue(["effects", 0, "successRate"]),
      engineIssue(["costs", 0, "kind"]),
    ]);
    expect(where(all)).toEqual([
      ["missing-column", "SOM_Effekter", "Effekt", "B4"],
      ["number-as-text", "SOM_Omkostninger", "Omkostninger", "E5"],
      ["engine-test", "SOM_Omkostninger", "Omkostninger", "C5"],
    ]);
  });
});

describe("the message catalogue", () => {
  const SAMPLES: { readonly [C in ReadIssueCode]: ReadIssueParams[C] } = {
    "missing-name": { name: "SOM_Aktoerer" },
    "unsupported-name": { name: "SOM_Aktoerer", formula: "#REF!" },
    "not-a-block": { name: "SOM_Aktoerer" },
    "not-one-cell": { name: "SOM_Startaar", ref: "C3:C4" },
    "missing-header": { name: "SOM_Aktoerer" },
    "missing-column": { name: "SOM_Aktoerer", da: "Niveau", en: "Level" },
    "duplicate-column": { name: "SOM_Aktoerer", header: "Niveau" },
    "number-as-text": { text: "1.500" },
    "not-a-number": { text: "mange" },
    "not-an-integer": { value: 2.5 },
    "boolean-in-cell": { value: true },
    "error-in-cell": { error: "#N/A" },
    "required-cell-blank": { da: "År", en: "Year" },
    "consequence-year-out-of-range": { header: "År 21", max: 20 },
    "missing-price-column": { actor: "Staten", name: "SOM_Priser" },
    "formula-without-value": {},
    "no-som-names": {},
    "header-row-not-found": { name: "SOM_Omkostninger" },
    "notes-only-row": { name: "SOM_Omkostninger" },
    "cells-outside-block": { name: "SOM_Omkostninger", cells: "B13:E13", side: "below" },
    "price-column-not-actor": { header: "Kommunen", name: "SOM_Priser" },
    "unit-mismatch": { unit: "uge", priceUnit: "måned", service: "Kontanthjælp" },
    "note-too-long": { length: 812, max: 500 },
    "no-costs": { name: "SOM_Omkostninger" },
    "no-participants": { name: "SOM_Deltagere" },
    "number-too-large": { value: 1e308, max: 1e15 },
    "index-too-small": { value: 1e-300, min: 1e-6 },
  };
  const WARNINGS = new Set([
    "missing-price-column",
    "notes-only-row",
    "cells-outside-block",
    "unit-mismatch",
    "note-too-long",
    "no-costs",
    "no-participants",
  ]);

  it.each(READ_ISSUE_CODES)("has a Danish and a different English message for %s", (code) => {
    const issue = readIssue(code, { path: [] }, SAMPLES[code] as never);
    expect(issue.message.da.length).toBeGreaterThan(20);
    expect(issue.message.en.length).toBeGreaterThan(20);
    expect(issue.message.da).not.toBe(issue.message.en);
    expect(issue.severity).toBe(WARNINGS.has(code) ? "warning" : "error");
  });

  it("quotes user text on one line and at most 40 characters", () => {
    const m = readIssue("not-a-number", { path: [] }, { text: `a\nb${"x".repeat(100)}` }).message.da;
    expect(m).toContain('"a b');
    expect(m).not.toContain("x".repeat(40));
  });
});

describe("size", () => {
  it("reads a workbook with 100 000 cost rows in linear time", () => {
    const rows = Array.from({ length: 100_000 }, (_, i) => [`p${i}`, "Drift", "Kommune", i]);
    const named = aScenarioWorkbook({
      SOM_Omkostninger: aNamedRange(
        "Omkostninger",
        "B4",
        [["Post", "Art", "Aktør", "Beløb"], ...rows],
        "SOM_Omkostninger",
      ),
    });
    const t0 = Date.now();
    const read = readScenario(named);
    expect(read.raw.costs).toHaveLength(100_000);
    expect(located(read, ["costs", 99_999, "amountKr"])).toEqual([
      "SOM_Omkostninger",
      "Omkostninger",
      "E100004",
    ]);
    expect(Date.now() - t0).toBeLessThan(5000);
  });
});
