/**
 * `som simulate <fil.xlsx> [--iterations N] [--seed S] [--iterations-sheet] [--out <resultat.xlsx>] [--json]`:
 * reads the scenario and `SOM_Usikkerhed` (with `SOM_Simulering_Antal` and `SOM_Simulering_Seed`, which
 * `--iterations` and `--seed` override), runs the seeded simulation of som-method.md §10 and prints the JSON
 * document or a Danish summary. `--out` writes a NEW workbook with the inputs plus `Resultater` and
 * `Usikkerhed` (and `Simuleringer` with every iteration when `--iterations-sheet` is given); the input file is
 * never written. Logic lives in src/app/uncertainty-workbook.ts.
 */
import { simulateWorkbook, simulationJsonText } from "../../app/uncertainty-workbook";
import { MAX_ITERATIONS } from "../../engine/simulation/inputs";
import { MAX_SEED } from "../../engine/simulation/random";
import type { SimulationResult, SimulationSummary } from "../../engine/simulation/simulate";
import type { InputIssue } from "../../engine/types";
import { FileWorkbook } from "../../file/file-workbook";
import { formatKr, formatPercent, type Lang } from "../../present/format";
import { probabilitySentence } from "../../present/uncertainty-text";
import { levelLabel } from "../../workbook/names";
import { headline } from "../../workbook/render/uncertainty-sheet";
import { hasFlag, optionValue, type ParsedArgs } from "../args";
import { UsageError } from "../cli-error";
import type { Command } from "../command";
import { COMMAND_SUMMARIES } from "./summaries";
import { issueLine } from "../summary-table";
import { renderTable } from "../text-table";
import { FORCE_OPTION, reportIssues, workbookArgs, JSON_OPTION } from "../workbook-command";
import { writeOutputFile } from "../paths";

const T = {
  da: {
    title: (n: number, seed: number, p: number) =>
      `Simulering: ${n.toLocaleString("da-DK")} gennemløb, startværdi (seed) ${seed}; kr. i prisniveau ${p}`,
    who: "Aktør / niveau",
    prob: "P(overskud)",
    mean: "Middel",
    total: "I alt",
    level: "Niveau:",
    warnings: "Advarsler",
    written: (f: string) => `Resultaterne er skrevet til en ny fil: ${f}\n`,
    badIterations: `--iterations skal være et helt tal fra 1 til ${MAX_ITERATIONS}.`,
    badSeed: `--seed skal være et helt tal fra 0 til ${MAX_SEED}.`,
  },
  en: {
    title: (n: number, seed: number, p: number) =>
      `Simulation: ${n.toLocaleString("en-GB")} iterations, seed ${seed}; DKK at price level ${p}`,
    who: "Actor / level",
    prob: "P(surplus)",
    mean: "Mean",
    total: "Total",
    level: "Level:",
    warnings: "Warnings",
    written: (f: string) => `Results written to a new file: ${f}\n`,
    badIterations: `--iterations must be a whole number from 1 to ${MAX_ITERATIONS}.`,
    badSeed: `--seed must be a whole number from 0 to ${MAX_SEED}.`,
  },
} as const;

/** A whole number within [min, max] from an option, or a usage error (exit 1). */
function integerOption(
  args: ParsedArgs,
  name: string,
  min: number,
  max: number,
  key: "badIterations" | "badSeed",
): number | undefined {
  const text = optionValue(args, name);
  if (text === undefined) return undefined;
  const n = /^\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) throw new UsageError({ da: T.da[key], en: T.en[key] });
  return n;
}

/** The terminal summary: the sentence, then one row per actor, level and total. */
export function renderSimulationSummary(
  result: SimulationResult,
  priceLevel: number,
  warnings: readonly InputIssue[],
  lang: Lang,
): string[] {
  const t = T[lang];
  const head = headline(result);
  const rows: [string, SimulationSummary][] = [
    ...result.actors.map(
      (a, i) => [a.name, result.byActor[i] as SimulationSummary] as [string, SimulationSummary],
    ),
    ...[...result.byLevel].map(
      ([l, s]) => [`${t.level} ${levelLabel(l, lang)}`, s] as [string, SimulationSummary],
    ),
    [t.total, result.total],
  ];
  const out = [
    t.title(result.iterations, result.seed, priceLevel),
    probabilitySentence(head.summary.probabilityPositive, head.subject, lang),
    "",
  ];
  out.push(
    ...renderTable(
      [t.who, t.prob, `Σ NR ${t.mean}`, "Σ NR P5", "Σ NR P50", "Σ NR P95", "PV P50"],
      rows.map(([who, s]) => [
        who,
        formatPercent(s.probabilityPositive, lang),
        formatKr(s.netTotal.mean, lang),
        formatKr(s.netTotal.p5, lang),
        formatKr(s.netTotal.p50, lang),
        formatKr(s.netTotal.p95, lang),
        formatKr(s.presentValue.p50, lang),
      ]),
      ["left", "right", "right", "right", "right", "right", "right"],
    ),
  );
  if (warnings.length > 0)
    out.push("", `${t.warnings}:`, ...warnings.map((w) => `  - ${issueLine(w, lang)}`));
  return out;
}

export const simulateCommand: Command = {
  name: "simulate",
  usage: {
    da: "<fil.xlsx> [--iterations N] [--seed S] [--iterations-sheet] [--out <resultat.xlsx>] [--json]",
    en: "<file.xlsx> [--iterations N] [--seed S] [--iterations-sheet] [--out <result.xlsx>] [--json]",
  },
  summary: COMMAND_SUMMARIES.simulate,
  description: {
    da: "Læser input og de usikre parametre (SOM_Usikkerhed, SOM_Simulering_Antal, SOM_Simulering_Seed), trækker\ndem med en fast startværdi og genberegner modellen i hvert gennemløb. Samme startværdi giver de samme tal.\nInputfilen ændres aldrig.",
    en: "Reads the inputs and the uncertain parameters (SOM_Usikkerhed, SOM_Simulering_Antal, SOM_Simulering_Seed),\ndraws them from a fixed seed and recomputes the model in every iteration. The same seed gives the same numbers.\nThe input file is never changed.",
  },
  options: [
    {
      name: "iterations",
      value: "N",
      help: {
        da: "Antal gennemløb (1–100.000); erstatter SOM_Simulering_Antal",
        en: "Iterations (1–100,000); overrides SOM_Simulering_Antal",
      },
    },
    {
      name: "seed",
      value: "S",
      help: {
        da: "Startværdi (0–4294967295); erstatter SOM_Simulering_Seed",
        en: "Seed (0–4294967295); overrides SOM_Simulering_Seed",
      },
    },
    {
      name: "iterations-sheet",
      help: {
        da: "Skriv også arket Simuleringer med hvert gennemløbs træk og nettoresultat (med --out)",
        en: "Also write the Simuleringer sheet with every iteration's draws and net result (with --out)",
      },
    },
    {
      name: "out",
      value: "<resultat.xlsx>",
      help: {
        da: "Skriv en ny projektmappe med input, Resultater og Usikkerhed",
        en: "Write a new workbook with the inputs, Resultater and Usikkerhed",
      },
    },
    FORCE_OPTION,
    JSON_OPTION,
  ],
  positionals: { min: 1, max: 1 },
  async run(args, { io, lang }) {
    const { input, out, force, json } = workbookArgs(args, io.cwd);
    const iterations = integerOption(args, "iterations", 1, MAX_ITERATIONS, "badIterations");
    const seed = integerOption(args, "seed", 0, MAX_SEED, "badSeed");
    const workbook = await FileWorkbook.open(input);
    const outcome = await simulateWorkbook(workbook, {
      now: io.now(),
      lang,
      ...(iterations === undefined ? {} : { iterations }),
      ...(seed === undefined ? {} : { seed }),
      writeIterations: hasFlag(args, "iterations-sheet"),
    });
    if (!outcome.ok) return reportIssues(io, outcome.issues, { json, lang });
    if (out !== undefined) await writeOutputFile(out, await workbook.toBytes(), force);
    if (json) io.stdout(`${simulationJsonText(outcome.result, outcome.scenario, outcome.warnings, lang)}\n`);
    else
      io.stdout(
        `${renderSimulationSummary(outcome.result, outcome.scenario.settings.priceLevel, outcome.warnings, lang).join("\n")}\n`,
      );
    if (out !== undefined) io.stderr(T[lang].written(out));
    return 0;
  },
};
