/**
 * The live sheets' formulas (som-method.md §12), checked without a spreadsheet program: no number that came
 * from an input cell, only Excel 2016 functions that LibreOffice also has (none volatile), `,` separators,
 * the `SOM_Levende_*` names, ownership and re-runs. Equality with the engine is proven by LibreOffice in
 * test/file/libreoffice-live.test.ts.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { calculateWorkbook } from "../../../src/app/calculate-workbook";
import { FileWorkbook } from "../../../src/file/file-workbook";
import { cellA1 } from "../../../src/workbook/a1";
import type { NamedValue } from "../../../src/workbook/port";
import type { RawScenario } from "../../../src/engine/types";
import { buildTemplateSpec } from "../../../src/workbook/layout/build-template-spec";
import { MemoryWorkbook } from "../../../src/workbook/memory-workbook";
import { LIVE_OPTION_NAME, META_NAMES, N, RESULT_SHEETS } from "../../../src/workbook/names";
import { LIVE_NAME_PREFIXES, LIVE_SHEETS, LIVE_STATUS_NAME } from "../../../src/workbook/render/live-sheets";
import type { WorkbookSpec } from "../../../src/workbook/sheet-model";
import { LARGE, randomScenario } from "../../support/live-scenarios";

const NOW = new Date("2026-01-02T03:04:05Z");
const LIVE = new Set<string>(Object.values(LIVE_SHEETS));

async function liveRun(raw: RawScenario): Promise<{ written: WorkbookSpec; wb: MemoryWorkbook }> {
  const wb = MemoryWorkbook.fromSpec(buildTemplateSpec("da", raw));
  const outcome = await calculateWorkbook(wb, { now: NOW, lang: "da", live: true });
  if (!outcome.ok) throw new Error(outcome.issues.map((i) => i.message.en).join(" "));
  return { written: outcome.written, wb };
}

function liveFormulas(spec: WorkbookSpec): string[] {
  const out: string[] = [];
  for (const s of spec.sheets)
    if (LIVE.has(s.name))
      for (const b of s.blocks)
        for (const row of b.formulas ?? []) for (const f of row) if (f !== null) out.push(f);
  return out;
}

/** The formula without its text constants and quoted sheet names. */
const withoutStrings = (f: string): string =>
  f.replace(/"(?:[^"]|"")*"/g, '""').replace(/'(?:[^']|'')*'!/g, "S!");

/**
 * Numeric literals of a formula, after removing INDEX(<contract name>,row,col) positions (the block's shape,
 * found by header at generation time) and cell references.
 */
function literals(f: string): string[] {
  const text = withoutStrings(f)
    .replace(/INDEX\(SOM_[A-Za-z]+,\d+,\d+\)/g, "X")
    .replace(/INDEX\(SOM_[A-Za-z]+,0,\d+\)/g, "X");
  return [...text.matchAll(/(?<![A-Za-z_$\d.])\d+(?:\.\d+)?(?:E[+-]?\d+)?(?![\d(])/g)].map((m) => m[0]);
}

/** Every number of the raw inputs (amounts, rates, counts, Δq, prices, index values, years, settings). */
function inputNumbers(raw: RawScenario): Set<number> {
  const out = new Set<number>();
  const add = (x: number | undefined): void => {
    if (x !== undefined) out.add(x);
  };
  for (const v of Object.values(raw.settings)) if (typeof v === "number") add(v);
  raw.participants.forEach((p) => add(p.count));
  raw.effects.forEach((e) => add(e.successRate));
  raw.costs.forEach((c) => [c.amountKr, c.priceYear, c.fromYear, c.toYear].forEach(add));
  raw.consequences.forEach((l) => l.deltaByYear.forEach(add));
  raw.prices.forEach((p) => {
    add(p.priceYear);
    p.priceKrByActor.forEach(add);
  });
  raw.priceIndex.forEach((p) => [p.year, p.index].forEach(add));
  return out;
}

const ALLOWED_FUNCTIONS = new Set([
  "INDEX",
  "MATCH",
  "SUMIF",
  "SUM",
  "SUMPRODUCT",
  "COUNTIF",
  "COUNTA",
  "ROWS",
  "COLUMNS",
  "IF",
  "AND",
  "NOT",
  "MAX",
  "ABS",
  "TRIM",
  "IFERROR",
  "NA",
]);

describe("the 40 random workbooks of the LibreOffice equality test (seeds 1000–1039)", () => {
  it("cover per cohort and calendar years, durations 1–3, during lines, kommune-only, several actors per level and price years ≠ P", () => {
    const raws = Array.from({ length: 40 }, (_, i) => randomScenario(1000 + i));
    const count = (p: (r: RawScenario) => boolean): number => raws.filter(p).length;
    const s = (r: RawScenario): Record<string, unknown> => r.settings as unknown as Record<string, unknown>;
    expect(count((r) => s(r).horizonMethod === "perCohort")).toBeGreaterThan(0);
    expect(count((r) => s(r).horizonMethod === "calendar")).toBeGreaterThan(0);
    for (const v of [1, 2, 3]) expect([v, count((r) => s(r).duration === v)]).not.toEqual([v, 0]);
    expect(count((r) => r.consequences.some((l) => l.phase === "during"))).toBeGreaterThan(0);
    expect(count((r) => s(r).perspective === "kommune")).toBeGreaterThan(0);
    expect(
      count((r) => {
        const perLevel = new Map<string, number>();
        for (const a of r.actors) perLevel.set(a.level, (perLevel.get(a.level) ?? 0) + 1);
        return [...perLevel.values()].some((n) => n >= 2);
      }),
    ).toBeGreaterThan(0);
    expect(
      count(
        (r) =>
          r.prices.some((p) => p.priceYear !== undefined && p.priceYear !== r.settings.priceLevel) &&
          r.costs.some((c) => c.priceYear !== undefined && c.priceYear !== r.settings.priceLevel),
      ),
    ).toBeGreaterThan(0);
  });
});

describe("the live sheets' formulas", () => {
  const seeds = Array.from({ length: 40 }, (_, i) => 1000 + i);

  it("contain no number that came from an input cell, only 0, 1, the 1e-9 tolerance and the default rate", async () => {
    const seen = new Set<string>();
    for (const seed of seeds) {
      const raw = randomScenario(seed);
      const inputs = inputNumbers(raw);
      const { written } = await liveRun(raw);
      const formulas = liveFormulas(written);
      expect(formulas.length).toBeGreaterThan(500);
      const bad: string[] = [];
      for (const f of formulas)
        for (const lit of literals(f)) {
          seen.add(lit);
          // Structural constants only: 0 and 1 (t − 1, (1 + ρ), defaults), 1E-9 (the engine's tolerance),
          // 0.035 (the discount rate's default when SOM_Diskonteringsrente is blank).
          if (!["0", "1", "1E-9", "0.035"].includes(lit)) bad.push(`${lit} in ${f}`);
          else if (lit !== "0" && lit !== "1" && inputs.has(Number(lit))) bad.push(`input ${lit} in ${f}`);
        }
      expect(bad).toEqual([]);
    }
    // The scan sees the literals it allows (it is not vacuous).
    expect([...seen].sort()).toEqual(expect.arrayContaining(["0", "1", "1E-9"]));
  });

  it("the scan finds an input number copied into a formula", () => {
    expect(literals("=INDEX(SOM_Priser,3,4)*1.0375+'Levende 1 Priser'!$B$7")).toEqual(["1.0375"]);
    expect(literals('=IF(A1="2025 kr.",0,12500)')).toEqual(["0", "12500"]);
  });

  it("use only Excel 2016 functions that LibreOffice evaluates, none volatile, with `,` separators", async () => {
    const { written } = await liveRun(randomScenario(7, LARGE));
    const formulas = liveFormulas(written);
    const used = new Set<string>();
    for (const f of formulas) {
      const text = withoutStrings(f);
      for (const m of text.matchAll(/([A-Z][A-Z0-9.]*)\(/g)) used.add(m[1] as string);
      expect(text.includes(";")).toBe(false);
      expect(f.startsWith("=")).toBe(true);
    }
    expect([...used].filter((u) => !ALLOWED_FUNCTIONS.has(u))).toEqual([]);
    expect(used.has("SUMPRODUCT")).toBe(true);
  });

  it("carry the SOM_Levende_* key-figure names for the total, each level and each actor, on the live sheet", async () => {
    // A kommune-only scenario: the names follow the reported actors (as SOM_Res_* do).
    const raw = {
      ...randomScenario(1003),
      settings: { ...randomScenario(1003).settings, perspective: "kommune" },
    };
    const { written } = await liveRun(raw);
    const names = new Map(written.names.map((n) => [n.name, n]));
    const reported = raw.actors.filter((a) => a.level === "Kommune");
    const suffixes = ["Total", "Kommune", ...reported.map((_, i) => `A${i + 1}`)];
    expect(names.has(`${LIVE_NAME_PREFIXES.net}A${reported.length + 1}`)).toBe(false);
    expect(names.has(`${LIVE_NAME_PREFIXES.net}Stat`)).toBe(false);
    for (const prefix of Object.values(LIVE_NAME_PREFIXES))
      for (const suffix of suffixes) {
        const n = names.get(`${prefix}${suffix}`);
        expect(n !== undefined && "sheet" in n ? n.sheet : undefined).toBe(LIVE_SHEETS.results);
      }
    expect(names.get(LIVE_STATUS_NAME)).toBeDefined();
    // The static names stay.
    expect(names.get("SOM_Res_Netto_Total")).toBeDefined();
  });

  it("are owned sheets: a second Beregn rewrites them; without the option none are written", async () => {
    const raw = randomScenario(1004);
    const { wb } = await liveRun(raw);
    const again = await calculateWorkbook(wb, { now: NOW, lang: "da", live: true });
    expect(again.ok).toBe(true);
    const owned = (await wb.readNames([META_NAMES.ownedSheets])).get(META_NAMES.ownedSheets.toLowerCase());
    const list = owned?.kind === "range" ? owned.values.flat() : [];
    for (const s of LIVE) expect(list).toContain(s);
    const plain = await calculateWorkbook(MemoryWorkbook.fromSpec(buildTemplateSpec("da", raw)), {
      now: NOW,
      lang: "da",
      live: false,
    });
    expect(plain.ok && plain.written.sheets.map((s) => s.name).filter((n) => LIVE.has(n))).toEqual([]);
    expect(plain.ok && plain.written.sheets.some((s) => s.name === RESULT_SHEETS.results)).toBe(true);
  });
});

describe("the workbook option «Levende resultater» (SOM_LevendeResultater)", () => {
  const run = async (spec: WorkbookSpec): Promise<string[]> => {
    const outcome = await calculateWorkbook(MemoryWorkbook.fromSpec(spec), { now: NOW, lang: "da" });
    if (!outcome.ok) throw new Error(outcome.issues.map((i) => i.message.en).join(" "));
    return outcome.written.sheets.map((s) => s.name).filter((n) => LIVE.has(n));
  };
  const withOption = (value: string | null): WorkbookSpec => {
    const spec = buildTemplateSpec("da", randomScenario(1010));
    const option = spec.names.find((n) => n.name === LIVE_OPTION_NAME);
    if (option === undefined || !("sheet" in option)) throw new Error("no option cell");
    const sheets = spec.sheets.map((s) =>
      s.name !== option.sheet
        ? s
        : {
            ...s,
            blocks: [...s.blocks, { row: Number(option.ref.slice(1)) - 1, col: 1, values: [[value]] }],
          },
    );
    return { ...spec, sheets };
  };

  it("is Ja in a new workbook, so Beregn (no explicit option) writes the live sheets", async () => {
    expect(await run(buildTemplateSpec("da", randomScenario(1010)))).toEqual(Object.values(LIVE_SHEETS));
    expect(await run(withOption("yes"))).toEqual(Object.values(LIVE_SHEETS));
  });

  it("Nej, blank, or a workbook without the name: Beregn writes only the static sheets", async () => {
    expect(await run(withOption("Nej"))).toEqual([]);
    expect(await run(withOption(null))).toEqual([]);
    const spec = buildTemplateSpec("da", randomScenario(1010));
    expect(await run({ ...spec, names: spec.names.filter((n) => n.name !== LIVE_OPTION_NAME) })).toEqual([]);
  });
});

describe("docs/levende-resultater.md follows one cell of the example back to its inputs", () => {
  it("the cells and formulas the note names are those of the example's live sheets", async () => {
    const wb = await FileWorkbook.open(path.join(__dirname, "../../../examples/eksempel.xlsx"));
    const outcome = await calculateWorkbook(wb, { now: NOW, lang: "da", live: true });
    if (!outcome.ok) throw new Error("the example does not calculate");
    const formulaAt = (sheet: string, a1: string): string | null => {
      const s = outcome.written.sheets.find((x) => x.name === sheet);
      for (const b of s?.blocks ?? [])
        for (const [r, row] of b.values.entries())
          for (const c of row.keys())
            if (cellA1(b.row + r, b.col + c) === a1) return b.formulas?.[r]?.[c] ?? null;
      return null;
    };
    const note = fs.readFileSync(path.join(__dirname, "../../../docs/levende-resultater.md"), "utf8");
    const claims: [string, string, string][] = [
      [LIVE_SHEETS.results, "D37", "=$B37*'Levende 3 Konsekvenser'!I30"],
      [LIVE_SHEETS.results, "B37", "='Levende 1 Priser'!$D$17"],
      [LIVE_SHEETS.results, "D43", "=D41-D36"],
      [LIVE_SHEETS.results, "P43", "=SUM(C43:O43)"],
      [LIVE_SHEETS.results, "B8", "=$P$43"],
      [LIVE_SHEETS.prices, "D17", "=INDEX(SOM_Priser,2,4)*$C$17"],
      [LIVE_SHEETS.consequences, "I30", "=I22+I26"],
      [LIVE_SHEETS.consequences, "I22", "=$F$6*$G$6*I14"],
      [LIVE_SHEETS.consequences, "I26", "=$F$10*$G$10*I18"],
      [LIVE_SHEETS.consequences, "I14", "='Levende 2 Kohorter'!$C$6*$H$6"],
      [LIVE_SHEETS.consequences, "I18", "='Levende 2 Kohorter'!$D$6*$H$10"],
      [LIVE_SHEETS.consequences, "H6", "=INDEX(SOM_Konsekvenser,2,6)"],
      [LIVE_SHEETS.cohorts, "C6", "=SUMIF(INDEX(SOM_Deltagere,0,1),C$4,INDEX(SOM_Deltagere,0,2))"],
      [LIVE_SHEETS.cohorts, "B14", "=INDEX(SOM_Effekter,2,2)"],
    ];
    for (const [sheet, a1, formula] of claims) {
      expect([sheet, a1, formulaAt(sheet, a1)]).toEqual([sheet, a1, formula]);
      expect([a1, note.includes(formula.replace(/^=/, ""))]).toEqual([a1, true]);
    }
    const name = outcome.written.names.find((n) => n.name === `${LIVE_NAME_PREFIXES.net}A1`);
    expect(name !== undefined && "ref" in name ? name.ref : undefined).toBe("B8");
    // The input cells the note names hold the values it quotes.
    const input = (await wb.readNames([N.prices, N.effects, N.participants, N.consequences])) as ReadonlyMap<
      string,
      NamedValue
    >;
    const at = (n: string, r: number, c: number): unknown => {
      const v = input.get(n.toLowerCase());
      return v?.kind === "range" ? v.values[r - 1]?.[c - 1] : undefined;
    };
    expect([
      at(N.prices, 2, 4),
      at(N.effects, 2, 2),
      at(N.participants, 2, 2),
      at(N.participants, 3, 2),
    ]).toEqual([5236, 0.126, 30, 40]);
    expect([at(N.consequences, 2, 6), at(N.consequences, 6, 6)]).toEqual([-4, -2]);
  });
});
