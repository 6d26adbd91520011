/** The `som` commands, in the order `som --help` lists them. Later commands are added here, one line each. */
import type { Command } from "../command";
import { calculateCommand } from "./calculate";
import { compareCommand } from "./compare";
import { knowledgeCommand } from "./knowledge";
import { portfolioCommand } from "./portfolio";
import { reportCommand } from "./report";
import { scenarioCommand } from "./scenario";
import { sensitivityCommand } from "./sensitivity";
import { simulateCommand } from "./simulate";
import { templateCommand } from "./template";

export const COMMANDS: readonly Command[] = [
  calculateCommand,
  templateCommand,
  knowledgeCommand,
  sensitivityCommand,
  simulateCommand,
  scenarioCommand,
  compareCommand,
  portfolioCommand,
  reportCommand,
];
