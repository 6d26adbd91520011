/**
 * `som template [--out <fil.xlsx>] [--force] [--lang da|en]`: writes the blank SØM template, the same
 * layout definition the add-in uses for "Opret SØM-ark" (src/workbook/layout/).
 */
import { buildTemplateSpec } from "../../workbook/layout/build-template-spec";
import { hasFlag, optionValue } from "../args";
import type { Command } from "../command";
import { COMMAND_SUMMARIES } from "./summaries";
import { refuseExisting, requireXlsxName, resolvePath, writeOutputFile } from "../paths";

/** Default file name in the current directory. */
export const DEFAULT_TEMPLATE_FILE = "SOM-skabelon.xlsx";

export const templateCommand: Command = {
  name: "template",
  usage: { da: "[--out <fil.xlsx>] [--force]", en: "[--out <file.xlsx>] [--force]" },
  summary: COMMAND_SUMMARIES.template,
  description: {
    da: `Skriver en tom SØM-projektmappe med alle ark, navne og vejledning. Standardnavn: ${DEFAULT_TEMPLATE_FILE} i den aktuelle mappe.\nEn eksisterende fil overskrives kun med --force. Med --lang en får arkene engelske overskrifter.`,
    en: `Writes a blank SØM workbook with all sheets, names and guidance. Default name: ${DEFAULT_TEMPLATE_FILE} in the current directory.\nAn existing file is overwritten only with --force. With --lang en the sheets get English headers.`,
  },
  options: [
    {
      name: "out",
      value: "<fil.xlsx>",
      help: {
        da: `Filnavn (standard: ${DEFAULT_TEMPLATE_FILE})`,
        en: `File name (default: ${DEFAULT_TEMPLATE_FILE})`,
      },
    },
    { name: "force", help: { da: "Overskriv en eksisterende fil", en: "Overwrite an existing file" } },
  ],
  positionals: { min: 0, max: 0 },
  async run(args, { io, lang }) {
    const out = resolvePath(io.cwd, optionValue(args, "out") ?? DEFAULT_TEMPLATE_FILE);
    requireXlsxName(out);
    const force = hasFlag(args, "force");
    refuseExisting(out, force);
    const { writeWorkbookSpec } = await import("../../file/xlsx-writer"); // the writer loads only when writing
    await writeOutputFile(out, await writeWorkbookSpec(buildTemplateSpec({ lang })), force);
    io.stdout(lang === "da" ? `Skabelonen er skrevet: ${out}\n` : `Template written: ${out}\n`);
    return 0;
  },
};
