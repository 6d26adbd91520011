/**
 * Writes a `WorkbookSpec` (sheets as data, src/workbook/sheet-model.ts) to .xlsx bytes with exceljs. Adding
 * result sheets to a copy of a user's file is `package-copy.ts` (zip level; exceljs never loads a user's file).
 *
 * Why exceljs and not npm `xlsx` (SheetJS CE 0.18.5)? `xlsx` is frozen on npm with a prototype-pollution
 * CVE (CVE-2023-30533) and a ReDoS CVE (CVE-2024-22363) that bite when reading crafted files, and when it
 * writes it drops fonts, fills, borders and data validation (addin-engineering.md §4). exceljs keeps
 * styles, number formats, data validation, conditional formatting, notes and sheet visibility. Reading is
 * done by our own reader (xlsx-reader.ts), never by either library.
 *
 * What we do ourselves after exceljs has written (post-processing the package with fflate):
 * - **Defined names** are written into xl/workbook.xml by us, not by exceljs: constants (exceljs cannot
 *   write them), absolute references with quoted sheet names, comments; `package-copy.ts` uses the same code
 *   to merge them with a user's own names, keeping their scope.
 * - **Deterministic bytes**: fixed creator and created/modified dates in docProps/core.xml, and the zip
 *   re-packed with a fixed entry time and compression level, so the same spec gives the same bytes (the
 *   template's regenerate-and-compare test relies on it).
 *
 * - **Charts** (`SheetSpec.charts`): exceljs cannot write charts, so `chart-parts.ts` writes the DrawingML
 *   chart and drawing parts with their relationships and content types into the package.
 * - **Print setup** (`SheetSpec.print`, `merges`, `rowHeights`) is written through exceljs (pageSetup,
 *   headerFooter, row page breaks, print titles).
 *
 * Strings are always text: a string value is stored as a shared string, even when it starts with "="
 * (user text such as `=HYPERLINK("x")` never becomes a formula). Formulas come only from `Block.formulas`.
 */
import ExcelJS from "exceljs";
import { unzipSync, type Zippable } from "fflate";
import type {
  Block,
  CellValue,
  NameSpec,
  PrintSetup,
  SheetSpec,
  WorkbookSpec,
} from "../workbook/sheet-model";
import { COLOR_SCALE, CONDITIONAL_LOOKS, lookFor, type CellLook } from "../workbook/styles";
import { cellA1, parseRectA1, qualifiedAbsRef, quoteSheetName, rectA1, type CellRect } from "./a1-ref";
import { printTitleRanges } from "../workbook/render/print-layout";
import { addChartParts } from "./chart-parts";
import { parseWorkbookXml, readRels, type RawDefinedName, type ReadLimits } from "./xlsx-reader";
import { zipDeterministic } from "./zip-parts";

/** A spec the writer cannot express (a programmer error in the layout or the renderer). */
export class XlsxWriteError extends Error {
  override readonly name = "XlsxWriteError";
}

export interface WriteOptions {
  /** `dc:creator` / `cp:lastModifiedBy` in docProps/core.xml. Default "SØM for Excel". */
  readonly creator?: string;
  /** `dcterms:created` and `dcterms:modified`. Default 2020-01-01T00:00:00Z, so output is deterministic. */
  readonly created?: Date;
}

export interface CopyOptions extends WriteOptions {
  /** Caps for reading the input file (defaults: `DEFAULT_READ_LIMITS`). */
  readonly limits?: Partial<ReadLimits>;
}

export const DEFAULT_CREATOR = "SØM for Excel";
/** The fixed document date of generated files. */
export const FIXED_DOC_DATE = new Date(Date.UTC(2020, 0, 1, 0, 0, 0));

const argb = (hex: string): string => `FF${hex.toUpperCase()}`;

/** exceljs style for a look; a fresh object each call (exceljs may share and mutate style objects). */
function excelStyle(look: CellLook, numFmt: string | undefined): Partial<ExcelJS.Style> {
  const style: {
    font?: Partial<ExcelJS.Font>;
    fill?: ExcelJS.Fill;
    border?: Partial<ExcelJS.Borders>;
    alignment?: Partial<ExcelJS.Alignment>;
    numFmt?: string;
  } = {};
  if (look.font !== undefined) {
    const f = look.font;
    style.font = {
      ...(f.bold !== undefined ? { bold: f.bold } : {}),
      ...(f.italic !== undefined ? { italic: f.italic } : {}),
      ...(f.size !== undefined ? { size: f.size } : {}),
      ...(f.color !== undefined ? { color: { argb: argb(f.color) } } : {}),
    };
  }
  if (look.fill !== undefined)
    style.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(look.fill) } };
  if (look.border !== undefined) {
    const side = { style: look.border.style, color: { argb: argb(look.border.color) } };
    style.border = { top: side, left: side, bottom: side, right: side };
  }
  if (look.alignment !== undefined) {
    const a = look.alignment;
    style.alignment = {
      ...(a.horizontal !== undefined ? { horizontal: a.horizontal } : {}),
      ...(a.vertical !== undefined ? { vertical: a.vertical } : {}),
      ...(a.wrap !== undefined ? { wrapText: a.wrap } : {}),
    };
  }
  if (numFmt !== undefined) style.numFmt = numFmt;
  return style as Partial<ExcelJS.Style>;
}

function rectOf(ref: string, what: string, sheet: string): CellRect {
  const rect = parseRectA1(ref);
  if (rect === undefined)
    throw new XlsxWriteError(
      `${what} on sheet ${JSON.stringify(sheet)}: not an A1 range: ${JSON.stringify(ref)}`,
    );
  return rect;
}

const stripEq = (formula: string): string => (formula.startsWith("=") ? formula.slice(1) : formula);

function cellValue(value: CellValue, formula: string | null | undefined, where: string): ExcelJS.CellValue {
  if (typeof value === "number" && !Number.isFinite(value))
    throw new XlsxWriteError(`${where}: ${value} cannot be stored in a cell`);
  if (formula !== null && formula !== undefined) {
    if (!formula.startsWith("="))
      throw new XlsxWriteError(`${where}: a formula must start with "=": ${JSON.stringify(formula)}`);
    const f = stripEq(formula);
    return value === null
      ? { formula: f, date1904: false }
      : ({ formula: f, result: value, date1904: false } as ExcelJS.CellFormulaValue);
  }
  // A string stays a string (exceljs stores it as a shared string; it never parses "=…" as a formula).
  return value;
}

function writeBlock(ws: ExcelJS.Worksheet, sheet: string, block: Block): void {
  const look = block.style === undefined ? undefined : lookFor(block.style);
  block.values.forEach((rowValues, r) => {
    rowValues.forEach((value, c) => {
      const where = `${sheet}!${cellA1(block.row + r, block.col + c)}`;
      const cell = ws.getCell(block.row + r + 1, block.col + c + 1);
      const formula = block.formulas?.[r]?.[c];
      const v = cellValue(value, formula, where);
      if (v !== null) cell.value = v;
      const fmt = typeof block.numberFormat === "string" ? block.numberFormat : block.numberFormat?.[r]?.[c];
      const numFmt = fmt === undefined || fmt === "" ? undefined : fmt;
      if (look !== undefined || numFmt !== undefined) cell.style = excelStyle(look ?? {}, numFmt);
    });
  });
}

/** `"a,b,c"` for a literal list; Excel stores it in the validation formula, ≤ 255 characters, no commas in items. */
function literalList(items: readonly string[], where: string): string {
  for (const item of items) {
    if (item.includes(","))
      throw new XlsxWriteError(`${where}: a list item may not contain a comma: ${JSON.stringify(item)}`);
  }
  const joined = items.join(",");
  if (joined.length > 255)
    throw new XlsxWriteError(`${where}: a literal list is limited to 255 characters; use a range name`);
  return `"${joined.split('"').join('""')}"`;
}

interface DataValidationsModel {
  add(address: string, validation: ExcelJS.DataValidation): void;
}

function writeSheet(ws: ExcelJS.Worksheet, spec: SheetSpec): void {
  for (const block of spec.blocks) writeBlock(ws, spec.name, block);
  spec.columnWidths?.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  if (spec.freeze !== undefined && (spec.freeze.rows > 0 || spec.freeze.cols > 0)) {
    ws.views = [
      {
        state: "frozen",
        xSplit: spec.freeze.cols,
        ySplit: spec.freeze.rows,
        topLeftCell: cellA1(spec.freeze.rows, spec.freeze.cols),
      },
    ];
  }
  if (spec.tabColor !== undefined) ws.properties.tabColor = { argb: argb(spec.tabColor) };
  ws.state = spec.visibility ?? "visible";

  const validations = (ws as unknown as { dataValidations: DataValidationsModel }).dataValidations;
  for (const v of spec.validations ?? []) {
    const where = `validation ${spec.name}!${v.ref}`;
    const ref = rectA1(rectOf(v.ref, "validation", spec.name));
    const formula = typeof v.list === "string" ? stripEq(v.list) : literalList(v.list, where);
    validations.add(ref, {
      type: "list",
      allowBlank: true,
      formulae: [formula],
      showErrorMessage: true,
      errorStyle: "stop",
      errorTitle: "SØM",
      error: "Vælg en værdi fra listen. / Choose a value from the list.",
      ...(v.prompt !== undefined ? { showInputMessage: true, prompt: v.prompt } : {}),
    });
  }

  let priority = 1;
  for (const cf of spec.conditionalFormats ?? []) {
    const look = CONDITIONAL_LOOKS[cf.style];
    ws.addConditionalFormatting({
      ref: rectA1(rectOf(cf.ref, "conditional format", spec.name)),
      rules: [
        {
          type: "expression",
          priority: priority++,
          formulae: [stripEq(cf.formula)],
          style: {
            fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(look.fill) } },
            font: { color: { argb: argb(look.font) } },
          },
        },
      ],
    });
  }
  for (const cs of spec.colorScales ?? []) {
    ws.addConditionalFormatting({
      ref: rectA1(rectOf(cs.ref, "colour scale", spec.name)),
      rules: [
        {
          type: "colorScale",
          priority: priority++,
          cfvo: [{ type: "min" }, { type: "num", value: cs.midValue }, { type: "max" }],
          color: [
            { argb: argb(COLOR_SCALE.min) },
            { argb: argb(COLOR_SCALE.mid) },
            { argb: argb(COLOR_SCALE.max) },
          ],
        },
      ],
    });
  }
  for (const note of spec.notes ?? []) {
    const r = rectOf(note.ref, "note", spec.name);
    ws.getCell(r.row + 1, r.col + 1).note = note.text;
  }
  for (const m of spec.merges ?? []) ws.mergeCells(rectA1(rectOf(m, "merge", spec.name)));
  for (const h of spec.rowHeights ?? []) ws.getRow(h.row + 1).height = h.height;
  if (spec.print !== undefined) writePrintSetup(ws, spec.print);
  // spec.charts: written after exceljs by `addChartParts` (chart-parts.ts), into the finished package
  // (finishPackage).
}

/** Header/footer text: `&` is a field code in Excel's header language, so a literal one is doubled. */
const hfText = (s: string): string => s.replace(/&/g, "&&");

/** A4, orientation, one page wide (or `pagesWide`), manual page breaks, header and footer "side x af y". */
function writePrintSetup(ws: ExcelJS.Worksheet, p: PrintSetup): void {
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9, // A4
    orientation: p.orientation,
    fitToPage: true,
    fitToWidth: p.pagesWide ?? 1,
    fitToHeight: 0,
    horizontalCentered: false,
    margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
    // Repeated title rows and columns are the defined name `_xlnm.Print_Titles`: written with our names
    // (withPrintTitles), since exceljs's names are replaced by ours.
  };
  const page = p.lang === "da" ? "Side &P af &N" : "Page &P of &N";
  ws.headerFooter = {
    differentFirst: false,
    differentOddEven: false,
    oddHeader: `&C&"-,Bold"${hfText(p.header)}`,
    oddFooter: `&L&8${hfText(p.footer)}&R&8${page}`,
  };
  for (const r of p.rowBreaks ?? []) ws.getRow(r).addPageBreak();
}

const xmlEscape = (s: string): string =>
  s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");

/** The formula text of a spec name: `'Sheet'!$B$3:$F$20`, `0.035` or `"text"`. */
export function nameFormula(name: NameSpec): string {
  if ("constant" in name) {
    if (typeof name.constant === "number") {
      if (!Number.isFinite(name.constant))
        throw new XlsxWriteError(`name ${name.name}: ${name.constant} is not a constant Excel can hold`);
      return String(name.constant).toUpperCase();
    }
    return `"${name.constant.split('"').join('""')}"`;
  }
  return qualifiedAbsRef(name.sheet, rectOf(name.ref, `name ${name.name}`, name.sheet));
}

interface NameOut {
  readonly name: string;
  readonly formula: string;
  readonly scopeSheet?: string;
  readonly hidden?: true;
  readonly comment?: string;
}

/** Names to write: the kept raw names (minus those the spec redefines at workbook scope) then the spec's. */
function mergeNames(
  kept: readonly RawDefinedName[],
  spec: readonly NameSpec[],
  sheetNames: readonly string[],
): NameOut[] {
  const lowerSheets = new Set(sheetNames.map((s) => s.toLowerCase()));
  const redefined = new Set(spec.map((n) => n.name.toLowerCase()));
  const out: NameOut[] = kept.filter(
    (n) => n.scopeSheet !== undefined || !redefined.has(n.name.toLowerCase()),
  );
  const seen = new Set<string>();
  for (const n of spec) {
    const key = n.name.toLowerCase();
    if (seen.has(key)) throw new XlsxWriteError(`name ${n.name} is defined twice in the spec`);
    seen.add(key);
    if ("sheet" in n && !lowerSheets.has(n.sheet.toLowerCase())) {
      throw new XlsxWriteError(
        `name ${n.name} refers to the sheet ${JSON.stringify(n.sheet)}, which the workbook does not have`,
      );
    }
    out.push({
      name: n.name,
      formula: nameFormula(n),
      ...(n.comment !== undefined ? { comment: n.comment } : {}),
    });
  }
  return out;
}

function definedNamesXml(names: readonly NameOut[], sheetNames: readonly string[]): string {
  if (names.length === 0) return "";
  const index = new Map<string, number>();
  sheetNames.forEach((s, i) => {
    if (!index.has(s.toLowerCase())) index.set(s.toLowerCase(), i);
  });
  const parts: string[] = [];
  for (const n of names) {
    const local = n.scopeSheet === undefined ? undefined : index.get(n.scopeSheet.toLowerCase());
    if (n.scopeSheet !== undefined && local === undefined) continue; // its sheet is gone
    const attrs = [
      `name="${xmlEscape(n.name)}"`,
      ...(n.comment !== undefined ? [`comment="${xmlEscape(n.comment)}"`] : []),
      ...(local !== undefined ? [`localSheetId="${local}"`] : []),
      ...(n.hidden ? [`hidden="1"`] : []),
    ];
    parts.push(`<definedName ${attrs.join(" ")}>${xmlEscape(n.formula)}</definedName>`);
  }
  return `<definedNames>${parts.join("")}</definedNames>`;
}

/** Removes the `<definedNames>…</definedNames>` element (any prefix, or self-closing) from workbook XML. */
export function removeDefinedNames(xml: string): string {
  const open = findTag(xml, "definedNames", false);
  if (open === undefined) return xml;
  const gt = xml.indexOf(">", open);
  if (gt < 0) return xml;
  if (xml[gt - 1] === "/") return xml.slice(0, open) + xml.slice(gt + 1);
  const close = findTag(xml, "definedNames", true, gt);
  if (close === undefined) return xml;
  const end = xml.indexOf(">", close);
  return end < 0 ? xml : xml.slice(0, open) + xml.slice(end + 1);
}

/** Index of `<name` / `<p:name` (or `</…` when `closing`) followed by space, '>' or '/'. */
export function findTag(xml: string, local: string, closing: boolean, from = 0): number | undefined {
  let i = xml.indexOf(local, from);
  while (i >= 0) {
    const after = xml[i + local.length];
    if (
      after === " " ||
      after === ">" ||
      after === "/" ||
      after === "\t" ||
      after === "\n" ||
      after === "\r"
    ) {
      let j = i - 1;
      if (xml[j] === ":") {
        j -= 1;
        while (j >= 0 && xml[j] !== "<" && xml[j] !== "/" && xml[j] !== " " && xml[j] !== ">") j -= 1;
      }
      if (closing ? xml[j] === "/" && xml[j - 1] === "<" : xml[j] === "<") return closing ? j - 1 : j;
    }
    i = xml.indexOf(local, i + local.length);
  }
  return undefined;
}

/**
 * The `<definedNames>` element for the kept raw names plus the spec's and the written sheets' print titles, over
 * `sheetNames` (the final tab order). Both write routes use it: a new file (finishPackage) and a copy of the
 * user's package (package-copy.ts).
 */
export function definedNamesXmlFor(
  kept: readonly RawDefinedName[],
  spec: readonly NameSpec[],
  specSheets: readonly SheetSpec[],
  sheetNames: readonly string[],
): string {
  return definedNamesXml(withPrintTitles(mergeNames(kept, spec, sheetNames), specSheets), sheetNames);
}

const PRINT_TITLES = "_xlnm.Print_Titles";

/**
 * `names` with the sheet-scoped `_xlnm.Print_Titles` of every spec sheet that repeats title rows or columns
 * (`PrintSetup.titleRows`/`titleColumns`), replacing a kept one of the same sheet. Example: Konsekvenser →
 * `Konsekvenser!$A:$B,Konsekvenser!$6:$6`.
 */
function withPrintTitles(names: readonly NameOut[], sheets: readonly SheetSpec[]): NameOut[] {
  const titles: NameOut[] = [];
  for (const s of sheets) {
    if (s.print === undefined) continue;
    const { rows, columns } = printTitleRanges(s.print);
    const sheet = quoteSheetName(s.name);
    const parts = [columns, rows].filter((r) => r !== undefined).map((r) => `${sheet}!${r}`);
    if (parts.length > 0) titles.push({ name: PRINT_TITLES, formula: parts.join(","), scopeSheet: s.name });
  }
  const ours = new Set(titles.map((t) => t.scopeSheet?.toLowerCase()));
  const kept = names.filter(
    (n) =>
      n.name.toLowerCase() !== PRINT_TITLES.toLowerCase() ||
      n.scopeSheet === undefined ||
      !ours.has(n.scopeSheet.toLowerCase()),
  );
  return [...kept, ...titles];
}

/** Inserts `<definedNames>` right after `</sheets>` (CT_Workbook order: sheets, …, definedNames, calcPr). */
function insertDefinedNames(xml: string, namesXml: string): string {
  if (namesXml === "") return xml;
  const close = findTag(xml, "sheets", true);
  if (close === undefined) throw new XlsxWriteError("workbook.xml has no </sheets>");
  const end = xml.indexOf(">", close) + 1;
  return xml.slice(0, end) + namesXml + xml.slice(end);
}

/**
 * Post-processing of exceljs output: our defined names into xl/workbook.xml, then a deterministic zip.
 */
function finishPackage(
  written: Uint8Array,
  kept: readonly RawDefinedName[],
  specNames: readonly NameSpec[],
  specSheets: readonly SheetSpec[],
): Uint8Array {
  const files = unzipSync(written);
  const wbKey = "xl/workbook.xml";
  const wb = files[wbKey];
  if (wb === undefined) throw new XlsxWriteError("exceljs wrote no xl/workbook.xml");
  const wbSheets = parseWorkbookXml(wb, wbKey).sheets;
  const sheetNames = wbSheets.map((s) => s.name);
  // native charts (SheetSpec.charts), which exceljs cannot write
  const rels = readRels(files["xl/_rels/workbook.xml.rels"], "xl/_rels/workbook.xml.rels", "xl/");
  addChartParts(files, specSheets, (name) => {
    const entry = wbSheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
    const rel = entry?.relId === undefined ? undefined : rels.get(entry.relId);
    return rel?.target;
  });
  let xml = removeDefinedNames(new TextDecoder().decode(wb));
  xml = insertDefinedNames(xml, definedNamesXmlFor(kept, specNames, specSheets, sheetNames));
  const out: Zippable = Object.create(null) as Zippable;
  for (const name of Object.keys(files)) {
    const data = files[name];
    if (data !== undefined) out[name] = name === wbKey ? new TextEncoder().encode(xml) : data;
  }
  return zipDeterministic(out);
}

function setDocProps(wb: ExcelJS.Workbook, opts: WriteOptions | undefined, keepCreated: boolean): void {
  const creator = opts?.creator ?? DEFAULT_CREATOR;
  const date = opts?.created ?? FIXED_DOC_DATE;
  if (!keepCreated) {
    wb.creator = creator;
    wb.created = date;
  }
  wb.lastModifiedBy = creator;
  wb.modified = date;
  wb.calcProperties.fullCalcOnLoad = true;
}

function checkSheetNames(spec: WorkbookSpec): void {
  const seen = new Set<string>();
  for (const s of spec.sheets) {
    const key = s.name.toLowerCase();
    if (seen.has(key)) throw new XlsxWriteError(`sheet ${JSON.stringify(s.name)} appears twice in the spec`);
    seen.add(key);
  }
}

/**
 * Writes `spec` as a new .xlsx file and returns its bytes. Same spec and options → identical bytes.
 * Example: `fs.writeFileSync("SOM.xlsx", await writeWorkbookSpec(buildTemplateSpec({ lang: "da" })))`.
 */
export async function writeWorkbookSpec(spec: WorkbookSpec, opts?: WriteOptions): Promise<Uint8Array> {
  checkSheetNames(spec);
  const wb = new ExcelJS.Workbook();
  setDocProps(wb, opts, false);
  for (const sheet of spec.sheets) writeSheet(wb.addWorksheet(sheet.name), sheet);
  const buffer = await wb.xlsx.writeBuffer();
  return finishPackage(new Uint8Array(buffer), [], spec.names, spec.sheets);
}
