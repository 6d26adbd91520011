/**
 * A workbook made before v2 (no SOM_Horisontmetode, SOM_Varighed or SOM_Perspektiv) now calculates per cohort
 * (issue 11, CHANGELOG), and the way back to the old figures that the result sheet's rules and the CHANGELOG
 * describe works: define SOM_Horisontmetode as «Kalenderår» — here as a named constant (Name Manager:
 * refers to ="Kalenderår"), as a user of an old workbook without that row on Indstillinger would.
 *
 * The inputs are one-actor.xlsx's; the expected figures are the hand calculations of per-cohort.calc.md
 * (Σ NR 100.000, 2025–2028) and one-actor.calc.md (Kalenderår: Σ NR 50.000, 2025–2027, 50.000 beyond).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { writeWorkbookSpec } from "../../src/file/xlsx-writer";
import { buildTemplateSpec } from "../../src/workbook/layout/build-template-spec";
import { N } from "../../src/workbook/names";
import type { WorkbookSpec } from "../../src/workbook/sheet-model";
import { som } from "../cli/som";
import { ONE_ACTOR } from "./fixture-data";

const V2_NAMES = new Set([N.horizonMethod, N.duration, N.perspective].map((n) => n.toLowerCase()));

/** one-actor's template without the v2 names (the cells stay, as labels a v1 workbook would not have). */
function v1Workbook(): WorkbookSpec {
  const spec = buildTemplateSpec({ lang: "da", data: ONE_ACTOR });
  return { ...spec, names: spec.names.filter((n) => !V2_NAMES.has(n.name.toLowerCase())) };
}

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "som-old-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

interface Doc {
  years: number[];
  total: { netTotal: number };
  beyondHorizon: number;
  horizon: { method: string };
}

async function calculateJson(spec: WorkbookSpec, file: string): Promise<Doc> {
  const p = path.join(dir, file);
  fs.writeFileSync(p, await writeWorkbookSpec(spec));
  const r = await som(["calculate", p, "--json"]);
  expect(r.code).toBe(0);
  return JSON.parse(r.out) as Doc;
}

describe("a workbook made before v2", () => {
  it("now calculates per cohort (per-cohort.calc.md: 2025–2028, Σ NR 100.000)", async () => {
    const doc = await calculateJson(v1Workbook(), "v1.xlsx");
    expect(doc.horizon.method).toBe("perCohort");
    expect(doc.years).toEqual([2025, 2026, 2027, 2028]);
    expect(doc.total.netTotal).toBe(100_000);
  });

  it("gives the first version's figures when SOM_Horisontmetode is defined as Kalenderår (one-actor.calc.md)", async () => {
    const spec = v1Workbook();
    const doc = await calculateJson(
      { ...spec, names: [...spec.names, { name: N.horizonMethod, constant: "Kalenderår" }] },
      "v1-kalenderaar.xlsx",
    );
    expect(doc.horizon.method).toBe("calendar");
    expect(doc.years).toEqual([2025, 2026, 2027]);
    expect(doc.total.netTotal).toBe(50_000);
    expect(doc.beyondHorizon).toBe(50_000);
  });
});
