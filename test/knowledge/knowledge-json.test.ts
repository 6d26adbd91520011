import starter from "../../src/knowledge/data/starter.json";
import {
  knowledgeToJson,
  MAX_KNOWLEDGE_JSON_CHARS,
  parseKnowledgeJson,
} from "../../src/knowledge/knowledge-json";

describe("knowledge files as JSON", () => {
  it("writes a file that reads back to the same knowledge base", () => {
    const first = parseKnowledgeJson(JSON.stringify(starter), "starter.json");
    if (!first.ok) throw new Error("starter invalid");
    const text = knowledgeToJson(first.value);
    expect(text.endsWith("}\n")).toBe(true);
    const again = parseKnowledgeJson(text, "kopi.json");
    expect(again).toEqual(first);
  });

  it("puts kind and id first in every record so shared files diff cleanly", () => {
    const first = parseKnowledgeJson(JSON.stringify(starter), "starter.json");
    if (!first.ok) throw new Error("starter invalid");
    const doc = JSON.parse(knowledgeToJson(first.value)) as { records: Record<string, unknown>[] };
    for (const r of doc.records) expect(Object.keys(r).slice(0, 3)).toEqual(["kind", "id", "title"]);
  });

  it("reports text that is not JSON as a problem of the file, not a crash", () => {
    const r = parseKnowledgeJson("{ not json", "priser.json");
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems).toHaveLength(1);
      expect(r.problems[0]?.file).toBe("priser.json");
      expect(r.problems[0]?.message.da).toMatch(/^Filen er ikke gyldig JSON/);
    }
  });

  it("refuses a file over the size cap before parsing it", () => {
    const r = parseKnowledgeJson(" ".repeat(MAX_KNOWLEDGE_JSON_CHARS + 1), "stor.json");
    expect(!r.ok && r.problems[0]?.message.en).toBe(
      "The file is too large for a knowledge file (over 5 MB).",
    );
  });

  it("accepts a byte-order mark at the start", () => {
    expect(parseKnowledgeJson(`\uFEFF${JSON.stringify(starter)}`, "bom.json").ok).toBe(true);
  });

  it("does not pollute prototypes through __proto__ or constructor keys", () => {
    const evil = JSON.stringify(starter).replace(
      '"formatVersion":1',
      '"formatVersion":1,"__proto__":{"polluted":1},"constructor":{"prototype":{"bad":1}}',
    );
    const r = parseKnowledgeJson(evil, "evil.json");
    expect(r.ok).toBe(true);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
    expect(({} as Record<string, unknown>)["bad"]).toBeUndefined();
    if (r.ok) expect(Object.keys(r.value)).toEqual(["formatVersion", "name", "description", "records"]);
  });
});
