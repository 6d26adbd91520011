import {
  contractJsonText,
  issuesJsonText,
  NonFiniteNumberError,
  toContractJson,
  DuplicateKeyError,
} from "../../src/app/contract-json";
import type { InputIssue } from "../../src/engine/types";
import { aBlock, someResults } from "./results-builder";

const protoActors = [
  { name: "__proto__", level: "Kommune" as const },
  { name: "constructor", level: "Stat" as const },
];

describe("toContractJson", () => {
  it("keys byActor by actor name, with __proto__ and constructor as ordinary keys", () => {
    const a = aBlock([100, 0], [30, 30]);
    const b = aBlock([0, 0], [70, 70]);
    const results = someResults(protoActors, [a, b], aBlock([100, 0], [100, 100]));
    const text = contractJsonText(results);
    expect(text).toContain('"__proto__": {');
    const parsed = JSON.parse(text) as { byActor: Record<string, { netTotal: number }> };
    expect(Object.keys(parsed.byActor)).toEqual(["__proto__", "constructor"]);
    expect(Object.getOwnPropertyDescriptor(parsed.byActor, "__proto__")?.value).toMatchObject({
      netTotal: -40,
    });
    expect(parsed.byActor["constructor"]?.netTotal).toBe(140);
    // The document object itself has no prototype to pollute.
    const doc = toContractJson(results);
    expect(Object.getPrototypeOf(doc.byActor)).toBeNull();
    expect(({} as Record<string, unknown>)["netTotal"]).toBeUndefined();
  });

  it("writes undefined key figures as null, never NaN or Infinity", () => {
    const results = someResults(
      [{ name: "Stat", level: "Stat" }],
      [aBlock([0, 0], [10, 10])],
      aBlock([0, 0], [10, 10]),
    );
    const parsed = JSON.parse(contractJsonText(results)) as { total: Record<string, unknown> };
    expect(parsed.total["returnPerKrone"]).toBeNull();
    expect(parsed.total["breakEvenYear"]).toBeNull();
  });

  it("refuses to print a non-finite number (it would silently become null)", () => {
    const bad = aBlock([1], [1], { presentValue: Number.NaN });
    const results = someResults([{ name: "K", level: "Kommune" }], [bad], bad);
    expect(() => contractJsonText(results)).toThrow(NonFiniteNumberError);
  });

  it("refuses two actors with the same name rather than dropping one", () => {
    const b = aBlock([1], [1]);
    const results = someResults(
      [
        { name: "K", level: "Kommune" },
        { name: "K", level: "Kommune" },
      ],
      [b, b],
      b,
    );
    expect(() => toContractJson(results)).toThrow(DuplicateKeyError);
  });

  it("lists byLevel in the order Kommune, Region, Stat, Andet", () => {
    const b = aBlock([1], [2]);
    const results = someResults(
      [
        { name: "S", level: "Stat" },
        { name: "K", level: "Kommune" },
      ],
      [b, b],
      b,
      {
        byLevel: new Map([
          ["Stat", b],
          ["Kommune", b],
        ]),
      },
    );
    expect(Object.keys(toContractJson(results).byLevel)).toEqual(["Kommune", "Stat"]);
  });
});

describe("issuesJsonText", () => {
  const issue: InputIssue = {
    code: "unknown-actor",
    severity: "error",
    message: {
      da: '"Kommunen" er ikke en aktør i SOM_Aktoerer',
      en: '"Kommunen" is not an actor in SOM_Aktoerer',
    },
    location: { path: ["costs", 0, "actor"], name: "SOM_Omkostninger", sheet: "Omkostninger", cell: "D7" },
  };
  it("prints code, message in the chosen language, name, sheet and cell; missing locations as null", () => {
    const noCell: InputIssue = {
      ...issue,
      code: "missing-name",
      location: { path: [], name: "SOM_Indsats" },
    };
    expect(JSON.parse(issuesJsonText([issue, noCell], "en"))).toEqual({
      issues: [
        {
          code: "unknown-actor",
          severity: "error",
          message: '"Kommunen" is not an actor in SOM_Aktoerer',
          name: "SOM_Omkostninger",
          sheet: "Omkostninger",
          cell: "D7",
        },
        {
          code: "missing-name",
          severity: "error",
          message: '"Kommunen" is not an actor in SOM_Aktoerer',
          name: "SOM_Indsats",
          sheet: null,
          cell: null,
        },
      ],
    });
    expect(JSON.parse(issuesJsonText([issue], "da")).issues[0].message).toBe(
      '"Kommunen" er ikke en aktør i SOM_Aktoerer',
    );
  });
});
