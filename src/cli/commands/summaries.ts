/**
 * The one-line summary of every `som` command, shown by `som --help`. Kept apart from the commands so that
 * the general help and the command list load none of the commands' code (start-up, issue 13); each command
 * refers to its line here.
 */
import type { Bilingual } from "../cli-error";

export const COMMAND_SUMMARIES = {
  calculate: {
    da: "Beregn en SØM-projektmappe og vis resultatet",
    en: "Calculate a SØM workbook and show the results",
  },
  template: { da: "Skriv den tomme SØM-skabelon (.xlsx)", en: "Write the blank SØM template (.xlsx)" },
  knowledge: {
    da: "Vis, søg i og eksportér vidensdatabasen",
    en: "Show, search and export the knowledge database",
  },
  sensitivity: {
    da: "Følsomhedsanalyser: tornado, tovejsgitter og kritiske værdier",
    en: "Sensitivity analyses: tornado, two-way grid and break-even values",
  },
  simulate: {
    da: "Simulering af usikkerheden: sandsynlighed for overskud pr. aktør",
    en: "Uncertainty simulation: probability of a surplus per actor",
  },
  scenario: {
    da: "Vis, gem eller slet gemte scenarier (til som compare) uden Excel",
    en: "List, save or delete saved scenarios (for som compare) without Excel",
  },
  compare: {
    da: "Sammenlign de gemte scenarier i en projektmappe",
    en: "Compare the scenarios saved in a workbook",
  },
  portfolio: {
    da: "Beregn mange SØM-projektmapper (en portefølje af indsatser) og summér pr. aktør og år",
    en: "Calculate many SØM workbooks (a portfolio of interventions) and sum per actor and year",
  },
  report: {
    da: "Skriv beslutningsrapporten som PDF eller HTML",
    en: "Write the decision report as PDF or HTML",
  },
} as const satisfies Record<string, Bilingual>;
