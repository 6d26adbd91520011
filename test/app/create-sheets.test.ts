import { createSomSheets } from "../../src/app/create-sheets";
import { OfficeWorkbook } from "../../src/excel/office-workbook";
import { ACTOR_LIST_NAME, buildTemplateSpec } from "../../src/workbook/layout/build-template-spec";
import { MemoryWorkbook } from "../../src/workbook/memory-workbook";
import { INPUT_NAMES, N } from "../../src/workbook/names";
import { readScenario, SCENARIO_NAMES } from "../../src/workbook/read/read-scenario";

import { createFakeExcel, fakeWorkbook } from "../support/fake-excel";

const TEMPLATE_SHEETS = buildTemplateSpec("da").sheets.map((s) => s.name);

/** A user's workbook with an own "Indstillinger" sheet (content + a start-year name) and another sheet. */
function usersWorkbook(): MemoryWorkbook {
  return new MemoryWorkbook()
    .addSheet("Budget")
    .setCell("Budget", "A1", "Mit budget")
    .addSheet("Indstillinger")
    .setCell("Indstillinger", "A1", "Mine egne indstillinger")
    .setCell("Indstillinger", "B5", 2030)
    .setName({ name: N.startYear, sheet: "Indstillinger", ref: "B5" });
}

describe("createSomSheets", () => {
  it("sets up every SØM sheet and name of the template in a blank workbook, with one write", async () => {
    const wb = new MemoryWorkbook();
    const result = await createSomSheets(wb, "da");
    expect(result).toEqual({ created: TEMPLATE_SHEETS, skipped: [] });
    expect(wb.writeSheetsCalls).toBe(1);
    expect((await wb.listSheets()).map((s) => s.name)).toEqual(TEMPLATE_SHEETS);
    const named = await wb.readNames([...INPUT_NAMES, ACTOR_LIST_NAME]);
    for (const name of [...INPUT_NAMES, ACTOR_LIST_NAME])
      expect([name, named.get(name.toLowerCase())?.kind]).toEqual([name, "range"]);
    // The new sheets read as the blank template: no reading issues, defaults in place.
    const read = readScenario(await wb.readNames(SCENARIO_NAMES));
    // The blank template has no costs and no participants yet: two warnings, nothing else.
    expect(read.issues.map((i) => [i.code, i.severity])).toEqual([
      ["no-costs", "warning"],
      ["no-participants", "warning"],
    ]);
    expect(read.raw.settings.discountRate).toBe(0.035);
    // SOM_Prisindeks starts with the shipped nettoprisindeks (2015 = 100), year by year through the last full year.
    expect(read.raw.priceIndex.map((p) => p.year)).toEqual([
      2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023,
    ]);
    expect(read.raw.priceIndex[0]?.index).toBeCloseTo(100, 12);
    // 2023: (117,4 + 118,5 + 118,3 + 118,7 + 117,2 + 117,6 + 119,2 + 118,3 + 118,0 + 118,3 + 117,8 + 117,2) / 12
    expect(read.raw.priceIndex[8]?.index).toBeCloseTo(1416.5 / 12, 12);
  });

  it("creates English sheets with English headers when asked", async () => {
    const wb = new MemoryWorkbook();
    const result = await createSomSheets(wb, "en");
    expect(result.created).toEqual(buildTemplateSpec("en").sheets.map((s) => s.name));
    const costs = (await wb.readNames([N.costs])).get(N.costs.toLowerCase());
    expect(costs?.kind === "range" ? costs.values[0]?.[0] : undefined).toBe("Item");
  });

  it("adds only the missing sheets to an existing workbook and leaves the user's sheets and names untouched", async () => {
    const wb = usersWorkbook();
    const result = await createSomSheets(wb, "da");
    expect(result.skipped).toEqual(["Indstillinger"]);
    expect(result.created).toEqual(TEMPLATE_SHEETS.filter((s) => s !== "Indstillinger"));
    expect((await wb.listSheets()).map((s) => s.name)).toEqual([
      "Budget",
      "Indstillinger",
      ...result.created,
    ]);
    // The user's cells and own name are as they were.
    expect(wb.getCell("Indstillinger", "A1")).toBe("Mine egne indstillinger");
    expect(wb.getCell("Indstillinger", "B5")).toBe(2030);
    expect(wb.getCell("Budget", "A1")).toBe("Mit budget");
    expect(wb.nameTarget(N.startYear)).toEqual({ sheet: "Indstillinger", ref: "B5" });
    // Names that belong to the skipped sheet are not created (they would point into the user's sheet).
    const named = await wb.readNames([N.horizon, N.actors, N.priceIndex, N.discountRate, N.costs]);
    expect([...named.keys()]).toEqual([N.costs.toLowerCase()]);
    // The written spec holds no sheet of the user's.
    expect(wb.writtenSpecs[0]?.sheets.map((s) => s.name)).not.toContain("Indstillinger");
  });

  it("treats sheet names case-insensitively", async () => {
    const wb = new MemoryWorkbook().addSheet("forside").setCell("forside", "A1", "min forside");
    const result = await createSomSheets(wb, "da");
    expect(result.skipped).toEqual(["Forside"]);
    expect(wb.getCell("forside", "A1")).toBe("min forside");
  });

  it("does not redefine a name that already exists elsewhere in the workbook", async () => {
    const wb = new MemoryWorkbook()
      .addSheet("Mine")
      .setCell("Mine", "C3", "Dagtilbud")
      .setName({ name: N.intervention, sheet: "Mine", ref: "C3" });
    await createSomSheets(wb, "da");
    expect(wb.nameTarget(N.intervention)).toEqual({ sheet: "Mine", ref: "C3" });
    expect(wb.nameTarget(N.targetGroup)).toMatchObject({ sheet: "Indsats" });
  });

  it("points the actor drop-down list at the workbook's own SOM_Aktoerer when the settings sheet is the user's", async () => {
    const wb = new MemoryWorkbook()
      .addSheet("Indstillinger")
      .addSheet("Aktører")
      .setCell("Aktører", "D2", "Niveau")
      .setCell("Aktører", "E2", "Aktør")
      .setCell("Aktører", "E3", "Jobcenter")
      .setCell("Aktører", "D3", "Kommune")
      .setName({ name: N.actors, sheet: "Aktører", ref: "D2:E6" });
    await createSomSheets(wb, "da");
    expect(wb.nameTarget(ACTOR_LIST_NAME)).toEqual({ sheet: "Aktører", ref: "E3:E6" });
    expect(wb.sheetSpec("Omkostninger")?.validations?.some((v) => v.list === `=${ACTOR_LIST_NAME}`)).toBe(
      true,
    );
  });

  it("leaves out the actor drop-down lists when the workbook has no actor list to point at", async () => {
    const wb = new MemoryWorkbook().addSheet("Indstillinger");
    await createSomSheets(wb, "da");
    expect(wb.nameTarget(ACTOR_LIST_NAME)).toBeUndefined();
    const lists = wb.sheetSpec("Omkostninger")?.validations?.map((v) => v.list) ?? [];
    expect(lists).not.toContain(`=${ACTOR_LIST_NAME}`);
    expect(lists.length).toBeGreaterThan(0); // the kind list stays
  });

  it("writes nothing when every SØM sheet already exists", async () => {
    const wb = MemoryWorkbook.fromSpec(buildTemplateSpec("da"));
    const result = await createSomSheets(wb, "da");
    expect(result).toEqual({ created: [], skipped: TEMPLATE_SHEETS });
    expect(wb.writeSheetsCalls).toBe(0);
  });

  it("changes nothing when the write fails (all or nothing)", async () => {
    const wb = usersWorkbook();
    wb.failNextWrite = new Error("host refused");
    await expect(createSomSheets(wb, "da")).rejects.toThrow("host refused");
    expect((await wb.listSheets()).map((s) => s.name)).toEqual(["Budget", "Indstillinger"]);
  });

  it("sets up the sheets through the Office.js adapter (fake Excel) so that the reader finds every name", async () => {
    const fake = createFakeExcel(fakeWorkbook({ sheets: { Ark1: [["mine data"]] } }), { apiVersion: "1.18" });
    const wb = new OfficeWorkbook((batch) => fake.run(batch), {
      isSetSupported: (v) => fake.isSetSupported("ExcelApi", v),
    });
    const result = await createSomSheets(wb, "da");
    expect(result).toEqual({ created: TEMPLATE_SHEETS, skipped: [] });
    expect((await wb.listSheets()).map((s) => s.name)).toEqual(["Ark1", ...TEMPLATE_SHEETS]);
    const read = readScenario(await wb.readNames(SCENARIO_NAMES));
    // The blank template has no costs and no participants yet: two warnings, nothing else.
    expect(read.issues.map((i) => [i.code, i.severity])).toEqual([
      ["no-costs", "warning"],
      ["no-participants", "warning"],
    ]);
    expect(read.raw.actors.map((a) => a.name)).toEqual(["Kommune", "Region", "Stat"]);
    expect(read.raw.settings.horizon).toBe(10);
  });
});
