/**
 * Writes the bundled example workbook from the template layout and `example-data.ts`:
 *
 *   npm run example            → examples/eksempel.xlsx
 *   npx tsx tools/make-example.ts --out other.xlsx
 *
 * Deterministic bytes: test/workbook/layout/example.test.ts regenerates it and compares.
 */
import * as path from "node:path";
import { writeWorkbookSpec } from "../src/file/write-workbook-spec";
import { buildTemplateSpec } from "../src/workbook/layout/build-template-spec";
import { EXAMPLE_DATA, EXAMPLE_DECISION, EXAMPLE_UNCERTAINTY } from "../src/workbook/layout/example-data";

/** Default output, relative to the repository root. */
export const EXAMPLE_FILE = path.join("examples", "eksempel.xlsx");

async function main(argv: readonly string[]): Promise<void> {
  const i = argv.indexOf("--out");
  const out = path.resolve(
    i >= 0 && argv[i + 1] !== undefined ? argv[i + 1]! : path.join(__dirname, "..", EXAMPLE_FILE),
  );
  await writeWorkbookSpec(
    buildTemplateSpec({
      lang: "da",
      data: EXAMPLE_DATA,
      decision: EXAMPLE_DECISION,
      uncertainty: EXAMPLE_UNCERTAINTY,
    }),
    out,
  );
  process.stdout.write(`Eksemplet er skrevet: ${out}\n`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
