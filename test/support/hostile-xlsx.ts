/**
 * A generator of malformed and hostile .xlsx files for the fuzz suite (test/file/fuzz.test.ts) and the fuzz
 * benchmark (bench/fuzz.bench.ts): zip bombs, huge dimensions and merges, million-entry name tables, deep XML,
 * entities, bad UTF-8/UTF-16, references beyond XFD/1048576, over-long text, formula cells without values,
 * prototype-key sheet names, sheets differing in case, external and multi-area names — mostly planted in the
 * bundled example workbook so that everything else about the file is a real SØM workbook — and seeded random
 * byte mutations and truncations of it. Deterministic: the same list every run.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from "fflate";

export interface HostileCase {
  readonly name: string;
  /** Builds the file (lazily: some are large to build). */
  readonly bytes: () => Uint8Array;
}

const EXAMPLE = path.join(__dirname, "..", "..", "examples", "eksempel.xlsx");

type Parts = Record<string, Uint8Array>;

function exampleParts(): Parts {
  return unzipSync(new Uint8Array(fs.readFileSync(EXAMPLE)));
}

function zip(parts: Parts, level: 0 | 6 | 9 = 6): Uint8Array {
  const out: Zippable = Object.create(null) as Zippable;
  for (const k of Object.keys(parts)) out[k] = parts[k]!;
  return zipSync(out, { level });
}

/** The zip path of the worksheet called `sheet` in the example. */
function sheetPath(parts: Parts, sheet: string): string {
  const wb = strFromU8(parts["xl/workbook.xml"]!);
  const rels = strFromU8(parts["xl/_rels/workbook.xml.rels"]!);
  const m = new RegExp(`<sheet [^>]*name="${sheet}"[^>]*r:id="(rId\\d+)"`).exec(wb);
  if (!m) throw new Error(`no sheet ${sheet}`);
  const t = new RegExp(`Id="${m[1]}"[^>]*Target="([^"]+)"`).exec(rels);
  if (!t) throw new Error(`no relationship ${m[1]}`);
  return `xl/${t[1]!.replace(/^\/?xl\//, "")}`;
}

/** The example with one part's text changed. */
function editPart(
  part: string | ((p: Parts) => string),
  edit: (xml: string) => string,
  level?: 0 | 6 | 9,
): Uint8Array {
  const parts = exampleParts();
  const key = typeof part === "string" ? part : part(parts);
  parts[key] = strToU8(edit(strFromU8(parts[key]!)));
  return zip(parts, level);
}

const afterSheetData = (xml: string, insert: string): string =>
  xml.replace("</sheetData>", `</sheetData>${insert}`);
const prices = (p: Parts): string => sheetPath(p, "Priser");
const workbookXml = "xl/workbook.xml";
const sst = "xl/sharedStrings.xml";

/** xorshift32: a tiny deterministic generator for the mutations. */
function rng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 4294967296;
  };
}

function renameSheet(from: string, to: string): Uint8Array {
  const parts = exampleParts();
  const swap = (xml: string): string =>
    xml.split(`name="${from}"`).join(`name="${to}"`).split(`>${from}!`).join(`>'${to}'!`);
  parts[workbookXml] = strToU8(swap(strFromU8(parts[workbookXml]!)));
  return zip(parts);
}

/** Every hostile case, named for the report. */
export function hostileCases(): HostileCase[] {
  const cases: HostileCase[] = [
    // ── zip level ──
    {
      name: "zip bomb: a part declaring 4 GB",
      bytes: () => {
        const z = zip(exampleParts(), 0);
        // patch the central directory's declared size of xl/sharedStrings.xml
        const out = z.slice();
        const dv = new DataView(out.buffer);
        let e = out.length - 22;
        while (dv.getUint32(e, true) !== 0x06054b50) e -= 1;
        let o = dv.getUint32(e + 16, true);
        for (let i = 0; i < dv.getUint16(e + 10, true); i++) {
          const n = dv.getUint16(o + 28, true);
          if (strFromU8(out.subarray(o + 46, o + 46 + n)) === sst) dv.setUint32(o + 24, 0xffffffff, true);
          o += 46 + n + dv.getUint16(o + 30, true) + dv.getUint16(o + 32, true);
        }
        return out;
      },
    },
    {
      name: "zip bomb: 120 MB of zeros in one worksheet (real ratio ~1000:1)",
      bytes: () => {
        const parts = exampleParts();
        const big = new Uint8Array(120 * 1024 * 1024).fill(0x20);
        parts[prices(parts)] = big;
        return zip(parts, 9);
      },
    },
    {
      name: "10.001 zip entries",
      bytes: () => {
        const parts = exampleParts();
        for (let i = 0; i < 10_001; i++) parts[`customXml/x${i}.xml`] = strToU8("<a/>");
        return zip(parts, 0);
      },
    },
    {
      name: "not a zip (random bytes)",
      bytes: () => Uint8Array.from({ length: 5000 }, (_, i) => (i * 7919) % 251),
    },
    { name: "empty file", bytes: () => new Uint8Array(0) },
    {
      name: "zip-slip entry names (../../etc/passwd, absolute, backslashes)",
      bytes: () => {
        const parts = exampleParts();
        parts["../../etc/passwd"] = strToU8("root:x:0:0");
        parts["/tmp/evil.xml"] = strToU8("<a/>");
        parts["..\\..\\evil.xml"] = strToU8("<a/>");
        return zip(parts);
      },
    },
    // ── dimensions, merges, columns, validations (what exceljs expands cell by cell) ──
    {
      name: "dimension A1:XFD1048576",
      bytes: () =>
        editPart(prices, (x) => x.replace(/<dimension ref="[^"]*"\/>/, `<dimension ref="A1:XFD1048576"/>`)),
    },
    {
      name: "merge over C100:XFD1048576",
      bytes: () =>
        editPart(prices, (x) =>
          afterSheetData(x, `<mergeCells count="1"><mergeCell ref="C100:XFD1048576"/></mergeCells>`),
        ),
    },
    {
      name: "60.000 merges",
      bytes: () =>
        editPart(prices, (x) =>
          afterSheetData(
            x,
            `<mergeCells count="60000">${Array.from({ length: 60_000 }, (_, i) => `<mergeCell ref="J${i + 100}:K${i + 100}"/>`).join("")}</mergeCells>`,
          ),
        ),
    },
    {
      name: `<col min="1" max="2000000000"> (27 KB file)`,
      bytes: () =>
        editPart(prices, (x) =>
          x.replace(
            /<cols>.*?<\/cols>/,
            `<cols><col min="1" max="2000000000" width="9" customWidth="1"/></cols>`,
          ),
        ),
    },
    {
      name: "data validation over A:Z",
      bytes: () =>
        editPart(prices, (x) =>
          afterSheetData(
            x,
            `<dataValidations count="1"><dataValidation type="list" allowBlank="1" sqref="A1:Z1048576"><formula1>"a,b"</formula1></dataValidation></dataValidations>`,
          ),
        ),
    },
    // ── names ──
    {
      name: "1.000.000 defined names",
      bytes: () =>
        editPart(
          workbookXml,
          (x) =>
            x.replace(
              "<definedNames>",
              `<definedNames>${Array.from({ length: 1_000_000 }, (_, i) => `<definedName name="N${i}">1</definedName>`).join("")}`,
            ),
          9,
        ),
    },
    {
      name: "SOM_Priser defined twice",
      bytes: () =>
        editPart(workbookXml, (x) =>
          x.replace(
            "<definedNames>",
            `<definedNames><definedName name="SOM_Priser">Priser!$A$1:$B$2</definedName>`,
          ),
        ),
    },
    {
      name: "SOM_Priser as an external name",
      bytes: () =>
        editPart(workbookXml, (x) =>
          x.replace(/(<definedName name="SOM_Priser">)[^<]*/, "$1[1]Priser!$A$4:$F$20"),
        ),
    },
    {
      name: "SOM_Priser as a multi-area name",
      bytes: () =>
        editPart(workbookXml, (x) =>
          x.replace(/(<definedName name="SOM_Priser">)[^<]*/, "$1Priser!$A$4:$C$20,Priser!$E$4:$F$20"),
        ),
    },
    {
      name: "SOM_Priser over the whole sheet",
      bytes: () =>
        editPart(workbookXml, (x) =>
          x.replace(/(<definedName name="SOM_Priser">)[^<]*/, "$1Priser!$A$1:$XFD$1048576"),
        ),
    },
    {
      name: "a 100.000-character name formula",
      bytes: () =>
        editPart(workbookXml, (x) =>
          x.replace(
            "<definedNames>",
            `<definedNames><definedName name="Lang">"${"x".repeat(100_000)}"</definedName>`,
          ),
        ),
    },
    // ── XML ──
    {
      name: "deep XML: 100.000 nested elements in a worksheet",
      bytes: () =>
        editPart(
          prices,
          (x) => afterSheetData(x, `${"<extLst>".repeat(100_000)}${"</extLst>".repeat(100_000)}`),
          9,
        ),
    },
    {
      name: "billion laughs in the shared strings",
      bytes: () =>
        editPart(sst, (x) => {
          const dtd = `<!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa">${Array.from({ length: 9 }, (_, i) => `<!ENTITY ${String.fromCharCode(98 + i)} "${`&${String.fromCharCode(97 + i)};`.repeat(10)}">`).join("")}]>`;
          return x.replace("?>", `?>${dtd}`).replace("<t>Priser</t>", "<t>&j;</t>");
        }),
    },
    {
      name: "external entity (XXE) in the workbook part",
      bytes: () =>
        editPart(workbookXml, (x) =>
          x
            .replace("?>", `?><!DOCTYPE workbook [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>`)
            .replace(/(<definedName name="SOM_Indsats">)/, "$1&xxe;"),
        ),
    },
    {
      name: "bad UTF-8 in the shared strings",
      bytes: () => {
        const parts = exampleParts();
        const text = parts[sst]!;
        const at = strFromU8(text).indexOf("<t>") + 3;
        const bad = new Uint8Array(text.length + 3);
        bad.set(text.subarray(0, at));
        bad.set([0xc3, 0x28, 0xff], at);
        bad.set(text.subarray(at), at + 3);
        parts[sst] = bad;
        return zip(parts);
      },
    },
    {
      name: "a worksheet in UTF-16LE with a byte-order mark",
      bytes: () => {
        const parts = exampleParts();
        const key = prices(parts);
        const xml = strFromU8(parts[key]!).replace('encoding="UTF-8"', 'encoding="UTF-16"');
        const u16 = new Uint8Array(2 + xml.length * 2);
        u16.set([0xff, 0xfe]);
        for (let i = 0; i < xml.length; i++) {
          u16[2 + i * 2] = xml.charCodeAt(i) & 0xff;
          u16[3 + i * 2] = xml.charCodeAt(i) >> 8;
        }
        parts[key] = u16;
        return zip(parts);
      },
    },
    // ── cells ──
    {
      name: "a cell beyond column XFD",
      bytes: () =>
        editPart(prices, (x) =>
          x.replace("</sheetData>", `<row r="200"><c r="XFE200"><v>1</v></c></row></sheetData>`),
        ),
    },
    {
      name: "a row beyond 1048576",
      bytes: () =>
        editPart(prices, (x) =>
          x.replace("</sheetData>", `<row r="1048577"><c r="A1048577"><v>1</v></c></row></sheetData>`),
        ),
    },
    {
      name: "32.768 characters of text in a cell",
      bytes: () =>
        editPart(prices, (x) =>
          x.replace(
            "</sheetData>",
            `<row r="300"><c r="A300" t="inlineStr"><is><t>${"x".repeat(32_768)}</t></is></c></row></sheetData>`,
          ),
        ),
    },
    {
      name: "a price cell holding a formula without a stored value",
      bytes: () =>
        editPart(prices, (x) =>
          x.replace(/<c r="D5"([^>]*)><v>[^<]*<\/v><\/c>/, `<c r="D5"$1><f>1/0*SUM(A1)</f></c>`),
        ),
    },
    {
      name: "a duplicate price cell (last wins in lenient readers)",
      bytes: () =>
        editPart(prices, (x) =>
          x.replace(/(<c r="D5"[^>]*><v>[^<]*<\/v><\/c>)/, `$1<c r="D5"><v>250000</v></c>`),
        ),
    },
    {
      name: "a price written as hex (0x3D090)",
      bytes: () => editPart(prices, (x) => x.replace(/(<c r="D5"[^>]*><v>)[^<]*(<\/v>)/, "$10x3D090$2")),
    },
    {
      name: "a price of 1e308 (overflows when summed)",
      bytes: () => editPart(prices, (x) => x.replace(/(<c r="D5"[^>]*><v>)[^<]*(<\/v>)/, "$11e308$2")),
    },
    {
      name: "a shared-string index out of range",
      bytes: () =>
        editPart(prices, (x) => x.replace(/(<c r="A5"[^>]*t="s"[^>]*><v>)\d+(<\/v>)/, "$199999$2")),
    },
    // ── sheets ──
    ...["__proto__", "constructor", "toString", "hasOwnProperty"].map((key) => ({
      name: `the Priser sheet renamed ${key}`,
      bytes: () => renameSheet("Priser", key),
    })),
    {
      name: "two sheets differing only in case (Priser, PRISER)",
      bytes: () => renameSheet("Følsomhed", "PRISER"),
    },
    {
      name: "a sheet name with control and bidi characters",
      bytes: () => renameSheet("Priser", "Pri\u202eser\u0085"),
    },
    {
      name: "1.001 sheets",
      bytes: () =>
        editPart(workbookXml, (x) =>
          x.replace(
            "</sheets>",
            `${Array.from({ length: 1001 }, (_, i) => `<sheet name="S${i}" sheetId="${100 + i}" r:id="rIdX${i}"/>`).join("")}</sheets>`,
          ),
        ),
    },
  ];
  // ── seeded random byte mutations and truncations of the example ──
  const base = new Uint8Array(fs.readFileSync(EXAMPLE));
  for (let seed = 1; seed <= 20; seed++) {
    cases.push({
      name: `random mutation #${seed} (${seed * 3} bytes flipped)`,
      bytes: () => {
        const r = rng(seed * 2654435761);
        const out = base.slice();
        for (let i = 0; i < seed * 3; i++) out[Math.floor(r() * out.length)] = Math.floor(r() * 256);
        return out;
      },
    });
  }
  for (const frac of [0.1, 0.5, 0.9, 0.99]) {
    cases.push({
      name: `truncated to ${frac * 100} %`,
      bytes: () => base.slice(0, Math.floor(base.length * frac)),
    });
  }
  // ── seeded random worksheets: random cells of every type in the Priser block ──
  for (let seed = 1; seed <= 5; seed++) {
    cases.push({
      name: `random cells in the Priser sheet #${seed}`,
      bytes: () =>
        editPart(prices, (x) => {
          const r = rng(seed * 40503);
          const types = ["", ' t="s"', ' t="b"', ' t="e"', ' t="str"', ' t="d"', ' t="n"', ' t="zz"'];
          const values = [
            "1",
            "-0",
            "1e-300",
            "9".repeat(400),
            "NaN",
            "",
            "#REF!",
            "TRUE",
            "2024-13-45",
            "0",
            "17",
            "-1",
          ];
          const rows: string[] = [];
          for (let row = 30; row < 60; row++) {
            const cells: string[] = [];
            for (let col = 0; col < 8; col++) {
              const t = types[Math.floor(r() * types.length)]!;
              const v = values[Math.floor(r() * values.length)]!;
              cells.push(`<c r="${String.fromCharCode(65 + col)}${row}"${t}><v>${v}</v></c>`);
            }
            rows.push(`<row r="${row}">${cells.join("")}</row>`);
          }
          return x.replace("</sheetData>", `${rows.join("")}</sheetData>`);
        }),
    });
  }
  return cases;
}

/** The example with a `_som_scenarier` sheet holding `rows` (cells as [A1, value]) under `SOM_Scenarier`. */
export function exampleWithStore(rows: readonly (readonly (string | number | null)[])[]): Uint8Array {
  const parts = exampleParts();
  const esc = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const cells = rows
    .map(
      (r, i) =>
        `<row r="${i + 1}">${r
          .map((v, c) =>
            v === null
              ? ""
              : typeof v === "number"
                ? `<c r="${String.fromCharCode(65 + c)}${i + 1}"><v>${v}</v></c>`
                : `<c r="${String.fromCharCode(65 + c)}${i + 1}" t="inlineStr"><is><t>${esc(v)}</t></is></c>`,
          )
          .join("")}</row>`,
    )
    .join("");
  parts["xl/worksheets/som_store.xml"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${cells}</sheetData></worksheet>`,
  );
  parts["xl/_rels/workbook.xml.rels"] = strToU8(
    strFromU8(parts["xl/_rels/workbook.xml.rels"]!).replace(
      "</Relationships>",
      `<Relationship Id="rIdStore" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/som_store.xml"/></Relationships>`,
    ),
  );
  parts[workbookXml] = strToU8(
    strFromU8(parts[workbookXml]!)
      .replace(
        "</sheets>",
        `<sheet name="_som_scenarier" sheetId="99" state="hidden" r:id="rIdStore"/></sheets>`,
      )
      .replace(
        "<definedNames>",
        `<definedNames><definedName name="SOM_Scenarier">_som_scenarier!$A$1:$H$${Math.max(1, rows.length)}</definedName>`,
      ),
  );
  return zip(parts);
}

/** Hostile scenario stores (`som compare`, the pane's Scenarier tab): each a list of store rows. */
export function hostileStores(
  title: string,
): { readonly name: string; readonly rows: (string | number | null)[][] }[] {
  const head: (string | number | null)[][] = [
    [title, null, null, null, null, null, null, null],
    ["Scenarie", "Post", "Navn", "Felt", "Række", "Kolonne", "Type", "Værdi"],
  ];
  const scenario = (id: number, extra: (string | number | null)[][] = []): (string | number | null)[][] => [
    [id, "scenarie", null, "navn", null, null, "s", `Scenarie ${id}`],
    ...extra,
  ];
  return [
    {
      name: "50 scenarios each declaring a 1000 × 1000 price grid",
      rows: [
        ...head,
        ...Array.from({ length: 50 }, (_, i) =>
          scenario(i + 1, [
            [i + 1, "område", "SOM_Priser", null, 3, 0, "s", "Priser"],
            [i + 1, "form", "SOM_Priser", null, 1000, 1000, null, null],
          ]),
        ).flat(),
      ],
    },
    {
      name: "a grid declaring 5e9 rows",
      rows: [
        ...head,
        ...scenario(1, [
          [1, "område", "SOM_Priser", null, 3, 0, "s", "Priser"],
          [1, "form", "SOM_Priser", null, 5e9, 5e9, null, null],
        ]),
      ],
    },
    {
      name: "prototype keys as names and ids",
      rows: [
        ...head,
        ...scenario(1, [
          [1, "konstant", "__proto__", null, null, null, "n", "1"],
          [1, "område", "constructor", null, 0, 0, "s", "Priser"],
          ["__proto__", "scenarie", null, "navn", null, null, "s", "x"],
        ]),
      ],
    },
    {
      name: "a 100.000-character scenario name and garbage records",
      rows: [
        ...head,
        [1, "scenarie", null, "navn", null, null, "s", "x".repeat(32_000)],
        [1, "celle", "SOM_Priser", null, -1, 1e300, "q", "NaN"],
        [1, "nøgletal", "total", "total.netTotal", null, null, "n", "1e999"],
        [2, "ukendt", null, null, null, null, null, null],
      ],
    },
  ];
}

/** Hostile knowledge files as JSON text (the pane's and the CLI's knowledge import). */
export function hostileKnowledgeJson(): { readonly name: string; readonly text: () => string }[] {
  return [
    { name: "100.000 nested arrays", text: () => "[".repeat(100_000) + "]".repeat(100_000) },
    { name: "100.000 nested objects", text: () => '{"a":'.repeat(100_000) + "1" + "}".repeat(100_000) },
    {
      name: "__proto__ and constructor keys",
      text: () =>
        '{"formatVersion":1,"name":"x","records":[{"__proto__":{"polluted":1},"constructor":{"prototype":{"p":1}},"id":"a","kind":"price"}],"__proto__":{"polluted":1}}',
    },
    { name: "6 MB of text", text: () => `{"name":"${"x".repeat(6 * 1024 * 1024)}"}` },
    { name: "not JSON", text: () => "\u0000\u0001garbage{{{" },
    {
      name: "NaN and 1e999",
      text: () =>
        '{"formatVersion":1,"name":"x","records":[{"id":"a","kind":"price","amounts":{"Kommune":1e999}}]}',
    },
    {
      name: "20.001 records",
      text: () =>
        JSON.stringify({
          formatVersion: 1,
          name: "x",
          records: Array.from({ length: 20_001 }, (_, i) => ({ id: `r${i}` })),
        }),
    },
  ];
}
