import type { NamedValue } from "../../../src/workbook/port";
import {
  BLANK,
  linesFingerprint,
  sameSnapshot,
  snapshotFingerprint,
  snapshotLines,
  takeSnapshot,
} from "../../../src/workbook/render/input-snapshot";
import {
  linesFromTable,
  renderMetaSheet,
  sheetStatusFormula,
  stampTime,
  statusFormula,
} from "../../../src/workbook/render/meta-sheet";

const NOW = new Date(Date.UTC(2026, 0, 2, 3, 4));

const named = (entries: [string, NamedValue][]): ReadonlyMap<string, NamedValue> =>
  new Map(entries.map(([k, v]) => [k.toLowerCase(), v]));

const priser: NamedValue = {
  kind: "range",
  name: "SOM_Priser",
  sheet: "Priser",
  row: 4,
  col: 0,
  values: [
    ["Ydelse", "Kommune"],
    ["Kontanthjælp", null],
    ["", 10000],
  ],
};

describe("the input snapshot", () => {
  it("stores blanks and empty text as <tom>, keeps constants, and marks names that are not defined", () => {
    const snap = takeSnapshot(
      ["SOM_Priser", "SOM_Diskonteringsrente", "SOM_Prisindeks"],
      named([
        ["SOM_Priser", priser],
        ["SOM_Diskonteringsrente", { kind: "constant", name: "SOM_Diskonteringsrente", value: 0.035 }],
      ]),
    );
    expect(snap.entries).toEqual([
      {
        kind: "range",
        name: "SOM_Priser",
        rows: 3,
        cols: 2,
        values: [
          ["Ydelse", "Kommune"],
          ["Kontanthjælp", BLANK],
          [BLANK, 10000],
        ],
      },
      { kind: "constant", name: "SOM_Diskonteringsrente", value: 0.035 },
      { kind: "absent", name: "SOM_Prisindeks" },
    ]);
  });

  it("stores an Excel error value as <fejl>, as the mirror formula shows it", () => {
    const withError: NamedValue = { ...priser, values: [["Ydelse", "#N/A"]] };
    const snap = takeSnapshot(["SOM_Priser"], named([["SOM_Priser", withError]]));
    expect(snap.entries[0]?.kind === "range" ? snap.entries[0].values : undefined).toEqual([
      ["Ydelse", "<fejl>"],
    ]);
  });

  it("tells a text changed only in letter case apart", () => {
    const a = takeSnapshot(["SOM_Priser"], named([["SOM_Priser", priser]]));
    const changed: NamedValue = {
      ...priser,
      values: [
        ["Ydelse", "kommune"],
        ["Kontanthjælp", null],
        ["", 10000],
      ],
    };
    expect(sameSnapshot(a, takeSnapshot(["SOM_Priser"], named([["SOM_Priser", changed]])))).toBe(false);
    expect(sameSnapshot(a, takeSnapshot(["som_priser"], named([["SOM_Priser", priser]])))).toBe(true);
  });
});

describe("renderMetaSheet", () => {
  const snap = takeSnapshot(["SOM_Priser"], named([["SOM_Priser", priser]]));

  it("is hidden, lists the owned sheets (itself included) under SOM_Meta_EjedeArk and names snapshot and mirror", () => {
    const { sheet, names } = renderMetaSheet(snap, ["Resultater"], {
      now: NOW,
      lang: "da",
      engineVersion: "1.0.0",
    });
    expect(sheet.name).toBe("_som_meta");
    expect(sheet.visibility).toBe("veryHidden"); // issue 12: VeryHidden everywhere (not listed under Unhide)
    expect(sheet.blocks.find((b) => b.row === 5)?.values).toEqual([["Ejede ark", "Resultater", "_som_meta"]]);
    // 2 size lines + 6 cells = 8 lines in rows 9–16.
    expect(names).toEqual([
      { name: "SOM_Status", sheet: "_som_meta", ref: "B2" },
      { name: "SOM_Meta_Inputaftryk", sheet: "_som_meta", ref: "D2" },
      { name: "SOM_Meta_EjedeArk", sheet: "_som_meta", ref: "B6:C6" },
      { name: "SOM_Meta_Resultatnavne", sheet: "_som_meta", ref: "B7:B7" },
      { name: "SOM_InputsAtRun", sheet: "_som_meta", ref: "E9:E16" },
      { name: "SOM_Inputs", sheet: "_som_meta", ref: "F9:F16" },
      { name: "SOM_Meta_Inputtabel", sheet: "_som_meta", ref: "A9:F16" },
    ]);
  });

  it("writes a table that reads back to the same snapshot lines", () => {
    const { sheet } = renderMetaSheet(snap, [], { now: NOW, lang: "da", engineVersion: "1.0.0" });
    const table = sheet.blocks.find((b) => b.row === 8);
    const lines = linesFromTable(table?.values ?? []);
    expect(lines.map((l) => [l.part, l.row, l.col, l.value])).toEqual([
      ["rows", 0, 0, 3],
      ["cols", 0, 0, 2],
      ["cell", 1, 1, "Ydelse"],
      ["cell", 1, 2, "Kommune"],
      ["cell", 2, 1, "Kontanthjælp"],
      ["cell", 2, 2, BLANK],
      ["cell", 3, 1, BLANK],
      ["cell", 3, 2, 10000],
    ]);
    expect(table?.formulas?.[3]?.[5]).toBe(
      '=IFERROR(IF(INDEX(SOM_Priser,1,2)&""="","<tom>",INDEX(SOM_Priser,1,2)),"<fejl>")',
    );
  });

  it("has the status texts in the user's language", () => {
    expect(statusFormula("da")).toMatch(/"Forældet","Aktuel"\)$/);
    expect(statusFormula("en")).toMatch(/"Out of date","Current"\)$/);
  });

  it("stores the snapshot's fingerprint in D2, labelled, as text", () => {
    const { sheet } = renderMetaSheet(snap, [], { now: NOW, lang: "da", engineVersion: "1.0.0" });
    const block = sheet.blocks.find((b) => b.row === 1 && b.col === 2);
    expect(block?.values).toEqual([["Input-aftryk", snapshotFingerprint(snap)]]);
    expect(block?.numberFormat).toEqual([["@", "@"]]);
  });
});

describe("the input fingerprint", () => {
  const lines = snapshotLines(takeSnapshot(["SOM_Priser"], named([["SOM_Priser", priser]])));
  const withValue = (i: number, value: string | number): typeof lines =>
    lines.map((l, j) => (j === i ? { ...l, value } : l));

  it("is the same text for the same lines, and looks like som- and 14 hex digits (never a number)", () => {
    expect(linesFingerprint(lines)).toMatch(/^som-[0-9a-f]{14}$/);
    expect(linesFingerprint(lines.map((l) => ({ ...l })))).toBe(linesFingerprint(lines));
  });

  it("changes when one value changes, also only in letter case or from the number 10000 to the text 10000", () => {
    const base = linesFingerprint(lines);
    expect(lines[7]?.value).toBe(10000);
    expect(linesFingerprint(withValue(7, 10001))).not.toBe(base);
    expect(linesFingerprint(withValue(7, "10000"))).not.toBe(base);
    expect(lines[3]?.value).toBe("Kommune");
    expect(linesFingerprint(withValue(3, "kommune"))).not.toBe(base);
    expect(linesFingerprint(lines.slice(0, -1))).not.toBe(base);
  });

  it("ignores the letter case of the defined name, as the snapshot comparison does", () => {
    const lower = lines.map((l) => ({ ...l, name: l.name.toLowerCase() }));
    expect(linesFingerprint(lower)).toBe(linesFingerprint(lines));
  });

  it("survives the round trip through the meta sheet's table", () => {
    const snap = takeSnapshot(["SOM_Priser"], named([["SOM_Priser", priser]]));
    const { sheet } = renderMetaSheet(snap, [], { now: NOW, lang: "da", engineVersion: "1.0.0" });
    const table = sheet.blocks.find((b) => b.row === 8);
    expect(linesFingerprint(linesFromTable(table?.values ?? []))).toBe(snapshotFingerprint(snap));
  });
});

describe("the status formula of a result sheet", () => {
  it("is current only when SOM_Status is current (either language) and the sheet's fingerprint is the meta one", () => {
    expect(sheetStatusFormula("da", "$B$10")).toBe(
      '=IFERROR(IF(AND(OR(SOM_Status="Aktuel",SOM_Status="Current"),$B$10=SOM_Meta_Inputaftryk),"Aktuel","Forældet"),"Forældet")',
    );
    expect(sheetStatusFormula("en", "$B$11")).toBe(
      '=IFERROR(IF(AND(OR(SOM_Status="Aktuel",SOM_Status="Current"),$B$11=SOM_Meta_Inputaftryk),"Current","Out of date"),"Out of date")',
    );
  });
});

describe("the time stamp", () => {
  it("is local time with its offset (Copenhagen in winter is UTC+1, in summer UTC+2)", () => {
    expect(stampTime(new Date(Date.UTC(2026, 10, 23, 18, 45)), 60)).toBe("2026-11-23 19:45 (UTC+01:00)");
    expect(stampTime(new Date(Date.UTC(2026, 6, 1, 22, 5)), 120)).toBe("2026-07-02 00:05 (UTC+02:00)");
    expect(stampTime(new Date(Date.UTC(2026, 10, 23, 3, 15)), -210)).toBe("2026-11-22 23:45 (UTC-03:30)");
  });
  it("uses the machine's own offset by default", () => {
    const now = new Date(Date.UTC(2026, 10, 23, 18, 45));
    expect(stampTime(now)).toBe(stampTime(now, -now.getTimezoneOffset()));
  });
});
