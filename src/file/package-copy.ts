/**
 * `--out` without loading the user's workbook into a cell-by-cell model (issue 13 §2): the new file is the
 * user's package copied at the zip level, with only what the tools own added or replaced.
 *
 * exceljs expands merges, `<col>` spans, data-validation ranges and styled empty cells cell by cell, outside
 * every cap of our reader (a 27 KB file with `<col max="2000000000">` took 4,8 GB). Here the user's parts
 * are never parsed beyond what `readXlsx` already checked, and are kept byte for byte — charts, pivots,
 * macros, x14 validations, images, custom XML and the add-in's settings survive by construction. What
 * changes:
 * - the spec's sheets: written by exceljs into a package of their own (`writeWorkbookSpec`), then grafted in:
 *   a sheet of the same name (case-insensitive) gets the new XML at its old part and keeps its tab position;
 *   a new sheet is added at the end. Their shared strings become inline strings (the user's shared-string
 *   table is not touched) and their notes (comments + VML) and charts (drawing + chart parts, see
 *   chart-parts.ts) are copied with new part names;
 * - `xl/styles.xml`: the generated fonts, fills, borders, number formats, cell formats and differential
 *   formats are appended (the user's indices stay valid; the new sheets' `s=`/`dxfId=` are shifted);
 * - `xl/workbook.xml`: the `<sheet>` entries of new sheets, the visibility of replaced ones, the defined
 *   names (the user's kept with their scope; a spec name replaces the workbook-scoped one of that name),
 *   and `fullCalcOnLoad`; `xl/_rels/workbook.xml.rels` and `[Content_Types].xml` for new parts;
 * - `xl/calcChain.xml` is dropped (Excel rebuilds it; it may list cells of a replaced sheet).
 * Parts of a replaced sheet that only it used (its old notes or drawing) stay in the package, unreferenced.
 *
 * Time and memory are bounded like reading: the zip is unpacked under the same caps, and no part of the
 * user's is expanded into cells.
 */
import { strFromU8, strToU8, unzipSync, type Zippable } from "fflate";
import type { WorkbookSpec } from "../workbook/sheet-model";
import { FileReadError } from "./file-read-error";
import { parseXml } from "./xml-events";
import {
  DEFAULT_READ_LIMITS,
  parseWorkbookXml,
  readXlsx,
  resolveTarget,
  type ReadLimits,
} from "./xlsx-reader";
import {
  definedNamesXmlFor,
  findTag,
  removeDefinedNames,
  writeWorkbookSpec,
  XlsxWriteError,
  type WriteOptions,
} from "./xlsx-writer";
import { extractParts, listZipEntries, zipDeterministic } from "./zip-parts";

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const WORKSHEET_TYPE = `${REL_NS}/worksheet`;
const STYLES_TYPE = `${REL_NS}/styles`;
const WORKSHEET_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const STYLES_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";

/** Text/attribute escaping for what we insert. */
const esc = (s: string): string =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** A package as path → bytes, keeping the user's entry order; lookups are case-insensitive (OPC). */
class Pkg {
  private readonly files = new Map<string, { name: string; data: Uint8Array }>();
  constructor(entries: readonly { name: string; data: Uint8Array }[]) {
    for (const e of entries) this.files.set(e.name.toLowerCase(), e);
  }
  get(name: string): Uint8Array | undefined {
    return this.files.get(name.toLowerCase())?.data;
  }
  text(name: string): string | undefined {
    const d = this.get(name);
    return d === undefined ? undefined : strFromU8(d);
  }
  has(name: string): boolean {
    return this.files.has(name.toLowerCase());
  }
  set(name: string, data: Uint8Array | string): void {
    const bytes = typeof data === "string" ? strToU8(data) : data;
    const existing = this.files.get(name.toLowerCase());
    this.files.set(name.toLowerCase(), { name: existing?.name ?? name, data: bytes });
  }
  delete(name: string): void {
    this.files.delete(name.toLowerCase());
  }
  /** A part name not yet used: `stem1.ext`, `stem2.ext`… */
  fresh(stem: string, ext: string): string {
    for (let i = 1; ; i++) if (!this.has(`${stem}${i}${ext}`)) return `${stem}${i}${ext}`;
  }
  zip(): Uint8Array {
    const out: Zippable = Object.create(null) as Zippable;
    for (const { name, data } of this.files.values()) out[name] = data;
    return zipDeterministic(out);
  }
}

interface Rel {
  readonly id: string;
  readonly type: string;
  /** As written in the file. */
  readonly target: string;
  readonly external: boolean;
}

function readRels(xml: string | undefined): Rel[] {
  if (xml === undefined) return [];
  const out: Rel[] = [];
  parseXml(strToU8(xml), "rels", {
    open(name, attr) {
      if (name !== "Relationship") return;
      out.push({
        id: attr("Id") ?? "",
        type: attr("Type") ?? "",
        target: attr("Target") ?? "",
        external: attr("TargetMode") === "External",
      });
    },
  });
  return out;
}

/** Resolves a relationship target against the folder of its source part (the reader's rule). */
const resolve = (sourcePart: string, target: string): string =>
  resolveTarget(sourcePart.slice(0, sourcePart.lastIndexOf("/") + 1), target);

/** `to` relative to the folder of `from` (both package paths): "worksheets/som_sheet1.xml", "../comments_som1.xml". */
function relativeTarget(from: string, to: string): string {
  const a = from.split("/").slice(0, -1);
  const b = to.split("/");
  let i = 0;
  while (i < a.length && i < b.length - 1 && a[i] === b[i]) i++;
  return [...Array<string>(a.length - i).fill(".."), ...b.slice(i)].join("/");
}

const relsPathOf = (part: string): string => {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
};

function relsXml(rels: readonly Rel[]): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels
    .map(
      (r) =>
        `<Relationship Id="${esc(r.id)}" Type="${esc(r.type)}" Target="${esc(r.target)}"${r.external ? ' TargetMode="External"' : ""}/>`,
    )
    .join("")}</Relationships>`;
}

/** Content types: Default by extension and Override by part name. */
interface ContentTypes {
  readonly defaults: Map<string, string>;
  readonly overrides: Map<string, string>;
}

function readContentTypes(xml: string): ContentTypes {
  const defaults = new Map<string, string>();
  const overrides = new Map<string, string>();
  parseXml(strToU8(xml), "[Content_Types].xml", {
    open(name, attr) {
      if (name === "Default")
        defaults.set((attr("Extension") ?? "").toLowerCase(), attr("ContentType") ?? "");
      else if (name === "Override")
        overrides.set((attr("PartName") ?? "").replace(/^\//, "").toLowerCase(), attr("ContentType") ?? "");
    },
  });
  return { defaults, overrides };
}

function contentTypeOf(ct: ContentTypes, part: string): string | undefined {
  const o = ct.overrides.get(part.toLowerCase());
  if (o !== undefined) return o;
  const dot = part.lastIndexOf(".");
  return dot < 0 ? undefined : ct.defaults.get(part.slice(dot + 1).toLowerCase());
}

/** Adds `<Override>`s to the user's content types (before `</Types>`); drops the ones in `remove`. */
function editContentTypes(xml: string, add: readonly [string, string][], remove: readonly string[]): string {
  let out = xml;
  for (const part of remove) {
    const re = new RegExp(
      `<Override\\s[^>]*PartName="/${part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"[^>]*/>`,
      "i",
    );
    out = out.replace(re, "");
  }
  const adds = add
    .map(([part, type]) => `<Override PartName="/${esc(part)}" ContentType="${esc(type)}"/>`)
    .join("");
  const close = out.lastIndexOf("</");
  if (close < 0) throw new XlsxWriteError("[Content_Types].xml has no closing tag");
  return out.slice(0, close) + adds + out.slice(close);
}

// ── styles ──────────────────────────────────────────────────────────────────────────────────────────────

/** The sections of styles.xml we append to, in CT_Stylesheet order, with their child element. */
const STYLE_SECTIONS = [
  ["numFmts", "numFmt"],
  ["fonts", "font"],
  ["fills", "fill"],
  ["borders", "border"],
  ["cellStyleXfs", "xf"],
  ["cellXfs", "xf"],
  ["cellStyles", "cellStyle"],
  ["dxfs", "dxf"],
  ["tableStyles", "tableStyle"],
  ["colors", ""],
  ["extLst", ""],
] as const;

interface StyleFacts {
  /** Direct children per section (the real count; a `count` attribute may lie). */
  readonly counts: Map<string, number>;
  /** Custom number-format ids in use. */
  readonly numFmtIds: Set<number>;
}

function styleFacts(xml: string): StyleFacts {
  const counts = new Map<string, number>();
  const numFmtIds = new Set<number>();
  const path: string[] = [];
  parseXml(strToU8(xml), "xl/styles.xml", {
    open(name, attr) {
      path.push(name);
      if (path.length === 3) counts.set(path[1] ?? "", (counts.get(path[1] ?? "") ?? 0) + 1);
      if (name === "numFmt") {
        const id = Number(attr("numFmtId"));
        if (Number.isInteger(id)) numFmtIds.add(id);
      }
    },
    close() {
      path.pop();
    },
  });
  return { counts, numFmtIds };
}

/** The children of `<section>` in our own generated styles.xml (exceljs output: unprefixed, well known). */
function generatedChildren(xml: string, section: string, child: string): string[] {
  const m = new RegExp(`<${section}\\b[^>]*?(?:/>|>([\\s\\S]*?)</${section}>)`).exec(xml);
  const inner = m?.[1] ?? "";
  const out: string[] = [];
  const re = new RegExp(`<${child}\\b[^>]*?(?:/>|>[\\s\\S]*?</${child}>)`, "g");
  for (let x = re.exec(inner); x !== null; x = re.exec(inner)) out.push(x[0]);
  return out;
}

/** The prefix (with colon) of the user's styleSheet root, "" when unprefixed. */
function rootPrefix(xml: string, local: string): string {
  const m = new RegExp(`<([A-Za-z_][\\w.-]*:)?${local}[\\s>/]`).exec(xml);
  return m?.[1] ?? "";
}

/** Appends `children` to the user's `<section>` (creating it in schema order when absent); fixes `count`. */
function appendToSection(xml: string, section: string, children: readonly string[], total: number): string {
  if (children.length === 0) return xml;
  const prefix = rootPrefix(xml, "styleSheet");
  // Children we insert are unprefixed: in a prefixed file they declare the main namespace themselves.
  const body = children
    .map((c) => (prefix === "" ? c : c.replace(/^<([A-Za-z]+)/, `<$1 xmlns="${MAIN_NS}"`)))
    .join("");
  const open = findTag(xml, section, false);
  if (open !== undefined) {
    const gt = xml.indexOf(">", open);
    let head = xml.slice(open, gt + 1);
    const selfClosing = head.endsWith("/>");
    head = /\scount="\d*"/.test(head)
      ? head.replace(/\scount="\d*"/, ` count="${total}"`)
      : head.replace(/(\/?>)$/, ` count="${total}"$1`);
    if (selfClosing) {
      const tag = `${prefix}${section}`;
      return `${xml.slice(0, open)}${head.replace(/\/>$/, ">")}${body}</${tag}>${xml.slice(gt + 1)}`;
    }
    const close = findTag(xml, section, true, gt);
    if (close === undefined) throw new XlsxWriteError(`styles.xml: <${section}> is not closed`);
    return `${xml.slice(0, open)}${head}${xml.slice(gt + 1, close)}${body}${xml.slice(close)}`;
  }
  // Absent: insert before the first later section present, else before the root's end tag.
  const order = STYLE_SECTIONS.map(([s]) => s as string);
  const later = order.slice(order.indexOf(section) + 1);
  let at: number | undefined;
  for (const s of later) {
    const i = findTag(xml, s, false);
    if (i !== undefined) {
      at = i;
      break;
    }
  }
  if (at === undefined) at = findTag(xml, "styleSheet", true);
  if (at === undefined) throw new XlsxWriteError("styles.xml has no </styleSheet>");
  const ns = prefix === "" ? "" : ` xmlns="${MAIN_NS}"`;
  return `${xml.slice(0, at)}<${section}${ns} count="${total}">${body}</${section}>${xml.slice(at)}`;
}

interface StyleShift {
  readonly xf: number;
  readonly dxf: number;
}

/**
 * Appends the generated styles to the user's styles.xml; returns the new XML and how the generated sheets'
 * `s=` and `dxfId=` shift.
 */
function mergeStyles(userXml: string, genXml: string): { xml: string; shift: StyleShift } {
  const user = styleFacts(userXml);
  const count = (s: string): number => user.counts.get(s) ?? 0;
  // Custom number formats: new ids above every id in use (built-in ids < 164 are shared and kept).
  let next = Math.max(163, ...user.numFmtIds) + 1;
  const fmtMap = new Map<number, number>();
  const numFmts = generatedChildren(genXml, "numFmts", "numFmt").map((el) => {
    const id = Number(/numFmtId="(\d+)"/.exec(el)?.[1]);
    const to = next++;
    fmtMap.set(id, to);
    return el.replace(/numFmtId="\d+"/, `numFmtId="${to}"`);
  });
  const fmt = (id: number): number => fmtMap.get(id) ?? id;
  const fonts = generatedChildren(genXml, "fonts", "font");
  const fills = generatedChildren(genXml, "fills", "fill");
  const borders = generatedChildren(genXml, "borders", "border");
  const fontOff = count("fonts");
  const fillOff = count("fills");
  const borderOff = count("borders");
  const xfs = generatedChildren(genXml, "cellXfs", "xf").map((el) =>
    el
      .replace(/numFmtId="(\d+)"/, (_, n: string) => `numFmtId="${fmt(Number(n))}"`)
      .replace(/fontId="(\d+)"/, (_, n: string) => `fontId="${Number(n) + fontOff}"`)
      .replace(/fillId="(\d+)"/, (_, n: string) => `fillId="${Number(n) + fillOff}"`)
      .replace(/borderId="(\d+)"/, (_, n: string) => `borderId="${Number(n) + borderOff}"`)
      .replace(/xfId="\d+"/, `xfId="0"`),
  );
  const dxfs = generatedChildren(genXml, "dxfs", "dxf").map((el) =>
    el.replace(/numFmtId="(\d+)"/g, (_, n: string) => `numFmtId="${fmt(Number(n))}"`),
  );
  let xml = userXml;
  xml = appendToSection(xml, "numFmts", numFmts, count("numFmts") + numFmts.length);
  xml = appendToSection(xml, "fonts", fonts, fontOff + fonts.length);
  xml = appendToSection(xml, "fills", fills, fillOff + fills.length);
  xml = appendToSection(xml, "borders", borders, borderOff + borders.length);
  if (count("cellStyleXfs") === 0)
    xml = appendToSection(xml, "cellStyleXfs", ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'], 1);
  xml = appendToSection(xml, "cellXfs", xfs, count("cellXfs") + xfs.length);
  xml = appendToSection(xml, "dxfs", dxfs, count("dxfs") + dxfs.length);
  return { xml, shift: { xf: count("cellXfs"), dxf: count("dxfs") } };
}

// ── the generated sheets ────────────────────────────────────────────────────────────────────────────────

/** Raw inner XML of each `<si>` of our generated shared strings (same content model as `<is>`). */
function generatedStrings(xml: string | undefined): string[] {
  if (xml === undefined) return [];
  const out: string[] = [];
  const re = /<si>([\s\S]*?)<\/si>|<si\/>/g;
  for (let m = re.exec(xml); m !== null; m = re.exec(xml)) out.push(m[1] ?? "");
  return out;
}

/** A generated worksheet made standalone: inline strings, style indices shifted into the merged styles. */
function graftSheetXml(xml: string, strings: readonly string[], shift: StyleShift): string {
  return xml
    .replace(/<c ([^>]*?)t="s"([^>]*)><v>(\d+)<\/v><\/c>/g, (_, a: string, b: string, i: string) => {
      const inner = strings[Number(i)] ?? "<t></t>";
      return `<c ${a}t="inlineStr"${b}><is>${inner}</is></c>`;
    })
    .replace(
      /(<c [^>]*?\ss=")(\d+)(")/g,
      (_, a: string, n: string, b: string) => `${a}${Number(n) + shift.xf}${b}`,
    )
    .replace(
      /(<row [^>]*?\ss=")(\d+)(")/g,
      (_, a: string, n: string, b: string) => `${a}${Number(n) + shift.xf}${b}`,
    )
    .replace(
      /(<col [^>]*?\sstyle=")(\d+)(")/g,
      (_, a: string, n: string, b: string) => `${a}${Number(n) + shift.xf}${b}`,
    )
    .replace(
      /(\sdxfId=")(\d+)(")/g,
      (_, a: string, n: string, b: string) => `${a}${Number(n) + shift.dxf}${b}`,
    );
}

// ── workbook.xml edits ──────────────────────────────────────────────────────────────────────────────────

/** Start index of the i-th `<sheet>` element inside `<sheets>`. */
function sheetElementAt(xml: string, index: number): number {
  const sheetsOpen = findTag(xml, "sheets", false);
  if (sheetsOpen === undefined) throw new XlsxWriteError("workbook.xml has no <sheets>");
  let at = sheetsOpen;
  for (let i = 0; i <= index; i++) {
    const found = findTag(xml, "sheet", false, at + 2); // past "<s" of the previous element
    if (found === undefined) throw new XlsxWriteError("workbook.xml: fewer <sheet> elements than sheets");
    at = found;
  }
  return at;
}

/** The i-th `<sheet>` gets the spec's name (same letters, maybe another case) and visibility. */
function setSheetNameAndState(
  xml: string,
  index: number,
  name: string,
  state: "visible" | "hidden" | "veryHidden",
): string {
  const at = sheetElementAt(xml, index);
  const end = xml.indexOf(">", at);
  let el = xml
    .slice(at, end + 1)
    .replace(/\sstate=("[^"]*"|'[^']*')/, "")
    .replace(/\sname=("[^"]*"|'[^']*')/, ` name="${esc(name)}"`);
  if (state !== "visible") el = el.replace(/^(<[^\s/>]+)/, `$1 state="${state}"`);
  return xml.slice(0, at) + el + xml.slice(end + 1);
}

function appendSheetElement(
  xml: string,
  name: string,
  sheetId: number,
  relId: string,
  state: string,
): string {
  const close = findTag(xml, "sheets", true);
  if (close === undefined) throw new XlsxWriteError("workbook.xml has no </sheets>");
  const prefixed = rootPrefix(xml, "sheets") !== "";
  const ns = `${prefixed ? ` xmlns="${MAIN_NS}"` : ""} xmlns:r="${REL_NS}"`;
  const st = state === "visible" ? "" : ` state="${state}"`;
  return `${xml.slice(0, close)}<sheet${ns} name="${esc(name)}" sheetId="${sheetId}"${st} r:id="${esc(relId)}"/>${xml.slice(close)}`;
}

/** `<definedNames>` goes after `</sheets>`, `</functionGroups>` or `</externalReferences>`, whichever is last. */
function insertNames(xml: string, namesXml: string): string {
  if (namesXml === "") return xml;
  let end = -1;
  for (const s of ["sheets", "functionGroups", "externalReferences"]) {
    const close = findTag(xml, s, true);
    if (close !== undefined) end = Math.max(end, xml.indexOf(">", close) + 1);
  }
  if (end < 0) throw new XlsxWriteError("workbook.xml has no </sheets>");
  return xml.slice(0, end) + namesXml + xml.slice(end);
}

/** `fullCalcOnLoad="1"` on `<calcPr>` (added after the names when absent): the meta formulas recalculate. */
function fullCalcOnLoad(xml: string): string {
  const at = findTag(xml, "calcPr", false);
  if (at !== undefined) {
    const end = xml.indexOf(">", at);
    const el = xml.slice(at, end + 1);
    const next = /\sfullCalcOnLoad=/.test(el)
      ? el.replace(/\sfullCalcOnLoad=("[^"]*"|'[^']*')/, ' fullCalcOnLoad="1"')
      : el.replace(/^(<[^\s/>]+)/, '$1 fullCalcOnLoad="1"');
    return xml.slice(0, at) + next + xml.slice(end + 1);
  }
  const prefixed = rootPrefix(xml, "workbook") !== "";
  const el = `<calcPr${prefixed ? ` xmlns="${MAIN_NS}"` : ""} fullCalcOnLoad="1"/>`;
  let end = -1;
  for (const s of ["sheets", "functionGroups", "externalReferences", "definedNames"]) {
    const close = findTag(xml, s, true);
    if (close !== undefined) end = Math.max(end, xml.indexOf(">", close) + 1);
  }
  return end < 0 ? xml : xml.slice(0, end) + el + xml.slice(end);
}

/**
 * A NEW file: the user's workbook with the spec's sheets replaced or added and the spec's names set, copied at
 * the zip level (see the module comment). The input bytes are not modified. Refusals of the input are
 * `FileReadError`s (the same caps as reading); a spec the writer cannot express is an `XlsxWriteError`.
 */
export async function copyPackageWithSheets(
  inputBytes: Uint8Array,
  spec: WorkbookSpec,
  opts?: WriteOptions & { readonly limits?: Partial<ReadLimits> },
): Promise<Uint8Array> {
  const limits: ReadLimits = { ...DEFAULT_READ_LIMITS, ...opts?.limits };
  const book = readXlsx(inputBytes, limits);
  const entries = listZipEntries(inputBytes, limits);
  const all = extractParts(inputBytes, new Set(entries.map((e) => e.name.toLowerCase())), limits);
  const pkg = new Pkg(
    entries
      .filter((e) => !e.name.endsWith("/"))
      .map((e) => ({ name: e.name, data: all.get(e.name.toLowerCase()) ?? new Uint8Array(0) })),
  );

  // The spec's sheets, made by exceljs in a package of their own (our writer: styles, validations, notes…).
  const gen = unzipSync(await writeWorkbookSpec({ sheets: spec.sheets, names: [] }, opts));
  const genText = (p: string): string | undefined => (gen[p] === undefined ? undefined : strFromU8(gen[p]));
  const genWb = parseWorkbookXml(gen["xl/workbook.xml"] ?? new Uint8Array(0), "xl/workbook.xml");
  const genRels = readRels(genText("xl/_rels/workbook.xml.rels"));
  const genCt = readContentTypes(genText("[Content_Types].xml") ?? "");
  const strings = generatedStrings(genText("xl/sharedStrings.xml"));

  const wbPart = book.workbookPart;
  const wbRelsPart = relsPathOf(wbPart);
  let wbXml = pkg.text(wbPart);
  if (wbXml === undefined) throw new XlsxWriteError("the input has no workbook part");
  const wbRels = readRels(pkg.text(wbRelsPart));
  const ctAdd: [string, string][] = [];
  const ctRemove: string[] = [];

  // Styles: merged into the user's styles part, or ours added when the user's package has none.
  const stylesRel = wbRels.find((r) => r.type === STYLES_TYPE && !r.external);
  const stylesPart = stylesRel === undefined ? undefined : resolve(wbPart, stylesRel.target);
  let shift: StyleShift = { xf: 0, dxf: 0 };
  const genStyles = genText("xl/styles.xml") ?? "";
  if (stylesPart !== undefined && pkg.has(stylesPart)) {
    const merged = mergeStyles(pkg.text(stylesPart) ?? "", genStyles);
    pkg.set(stylesPart, merged.xml);
    shift = merged.shift;
  } else {
    const part = stylesPart ?? (pkg.has("xl/styles.xml") ? pkg.fresh("xl/styles", ".xml") : "xl/styles.xml");
    pkg.set(part, genStyles);
    ctAdd.push([part, STYLES_CT]);
    if (stylesRel === undefined)
      wbRels.push({
        id: freshId(wbRels, "rIdSomStyles"),
        type: STYLES_TYPE,
        target: relativeTarget(wbPart, part),
        external: false,
      });
  }

  // The sheets, in the spec's order.
  const userSheets = book.sheets.map((s) => s.name.toLowerCase());
  let nextSheetId = maxSheetId(wbXml) + 1;
  genWb.sheets.forEach((g, gi) => {
    const specSheet = spec.sheets[gi];
    if (specSheet === undefined) return;
    const rel = genRels.find((r) => r.id === g.relId && r.type === WORKSHEET_TYPE);
    if (rel === undefined) throw new XlsxWriteError(`the generated sheet ${g.name} has no part`);
    const genPart = resolve("xl/workbook.xml", rel.target);
    const xml = graftSheetXml(genText(genPart) ?? "", strings, shift);

    // Where it goes: the replaced sheet's own part, or a new one.
    const existing = userSheets.indexOf(g.name.toLowerCase());
    let part: string;
    if (existing >= 0) {
      const relId = parseWorkbookXml(strToU8(wbXml ?? ""), wbPart).sheets[existing]?.relId;
      const r = wbRels.find((x) => x.id === relId && !x.external);
      if (r === undefined || r.type !== WORKSHEET_TYPE)
        throw new XlsxWriteError(`the sheet ${g.name} of the input is not a worksheet`);
      part = resolve(wbPart, r.target);
      wbXml = setSheetNameAndState(wbXml ?? "", existing, g.name, specSheet.visibility ?? "visible");
      if (contentTypeOf(readContentTypes(pkg.text("[Content_Types].xml") ?? ""), part) !== WORKSHEET_CT)
        ctAdd.push([part, WORKSHEET_CT]);
    } else {
      // Named like Excel's own parts (sheetN.xml): some readers (exceljs) find worksheets by that pattern.
      part = pkg.fresh("xl/worksheets/sheet", ".xml");
      const id = freshId(wbRels, "rIdSom");
      wbRels.push({ id, type: WORKSHEET_TYPE, target: relativeTarget(wbPart, part), external: false });
      wbXml = appendSheetElement(wbXml ?? "", g.name, nextSheetId++, id, specSheet.visibility ?? "visible");
      ctAdd.push([part, WORKSHEET_CT]);
      userSheets.push(g.name.toLowerCase());
    }
    pkg.set(part, xml);

    // The sheet's own parts (notes: comments + VML; charts: the drawing and, through its relationships, the
    // chart parts), copied under new names, with their own relationships (our generated package: 2 levels).
    const copyRels = (genFrom: string, into: string, depth: number): Rel[] =>
      readRels(genText(relsPathOf(genFrom))).map((r) => {
        if (r.external) return r;
        const from = resolve(genFrom, r.target);
        const dot = from.lastIndexOf(".");
        const slash = from.lastIndexOf("/");
        const to = pkg.fresh(
          from.slice(0, dot > slash ? dot : from.length).replace(/\d+$/, ""),
          dot > slash ? from.slice(dot) : "",
        );
        const data = gen[from];
        if (data !== undefined) pkg.set(to, data);
        const type = contentTypeOf(genCt, from);
        if (type !== undefined) ctAdd.push([to, type]);
        if (depth > 0) {
          const nested = copyRels(from, to, depth - 1);
          if (nested.length > 0) pkg.set(relsPathOf(to), relsXml(nested));
        }
        return { ...r, target: relativeTarget(into, to) };
      });
    const sheetRels = copyRels(genPart, part, 1);
    if (sheetRels.length > 0) pkg.set(relsPathOf(part), relsXml(sheetRels));
    else pkg.delete(relsPathOf(part));
  });

  // calcChain may list cells of a replaced sheet: dropped (Excel rebuilds it).
  const calcRels = wbRels.filter((r) => r.type.endsWith("/calcChain"));
  for (const r of calcRels) {
    const p = resolve(wbPart, r.target);
    pkg.delete(p);
    ctRemove.push(p);
  }
  const keptRels = wbRels.filter((r) => !r.type.endsWith("/calcChain"));

  // Defined names: the user's (with their scope) and the spec's, over the final sheet order.
  const finalSheets = parseWorkbookXml(strToU8(wbXml), wbPart).sheets.map((s) => s.name);
  wbXml = insertNames(
    removeDefinedNames(wbXml),
    definedNamesXmlFor(book.rawNames, spec.names, spec.sheets, finalSheets),
  );
  wbXml = fullCalcOnLoad(wbXml);
  pkg.set(wbPart, wbXml);
  pkg.set(wbRelsPart, relsXml(keptRels));
  const ct = pkg.text("[Content_Types].xml");
  if (ct === undefined)
    throw new FileReadError("notWorkbook", {
      da: "Filen mangler [Content_Types].xml og kan ikke kopieres.",
      en: "The file has no [Content_Types].xml and cannot be copied.",
    });
  pkg.set("[Content_Types].xml", editContentTypes(ct, ctAdd, ctRemove));
  const out = pkg.zip();
  readXlsx(out, limits, "onDemand"); // the copy must open under the same rules (zip, workbook, names)
  return out;
}

function freshId(rels: readonly Rel[], stem: string): string {
  const ids = new Set(rels.map((r) => r.id));
  for (let i = 1; ; i++) if (!ids.has(`${stem}${i}`)) return `${stem}${i}`;
}

function maxSheetId(xml: string): number {
  let max = 0;
  const re = /\ssheetId=["'](\d+)["']/g;
  for (let m = re.exec(xml); m !== null; m = re.exec(xml)) max = Math.max(max, Number(m[1]));
  return max;
}
