/**
 * The `som` commands, in the order `som --help` lists them: name, summary and a loader each. A command's code
 * (and all it imports: the reader, the engine, the sheet renderers…) is loaded by a dynamic `import()` only when
 * that command runs, so `som --help` and each command start without the others' code (issue 13: start-up ≤ 2×
 * a bare `node -e 1`; the esbuild bundle keeps such modules uninitialised until imported). Add a command with a
 * file in this folder, its summary in `summaries.ts` and one entry here.
 */
import type { CommandEntry } from "../command";
import { COMMAND_SUMMARIES } from "./summaries";

export const COMMANDS: readonly CommandEntry[] = [
  {
    name: "calculate",
    summary: COMMAND_SUMMARIES.calculate,
    load: async () => (await import("./calculate")).calculateCommand,
  },
  {
    name: "template",
    summary: COMMAND_SUMMARIES.template,
    load: async () => (await import("./template")).templateCommand,
  },
  {
    name: "knowledge",
    summary: COMMAND_SUMMARIES.knowledge,
    load: async () => (await import("./knowledge")).knowledgeCommand,
  },
  {
    name: "sensitivity",
    summary: COMMAND_SUMMARIES.sensitivity,
    load: async () => (await import("./sensitivity")).sensitivityCommand,
  },
  {
    name: "simulate",
    summary: COMMAND_SUMMARIES.simulate,
    load: async () => (await import("./simulate")).simulateCommand,
  },
  {
    name: "scenario",
    summary: COMMAND_SUMMARIES.scenario,
    load: async () => (await import("./scenario")).scenarioCommand,
  },
  {
    name: "compare",
    summary: COMMAND_SUMMARIES.compare,
    load: async () => (await import("./compare")).compareCommand,
  },
  {
    name: "portfolio",
    summary: COMMAND_SUMMARIES.portfolio,
    load: async () => (await import("./portfolio")).portfolioCommand,
  },
  {
    name: "report",
    summary: COMMAND_SUMMARIES.report,
    load: async () => (await import("./report")).reportCommand,
  },
];
