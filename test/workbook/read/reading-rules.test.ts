/**
 * The contract's reading rules that close silent wrong results (workbook-contract.md v2, "Reading rules";
 * issue 13 §1): each case that once calculated a changed result with exit code 0 is now an issue or a
 * warning that names the defined name, sheet and cell. The same cases run through every path that reads a
 * workbook in test/cli/reading-rules-paths.test.ts.
 */
import type { InputIssue } from "../../../src/engine/types";
import { validateScenario } from "../../../src/engine/validate";
import { textKey } from "../../../src/engine/text-key";
import type { NamedValue } from "../../../src/workbook/port";
import { readScenario, withEngineIssues } from "../../../src/workbook/read/read-scenario";
import { aNamedCell, aNamedRange, aScenarioWorkbook } from "./named-values";

/** The value as a range (the builders return the general `NamedValue`). */
function rangeOf(v: NamedValue): NamedValue & { kind: "range" } {
  if (v.kind !== "range") throw new Error("not a range");
  return v;
}

const where = (issues: readonly InputIssue[]) =>
  issues.map((i) => [i.code, i.severity, i.location.name, i.location.sheet, i.location.cell]);

/** Reader issues plus the engine's, located — what a user sees. */
function allIssues(overrides: Readonly<Record<string, NamedValue | undefined>>): InputIssue[] {
  const read = readScenario(aScenarioWorkbook(overrides));
  const v = validateScenario(read.raw);
  return withEngineIssues(read, v.ok ? v.warnings : v.issues);
}

const prices = (header: readonly (string | null)[], row: readonly (string | number | null)[]) =>
  aNamedRange("Priser", "B4", [header, row], "SOM_Priser");

describe("price columns (SOM_Priser: one column per actor)", () => {
  it("a misspelt actor column with numbers is an error at its header cell, and the actor's missing column a warning", () => {
    const read = readScenario(
      aScenarioWorkbook({
        SOM_Priser: prices(
          ["Ydelse", "Enhed", "Prisår", "Kommunen", "Region Hovedstaden", "Staten"],
          ["Kontanthjælp", "år", 2025, 120000, null, 40000],
        ),
      }),
    );
    expect(where(read.issues)).toEqual([
      ["price-column-not-actor", "error", "SOM_Priser", "Priser", "E4"],
      ["missing-price-column", "warning", "SOM_Priser", "Priser", "B4:G4"],
    ]);
    expect(read.issues[0]?.message.da).toContain('Kolonnen "Kommunen" i SOM_Priser indeholder tal');
  });

  it("a leftover non-actor column with numbers is an error; a text-only note column is not", () => {
    const read = readScenario(
      aScenarioWorkbook({
        SOM_Priser: prices(
          ["Ydelse", "Enhed", "Prisår", "Kommune", "Region Hovedstaden", "Staten", "Gammel pris", "Note"],
          ["Kontanthjælp", "år", 2025, 120000, null, 40000, 99000, "tjekket"],
        ),
      }),
    );
    expect(where(read.issues)).toEqual([["price-column-not-actor", "error", "SOM_Priser", "Priser", "H4"]]);
  });
});

describe("cells just outside a block", () => {
  const costs = aScenarioWorkbook().get("som_omkostninger");
  if (costs?.kind !== "range") throw new Error("fixture");

  it("a cost line typed one row under SOM_Omkostninger (B4:I8) is a warning naming B9:E9 and Name Manager", () => {
    const read = readScenario(
      aScenarioWorkbook({
        SOM_Omkostninger: { ...costs, below: ["Ekstra", "Drift", "Kommune", 250000, null, null, null, null] },
      }),
    );
    expect(where(read.issues)).toEqual([
      ["cells-outside-block", "warning", "SOM_Omkostninger", "Omkostninger", "B9:E9"],
    ]);
    expect(read.issues[0]?.message.da).toContain("lige under SOM_Omkostninger");
    expect(read.issues[0]?.message.da).toContain("Navnestyring");
    expect(read.raw.costs).toHaveLength(4); // the line outside is not read, and the user is told
  });

  it("a column typed just right of the block is a warning naming its cells (J5:J6)", () => {
    const read = readScenario(
      aScenarioWorkbook({ SOM_Omkostninger: { ...costs, right: [null, "x", 3, null, null] } }),
    );
    expect(where(read.issues)).toEqual([
      ["cells-outside-block", "warning", "SOM_Omkostninger", "Omkostninger", "J5:J6"],
    ]);
    expect(read.issues[0]?.message.en).toContain("just to the right of SOM_Omkostninger");
  });

  it("blank cells around a block say nothing", () => {
    const read = readScenario(
      aScenarioWorkbook({ SOM_Omkostninger: { ...costs, below: [null, " ", null], right: [null] } }),
    );
    expect(read.issues).toEqual([]);
  });
});

describe("formula cells without a stored value", () => {
  const base = aScenarioWorkbook();
  const range = (name: string): NamedValue & { kind: "range" } => {
    const v = base.get(name.toLowerCase());
    if (v?.kind !== "range") throw new Error(name);
    return v;
  };

  it("is an error naming the cell, in prices, participants and a scalar — never read as blank or 0", () => {
    const read = readScenario(
      aScenarioWorkbook({
        SOM_Priser: { ...range("SOM_Priser"), unvalued: [[1, 3]] }, // E5: Kommune's price
        SOM_Deltagere: { ...range("SOM_Deltagere"), unvalued: [[2, 1]] }, // C10
        SOM_Tidshorisont: {
          ...rangeOf(aNamedCell("Indstillinger", "C4", null, "SOM_Tidshorisont")),
          unvalued: [[0, 0]],
        },
      }),
    );
    expect(where(read.issues)).toEqual([
      ["formula-without-value", "error", "SOM_Tidshorisont", "Indstillinger", "C4"],
      ["formula-without-value", "error", "SOM_Deltagere", "Indsats", "C10"],
      ["formula-without-value", "error", "SOM_Priser", "Priser", "E5"],
    ]);
    expect(read.issues[0]?.message.da).toContain("formel uden gemt værdi");
  });

  it("a whole row of formulas without values gives one error per cell", () => {
    const read = readScenario(
      aScenarioWorkbook({
        SOM_Omkostninger: {
          ...range("SOM_Omkostninger"),
          unvalued: [
            [2, 0],
            [2, 1],
            [2, 2],
            [2, 3],
          ],
        },
      }),
    );
    expect(where(read.issues).map((w) => w[4])).toEqual(["B6", "C6", "D6", "E6"]);
  });
});

describe("units", () => {
  it("a consequence in 'uge' priced per 'måned' is a warning at the consequence's unit, naming the price's unit cell", () => {
    const read = readScenario(
      aScenarioWorkbook({
        SOM_Konsekvenser: aNamedRange(
          "Konsekvenser",
          "B4",
          [
            ["Effektmål", "Ydelse", "Enhed", "Art", "År 1"],
            ["Beskæftigelse", "Kontanthjælp", "uge", "Udgift", -2],
          ],
          "SOM_Konsekvenser",
        ),
        SOM_Priser: prices(
          ["Ydelse", "Enhed", "Prisår", "Kommune", "Region Hovedstaden", "Staten"],
          ["Kontanthjælp", "måned", 2025, 10000, null, 4000],
        ),
      }),
    );
    expect(where(read.issues)).toEqual([
      ["unit-mismatch", "warning", "SOM_Konsekvenser", "Konsekvenser", "D5"],
    ]);
    expect(read.issues[0]?.location.related).toEqual({ name: "SOM_Priser", sheet: "Priser", cell: "C5" });
  });

  it("units that differ only by case, spaces or a non-breaking space are the same unit", () => {
    const read = readScenario(
      aScenarioWorkbook({
        SOM_Priser: prices(
          ["Ydelse", "Enhed", "Prisår", "Kommune", "Region Hovedstaden", "Staten"],
          ["Kontanthjælp", " ÅR\u00a0", 2025, 120000, null, 40000],
        ),
      }),
    );
    expect(read.issues).toEqual([]);
  });
});

describe("one normalisation of user text (trim, NFC, whitespace, case)", () => {
  it("textKey folds non-breaking spaces, runs of spaces, case and Unicode composition", () => {
    expect(textKey("Kommune\u00a0A")).toBe("kommune a");
    expect(textKey("  KOMMUNE \t\u2009 A ")).toBe("kommune a");
    expect(textKey("A\u030arhus")).toBe(textKey("\u00c5rhus")); // decomposed and composed "Århus"
    expect(textKey("Kommune A")).not.toBe(textKey("Kommune B"));
  });

  const actors = (second: string) =>
    aNamedRange(
      "Indstillinger",
      "B9",
      [
        ["Aktør", "Niveau"],
        ["Kommune A", "Kommune"],
        [second, "Kommune"],
      ],
      "SOM_Aktoerer",
    );
  const twoActorPrices = prices(
    ["Ydelse", "Enhed", "Prisår", "Kommune A"],
    ["Kontanthjælp", "år", 2025, 120000],
  );
  const costs = aNamedRange(
    "Omkostninger",
    "B4",
    [
      ["Post", "Art", "Aktør", "Beløb"],
      ["Mentorer", "Drift", "Kommune A", 1000],
    ],
    "SOM_Omkostninger",
  );

  it.each([
    ["a non-breaking space", "Kommune\u00a0A"],
    ["case and extra spaces", " kommune  a "],
  ])("two actors that differ only by %s are one actor named twice: an error at the second", (_, second) => {
    const issues = allIssues({
      SOM_Aktoerer: actors(second),
      SOM_Priser: twoActorPrices,
      SOM_Omkostninger: costs,
    });
    expect(where(issues.filter((i) => i.severity === "error"))).toEqual([
      ["duplicate-name", "error", "SOM_Aktoerer", "Indstillinger", "B11"],
    ]);
  });

  it("composed and decomposed 'Århus' are one actor named twice", () => {
    const issues = allIssues({
      SOM_Aktoerer: aNamedRange(
        "Indstillinger",
        "B9",
        [
          ["Aktør", "Niveau"],
          ["\u00c5rhus", "Kommune"],
          ["A\u030arhus", "Kommune"],
        ],
        "SOM_Aktoerer",
      ),
      SOM_Priser: prices(["Ydelse", "Enhed", "Prisår", "\u00c5rhus"], ["Kontanthjælp", "år", 2025, 120000]),
      SOM_Omkostninger: aNamedRange(
        "Omkostninger",
        "B4",
        [
          ["Post", "Art", "Aktør", "Beløb"],
          ["Mentorer", "Drift", "A\u030arhus", 1000],
        ],
        "SOM_Omkostninger",
      ),
    });
    expect(where(issues.filter((i) => i.severity === "error"))).toEqual([
      ["duplicate-name", "error", "SOM_Aktoerer", "Indstillinger", "B11"],
    ]);
  });

  it("a reference written with a non-breaking space or another case resolves to the actor and its price column", () => {
    const read = readScenario(
      aScenarioWorkbook({
        SOM_Aktoerer: aNamedRange(
          "Indstillinger",
          "B9",
          [
            ["Aktør", "Niveau"],
            ["Kommune A", "Kommune"],
          ],
          "SOM_Aktoerer",
        ),
        SOM_Priser: prices(
          ["Ydelse", "Enhed", "Prisår", "KOMMUNE\u00a0A"],
          ["Kontanthjælp", "år", 2025, 120000],
        ),
        SOM_Omkostninger: aNamedRange(
          "Omkostninger",
          "B4",
          [
            ["Post", "Art", "Aktør", "Beløb"],
            ["Mentorer", "Drift", "kommune\u00a0a", 1000],
          ],
          "SOM_Omkostninger",
        ),
      }),
    );
    expect(read.issues).toEqual([]);
    const v = validateScenario(read.raw);
    expect(v.ok).toBe(true);
    if (!v.ok) return;
    expect(v.value.costs[0]?.actor).toBe(0);
    expect(v.value.prices[0]?.priceKrByActor[0]).toBe(120000);
  });
});

describe("rows with only notes", () => {
  it("a row whose contract columns are blank but a note column is filled is skipped with a warning naming the row", () => {
    const read = readScenario(
      aScenarioWorkbook({
        SOM_Omkostninger: aNamedRange(
          "Omkostninger",
          "B4",
          [
            ["Post", "Art", "Aktør", "Beløb", "Note", null],
            ["Mentorer", "Drift", "Kommune", 500000, null, null],
            [null, null, null, null, "husk at tjekke beløbet", null],
            [null, null, null, null, null, "uden overskrift"],
          ],
          "SOM_Omkostninger",
        ),
      }),
    );
    expect(where(read.issues)).toEqual([
      ["notes-only-row", "warning", "SOM_Omkostninger", "Omkostninger", "B6:G6"],
      ["notes-only-row", "warning", "SOM_Omkostninger", "Omkostninger", "B7:G7"],
    ]);
    expect(read.raw.costs).toHaveLength(1);
  });

  it("a consequence row filled only in its year columns is data, not a note", () => {
    const read = readScenario(
      aScenarioWorkbook({
        SOM_Konsekvenser: aNamedRange(
          "Konsekvenser",
          "B4",
          [
            ["Effektmål", "Ydelse", "Enhed", "Art", "År 1"],
            ["Beskæftigelse", "Kontanthjælp", "år", "Udgift", -0.5],
            [null, null, null, null, -1],
          ],
          "SOM_Konsekvenser",
        ),
      }),
    );
    expect(read.raw.consequences).toHaveLength(2);
    expect(read.issues.filter((i) => i.code === "notes-only-row")).toEqual([]);
  });
});

describe("empty inputs that calculate", () => {
  it("an empty cost table is a warning at SOM_Omkostninger", () => {
    const read = readScenario(
      aScenarioWorkbook({
        SOM_Omkostninger: aNamedRange(
          "Omkostninger",
          "B4",
          [["Post", "Art", "Aktør", "Beløb"], [null]],
          "SOM_Omkostninger",
        ),
      }),
    );
    expect(where(read.issues)).toEqual([
      ["no-costs", "warning", "SOM_Omkostninger", "Omkostninger", "B4:E5"],
    ]);
  });

  it("all participants 0 is a warning at SOM_Deltagere", () => {
    const read = readScenario(
      aScenarioWorkbook({
        SOM_Deltagere: aNamedRange(
          "Indsats",
          "B8",
          [
            ["År", "Deltagere"],
            [1, 0],
            [2, 0],
            [3, null],
          ],
          "SOM_Deltagere",
        ),
      }),
    );
    expect(where(read.issues)).toEqual([
      ["no-participants", "warning", "SOM_Deltagere", "Indsats", "B8:C11"],
    ]);
  });
});

describe("numeric overflow is a located issue before calculating", () => {
  it.each([
    ["an amount of 1e308", "SOM_Omkostninger", "E5"],
    ["a change of 1e308", "SOM_Konsekvenser", "F5"],
    ["a price of -1e308", "SOM_Priser", "E5"],
  ])("%s", (_, name, cell) => {
    const base = aScenarioWorkbook().get(name.toLowerCase());
    if (base?.kind !== "range") throw new Error(name);
    const values = base.values.map((r) => [...r]);
    const row = values[1];
    if (row === undefined) throw new Error("row");
    const col = cell.charCodeAt(0) - "B".charCodeAt(0);
    row[col] = name === "SOM_Priser" ? -1e308 : 1e308;
    const issues = allIssues({ [name]: { ...base, values } });
    expect(where(issues.filter((i) => i.severity === "error"))).toEqual([
      ["number-too-large", "error", name, base.sheet, cell],
    ]);
  });

  it("a price index of 1e-300 is an issue at the index cell", () => {
    const issues = allIssues({
      SOM_Prisindeks: aNamedRange(
        "Indstillinger",
        "E9",
        [
          ["År", "Indeks"],
          [2024, 1e-300],
          [2025, 100],
        ],
        "SOM_Prisindeks",
      ),
    });
    expect(where(issues.filter((i) => i.severity === "error"))).toEqual([
      ["index-too-small", "error", "SOM_Prisindeks", "Indstillinger", "F10"],
    ]);
  });
});

describe("whole-column names", () => {
  it("find the header row below a sheet title instead of taking the title as the header", () => {
    const costs: NamedValue = {
      ...rangeOf(
        aNamedRange(
          "Omkostninger",
          "A1",
          [
            ["Omkostninger for projektet", null, null, null],
            [null, null, null, null],
            ["Post", "Art", "Aktør", "Beløb"],
            ["Mentorer", "Drift", "Kommune", 500000],
          ],
          "SOM_Omkostninger",
        ),
      ),
      wholeColumns: true,
    };
    const read = readScenario(aScenarioWorkbook({ SOM_Omkostninger: costs }));
    expect(read.issues).toEqual([]);
    expect(read.raw.costs).toEqual([{ item: "Mentorer", kind: "Drift", actor: "Kommune", amountKr: 500000 }]);
  });

  it("say so when no row holds the block's headers", () => {
    const costs: NamedValue = {
      ...rangeOf(aNamedRange("Omkostninger", "A1", [["Titel"], ["noget"]], "SOM_Omkostninger")),
      wholeColumns: true,
    };
    const read = readScenario(aScenarioWorkbook({ SOM_Omkostninger: costs }));
    expect(where(read.issues)).toEqual([
      ["header-row-not-found", "error", "SOM_Omkostninger", "Omkostninger", "A1:A2"],
    ]);
  });
});
