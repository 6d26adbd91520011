/**
 * The Simuleringer sheet lets anyone check a percentile with the spreadsheet's own functions: `som simulate
 * --iterations-sheet --out` writes every iteration's Σ NR per actor and, next to it, a nearest-rank formula
 * `SMALL(range, ROUNDUP(50*COUNT(range)/100, 0))`. LibreOffice (headless) recalculates the file; the formula's
 * result must be the engine's P50 for every actor. Skipped when `soffice` is not on PATH.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { unzipSync } from "fflate";
import { FileWorkbook } from "../../src/file/file-workbook";
import { cellAt, findSheet } from "../../src/file/xlsx-reader";
import { writeWorkbookSpec } from "../../src/file/write-workbook-spec";
import { buildTemplateSpec } from "../../src/workbook/layout/build-template-spec";
import { EXAMPLE_DATA, EXAMPLE_UNCERTAINTY } from "../../src/workbook/layout/example-data";
import { RESULT_SHEETS } from "../../src/workbook/names";
import { som } from "../cli/som";
import {
  convertToXlsx,
  describeWithSoffice,
  makeRecalcProfile,
  makeTempDir,
  removeTempDir,
} from "../support/libreoffice";

const describeLo = describeWithSoffice(
  "SKIPPED test/app/uncertainty-libreoffice.test.ts: `soffice` is not on PATH.",
);

describeLo("the Simuleringer sheet recalculated by LibreOffice", () => {
  let dir: string;
  beforeAll(() => {
    dir = makeTempDir("som-simulate-lo-");
  });
  afterAll(() => removeTempDir(dir));

  it("gives each actor's P50 by the nearest-rank formula equal to the engine's P50", async () => {
    const src = path.join(dir, "eksempel.xlsx");
    await writeWorkbookSpec(
      buildTemplateSpec({ lang: "da", data: EXAMPLE_DATA, uncertainty: EXAMPLE_UNCERTAINTY }),
      src,
    );
    const out = path.join(dir, "ud.xlsx");
    // 1.001 iterations: nearest rank 501 of an odd count.
    const run = await som(["simulate", src, "--iterations", "1001", "--iterations-sheet", "--out", out]);
    expect(run.code).toBe(0);
    const json = JSON.parse((await som(["simulate", src, "--iterations", "1001", "--json"])).out) as {
      byActor: Record<string, { netTotal: { p50: number } }>;
    };
    const lo = convertToXlsx(out, path.join(dir, "lo"), makeRecalcProfile(dir));
    const wb = FileWorkbook.fromBytes(new Uint8Array(fs.readFileSync(lo)));
    const sheet = findSheet(wb.book, RESULT_SHEETS.iterations);
    if (sheet === undefined) throw new Error("no Simuleringer sheet");
    // The check table: a row whose cell is an actor name, the Excel-formula P50 and the engine's P50 right of it.
    const rows: [string, number, number][] = [];
    for (let r = 0; r < 40; r++)
      for (let c = 0; c < 30; c++) {
        const name = cellAt(sheet, r, c)?.value;
        if (typeof name === "string" && Object.keys(json.byActor).includes(name)) {
          const excel = cellAt(sheet, r, c + 1)?.value;
          const engine = cellAt(sheet, r, c + 2)?.value;
          if (typeof excel === "number" && typeof engine === "number") rows.push([name, excel, engine]);
        }
      }
    expect(rows.map((r) => r[0])).toEqual(Object.keys(json.byActor));
    for (const [name, excel, engine] of rows) {
      // The formula picks one of the written cells; LibreOffice wrote both numbers back the same way.
      expect(excel).toBe(engine);
      expect(excel).toBeCloseTo(json.byActor[name]!.netTotal.p50, 6);
    }
  }, 240_000);

  it("reads the native fan chart of Usikkerhedsresultater: after LibreOffice saves the file the chart is still there, over the same cells", async () => {
    const src = path.join(dir, "eksempel-chart.xlsx");
    await writeWorkbookSpec(
      buildTemplateSpec({ lang: "da", data: EXAMPLE_DATA, uncertainty: EXAMPLE_UNCERTAINTY }),
      src,
    );
    const out = path.join(dir, "ud-chart.xlsx");
    expect((await som(["simulate", src, "--iterations", "500", "--out", out])).code).toBe(0);
    /** The chart parts' series references, per chart part. */
    const seriesRefs = (file: string): string[][] => {
      const files = unzipSync(new Uint8Array(fs.readFileSync(file)));
      return Object.keys(files)
        .filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n))
        .map((n) =>
          [...new TextDecoder().decode(files[n]).matchAll(/<c:val>\s*<c:numRef>\s*<c:f>([^<]+)<\/c:f>/g)].map(
            (m) => (m[1] as string).replace(/&apos;|'/g, ""),
          ),
        );
    };
    const ours = seriesRefs(out);
    expect(ours).toHaveLength(1);
    expect(ours[0]).toHaveLength(3); // P5, P50, P95
    for (const ref of ours[0] ?? [])
      expect(ref).toMatch(/^Usikkerhedsresultater!\$[A-Z]+\$\d+:\$[A-Z]+\$\d+$/);
    // LibreOffice writes back only a chart it has read: the same three ranges
    const lo = convertToXlsx(out, path.join(dir, "lo-chart"), makeRecalcProfile(path.join(dir, "p2")));
    expect(seriesRefs(lo)).toEqual(ours);
  }, 240_000);
});
