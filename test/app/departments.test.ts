import {
  applyStoredDistributionKey,
  editActors,
  planDepartmentSplit,
  readActorsAndPrices,
  readDistributionKey,
  saveDistributionKey,
  splitKommune,
  splitKommuneAndSaveKey,
  distributionKeySpec,
} from "../../src/app/departments";
import * as fs from "node:fs";
import * as path from "node:path";
import { FileWorkbook } from "../../src/file/file-workbook";
import { writeWorkbookSpec } from "../../src/file/xlsx-writer";
import { loadScenario } from "../../src/app/load-scenario";
import { calculate } from "../../src/engine/calculate";
import { buildTemplateSpec } from "../../src/workbook/layout/build-template-spec";
import { EXAMPLE_DATA } from "../../src/workbook/layout/example-data";
import { MemoryWorkbook } from "../../src/workbook/memory-workbook";
import {
  convertToXlsx,
  hasSoffice,
  makeRecalcProfile,
  makeTempDir,
  removeTempDir,
} from "../support/libreoffice";

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

describe("the distribution key travels with the workbook (sheet Fordelingsnøgle, SOM_Fordelingsnoegle)", () => {
  const request = (services: readonly string[]) => ({
    kommune: "Kommune",
    departments: ["Beskæftigelse", "Social/voksen"],
    // 60 % / 40 % on the first service, 25 % / 0 % on the others (75 % stays with the kommune as Ufordelt).
    keys: services.map((service, i) => ({ service, shares: i === 0 ? [0.6, 0.4] : [0.25, 0] })),
  });

  it("writes the key as a visible input sheet and reads back the same key, with I alt and Kontrol formulas", async () => {
    const wb = MemoryWorkbook.fromSpec(buildTemplateSpec("da", EXAMPLE_DATA));
    const read = await readActorsAndPrices(wb);
    if (!read.ok) throw new Error("read");
    const key = request(read.value.services.map((s) => s.service));
    const out = await splitKommuneAndSaveKey(wb, key, yes, "da");
    expect(out.ok && out.status).toBe("done");
    expect((await wb.listSheets()).find((s) => s.name === "Fordelingsnøgle")?.visibility).toBe("visible");
    expect(wb.getCell("Fordelingsnøgle", "B3")).toBe("Kommune");
    expect(["A5", "B5", "C5", "D5", "E5", "F5"].map((a) => wb.getCell("Fordelingsnøgle", a))).toEqual([
      "Ydelse",
      "Beskæftigelse",
      "Social/voksen",
      "Ufordelt (bliver hos kommunen)",
      "I alt",
      "Kontrol",
    ]);
    // Row 7 is the second service: 25 % + 0 % + Ufordelt 75 % = 100 %.
    expect(["B7", "C7", "D7"].map((a) => wb.getCell("Fordelingsnøgle", a))).toEqual([0.25, 0, 0.75]);
    expect(wb.getFormula("Fordelingsnøgle", "E7")).toBe("=SUM(B7:D7)");
    expect(wb.getFormula("Fordelingsnøgle", "F7")).toContain("ABS(E7-1)");
    const back = await readDistributionKey(wb);
    expect(back).toEqual({ status: "ok", sheet: "Fordelingsnøgle", key });
  });

  it("re-applies an edited key from the sheet: department prices sum to the kommune price, after confirmation only", async () => {
    const wb = MemoryWorkbook.fromSpec(buildTemplateSpec("da", EXAMPLE_DATA));
    const read = await readActorsAndPrices(wb);
    if (!read.ok) throw new Error("read");
    const original = read.value.services.map((s) => s.priceByActor.get("Kommune"));
    await splitKommuneAndSaveKey(wb, request(read.value.services.map((s) => s.service)), yes, "da");
    // A colleague changes the first service's key in the sheet to 10 % / 70 % / Ufordelt 20 %.
    await wb.writeCells("Fordelingsnøgle", 5, 1, [[0.1, 0.7, 0.2]]);
    const asked: string[] = [];
    const no = (q: { da: string }): Promise<boolean> => (asked.push(q.da), Promise.resolve(false));
    const before = await readActorsAndPrices(wb);
    expect((await applyStoredDistributionKey(wb, no)).ok).toBe(true);
    expect(asked[0]).toMatch(
      /^Genberegn priserne for Kommune og forvaltningerne Beskæftigelse, Social\/voksen/,
    );
    expect(await readActorsAndPrices(wb)).toEqual(before); // "no" leaves every filled price alone

    const out = await applyStoredDistributionKey(wb, yes);
    expect(out.ok && out.status).toBe("done");
    const after = await readActorsAndPrices(wb);
    if (!after.ok) throw new Error("read");
    const p0 = original[0] as number;
    const first = after.value.services[0]?.priceByActor;
    expect(first?.get("Beskæftigelse")).toBeCloseTo(0.1 * p0, 9);
    expect(first?.get("Social/voksen")).toBeCloseTo(0.7 * p0, 9);
    expect(first?.get("Kommune")).toBeCloseTo(0.2 * p0, 9);
    after.value.services.forEach((s, i) => {
      const o = original[i];
      if (typeof o !== "number") return;
      const sum = ["Kommune", "Beskæftigelse", "Social/voksen"]
        .map((a) => s.priceByActor.get(a))
        .reduce((acc: number, p) => acc + (typeof p === "number" ? p : 0), 0);
      expect(Math.abs(sum - o)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(o)));
    });
  });

  it("reports shares that do not sum to 100 % at the name, sheet and cell of the row", async () => {
    const wb = MemoryWorkbook.fromSpec(buildTemplateSpec("da", EXAMPLE_DATA));
    const read = await readActorsAndPrices(wb);
    if (!read.ok) throw new Error("read");
    await splitKommuneAndSaveKey(wb, request(read.value.services.map((s) => s.service)), yes, "da");
    const service = read.value.services[0]?.service ?? "";
    await wb.writeCells("Fordelingsnøgle", 5, 1, [[0.5, 0.4, 0]]); // 50 % + 40 % + 0 % = 90 %
    const back = await readDistributionKey(wb);
    expect(back).toEqual({
      status: "invalid",
      issues: [
        {
          code: "key-sum-not-100",
          severity: "error",
          message: {
            da: `Andelene for »${service}« (række 6) giver 90 %, ikke 100 %.`,
            en: `The shares of “${service}” (row 6) sum to 90 %, not 100 %.`,
          },
          location: { path: [], name: "SOM_Fordelingsnoegle", sheet: "Fordelingsnøgle", cell: "A6" },
        },
      ],
    });
    const applied = await applyStoredDistributionKey(wb, yes);
    expect(applied.ok ? [] : applied.issues.map((i) => i.code)).toEqual(["key-sum-not-100"]);
  });

  it("does not overwrite a sheet called Fordelingsnøgle that is not the key's", async () => {
    const wb = MemoryWorkbook.fromSpec(buildTemplateSpec("da", EXAMPLE_DATA));
    await wb.writeSheets({
      sheets: [
        { name: "Fordelingsnøgle", role: "input", blocks: [{ row: 0, col: 0, values: [["mine noter"]] }] },
      ],
      names: [],
    });
    const out = await saveDistributionKey(
      wb,
      { kommune: "Kommune", departments: ["A"], keys: [] },
      { lang: "da", confirm: yes },
    );
    expect(out.ok ? "" : out.issues[0]?.code).toBe("key-sheet-conflict");
    expect(wb.getCell("Fordelingsnøgle", "A1")).toBe("mine noter");
    // Splitting is refused up front, so the prices are not split without their key.
    const before = await readActorsAndPrices(wb);
    const split = await splitKommuneAndSaveKey(wb, { kommune: "Kommune", departments: ["A"], keys: [] }, yes);
    expect(split.ok ? "" : split.issues[0]?.code).toBe("key-sheet-conflict");
    expect(await readActorsAndPrices(wb)).toEqual(before);
  });

  it("asks before replacing a stored key, and keeps it when the user says no", async () => {
    const wb = MemoryWorkbook.fromSpec(buildTemplateSpec("da", EXAMPLE_DATA));
    const first = {
      kommune: "Kommune",
      departments: ["A", "B"],
      keys: [{ service: "X", shares: [0.5, 0.5] }],
    };
    expect((await saveDistributionKey(wb, first, { lang: "da", confirm: yes })).ok).toBe(true);
    const asked: string[] = [];
    const no = (q: { da: string }): Promise<boolean> => (asked.push(q.da), Promise.resolve(false));
    const second = { kommune: "Kommune", departments: ["C"], keys: [{ service: "X", shares: [1] }] };
    const out = await saveDistributionKey(wb, second, { lang: "da", confirm: no });
    expect(out.ok && out.status).toBe("cancelled");
    expect(asked).toEqual([
      "Arket »Fordelingsnøgle« har allerede en fordelingsnøgle. Den erstattes af den nye. Fortsæt?",
    ]);
    expect(await readDistributionKey(wb)).toEqual({ status: "ok", sheet: "Fordelingsnøgle", key: first });
    await saveDistributionKey(wb, second, { lang: "da", confirm: yes });
    expect(await readDistributionKey(wb)).toEqual({ status: "ok", sheet: "Fordelingsnøgle", key: second });
  });

  it("survives a round trip through an .xlsx file (as when the workbook is emailed)", async () => {
    const key = {
      kommune: "Kommune",
      departments: ["Beskæftigelse", "Social/voksen"],
      keys: [
        { service: "Kontanthjælp", shares: [0.8, 0.2] },
        { service: "Døgn på herberg", shares: [0, 0.35] },
      ],
    };
    const bytes = await writeWorkbookSpec(distributionKeySpec(key, "da"));
    const file = FileWorkbook.fromBytes(bytes);
    expect(await readDistributionKey(file)).toEqual({ status: "ok", sheet: "Fordelingsnøgle", key });
  });

  (hasSoffice() ? it : it.skip)(
    "shows I alt and Kontrol to a reader without the add-in: LibreOffice computes 100 % / OK, and 90 % / a warning",
    async () => {
      const key = {
        kommune: "Kommune",
        departments: ["Beskæftigelse", "Social/voksen"],
        keys: [
          { service: "Kontanthjælp", shares: [0.8, 0.2] },
          { service: "Døgn på herberg", shares: [0.5, 0.4] },
        ],
      };
      const spec = distributionKeySpec(key, "da");
      // A colleague sets the second row's Ufordelt (D7) to 0 %: 50 % + 40 % + 0 % = 90 %.
      const sheet = spec.sheets[0];
      if (sheet === undefined) throw new Error("no sheet");
      const edited = {
        ...spec,
        sheets: [
          {
            ...sheet,
            blocks: sheet.blocks.map((b) =>
              b.row !== 5
                ? b
                : {
                    ...b,
                    values: b.values.map((r, i) => (i === 1 ? r.map((v, j) => (j === 3 ? 0 : v)) : r)),
                  },
            ),
          },
        ],
      };
      const dir = makeTempDir("som-key-lo-");
      try {
        // A profile that recalculates on load (as Excel does with fullCalcOnLoad), so the cached values are not trusted.
        const profile = makeRecalcProfile(dir);
        const file = path.join(dir, "noegle.xlsx");
        fs.writeFileSync(file, await writeWorkbookSpec(edited));
        const lo = FileWorkbook.fromBytes(
          new Uint8Array(fs.readFileSync(convertToXlsx(file, path.join(dir, "lo"), profile))),
        );
        const block = (await lo.readNames(["SOM_Fordelingsnoegle"])).get("som_fordelingsnoegle");
        const rows = block?.kind === "range" ? block.values.slice(1).map((r) => [r[4], r[5]]) : [];
        expect(rows[0]?.[0]).toBeCloseTo(1, 12); // 0,8 + 0,2 + 0
        expect(rows[0]?.[1]).toBe("OK");
        expect(rows[1]?.[0]).toBeCloseTo(0.9, 12); // 0,5 + 0,4 + 0
        expect(rows[1]?.[1]).toBe("Summen skal være 100 %");
      } finally {
        removeTempDir(dir);
      }
    },
    180_000,
  );
});
