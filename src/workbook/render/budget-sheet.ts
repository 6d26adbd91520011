/**
 * The `Budget` sheet as data (som-method.md §11, [D]): the calculation as a Danish budget table and the
 * investment pool.
 *
 * Top to bottom: title and status line (red when out of date) · stamp (engine version, time, budget year, price
 * level, unit, calculation years, input fingerprint `SOM_Bud_Inputaftryk`) · a note on sign and price level ·
 * the budget table: budgetår B and overslagsår B+1..B+3, for each actor, each level with several actors, and
 * the total: "Udgift til indsatsen", "Mindreudgifter og merindtægter", "Nettoudgift" (expenditure positive) ·
 * a footnote when a column lies outside the calculation years (shown as 0) · the investment pool per
 * calculation year (paid out, paid back, balance) with the money needed and the repayment year or the balance
 * left · the [D] rules · the defined names.
 *
 * Cells hold exact kroner; "1.000 kr." is a number format (`#,##0,`) that shows whole thousands, so sums in the
 * user's own formulas stay exact. User text (actor names) is written as text.
 */
import { budgetView, type BudgetLines, type BudgetView } from "../../engine/decision/budget";
import { investmentPool, type InvestmentPool } from "../../engine/decision/pool";
import { LEVELS, type Results, type Scenario } from "../../engine/types";
import { formatPercent, type Lang } from "../../present/format";
import { cellA1, rectA1 } from "../a1";
import { levelLabel, RESULT_SHEETS } from "../names";
import type { BudgetUnit, DecisionRead } from "../read/read-decision";
import type { Block, CellStyle, CellValue, NameSpec, SheetSpec } from "../sheet-model";
import { stampTime } from "./meta-sheet";
import { actorNameSuffix, type ResultsContext } from "./results-sheet";
import { SheetWriter } from "./sheet-writer";

/** Whole kroner, and whole thousands of kroner (the trailing comma scales the display by 1 000). */
export const BUDGET_FORMATS: Readonly<Record<BudgetUnit, string>> = { kr: "#,##0", thousands: "#,##0," };

/** Defined names of the Budget sheet (besides `SOM_Bud_Inputaftryk`). */
export const BUDGET_NAMES = {
  /** Prefix of the Nettoudgift row (4 cells, B..B+3) per scope: suffix "A1"… (actors), a level, or "Total". */
  net: "SOM_Bud_Netto_",
  moneyNeeded: "SOM_Bud_Puljebehov",
  repaidYear: "SOM_Bud_Tilbagebetalt",
} as const;

const T = {
  da: {
    title: "Budget",
    status: "Status",
    statusHelp: "«Forældet» betyder, at input er ændret efter beregningen: beregn igen.",
    stamp: "Beregningsgrundlag",
    engine: "Motorversion",
    calculated: "Beregnet",
    budgetYear: "Budgetår",
    priceLevel: "Prisniveau",
    prices: (y: number): string => `${y}-priser`,
    notConverted: (p: number, b: number): string =>
      `${p}-priser (prisindekset har ikke både ${p} og ${b}; beløbene er ikke omregnet)`,
    converted: (p: number, b: number): string => `${b}-priser (omregnet fra ${p}-priser med prisindekset)`,
    unit: "Enhed",
    units: { kr: "kr.", thousands: "1.000 kr." } as Record<BudgetUnit, string>,
    years: "Beregningsår",
    fingerprint: "Beregnet på input-aftryk",
    signNote:
      "Fortegn som i et budget: udgifter er positive, mindreudgifter og merindtægter er negative (modsat arket Resultater, hvor positive tal er en gevinst).",
    tableTitle: "Budgetoverslag",
    corner: (unit: string, prices: string): string => `${unit}, ${prices}`,
    first: (y: number): string => `Budgetår ${y}`,
    later: (y: number): string => `Overslagsår ${y}`,
    expenditure: "Udgift til indsatsen",
    savings: "Mindreudgifter og merindtægter",
    net: "Nettoudgift",
    levelRow: (l: string): string => `Niveau: ${l} i alt`,
    total: "I alt",
    actorRow: (name: string, level: string): string => (name === level ? name : `${name} (${level})`),
    outsideNote: (from: number, to: number): string =>
      `* Året ligger uden for beregningsårene ${from}–${to} og vises som 0.`,
    poolTitle: "Investeringspulje",
    poolNote: (share: string): string =>
      `Puljen betaler omkostningerne for aktørerne på niveau Kommune, efterhånden som de falder, og kommunen betaler ${share} af sine mindreudgifter og merindtægter tilbage hvert år. Saldo = det beløb, puljen har ude.`,
    noKommune: "Der er ingen aktør på niveau Kommune: puljen har intet at betale.",
    year: "År",
    paidOut: "Udbetalt fra puljen (kommunens udgift til indsatsen)",
    paidBack: (share: string): string => `Tilbagebetalt til puljen (${share} af kommunens gevinst)`,
    balance: "Saldo (udestående)",
    moneyNeeded: "Puljebehov (største saldo)",
    peakYear: "Største saldo i",
    repaid: "Tilbagebetalt fra",
    notRepaid: "ikke inden for beregningsårene",
    left: (y: number): string => `Saldo tilbage ved udgangen af ${y}`,
    none: "–",
    rulesTitle: "Projektets egne beslutninger [D] (ikke officiel SØM-adfærd, se som-method.md §11)",
    rules: [
      "[D] Budgettets fortegn: Udgift til indsatsen = omkostningerne C, Mindreudgifter og merindtægter = −konsekvenserne V, Nettoudgift = C − V.",
      "[D] Beløbene omregnes til budgetårets priser med prisindekset (× I(B) / I(P)), når indekset har begge år; ellers står de i prisniveauet P.",
      "[D] Budgetår og overslagsår uden for beregningsårene vises som 0 og markeres med *.",
      "[D] Investeringspulje: saldo_t = saldo_t−1 + kommunens omkostninger_t − andel × kommunens konsekvenser_t, fra 0; tilbagebetalt = første år, hvorfra saldoen forbliver ≤ 0.",
      "[D] Arket skrives, når projektmappen har navnet SOM_Budgetaar (skabelonen har det).",
    ],
    namesTitle: "Definerede navne (brug dem i egne formler)",
    nameCol: "Navn",
    meaning: "Betydning",
    netName: (who: string): string => `Nettoudgift, budgetår og 3 overslagsår, ${who}`,
    moneyNeededName: "Puljebehov (største saldo, kr.)",
    repaidName: "År, fra hvilket puljen er tilbagebetalt (eller tekst)",
    fingerprintName: "Input-aftrykket, budgettet er beregnet på",
  },
  en: {
    title: "Budget",
    status: "Status",
    statusHelp: "“Out of date” means that inputs changed after the calculation: calculate again.",
    stamp: "Basis of calculation",
    engine: "Engine version",
    calculated: "Calculated",
    budgetYear: "Budget year",
    priceLevel: "Price level",
    prices: (y: number): string => `${y} prices`,
    notConverted: (p: number, b: number): string =>
      `${p} prices (the price index does not have both ${p} and ${b}; amounts are not converted)`,
    converted: (p: number, b: number): string =>
      `${b} prices (converted from ${p} prices with the price index)`,
    unit: "Unit",
    units: { kr: "kr.", thousands: "1,000 kr." } as Record<BudgetUnit, string>,
    years: "Calculation years",
    fingerprint: "Computed from input fingerprint",
    signNote:
      "Budget sign convention: expenditure is positive, savings and extra revenue are negative (the opposite of the Results sheet, where positive figures are a gain).",
    tableTitle: "Budget estimate",
    corner: (unit: string, prices: string): string => `${unit}, ${prices}`,
    first: (y: number): string => `Budget year ${y}`,
    later: (y: number): string => `Estimate year ${y}`,
    expenditure: "Expenditure on the intervention",
    savings: "Savings and extra revenue",
    net: "Net expenditure",
    levelRow: (l: string): string => `Level: ${l}, total`,
    total: "Total",
    actorRow: (name: string, level: string): string => (name === level ? name : `${name} (${level})`),
    outsideNote: (from: number, to: number): string =>
      `* The year is outside the calculation years ${from}–${to} and shown as 0.`,
    poolTitle: "Investment pool",
    poolNote: (share: string): string =>
      `The pool pays the costs of the actors of level Kommune as they fall, and the municipality pays back ${share} of its savings and extra revenue each year. Balance = what the pool has out.`,
    noKommune: "There is no actor of level Kommune: the pool has nothing to pay.",
    year: "Year",
    paidOut: "Paid out by the pool (the municipality's expenditure)",
    paidBack: (share: string): string => `Paid back to the pool (${share} of the municipality's gain)`,
    balance: "Balance (outstanding)",
    moneyNeeded: "Pool money needed (largest balance)",
    peakYear: "Largest balance in",
    repaid: "Repaid from",
    notRepaid: "not within the calculation years",
    left: (y: number): string => `Balance left at the end of ${y}`,
    none: "–",
    rulesTitle: "The project's own decisions [D] (not official SØM behaviour, see som-method.md §11)",
    rules: [
      "[D] Budget sign: Expenditure on the intervention = costs C, Savings and extra revenue = −consequences V, Net expenditure = C − V.",
      "[D] Amounts are converted to the budget year's prices with the price index (× I(B) / I(P)) when the index has both years; otherwise they stay at the price level P.",
      "[D] Budget and estimate years outside the calculation years show 0 and are marked with *.",
      "[D] Investment pool: balance_t = balance_t−1 + the municipality's costs_t − share × its consequences_t, from 0; repaid = the first year from which the balance stays ≤ 0.",
      "[D] The sheet is written when the workbook has the name SOM_Budgetaar (the template has it).",
    ],
    namesTitle: "Defined names (use them in your own formulas)",
    nameCol: "Name",
    meaning: "Meaning",
    netName: (who: string): string => `Net expenditure, budget year and 3 estimate years, ${who}`,
    moneyNeededName: "Pool money needed (largest balance, kr.)",
    repaidName: "Year from which the pool is repaid (or text)",
    fingerprintName: "The input fingerprint the budget was computed from",
  },
} as const;

type Texts = (typeof T)[Lang];

/** What the Budget sheet and the pane show: the budget view, the pool and the unit. */
export interface BudgetFigures {
  readonly view: BudgetView;
  readonly pool: InvestmentPool;
  readonly unit: BudgetUnit;
}

/** The budget view and pool of a calculation for the settings read from the workbook. */
export function budgetFigures(results: Results, scenario: Scenario, decision: DecisionRead): BudgetFigures {
  return {
    view: budgetView(results, scenario.priceIndex, decision.settings.budgetYear),
    pool: investmentPool(results, decision.settings.poolShare),
    unit: decision.unit,
  };
}

/** One scope of the budget table: an actor, a level with several actors, or the total. */
interface BudgetScope {
  readonly label: string;
  readonly suffix: string;
  readonly lines: BudgetLines;
  readonly style: CellStyle;
}

/** Actors, then the levels that have several actors, then the total (a one-actor level repeats its actor). */
function budgetScopes(results: Results, view: BudgetView, t: Texts, lang: Lang): BudgetScope[] {
  const out: BudgetScope[] = results.actors.map((a, i) => ({
    label: t.actorRow(a.name, levelLabel(a.level, lang)),
    suffix: actorNameSuffix(i),
    lines: view.byActor[i] ?? view.total,
    style: "label",
  }));
  for (const level of LEVELS) {
    const lines = view.byLevel.get(level);
    const members = results.actors.filter((a) => a.level === level).length;
    if (lines !== undefined && members > 1)
      out.push({ label: t.levelRow(levelLabel(level, lang)), suffix: level, lines, style: "label" });
  }
  out.push({ label: t.total, suffix: "Total", lines: view.total, style: "total" });
  return out;
}

/** The price-level text of the stamp and the table corner. */
function pricesText(view: BudgetView, t: Texts): { readonly stamp: string; readonly short: string } {
  const P = view.resultsPriceLevel;
  const B = view.budgetYear;
  if (!view.atBudgetPrices) return { stamp: t.notConverted(P, B), short: t.prices(P) };
  return { stamp: B === P ? t.prices(B) : t.converted(P, B), short: t.prices(B) };
}

/**
 * The `Budget` sheet and its defined names. Pure: the same inputs (and `ctx.now`) give the same spec.
 * @example renderBudgetSheet(results, scenario, budgetFigures(results, scenario, decision), ctx).sheet.name === "Budget"
 */
export function renderBudgetSheet(
  results: Results,
  scenario: Scenario,
  figures: BudgetFigures,
  ctx: ResultsContext,
): { readonly sheet: SheetSpec; readonly names: readonly NameSpec[] } {
  const lang = ctx.lang;
  const t = T[lang];
  const sheetName = RESULT_SHEETS.budget;
  const { view, pool } = figures;
  const fmt = BUDGET_FORMATS[figures.unit];
  const prices = pricesText(view, t);
  const firstYear = results.years[0] ?? 0;
  const lastYear = results.years[results.years.length - 1] ?? firstYear;
  const w = new SheetWriter();
  const names: NameSpec[] = [];

  const head = w.statusAndStamp({
    sheet: sheetName,
    lang,
    title: `${t.title}: ${scenario.intervention}`,
    statusLabel: t.status,
    statusHelp: t.statusHelp,
    stampTitle: t.stamp,
    lines: [
      [t.engine, ctx.engineVersion, "@"],
      [t.calculated, stampTime(ctx.now), "@"],
      [t.budgetYear, String(view.budgetYear), "@"],
      [t.priceLevel, prices.stamp, "@"],
      [t.unit, t.units[figures.unit], "@"],
      [t.years, `${firstYear}–${lastYear}`, "@"],
    ],
    fingerprintLabel: t.fingerprint,
    fingerprint: ctx.inputFingerprint,
  });
  names.push(head.name);
  w.skip();
  w.add([[t.signNote]], { style: "muted" });
  w.skip();

  // The budget table.
  w.add([[t.tableTitle]], { style: "subtitle" });
  const mark = (k: number): string => (view.outside[k] === true ? " *" : "");
  w.add(
    [
      [
        t.corner(t.units[figures.unit], prices.short),
        ...view.years.map((y, k) => `${k === 0 ? t.first(y) : t.later(y)}${mark(k)}`),
      ],
    ],
    { style: "header" },
  );
  for (const s of budgetScopes(results, view, t, lang)) {
    w.add([[s.label]], { style: "total" });
    const rows: [string, readonly number[], boolean][] = [
      [t.expenditure, s.lines.expenditure, false],
      [t.savings, s.lines.savings, false],
      [t.net, s.lines.net, true],
    ];
    for (const [label, values, bold] of rows) {
      const r = w.row;
      w.put(r, 0, [[label]], { style: bold ? "outputBold" : "output" });
      putSegments(w, r, values, view.outside, fmt, bold);
      if (bold)
        names.push({
          name: `${BUDGET_NAMES.net}${s.suffix}`,
          sheet: sheetName,
          ref: rectA1({ row: r, col: 1, rows: 1, cols: values.length }),
        });
      w.skip();
    }
  }
  if (view.outside.some((o) => o)) w.add([[t.outsideNote(firstYear, lastYear)]], { style: "muted" });
  w.skip();

  // The investment pool.
  renderPool(w, pool, view, t, fmt, prices.short, t.units[figures.unit], names, sheetName, lang);
  w.skip();

  // [D] rules and the names table.
  w.rulesAndNamesHeader(t, "muted");
  const nameRows: CellValue[][] = [];
  for (const n of names) {
    if (n.name.startsWith(BUDGET_NAMES.net)) {
      const suffix = n.name.slice(BUDGET_NAMES.net.length);
      const who =
        suffix === "Total"
          ? t.total
          : /^A[0-9]+$/.test(suffix)
            ? (results.actors[Number(suffix.slice(1)) - 1]?.name ?? suffix)
            : levelLabel(suffix, lang);
      nameRows.push([n.name, t.netName(who)]);
    }
  }
  nameRows.push([BUDGET_NAMES.moneyNeeded, t.moneyNeededName], [BUDGET_NAMES.repaidYear, t.repaidName]);
  nameRows.push([head.name.name, t.fingerprintName]);
  w.add(nameRows, { style: "label" });

  const width = Math.max(5, results.years.length + 1);
  return {
    sheet: {
      name: sheetName,
      role: "result",
      columnWidths: [52, ...Array.from({ length: width }, () => 17)],
      blocks: w.blocks,
      conditionalFormats: [head.statusFormat],
      freeze: { rows: 0, cols: 1 },
      tabColor: "1F6E6E",
    },
    names,
  };
}

/** Writes one row's values in runs of equal "outside" marking, so years outside 1..T are muted. */
function putSegments(
  w: SheetWriter,
  row: number,
  values: readonly number[],
  outside: readonly boolean[],
  fmt: string,
  bold: boolean,
): void {
  let k = 0;
  while (k < values.length) {
    const out = outside[k] === true;
    let end = k;
    while (end + 1 < values.length && (outside[end + 1] === true) === out) end++;
    const style: Block["style"] = out ? "muted" : bold ? "outputBold" : "output";
    w.put(row, 1 + k, [values.slice(k, end + 1)], { numberFormat: fmt, style });
    k = end + 1;
  }
}

function renderPool(
  w: SheetWriter,
  pool: InvestmentPool,
  view: BudgetView,
  t: Texts,
  fmt: string,
  pricesShort: string,
  unit: string,
  names: NameSpec[],
  sheetName: string,
  lang: Lang,
): void {
  const share = formatPercent(pool.share, lang);
  // The pool is shown at the same price level as the budget table (one price level on the sheet).
  const f = view.factor;
  w.add([[t.poolTitle]], { style: "subtitle" });
  w.add([[t.poolNote(share)]], { style: "muted" });
  if (!pool.hasKommune) w.add([[t.noKommune]], { style: "muted" });
  w.add([[t.corner(unit, pricesShort), ...pool.years]], {
    style: "header",
    numberFormat: [["@", ...pool.years.map(() => "0")]],
  });
  const line = (label: string, xs: readonly number[], style: CellStyle): void => {
    w.add([[label, ...xs.map((x) => x * f)]], { numberFormat: [["@", ...xs.map(() => fmt)]], style });
  };
  line(t.paidOut, pool.paidOut, "output");
  line(
    t.paidBack(share),
    pool.paidBack.map((x) => 0 - x),
    "output",
  );
  line(t.balance, pool.balance, "outputBold");
  w.skip();
  const top = w.row;
  w.add(
    [
      [t.moneyNeeded, pool.moneyNeeded * f],
      [t.peakYear, pool.peakYear ?? t.none],
      [t.repaid, pool.repaidYear ?? t.notRepaid],
      ...(pool.repaidYear === null
        ? [[t.left(pool.years[pool.years.length - 1] ?? 0), pool.balanceAtEnd * f] as CellValue[]]
        : []),
    ],
    {
      numberFormat: [["@", fmt], ["@", "0"], ["@", "0"], ...(pool.repaidYear === null ? [["@", fmt]] : [])],
      style: "outputBold",
    },
  );
  names.push(
    { name: BUDGET_NAMES.moneyNeeded, sheet: sheetName, ref: cellA1(top, 1) },
    { name: BUDGET_NAMES.repaidYear, sheet: sheetName, ref: cellA1(top + 2, 1) },
  );
}
