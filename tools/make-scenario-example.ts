/**
 * Writes examples/eksempel-scenarier.xlsx: the bundled example with two saved scenarios, so `som compare` (and
 * the pane's Scenarier tab) can be tried at once — "Forsigtig: succesrate −25 %" (the example's success rate
 * × 0,75) and "Basis" (the example as it is; also the workbook's current inputs). Made through the same use
 * case as `som scenario save` and the pane (saveScenario), at a fixed time, so the bytes are deterministic:
 *
 *   npx tsx tools/make-scenario-example.ts [--out other.xlsx]
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { saveScenario } from "../src/app/scenarios";
import { FileWorkbook } from "../src/file/file-workbook";
import { writeWorkbookSpec } from "../src/file/xlsx-writer";
import { buildTemplateSpec } from "../src/workbook/layout/build-template-spec";
import { EXAMPLE_DATA, EXAMPLE_DECISION, EXAMPLE_UNCERTAINTY } from "../src/workbook/layout/example-data";
import type { RawScenario } from "../src/engine/types";

export const SCENARIO_EXAMPLE_FILE = path.join("examples", "eksempel-scenarier.xlsx");
const SAVED_AT = new Date(Date.UTC(2026, 0, 15, 12, 0, 0));

const spec = (data: RawScenario) =>
  buildTemplateSpec({ lang: "da", data, decision: EXAMPLE_DECISION, uncertainty: EXAMPLE_UNCERTAINTY });

/** The example workbook's bytes with the two saved scenarios. */
export async function scenarioExampleBytes(): Promise<Uint8Array> {
  const careful: RawScenario = {
    ...EXAMPLE_DATA,
    effects: EXAMPLE_DATA.effects.map((e) => ({
      ...e,
      ...(typeof e.successRate === "number" ? { successRate: e.successRate * 0.75 } : {}),
    })),
  };
  const low = FileWorkbook.fromBytes(await writeWorkbookSpec(spec(careful)));
  const first = await saveScenario(low, "Forsigtig: succesrate −25 %", { now: SAVED_AT });
  if (!first.ok) throw new Error(JSON.stringify(first.issues));
  const base = spec(EXAMPLE_DATA);
  const withStore = FileWorkbook.fromBytes(
    await writeWorkbookSpec({
      sheets: [...base.sheets, ...low.written.sheets],
      names: [...base.names, ...low.written.names],
    }),
  );
  const second = await saveScenario(withStore, "Basis", { now: SAVED_AT });
  if (!second.ok) throw new Error(JSON.stringify(second.issues));
  return withStore.toBytes();
}

async function main(argv: readonly string[]): Promise<void> {
  const i = argv.indexOf("--out");
  const out = path.resolve(
    i >= 0 && argv[i + 1] !== undefined ? argv[i + 1]! : path.join(__dirname, "..", SCENARIO_EXAMPLE_FILE),
  );
  fs.writeFileSync(out, await scenarioExampleBytes());
  process.stdout.write(`Eksemplet med to scenarier er skrevet: ${out}\n`);
}

if (require.main === module)
  main(process.argv.slice(2)).catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  });
