/**
 * "The user pastes the bundled example's inputs": fills the input sheets that exist in a fake Excel workbook
 * with the example workbook's cells (src/workbook/layout/example-data.ts through the template layout) and
 * points the block names at them, as a user extending a block in Name Manager would. Browser-safe (the
 * stub host uses it) and used by the adapter tests in Node. Returns the input sheets filled.
 */
import { quoteSheet } from "../../../src/excel/a1";
import type { Lang } from "../../../src/present/format";
import { buildTemplateSpec } from "../../../src/workbook/layout/build-template-spec";
import { EXAMPLE_DATA, EXAMPLE_DECISION } from "../../../src/workbook/layout/example-data";
import type { RawScenario } from "../../../src/engine/types";
import { findSheet, type FakeWorkbookModel } from "../../support/fake-excel";
import { cellKey } from "../../support/fake-excel/model";

export function fillExample(
  model: FakeWorkbookModel,
  lang: Lang = "da",
  data: RawScenario = EXAMPLE_DATA,
): string[] {
  const spec = buildTemplateSpec({
    lang,
    data,
    ...(data === EXAMPLE_DATA ? { decision: EXAMPLE_DECISION } : {}),
  });
  const touched: string[] = [];
  for (const s of spec.sheets) {
    if (s.role !== "input") continue;
    const sheet = findSheet(model, s.name);
    if (!sheet) continue;
    touched.push(sheet.name);
    sheet.cells.clear();
    for (const b of s.blocks)
      b.values.forEach((row, r) =>
        row.forEach((v, c) => {
          const f = b.formulas?.[r]?.[c] ?? null;
          if (v === null && f === null) return;
          const fmt =
            typeof b.numberFormat === "string" ? b.numberFormat : (b.numberFormat?.[r]?.[c] ?? "General");
          sheet.cells.set(cellKey(b.row + r, b.col + c), {
            value: v,
            ...(f === null ? {} : { formula: f }),
            numberFormat: fmt,
          });
        }),
      );
  }
  for (const n of spec.names) {
    if (!("ref" in n) || !touched.some((t) => t.toLowerCase() === n.sheet.toLowerCase())) continue;
    const abs = n.ref
      .split(":")
      .map((p) => p.replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2"))
      .join(":");
    model.names.set(n.name.toLowerCase(), {
      name: n.name,
      formula: `=${quoteSheet(n.sheet)}!${abs}`,
      comment: "",
    });
  }
  return touched;
}
