import type { InputIssue } from "../../../src/engine/types";
import { COLUMNS, N } from "../../../src/workbook/names";
import { readBlock } from "../../../src/workbook/read/block";
import { aNamedConstant, aNamedRange, anUnsupportedName, namedMap } from "./named-values";

const costs = (values: Parameters<typeof aNamedRange>[2], sheet = "Omkostninger", topLeft = "B4") =>
  namedMap({ SOM_Omkostninger: aNamedRange(sheet, topLeft, values, "SOM_Omkostninger") });

const read = (named: ReturnType<typeof namedMap>, issues: InputIssue[] = []) =>
  readBlock(named, N.costs, COLUMNS[N.costs], issues, { required: true, path: ["costs"] });

describe("readBlock", () => {
  it("gives each field of each data row with its A1 cell (third data row of a block at B4 → row 7)", () => {
    const issues: InputIssue[] = [];
    const block = read(
      costs([
        ["Post", "Art", "Aktør", "Beløb"],
        ["a", "Drift", "Kommune", 1],
        ["b", "Drift", "Region", 2],
        ["c", "Drift", "Stat", 3],
      ]),
      issues,
    );
    expect(issues).toEqual([]);
    expect(block?.sheet).toBe("Omkostninger");
    expect(block?.ref).toBe("B4:E7");
    expect(block?.headerRef).toBe("B4:E4");
    expect(block?.rows[2]?.fields.get("actor")).toEqual({ value: "Stat", cell: "D7" });
    expect(block?.rows[2]?.fields.get("amount")).toEqual({ value: 3, cell: "E7" });
    expect(block?.rows[2]?.row).toBe(6);
  });

  it("finds columns by English header in any order, trimmed and case-insensitive", () => {
    const block = read(
      costs([
        ["  AMOUNT ", "actor", "Kind", "item", "price  year"],
        [10, "Kommune", "Drift", "x", 2024],
      ]),
    );
    const row = block?.rows[0];
    expect(row?.fields.get("amount")).toEqual({ value: 10, cell: "B5" });
    expect(row?.fields.get("actor")).toEqual({ value: "Kommune", cell: "C5" });
    expect(row?.fields.get("item")).toEqual({ value: "x", cell: "E5" });
    expect(row?.fields.get("priceYear")).toEqual({ value: 2024, cell: "F5" });
    expect(block?.columns.get("kind")?.header).toBe("Kind");
  });

  it("ignores unknown columns but reports them back with their headers and cells", () => {
    const block = read(
      costs([
        ["Post", "Ansvarlig", "Art", "Aktør", "Beløb", null],
        ["x", "se note", "Drift", "Kommune", 5, "ignored: no header"],
      ]),
    );
    expect(block?.extraColumns).toEqual([
      { header: "Ansvarlig", normalized: "ansvarlig", col: 2, cell: "C4", hasNumbers: false },
    ]);
    expect(block?.rows[0]?.extra).toEqual([{ value: "se note", cell: "C5" }]);
    expect([...(block?.rows[0]?.fields.keys() ?? [])]).toEqual(["item", "kind", "actor", "amount"]);
  });

  it.each(["Bemærkning", "Note", "  NOTE ", "bemærkninger", "Noter", "Notes", "BEMÆRKNING"])(
    "finds the free-text note column under the header %j (the one header normalisation)",
    (h) => {
      const block = read(
        costs([
          ["Post", "Art", "Aktør", "Beløb", h],
          ["x", "Drift", "Kommune", 5, "skøn"],
        ]),
      );
      expect(block?.columns.get("note")?.cell).toBe("F4");
      expect(block?.rows[0]?.fields.get("note")).toEqual({ value: "skøn", cell: "F5" });
      expect(block?.extraColumns).toEqual([]);
    },
  );

  it("does not take a near-miss header for the note column (it stays an unknown column)", () => {
    const block = read(
      costs([
        ["Post", "Art", "Aktør", "Beløb", "Noten"],
        ["x", "Drift", "Kommune", 5, "skøn"],
      ]),
    );
    expect(block?.columns.has("note")).toBe(false);
    expect(block?.extraColumns.map((c) => c.header)).toEqual(["Noten"]);
  });

  it("skips a row filled only in the note column with a notes-only-row warning (a note is no data)", () => {
    const issues: InputIssue[] = [];
    const rows = [
      ["Post", "Art", "Aktør", "Beløb", "Bemærkning"],
      ["x", "Drift", "Kommune", 5, null],
      [null, null, null, null, "husk at tjekke prisen"],
    ];
    const block = read(costs(rows), issues);
    expect(block?.rows.map((r) => r.row)).toEqual([4]);
    expect(issues.map((i) => [i.code, i.severity, i.location.cell])).toEqual([
      ["notes-only-row", "warning", "B6:F6"],
    ]);
    // knowledge insertion asks for rows with nothing at all in them: there the note row counts as filled
    const all = readBlock(costs(rows), N.costs, COLUMNS[N.costs], [], { everyColumnIsData: true });
    expect(all?.rows.map((r) => r.row)).toEqual([4, 5]);
  });

  it("reports the note column given twice (Danish and English header) at the second header cell", () => {
    const issues: InputIssue[] = [];
    read(
      costs([
        ["Post", "Art", "Aktør", "Beløb", "Bemærkning", "Note"],
        ["x", "Drift", "Kommune", 5, "a", "b"],
      ]),
      issues,
    );
    expect(issues.map((i) => [i.code, i.location.cell])).toEqual([["duplicate-column", "G4"]]);
  });

  it("skips fully blank rows and keeps the sheet rows of the others", () => {
    const block = read(
      costs([
        ["Post", "Art", "Aktør", "Beløb"],
        [null, null, null, null],
        ["a", "Drift", "Kommune", 1],
        ["  ", "", null, null],
        ["b", "Drift", "Kommune", 2],
      ]),
    );
    expect(block?.rows.map((r) => r.fields.get("item")?.cell)).toEqual(["B6", "B8"]);
  });

  it("follows a block the user moved and extended (more rows, another sheet)", () => {
    const rows = Array.from({ length: 50 }, (_, i) => [`post ${i}`, "Drift", "Kommune", i]);
    const block = read(costs([["Post", "Art", "Aktør", "Beløb"], ...rows], "Mine omkostninger", "K20"));
    expect(block?.rows).toHaveLength(50);
    expect(block?.sheet).toBe("Mine omkostninger");
    expect(block?.ref).toBe("K20:N70");
    expect(block?.rows[49]?.fields.get("amount")).toEqual({ value: 49, cell: "N70" });
  });

  it("reports a missing required column at the header row, and still reads the other columns", () => {
    const issues: InputIssue[] = [];
    const block = read(
      costs([
        ["Post", "Art", "Beløb"],
        ["x", "Drift", 1],
      ]),
      issues,
    );
    expect(issues.map((i) => [i.code, i.location.name, i.location.sheet, i.location.cell])).toEqual([
      ["missing-column", "SOM_Omkostninger", "Omkostninger", "B4:D4"],
    ]);
    expect(issues[0]?.location.path).toEqual(["costs"]);
    expect(issues[0]?.message.da).toContain("Aktør");
    expect(issues[0]?.message.en).toContain("Actor");
    expect(block?.rows[0]?.fields.get("amount")?.value).toBe(1);
  });

  it("reports the same column twice (Danish and English header) at the second header cell", () => {
    const issues: InputIssue[] = [];
    read(costs([["Post", "Art", "Aktør", "Beløb", "Amount"]]), issues);
    expect(issues.map((i) => [i.code, i.location.name, i.location.sheet, i.location.cell])).toEqual([
      ["duplicate-column", "SOM_Omkostninger", "Omkostninger", "F4"],
    ]);
  });

  it("reports a blank block (no header row) at its range", () => {
    const issues: InputIssue[] = [];
    expect(
      read(
        costs([
          [null, null],
          [null, ""],
        ]),
        issues,
      ),
    ).toBeUndefined();
    expect(issues.map((i) => [i.code, i.location.name, i.location.sheet, i.location.cell])).toEqual([
      ["missing-header", "SOM_Omkostninger", "Omkostninger", "B4:C5"],
    ]);
  });

  it("reports a block name that is a constant, or unsupported, or missing", () => {
    const issues: InputIssue[] = [];
    expect(
      read(namedMap({ SOM_Omkostninger: aNamedConstant(5, "SOM_Omkostninger") }), issues),
    ).toBeUndefined();
    expect(
      read(namedMap({ SOM_Omkostninger: anUnsupportedName("A1:B2,D4", "SOM_Omkostninger") }), issues),
    ).toBeUndefined();
    expect(read(namedMap({}), issues)).toBeUndefined();
    expect(issues.map((i) => [i.code, i.location.name])).toEqual([
      ["not-a-block", "SOM_Omkostninger"],
      ["unsupported-name", "SOM_Omkostninger"],
      ["missing-name", "SOM_Omkostninger"],
    ]);
  });

  it("reads a very large range in linear time", () => {
    const n = 200_000;
    const values = [["Post", "Art", "Aktør", "Beløb"]];
    for (let i = 0; i < n; i++)
      values.push(i % 2 === 0 ? ["x", "Drift", "Kommune", String(i)] : ["", "", "", ""]);
    const t0 = Date.now();
    const block = read(costs(values));
    expect(block?.rows).toHaveLength(n / 2);
    expect(Date.now() - t0).toBeLessThan(5000);
  });
});
