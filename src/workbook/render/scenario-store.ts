/**
 * Saved scenarios inside the workbook (som-method.md §9): the hidden sheet `_som_scenarier`, one table of
 * plain cell values under the defined name `SOM_Scenarier`. Plain values in a hidden sheet plus a defined
 * name survive email, Excel, LibreOffice and file libraries (addin-engineering.md §0.7, §2.3); custom XML
 * and add-in settings do not.
 *
 * A scenario stores, per input name of the contract, the 2-D grid of values as read (`NamedValue`) and its
 * position, plus key results at save time. Layout (0-based rows; columns A–H):
 *
 *   row 0  title (the ownership marker, `STORE_TITLE`)
 *   row 1  header: Scenarie | Post | Navn | Felt | Række | Kolonne | Type | Værdi
 *   row 2… one record per row:
 *     id | "scenarie" |                |  "navn"/"gemt"/"motor"  |      |      | s     | text
 *     id | "område"   | defined name   |  (sheet in Værdi)       | row  | col  | s     | sheet
 *     id | "form"     | defined name   |                         | rows | cols |       |
 *     id | "celle"    | defined name   |                         | r    | c    | s/n/b | value as text
 *     id | "konstant" | defined name   |                         |      |      | s/n/b/z | value as text
 *     id | "formel"   | defined name   |                         |      |      | s     | formula text
 *     id | "nøgletal" | scope name     |  "<scope>.<field>"      |      |      | n/z   | number as text
 *
 * Every value is stored as **text** (Værdi is formatted as Text, "@") with a type tag, so nothing is
 * re-interpreted by Excel or LibreOffice: numbers as JavaScript's shortest round-trip decimal ("0.035"),
 * booleans as TRUE/FALSE, text as itself (a text starting with "=" stays text). Blank cells (null, and
 * the empty text, which Excel does not keep apart from blank) are not stored; the grid shape is.
 *
 * The store is untrusted on reading (the workbook arrives by email): only contract input names are kept,
 * grid sizes are capped, ids must be positive integers, and anything malformed is reported and skipped.
 */
import { INPUT_NAMES } from "../names";
import type { NamedValue } from "../port";
import type { Block, CellValue, NameSpec, SheetSpec } from "../sheet-model";
import { rectA1 } from "../a1";

export const SCENARIO_SHEET = "_som_scenarier";
export const SCENARIO_TABLE_NAME = "SOM_Scenarier";
/** First cell of the sheet; its presence marks the sheet as ours. */
export const STORE_TITLE = "SØM for Excel – gemte scenarier (redigér ikke) / saved scenarios (do not edit)";
export const STORE_HEADER = [
  "Scenarie",
  "Post",
  "Navn",
  "Felt",
  "Række",
  "Kolonne",
  "Type",
  "Værdi",
] as const;

/** Limits on what is read back from a (possibly tampered) store. */
export const STORE_LIMITS = {
  maxScenarios: 50,
  maxNameLength: 80,
  maxGridRows: 100_000,
  maxGridCols: 1_000,
  maxGridCells: 2_000_000,
  /** All stored grids of all scenarios together (declared shapes): what comparing them may hold in memory. */
  maxTotalCells: 2_000_000,
} as const;

/** Which result block a key figure belongs to. */
export type FigureScope = "total" | "level" | "actor";
export type FigureField = "netTotal" | "presentValue" | "breakEvenYear" | "returnPerKrone";
export const FIGURE_FIELDS: readonly FigureField[] = [
  "netTotal",
  "presentValue",
  "breakEvenYear",
  "returnPerKrone",
];

/** One key figure at save time (kroner at the scenario's price level; null = undefined, som-method.md §6). */
export interface StoredFigure {
  readonly scope: FigureScope;
  /** "" for the total, the level or the actor's name otherwise. */
  readonly name: string;
  readonly field: FigureField;
  readonly value: number | null;
}

export interface StoredScenario {
  /** Stable id (positive integer); names can be renamed. */
  readonly id: number;
  readonly name: string;
  /** When it was saved (ISO 8601 text). */
  readonly savedAt: string;
  readonly engineVersion: string;
  /** The input names as read at save time, in contract order; a name that was not defined is absent. */
  readonly inputs: readonly NamedValue[];
  readonly figures: readonly StoredFigure[];
}

// ───────────────────────────── values ⇄ text ─────────────────────────────

type Tag = "s" | "n" | "b" | "z";

function encodeValue(v: CellValue): readonly [Tag, string] {
  if (v === null) return ["z", ""];
  if (typeof v === "string") return ["s", v];
  if (typeof v === "boolean") return ["b", v ? "TRUE" : "FALSE"];
  return ["n", Object.is(v, -0) ? "-0" : String(v)];
}

function decodeValue(tag: CellValue, text: CellValue): CellValue | undefined {
  const t = text === null ? "" : typeof text === "string" ? text : String(text);
  switch (tag) {
    case "z":
      return null;
    case "s":
      return t;
    case "b":
      return t === "TRUE" ? true : t === "FALSE" ? false : undefined;
    case "n": {
      if (typeof text === "number") return text;
      if (!/^-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/.test(t.trim())) return undefined;
      const n = Number(t);
      return Number.isFinite(n) ? n : undefined;
    }
    default:
      return undefined;
  }
}

// ───────────────────────────── writing ─────────────────────────────

type Row = readonly CellValue[];

function scenarioRows(s: StoredScenario): Row[] {
  const rows: Row[] = [
    [s.id, "scenarie", null, "navn", null, null, "s", s.name],
    [s.id, "scenarie", null, "gemt", null, null, "s", s.savedAt],
    [s.id, "scenarie", null, "motor", null, null, "s", s.engineVersion],
  ];
  for (const v of s.inputs) {
    if (v.kind === "range") {
      const h = v.values.length;
      const w = v.values[0]?.length ?? 0;
      rows.push([s.id, "område", v.name, null, v.row, v.col, "s", v.sheet]);
      rows.push([s.id, "form", v.name, null, h, w, null, null]);
      v.values.forEach((line, r) =>
        line.forEach((cell, c) => {
          if (cell === null || cell === "") return;
          const [tag, text] = encodeValue(cell);
          rows.push([s.id, "celle", v.name, null, r, c, tag, text]);
        }),
      );
    } else if (v.kind === "constant") {
      const [tag, text] = encodeValue(v.value);
      rows.push([s.id, "konstant", v.name, null, null, null, tag, text]);
    } else {
      rows.push([s.id, "formel", v.name, null, null, null, "s", v.formula]);
    }
  }
  for (const f of s.figures) {
    const [tag, text] = f.value === null ? (["z", ""] as const) : encodeValue(f.value);
    rows.push([s.id, "nøgletal", f.name, `${f.scope}.${f.field}`, null, null, tag, text]);
  }
  return rows;
}

/**
 * The hidden store sheet and its defined name for the given scenarios (in list order).
 * @example renderScenarioStore([saved]) // → { sheet: { name: "_som_scenarier", visibility: "hidden", … }, names: [SOM_Scenarier] }
 */
export function renderScenarioStore(scenarios: readonly StoredScenario[]): {
  readonly sheet: SheetSpec;
  readonly names: readonly NameSpec[];
} {
  const records = scenarios.flatMap(scenarioRows);
  const all: Row[] = [[STORE_TITLE, null, null, null, null, null, null, null], [...STORE_HEADER], ...records];
  const column = (from: number, to: number): (readonly CellValue[])[] => all.map((r) => r.slice(from, to));
  const blocks: Block[] = [
    { row: 0, col: 0, values: column(0, 2) },
    { row: 0, col: 2, values: column(2, 4), numberFormat: "@" },
    { row: 0, col: 4, values: column(4, 6) },
    { row: 0, col: 6, values: column(6, 8), numberFormat: "@" },
  ];
  return {
    sheet: {
      name: SCENARIO_SHEET,
      role: "meta",
      visibility: "hidden",
      columnWidths: [10, 10, 24, 22, 8, 8, 6, 40],
      blocks,
    },
    names: [
      {
        name: SCENARIO_TABLE_NAME,
        sheet: SCENARIO_SHEET,
        ref: rectA1({ row: 0, col: 0, rows: all.length, cols: STORE_HEADER.length }, true),
        comment: "SØM for Excel: saved scenarios (do not edit)",
      },
    ],
  };
}

// ───────────────────────────── reading ─────────────────────────────

export interface StoreRead {
  readonly scenarios: readonly StoredScenario[];
  /** Records that could not be read (skipped), in English for logs and Danish for the user. */
  readonly problems: readonly { readonly da: string; readonly en: string }[];
}

/** True when the values look like our store (title in the first cell, our header in the second row). */
export function isScenarioStore(values: readonly (readonly CellValue[])[]): boolean {
  const title = values[0]?.[0];
  const header = values[1] ?? [];
  return title === STORE_TITLE && STORE_HEADER.every((h, i) => header[i] === h);
}

const contractSpelling = new Map(INPUT_NAMES.map((n) => [n.toLowerCase(), n] as const));

const intIn = (v: CellValue, min: number, max: number): number | undefined =>
  typeof v === "number" && Number.isInteger(v) && v >= min && v <= max ? v : undefined;

interface Draft {
  id: number;
  name?: string;
  savedAt: string;
  engineVersion: string;
  order: string[];
  ranges: Map<
    string,
    {
      sheet: string;
      row: number;
      col: number;
      rows?: number;
      cols?: number;
      cells: [number, number, CellValue][];
    }
  >;
  constants: Map<string, CellValue>;
  formulas: Map<string, string>;
  figures: StoredFigure[];
}

/**
 * Parses the store table (as read through `SOM_Scenarier`). Never throws on bad content: malformed records
 * are skipped and reported in `problems`; a scenario without a name is dropped.
 */
export function parseScenarioStore(values: readonly (readonly CellValue[])[]): StoreRead {
  const problems: { da: string; en: string }[] = [];
  const problem = (row: number, en: string, da: string): void => {
    if (problems.length < 20) problems.push({ da: `Række ${row + 1}: ${da}`, en: `Row ${row + 1}: ${en}` });
  };
  const drafts = new Map<number, Draft>();
  let declaredCells = 0;
  for (let i = 2; i < values.length; i++) {
    const r = values[i] ?? [];
    const [idCell, kind, nameCell, field, a, b, tag, text] = [
      r[0] ?? null,
      r[1] ?? null,
      r[2] ?? null,
      r[3] ?? null,
      r[4] ?? null,
      r[5] ?? null,
      r[6] ?? null,
      r[7] ?? null,
    ];
    if (r.every((c) => c === null || c === "")) continue;
    const id = intIn(idCell, 1, Number.MAX_SAFE_INTEGER);
    if (id === undefined) {
      problem(i, "no valid scenario id", "intet gyldigt scenarie-id");
      continue;
    }
    let d = drafts.get(id);
    if (d === undefined) {
      if (drafts.size >= STORE_LIMITS.maxScenarios) {
        problem(i, "too many scenarios", "for mange scenarier");
        continue;
      }
      d = {
        id,
        savedAt: "",
        engineVersion: "",
        order: [],
        ranges: new Map(),
        constants: new Map(),
        formulas: new Map(),
        figures: [],
      };
      drafts.set(id, d);
    }
    const textValue = text === null ? "" : String(text);
    if (kind === "scenarie") {
      if (field === "navn") d.name = textValue.slice(0, STORE_LIMITS.maxNameLength);
      else if (field === "gemt") d.savedAt = textValue;
      else if (field === "motor") d.engineVersion = textValue;
      continue;
    }
    if (kind === "nøgletal") {
      const [scope, f] = typeof field === "string" ? field.split(".") : [];
      const value = decodeValue(tag, text);
      if (
        (scope !== "total" && scope !== "level" && scope !== "actor") ||
        !FIGURE_FIELDS.includes(f as FigureField) ||
        (value !== null && typeof value !== "number")
      ) {
        problem(i, "unreadable key figure", "ulæseligt nøgletal");
        continue;
      }
      d.figures.push({
        scope,
        name: nameCell === null ? "" : String(nameCell),
        field: f as FigureField,
        value,
      });
      continue;
    }
    const spelled = typeof nameCell === "string" ? contractSpelling.get(nameCell.toLowerCase()) : undefined;
    if (spelled === undefined) {
      problem(i, "not an input name of the contract", "ikke et inputnavn i kontrakten");
      continue;
    }
    const key = spelled.toLowerCase();
    const note = (): void => {
      if (!d.order.includes(key)) d.order.push(key);
    };
    switch (kind) {
      case "område": {
        const row = intIn(a, 0, 1_048_575);
        const col = intIn(b, 0, 16_383);
        if (row === undefined || col === undefined || textValue === "") {
          problem(i, "unreadable range position", "ulæselig placering");
          break;
        }
        const prev = d.ranges.get(key);
        d.ranges.set(key, {
          sheet: textValue,
          row,
          col,
          cells: prev?.cells ?? [],
          ...(prev?.rows === undefined ? {} : { rows: prev.rows, cols: prev.cols ?? 0 }),
        });
        note();
        break;
      }
      case "form": {
        const rows = intIn(a, 0, STORE_LIMITS.maxGridRows);
        const cols = intIn(b, 0, STORE_LIMITS.maxGridCols);
        const range = d.ranges.get(key);
        if (
          rows === undefined ||
          cols === undefined ||
          rows * cols > STORE_LIMITS.maxGridCells ||
          range === undefined
        ) {
          problem(i, "unreadable range shape", "ulæselig størrelse");
          break;
        }
        if (declaredCells + rows * cols > STORE_LIMITS.maxTotalCells) {
          problem(
            i,
            "the stored scenarios hold more than 2,000,000 cells together; this range is skipped",
            "de gemte scenarier fylder over 2.000.000 celler tilsammen; området springes over",
          );
          break;
        }
        declaredCells += rows * cols;
        range.rows = rows;
        range.cols = cols;
        break;
      }
      case "celle": {
        const range = d.ranges.get(key);
        const rr = intIn(a, 0, STORE_LIMITS.maxGridRows);
        const cc = intIn(b, 0, STORE_LIMITS.maxGridCols);
        const value = decodeValue(tag, text);
        if (range === undefined || rr === undefined || cc === undefined || value === undefined) {
          problem(i, "unreadable cell", "ulæselig celle");
          break;
        }
        range.cells.push([rr, cc, value]);
        break;
      }
      case "konstant": {
        const value = decodeValue(tag, text);
        if (value === undefined) {
          problem(i, "unreadable constant", "ulæselig konstant");
          break;
        }
        d.constants.set(key, value);
        note();
        break;
      }
      case "formel":
        d.formulas.set(key, textValue);
        note();
        break;
      default:
        problem(i, "unknown record kind", "ukendt posttype");
    }
  }

  const scenarios: StoredScenario[] = [];
  for (const d of drafts.values()) {
    if (d.name === undefined || d.name.trim() === "") {
      problems.push({
        da: `Scenarie ${d.id} har intet navn og springes over.`,
        en: `Scenario ${d.id} has no name and is skipped.`,
      });
      continue;
    }
    const inputs: NamedValue[] = [];
    for (const key of d.order) {
      const name = contractSpelling.get(key) ?? key;
      const range = d.ranges.get(key);
      if (range !== undefined) {
        if (range.rows === undefined || range.cols === undefined) {
          problems.push({
            da: `Scenarie ${d.id}: ${name} mangler sin størrelse.`,
            en: `Scenario ${d.id}: ${name} has no shape.`,
          });
          continue;
        }
        const grid: CellValue[][] = Array.from({ length: range.rows }, () =>
          new Array<CellValue>(range.cols ?? 0).fill(null),
        );
        for (const [r, c, v] of range.cells) {
          const line = grid[r];
          if (line !== undefined && c < line.length) line[c] = v;
        }
        inputs.push({
          kind: "range",
          name,
          sheet: range.sheet,
          row: range.row,
          col: range.col,
          values: grid,
        });
      } else if (d.constants.has(key))
        inputs.push({ kind: "constant", name, value: d.constants.get(key) ?? null });
      else if (d.formulas.has(key))
        inputs.push({ kind: "unsupported", name, formula: d.formulas.get(key) ?? "" });
    }
    const order = new Map(INPUT_NAMES.map((n, i) => [n.toLowerCase(), i] as const));
    inputs.sort((x, y) => (order.get(x.name.toLowerCase()) ?? 0) - (order.get(y.name.toLowerCase()) ?? 0));
    scenarios.push({
      id: d.id,
      name: d.name,
      savedAt: d.savedAt,
      engineVersion: d.engineVersion,
      inputs,
      figures: d.figures,
    });
  }
  return { scenarios, problems };
}
