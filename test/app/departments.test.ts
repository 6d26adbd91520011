import {
  editActors,
  planDepartmentSplit,
  readActorsAndPrices,
  splitKommune,
} from "../../src/app/departments";
import { loadScenario } from "../../src/app/load-scenario";
import { calculate } from "../../src/engine/calculate";
import { buildTemplateSpec } from "../../src/workbook/layout/build-template-spec";
import { EXAMPLE_DATA } from "../../src/workbook/layout/example-data";
import { MemoryWorkbook } from "../../src/workbook/memory-workbook";

const yes = (): Promise<boolean> => Promise.resolve(true);

async function results(wb: MemoryWorkbook) {
  const load = await loadScenario(wb);
  if (!load.ok) throw new Error(load.issues.map((i) => `${i.code} ${i.message.en}`).join("; "));
  return calculate(load.scenario);
}

describe("splitting a kommune into departments in the workbook", () => {
  it("adds department actors and price columns that sum to the kommune price, and keeps the Kommune level's result", async () => {
    const wb = MemoryWorkbook.fromSpec(buildTemplateSpec("da", EXAMPLE_DATA));
    const before = await results(wb);
    const read = await readActorsAndPrices(wb);
    if (!read.ok) throw new Error("read");
    const services = read.value.services.map((s) => s.service);
    // 60 % Beskæftigelse / 40 % Social/voksen on the first service; 50 % Beskæftigelse on the others (rest stays).
    const keys = services.map((service, i) => ({ service, shares: i === 0 ? [0.6, 0.4] : [0.5, 0] }));
    const out = await splitKommune(
      wb,
      { kommune: "Kommune", departments: ["Beskæftigelse", "Social/voksen"], keys },
      yes,
    );
    expect(out.ok && out.status).toBe("done");

    const after = await readActorsAndPrices(wb);
    if (!after.ok) throw new Error("read");
    expect(after.value.actors).toEqual([
      { name: "Kommune", level: "Kommune" },
      { name: "Region", level: "Region" },
      { name: "Stat", level: "Stat" },
      { name: "Beskæftigelse", level: "Kommune" },
      { name: "Social/voksen", level: "Kommune" },
    ]);
    for (const s of after.value.services) {
      const original = read.value.services.find((x) => x.service === s.service)?.priceByActor.get("Kommune");
      if (typeof original !== "number") continue;
      const parts = ["Kommune", "Beskæftigelse", "Social/voksen"].map((a) => s.priceByActor.get(a));
      const sum = parts.reduce((acc: number, p) => acc + (typeof p === "number" ? p : 0), 0);
      expect(Math.abs(sum - original)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(original)));
    }
    const first = after.value.services[0];
    const p0 = read.value.services[0]?.priceByActor.get("Kommune") as number;
    expect(first?.priceByActor.get("Beskæftigelse")).toBeCloseTo(0.6 * p0, 9);

    // Departments are Kommune-level actors: the Kommune level and the total are unchanged (up to rounding).
    const res = await results(wb);
    expect(res.byLevel.get("Kommune")?.netTotal).toBeCloseTo(
      before.byLevel.get("Kommune")?.netTotal ?? NaN,
      4,
    );
    expect(res.total.netTotal).toBeCloseTo(before.total.netTotal, 4);
    expect(res.actors.map((a) => a.name)).toContain("Beskæftigelse");
  });

  it("refuses to split an actor that is not at the Kommune level, or to reuse an actor's name", async () => {
    const wb = MemoryWorkbook.fromSpec(buildTemplateSpec("da", EXAMPLE_DATA));
    const a = await planDepartmentSplit(wb, { kommune: "Region", departments: ["X"], keys: [] });
    expect(a.ok ? "ok" : a.issues[0]?.code).toBe("not-a-kommune");
    const b = await planDepartmentSplit(wb, { kommune: "Kommune", departments: ["stat"], keys: [] });
    expect(b.ok ? "ok" : b.issues[0]?.code).toBe("actor-exists");
  });

  it("writes nothing when the user does not confirm", async () => {
    const wb = MemoryWorkbook.fromSpec(buildTemplateSpec("da", EXAMPLE_DATA));
    const out = await splitKommune(wb, { kommune: "Kommune", departments: ["Skole"], keys: [] }, () =>
      Promise.resolve(false),
    );
    expect(out.ok && out.status).toBe("cancelled");
    const after = await readActorsAndPrices(wb);
    expect(after.ok && after.value.actors.length).toBe(3);
  });
});

describe("editing the actor list", () => {
  it("renames an actor everywhere the contract names it and changes levels, so the workbook still calculates", async () => {
    const wb = MemoryWorkbook.fromSpec(buildTemplateSpec("da", EXAMPLE_DATA));
    const before = await results(wb);
    const out = await editActors(
      wb,
      [
        { name: "Aarhus Kommune", level: "Kommune", previousName: "Kommune" },
        { name: "Region", level: "Region", previousName: "Region" },
        { name: "Stat", level: "Stat", previousName: "Stat" },
        { name: "__proto__", level: "Andet" },
      ],
      yes,
    );
    expect(out.ok && out.status).toBe("done");
    const res = await results(wb);
    expect(res.actors.map((a) => a.name)).toEqual(["Aarhus Kommune", "Region", "Stat", "__proto__"]);
    expect(res.byActor[0]?.netTotal).toBe(before.byActor[0]?.netTotal);
  });

  it("rejects an unknown level and duplicate names", async () => {
    const wb = MemoryWorkbook.fromSpec(buildTemplateSpec("da", EXAMPLE_DATA));
    const out = await editActors(
      wb,
      [
        { name: "A", level: "Amt" },
        { name: "a", level: "Kommune" },
      ],
      yes,
    );
    expect(out.ok ? [] : out.issues.map((i) => i.code).sort()).toEqual(["duplicate-actor", "unknown-level"]);
  });
});
