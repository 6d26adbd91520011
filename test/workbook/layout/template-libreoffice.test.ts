/**
 * The template's formulas really calculate: the example workbook is written with its formula cells
 * WITHOUT cached results, LibreOffice (headless) calculates and saves it, and our reader then finds the
 * values the layout writes as cached results (Følsomhed: 50 % / 150 % of the first success rate; Forside:
 * the "not calculated yet" status before any run). Skipped when `soffice` is not on PATH.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { FileWorkbook } from "../../../src/file/file-workbook";
import { cellAt, findSheet } from "../../../src/file/xlsx-reader";
import { writeWorkbookSpec } from "../../../src/file/xlsx-writer";
import { buildTemplateSpec } from "../../../src/workbook/layout/build-template-spec";
import { EXAMPLE_DATA } from "../../../src/workbook/layout/example-data";
import { N } from "../../../src/workbook/names";
import type { WorkbookSpec } from "../../../src/workbook/sheet-model";
import { convertToXlsx, describeWithSoffice, makeTempDir, removeTempDir } from "../../support/libreoffice";

const describeLo = describeWithSoffice(
  "SKIPPED test/workbook/layout/template-libreoffice.test.ts: `soffice` is not on PATH.",
);

/** The spec with every formula cell's cached result removed, so only a real calculation can fill it. */
const withoutCachedResults = (spec: WorkbookSpec): WorkbookSpec => ({
  ...spec,
  sheets: spec.sheets.map((s) => ({
    ...s,
    blocks: s.blocks.map((b) =>
      b.formulas === undefined
        ? b
        : { ...b, values: b.values.map((row, r) => row.map((v, c) => (b.formulas?.[r]?.[c] ? null : v))) },
    ),
  })),
});

describeLo("the example workbook calculated by LibreOffice", () => {
  let dir: string;
  let wb: FileWorkbook;
  beforeAll(async () => {
    dir = makeTempDir("som-layout-lo-");
    const src = path.join(dir, "eksempel.xlsx");
    fs.writeFileSync(
      src,
      await writeWorkbookSpec(withoutCachedResults(buildTemplateSpec("da", EXAMPLE_DATA))),
    );
    const lo = convertToXlsx(src, path.join(dir, "lo"), path.join(dir, "profile"));
    wb = FileWorkbook.fromBytes(new Uint8Array(fs.readFileSync(lo)));
  }, 180_000);
  afterAll(() => removeTempDir(dir));

  it("computes the success-rate sensitivity as 50 % and 150 % of the first effect's 12,6 %", async () => {
    const s = (await wb.readNames([N.sensitivity])).get(N.sensitivity.toLowerCase());
    const row = s?.kind === "range" ? s.values[1] : undefined;
    expect(row?.[0]).toBe("Succesrate");
    expect(row?.[1]).toBeCloseTo(0.063, 12); // 0,5 × 0,126
    expect(row?.[2]).toBeCloseTo(0.189, 12); // 1,5 × 0,126
  });

  it("shows 'Ikke beregnet endnu' on the front page while SOM_Status does not exist", () => {
    const front = findSheet(wb.book, "Forside");
    if (front === undefined) throw new Error("no Forside");
    const texts: unknown[] = [];
    for (let r = 0; r < front.rowExtent; r++) texts.push(cellAt(front, r, 0)?.value);
    expect(texts).toContain("Ikke beregnet endnu");
  });
});
