/**
 * `som compare <fil.xlsx> [--from <scenarie>] [--to <scenarie>] [--out <resultat.xlsx>] [--json]`: recomputes the
 * scenarios saved in the workbook (hidden sheet `_som_scenarier`), shows them side by side and decomposes the
 * difference between two of them ("why did it move", Shapley). `--out` writes a new workbook with the
 * `Sammenligning` sheet; the input file is never written. Logic lives in src/app/compare.ts.
 */
import { METHOD_NAMES, PERSPECTIVE_NAMES } from "../../present/model-text";
import { compareJsonText } from "../../app/compare-json";
import { buildComparison, compareWorkbook } from "../../app/compare";
import { DECOMPOSITION_FACTORS } from "../../engine/decompose/mix-scenarios";
import { formatKr, formatPercent, formatRatio, type Lang } from "../../present/format";
import { FileWorkbook } from "../../file/file-workbook";
import {
  DECOMPOSITION_RULES,
  FACTOR_LABELS,
  type ComparisonModel,
} from "../../workbook/render/comparison-sheet";
import { optionValue } from "../args";
import type { Command } from "../command";
import { COMMAND_SUMMARIES } from "./summaries";
import { writeOutputFile } from "../paths";
import { FORCE_OPTION, reportIssues, workbookArgs } from "../workbook-command";
import { renderTable } from "../text-table";

const T = {
  da: {
    scenario: "Scenarie",
    net: "Nettoresultat",
    pv: "Nutidsværdi",
    bey: "Tilbagebet.år",
    rpk: "Afkast pr. kr.",
    horizon: "F",
    method: "Horisontmetode",
    duration: "v",
    perspective: "Perspektiv",
    rate: "ρ",
    notReached: "ikke inden for tidshorisonten",
    dash: "–",
    why: (a: string, b: string) =>
      `Hvorfor flyttede det sig? Fra »${a}« til »${b}« (nettoresultat i alt, kr.)`,
    factor: "Faktor",
    contribution: "Bidrag",
    diff: "Forskel i alt",
    refused: "Forskellen kan ikke opdeles: scenarierne har forskelligt prisniveau.",
    refusedPerspective:
      "Forskellen kan ikke opdeles: scenarierne har forskelligt perspektiv (Offentlig sektor / Kun kommune).",
    skipped: "Kan ikke genberegnes:",
    noIssue: "Projektmappens scenarier kan ikke sammenlignes:",
    written: (p: string) => `Sammenligningen er skrevet til en ny fil: ${p}`,
  },
  en: {
    scenario: "Scenario",
    net: "Net result",
    pv: "Present value",
    bey: "Break-even",
    rpk: "Return/krone",
    horizon: "F",
    method: "Horizon method",
    duration: "v",
    perspective: "Perspective",
    rate: "ρ",
    notReached: "not within the horizon",
    dash: "–",
    why: (a: string, b: string) => `Why did it move? From “${a}” to “${b}” (net result in total, DKK)`,
    factor: "Factor",
    contribution: "Contribution",
    diff: "Difference in total",
    refused: "The difference cannot be decomposed: the scenarios have different price levels.",
    refusedPerspective:
      "The difference cannot be decomposed: the scenarios have different perspectives (public sector / municipality only).",
    skipped: "Cannot be recomputed:",
    noIssue: "The workbook's scenarios cannot be compared:",
    written: (p: string) => `The comparison was written to a new file: ${p}`,
  },
} as const;

/** The terminal text of a comparison (rounded for display only). */
export function renderComparisonText(model: ComparisonModel, lang: Lang): string[] {
  const t = T[lang];
  const lines = renderTable(
    [t.scenario, t.horizon, t.method, t.duration, t.perspective, t.rate, t.net, t.pv, t.bey, t.rpk],
    model.entries.map((e) => {
      const b = e.results.total;
      const s = e.scenario.settings;
      return [
        e.name,
        String(s.horizon),
        METHOD_NAMES[s.horizonMethod][lang],
        String(s.duration),
        PERSPECTIVE_NAMES[s.perspective][lang],
        formatPercent(e.scenario.settings.discountRate, lang),
        formatKr(b.netTotal, lang),
        formatKr(b.presentValue, lang),
        b.breakEvenYear === null ? t.notReached : String(b.breakEvenYear),
        b.returnPerKrone === null ? t.dash : formatRatio(b.returnPerKrone, lang),
      ];
    }),
    ["left", "right", "left", "right", "left", "right", "right", "right", "right", "right"],
  );
  for (const s of model.skipped) lines.push(`${t.skipped} ${s.name}: ${s.reason[lang]}`);
  const d = model.decomposition;
  if (d !== null) {
    lines.push("", t.why(d.from, d.to));
    if (!d.outcome.ok)
      lines.push(d.outcome.reason === "different-perspective" ? t.refusedPerspective : t.refused);
    else {
      const fig = d.outcome.value.total.netTotal;
      lines.push(
        ...renderTable(
          [t.factor, t.contribution],
          [
            ...DECOMPOSITION_FACTORS.map((f) => [
              FACTOR_LABELS[f][lang],
              formatKr(fig.contributions[f], lang),
            ]),
            [t.diff, formatKr(fig.difference, lang)],
          ],
          ["left", "right"],
        ),
      );
      lines.push("", ...DECOMPOSITION_RULES[lang].slice(0, 2));
    }
  }
  return lines;
}

export const compareCommand: Command = {
  name: "compare",
  usage: {
    da: "<fil.xlsx> [--from <scenarie>] [--to <scenarie>] [--out <resultat.xlsx>] [--json]",
    en: "<file.xlsx> [--from <scenario>] [--to <scenario>] [--out <result.xlsx>] [--json]",
  },
  summary: COMMAND_SUMMARIES.compare,
  description: {
    da: "Genberegner de scenarier, der er gemt i projektmappen, viser nøgletal side om side og opdeler forskellen mellem\nto scenarier på succesrater, deltagere, omkostninger, konsekvenser, priser, tidshorisont og diskonteringsrente\n(Shapley-værdi). Inputfilen ændres aldrig.",
    en: "Recomputes the scenarios saved in the workbook, shows key figures side by side and splits the difference between\ntwo scenarios into success rates, participants, costs, consequences, prices, horizon and discount rate\n(Shapley value). The input file is never changed.",
  },
  options: [
    FORCE_OPTION,
    {
      name: "from",
      value: "<scenarie>",
      help: {
        da: "Fra-scenariet i opdelingen (standard: det første)",
        en: "The from-scenario of the decomposition (default: the first)",
      },
    },
    {
      name: "to",
      value: "<scenarie>",
      help: {
        da: "Til-scenariet i opdelingen (standard: det andet)",
        en: "The to-scenario of the decomposition (default: the second)",
      },
    },
    {
      name: "out",
      value: "<resultat.xlsx>",
      help: {
        da: "Skriv en ny projektmappe med arket Sammenligning",
        en: "Write a new workbook with the Sammenligning sheet",
      },
    },
    {
      name: "json",
      help: {
        da: "Udskriv sammenligningen som JSON (maskinlæsbart)",
        en: "Print the comparison as JSON (machine-readable)",
      },
    },
  ],
  positionals: { min: 1, max: 1 },
  async run(args, { io, lang }) {
    const { input, out, force, json } = workbookArgs(args, io.cwd);
    const from = optionValue(args, "from");
    const to = optionValue(args, "to");
    const options = { ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }) };

    const workbook = await FileWorkbook.open(input);
    const outcome =
      out === undefined
        ? await buildComparison(workbook, options)
        : await compareWorkbook(workbook, options, { now: io.now(), lang });
    if (!outcome.ok) return reportIssues(io, outcome.issues, { json, lang, title: T[lang].noIssue });
    if (out !== undefined) await writeOutputFile(out, await workbook.toBytes(), force);
    if (json) io.stdout(`${compareJsonText(outcome.model, lang)}\n`);
    else io.stdout(`${renderComparisonText(outcome.model, lang).join("\n")}\n`);
    if (out !== undefined) io.stderr(`${T[lang].written(out)}\n`);
    return 0;
  },
};
