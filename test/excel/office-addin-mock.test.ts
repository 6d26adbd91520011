/**
 * Load/sync discipline checked with Microsoft's office-addin-mock: a property read before `load` + `sync`
 * returns a sentinel string ("Error, property was not loaded" / "…context.sync() was not called"), which would
 * show up in the result. The seed emulates Office's auto-loaded `isNullObject` on *OrNullObject getters.
 */
import { OfficeMockObject } from "office-addin-mock";

// office-addin-mock imports office-addin-manifest only for its OfficeApp enum; the real package pulls an ESM-only
// dependency (strip-bom) that jest's CommonJS runtime cannot load, so hand it the enum module alone.
jest.mock("office-addin-manifest", () => jest.requireActual("office-addin-manifest/lib/officeApp"));
import { OfficeWorkbook } from "../../src/excel/office-workbook";

function mockContext() {
  const seed = {
    workbook: {
      // office-addin-mock has no collections: the sheet list (for sheet ids) as a plain stand-in
      worksheets: {
        load(this: { items?: unknown[] }) {
          this.items = [{ id: "{1}", name: "Indsats", visibility: "Visible" }];
        },
      },
      names: {
        items: {
          som_indsats: {
            name: "SOM_Indsats",
            type: "Range",
            value: "Indsats!$B$1",
            formula: "=Indsats!$B$1",
            isNullObject: false,
            range: {
              address: "Indsats!B1",
              isNullObject: false,
              used: {
                address: "Indsats!B1",
                values: [["Mentorforløb"]],
                valueTypes: [["String"]],
                isNullObject: false,
              },
              getUsedRangeOrNullObject(this: { used: OfficeMockObject }) {
                this.used.load("isNullObject");
                return this.used;
              },
              // the row below (B2) and the column right (C1): the reading rule about cells outside a block
              below: { values: [[2025]] },
              right: { values: [[""]] },
              getRowsBelow(this: { below: OfficeMockObject }) {
                return this.below;
              },
              getColumnsAfter(this: { right: OfficeMockObject }) {
                return this.right;
              },
            },
            getRangeOrNullObject(this: { range: OfficeMockObject }) {
              this.range.load("isNullObject");
              return this.range;
            },
          },
          som_diskonteringsrente: {
            name: "SOM_Diskonteringsrente",
            type: "Double",
            value: 0.035,
            formula: "=0.035",
            isNullObject: false,
          },
        },
        missing: { name: "", type: "", value: "", formula: "", isNullObject: true },
        getItemOrNullObject(
          this: { items: Record<string, OfficeMockObject | undefined>; missing: OfficeMockObject },
          n: string,
        ) {
          const item = this.items[n.toLowerCase()] ?? this.missing;
          item.load("isNullObject");
          return item;
        },
      },
    },
  };
  const context = new OfficeMockObject(seed);
  let syncs = 0;
  const sync = context.sync.bind(context);
  context.sync = async () => {
    syncs++;
    await sync();
  };
  return { context, syncs: () => syncs };
}

describe("OfficeWorkbook against office-addin-mock", () => {
  it("loads every property it reads, in 2 syncs", async () => {
    const { context, syncs } = mockContext();
    const wb = new OfficeWorkbook((batch) => batch(context as unknown as Excel.RequestContext), {
      isSetSupported: () => true,
    });
    const out = await wb.readNames(["SOM_Indsats", "SOM_Diskonteringsrente", "SOM_Mangler"]);
    expect(syncs()).toBe(2);
    expect([...out.values()]).toEqual([
      {
        kind: "range",
        name: "SOM_Indsats",
        sheet: "Indsats",
        row: 0,
        col: 1,
        values: [["Mentorforløb"]],
        below: [2025],
        right: [null],
      },
      { kind: "constant", name: "SOM_Diskonteringsrente", value: 0.035 },
    ]);
  });

  it("the mock would expose a missing load (so the test above can fail)", async () => {
    const { context } = mockContext();
    const names = (
      context as unknown as { workbook: { names: { getItemOrNullObject(n: string): { type: unknown } } } }
    ).workbook.names;
    const item = names.getItemOrNullObject("SOM_Indsats");
    await context.sync();
    expect(item.type).toBe("Error, property was not loaded");
  });
});
