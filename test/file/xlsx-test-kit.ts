/**
 * Test helpers for the .xlsx file adapter: a spec that uses every sheet-model feature, hand-built
 * packages (raw XML zipped with fflate, independent of our writer) and a tiny XML inspector.
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from "fflate";
import { parseXml } from "../../src/file/xml-events";
import type { WorkbookSpec } from "../../src/workbook/sheet-model";

/** Every feature of sheet-model.ts on three sheets (hidden and very hidden included). */
export function featureSpec(): WorkbookSpec {
  return {
    sheets: [
      {
        name: "Indstillinger",
        role: "input",
        columnWidths: [24, 14, 10],
        freeze: { rows: 2, cols: 1 },
        tabColor: "0F6C74",
        blocks: [
          { row: 0, col: 0, values: [["Indstillinger"]], style: "title" },
          { row: 1, col: 0, values: [["Skriv i de gule celler."]], style: "guidance" },
          { row: 2, col: 0, values: [["Parameter", "Værdi", "Kilde"]], style: "header" },
          {
            row: 3,
            col: 0,
            values: [
              ["Startår", 2025, "Antaget"],
              ["Diskonteringsrente", 0.035, "Finansministeriet"],
              ["Tidshorisont", 10, null],
            ],
            numberFormat: [
              ["@", "0", "@"],
              ["@", "0.0%", "@"],
              ["@", "0", "@"],
            ],
          },
          // Input cells: one style for the column, some empty (still marked).
          {
            row: 3,
            col: 1,
            values: [[2025], [0.035], [10], [null]],
            style: "input",
            numberFormat: [["0"], ["0.0%"], ["0"], ["0"]],
          },
          // Formula-looking text must stay text.
          { row: 8, col: 0, values: [["=1+1", '=HYPERLINK("x")', "=SUM(A1:A2)"]] },
          // Formulas with and without cached results; a boolean; a text formula.
          {
            row: 10,
            col: 0,
            values: [[2035, null, true, "ok"]],
            formulas: [["=B4+B6", "=B4*2", null, '=IF(B4>2000,"ok","nej")']],
            numberFormat: "#,##0",
            style: "total",
          },
          {
            row: 12,
            col: 0,
            values: [
              ["Aktør", "Niveau"],
              ["Kommune", "Kommune"],
              ["Staten", "Stat"],
            ],
            style: "inputHeader",
          },
        ],
        validations: [
          { ref: "B14:B20", list: ["Kommune", "Region", "Stat", "Andet"], prompt: "Vælg niveau" },
          { ref: "C14:C20", list: "=SOM_Niveauer" },
        ],
        conditionalFormats: [
          { ref: "A1", formula: "=$B$4<2000", style: "warning" },
          { ref: "B1", formula: "=$B$4>=2000", style: "ok" },
        ],
        colorScales: [{ ref: "E4:G6", midValue: 0 }],
        notes: [{ ref: "B4", text: "Første år med udgifter" }],
        charts: [
          {
            kind: "bar",
            title: "Tornado",
            categories: "A4:A6",
            series: [{ name: "Værdi", ref: "B4:B6" }],
            anchor: "E10",
            widthCols: 6,
            heightRows: 10,
          },
        ],
      },
      {
        name: "Lister (skjult)",
        role: "meta",
        visibility: "hidden",
        blocks: [{ row: 0, col: 0, values: [["Kommune"], ["Region"], ["Stat"], ["Andet"]] }],
      },
      {
        name: "SOM_Meta",
        role: "meta",
        visibility: "veryHidden",
        blocks: [{ row: 0, col: 0, values: [["ejer", "SØM"]], style: "muted" }],
      },
    ],
    names: [
      { name: "SOM_Startaar", sheet: "Indstillinger", ref: "B4" },
      { name: "SOM_Aktoerer", sheet: "Indstillinger", ref: "A13:B15", comment: "Aktører og niveauer" },
      { name: "SOM_Niveauer", sheet: "Lister (skjult)", ref: "A1:A4" },
      { name: "SOM_Diskonteringsrente", constant: 0.035 },
      { name: "SOM_Kommune", constant: 'Kommune "Nord"' },
    ],
  };
}

/** The parts of a package as text. */
export function partsOf(bytes: Uint8Array): Map<string, string> {
  const files = unzipSync(bytes);
  return new Map(Object.keys(files).map((k) => [k, strFromU8(files[k] ?? new Uint8Array())]));
}

export interface XmlElement {
  readonly name: string;
  readonly attrs: ReadonlyMap<string, string>;
  text: string;
}

/** All elements of an XML text in document order, with attributes (by local name) and direct text. */
export function elements(xml: string): XmlElement[] {
  const out: XmlElement[] = [];
  const stack: XmlElement[] = [];
  const keys = [
    "r",
    "s",
    "t",
    "sqref",
    "type",
    "priority",
    "dxfId",
    "name",
    "state",
    "localSheetId",
    "comment",
    "ref",
    "val",
    "rgb",
    "ySplit",
    "xSplit",
    "width",
    "min",
    "max",
    "prompt",
    "allowBlank",
    "topLeftCell",
    "numFmtId",
    "formatCode",
    "fillId",
    "fontId",
    "borderId",
    "id",
  ];
  parseXml(strToU8(xml), "test", {
    open(name, attr) {
      const attrs = new Map<string, string>();
      for (const k of keys) {
        const v = attr(k);
        if (v !== undefined) attrs.set(k, v);
      }
      const el: XmlElement = { name, attrs, text: "" };
      out.push(el);
      stack.push(el);
    },
    text(t) {
      const top = stack[stack.length - 1];
      if (top !== undefined) top.text += t;
    },
    close() {
      stack.pop();
    },
  });
  return out;
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`;
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const NS = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`;

export interface RawSheet {
  readonly name: string;
  readonly state?: string;
  /** The inside of <sheetData>. */
  readonly sheetData: string;
}

/** A minimal, hand-written package (not made by our writer). `definedNames` is the inside of <definedNames>. */
export function rawWorkbook(
  sheets: readonly RawSheet[],
  opts: { definedNames?: string; sharedStrings?: readonly string[]; extra?: Zippable } = {},
): Uint8Array {
  const sheetEls = sheets
    .map(
      (s, i) =>
        `<sheet name="${xmlAttr(s.name)}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ""} r:id="rId${i + 1}"/>`,
    )
    .join("");
  const rels = sheets
    .map(
      (_, i) =>
        `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
    )
    .join("");
  const sstRel = opts.sharedStrings
    ? `<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="/xl/sharedStrings.xml"/>`
    : "";
  const files: Zippable = Object.create(null) as Zippable;
  files["[Content_Types].xml"] = strToU8(CONTENT_TYPES);
  files["_rels/.rels"] = strToU8(ROOT_RELS);
  files["xl/workbook.xml"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?><workbook ${NS}><sheets>${sheetEls}</sheets>${opts.definedNames !== undefined ? `<definedNames>${opts.definedNames}</definedNames>` : ""}</workbook>`,
  );
  files["xl/_rels/workbook.xml.rels"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}${sstRel}</Relationships>`,
  );
  sheets.forEach((s, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}><sheetData>${s.sheetData}</sheetData></worksheet>`,
    );
  });
  if (opts.sharedStrings) {
    files["xl/sharedStrings.xml"] = strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><sst ${NS} count="${opts.sharedStrings.length}">${opts.sharedStrings.map((s) => `<si><t xml:space="preserve">${xmlText(s)}</t></si>`).join("")}</sst>`,
    );
  }
  for (const [k, v] of Object.entries(opts.extra ?? {})) files[k] = v;
  return zipSync(files);
}

export const xmlText = (s: string): string =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
export const xmlAttr = (s: string): string => xmlText(s).replace(/"/g, "&quot;");

/**
 * Sets the declared uncompressed size (central directory) of the zip entry `name` to `size`, leaving the
 * data as it is — how a zip bomb or a lying entry looks to the reader.
 */
export function patchDeclaredSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const out = zip.slice();
  const dv = new DataView(out.buffer);
  let e = out.length - 22;
  while (dv.getUint32(e, true) !== 0x06054b50) e -= 1;
  const count = dv.getUint16(e + 10, true);
  let o = dv.getUint32(e + 16, true);
  for (let i = 0; i < count; i++) {
    const fnLen = dv.getUint16(o + 28, true);
    const extra = dv.getUint16(o + 30, true);
    const comment = dv.getUint16(o + 32, true);
    const fn = strFromU8(out.subarray(o + 46, o + 46 + fnLen));
    if (fn === name) dv.setUint32(o + 24, size, true);
    o += 46 + fnLen + extra + comment;
  }
  return out;
}
