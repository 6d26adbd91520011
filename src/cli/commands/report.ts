/**
 * `som report <fil.xlsx> --out rapport.pdf|rapport.html [--force]`: the decision report (issue 15) as one document
 * to attach to a committee paper — the same report as the `Rapport` sheet (one model, `report-model.ts`).
 *
 * Route: a self-contained HTML file (inline SVG charts, print CSS with page header/footer and "Side x af y", no
 * script, nothing loaded from anywhere) that any browser shows and prints; `.pdf` prints that HTML with an
 * installed headless Chromium/Chrome (`print-pdf.ts`), so the PDF and the HTML cannot differ and no PDF library
 * or browser download is needed. The input file is never written.
 */
import { prepareBaseRun, reportModelOf } from "../../app/calculate-workbook";
import { FileWorkbook } from "../../file/file-workbook";
import { stampTime } from "../../workbook/render/meta-sheet";
import { calculatedFooter } from "../../workbook/render/print-layout";
import { reportHtml } from "../../workbook/render/report-html";
import { hasFlag, optionValue } from "../args";
import { CliError, UsageError } from "../cli-error";
import type { Command } from "../command";
import { COMMAND_SUMMARIES } from "./summaries";
import { refuseExisting, refuseInputAsOutput, resolvePath, writeOutputFile } from "../paths";
import { findChromium, NO_BROWSER, printHtmlToPdf } from "../print-pdf";
import { FORCE_OPTION, reportIssues } from "../workbook-command";

export const reportCommand: Command = {
  name: "report",
  usage: {
    da: "<fil.xlsx> --out <rapport.pdf|rapport.html> [--force]",
    en: "<file.xlsx> --out <report.pdf|report.html> [--force]",
  },
  summary: COMMAND_SUMMARIES.report,
  description: {
    da: "Beregner projektmappen og skriver rapporten (sammenfatning, omkostninger, effekt, konsekvenser og priser,\nresultater, følsomhed, forudsætninger og bilag) som én fil til et udvalg. .html virker i enhver browser;\n.pdf udskrives med en installeret Chromium/Chrome (SOM_CHROMIUM=<sti> vælger browseren). Inputfilen ændres aldrig.",
    en: "Calculates the workbook and writes the report (summary, costs, effect, consequences and prices, results,\nsensitivity, assumptions and annexes) as one file for a committee. .html works in any browser; .pdf is printed\nwith an installed Chromium/Chrome (SOM_CHROMIUM=<path> chooses the browser). The input file is never changed.",
  },
  options: [
    {
      name: "out",
      value: "<rapport.pdf|.html>",
      help: { da: "Rapportens fil (.pdf eller .html)", en: "The report's file (.pdf or .html)" },
    },
    FORCE_OPTION,
  ],
  positionals: { min: 1, max: 1 },
  async run(args, { io, lang }) {
    const input = resolvePath(io.cwd, args.positionals[0] ?? "");
    const outArg = optionValue(args, "out");
    if (outArg === undefined)
      throw new UsageError({
        da: "Angiv rapportens fil med --out rapport.pdf eller --out rapport.html.",
        en: "Name the report's file with --out report.pdf or --out report.html.",
      });
    const out = resolvePath(io.cwd, outArg);
    const kind = /\.pdf$/i.test(out) ? "pdf" : /\.html?$/i.test(out) ? "html" : undefined;
    if (kind === undefined)
      throw new CliError({
        da: `Rapportens fil skal have endelsen .pdf eller .html: ${out}`,
        en: `The report's file must end in .pdf or .html: ${out}`,
      });
    const force = hasFlag(args, "force");
    refuseInputAsOutput(input, out);
    refuseExisting(out, force);
    // Before the calculation: say at once when a PDF cannot be made.
    const chromium = kind === "pdf" ? findChromium(io.env) : undefined;
    if (kind === "pdf" && chromium === undefined) throw new CliError(NO_BROWSER);

    const workbook = await FileWorkbook.open(input);
    const now = io.now();
    const base = await prepareBaseRun(workbook, { now, lang });
    if (!base.ok) return reportIssues(io, base.issues, { json: false, lang });
    const html = reportHtml(reportModelOf(base, { now, lang }), calculatedFooter(lang, stampTime(now)));
    const data = chromium === undefined ? html : await printHtmlToPdf(html, chromium);
    await writeOutputFile(out, data, force);
    io.stderr(lang === "da" ? `Rapporten er skrevet: ${out}\n` : `The report was written: ${out}\n`);
    return 0;
  },
};
