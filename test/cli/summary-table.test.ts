import { renderSummary } from "../../src/cli/summary-table";
import { aBlock, someResults } from "./results-builder";

const kommune = aBlock([150000, 50000, 0], [50000, 100000, 100000.4], {
  breakEvenYear: 2027,
  netPerCompleter: 2500,
});
const stat = aBlock([0, 0, 0], [0.3, 0.3, 0.3]);
const total = aBlock([150000, 50000, 0], [50000.3, 100000.3, 100000.7]);
const results = someResults(
  [
    { name: "Kommune", level: "Kommune" },
    { name: "Stat", level: "Stat" },
  ],
  [kommune, stat],
  total,
  { beyondHorizon: 1234567.4 },
);

describe("renderSummary", () => {
  const lines = renderSummary(results, [], "da");
  const text = lines.join("\n");

  it("shows the net result per actor and year in Danish kroner, right-aligned", () => {
    expect(lines[0]).toBe("Nettoresultat pr. aktør og år (kr., prisniveau 2025, diskonteringsrente 3,5 %)");
    const row2025 = lines.find((l) => l.startsWith("2025")) ?? "";
    expect(row2025.split(/\s{2,}/)).toEqual(["2025", "-100.000 kr.", "0 kr.", "-100.000 kr."]);
    const header = lines[2] ?? "";
    // Right-aligned: each amount ends where its header ends.
    expect(row2025.indexOf("-100.000 kr.") + "-100.000 kr.".length).toBe(
      header.indexOf("Kommune") + "Kommune".length,
    );
  });

  it("rounds every figure on its own, as the sheet's #,##0 shows it (one rounding everywhere)", () => {
    // 2027: Kommune 100.000,4 → 100.000; Stat 0,3 → 0; total 100.000,7 → 100.001 (as Excel shows each cell).
    const row = (lines.find((l) => l.startsWith("2027")) ?? "").split(/\s{2,}/);
    expect(row).toEqual(["2027", "100.000 kr.", "0 kr.", "100.001 kr."]);
  });

  it("lists the key figures per actor and in total, with undefined figures spelled out", () => {
    const kRow = lines.find((l) => l.startsWith("Kommune ")) ?? "";
    expect(kRow.split(/\s{2,}/)).toEqual([
      "Kommune",
      "50.000 kr.",
      "50.000 kr.",
      "2027",
      "1,25",
      "80 %",
      "2.500 kr.",
    ]);
    const sRow = lines.find((l) => l.startsWith("Stat ")) ?? "";
    expect(sRow).toContain("ikke inden for tidshorisonten");
    expect(sRow.split(/\s{2,}/)[4]).toBe("–");
  });

  it("shows the break-even figure as a success rate f* × r_e when there is one outcome", () => {
    const one = renderSummary(results, [], "da", [{ name: "I job", successRate: 0.5 }]);
    // Kommune's f* is 0,8 (Σ C 200.000 / Σ V 250.000) → 0,8 × 50 % = 40 %.
    expect((one.find((l) => l.startsWith("Kommune ")) ?? "").split(/\s{2,}/)[5]).toBe("40 %");
    expect(one.some((l) => l.includes("Kritisk succesrate*"))).toBe(true);
    expect(lines.some((l) => l.includes("Kritisk faktor*"))).toBe(true);
  });

  it("states the value beyond the horizon", () => {
    expect(text).toContain("Værdi uden for tidshorisonten (ikke diskonteret, ikke medregnet): 1.234.567 kr.");
  });

  it("lists warnings with their name and cell", () => {
    const withWarning = renderSummary(
      results,
      [
        {
          code: "w",
          severity: "warning",
          message: { da: "Bemærk", en: "Note" },
          location: { path: [], name: "SOM_Priser", sheet: "Priser", cell: "C7" },
        },
      ],
      "en",
    );
    expect(withWarning).toContain("Warnings:");
    expect(withWarning).toContain("  - SOM_Priser, Priser!C7: Note");
    expect(withWarning[0]).toBe("Net result per actor and year (DKK, price level 2025, discount rate 3.5 %)");
  });
});
