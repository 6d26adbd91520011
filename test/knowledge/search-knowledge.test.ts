import starter from "../../src/knowledge/data/starter.json";
import { searchKnowledge, targetGroupsIn } from "../../src/knowledge/search-knowledge";
import { validateKnowledgeBase } from "../../src/knowledge/validate-knowledge";

const v = validateKnowledgeBase(starter, "starter.json");
if (!v.ok) throw new Error("starter invalid");
const records = v.value.records;
const ids = (q: Parameters<typeof searchKnowledge>[1]): string[] =>
  searchKnowledge(records, q).map((r) => r.id);

describe("searching the knowledge database", () => {
  it("finds records by free text in any letter case, all words required", () => {
    expect(ids({ text: "FÆNGSEL lukket" })).toEqual([
      "price_prison_closed_day",
      "price_prison_closed_day_2013",
    ]);
    expect(ids({ text: "fodlænke" })).toEqual(["price_electronic_tagging_day"]);
  });

  it("filters by kind", () => {
    const prices = searchKnowledge(records, { kinds: ["price"] });
    expect(prices.length).toBeGreaterThan(5);
    expect(prices.every((r) => r.kind === "price")).toBe(true);
  });

  it("lists a target group with its effects and consequences", () => {
    expect(ids({ targetGroup: "adult_homeless" })).toEqual([
      "adult_homeless",
      "effect_housing_first_hjemloesestrategien",
      "cons_homeless_shelter",
    ]);
  });

  it("filters by service (prices and consequences) and by intervention (effects)", () => {
    expect(ids({ service: "måned på kontanthjælp (forsørger)" })).toEqual([
      "price_kontanthjaelp_30plus_provider_month",
      "price_kontanthjaelp_30plus_provider_month_2016",
      "price_kontanthjaelp_30plus_provider_month_2024",
    ]);
    expect(ids({ service: "måned på kontanthjælp", kinds: ["consequence"] })).toEqual([
      "cons_smi_kontanthjaelp",
    ]);
    expect(ids({ intervention: "ips" })).toEqual(["effect_ips_dk_rct", "effect_ips_ma_dk_rct"]);
  });

  it("combines criteria (AND) and finds nothing when they exclude each other", () => {
    expect(ids({ kinds: ["effect"], text: "angst" })).toEqual(["effect_ips_ma_dk_rct", "effect_cool_kids"]);
    expect(ids({ kinds: ["price"], intervention: "IPS" })).toEqual([]);
  });

  it("offers each target group once for the filter list", () => {
    const groups = targetGroupsIn([...records, ...records]).map((g) => g.id);
    expect(groups).toEqual([...new Set(groups)]);
    expect(groups).toContain("child_anxiety_6_13");
  });
});
