/**
 * `som sensitivity <fil.xlsx> [--out <resultat.xlsx>] [--json]`: reads the scenario and the sensitivity
 * settings (`SOM_Foelsomhed`, `SOM_Grid_X`, `SOM_Grid_Y`, `SOM_Grid_Resultat`; defaults when absent),
 * computes the one-way table, tornado, two-way grid and break-even values (som-method.md §7), and prints the
 * JSON document or a Danish summary. `--out` writes a NEW workbook with the inputs plus `Resultater` and
 * `Følsomhedsresultater`; the input file is never written. Logic lives in src/app/sensitivity-workbook.ts.
 */
import { reportedActors } from "../../engine/calculate";
import {
  SensitivityCancelledError,
  sensitivityJsonText,
  sensitivityWorkbook,
} from "../../app/sensitivity-workbook";
import { hasFlag } from "../args";
import { CliError } from "../cli-error";
import type { SensitivityAnalysis, BreakEvenValue } from "../../engine/sensitivity/analyses";
import type { SensitivityParameter } from "../../engine/sensitivity/parameters";
import type { InputIssue, Scenario } from "../../engine/types";
import { FileWorkbook } from "../../file/file-workbook";
import { formatKr, formatNumber, formatPercent, type Lang } from "../../present/format";
import { SENSITIVITY_PARAMETER_LABELS } from "../../workbook/names";
import { resultSelectorText } from "../../workbook/read/read-sensitivity";
import type { Command } from "../command";
import { COMMAND_SUMMARIES } from "./summaries";
import { writeOutputFile } from "../paths";
import { FORCE_OPTION, reportIssues, workbookArgs, JSON_OPTION } from "../workbook-command";
import { issueLine } from "../summary-table";
import { renderTable } from "../text-table";

/** Grids wider than this many columns are not printed in the terminal summary (see --json or --out). */
const MAX_PRINTED_GRID_COLUMNS = 12;

const T = {
  da: {
    tornado: (p: number) =>
      `Tornado: samlet nettoresultat ved lav og høj værdi (kr., prisniveau ${p}), sorteret efter udsving`,
    parameter: "Parameter",
    low: "Lav",
    high: "Høj",
    atLow: "I alt ved lav",
    atHigh: "I alt ved høj",
    swing: "Udsving",
    base: (v: string) => `Basis: ${v}`,
    grid: (r: string) => `Tovejsgitter: ${r} (kr.); rækker = første kolonne, kolonner = overskrift`,
    gridTooWide: (n: number) =>
      `Gitteret har ${n} kolonner; se det med --json eller i projektmappen fra --out.`,
    breakEven: "Kritiske værdier (nettoresultat over tidshorisonten = 0)",
    who: "Aktør",
    total: "I alt",
    beSuccess: "Succesrate",
    beConsequence: "Ændring i konsekvenser",
    beCost: "Ændring i omkostninger",
    positive: "altid positivt",
    negative: "altid negativt",
    warnings: "Advarsler",
    written: (f: string) => `Resultaterne er skrevet til en ny fil: ${f}\n`,
    progress: (pct: number, done: number, total: number) =>
      `Følsomhed: ${pct} % af gitteret beregnet (${done} af ${total} rækker)\n`,
    cancelled: "Følsomhedsanalysen er afbrudt (Ctrl-C); intet er skrevet.",
  },
  en: {
    tornado: (p: number) =>
      `Tornado: total net result at the low and high value (DKK, price level ${p}), sorted by swing`,
    parameter: "Parameter",
    low: "Low",
    high: "High",
    atLow: "Total at low",
    atHigh: "Total at high",
    swing: "Swing",
    base: (v: string) => `Base: ${v}`,
    grid: (r: string) => `Two-way grid: ${r} (DKK); rows = first column, columns = header`,
    gridTooWide: (n: number) =>
      `The grid has ${n} columns; see it with --json or in the workbook written by --out.`,
    breakEven: "Break-even values (net result over the horizon = 0)",
    who: "Actor",
    total: "Total",
    beSuccess: "Success rate",
    beConsequence: "Change in consequences",
    beCost: "Change in costs",
    positive: "always positive",
    negative: "always negative",
    warnings: "Warnings",
    written: (f: string) => `Results written to a new file: ${f}\n`,
    progress: (pct: number, done: number, total: number) =>
      `Sensitivity: ${pct} % of the grid computed (${done} of ${total} rows)\n`,
    cancelled: "The sensitivity analysis was interrupted (Ctrl-C); nothing was written.",
  },
} as const;

const label = (p: SensitivityParameter, lang: Lang): string =>
  SENSITIVITY_PARAMETER_LABELS.find((l) => l.key === p)?.[lang] ?? p;

/** A parameter value for display: a rate or a signed change in %, or years. */
function valueText(p: SensitivityParameter, v: number, lang: Lang): string {
  if (p === "horizon") return formatNumber(v, lang);
  const text = formatPercent(v, lang);
  return p !== "successRate" && v > 0 ? `+${text}` : text;
}

function beText(v: BreakEvenValue, change: boolean, lang: Lang): string {
  if (!v.reachable) return v.reason === "always-positive" ? T[lang].positive : T[lang].negative;
  const text = formatPercent(v.value, lang);
  return change && v.value > 0 ? `+${text}` : text;
}

/** The terminal summary: tornado, grid (when narrow enough), break-even values, warnings. */
export function renderSensitivitySummary(
  analysis: SensitivityAnalysis,
  scenario: Scenario,
  warnings: readonly InputIssue[],
  lang: Lang,
): string[] {
  const t = T[lang];
  const out: string[] = [];
  out.push(t.tornado(scenario.settings.priceLevel), t.base(formatKr(analysis.tornado.baseTotal, lang)));
  out.push(
    ...renderTable(
      [t.parameter, t.low, t.high, t.atLow, t.atHigh, t.swing],
      analysis.tornado.bars.map((b) => [
        label(b.parameter, lang),
        valueText(b.parameter, b.low, lang),
        valueText(b.parameter, b.high, lang),
        formatKr(b.total.low, lang),
        formatKr(b.total.high, lang),
        formatKr(b.swing, lang),
      ]),
      ["left", "right", "right", "right", "right", "right"],
    ),
    "",
  );
  const g = analysis.grid;
  out.push(t.grid(resultSelectorText(g.result, scenario, lang)));
  if (g.x.values.length > MAX_PRINTED_GRID_COLUMNS) out.push(t.gridTooWide(g.x.values.length));
  else {
    const corner = `${label(g.y.parameter, lang)} \\ ${label(g.x.parameter, lang)}`;
    out.push(
      ...renderTable(
        [corner, ...g.x.values.map((v) => valueText(g.x.parameter, v, lang))],
        g.cells.map((row, i) => [
          valueText(g.y.parameter, g.y.values[i] ?? NaN, lang),
          ...row.map((v) => formatNumber(v, lang)),
        ]),
        ["left", ...g.x.values.map(() => "right" as const)],
      ),
    );
  }
  out.push("", t.breakEven);
  const rows = [
    ...reportedActors(scenario).map((a, i) => ({ who: a.name, be: analysis.breakEven.byActor[i] })),
    { who: t.total, be: analysis.breakEven.total },
  ];
  out.push(
    ...renderTable(
      [t.who, t.beSuccess, t.beConsequence, t.beCost],
      rows.map((r) =>
        r.be === undefined
          ? [r.who]
          : [
              r.who,
              beText(r.be.successRate, false, lang),
              beText(r.be.consequenceChange, true, lang),
              beText(r.be.costChange, true, lang),
            ],
      ),
      ["left", "right", "right", "right"],
    ),
  );
  if (warnings.length > 0)
    out.push("", `${t.warnings}:`, ...warnings.map((w) => `  - ${issueLine(w, lang)}`));
  return out;
}

export const sensitivityCommand: Command = {
  name: "sensitivity",
  usage: {
    da: "<fil.xlsx> [--out <resultat.xlsx>] [--json]",
    en: "<file.xlsx> [--out <result.xlsx>] [--json]",
  },
  summary: COMMAND_SUMMARIES.sensitivity,
  description: {
    da: "Læser input og følsomhedsindstillingerne (SOM_Foelsomhed, SOM_Grid_X, SOM_Grid_Y, SOM_Grid_Resultat;\nstandarder når de mangler), genberegner modellen for hver variant og viser tornado, gitter og kritiske værdier.\nInputfilen ændres aldrig.",
    en: "Reads the inputs and the sensitivity settings (SOM_Foelsomhed, SOM_Grid_X, SOM_Grid_Y, SOM_Grid_Resultat;\ndefaults when absent), recomputes the model for every variant and shows the tornado, grid and break-even values.\nThe input file is never changed.",
  },
  options: [
    FORCE_OPTION,
    {
      name: "out",
      value: "<resultat.xlsx>",
      help: {
        da: "Skriv en ny projektmappe med input, Resultater og Følsomhedsresultater",
        en: "Write a new workbook with the inputs, Resultater and Følsomhedsresultater",
      },
    },
    JSON_OPTION,
    {
      name: "progress",
      help: {
        da: "Vis fremdrift på stderr (altid, når stderr er en terminal); Ctrl-C afbryder",
        en: "Show progress on stderr (always when stderr is a terminal); Ctrl-C interrupts",
      },
    },
  ],
  positionals: { min: 1, max: 1 },
  async run(args, { io, lang }) {
    const { input, out, force, json } = workbookArgs(args, io.cwd);
    const progress = hasFlag(args, "progress") || io.stderrIsTTY === true;
    let shown = 0; // tenths of the grid reported so far

    const workbook = await FileWorkbook.open(input);
    let outcome;
    try {
      outcome = await sensitivityWorkbook(
        workbook,
        { now: io.now(), lang },
        {
          ...(io.signal === undefined ? {} : { signal: io.signal }),
          // Between grid rows the event loop runs, so Ctrl-C is seen during a long grid.
          yieldBetweenRows: () => new Promise<void>((resolve) => setImmediate(resolve)),
          onRow: (done, total) => {
            const tenth = Math.floor((done * 10) / total);
            if (!progress || tenth <= shown) return;
            shown = tenth;
            io.stderr(T[lang].progress(tenth * 10, done, total));
          },
        },
      );
    } catch (error) {
      if (error instanceof SensitivityCancelledError)
        throw new CliError({ da: T.da.cancelled, en: T.en.cancelled });
      throw error;
    }
    if (!outcome.ok) return reportIssues(io, outcome.issues, { json, lang });
    if (out !== undefined) {
      await workbook.writeSheets(outcome.written);
      await writeOutputFile(out, await workbook.toBytes(), force);
    }
    if (json)
      io.stdout(`${sensitivityJsonText(outcome.analysis, outcome.scenario, outcome.warnings, lang)}\n`);
    else
      io.stdout(
        `${renderSensitivitySummary(outcome.analysis, outcome.scenario, outcome.warnings, lang).join("\n")}\n`,
      );
    if (out !== undefined) io.stderr(T[lang].written(out));
    return 0;
  },
};
