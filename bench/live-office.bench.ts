/**
 * Live workbook through the add-in (issue 18): Beregn with the live sheets on the typical and the large benchmark
 * scenario, through Microsoft's real office.js client against the RichApi host emulator (test/support): the
 * requests the user waits for, the bytes sent and the largest request (Excel on the web refuses requests over
 * 5 MB), with and without the live sheets. `npx tsx bench/live-office.bench.ts`. Not a test: figures for the note.
 */
import { calculateWorkbook } from "../src/app/calculate-workbook";
import { loadScenario } from "../src/app/load-scenario";
import { calculate } from "../src/engine/calculate";
import { renderLiveSheets } from "../src/workbook/render/live-sheets";
import { OfficeWorkbook } from "../src/excel/office-workbook";
import { buildTemplateSpec } from "../src/workbook/layout/build-template-spec";
import { fakeWorkbook, PAYLOAD_LIMIT_BYTES } from "../test/support/fake-excel";
import { startRichApiEmulator } from "../test/support/richapi-emulator/emulator";
import { LARGE, rawScenarioOfSize, TYPICAL } from "./scenarios";

async function main(): Promise<void> {
  const sizes = [
    ["typical", TYPICAL],
    ["large", LARGE],
  ] as const;
  console.log(`Node ${process.version}, ${new Date().toISOString()}; request limit ${PAYLOAD_LIMIT_BYTES} B`);
  for (const [name, size] of sizes) {
    for (const live of [false, true, "alone"] as const) {
      // No formula evaluator: the emulator's evaluates only the template's own formulas (not needed here).
      const emu = await startRichApiEmulator(fakeWorkbook(), { apiVersion: "1.18" });
      try {
        const wb = new OfficeWorkbook(emu.run, {
          isSetSupported: (v) => emu.fake.isSetSupported("ExcelApi", v),
        });
        await wb.writeSheets(buildTemplateSpec("da", rawScenarioOfSize(size)));
        await emu.settle();
        emu.reset();
        const t0 = performance.now();
        let failure = "";
        try {
          if (live === "alone") {
            // Only the live sheets (what they add to a Beregn), written as Beregn writes sheets.
            const loaded = await loadScenario(wb);
            if (!loaded.ok) throw new Error("the scenario does not read");
            const rendered = renderLiveSheets(loaded.scenario, calculate(loaded.scenario), loaded.named, {
              lang: "da",
            });
            await wb.writeSheets({ sheets: rendered.sheets, names: rendered.names });
          } else {
            const outcome = await calculateWorkbook(wb, { now: new Date(), lang: "da", live });
            if (!outcome.ok) failure = outcome.issues.map((i) => i.message.en).join(" ");
          }
        } catch (error) {
          failure = error instanceof Error ? error.message : String(error);
        }
        const ms = performance.now() - t0;
        await emu.settle();
        const blocking = emu.requests.filter((r) => !r.cleanup);
        const total = emu.requests.reduce((a, r) => a + r.bytes, 0);
        const largest = Math.max(0, ...emu.requests.map((r) => r.bytes));
        console.log(
          `${name}, ${live === "alone" ? "read + the live sheets alone" : `Beregn ${live ? "with" : "without"} the live sheets`}: ${blocking.length} requests, ` +
            `${(total / 1e6).toFixed(2)} MB sent, largest request ${(largest / 1e6).toFixed(2)} MB, ` +
            `${ms.toFixed(0)} ms in the emulator${failure === "" ? "" : `; FAILED: ${failure}`}`,
        );
      } finally {
        await emu.close();
      }
    }
  }
}

void main();
