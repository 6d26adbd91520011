/**
 * `som scenario list|save|delete <fil.xlsx> …`: the saved scenarios of a workbook (the `_som_scenarier` store,
 * som-method.md §9) without Excel, so `som compare` can be tried from the command line. The same use cases as
 * the task pane's Scenarier tab (src/app/scenarios.ts). `save` and `delete` write a NEW file (`--out`); the
 * input file is never modified.
 *
 *   som scenario list eksempel.xlsx [--json]
 *   som scenario save eksempel.xlsx --name "Forsigtig" --out med-scenarie.xlsx [--replace] [--force]
 *   som scenario delete eksempel.xlsx (--id 2 | --name "Forsigtig") --out uden.xlsx [--force]
 */
import { deleteScenario, listScenarios, saveScenario } from "../../app/scenarios";
import type { InputIssue } from "../../engine/types";
import { FileWorkbook } from "../../file/file-workbook";
import { formatKr, type Lang } from "../../present/format";
import type { StoredScenario } from "../../workbook/render/scenario-store";
import { quoted } from "../../workbook/safe-text";
import { hasFlag, optionValue, type ParsedArgs } from "../args";
import { CliError, UsageError, type ExitCode } from "../cli-error";
import type { Command } from "../command";
import { COMMAND_SUMMARIES } from "./summaries";
import type { CliIo } from "../io";
import { refuseExisting, refuseInputAsOutput, requireXlsxName, resolvePath, writeOutputFile } from "../paths";
import { renderTable } from "../text-table";
import { FORCE_OPTION, reportIssues } from "../workbook-command";

const SUBCOMMANDS = ["list", "save", "delete"] as const;
type Sub = (typeof SUBCOMMANDS)[number];

const T = {
  da: {
    none: "Projektmappen har ingen gemte scenarier.",
    header: ["Nr.", "Navn", "Gemt", "Nettoresultat i alt", "Motor"],
    saved: (name: string, id: number, out: string, replaced: boolean) =>
      `Scenariet ${name} er ${replaced ? "erstattet" : "gemt"} (nr. ${id}) i en ny fil: ${out}\n`,
    deleted: (name: string, id: number, out: string) =>
      `Scenariet ${name} (nr. ${id}) er slettet i en ny fil: ${out}\n`,
    problems: "Noget i scenarielageret kunne ikke læses og er sprunget over:",
    notFound: (what: string) => `Der er intet gemt scenarie ${what}.`,
    failed: "Intet er skrevet:",
  },
  en: {
    none: "The workbook has no saved scenarios.",
    header: ["No.", "Name", "Saved", "Net result total", "Engine"],
    saved: (name: string, id: number, out: string, replaced: boolean) =>
      `The scenario ${name} is ${replaced ? "replaced" : "saved"} (no. ${id}) in a new file: ${out}\n`,
    deleted: (name: string, id: number, out: string) =>
      `The scenario ${name} (no. ${id}) is deleted in a new file: ${out}\n`,
    problems: "Parts of the scenario store could not be read and were skipped:",
    notFound: (what: string) => `There is no saved scenario ${what}.`,
    failed: "Nothing was written:",
  },
} as const;

const netTotal = (s: StoredScenario): number | null | undefined =>
  s.figures.find((f) => f.scope === "total" && f.field === "netTotal")?.value;

function listText(scenarios: readonly StoredScenario[], lang: Lang): string {
  if (scenarios.length === 0) return `${T[lang].none}\n`;
  const rows = scenarios.map((s) => {
    const net = netTotal(s);
    return [
      String(s.id),
      s.name,
      s.savedAt.slice(0, 16).replace("T", " "),
      typeof net === "number" ? formatKr(net, lang) : "–",
      s.engineVersion,
    ];
  });
  return `${renderTable(T[lang].header, rows, ["right", "left", "left", "right", "left"]).join("\n")}\n`;
}

/** The `--out` of save/delete: required, .xlsx, not the input, not existing unless `--force`. */
function outPath(args: ParsedArgs, io: CliIo, input: string, sub: Sub): { out: string; force: boolean } {
  const outArg = optionValue(args, "out");
  if (outArg === undefined)
    throw new UsageError({
      da: `som scenario ${sub} skriver en ny fil: angiv --out <ny.xlsx> (inputfilen ændres aldrig).`,
      en: `som scenario ${sub} writes a new file: give --out <new.xlsx> (the input file is never changed).`,
    });
  const out = resolvePath(io.cwd, outArg);
  const force = hasFlag(args, "force");
  requireXlsxName(out);
  refuseInputAsOutput(input, out);
  refuseExisting(out, force);
  return { out, force };
}

function storeIssues(io: CliIo, issues: readonly InputIssue[], json: boolean, lang: Lang): ExitCode {
  return reportIssues(io, issues, { json, lang, title: T[lang].failed });
}

export const scenarioCommand: Command = {
  name: "scenario",
  usage: {
    da: "list|save|delete <fil.xlsx> [--name <navn>] [--id <nr>] [--out <ny.xlsx>] [--replace] [--json]",
    en: "list|save|delete <file.xlsx> [--name <name>] [--id <no>] [--out <new.xlsx>] [--replace] [--json]",
  },
  summary: COMMAND_SUMMARIES.scenario,
  description: {
    da: "list viser projektmappens gemte scenarier. save gemmer projektmappens nuværende input og nøgletal som et\nscenarie, delete sletter et; begge skriver en NY fil med --out (inputfilen ændres aldrig). Sammenlign dem bagefter\nmed 'som compare <ny.xlsx>'.",
    en: "list shows the workbook's saved scenarios. save stores the workbook's current inputs and key figures as a\nscenario, delete removes one; both write a NEW file with --out (the input file is never changed). Compare them\nafterwards with 'som compare <new.xlsx>'.",
  },
  options: [
    {
      name: "name",
      value: "<navn>",
      help: { da: "save/delete: scenariets navn", en: "save/delete: the scenario's name" },
    },
    {
      name: "id",
      value: "<nr>",
      help: { da: "delete: scenariets nummer", en: "delete: the scenario's number" },
    },
    {
      name: "out",
      value: "<ny.xlsx>",
      help: { da: "save/delete: den nye fil", en: "save/delete: the new file" },
    },
    FORCE_OPTION,
    {
      name: "replace",
      help: {
        da: "save: erstat et scenarie med samme navn",
        en: "save: replace a scenario of the same name",
      },
    },
    { name: "json", help: { da: "Udskriv som JSON", en: "Print as JSON" } },
  ],
  positionals: { min: 2, max: 2 },
  async run(args, { io, lang }) {
    const subArg = args.positionals[0] ?? "";
    const sub = SUBCOMMANDS.find((s) => s === subArg);
    if (sub === undefined)
      throw new UsageError({
        da: `Ukendt underkommando ${quoted(subArg)}: brug list, save eller delete.`,
        en: `Unknown subcommand ${quoted(subArg)}: use list, save or delete.`,
      });
    const json = hasFlag(args, "json");
    const input = resolvePath(io.cwd, args.positionals[1] ?? "");
    const target = sub === "list" ? undefined : outPath(args, io, input, sub);
    const workbook = await FileWorkbook.open(input);

    if (sub === "list") {
      const store = await listScenarios(workbook);
      if (!store.ok) return storeIssues(io, store.issues, json, lang);
      if (json)
        io.stdout(
          `${JSON.stringify({ scenarios: store.scenarios.map(summary), problems: store.problems.map((p) => p[lang]) }, null, 2)}\n`,
        );
      else io.stdout(listText(store.scenarios, lang));
      if (!json && store.problems.length > 0)
        io.stderr([T[lang].problems, ...store.problems.map((p) => `  - ${p[lang]}`), ""].join("\n"));
      return 0;
    }
    if (target === undefined) return 1;

    if (sub === "save") {
      const name = optionValue(args, "name");
      if (name === undefined)
        throw new UsageError({
          da: "som scenario save kræver --name <navn>.",
          en: "som scenario save needs --name <name>.",
        });
      const saved = await saveScenario(workbook, name, { now: io.now(), replace: hasFlag(args, "replace") });
      if (!saved.ok) return storeIssues(io, saved.issues, json, lang);
      await writeOutputFile(target.out, await workbook.toBytes(), target.force);
      if (json)
        io.stdout(
          `${JSON.stringify({ saved: summary(saved.scenario), replaced: saved.replaced, out: target.out }, null, 2)}\n`,
        );
      io.stderr(T[lang].saved(quoted(saved.scenario.name), saved.scenario.id, target.out, saved.replaced));
      return 0;
    }

    // delete: by --id or --name
    const store = await listScenarios(workbook);
    if (!store.ok) return storeIssues(io, store.issues, json, lang);
    const idArg = optionValue(args, "id");
    const nameArg = optionValue(args, "name");
    if ((idArg === undefined) === (nameArg === undefined))
      throw new UsageError({
        da: "som scenario delete kræver enten --id <nr> eller --name <navn>.",
        en: "som scenario delete needs either --id <no> or --name <name>.",
      });
    const found =
      idArg !== undefined
        ? store.scenarios.find((s) => String(s.id) === idArg.trim())
        : store.scenarios.find((s) => s.name.trim().toLowerCase() === (nameArg ?? "").trim().toLowerCase());
    if (found === undefined)
      throw new CliError(
        {
          da: T.da.notFound(idArg !== undefined ? `nr. ${quoted(idArg, 20)}` : quoted(nameArg ?? "")),
          en: T.en.notFound(idArg !== undefined ? `no. ${quoted(idArg, 20)}` : quoted(nameArg ?? "")),
        },
        2,
      );
    const deleted = await deleteScenario(workbook, found.id);
    if (!deleted.ok) return storeIssues(io, deleted.issues, json, lang);
    await writeOutputFile(target.out, await workbook.toBytes(), target.force);
    if (json) io.stdout(`${JSON.stringify({ deleted: summary(found), out: target.out }, null, 2)}\n`);
    io.stderr(T[lang].deleted(quoted(found.name), found.id, target.out));
    return 0;
  },
};

/** One scenario for `--json`: id, name, when, engine version and the total key figures. */
function summary(s: StoredScenario): Record<string, unknown> {
  const total: Record<string, number | null> = {};
  for (const f of s.figures) if (f.scope === "total") total[f.field] = f.value;
  return { id: s.id, name: s.name, savedAt: s.savedAt, engineVersion: s.engineVersion, total };
}
