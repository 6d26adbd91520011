/**
 * The .xlsx packages the CLI writes, against Excel's own schemas (issue 15, item 3): every part of the files
 * `som calculate|sensitivity|simulate|compare --out` write — above all our chart parts (`xl/charts/chartN.xml`:
 * the Rapport sheet's cumulative net result per actor and tornado, Følsomhedsresultater's tornado, the fan chart
 * of Usikkerhedsresultater, the comparison lines of Sammenligning), their drawings, the worksheets carrying
 * `<drawing r:id>`, `[Content_Types].xml` and every `.rels` — is validated with `xmllint --schema` against the
 * ECMA-376 transitional schemas and the OPC schemas in test/fixtures/ooxml-schemas (see its README for the
 * source). Markup compatibility (ECMA-376 Part 3) is applied first, as a consumer does: attributes and elements
 * of namespaces a part declares `mc:Ignorable` (exceljs's `x14ac:dyDescent`) are removed before validation.
 * Relationships are also resolved (a schema cannot see a dangling `r:id` or target; Excel "repairs" those).
 * The mutation cases show the check can fail. Needs xmllint (Debian's libxml2-utils), like the manifest test.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { unzipSync } from "fflate";
import { copyPackageWithSheets } from "../../src/file/package-copy";
import { writeWorkbookSpec } from "../../src/file/xlsx-writer";
import type { SheetSpec } from "../../src/workbook/sheet-model";
import { som } from "../cli/som";

const SCHEMAS = path.join(__dirname, "..", "fixtures", "ooxml-schemas");
const SML = path.join(SCHEMAS, "transitional", "sml.xsd");
const CHART = path.join(SCHEMAS, "transitional", "dml-chart.xsd");
const DRAWING = path.join(SCHEMAS, "transitional", "dml-spreadsheetDrawing.xsd");
const THEME = path.join(SCHEMAS, "transitional", "dml-main.xsd");
const APP = path.join(SCHEMAS, "transitional", "shared-documentPropertiesExtended.xsd");
const CONTENT_TYPES = path.join(SCHEMAS, "opc", "opc-contentTypes.xsd");
const RELS = path.join(SCHEMAS, "opc", "opc-relationships.xsd");
const EXAMPLE = path.join(__dirname, "..", "..", "examples", "eksempel.xlsx");
const SCENARIOS = path.join(__dirname, "..", "..", "examples", "eksempel-scenarier.xlsx");

const OD = "application/vnd.openxmlformats-officedocument";
/** Content type → schema; null: deliberately not validated (said why). A type not listed fails the test. */
const SCHEMA_BY_TYPE: Readonly<Record<string, string | null>> = {
  [`${OD}.spreadsheetml.sheet.main+xml`]: SML,
  [`${OD}.spreadsheetml.worksheet+xml`]: SML,
  [`${OD}.spreadsheetml.styles+xml`]: SML,
  [`${OD}.spreadsheetml.sharedStrings+xml`]: SML,
  [`${OD}.spreadsheetml.comments+xml`]: SML,
  [`${OD}.drawingml.chart+xml`]: CHART,
  [`${OD}.drawing+xml`]: DRAWING,
  [`${OD}.theme+xml`]: THEME,
  [`${OD}.extended-properties+xml`]: APP,
  "application/vnd.openxmlformats-package.relationships+xml": RELS,
  // Dublin Core's schemas are not part of ECMA-376's set (core.xml is exceljs's, not ours)
  "application/vnd.openxmlformats-package.core-properties+xml": null,
  // VML (the notes' legacy shapes, exceljs's): VML has no schema a validator can use on Office's output
  [`${OD}.vmlDrawing`]: null,
};

const NS_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006";

/**
 * A part as a consumer that understands no extension sees it (ECMA-376 Part 3): the `mc:Ignorable` attribute
 * and the attributes and elements (no nesting of the same name) of the namespaces it lists are removed.
 */
function ignoreMarkupCompatibility(xml: string): string {
  const mc = new RegExp(`xmlns:([\\w.-]+)="${NS_MC.replace(/[.]/g, "\\.")}"`).exec(xml)?.[1];
  if (mc === undefined) return xml;
  const ignorable = new RegExp(`\\s${mc}:Ignorable="([^"]*)"`);
  const prefixes = (ignorable.exec(xml)?.[1] ?? "").split(/\s+/).filter((p) => p !== "");
  let out = xml.replace(ignorable, "");
  for (const p of prefixes) {
    out = out
      .replace(new RegExp(`\\s${p}:[\\w.-]+="[^"]*"`, "g"), "")
      .replace(new RegExp(`<${p}:([\\w.-]+)\\b[^>]*/>`, "g"), "")
      .replace(new RegExp(`<${p}:([\\w.-]+)\\b[^>]*>[\\s\\S]*?</${p}:\\1>`, "g"), "");
  }
  return out;
}

interface Part {
  readonly name: string;
  readonly xml: string;
}

/** Validates `parts` against `schema` in one xmllint run; the failing parts with xmllint's messages. */
function xmllint(parts: readonly Part[], schema: string): string[] {
  if (parts.length === 0) return [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "som-ooxml-"));
  try {
    const files = parts.map((p, k) => {
      const file = path.join(dir, `${k}-${p.name.replace(/[^\w.-]+/g, "_")}`);
      fs.writeFileSync(file, ignoreMarkupCompatibility(p.xml));
      return { file, name: p.name };
    });
    const r = spawnSync("xmllint", ["--noout", "--schema", schema, ...files.map((f) => f.file)], {
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    });
    if (r.error !== undefined) throw r.error;
    const stderr = r.stderr;
    if (/failed to compile|WXS schema .* failed/i.test(stderr))
      throw new Error(`schema ${schema}: ${stderr}`);
    const errors: string[] = [];
    for (const f of files) {
      if (stderr.includes(`${f.file} validates`)) continue;
      const lines = stderr
        .split("\n")
        .filter((l) => l.startsWith(`${f.file}:`))
        .slice(0, 5)
        .map((l) => l.slice(f.file.length));
      errors.push(`${f.name} (${path.basename(schema)}): ${lines.join(" | ") || "fails to validate"}`);
    }
    if (r.status !== 0 && errors.length === 0) throw new Error(`xmllint exit ${r.status}: ${stderr}`);
    return errors;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

type Files = Record<string, string>;

function decode(bytes: Uint8Array): Files {
  const files: Files = {};
  const decoder = new TextDecoder();
  for (const [name, data] of Object.entries(unzipSync(bytes)))
    if (!name.endsWith("/")) files[name] = decoder.decode(data);
  return files;
}

const attr = (tag: string, name: string): string | undefined =>
  new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

/** The content type of each part ([Content_Types].xml: Override by name, else Default by extension). */
function contentTypes(files: Files): Map<string, string | undefined> {
  const ct = files["[Content_Types].xml"] ?? "";
  const overrides = new Map<string, string>();
  const defaults = new Map<string, string>();
  for (const m of ct.matchAll(/<Override\b[^>]*>/g))
    overrides.set(
      (attr(m[0], "PartName") ?? "").replace(/^\//, "").toLowerCase(),
      attr(m[0], "ContentType") ?? "",
    );
  for (const m of ct.matchAll(/<Default\b[^>]*>/g))
    defaults.set((attr(m[0], "Extension") ?? "").toLowerCase(), attr(m[0], "ContentType") ?? "");
  const out = new Map<string, string | undefined>();
  for (const name of Object.keys(files)) {
    if (name === "[Content_Types].xml") continue;
    const ext = name.slice(name.lastIndexOf(".") + 1).toLowerCase();
    out.set(name, overrides.get(name.toLowerCase()) ?? defaults.get(ext));
  }
  return out;
}

/** Every part validated against its content type's schema; the problems (empty when the package is valid). */
function validatePackage(files: Files): string[] {
  const problems: string[] = [];
  const groups = new Map<string, Part[]>([
    [CONTENT_TYPES, [{ name: "[Content_Types].xml", xml: files["[Content_Types].xml"] ?? "" }]],
  ]);
  for (const [name, type] of contentTypes(files)) {
    const schema = type === undefined ? undefined : SCHEMA_BY_TYPE[type];
    if (schema === undefined) {
      problems.push(`${name}: content type ${type ?? "(none)"} has no schema decision in this test`);
      continue;
    }
    if (schema === null) continue;
    const list = groups.get(schema) ?? [];
    list.push({ name, xml: files[name] as string });
    groups.set(schema, list);
  }
  for (const [schema, parts] of groups) problems.push(...xmllint(parts, schema));
  return problems;
}

/** Relationships resolve: every internal target exists, and every `r:…` id of a part is in its `.rels`. */
function checkRelationships(files: Files): string[] {
  const problems: string[] = [];
  for (const [relsName, rels] of Object.entries(files)) {
    const m = /^(.*?)_rels\/([^/]*)\.rels$/.exec(relsName);
    if (m === null) continue;
    const dir = m[1] as string;
    const source = `${dir}${m[2] as string}`;
    const ids = new Set<string>();
    for (const r of rels.matchAll(/<Relationship\b[^>]*>/g)) {
      const id = attr(r[0], "Id") ?? "";
      if (ids.has(id)) problems.push(`${relsName}: duplicate Id ${id}`);
      ids.add(id);
      if (attr(r[0], "TargetMode") === "External") continue;
      const target = attr(r[0], "Target") ?? "";
      const resolved = target.startsWith("/") ? target.slice(1) : path.posix.normalize(`${dir}${target}`);
      if (files[resolved] === undefined) problems.push(`${relsName}: ${id} → ${target}: no such part`);
    }
    const sourceXml = files[source];
    if (sourceXml === undefined) {
      if (source !== "") problems.push(`${relsName}: no source part ${source}`);
      continue;
    }
    for (const ref of sourceXml.matchAll(/\sr:(?:id|embed|link|pict)="([^"]*)"/g))
      if (!ids.has(ref[1] as string)) problems.push(`${source}: r:id ${ref[1] as string} not in ${relsName}`);
  }
  return problems;
}

const charts = (files: Files): string[] =>
  Object.keys(files).filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n));

describe("written packages against the ECMA-376 transitional and OPC schemas (xmllint)", () => {
  let dir: string;
  const packages: Record<string, Files> = {};
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "som-ooxml-cli-"));
    const runs: Record<string, string[]> = {
      calculate: ["calculate", EXAMPLE],
      sensitivity: ["sensitivity", EXAMPLE],
      simulate: ["simulate", EXAMPLE, "--iterations", "50"],
      compare: ["compare", SCENARIOS],
      "calculate --lang en": ["calculate", EXAMPLE, "--lang", "en"],
    };
    for (const [key, args] of Object.entries(runs)) {
      const out = path.join(dir, `${key.replace(/\W+/g, "-")}.xlsx`);
      const r = await som([...args, "--out", out]);
      if (r.code !== 0) throw new Error(`som ${key} failed: ${r.err}`);
      packages[key] = decode(fs.readFileSync(out));
    }
  }, 240_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("xmllint is installed (Debian's libxml2-utils)", () => {
    expect(spawnSync("xmllint", ["--version"]).status).toBe(0);
  });

  it("every command writes its charts (Rapport: 2, Følsomhedsresultater: 1, Usikkerhedsresultater: 1, Sammenligning: 1)", () => {
    expect(charts(packages.calculate as Files)).toHaveLength(2);
    expect(charts(packages.sensitivity as Files)).toHaveLength(1);
    expect(charts(packages.simulate as Files)).toHaveLength(1);
    expect(charts(packages.compare as Files)).toHaveLength(1);
    const kinds = Object.values(packages).flatMap((f) =>
      charts(f).map((c) => /<c:(lineChart|barChart)>/.exec(f[c] as string)?.[1]),
    );
    expect(new Set(kinds)).toEqual(new Set(["lineChart", "barChart"]));
  });

  it.each(["calculate", "sensitivity", "simulate", "compare", "calculate --lang en"])(
    "som %s --out: every part is schema-valid and every relationship resolves",
    (key) => {
      const files = packages[key] as Files;
      expect(validatePackage(files)).toEqual([]);
      expect(checkRelationships(files)).toEqual([]);
    },
  );

  it("the chart-parts fixture (escaped names, text and number categories, a notes sheet) and its --out copy are valid", async () => {
    const sheet: SheetSpec = {
      name: "Mit ark & <co>",
      role: "result",
      blocks: [
        {
          row: 0,
          col: 0,
          values: [
            ["År", "A"],
            [2025, -1],
            [2026, 2],
          ],
        },
        {
          row: 0,
          col: 4,
          values: [
            ["Priser & <løn>", 3],
            ["Omkostninger", -2],
          ],
        },
      ],
      notes: [{ ref: "A1", text: "en note" }],
      charts: [
        {
          kind: "line",
          title: 'Linje "1"',
          categories: "A2:A3",
          series: [{ name: "A & B", ref: "B2:B3" }],
          anchor: "A6",
          widthCols: 5,
          heightRows: 10,
        },
        {
          kind: "bar",
          title: "Søjle",
          categories: "E1:E2",
          series: [{ name: "x", ref: "F1:F2" }],
          anchor: "H6",
          widthCols: 5,
          heightRows: 10,
        },
      ],
    };
    const plain: SheetSpec = { name: "Ark1", role: "result", blocks: [{ row: 0, col: 0, values: [["x"]] }] };
    const written = await writeWorkbookSpec({ sheets: [plain, sheet], names: [] });
    const copied = await copyPackageWithSheets(written, { sheets: [sheet], names: [] });
    for (const files of [decode(written), decode(copied)]) {
      expect(charts(files).length).toBeGreaterThanOrEqual(2);
      expect(validatePackage(files)).toEqual([]);
      expect(checkRelationships(files)).toEqual([]);
    }
  });

  describe("the check can fail", () => {
    const chartOf = (): string => {
      const f = packages.calculate as Files;
      return f[charts(f)[0] as string] as string;
    };
    const one = (name: string, xml: string, schema: string): string[] => xmllint([{ name, xml }], schema);

    it("accepts the unchanged chart (the baseline of the mutations)", () => {
      expect(one("chart.xml", chartOf(), CHART)).toEqual([]);
    });

    it("rejects a chart whose c:autoTitleDeleted comes before c:title (CT_Chart's sequence)", () => {
      const xml = chartOf();
      const t = /<c:title>[\s\S]*?<\/c:title>/.exec(xml)?.[0] as string;
      const bad = xml
        .replace(t, "")
        .replace('<c:autoTitleDeleted val="0"/>', `<c:autoTitleDeleted val="0"/>${t}`);
      expect(bad).not.toEqual(xml);
      expect(one("chart.xml", bad, CHART).join("\n")).toMatch(/title.*not expected/);
    });

    it("rejects a chart with an attribute value outside its enumeration (legendPos 'bottom')", () => {
      const bad = chartOf().replace('<c:legendPos val="b"/>', '<c:legendPos val="bottom"/>');
      expect(one("chart.xml", bad, CHART).join("\n")).toMatch(/legendPos/);
    });

    it("rejects a drawing anchor without its required xdr:clientData", () => {
      const f = packages.sensitivity as Files;
      const drawing = f["xl/drawings/drawing1.xml"] as string;
      expect(one("drawing.xml", drawing, DRAWING)).toEqual([]);
      expect(one("drawing.xml", drawing.replace("<xdr:clientData/>", ""), DRAWING).join("\n")).toMatch(
        /twoCellAnchor/,
      );
    });

    it("rejects a worksheet whose <drawing> follows <legacyDrawing> (CT_Worksheet's sequence)", () => {
      const f = packages.sensitivity as Files;
      const sheet = Object.entries(f).find(
        ([n, x]) =>
          n.startsWith("xl/worksheets/sheet") && x.includes("<legacyDrawing") && x.includes("<drawing "),
      );
      expect(sheet).toBeDefined();
      const xml = (sheet as [string, string])[1];
      const drawing = /<drawing [^>]*\/>/.exec(xml)?.[0] as string;
      const bad = xml.replace(drawing, "").replace(/(<legacyDrawing [^>]*\/>)/, `$1${drawing}`);
      expect(one("sheet.xml", xml, SML)).toEqual([]);
      expect(one("sheet.xml", bad, SML).join("\n")).toMatch(/drawing.*not expected/);
    });

    it("rejects [Content_Types].xml with an Override lacking ContentType, and a .rels without Target", () => {
      const f = packages.compare as Files;
      const ct = f["[Content_Types].xml"] as string;
      expect(
        one(
          "ct.xml",
          ct.replace(/(<Override PartName="\/xl\/charts\/chart1\.xml") ContentType="[^"]*"/, "$1"),
          CONTENT_TYPES,
        ).join("\n"),
      ).toMatch(/ContentType/);
      const rels = f["xl/drawings/_rels/drawing1.xml.rels"] as string;
      expect(one("d.rels", rels.replace(/ Target="[^"]*"/, ""), RELS).join("\n")).toMatch(/Target/);
    });

    it("finds a dangling relationship target and an r:id missing from the .rels", () => {
      const f = { ...(packages.compare as Files) };
      const rels = f["xl/drawings/_rels/drawing1.xml.rels"] as string;
      f["xl/drawings/_rels/drawing1.xml.rels"] = rels.replace(
        "../charts/chart1.xml",
        "../charts/chart99.xml",
      );
      f["xl/drawings/drawing1.xml"] = (f["xl/drawings/drawing1.xml"] as string).replace(
        'r:id="rId1"',
        'r:id="rId7"',
      );
      const problems = checkRelationships(f).join("\n");
      expect(problems).toMatch(/chart99\.xml: no such part/);
      expect(problems).toMatch(/r:id rId7 not in/);
    });

    it("applies mc:Ignorable only to the namespaces it lists", () => {
      const xml =
        `<w xmlns:mc="${NS_MC}" mc:Ignorable="x14ac" xmlns:x14ac="urn:a" xmlns:y="urn:b">` +
        `<r x14ac:dyDescent="1" y:k="2"/><x14ac:e a="1">t</x14ac:e></w>`;
      expect(ignoreMarkupCompatibility(xml)).toBe(
        `<w xmlns:mc="${NS_MC}" xmlns:x14ac="urn:a" xmlns:y="urn:b"><r y:k="2"/></w>`,
      );
    });
  });
});
