/**
 * Which Excel the adapter's test suites talk to. By default the fake Excel directly (`fake.run`); when a test
 * file calls `useOfficeJsHost()` first, the same suites run through Microsoft's real Office.js client against the
 * RichApi host emulator answering from that same fake (test/support/richapi-emulator). Suites get their runner
 * from `runnerFor(fake)`, so every assertion on the fake's model and stats holds for both.
 */
import type { ExcelRunner } from "../../src/excel/office-workbook";
import type { FakeExcel } from "./fake-excel";
import { startRichApiHost, type RichApiEmulator } from "./richapi-emulator/emulator";

type Host = RichApiEmulator & { attach(fake: FakeExcel): void };

let host: Host | undefined;

/** Run this file's adapter suites through the real Office.js client and the emulator. */
export function useOfficeJsHost(): void {
  beforeAll(async () => {
    host = await startRichApiHost();
  });
  afterEach(async () => {
    await host?.settle();
  });
  afterAll(async () => {
    await host?.close();
    host = undefined;
  });
}

/** Whether the suites run through the real Office.js client. */
export const viaOfficeJs = (): boolean => host !== undefined;

/** The runner for `fake`: the fake itself, or the real client against the emulator answering from `fake`. */
export function runnerFor(fake: FakeExcel): ExcelRunner {
  if (!host) return (batch) => fake.run(batch);
  host.attach(fake);
  return host.run;
}

/** The emulator's recorded requests (office.js mode only). */
export function emulator(): RichApiEmulator | undefined {
  return host;
}
