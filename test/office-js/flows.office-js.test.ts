/**
 * The task pane's main flows through Microsoft's real Office.js client against the RichApi host emulator:
 * Opret SØM-ark, Beregn (first and repeat run), Følsomhed, scenarios (save, restore) and knowledge insert.
 * Every request the real client sends is counted with its real serialized size; the figures are printed
 * ("[office.js requests]") and the ones issue 12 sets are asserted: Beregn on a repeat run in ≤ 5 requests the
 * user waits for, every request far below Excel on the web's 5 MB limit.
 */
import { calculateWorkbook } from "../../src/app/calculate-workbook";
import { createSomSheets } from "../../src/app/create-sheets";
import { insertKnowledge } from "../../src/app/knowledge-insert";
import { starterKnowledge } from "../../src/app/knowledge-library";
import { restoreScenario, saveScenario } from "../../src/app/scenarios";
import { sensitivityWorkbook } from "../../src/app/sensitivity-workbook";
import { OfficeWorkbook } from "../../src/excel/office-workbook";
import { shellWorkbook } from "../../src/taskpane/shell";
import { fakeWorkbook, PAYLOAD_LIMIT_BYTES } from "../support/fake-excel";
import { startRichApiEmulator, type RichApiEmulator } from "../support/richapi-emulator/emulator";
import { fillExample } from "../e2e/stub-host/fill-example";
import { evaluateTemplateFormula } from "../e2e/stub-host/template-formulas";

const NOW = new Date("2026-11-23T12:00:00Z");
const yes = (): Promise<boolean> => Promise.resolve(true);

let emu: RichApiEmulator;
let wb: OfficeWorkbook;

beforeAll(async () => {
  emu = await startRichApiEmulator(fakeWorkbook(), { apiVersion: "1.18", evaluate: evaluateTemplateFormula });
  wb = new OfficeWorkbook(emu.run, { isSetSupported: (v) => emu.fake.isSetSupported("ExcelApi", v) });
});
afterAll(async () => {
  await emu.close();
});

interface Measured {
  /** Requests the action waited for. */
  readonly requests: number;
  /** Excel.run's clean-up requests (sent after the run resolved, not awaited). */
  readonly cleanups: number;
  readonly totalBytes: number;
  readonly largestBytes: number;
  readonly largestResponseBytes: number;
}

const figures: Record<string, Measured> = {};

/** Run `action` and measure the requests it caused (after Excel.run's clean-up has arrived). */
async function measure(label: string, action: () => Promise<unknown>): Promise<Measured> {
  await emu.settle();
  emu.reset();
  await action();
  await emu.settle();
  const blocking = emu.requests.filter((r) => !r.cleanup);
  const m: Measured = {
    requests: blocking.length,
    cleanups: emu.requests.length - blocking.length,
    totalBytes: emu.requests.reduce((a, r) => a + r.bytes, 0),
    largestBytes: Math.max(0, ...emu.requests.map((r) => r.bytes)),
    largestResponseBytes: Math.max(0, ...emu.requests.map((r) => r.responseBytes)),
  };
  expect(emu.requests.filter((r) => r.error !== undefined)).toEqual([]);
  figures[label] = m;
  return m;
}

afterAll(() => {
  const lines = Object.entries(figures).map(
    ([k, m]) =>
      `${k.padEnd(28)} ${String(m.requests).padStart(2)} requests (+${m.cleanups} clean-up), ` +
      `${m.totalBytes} B sent, largest request ${m.largestBytes} B, largest response ${m.largestResponseBytes} B`,
  );
  console.log(`[office.js requests] real client, RichApi emulator\n${lines.join("\n")}`);
});

describe("the pane's flows with the real Office.js client", () => {
  it("Opret SØM-ark creates the template sheets and names", async () => {
    const m = await measure("Opret SØM-ark", async () => {
      const r = await createSomSheets(wb, "da");
      expect(r).toBeDefined();
    });
    expect(emu.fake.model.names.size).toBeGreaterThanOrEqual(15);
    expect(m.largestBytes).toBeLessThan(PAYLOAD_LIMIT_BYTES);
    fillExample(emu.fake.model, "da");
  });

  it("Beregn: first run and repeat run, the repeat in ≤ 5 requests", async () => {
    const first = await measure("Beregn (first run)", async () => {
      expect((await calculateWorkbook(wb, { now: NOW, lang: "da" })).ok).toBe(true);
    });
    const repeat = await measure("Beregn (repeat run)", async () => {
      expect((await calculateWorkbook(wb, { now: NOW, lang: "da" })).ok).toBe(true);
    });
    expect(first.requests).toBeLessThanOrEqual(5);
    expect(repeat.requests).toBeLessThanOrEqual(5);
    expect(repeat.largestBytes).toBeLessThan(PAYLOAD_LIMIT_BYTES); // Excel on the web: 5 MB per request
    expect(emu.fake.model.sheets.map((s) => s.name)).toContain("Resultater");
  });

  it("Beregn through the task pane's workbook wrapper is the same 5 requests (readWorkbook passed on)", async () => {
    const pane = shellWorkbook(wb, (work) => work);
    const m = await measure("Beregn (pane, repeat run)", async () => {
      expect((await calculateWorkbook(pane, { now: NOW, lang: "da" })).ok).toBe(true);
    });
    expect(m.requests).toBeLessThanOrEqual(5);
  });

  it("Følsomhed writes its sheet in 7 requests: one read, the ownership re-check before writing, the write", async () => {
    const m = await measure("Følsomhed", async () => {
      const r = await sensitivityWorkbook(wb, { now: NOW, lang: "da" });
      expect(r.ok ? [] : r.issues.map((i) => i.message.en)).toEqual([]);
    });
    expect(m.requests).toBeLessThanOrEqual(7);
    expect(m.largestBytes).toBeLessThan(PAYLOAD_LIMIT_BYTES);
  });

  it("scenarios: save, then restore after an edit", async () => {
    await measure("Gem scenarie", async () => {
      expect((await saveScenario(wb, "Basis", { now: NOW })).ok).toBe(true);
    });
    const m = await measure("Gendan scenarie", async () => {
      const r = await restoreScenario(wb, 1, yes);
      expect(r.ok).toBe(true);
    });
    expect(m.largestBytes).toBeLessThan(PAYLOAD_LIMIT_BYTES);
  });

  it("knowledge insert adds a price row", async () => {
    const price = starterKnowledge().records.find((r) => r.kind === "price");
    expect(price).toBeDefined();
    await measure("Vidensdatabase: indsæt", async () => {
      await insertKnowledge(wb, [price!], { lang: "da", confirm: yes });
    });
  });
});
