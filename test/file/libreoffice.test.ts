/**
 * A file saved by LibreOffice (written by us, converted by `soffice --headless --convert-to xlsx`) reads
 * correctly with our reader: values, recalculated formulas, text that starts with "=", visibility and the
 * defined names, including named constants. LibreOffice is installed here (and by .ci/run); without
 * `soffice` on PATH the suite is skipped with a message.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as XLSX from "xlsx";
import { FileWorkbook } from "../../src/file/file-workbook";
import { cellAt, findSheet, readXlsx, type XlsxBook } from "../../src/file/xlsx-reader";
import { writeWorkbookSpec } from "../../src/file/xlsx-writer";
import { convertToXlsx, describeWithSoffice, makeTempDir, removeTempDir } from "../support/libreoffice";
import { featureSpec } from "./xlsx-test-kit";

const describeLo = describeWithSoffice(
  "SKIPPED test/file/libreoffice.test.ts: `soffice` (LibreOffice) is not on PATH; install libreoffice-calc-nogui.",
);

describeLo("a workbook saved by LibreOffice", () => {
  let dir: string;
  let loBytes: Uint8Array;
  let book: XlsxBook;
  beforeAll(async () => {
    dir = makeTempDir("som-lo-");
    const src = path.join(dir, "ours.xlsx");
    fs.writeFileSync(src, await writeWorkbookSpec(featureSpec()));
    // A private profile so that parallel runs (and a user's LibreOffice) do not share a lock.
    loBytes = new Uint8Array(
      fs.readFileSync(convertToXlsx(src, path.join(dir, "lo"), path.join(dir, "profile"))),
    );
    book = readXlsx(loBytes);
  }, 180_000);
  afterAll(() => removeTempDir(dir));

  const cell = (a1: string) => {
    const s = findSheet(book, "Indstillinger");
    if (s === undefined) throw new Error("no sheet");
    return cellAt(s, Number(a1.slice(1)) - 1, a1.charCodeAt(0) - 65);
  };

  it("is really LibreOffice's file, not ours", () => {
    const sj = XLSX.read(loBytes, { type: "array", bookProps: true });
    expect((sj.Props as { Application?: string } | undefined)?.Application).toMatch(/^LibreOffice/);
  });

  it("keeps values, text starting with '=' and recalculates formulas", () => {
    expect(cell("B4")?.value).toBe(2025);
    expect(cell("B5")?.value).toBe(0.035);
    expect(cell("A9")).toEqual({ value: "=1+1" });
    expect(cell("B9")).toEqual({ value: '=HYPERLINK("x")' });
    expect(cell("A11")).toMatchObject({ value: 2035, formula: "=B4+B6" });
    // No cached result was written; LibreOffice computed it: B4 × 2 = 2025 × 2 = 4050.
    expect(cell("B11")).toMatchObject({ value: 4050, formula: "=B4*2" });
    expect(cell("D11")).toMatchObject({ value: "ok" });
  });

  it("keeps sheet order and visibility (LibreOffice turns veryHidden into hidden)", () => {
    expect(book.sheets.map((s) => s.name)).toEqual(["Indstillinger", "Lister (skjult)", "SOM_Meta"]);
    expect(book.sheets.map((s) => s.visibility)).toEqual([
      "visible",
      "hidden",
      expect.stringMatching(/^(hidden|veryHidden)$/),
    ]);
  });

  it("reads the names: ranges and named constants", async () => {
    const names = await FileWorkbook.fromBytes(loBytes).readNames([
      "SOM_Startaar",
      "SOM_Aktoerer",
      "SOM_Niveauer",
      "SOM_Diskonteringsrente",
      "SOM_Kommune",
    ]);
    expect(names.get("som_startaar")).toMatchObject({
      kind: "range",
      name: "SOM_Startaar",
      sheet: "Indstillinger",
      row: 3,
      col: 1,
      values: [[2025]],
    });
    expect(names.get("som_aktoerer")).toMatchObject({
      kind: "range",
      row: 12,
      col: 0,
      values: [
        ["Aktør", "Niveau"],
        ["Kommune", "Kommune"],
        ["Staten", "Stat"],
      ],
    });
    expect(names.get("som_niveauer")).toMatchObject({
      kind: "range",
      sheet: "Lister (skjult)",
      values: [["Kommune"], ["Region"], ["Stat"], ["Andet"]],
    });
    expect(names.get("som_diskonteringsrente")).toEqual({
      kind: "constant",
      name: "SOM_Diskonteringsrente",
      value: 0.035,
    });
    expect(names.get("som_kommune")).toEqual({
      kind: "constant",
      name: "SOM_Kommune",
      value: 'Kommune "Nord"',
    });
  });
});
