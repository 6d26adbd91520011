/**
 * Saved scenarios survive a workbook saved by LibreOffice (`soffice --headless --convert-to xlsx`): the hidden
 * `_som_scenarier` sheet, its defined name and every stored value (text that looks like a number or a formula,
 * tiny and negative numbers, booleans, Danish letters) read back identically, and `som compare` still works.
 * Without `soffice` on PATH the suite is skipped with a printed message.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { listScenarios, saveScenario } from "../../src/app/scenarios";
import { FileWorkbook } from "../../src/file/file-workbook";
import { writeWorkbookSpec } from "../../src/file/xlsx-writer";
import { buildTemplateSpec } from "../../src/workbook/layout/build-template-spec";
import { EXAMPLE_DATA } from "../../src/workbook/layout/example-data";
import { MemoryWorkbook } from "../../src/workbook/memory-workbook";
import { N } from "../../src/workbook/names";
import {
  renderScenarioStore,
  SCENARIO_SHEET,
  type StoredScenario,
} from "../../src/workbook/render/scenario-store";
import { som } from "../cli/som";
import { convertToXlsx, describeWithSoffice, makeTempDir, removeTempDir } from "../support/libreoffice";

const describeLo = describeWithSoffice(
  "SKIPPED test/app/scenarios-libreoffice.test.ts: `soffice` (LibreOffice) is not on PATH.",
);

const now = new Date("2026-11-23T12:00:00Z");

/** A hand-made scenario whose values are hard to keep: every one must come back exactly (inputs in contract order). */
const tricky: StoredScenario = {
  id: 7,
  name: "Svær æøå =1+1",
  savedAt: "2026-11-23T12:00:00.000Z",
  engineVersion: "1.0.0",
  inputs: [
    { kind: "range", name: N.intervention, sheet: "Indsats", row: 2, col: 1, values: [['=HYPERLINK("x")']] },
    { kind: "range", name: N.horizon, sheet: "Indstillinger", row: 4, col: 1, values: [["1.500"]] },
    { kind: "constant", name: N.discountRate, value: 0.035 },
    {
      kind: "range",
      name: N.effects,
      sheet: "Effekt",
      row: 3,
      col: 0,
      values: [
        ["Effektmål", "Succesrate", "Kilde"],
        ["Job", 0.1 + 0.2, null],
        ["'Tekst", 1e-300, true],
        ["-0", -123456.789012345, false],
      ],
    },
    { kind: "unsupported", name: N.prices, formula: "=Priser!$A$1:$B$2,Priser!$D$1" },
  ],
  figures: [
    { scope: "total", name: "", field: "netTotal", value: -1234.5678 },
    { scope: "actor", name: "__proto__", field: "breakEvenYear", value: null },
  ],
};

describeLo("scenarios in a workbook saved by LibreOffice", () => {
  let dir: string;
  let saved: readonly StoredScenario[];
  let converted: string;
  beforeAll(async () => {
    dir = makeTempDir("som-scen-lo-");
    // Two real scenarios saved from the example workbook (the second with another success rate)…
    const template = buildTemplateSpec("da", EXAMPLE_DATA);
    const wb = MemoryWorkbook.fromSpec(template);
    const a = await saveScenario(wb, "Forventet", { now });
    const eff = (await wb.readNames([N.effects])).get(N.effects.toLowerCase());
    if (eff?.kind !== "range" || !a.ok) throw new Error("setup");
    await wb.writeCells(eff.sheet, eff.row + 1, eff.col + 1, [[0.25]]);
    const b = await saveScenario(wb, "Optimistisk", { now });
    if (!b.ok) throw new Error("setup");
    // …plus the tricky one, written into a file next to the example inputs.
    saved = [a.scenario, b.scenario, tricky];
    const store = renderScenarioStore(saved);
    const file = path.join(dir, "scenarier.xlsx");
    fs.writeFileSync(
      file,
      await writeWorkbookSpec({
        sheets: [...template.sheets, store.sheet],
        names: [...template.names, ...store.names],
      }),
    );
    converted = convertToXlsx(file, path.join(dir, "lo"), path.join(dir, "profile"));
  }, 180_000);
  afterAll(() => removeTempDir(dir));

  it("keeps the hidden store sheet", async () => {
    const sheets = await (await FileWorkbook.open(converted)).listSheets();
    expect(sheets.find((s) => s.name === SCENARIO_SHEET)?.visibility).toMatch(/^(hidden|veryHidden)$/);
  });

  it("reads back every scenario exactly: names, positions, values and key figures", async () => {
    const list = await listScenarios(await FileWorkbook.open(converted));
    if (!list.ok) throw new Error(list.issues.map((i) => i.code).join());
    expect(list.problems).toEqual([]);
    expect(list.scenarios).toEqual(saved);
  });

  it("still compares after the round trip", async () => {
    const r = await som(["compare", converted, "--json", "--from", "Forventet", "--to", "Optimistisk"]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { scenarios: { name: string }[]; skipped: { name: string }[] };
    expect(json.scenarios.map((s) => s.name)).toEqual(["Forventet", "Optimistisk"]);
    // The tricky scenario is not a computable calculation: it is listed as skipped, not lost.
    expect(json.skipped.map((s) => s.name)).toEqual(["Svær æøå =1+1"]);
  });
});
