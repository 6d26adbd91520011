import * as fs from "node:fs";
import * as path from "node:path";
import starter from "../../src/knowledge/data/starter.json";
import { validateKnowledgeBase } from "../../src/knowledge/validate-knowledge";
import type { KnowledgeRecord } from "../../src/knowledge/types";

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

describe("the shipped starter knowledge base", () => {
  const result = validateKnowledgeBase(starter, "starter.json");

  it("is valid", () => {
    if (!result.ok) throw new Error(JSON.stringify(result.problems, null, 1));
    expect(result.value.records.length).toBeGreaterThanOrEqual(20);
  });

  const records = (result.ok ? result.value.records : []) as readonly KnowledgeRecord[];

  it("gives every record a source URL or reference, a year and a confidence", () => {
    for (const r of records) {
      expect(r.provenance.source.length).toBeGreaterThan(10);
      expect(r.provenance.year).toBeGreaterThanOrEqual(2000);
      expect(["H", "M", "L"]).toContain(r.provenance.confidence);
    }
  });

  it("never invents a number: every unknown figure is null and points to where the official figure is", () => {
    for (const r of records) {
      const nulls =
        r.kind === "price"
          ? Object.values(r.amounts).filter((x) => x === null).length
          : r.kind === "consequence"
            ? r.deltaByYear.filter((x) => x === null).length
            : r.kind === "effect" && r.suggestedSuccessRate === null
              ? 1
              : 0;
      if (nulls > 0) expect(r.gap?.where.length ?? 0).toBeGreaterThan(10);
    }
  });

  it("has all four SØM record kinds and the official discount rate", () => {
    const kinds = new Set(records.map((r) => r.kind));
    for (const k of ["targetGroup", "effect", "price", "consequence", "parameter"])
      expect(kinds).toContain(k);
    const fm = records.find((r) => r.id === "param_discount_rate_fm_2023");
    expect(fm?.kind === "parameter" && fm.values[0]?.value).toBe(0.035);
  });

  it("derives the IPS success rate as treated − control (59,1 % − 46,5 %)", () => {
    const ips = records.find((r) => r.id === "effect_ips_dk_rct");
    expect(ips?.kind === "effect" && ips.suggestedSuccessRate).toBeCloseTo(0.126, 12);
  });
});

describe("validation problems name the file, the record and the field", () => {
  const base = clone(starter) as { records: Record<string, unknown>[] };

  it("reports a missing source", () => {
    const data = clone(base);
    delete (data.records[0]?.["provenance"] as Record<string, unknown>)["source"];
    const r = validateKnowledgeBase(data, "egen.json");
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.problems).toContainEqual({
        file: "egen.json",
        record: "adult_homeless",
        field: "source",
        message: { da: 'Feltet "source" mangler.', en: 'The field "source" is missing.' },
      });
  });

  it("reports an unknown amount without a gap, a rate above 1, a wrong type and a duplicate id", () => {
    const data = clone(base);
    const price = data.records.find((x) => x["id"] === "price_prison_day_avg") as Record<string, unknown>;
    (price["amounts"] as Record<string, unknown>)["Stat"] = null;
    const eff = data.records.find((x) => x["id"] === "effect_ips_dk_rct") as Record<string, unknown>;
    eff["treatedShare"] = 59.1;
    const tg = data.records.find((x) => x["id"] === "child_anxiety_6_13") as Record<string, unknown>;
    tg["verifiedSomGroup"] = "ja";
    data.records.push(clone(data.records[1] as Record<string, unknown>));
    const r = validateKnowledgeBase(data, "f.json");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const at = r.problems.map((p) => `${p.record}.${p.field}`);
    expect(at).toContain("price_prison_day_avg.amounts");
    expect(at).toContain("effect_ips_dk_rct.treatedShare");
    expect(at).toContain("child_anxiety_6_13.verifiedSomGroup");
    expect(at).toContain("child_anxiety_6_13.id");
  });

  it("reports a reference to a target group that is not in the file", () => {
    const data = clone(base);
    const eff = data.records.find((x) => x["id"] === "effect_cool_kids") as Record<string, unknown>;
    eff["targetGroup"] = "no_such_group";
    const r = validateKnowledgeBase(data, "f.json");
    expect(
      !r.ok && r.problems.some((p) => p.record === "effect_cool_kids" && p.field === "targetGroup"),
    ).toBe(true);
  });

  it("drops unknown keys such as __proto__ instead of merging them", () => {
    const text = JSON.stringify(base).replace(
      '"kind":"targetGroup"',
      '"__proto__":{"polluted":true},"kind":"targetGroup"',
    );
    const r = validateKnowledgeBase(JSON.parse(text), "evil.json");
    expect(r.ok).toBe(true);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
    if (r.ok) expect(Object.prototype.hasOwnProperty.call(r.value.records[0], "__proto__")).toBe(false);
  });

  it("rejects what is not a knowledge file", () => {
    for (const bad of [null, 42, "x", [], { formatVersion: 2, name: "x", records: [] }]) {
      expect(validateKnowledgeBase(bad, "x.json").ok).toBe(false);
    }
  });
});

describe("the JSON schema and the validator agree", () => {
  const schema = JSON.parse(
    fs.readFileSync(path.join(__dirname, "../../src/knowledge/knowledge.schema.json"), "utf8"),
  ) as {
    $defs: {
      common: { required: string[] };
      provenance: { required: string[] };
      record: { oneOf: { properties: { kind: { const: string } }; required: string[] }[] };
    };
  };

  it("rejects a starter record of every kind when any field the schema requires is missing", () => {
    for (const variant of schema.$defs.record.oneOf) {
      const kind = variant.properties.kind.const;
      const index = (starter.records as { kind: string }[]).findIndex((r) => r.kind === kind);
      expect([kind, index >= 0]).toEqual([kind, true]);
      for (const field of [...new Set([...schema.$defs.common.required, ...variant.required])]) {
        const data = clone(starter) as { records: Record<string, unknown>[] };
        delete data.records[index]?.[field];
        expect([kind, field, validateKnowledgeBase(data, "f.json").ok]).toEqual([kind, field, false]);
      }
    }
  });

  it("requires the same provenance fields", () => {
    for (const field of schema.$defs.provenance.required) {
      const data = clone(starter) as { records: { provenance: Record<string, unknown> }[] };
      delete data.records[3]?.provenance[field];
      expect([field, validateKnowledgeBase(data, "f.json").ok]).toEqual([field, false]);
    }
  });
});

describe("the honest-price fields of a price record", () => {
  const aPrice = (over: Record<string, unknown>): unknown => ({
    formatVersion: 1,
    name: "test",
    records: [
      {
        kind: "price",
        id: "p",
        title: "Pris",
        service: "Ydelse",
        unit: "måned",
        amounts: { Kommune: null, Region: 0, Stat: null },
        gap: { reason: "Fordelingen mangler.", where: "Refusionsreglerne." },
        provenance: { source: "https://bm.dk/x", year: 2023, confidence: "H" },
        ...over,
      },
    ],
  });
  const problems = (over: Record<string, unknown>): string[] => {
    const v = validateKnowledgeBase(aPrice(over), "f.json");
    return v.ok ? [] : v.problems.map((p) => `${p.record} › ${p.field}: ${p.message.da}`);
  };

  it("accepts a rate with its gross amount, validity and main area, and keeps them", () => {
    const v = validateKnowledgeBase(
      aPrice({
        figureKind: "sats",
        grossAmount: 11944,
        inklOverhead: false,
        efterRefusion: false,
        gyldigFra: "2023-01-01",
        gyldigTil: "2023-12-31",
        hovedomraade: "Overførsler",
      }),
      "f.json",
    );
    if (!v.ok) throw new Error(JSON.stringify(v.problems));
    expect(v.value.records[0]).toMatchObject({
      figureKind: "sats",
      grossAmount: 11944,
      inklOverhead: false,
      efterRefusion: false,
      gyldigFra: "2023-01-01",
      gyldigTil: "2023-12-31",
      hovedomraade: "Overførsler",
    });
  });

  it("refuses a rate with unknown levels and no gross amount", () => {
    expect(problems({ figureKind: "sats" })).toEqual([
      "p › grossAmount: En sats uden fordeling på niveauer skal have bruttobeløbet (grossAmount).",
    ]);
  });

  it("refuses an unknown kind of figure, a non-boolean overhead flag, impossible dates and a reversed period", () => {
    expect(problems({ figureKind: "skøn" })).toEqual([
      'p › figureKind: Feltet "figureKind" skal være en af: pris, sats, takst.',
    ]);
    expect(problems({ inklOverhead: "ja" })).toEqual([
      'p › inklOverhead: "inklOverhead" skal være true, false eller null.',
    ]);
    expect(problems({ gyldigFra: "2023-02-30" })).toEqual([
      'p › gyldigFra: "gyldigFra" skal være en dato som 2025-07-01 (er "2023-02-30").',
    ]);
    expect(problems({ gyldigFra: "2024-01-01", gyldigTil: "2023-12-31" })).toEqual([
      'p › gyldigTil: "gyldigTil" ligger før "gyldigFra".',
    ]);
    expect(problems({ gyldigFra: "2024-02-29" })).toEqual([]);
  });

  it("refuses a price target group that is not in the file", () => {
    expect(problems({ targetGroup: "nobody" })).toEqual([
      'p › targetGroup: Målgruppen "nobody" findes ikke i filen.',
    ]);
  });

  it("refuses a consequence whose recommendation is not true, false or null", () => {
    const data = clone(starter) as { records: Record<string, unknown>[] };
    const c = data.records.find((r) => r["kind"] === "consequence");
    if (c) c["recommended"] = "anbefalet";
    const v = validateKnowledgeBase(data, "starter.json");
    expect(v.ok).toBe(false);
    if (!v.ok)
      expect(v.problems.map((p) => `${p.record} › ${p.field}`)).toEqual([
        `${String(c?.["id"])} › recommended`,
      ]);
  });
});

describe("a hostile id is not echoed in full", () => {
  it("a 4 MB id gives problems that name it by its first 80 characters only", () => {
    const base = clone(starter) as { records: Record<string, unknown>[] };
    const huge = "X".repeat(4 * 1024 * 1024);
    const rec = { ...base.records[0], id: huge, year: "ikke et år" };
    const twice = { ...base, records: [rec, { ...rec }] };
    const result = validateKnowledgeBase(twice, "hostile.json");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.length).toBeGreaterThanOrEqual(3); // bad id twice, and it occurs twice
    const text = JSON.stringify(result.problems);
    expect(text.length).toBeLessThan(result.problems.length * 800);
    expect(text).toContain(`${"X".repeat(80)}…`);
    expect(result.problems.some((p) => p.message.da.includes("findes to gange"))).toBe(true);
  });
});
