/**
 * Reads a SØM scenario from the values behind the contract's defined names (workbook-contract.md v2) into
 * a `RawScenario`, collecting reading problems as located input issues, and maps the engine's validation
 * issues (paths into the RawScenario) back to defined name, sheet and A1 cell (`locate`).
 *
 * Pure and synchronous: the caller reads `SCENARIO_NAMES` through `WorkbookPort.readNames` and passes the
 * map in. Time is linear in the number of cells read.
 *
 * @example
 * const named = await port.readNames(SCENARIO_NAMES);
 * const read = readScenario(named);
 * const v = validateScenario(read.raw);
 * const issues = v.ok ? [] : withEngineIssues(read, v.issues);
 */
import type {
  InputIssue,
  IssueLocation,
  RawActor,
  RawConsequenceLine,
  RawCostLine,
  RawEffect,
  RawIndexPoint,
  RawParticipants,
  RawPriceRow,
  RawScenario,
  RawSettings,
} from "../../engine/types";
import { cellA1, parseRectA1, rectA1 } from "../a1";
import {
  COLUMNS,
  CONSEQUENCE_KIND_LABELS,
  COST_KIND_LABELS,
  HORIZON_METHOD_LABELS,
  LEVEL_LABELS,
  MAX_CONSEQUENCE_YEARS,
  MAX_NOTE_LENGTH,
  N,
  PERSPECTIVE_LABELS,
  PHASE_LABELS,
  type ColumnDef,
} from "../names";
import type { NamedValue } from "../port";
import { terminalSafe } from "../safe-text";
import type { CellValue } from "../sheet-model";
import {
  blockCellAt,
  normalizeHeader,
  readBlock,
  type BlockCell,
  type BlockRead,
  type BlockRow,
  type ExtraColumn,
} from "./block";
import { readIssue } from "./read-issues";
import {
  isBlank,
  locationOf,
  lookupName,
  readScalar,
  toNumber,
  toPercent,
  toText,
  type CellAt,
  type IssuePath,
  type ScalarCell,
} from "./scalar";

/** The contract names a calculation reads (pass to `WorkbookPort.readNames`). */
export const SCENARIO_NAMES: readonly string[] = [
  N.intervention,
  N.targetGroup,
  N.startYear,
  N.horizon,
  N.horizonMethod,
  N.perspective,
  N.priceLevel,
  N.discountRate,
  N.operatingPeriod,
  N.duration,
  N.actors,
  N.priceIndex,
  N.participants,
  N.effects,
  N.costs,
  N.consequences,
  N.prices,
];

/** A range (or named constant) that was read: `ref` is its A1 range, e.g. "B3:F20"; `""` (and sheet `""`) for a constant. */
export interface InputRangeRef {
  readonly name: string;
  readonly sheet: string;
  readonly ref: string;
}

export interface ScenarioRead {
  readonly raw: RawScenario;
  /** Reading problems, already located (name, sheet, cell). */
  readonly issues: readonly InputIssue[];
  /** Fill name/sheet/cell (and `related` from `relatedPath`) of an engine validation issue from its path. */
  locate(issue: InputIssue): InputIssue;
  /** The ranges (and constants) that were read — used for the stale-results input snapshot. */
  readonly inputRanges: readonly InputRangeRef[];
}

// ───────────────────────────── labels → engine codes ─────────────────────────────

function labelMap(labels: readonly { readonly code: string; readonly da: string; readonly en: string }[]) {
  const m = new Map<string, string>();
  for (const l of labels) for (const t of [l.code, l.da, l.en]) m.set(normalizeHeader(t), l.code);
  return m;
}
const COST_KIND = labelMap(COST_KIND_LABELS.map((l) => ({ code: l.kind, da: l.da, en: l.en })));
const CONSEQUENCE_KIND = labelMap(CONSEQUENCE_KIND_LABELS.map((l) => ({ code: l.kind, da: l.da, en: l.en })));
const LEVEL = labelMap(LEVEL_LABELS.map((l) => ({ code: l.level, da: l.da, en: l.en })));
const PHASE = labelMap(PHASE_LABELS);
const HORIZON_METHOD = labelMap(HORIZON_METHOD_LABELS);
const PERSPECTIVE = labelMap(PERSPECTIVE_LABELS);

/** A Danish or English label (trimmed, case-insensitive) → the engine code; unknown text passes through. */
const normalizeLabel = (map: ReadonlyMap<string, string>, text: string): string =>
  map.get(normalizeHeader(text)) ?? text;

/** An optional label: blank → undefined (the engine's default), otherwise as `normalizeLabel`. */
const optionalLabel = (map: ReadonlyMap<string, string>, text: string | undefined): string | undefined =>
  text === undefined || text.trim() === "" ? undefined : normalizeLabel(map, text);

/** A consequence year column header (normalised): `År 3`, `year 3`. */
const YEAR_HEADER = /^(?:\u00e5r|year) ?([0-9]+)$/;

/** Smallest price index value accepted: converting by a smaller one could overflow (1e-300 → 1e300×). */
export const MIN_PRICE_INDEX = 1e-6;

/**
 * A free-text note cell as the report shows it [D]: presentation only, so nothing here is an error. Text is
 * trimmed, runs of whitespace (line breaks, tabs) become one space, control and direction characters are shown
 * as `\uXXXX` (`terminalSafe`: a note cannot reorder what the report shows), and a note longer than
 * `MAX_NOTE_LENGTH` characters is cut with "…" and a `note-too-long` warning at its cell. A number or TRUE/FALSE
 * is kept as its text; blank → undefined. The text stays text: every writer stores strings as strings.
 */
export function noteText(value: CellValue, at: CellAt, issues: InputIssue[]): string | undefined {
  if (value === null) return undefined;
  const text = terminalSafe(String(value).replace(/\s+/g, " ").trim());
  if (text === "") return undefined;
  const chars = Array.from(text);
  if (chars.length <= MAX_NOTE_LENGTH) return text;
  issues.push(readIssue("note-too-long", locationOf(at), { length: chars.length, max: MAX_NOTE_LENGTH }));
  return `${chars.slice(0, MAX_NOTE_LENGTH).join("")}…`;
}

// ───────────────────────────── path field → column key ─────────────────────────────

type BlockKey = "actors" | "participants" | "effects" | "costs" | "consequences" | "prices" | "priceIndex";

const BLOCK_NAMES: Readonly<Record<BlockKey, string>> = {
  actors: N.actors,
  participants: N.participants,
  effects: N.effects,
  costs: N.costs,
  consequences: N.consequences,
  prices: N.prices,
  priceIndex: N.priceIndex,
};

/** RawScenario field → block column key (fields not listed have the same name as the column key). */
const FIELD_COLUMNS: Readonly<Record<BlockKey, Readonly<Record<string, string>>>> = {
  actors: { name: "actor", level: "level" },
  participants: { calcYear: "year", count: "count" },
  effects: { name: "effect", successRate: "successRate", source: "source", note: "note" },
  costs: {
    item: "item",
    kind: "kind",
    actor: "actor",
    amountKr: "amount",
    priceYear: "priceYear",
    fromYear: "fromYear",
    toYear: "toYear",
    source: "source",
    note: "note",
  },
  consequences: {
    effect: "effect",
    service: "service",
    unit: "unit",
    kind: "kind",
    phase: "phase",
    source: "source",
    note: "note",
  },
  prices: { service: "service", unit: "unit", priceYear: "priceYear", source: "source", note: "note" },
  priceIndex: { year: "year", index: "index" },
};

type ScalarKey =
  | "intervention"
  | "targetGroup"
  | "startYear"
  | "horizon"
  | "horizonMethod"
  | "perspective"
  | "priceLevel"
  | "discountRate"
  | "operatingPeriod"
  | "duration";

const SCALAR_NAMES: Readonly<Record<ScalarKey, string>> = {
  intervention: N.intervention,
  targetGroup: N.targetGroup,
  startYear: N.startYear,
  horizon: N.horizon,
  horizonMethod: N.horizonMethod,
  perspective: N.perspective,
  priceLevel: N.priceLevel,
  discountRate: N.discountRate,
  operatingPeriod: N.operatingPeriod,
  duration: N.duration,
};

const isBlockKey = (k: unknown): k is BlockKey => typeof k === "string" && Object.hasOwn(BLOCK_NAMES, k);
const isScalarKey = (k: unknown): k is ScalarKey => typeof k === "string" && Object.hasOwn(SCALAR_NAMES, k);

/** What `locate` needs to know about one block as read. */
interface BlockPlace {
  readonly block: BlockRead;
  /** Rows in RawScenario order (index i of the block's array). */
  readonly rows: readonly BlockRow[];
  /** Consequences: 0-based year index j → 0-based sheet column of `År j+1`. */
  readonly yearCols?: ReadonlyMap<number, number>;
  /** Prices: actor name as in the RawScenario → 0-based sheet column. */
  readonly priceCols?: ReadonlyMap<string, number>;
}

type Located = { readonly name?: string; readonly sheet?: string; readonly cell?: string };

// ───────────────────────────── the reader ─────────────────────────────

/** Read the scenario behind the contract names. Never throws on user content. */
export function readScenario(named: ReadonlyMap<string, NamedValue>): ScenarioRead {
  const issues: InputIssue[] = [];
  const scalars = new Map<ScalarKey, ScalarCell>();
  const places = new Map<BlockKey, BlockPlace>();

  // ── scalars
  const scalar = (key: ScalarKey, required: boolean, path: IssuePath): ScalarCell | undefined => {
    const s = readScalar(named, SCALAR_NAMES[key], issues, { required, path });
    if (s !== undefined) scalars.set(key, s);
    return s;
  };
  const scalarText = (key: ScalarKey, required: boolean): string | undefined => {
    const s = scalar(key, required, [key]);
    return s === undefined ? undefined : toText(s.value, s.at, issues);
  };
  /** An optional enumeration setting (text), Danish or English label → engine code; unknown text passes through. */
  const settingLabel = (key: "horizonMethod" | "perspective", map: ReadonlyMap<string, string>) => {
    const s = scalar(key, false, ["settings", key]);
    const text = s === undefined ? undefined : toText(s.value, s.at, issues);
    return text === undefined || text.trim() === "" ? undefined : normalizeLabel(map, text);
  };
  const scalarNumber = (
    key: Exclude<ScalarKey, "intervention" | "targetGroup" | "horizonMethod" | "perspective">,
    required: boolean,
  ) => {
    const s = scalar(key, required, ["settings", key]);
    if (s === undefined) return undefined;
    return key === "discountRate" ? toPercent(s.value, s.at, issues) : toNumber(s.value, s.at, issues);
  };

  const intervention = scalarText("intervention", true);
  const targetGroup = scalarText("targetGroup", false);
  const startYear = scalarNumber("startYear", true);
  const horizon = scalarNumber("horizon", true);
  const priceLevel = scalarNumber("priceLevel", false);
  const discountRate = scalarNumber("discountRate", false);
  const operatingPeriod = scalarNumber("operatingPeriod", true);
  const duration = scalarNumber("duration", false);
  const horizonMethod = settingLabel("horizonMethod", HORIZON_METHOD);
  const perspective = settingLabel("perspective", PERSPECTIVE);
  const settings: RawSettings = {
    ...(startYear === undefined ? {} : { startYear }),
    ...(horizon === undefined ? {} : { horizon }),
    ...(horizonMethod === undefined ? {} : { horizonMethod }),
    ...(perspective === undefined ? {} : { perspective }),
    ...(duration === undefined ? {} : { duration }),
    ...(priceLevel === undefined ? {} : { priceLevel }),
    ...(discountRate === undefined ? {} : { discountRate }),
    ...(operatingPeriod === undefined ? {} : { operatingPeriod }),
  };

  // ── blocks: a helper that reads each kept row with its RawScenario index
  // Only the contract's columns carry data, except where the caller says which extra columns do.
  const block = (
    key: BlockKey,
    columns: readonly ColumnDef[],
    required: boolean,
    extraIsData: (c: ExtraColumn) => boolean = () => false,
  ): BlockRead | undefined =>
    readBlock(named, BLOCK_NAMES[key], columns, issues, {
      required,
      path: [key],
      extraIsData,
      reportOutside: true,
    });
  const at = (b: BlockRead, cell: BlockCell, path: IssuePath): CellAt => blockCellAt(b, cell.cell, path);
  const fieldOf = (key: BlockKey) => (b: BlockRead, row: BlockRow, i: number) => {
    const cellOf = (field: string): { readonly cell: BlockCell; readonly at: CellAt } | undefined => {
      const c = row.fields.get(FIELD_COLUMNS[key][field] ?? field);
      return c === undefined ? undefined : { cell: c, at: at(b, c, [key, i, field]) };
    };
    return {
      text(field: string): string | undefined {
        const c = cellOf(field);
        return c === undefined ? undefined : toText(c.cell.value, c.at, issues);
      },
      number(field: string): number | undefined {
        const c = cellOf(field);
        return c === undefined ? undefined : toNumber(c.cell.value, c.at, issues);
      },
      percent(field: string): number | undefined {
        const c = cellOf(field);
        return c === undefined ? undefined : toPercent(c.cell.value, c.at, issues);
      },
      /** The free-text note (`Bemærkning`/`Note`): presentation only, so never an error (see `noteText`). */
      note(): string | undefined {
        const c = cellOf("note");
        return c === undefined ? undefined : noteText(c.cell.value, c.at, issues);
      },
    };
  };
  const opt = <K extends string, V>(k: K, v: V | undefined): { [P in K]?: V } =>
    (v === undefined ? {} : { [k]: v }) as { [P in K]?: V };

  /**
   * A block whose rows need a year (participants, price index): a kept row with a blank or unreadable
   * year is an issue at the year cell and is left out of the RawScenario.
   */
  const yearRows = (key: "participants" | "priceIndex", b: BlockRead): BlockRow[] => {
    const kept: BlockRow[] = [];
    const def = key === "participants" ? COLUMNS[N.participants][0] : COLUMNS[N.priceIndex][0];
    for (const row of b.rows) {
      const c = row.fields.get("year");
      if (c === undefined) continue; // the missing column is already an issue
      const yearAt = at(b, c, [key]);
      if (isBlank(c.value)) {
        issues.push(readIssue("required-cell-blank", locationOf(yearAt), { da: def.da, en: def.en }));
        continue;
      }
      if (toNumber(c.value, yearAt, issues) === undefined) continue;
      kept.push(row);
    }
    return kept;
  };

  // ── SOM_Aktoerer
  const actors: RawActor[] = [];
  const actorsBlock = block("actors", COLUMNS[N.actors], true);
  if (actorsBlock !== undefined) {
    places.set("actors", { block: actorsBlock, rows: actorsBlock.rows });
    const field = fieldOf("actors");
    actorsBlock.rows.forEach((row, i) => {
      const f = field(actorsBlock, row, i);
      actors.push({ name: f.text("name") ?? "", level: normalizeLabel(LEVEL, f.text("level") ?? "") });
    });
  }

  // ── SOM_Deltagere
  const participants: RawParticipants[] = [];
  const participantsBlock = block("participants", COLUMNS[N.participants], true);
  if (participantsBlock !== undefined) {
    const rows = yearRows("participants", participantsBlock);
    places.set("participants", { block: participantsBlock, rows });
    const field = fieldOf("participants");
    rows.forEach((row, i) => {
      const f = field(participantsBlock, row, i);
      participants.push({ calcYear: f.number("calcYear") ?? 0, ...opt("count", f.number("count")) });
    });
  }

  // ── SOM_Effekter
  const effects: RawEffect[] = [];
  const effectsBlock = block("effects", COLUMNS[N.effects], true);
  if (effectsBlock !== undefined) {
    places.set("effects", { block: effectsBlock, rows: effectsBlock.rows });
    const field = fieldOf("effects");
    effectsBlock.rows.forEach((row, i) => {
      const f = field(effectsBlock, row, i);
      effects.push({
        name: f.text("name") ?? "",
        ...opt("successRate", f.percent("successRate")),
        ...opt("source", f.text("source")),
        ...opt("note", f.note()),
      });
    });
  }

  // ── SOM_Omkostninger
  const costs: RawCostLine[] = [];
  const costsBlock = block("costs", COLUMNS[N.costs], true);
  if (costsBlock !== undefined) {
    places.set("costs", { block: costsBlock, rows: costsBlock.rows });
    const field = fieldOf("costs");
    costsBlock.rows.forEach((row, i) => {
      const f = field(costsBlock, row, i);
      costs.push({
        item: f.text("item") ?? "",
        kind: normalizeLabel(COST_KIND, f.text("kind") ?? ""),
        actor: f.text("actor") ?? "",
        ...opt("amountKr", f.number("amountKr")),
        ...opt("priceYear", f.number("priceYear")),
        ...opt("fromYear", f.number("fromYear")),
        ...opt("toYear", f.number("toYear")),
        ...opt("source", f.text("source")),
        ...opt("note", f.note()),
      });
    });
  }

  // ── SOM_Konsekvenser (År 1 … År 20 columns among the extra columns)
  const consequences: RawConsequenceLine[] = [];
  const consequencesBlock = block("consequences", COLUMNS[N.consequences], true, (c) =>
    YEAR_HEADER.test(c.normalized),
  );
  if (consequencesBlock !== undefined) {
    const b = consequencesBlock;
    const yearCols = new Map<number, number>();
    const yearExtra: { readonly j: number; readonly extra: number }[] = [];
    let years = 0;
    b.extraColumns.forEach((c, extra) => {
      const m = YEAR_HEADER.exec(c.normalized);
      if (m === null) return;
      const year = Number(m[1]);
      const colAt: CellAt = { path: ["consequences"], name: b.name, sheet: b.sheet, cell: c.cell };
      if (year < 1 || year > MAX_CONSEQUENCE_YEARS) {
        issues.push(
          readIssue("consequence-year-out-of-range", locationOf(colAt), {
            header: c.header,
            max: MAX_CONSEQUENCE_YEARS,
          }),
        );
      } else if (yearCols.has(year - 1)) {
        issues.push(readIssue("duplicate-column", locationOf(colAt), { name: b.name, header: c.header }));
      } else {
        yearCols.set(year - 1, c.col);
        yearExtra.push({ j: year - 1, extra });
        years = Math.max(years, year);
      }
    });
    places.set("consequences", { block: b, rows: b.rows, yearCols });
    const field = fieldOf("consequences");
    b.rows.forEach((row, i) => {
      const f = field(b, row, i);
      const deltaByYear: (number | undefined)[] = new Array<number | undefined>(years).fill(undefined);
      for (const { j, extra } of yearExtra) {
        const c = row.extra[extra];
        if (c !== undefined)
          deltaByYear[j] = toNumber(c.value, at(b, c, ["consequences", i, "deltaByYear", j]), issues);
      }
      consequences.push({
        effect: f.text("effect") ?? "",
        service: f.text("service") ?? "",
        ...opt("unit", f.text("unit")),
        kind: normalizeLabel(CONSEQUENCE_KIND, f.text("kind") ?? ""),
        deltaByYear,
        ...opt("phase", optionalLabel(PHASE, f.text("phase"))),
        ...opt("source", f.text("source")),
        ...opt("note", f.note()),
      });
    });
  }

  // ── SOM_Priser (one column per actor, headed by the actor's name)
  const prices: RawPriceRow[] = [];
  const actorKeys = new Set(actors.map((a) => normalizeHeader(a.name)));
  const pricesBlock = block("prices", COLUMNS[N.prices], true, (c) => actorKeys.has(c.normalized));
  if (pricesBlock !== undefined) {
    const b = pricesBlock;
    // a column with numbers under a header that is no actor (a misspelt actor would price as 0)
    for (const c of b.extraColumns)
      if (actorsBlock !== undefined && c.hasNumbers && !actorKeys.has(c.normalized))
        issues.push(
          readIssue(
            "price-column-not-actor",
            { path: ["prices"], name: b.name, sheet: b.sheet, cell: c.cell },
            { header: c.header, name: b.name },
          ),
        );
    const extraByHeader = new Map<string, number>();
    b.extraColumns.forEach((c, extra) => {
      if (!extraByHeader.has(c.normalized)) extraByHeader.set(c.normalized, extra);
    });
    const priceCols = new Map<string, number>();
    const priceExtra: { readonly actor: string; readonly extra: number | undefined }[] = [];
    const actorRows = places.get("actors")?.rows ?? [];
    const seen = new Set<string>();
    const seenHeaders = new Set<string>();
    actors.forEach((actor, k) => {
      if (actor.name === "" || seen.has(actor.name)) return;
      seen.add(actor.name);
      const extra = extraByHeader.get(normalizeHeader(actor.name));
      priceExtra.push({ actor: actor.name, extra });
      const column = extra === undefined ? undefined : b.extraColumns[extra];
      if (column !== undefined) {
        priceCols.set(actor.name, column.col);
        seenHeaders.add(column.normalized);
        return;
      }
      const actorCell = actorRows[k]?.fields.get("actor");
      const related =
        actorsBlock === undefined || actorCell === undefined
          ? {}
          : { name: actorsBlock.name, sheet: actorsBlock.sheet, cell: actorCell.cell };
      issues.push(
        readIssue(
          "missing-price-column",
          {
            path: ["prices"],
            name: b.name,
            sheet: b.sheet,
            cell: b.headerRef,
            relatedPath: ["actors", k, "name"],
            related,
          },
          { actor: actor.name, name: b.name },
        ),
      );
    });
    // a second column headed by the same actor's name
    const firstExtra = new Set(extraByHeader.values());
    b.extraColumns.forEach((c, extra) => {
      if (seenHeaders.has(c.normalized) && !firstExtra.has(extra))
        issues.push(
          readIssue(
            "duplicate-column",
            { path: ["prices"], name: b.name, sheet: b.sheet, cell: c.cell },
            { name: b.name, header: c.header },
          ),
        );
    });
    places.set("prices", { block: b, rows: b.rows, priceCols });
    const field = fieldOf("prices");
    b.rows.forEach((row, i) => {
      const f = field(b, row, i);
      const priceKrByActor = new Map<string, number | undefined>();
      for (const { actor, extra } of priceExtra) {
        const c = extra === undefined ? undefined : row.extra[extra];
        priceKrByActor.set(
          actor,
          c === undefined
            ? undefined
            : toNumber(c.value, at(b, c, ["prices", i, "priceKrByActor", actor]), issues),
        );
      }
      prices.push({
        service: f.text("service") ?? "",
        ...opt("unit", f.text("unit")),
        ...opt("priceYear", f.number("priceYear")),
        priceKrByActor,
        ...opt("source", f.text("source")),
        ...opt("note", f.note()),
      });
    });
  }

  // ── SOM_Prisindeks (optional)
  const priceIndex: RawIndexPoint[] = [];
  const indexBlock = block("priceIndex", COLUMNS[N.priceIndex], false);
  if (indexBlock !== undefined) {
    const rows = yearRows("priceIndex", indexBlock);
    places.set("priceIndex", { block: indexBlock, rows });
    const field = fieldOf("priceIndex");
    rows.forEach((row, i) => {
      const f = field(indexBlock, row, i);
      const index = f.number("index");
      const cell = row.fields.get("index");
      if (index !== undefined && index > 0 && index < MIN_PRICE_INDEX && cell !== undefined)
        issues.push(
          readIssue("index-too-small", locationOf(at(indexBlock, cell, ["priceIndex", i, "index"])), {
            value: index,
            min: MIN_PRICE_INDEX,
          }),
        );
      priceIndex.push({ year: f.number("year") ?? 0, ...opt("index", f.number("index")) });
    });
  }

  unitMismatches(places, issues);
  if (costsBlock !== undefined && costs.length === 0)
    issues.push(
      readIssue(
        "no-costs",
        { path: ["costs"], name: costsBlock.name, sheet: costsBlock.sheet, cell: costsBlock.ref },
        { name: costsBlock.name },
      ),
    );
  if (participantsBlock !== undefined && !participants.some((p) => p.count !== undefined && p.count !== 0))
    issues.push(
      readIssue(
        "no-participants",
        {
          path: ["participants"],
          name: participantsBlock.name,
          sheet: participantsBlock.sheet,
          cell: participantsBlock.ref,
        },
        { name: participantsBlock.name },
      ),
    );

  const raw: RawScenario = {
    ...opt("intervention", intervention),
    ...opt("targetGroup", targetGroup),
    settings,
    actors,
    participants,
    effects,
    costs,
    consequences,
    prices,
    priceIndex,
  };

  // A workbook without any SØM name (a blank workbook): one line instead of one issue per missing name.
  const noSomNames = SCENARIO_NAMES.every((n) => lookupName(named, n) === undefined);
  return {
    raw,
    issues: noSomNames ? [readIssue("no-som-names", { path: [] }, {})] : issues,
    locate: (issue) => locateIssue(issue, scalars, places),
    inputRanges: inputRangesOf(named),
  };
}

// ───────────────────────────── units ─────────────────────────────

/**
 * A consequence whose `Enhed` differs from its price row's `Enhed` (both filled in; compared as `textKey`):
 * a warning at the consequence's unit cell that names the price row's unit cell too.
 */
function unitMismatches(places: ReadonlyMap<BlockKey, BlockPlace>, issues: InputIssue[]): void {
  const prices = places.get("prices");
  const consequences = places.get("consequences");
  if (prices === undefined || consequences === undefined) return;
  const textOf = (c: BlockCell | undefined): string =>
    c !== undefined && typeof c.value === "string" ? c.value.trim() : "";
  const priceUnit = new Map<string, { readonly unit: string; readonly cell: string; readonly row: number }>();
  prices.rows.forEach((row, i) => {
    const service = normalizeHeader(textOf(row.fields.get("service")));
    const unit = row.fields.get("unit");
    if (service !== "" && !priceUnit.has(service) && unit !== undefined && textOf(unit) !== "")
      priceUnit.set(service, { unit: textOf(unit), cell: unit.cell, row: i });
  });
  consequences.rows.forEach((row, i) => {
    const service = textOf(row.fields.get("service"));
    const unit = row.fields.get("unit");
    const price = priceUnit.get(normalizeHeader(service));
    if (unit === undefined || price === undefined || textOf(unit) === "") return;
    if (normalizeHeader(textOf(unit)) === normalizeHeader(price.unit)) return;
    const b = consequences.block;
    issues.push(
      readIssue(
        "unit-mismatch",
        {
          path: ["consequences", i, "unit"],
          name: b.name,
          sheet: b.sheet,
          cell: unit.cell,
          relatedPath: ["prices", price.row, "unit"],
          related: { name: prices.block.name, sheet: prices.block.sheet, cell: price.cell },
        },
        { unit: textOf(unit), priceUnit: price.unit, service },
      ),
    );
  });
}

// ───────────────────────────── locate ─────────────────────────────

function rowRange(place: BlockPlace, row: BlockRow): string {
  const r = parseRectA1(place.block.ref);
  return r === undefined ? cellA1(row.row, 0) : rectA1({ row: row.row, col: r.col, rows: 1, cols: r.cols });
}

/** Map a RawScenario path to where it sits in the workbook; undefined when the path names nothing we know. */
function locatePath(
  path: IssuePath,
  scalars: ReadonlyMap<ScalarKey, ScalarCell>,
  places: ReadonlyMap<BlockKey, BlockPlace>,
): Located | undefined {
  const [head, a, b, c] = path;
  const scalarKey = head === "settings" ? a : head;
  if (
    isScalarKey(scalarKey) &&
    (head === "settings" ? scalarKey !== "intervention" && scalarKey !== "targetGroup" : path.length === 1)
  ) {
    const s = scalars.get(scalarKey);
    if (s === undefined) return { name: SCALAR_NAMES[scalarKey] };
    return {
      name: s.at.name,
      ...(s.at.sheet === undefined ? {} : { sheet: s.at.sheet }),
      ...(s.at.cell === undefined ? {} : { cell: s.at.cell }),
    };
  }
  if (!isBlockKey(head)) return undefined;
  const place = places.get(head);
  if (place === undefined) return { name: BLOCK_NAMES[head] };
  const whole = { name: place.block.name, sheet: place.block.sheet, cell: place.block.ref };
  if (typeof a !== "number") return whole;
  const row = place.rows[a];
  if (row === undefined) return whole;
  const inRow = (cell: string): Located => ({ name: place.block.name, sheet: place.block.sheet, cell });
  const rowCell = inRow(rowRange(place, row));
  if (typeof b !== "string") return rowCell;
  if (head === "consequences" && b === "deltaByYear") {
    const col = typeof c === "number" ? place.yearCols?.get(c) : undefined;
    return col === undefined ? rowCell : inRow(cellA1(row.row, col));
  }
  if (head === "prices" && b === "priceKrByActor") {
    let col = typeof c === "string" ? place.priceCols?.get(c) : undefined;
    if (col === undefined && typeof c === "string" && place.priceCols !== undefined) {
      const wanted = normalizeHeader(c);
      for (const [actor, k] of place.priceCols) if (normalizeHeader(actor) === wanted) col = k;
    }
    return col === undefined ? rowCell : inRow(cellA1(row.row, col));
  }
  const key = Object.hasOwn(FIELD_COLUMNS[head], b) ? FIELD_COLUMNS[head][b] : undefined;
  const cell = key === undefined ? undefined : row.fields.get(key);
  return cell === undefined ? rowCell : inRow(cell.cell);
}

function locateIssue(
  issue: InputIssue,
  scalars: ReadonlyMap<ScalarKey, ScalarCell>,
  places: ReadonlyMap<BlockKey, BlockPlace>,
): InputIssue {
  const here = locatePath(issue.location.path, scalars, places);
  const relatedPath = issue.location.relatedPath;
  const related = relatedPath === undefined ? undefined : locatePath(relatedPath, scalars, places);
  if (here === undefined && related === undefined) return issue;
  const location: IssueLocation = {
    ...issue.location,
    ...(here ?? {}),
    ...(related === undefined ? {} : { related }),
  };
  return { ...issue, location };
}

// ───────────────────────────── input ranges ─────────────────────────────

function inputRangesOf(named: ReadonlyMap<string, NamedValue>): InputRangeRef[] {
  const out: InputRangeRef[] = [];
  for (const name of SCENARIO_NAMES) {
    const nv = lookupName(named, name);
    if (nv === undefined || nv.kind === "unsupported") continue;
    if (nv.kind === "constant") {
      out.push({ name, sheet: "", ref: "" });
      continue;
    }
    let cols = 0;
    for (const r of nv.values) cols = Math.max(cols, r.length);
    out.push({
      name,
      sheet: nv.sheet,
      ref: rectA1({ row: nv.row, col: nv.col, rows: Math.max(1, nv.values.length), cols: Math.max(1, cols) }),
    });
  }
  return out;
}

// ───────────────────────────── combining with the engine's issues ─────────────────────────────

const startsWith = (path: IssuePath, prefix: IssuePath): boolean =>
  prefix.length > 0 && prefix.length <= path.length && prefix.every((p, k) => path[k] === p);

/** Reader issues that mean a whole name could not be read (the engine's issues under it add nothing). */
const WHOLE_NAME_CODES: ReadonlySet<string> = new Set([
  "missing-name",
  "unsupported-name",
  "not-a-block",
  "not-one-cell",
  "missing-header",
  "missing-column",
]);

/**
 * The reader's issues followed by the engine's, located. An engine issue at the path of a reader error is
 * dropped, as is one under a name the reader could not read at all: the reader already said what is wrong
 * there (e.g. "number stored as text" leaves the value blank, and the engine would add "amount missing" for
 * the same cell).
 */
export function withEngineIssues(read: ScenarioRead, engineIssues: readonly InputIssue[]): InputIssue[] {
  if (read.issues.some((i) => i.code === "no-som-names")) return [...read.issues]; // one line says it all
  const errors = read.issues.filter((i) => i.severity === "error");
  const exact = new Set(errors.map((r) => JSON.stringify(r.location.path)));
  // at most one per contract name, so checking each engine issue against them stays linear
  const whole = errors.filter((r) => WHOLE_NAME_CODES.has(r.code)).map((r) => r.location.path);
  const covered = (e: InputIssue): boolean =>
    exact.has(JSON.stringify(e.location.path)) || whole.some((p) => startsWith(e.location.path, p));
  return [...read.issues, ...engineIssues.filter((e) => !covered(e)).map((e) => read.locate(e))];
}
