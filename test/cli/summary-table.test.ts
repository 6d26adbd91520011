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

  it("names the horizon method, duration and perspective, and how many years each cohort was followed", () => {
    // Per cohort, v = 2, D = 3: cohorts start 2025–2027, complete 2026–2028, each followed F = 10 years.
    const perCohort = renderSummary(
      someResults([{ name: "Kommune", level: "Kommune" }], [kommune], kommune, {
        horizon: { method: "perCohort", years: 10, calcYears: 13, lastYear: 2037 },
        duration: 2,
        perspective: "kommune",
        excludedActors: [{ name: "Stat", level: "Stat" }],
        cohorts: [1, 2, 3].map((s) => ({
          startCalcYear: s,
          completionCalcYear: s + 1,
          completionYear: 2025 + s,
          starters: s === 2 ? 12.5 : 20,
          yearsFollowed: 10,
        })),
      }),
      [],
      "da",
    );
    const at = perCohort.indexOf("Beregningsmodel");
    expect(perCohort.slice(at, at + 6)).toEqual([
      "Beregningsmodel",
      "  Horisontmetode: Pr. kohorte: hvert hold følges 10 år fra afslutningsåret (SØM's praksis)",
      "  Varighed: 2 år pr. borger",
      "  Perspektiv: Kun kommune (kun aktører med niveauet Kommune)",
      "  Udeladt (ikke kommune): Stat",
      "  Hold fulgt: alle 3 hold følges 10 år hver",
    ]);
    const row2026 = perCohort.slice(at).find((l) => l.startsWith("2026 ")) ?? "";
    expect(row2026.split(/\s{2,}/)).toEqual(["2026", "2027", "12,5", "10"]);
  });

  it("lists each cohort's years when they differ (calendar years), in English too", () => {
    const calendar = renderSummary(
      someResults([{ name: "Kommune", level: "Kommune" }], [kommune], kommune, {
        horizon: { method: "calendar", years: 3, calcYears: 3, lastYear: 2027 },
        cohorts: [1, 2].map((s) => ({
          startCalcYear: s,
          completionCalcYear: s,
          completionYear: 2024 + s,
          starters: 10,
          yearsFollowed: 4 - s,
        })),
      }),
      [],
      "en",
    );
    expect(calendar).toContain(
      "  Horizon method: Calendar years: only the 3 calendar years from the start year count",
    );
    expect(calendar).toContain("  Duration: 1 year per citizen");
    expect(calendar).toContain("  Perspective: Public sector (every actor)");
    expect(calendar).toContain("  Cohorts followed: 2025: 3 years, 2026: 2 years");
    expect(calendar.some((l) => l.startsWith("Start year") && l.includes("Consequence years counted"))).toBe(
      true,
    );
  });
});
