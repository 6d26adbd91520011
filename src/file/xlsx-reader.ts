/**
 * Our own small .xlsx reader (Node and browser-safe code, used by the command line and the tests).
 *
 * Why not npm `xlsx` (SheetJS CE 0.18.5)? It is frozen on npm with two CVEs that bite exactly when READING
 * crafted files — CVE-2023-30533 (prototype pollution) and CVE-2024-22363 (ReDoS) — and our files come
 * from email (addin-engineering.md §4). So the product reads with fflate (unzip) + saxes (XML) and only
 * the parts it needs: `_rels/.rels`, the workbook part and its relationships, the shared strings and the
 * worksheets. Styles, drawings, comments and everything else are never inflated or parsed. `xlsx` is used
 * in tests only, as an independent second reader of files we write.
 *
 * Safety (files from email):
 * - the file size is capped before unzipping, and so is every inflated part's declared size and their
 *   total (zip bombs; see zip-parts.ts); cells per sheet, cells in all, sheets and text length are capped;
 * - all lookup tables are `Map`s or null-prototype objects: a sheet or a name called `__proto__` is data;
 * - no regular expression with catastrophic backtracking; saxes expands no DTD entities;
 * - every refusal is a `FileReadError` with a Danish and an English message.
 *
 * Values: numbers, strings (shared, inline, formula results), booleans, errors as their text ("#REF!",
 * with `error: true`), empty → absent. Dates stay serial numbers (`date1904` is reported, not applied).
 * Formulas: the text with a leading "=" where the cell holds it; cells that only reference a shared
 * formula (`<f t="shared" si="3"/>`) carry `sharedFormula: true` and no text. Their cached values are read.
 */
import type { CellValue } from "../workbook/sheet-model";
import { quoted } from "../workbook/safe-text";
import { MAX_COLS, cellA1, parseCellA1, type CellRect } from "./a1-ref";
import { parseNameFormula } from "./defined-name-formula";
import { FileReadError } from "./file-read-error";
import { parseXml } from "./xml-events";
import { extractParts, listZipEntries, type ZipLimits } from "./zip-parts";

export interface ReadLimits extends ZipLimits {
  /** Most non-empty cells in one sheet. */
  readonly maxCellsPerSheet: number;
  /** Most non-empty cells in all sheets together. */
  readonly maxTotalCells: number;
  /** Most sheets. */
  readonly maxSheets: number;
  /** Longest text in one cell or shared string (Excel's own limit is 32 767 characters). */
  readonly maxTextLength: number;
}

/** Caps for files from email: 20 MB on disk, 100 MB unpacked, 500 000 cells a sheet, 1 000 000 in all. */
export const DEFAULT_READ_LIMITS: ReadLimits = {
  maxFileBytes: 20 * 1024 * 1024,
  maxUncompressedBytes: 100 * 1024 * 1024,
  maxEntries: 10_000,
  maxCellsPerSheet: 500_000,
  maxTotalCells: 1_000_000,
  maxSheets: 1_000,
  maxTextLength: 32_767,
};

export interface XlsxCell {
  readonly value: CellValue;
  /** Formula text with a leading "=" (invariant syntax), when the cell holds it. */
  readonly formula?: string;
  /** The cell is one of a shared formula's dependents; the formula text lives in the master cell. */
  readonly sharedFormula?: true;
  /** The value is an Excel error such as "#REF!" or "#N/A". */
  readonly error?: true;
}

export type SheetVisibility = "visible" | "hidden" | "veryHidden";

export interface XlsxSheet {
  readonly name: string;
  readonly visibility: SheetVisibility;
  /** Non-empty cells keyed by `cellKey(row, col)` (0-based). */
  readonly cells: ReadonlyMap<number, XlsxCell>;
  /** One past the last row / column holding a cell (0 when the sheet is empty). */
  readonly rowExtent: number;
  readonly colExtent: number;
}

/** A workbook-scoped defined name as read (sheet-scoped names are not in `XlsxBook.names`). */
export type XlsxName =
  | { readonly kind: "range"; readonly name: string; readonly sheet: string; readonly rect: CellRect }
  | { readonly kind: "constant"; readonly name: string; readonly value: CellValue }
  | { readonly kind: "unsupported"; readonly name: string; readonly formula: string };

/** A `<definedName>` exactly as found, including sheet-scoped ones (the writer keeps them on copy). */
export interface RawDefinedName {
  readonly name: string;
  readonly formula: string;
  /** Name of the sheet the name is scoped to (from `localSheetId`); absent = workbook scope. */
  readonly scopeSheet?: string;
  readonly hidden?: true;
  readonly comment?: string;
}

export interface XlsxBook {
  /** In tab order. */
  readonly sheets: readonly XlsxSheet[];
  /** Workbook-scoped names keyed by lower-cased name. */
  readonly names: ReadonlyMap<string, XlsxName>;
  /** Every defined name in document order, sheet-scoped ones included. */
  readonly rawNames: readonly RawDefinedName[];
  /** The workbook uses the 1904 date system (serials are then 1462 days smaller). */
  readonly date1904: boolean;
  /** Zip path of the workbook part, normally "xl/workbook.xml". */
  readonly workbookPart: string;
}

/** The key of a cell in `XlsxSheet.cells`. */
export const cellKey = (row: number, col: number): number => row * MAX_COLS + col;

/** The cell at (row, col), 0-based, or undefined when empty. */
export const cellAt = (sheet: XlsxSheet, row: number, col: number): XlsxCell | undefined =>
  sheet.cells.get(cellKey(row, col));

/** The sheet with this name (case-insensitive, as Excel compares sheet names), or undefined. */
export function findSheet(book: XlsxBook, name: string): XlsxSheet | undefined {
  const lower = name.toLowerCase();
  return book.sheets.find((s) => s.name.toLowerCase() === lower);
}

const notWorkbook = (): FileReadError =>
  new FileReadError("notWorkbook", {
    da: "Filen er en zip-fil, men ikke en Excel-projektmappe (xl/workbook.xml mangler).",
    en: "The file is a zip file but not an Excel workbook (xl/workbook.xml is missing).",
  });

const damaged = (what: { readonly da: string; readonly en: string }): FileReadError =>
  new FileReadError("malformedXml", {
    da: `Filen er beskadiget: ${what.da}.`,
    en: `The file is damaged: ${what.en}.`,
  });

const REPAIR = {
  da: "Excel ville afvise eller reparere filen og vælge en af dem; SØM gætter ikke. Åbn filen i Excel, ret eller gem den, og prøv igen.",
  en: "Excel would refuse or repair the file and pick one of them; SØM does not guess. Open the file in Excel, fix or save it, and retry.",
};

const where = (sheet: string, row: number, col: number): string => `${quoted(sheet)}!${cellA1(row, col)}`;

function duplicateCell(sheet: string, row: number, col: number, twice: boolean): FileReadError {
  return new FileReadError("duplicateCell", {
    da: `Filen er beskadiget: cellen ${where(sheet, row, col)} ${twice ? "står to gange" : "står uden for rækkefølgen (efter en senere celle)"} i arkets XML. ${REPAIR.da}`,
    en: `The file is damaged: the cell ${where(sheet, row, col)} ${twice ? "appears twice" : "is out of order (after a later cell)"} in the sheet's XML. ${REPAIR.en}`,
  });
}

function duplicateRow(sheet: string, row: number): FileReadError {
  return new FileReadError("duplicateCell", {
    da: `Filen er beskadiget: række ${row + 1} i arket ${quoted(sheet)} står to gange eller uden for rækkefølgen i arkets XML. ${REPAIR.da}`,
    en: `The file is damaged: row ${row + 1} of the sheet ${quoted(sheet)} appears twice or out of order in the sheet's XML. ${REPAIR.en}`,
  });
}

function badNumber(sheet: string, row: number, col: number, text: string): FileReadError {
  return new FileReadError("badNumber", {
    da: `Filen er beskadiget: cellen ${where(sheet, row, col)} er gemt som et tal, men indeholder ${quoted(text, 30)}, som ikke er et tal i Excels format (kun cifre, punktum og eksponent; ikke hex, NaN eller Infinity). Åbn filen i Excel, ret cellen, og prøv igen.`,
    en: `The file is damaged: the cell ${where(sheet, row, col)} is stored as a number but holds ${quoted(text, 30)}, which is not a number in Excel's format (digits, point and exponent only; not hex, NaN or Infinity). Open the file in Excel, fix the cell, and retry.`,
  });
}

function badSharedString(
  sheet: string,
  row: number,
  col: number,
  text: string,
  count: number,
): FileReadError {
  return new FileReadError("badSharedString", {
    da: `Filen er beskadiget: cellen ${where(sheet, row, col)} henviser til delt tekst nr. ${quoted(text, 30)}, men filen har kun ${count} delte tekster. Åbn filen i Excel, ret cellen, og prøv igen.`,
    en: `The file is damaged: the cell ${where(sheet, row, col)} refers to shared string no. ${quoted(text, 30)}, but the file has only ${count} shared strings. Open the file in Excel, fix the cell, and retry.`,
  });
}

function badDate(sheet: string, row: number, col: number, text: string): FileReadError {
  return new FileReadError("badDate", {
    da: `Filen er beskadiget: cellen ${where(sheet, row, col)} er gemt som en dato, men indeholder ${quoted(text, 30)}, som ikke er en dato. Åbn filen i Excel, ret cellen, og prøv igen.`,
    en: `The file is damaged: the cell ${where(sheet, row, col)} is stored as a date but holds ${quoted(text, 30)}, which is not a date. Open the file in Excel, fix the cell, and retry.`,
  });
}

function duplicateSheet(name: string): FileReadError {
  return new FileReadError("duplicateSheet", {
    da: `Filen er beskadiget: to ark hedder ${quoted(name)} (Excel skelner ikke mellem store og små bogstaver i arknavne). ${REPAIR.da}`,
    en: `The file is damaged: two sheets are called ${quoted(name)} (Excel does not tell upper and lower case apart in sheet names). ${REPAIR.en}`,
  });
}

function duplicateName(name: string, scope: string | undefined): FileReadError {
  const da = scope === undefined ? "for hele projektmappen" : `for arket ${quoted(scope)}`;
  const en = scope === undefined ? "for the whole workbook" : `for the sheet ${quoted(scope)}`;
  return new FileReadError("duplicateName", {
    da: `Filen er beskadiget: navnet ${quoted(name)} er defineret to gange ${da}. ${REPAIR.da}`,
    en: `The file is damaged: the name ${quoted(name)} is defined twice ${en}. ${REPAIR.en}`,
  });
}

/**
 * A number as Excel stores it in `<v>`: optional sign, digits with an optional point, optional exponent.
 * No hex, no `NaN`/`Infinity`, no blanks inside. Written so that no part can match the same digits two
 * ways (no backtracking blow-up).
 */
const XLSX_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Resolves a relationship target against the folder of the part that owns the relationships. */
export function resolveTarget(baseDir: string, target: string): string {
  const raw = target.startsWith("/") ? target.slice(1) : baseDir + target;
  const out: string[] = [];
  for (const seg of raw.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") out.pop();
    else out.push(seg);
  }
  return out.join("/");
}

interface Relationship {
  readonly type: string;
  readonly target: string;
}

/** The relationships of a `.rels` part (internal targets resolved against `baseDir`), by id. */
export function readRels(
  bytes: Uint8Array | undefined,
  part: string,
  baseDir: string,
): ReadonlyMap<string, Relationship> {
  const rels = new Map<string, Relationship>();
  if (bytes === undefined) return rels;
  parseXml(bytes, part, {
    open(name, attr) {
      if (name !== "Relationship") return;
      const id = attr("Id");
      const target = attr("Target");
      if (id === undefined || target === undefined || attr("TargetMode") === "External") return;
      rels.set(id, { type: attr("Type") ?? "", target: resolveTarget(baseDir, target) });
    },
  });
  return rels;
}

interface SheetEntry {
  readonly name: string;
  readonly visibility: SheetVisibility;
  readonly relId: string | undefined;
}

interface RawName {
  readonly name: string;
  readonly formula: string;
  readonly localSheetId: number | undefined;
  readonly hidden: boolean;
  readonly comment: string | undefined;
}

interface WorkbookXml {
  readonly sheets: readonly SheetEntry[];
  readonly names: readonly RawName[];
  readonly date1904: boolean;
}

/** Most defined names read (Excel has no fixed limit; real workbooks have hundreds, SØM's template ~100). */
export const MAX_DEFINED_NAMES = 50_000;
/** Longest defined-name formula (Excel's own limit for a formula is 8 192 characters). */
export const MAX_NAME_FORMULA = 8_192;

/** Parses workbook.xml: sheets (tab order, visibility, relationship id), defined names, date system. */
export function parseWorkbookXml(
  bytes: Uint8Array,
  part: string,
  maxSheets = DEFAULT_READ_LIMITS.maxSheets,
): WorkbookXml {
  const sheets: SheetEntry[] = [];
  const names: RawName[] = [];
  let date1904 = false;
  let inName:
    | { name: string; localSheetId: number | undefined; hidden: boolean; comment: string | undefined }
    | undefined;
  let text = "";
  parseXml(bytes, part, {
    open(name, attr) {
      if (name === "sheet") {
        if (sheets.length >= maxSheets)
          throw damaged({
            da: `den har flere end ${maxSheets} ark (Excel tillader højst 255 i praksis)`,
            en: `it has more than ${maxSheets} sheets (Excel allows 255 in practice)`,
          });
        const state = attr("state");
        sheets.push({
          name: attr("name") ?? "",
          visibility: state === "hidden" ? "hidden" : state === "veryHidden" ? "veryHidden" : "visible",
          relId: attr("id"),
        });
      } else if (name === "definedName") {
        if (names.length >= MAX_DEFINED_NAMES)
          throw new FileReadError("tooManyNames", {
            da: `Filen har flere end ${MAX_DEFINED_NAMES.toLocaleString("da-DK")} definerede navne; den læses ikke.`,
            en: `The file has more than ${MAX_DEFINED_NAMES.toLocaleString("en-GB")} defined names; it is not read.`,
          });
        const local = attr("localSheetId");
        const hidden = attr("hidden");
        inName = {
          name: attr("name") ?? "",
          localSheetId: local === undefined ? undefined : Number(local),
          hidden: hidden === "1" || hidden === "true",
          comment: attr("comment"),
        };
        text = "";
      } else if (name === "workbookPr") {
        const d = attr("date1904");
        date1904 = d === "1" || d === "true";
      }
    },
    text(t) {
      if (inName === undefined) return;
      text += t;
      if (text.length > MAX_NAME_FORMULA)
        throw new FileReadError("textTooLong", {
          da: `Navnet ${quoted(inName.name)} har en formel på over ${MAX_NAME_FORMULA.toLocaleString("da-DK")} tegn (Excels grænse); filen læses ikke.`,
          en: `The name ${quoted(inName.name)} has a formula of more than ${MAX_NAME_FORMULA.toLocaleString("en-GB")} characters (Excel's limit); the file is not read.`,
        });
    },
    close(name) {
      if (name === "definedName" && inName !== undefined) {
        names.push({ ...inName, formula: text });
        inName = undefined;
      }
    },
  });
  return { sheets, names, date1904 };
}

/**
 * Excel's escape for characters XML cannot hold (ST_Xstring): `_x001B_` is ESC, `_x005F_` a literal "_".
 * Decoded as Excel does, so the text is what the user sees in Excel (control characters included; they are
 * escaped again wherever we print them).
 */
export function decodeXstring(text: string): string {
  return text.includes("_x")
    ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    : text;
}

/** Shared strings (`<si>`): plain `<t>` or rich-text runs `<r><t>`; phonetic runs `<rPh>` are skipped. */
function readSharedStrings(
  bytes: Uint8Array | undefined,
  part: string,
  limits: ReadLimits,
): readonly string[] {
  const out: string[] = [];
  if (bytes === undefined) return out;
  let inSi = false;
  let inT = false;
  let phonetic = 0;
  let current = "";
  parseXml(bytes, part, {
    open(name) {
      if (name === "si") {
        inSi = true;
        current = "";
      } else if (name === "rPh") phonetic += 1;
      else if (name === "t" && inSi && phonetic === 0) inT = true;
    },
    text(t) {
      if (inT) {
        current += t;
        if (current.length > limits.maxTextLength) throw textTooLong(limits);
      }
    },
    close(name) {
      if (name === "t") inT = false;
      else if (name === "rPh") phonetic -= 1;
      else if (name === "si") {
        out.push(decodeXstring(current));
        inSi = false;
      }
    },
  });
  return out;
}

function textTooLong(limits: ReadLimits): FileReadError {
  return new FileReadError("textTooLong", {
    da: `Filen har en celle med mere end ${limits.maxTextLength.toLocaleString("da-DK")} tegn tekst; den læses ikke.`,
    en: `The file has a cell with more than ${limits.maxTextLength.toLocaleString("en-GB")} characters of text; it is not read.`,
  });
}

function tooManyCells(sheet: string, max: number): FileReadError {
  return new FileReadError("tooManyCells", {
    da: `Arket ${quoted(sheet)} (eller projektmappen) har flere end ${max.toLocaleString("da-DK")} udfyldte celler; filen læses ikke.`,
    en: `The sheet ${quoted(sheet)} (or the workbook) has more than ${max.toLocaleString("en-GB")} filled cells; the file is not read.`,
  });
}

/** An ISO date (`t="d"` cells) → 1900-system serial number; undefined when not a date. */
function isoToSerial(text: string): number | undefined {
  const ms = Date.parse(text.length === 10 ? `${text}T00:00:00Z` : text.endsWith("Z") ? text : `${text}Z`);
  if (!Number.isFinite(ms)) return undefined;
  return ms / 86_400_000 + 25_569;
}

interface CellBuild {
  row: number;
  col: number;
  type: string;
  v: string;
  f: string;
  hasF: boolean;
  shared: boolean;
  inline: string;
}

interface SheetCells {
  readonly cells: Map<number, XlsxCell>;
  readonly rowExtent: number;
  readonly colExtent: number;
}

/** Parses one worksheet part into cells; `budget.total` counts cells across sheets. */
function readWorksheet(
  bytes: Uint8Array,
  part: string,
  sheetName: string,
  strings: readonly string[],
  limits: ReadLimits,
  budget: { total: number },
): SheetCells {
  const cells = new Map<number, XlsxCell>();
  let rowExtent = 0;
  let colExtent = 0;
  let row = -1;
  let col = -1;
  /** Row of the last `<row>` element and key of the last `<c>`: both must increase strictly, as Excel writes them. */
  let lastRow = -1;
  let lastKey = -1;
  let cell: CellBuild | undefined;
  let capture: "v" | "f" | "t" | undefined;
  let inIs = false;
  let phonetic = 0;

  const finish = (c: CellBuild): void => {
    let value: CellValue = null;
    let error = false;
    switch (c.type) {
      case "s": {
        const t = c.v.trim();
        const i = /^\d{1,9}$/.test(t) ? Number(t) : -1;
        if (i < 0 || i >= strings.length) throw badSharedString(sheetName, c.row, c.col, t, strings.length);
        value = strings[i] ?? null;
        break;
      }
      case "str":
        value = decodeXstring(c.v);
        break;
      case "inlineStr":
        value = decodeXstring(c.inline);
        break;
      case "b":
        value = c.v.trim() === "1" || c.v.trim().toLowerCase() === "true";
        break;
      case "e":
        value = c.v;
        error = true;
        break;
      case "d": {
        const t = c.v.trim();
        value = t === "" ? null : (isoToSerial(t) ?? null);
        if (t !== "" && value === null) throw badDate(sheetName, c.row, c.col, t);
        break;
      }
      default: {
        const t = c.v.trim();
        if (t === "") value = null;
        else {
          const n = XLSX_NUMBER.test(t) ? Number(t) : NaN;
          if (!Number.isFinite(n)) throw badNumber(sheetName, c.row, c.col, t);
          value = n;
        }
      }
    }
    if (value === "" && !c.hasF) value = null; // an empty string is an empty cell, as Excel shows it
    const formula = c.hasF && c.f.trim() !== "" ? `=${c.f}` : undefined;
    if (value === null && formula === undefined && !c.shared) return;
    if (cells.size >= limits.maxCellsPerSheet) throw tooManyCells(sheetName, limits.maxCellsPerSheet);
    budget.total += 1;
    if (budget.total > limits.maxTotalCells) throw tooManyCells(sheetName, limits.maxTotalCells);
    const built: XlsxCell = {
      value,
      ...(formula !== undefined ? { formula } : {}),
      ...(c.shared && formula === undefined ? { sharedFormula: true as const } : {}),
      ...(error ? { error: true as const } : {}),
    };
    cells.set(cellKey(c.row, c.col), built);
    rowExtent = Math.max(rowExtent, c.row + 1);
    colExtent = Math.max(colExtent, c.col + 1);
  };

  parseXml(bytes, part, {
    open(name, attr) {
      switch (name) {
        case "row": {
          const r = attr("r");
          const n = r === undefined ? row + 2 : Number(r);
          if (!Number.isInteger(n) || n < 1 || n > 1_048_576)
            throw damaged({
              da: `et rækkenummer i arket ${quoted(sheetName)} er ikke mellem 1 og 1.048.576 (${quoted(r ?? "", 20)})`,
              en: `a row number in the sheet ${quoted(sheetName)} is not between 1 and 1,048,576 (${quoted(r ?? "", 20)})`,
            });
          if (n - 1 <= lastRow) throw duplicateRow(sheetName, n - 1);
          row = n - 1;
          lastRow = row;
          col = -1;
          break;
        }
        case "c": {
          const r = attr("r");
          let pos: { row: number; col: number } | undefined;
          if (r !== undefined) {
            pos = parseCellA1(r);
            if (pos === undefined)
              throw damaged({
                da: `cellereferencen ${quoted(r, 20)} i arket ${quoted(sheetName)} ligger uden for Excels gitter (A1:XFD1048576)`,
                en: `the cell reference ${quoted(r, 20)} in the sheet ${quoted(sheetName)} is outside Excel's grid (A1:XFD1048576)`,
              });
            if (row < 0) row = pos.row;
          } else {
            if (row < 0) row = 0;
            pos = { row, col: col + 1 };
            if (pos.col >= MAX_COLS)
              throw damaged({
                da: `arket ${quoted(sheetName)} har celler ud over kolonne XFD`,
                en: `the sheet ${quoted(sheetName)} has cells beyond column XFD`,
              });
          }
          col = pos.col;
          const key = cellKey(pos.row, pos.col);
          if (key <= lastKey)
            throw duplicateCell(sheetName, pos.row, pos.col, key === lastKey || cells.has(key));
          lastKey = key;
          cell = {
            row: pos.row,
            col: pos.col,
            type: attr("t") ?? "n",
            v: "",
            f: "",
            hasF: false,
            shared: false,
            inline: "",
          };
          break;
        }
        case "v":
          if (cell !== undefined) capture = "v";
          break;
        case "f":
          if (cell !== undefined) {
            capture = "f";
            cell.hasF = true;
            if (attr("t") === "shared") cell.shared = true;
          }
          break;
        case "is":
          inIs = true;
          break;
        case "rPh":
          phonetic += 1;
          break;
        case "t":
          if (cell !== undefined && inIs && phonetic === 0) capture = "t";
          break;
        default:
          break;
      }
    },
    text(t) {
      if (cell === undefined || capture === undefined) return;
      if (capture === "v") cell.v += t;
      else if (capture === "f") cell.f += t;
      else cell.inline += t;
      const len = capture === "v" ? cell.v.length : capture === "f" ? cell.f.length : cell.inline.length;
      if (len > limits.maxTextLength) throw textTooLong(limits);
    },
    close(name) {
      switch (name) {
        case "v":
        case "f":
        case "t":
          capture = undefined;
          break;
        case "is":
          inIs = false;
          break;
        case "rPh":
          phonetic -= 1;
          break;
        case "c":
          if (cell !== undefined) finish(cell);
          cell = undefined;
          capture = undefined;
          break;
        default:
          break;
      }
    },
  });
  return { cells, rowExtent, colExtent };
}

/**
 * Reads an .xlsx file's sheets, cell values, formulas and defined names. Throws `FileReadError` for any
 * file it refuses (too large, not a zip, zip bomb, not a workbook, damaged XML, too many cells). With
 * `parse = "onDemand"` a worksheet is parsed when its cells are first read (and may throw then).
 *
 * Example: `readXlsx(fs.readFileSync("SOM.xlsx")).names.get("som_startaar")` →
 * `{ kind: "range", name: "SOM_Startaar", sheet: "Indstillinger", rect: { row: 3, col: 1, rows: 1, cols: 1 } }`.
 */
export function readXlsx(
  bytes: Uint8Array,
  opts?: Partial<ReadLimits>,
  parse: "all" | "onDemand" = "all",
): XlsxBook {
  const limits: ReadLimits = { ...DEFAULT_READ_LIMITS, ...opts };
  const entries = listZipEntries(bytes, limits);
  const present = new Set(entries.map((e) => e.name.toLowerCase()));

  // 1. Where the workbook part is (the package relationships), defaulting to xl/workbook.xml.
  const rootRels = readRels(
    extractParts(bytes, new Set(["_rels/.rels"]), limits).get("_rels/.rels"),
    "_rels/.rels",
    "",
  );
  let workbookPart = "xl/workbook.xml";
  for (const rel of rootRels.values()) {
    if (rel.type.endsWith("/officeDocument") && present.has(rel.target.toLowerCase()))
      workbookPart = rel.target;
  }
  const slash = workbookPart.lastIndexOf("/");
  const wbDir = slash < 0 ? "" : workbookPart.slice(0, slash + 1);
  const wbRelsPart = `${wbDir}_rels/${workbookPart.slice(slash + 1)}.rels`;
  const wbParts = extractParts(
    bytes,
    new Set([workbookPart.toLowerCase(), wbRelsPart.toLowerCase()]),
    limits,
  );
  const wbBytes = wbParts.get(workbookPart.toLowerCase());
  if (wbBytes === undefined) throw notWorkbook();
  const workbook = parseWorkbookXml(wbBytes, workbookPart, limits.maxSheets);
  const sheetKeys = new Set<string>();
  for (const s of workbook.sheets) {
    const key = s.name.toLowerCase();
    if (sheetKeys.has(key)) throw duplicateSheet(s.name);
    sheetKeys.add(key);
  }
  const rels = readRels(wbParts.get(wbRelsPart.toLowerCase()), wbRelsPart, wbDir);

  // 2. The shared strings and the worksheets, in one pass over the zip (caps on their total size).
  let sstPart: string | undefined;
  for (const rel of rels.values()) if (rel.type.endsWith("/sharedStrings")) sstPart = rel.target;
  const sheetPart = (s: SheetEntry): string | undefined => {
    const rel = s.relId === undefined ? undefined : rels.get(s.relId);
    return rel !== undefined && rel.type.endsWith("/worksheet") ? rel.target : undefined;
  };
  // "all": every worksheet and the shared strings inflated in one pass over the zip. "onDemand": each part
  // inflated when first needed. Either way the declared sizes count against one total cap.
  const inflated = { total: 0 };
  let preloaded: ReadonlyMap<string, Uint8Array> | undefined;
  if (parse === "all") {
    const wanted = new Set<string>();
    if (sstPart !== undefined) wanted.add(sstPart.toLowerCase());
    for (const s of workbook.sheets) {
      const p = sheetPart(s);
      if (p !== undefined) wanted.add(p.toLowerCase());
    }
    preloaded = extractParts(bytes, wanted, limits, inflated);
  }
  const partBytes = (part: string): Uint8Array | undefined => {
    const key = part.toLowerCase();
    return (preloaded ?? extractParts(bytes, new Set([key]), limits, inflated)).get(key);
  };
  // With "onDemand" (the command line), the shared strings and each worksheet are parsed on first use — a
  // calculation never parses the Viden or Forside sheets; the caps apply to whatever is parsed, and a refusal
  // is the same `FileReadError`, thrown when the sheet is first used. "all" parses every sheet now.
  let strings: readonly string[] | undefined;
  const sharedStrings = (): readonly string[] =>
    (strings ??= readSharedStrings(
      sstPart === undefined ? undefined : partBytes(sstPart),
      sstPart ?? "",
      limits,
    ));

  const budget = { total: 0 };
  const sheets: XlsxSheet[] = workbook.sheets.map((s) => {
    const p = sheetPart(s);
    let read: SheetCells | undefined;
    const parseSheet = (): SheetCells => {
      // Chart sheets and dialog sheets have no cells; a missing worksheet part is read as an empty sheet.
      const data = p === undefined ? undefined : partBytes(p);
      return data === undefined || p === undefined
        ? { cells: new Map<number, XlsxCell>(), rowExtent: 0, colExtent: 0 }
        : readWorksheet(data, p, s.name, sharedStrings(), limits, budget);
    };
    const get = (): SheetCells => (read ??= parseSheet());
    return {
      name: s.name,
      visibility: s.visibility,
      get cells() {
        return get().cells;
      },
      get rowExtent() {
        return get().rowExtent;
      },
      get colExtent() {
        return get().colExtent;
      },
    };
  });

  if (parse === "all") for (const sheet of sheets) void sheet.cells;

  // 3. Defined names: workbook-scoped ones resolved; all of them kept raw for copying.
  const bySheetName = new Map<string, string>();
  for (const s of sheets)
    if (!bySheetName.has(s.name.toLowerCase())) bySheetName.set(s.name.toLowerCase(), s.name);
  const lookupSheet = (n: string): string | undefined => bySheetName.get(n.toLowerCase());
  const names = new Map<string, XlsxName>();
  const rawNames: RawDefinedName[] = [];
  const defined = new Set<string>();
  for (const n of workbook.names) {
    const scope = n.localSheetId === undefined ? undefined : workbook.sheets[n.localSheetId]?.name;
    if (n.localSheetId !== undefined && scope === undefined) continue; // scoped to a sheet that does not exist
    // One name, one scope, one meaning: Excel refuses a second definition (names compare case-insensitively).
    const scopeKey = `${n.localSheetId ?? "*"}|${n.name.toLowerCase()}`;
    if (n.name !== "" && defined.has(scopeKey)) throw duplicateName(n.name, scope);
    defined.add(scopeKey);
    rawNames.push({
      name: n.name,
      formula: n.formula,
      ...(scope !== undefined ? { scopeSheet: scope } : {}),
      ...(n.hidden ? { hidden: true as const } : {}),
      ...(n.comment !== undefined ? { comment: n.comment } : {}),
    });
    if (n.localSheetId !== undefined || n.name === "") continue;
    const key = n.name.toLowerCase();
    const target = parseNameFormula(n.formula, lookupSheet);
    names.set(
      key,
      target.kind === "range"
        ? { kind: "range", name: n.name, sheet: target.sheet, rect: target.rect }
        : target.kind === "constant"
          ? { kind: "constant", name: n.name, value: target.value }
          : { kind: "unsupported", name: n.name, formula: n.formula },
    );
  }
  return { sheets, names, rawNames, date1904: workbook.date1904, workbookPart };
}
