/**
 * `som calculate <fil.xlsx> [--out <resultat.xlsx>] [--json]`: reads the workbook's inputs through the
 * contract's defined names, calculates, and prints either the contract's JSON document or a Danish summary
 * table. `--out` writes a new workbook with the inputs and the result sheets; the input file is never
 * written. All logic lives in the use cases (src/app/calculate-workbook.ts; without `--out` only
 * src/app/base-calculation.ts, which renders no sheets: the sheet renderers and the writer are loaded only
 * with `--out`, issue 13's start-up); this file parses and prints.
 */
import { calculateBase } from "../../app/base-calculation";
import { contractJsonText, toFollowUpJson } from "../../app/contract-json";
import { FileWorkbook } from "../../file/file-workbook";
import { hasFlag } from "../args";
import type { Command } from "../command";
import { COMMAND_SUMMARIES } from "./summaries";
import { writeOutputFile } from "../paths";
import { FORCE_OPTION, reportIssues, workbookArgs, JSON_OPTION } from "../workbook-command";
import { renderSummary } from "../summary-table";

export const calculateCommand: Command = {
  name: "calculate",
  usage: {
    da: "<fil.xlsx> [--out <resultat.xlsx> [--live]] [--json]",
    en: "<file.xlsx> [--out <result.xlsx> [--live]] [--json]",
  },
  summary: COMMAND_SUMMARIES.calculate,
  description: {
    da: "Læser input gennem SØM-navnene (SOM_…) i projektmappen, beregner og viser nettoresultatet pr. aktør og år\nog nøgletallene. Inputfilen ændres aldrig.",
    en: "Reads the inputs through the SØM names (SOM_…) in the workbook, calculates, and shows the net result per actor\nand year and the key figures. The input file is never changed.",
  },
  options: [
    {
      name: "out",
      value: "<resultat.xlsx>",
      help: {
        da: "Skriv en ny projektmappe med input og resultatark",
        en: "Write a new workbook with the inputs and the result sheets",
      },
    },
    FORCE_OPTION,
    {
      name: "live",
      help: {
        da: "Skriv også de levende formelark (Levende resultater), der regner selv uden tilføjelsesprogrammet",
        en: "Also write the live formula sheets (Levende resultater) that recalculate without the add-in",
      },
    },
    JSON_OPTION,
  ],
  positionals: { min: 1, max: 1 },
  async run(args, { io, lang }) {
    const { input, out, force, json } = workbookArgs(args, io.cwd);
    // The command line writes the live sheets only when asked (not from the workbook's option).
    const live = hasFlag(args, "live");

    const workbook = await FileWorkbook.open(input);
    // Without --out nothing is written (nor rendered), so a user's own sheet named "Resultater" does not stop
    // the run.
    const outcome =
      out === undefined
        ? await calculateBase(workbook, {})
        : await (
            await import("../../app/calculate-workbook")
          ).calculateWorkbook(workbook, {
            now: io.now(),
            lang,
            live,
          });
    if (!outcome.ok) return reportIssues(io, outcome.issues, { json, lang });
    if (out !== undefined) {
      // The bytes read at the start plus the sheets the run wrote: the copy holds exactly the inputs calculated.
      await writeOutputFile(out, await workbook.toBytes(), force);
    }
    if (json) io.stdout(`${contractJsonText(outcome.results, outcome.warnings, lang, outcome.followUp)}\n`);
    else {
      const lines = renderSummary(outcome.results, outcome.warnings, lang, outcome.scenario.effects);
      // The follow-up's status, one sentence per actor (som-method.md §11), when SOM_Realiseret has figures.
      const f = outcome.followUp;
      if (f !== null) {
        const { followUpStatus } = await import("../../workbook/render/follow-up-sheet");
        const years = toFollowUpJson(f, lang).realisedYears.join(", ");
        lines.push(
          "",
          lang === "da"
            ? `Opfølgning (realiserede tal for ${years}):`
            : `Follow-up (realised figures for ${years}):`,
          ...followUpStatus(f, lang).map((x) => `  ${x.text}`),
        );
      }
      io.stdout(`${lines.join("\n")}\n`);
    }
    if (out !== undefined)
      io.stderr(
        lang === "da"
          ? `Resultaterne er skrevet til en ny fil: ${out}\n`
          : `Results written to a new file: ${out}\n`,
      );
    return 0;
  },
};
