/**
 * Use cases "Aktører og forvaltninger": edit the actor list (names and levels) and split a kommune into
 * municipal departments (forvaltninger) with a distribution key per service (som-method.md §1: several actors
 * may share a level). Departments become ordinary actors with level Kommune, so results add up to the
 * Kommune level. Both are explicit user actions that write input cells (after confirmation), never a run.
 *
 * Split rules [D] (see `src/engine/departments/split-prices.ts`):
 * - Each department gets a row in `SOM_Aktoerer` (level Kommune) and a price column in `SOM_Priser`, headed by
 *   its name, holding share × the kommune's price for each service.
 * - The kommune's own column keeps what the key does not distribute (price − Σ department prices), so the
 *   columns always sum to the original kommune price; its cost lines stay with it (move them by hand).
 * - New rows/columns go into blank rows of the block where there are any, else just outside it, and the
 *   name is extended over them. A write that would land on another input block is refused.
 *
 * Actor edits rename an actor everywhere the contract refers to it by name: its `SOM_Priser` column header
 * and the `Aktør` cells of `SOM_Omkostninger`.
 */
import { splitPrices, type DistributionKey } from "../engine/departments/split-prices";
import type { InputIssue } from "../engine/types";
import { LEVELS } from "../engine/types";
import { colLetters, overlaps, rectA1, type Rect } from "../workbook/a1";
import { INPUT_NAMES, LEVEL_LABELS, N } from "../workbook/names";
import type { InputEditPort, NamedValue, WorkbookPort } from "../workbook/port";
import { normalizeHeader } from "../workbook/read/block";
import type { CellValue, SheetSpec, WorkbookSpec } from "../workbook/sheet-model";

export interface Text {
  readonly da: string;
  readonly en: string;
}

type Range = Extract<NamedValue, { kind: "range" }>;
type Grid = CellValue[][];

const lower = (s: string): string => s.trim().toLowerCase();

function issue(code: string, da: string, en: string): InputIssue {
  return { code, severity: "error", message: { da, en }, location: { path: [] } };
}

/** One actor row as shown in the task pane. */
export interface ActorRow {
  readonly name: string;
  /** Engine level code (Kommune, Region, Stat, Andet) or the text as typed when unknown. */
  readonly level: string;
}

/** What the actor editor needs: the actors and the services with their prices per actor. */
export interface ActorsAndPrices {
  readonly actors: readonly ActorRow[];
  readonly services: readonly {
    readonly service: string;
    readonly priceByActor: ReadonlyMap<string, CellValue>;
  }[];
}

const levelCode = (text: string): string =>
  LEVEL_LABELS.find((l) => [l.level, l.da, l.en].some((x) => normalizeHeader(x) === normalizeHeader(text)))
    ?.level ?? text.trim();

const text = (v: CellValue | undefined): string => (v === null || v === undefined ? "" : String(v).trim());

/** Column index of a header (Danish or English), or -1. */
function columnOf(header: readonly CellValue[], ...labels: string[]): number {
  const wanted = labels.map(normalizeHeader);
  return header.findIndex((h) => wanted.includes(normalizeHeader(text(h))));
}

type Read =
  | {
      ok: true;
      actors: Range;
      prices: Range;
      costs: Range | undefined;
      named: ReadonlyMap<string, NamedValue>;
    }
  | { ok: false; issues: InputIssue[] };

async function readBlocks(port: WorkbookPort): Promise<Read> {
  const named = await port.readNames(INPUT_NAMES);
  const actors = named.get(lower(N.actors));
  const prices = named.get(lower(N.prices));
  const costs = named.get(lower(N.costs));
  const missing: InputIssue[] = [];
  if (actors?.kind !== "range")
    missing.push(
      issue(
        "missing-name",
        `Navnet ${N.actors} mangler eller er ikke et område.`,
        `The name ${N.actors} is missing or not a range.`,
      ),
    );
  if (prices?.kind !== "range")
    missing.push(
      issue(
        "missing-name",
        `Navnet ${N.prices} mangler eller er ikke et område.`,
        `The name ${N.prices} is missing or not a range.`,
      ),
    );
  if (missing.length > 0 || actors?.kind !== "range" || prices?.kind !== "range")
    return { ok: false, issues: missing };
  return { ok: true, actors, prices, costs: costs?.kind === "range" ? costs : undefined, named };
}

function actorColumns(actors: Range): { name: number; level: number } {
  const header = actors.values[0] ?? [];
  return { name: columnOf(header, "Aktør", "Actor"), level: columnOf(header, "Niveau", "Level") };
}

/** Reads the actor list and the price table (for the task pane's editors). */
export async function readActorsAndPrices(
  port: WorkbookPort,
): Promise<{ ok: true; value: ActorsAndPrices } | { ok: false; issues: readonly InputIssue[] }> {
  const read = await readBlocks(port);
  if (!read.ok) return read;
  const cols = actorColumns(read.actors);
  const actors = read.actors.values
    .slice(1)
    .map((r) => ({ name: text(r[cols.name]), level: levelCode(text(r[cols.level])) }))
    .filter((a) => a.name !== "");
  const header = read.prices.values[0] ?? [];
  const serviceCol = columnOf(header, "Ydelse", "Service");
  const services = read.prices.values
    .slice(1)
    .filter((r) => text(r[serviceCol]) !== "")
    .map((r) => {
      const priceByActor = new Map<string, CellValue>();
      for (const a of actors) {
        const c = columnOf(header, a.name);
        if (c >= 0) priceByActor.set(a.name, r[c] ?? null);
      }
      return { service: text(r[serviceCol]), priceByActor };
    });
  return { ok: true, value: { actors, services } };
}

// ───────────────────────────── planned writes ─────────────────────────────

interface Write {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
  readonly values: readonly (readonly CellValue[])[];
}

export interface EditPlan {
  readonly writes: readonly Write[];
  readonly names: readonly { readonly name: string; readonly sheet: string; readonly ref: string }[];
  readonly question: Text;
  /** Services whose price stays partly with the kommune (shown as a notice). */
  readonly undistributed: readonly string[];
}

const rectOf = (w: Write): Rect => ({
  row: w.row,
  col: w.col,
  rows: w.values.length,
  cols: w.values[0]?.length ?? 0,
});

/** Refuses writes outside a block's own range that land on another input block. */
function overlapIssues(
  owners: readonly { write: Write; owner: string }[],
  named: ReadonlyMap<string, NamedValue>,
): InputIssue[] {
  const out: InputIssue[] = [];
  for (const { write, owner } of owners) {
    for (const other of INPUT_NAMES) {
      if (lower(other) === lower(owner)) continue;
      const o = named.get(lower(other));
      if (o?.kind !== "range" || lower(o.sheet) !== lower(write.sheet)) continue;
      if (
        overlaps(rectOf(write), {
          row: o.row,
          col: o.col,
          rows: o.values.length,
          cols: o.values[0]?.length ?? 0,
        })
      ) {
        out.push(
          issue(
            "edit-overlaps-block",
            `${owner} skal udvides, men det ville overskrive ${other}. Gør plads, og prøv igen.`,
            `${owner} must grow, but that would overwrite ${other}. Make room and try again.`,
          ),
        );
      }
    }
  }
  return out;
}

/** Appends `rows` to a block: into its trailing blank rows first, then below it (the name is extended). */
function appendRows(
  block: Range,
  rows: readonly (readonly CellValue[])[],
): { writes: Write[]; ref?: string; outside?: Write } {
  const width = block.values[0]?.length ?? 0;
  let lastUsed = 0;
  block.values.forEach((r, i) => {
    if (r.some((v) => v !== null && v !== "")) lastUsed = i;
  });
  const start = lastUsed + 1;
  const inside = Math.max(0, Math.min(rows.length, block.values.length - start));
  const writes: Write[] = [];
  const pad = (r: readonly CellValue[]): CellValue[] => Array.from({ length: width }, (_, c) => r[c] ?? null);
  if (inside > 0)
    writes.push({
      sheet: block.sheet,
      row: block.row + start,
      col: block.col,
      values: rows.slice(0, inside).map(pad),
    });
  if (inside === rows.length) return { writes };
  const outside: Write = {
    sheet: block.sheet,
    row: block.row + block.values.length,
    col: block.col,
    values: rows.slice(inside).map(pad),
  };
  writes.push(outside);
  const ref = rectA1(
    { row: block.row, col: block.col, rows: block.values.length + rows.length - inside, cols: width },
    true,
  );
  return { writes, ref, outside };
}

// ───────────────────────────── split a kommune ─────────────────────────────

export interface SplitRequest {
  /** The actor to split (must have level Kommune). */
  readonly kommune: string;
  readonly departments: readonly string[];
  readonly keys: readonly DistributionKey[];
}

/**
 * Works out the cell writes of a department split without writing.
 * @example planDepartmentSplit(port, { kommune: "Kommune", departments: ["Beskæftigelse"], keys: [{ service: "Kontanthjælp", shares: [1] }] })
 */
export async function planDepartmentSplit(
  port: WorkbookPort,
  request: SplitRequest,
): Promise<{ ok: true; plan: EditPlan } | { ok: false; issues: readonly InputIssue[] }> {
  const read = await readBlocks(port);
  if (!read.ok) return read;
  const { actors, prices, named } = read;
  const cols = actorColumns(actors);
  if (cols.name < 0 || cols.level < 0)
    return {
      ok: false,
      issues: [
        issue(
          "missing-column",
          "Aktørlisten mangler kolonnen Aktør eller Niveau.",
          "The actor list lacks the Actor or Level column.",
        ),
      ],
    };
  const actorRows = actors.values
    .slice(1)
    .map((r) => ({ name: text(r[cols.name]), level: levelCode(text(r[cols.level])) }));
  const kommune = actorRows.find((a) => lower(a.name) === lower(request.kommune));
  if (kommune === undefined || kommune.level !== "Kommune") {
    return {
      ok: false,
      issues: [
        issue(
          "not-a-kommune",
          `»${request.kommune}« er ikke en aktør med niveauet Kommune.`,
          `“${request.kommune}” is not an actor with level Kommune.`,
        ),
      ],
    };
  }
  const clash = request.departments.filter((d) => actorRows.some((a) => lower(a.name) === lower(d)));
  if (clash.length > 0) {
    return {
      ok: false,
      issues: clash.map((d) =>
        issue("actor-exists", `Aktøren »${d}« findes allerede.`, `The actor “${d}” already exists.`),
      ),
    };
  }

  const header = prices.values[0] ?? [];
  const serviceCol = columnOf(header, "Ydelse", "Service");
  const kommuneCol = columnOf(header, kommune.name);
  if (serviceCol < 0 || kommuneCol < 0) {
    return {
      ok: false,
      issues: [
        issue(
          "missing-column",
          `Pristabellen mangler kolonnen Ydelse eller »${kommune.name}«.`,
          `The price table lacks the Service column or “${kommune.name}”.`,
        ),
      ],
    };
  }
  const dataRows = prices.values.slice(1);
  const problems: InputIssue[] = [];
  const kommunePrices = dataRows.map((r, i) => {
    const v = r[kommuneCol] ?? null;
    if (v !== null && v !== "" && typeof v !== "number") {
      problems.push(
        issue(
          "price-not-number",
          `Prisen for »${text(r[serviceCol])}« (række ${i + 2}) er ikke et tal.`,
          `The price of “${text(r[serviceCol])}” (row ${i + 2}) is not a number.`,
        ),
      );
    }
    return {
      service: text(r[serviceCol]),
      priceKr: typeof v === "number" ? v : 0,
      blank: v === null || v === "",
    };
  });
  if (problems.length > 0) return { ok: false, issues: problems };
  const split = splitPrices(kommunePrices, request.departments, request.keys);
  if (!split.ok)
    return { ok: false, issues: split.issues.map((i) => issue(i.code, i.message.da, i.message.en)) };

  const writes: Write[] = [];
  const names: { name: string; sheet: string; ref: string }[] = [];
  const outside: { write: Write; owner: string }[] = [];

  // Actors: one row per department, level Kommune.
  const actorWidth = actors.values[0]?.length ?? 0;
  const newActors = request.departments.map((d) => {
    const r: CellValue[] = new Array<CellValue>(actorWidth).fill(null);
    r[cols.name] = d.trim();
    r[cols.level] = "Kommune";
    return r;
  });
  const a = appendRows(actors, newActors);
  writes.push(...a.writes);
  if (a.ref !== undefined) names.push({ name: N.actors, sheet: actors.sheet, ref: a.ref });
  if (a.outside !== undefined) outside.push({ write: a.outside, owner: N.actors });

  // Prices: the kommune column keeps the remainder; one new column per department to the right of the block.
  const blankOr = (blank: boolean, x: number): CellValue => (blank || kommunePrices.length === 0 ? null : x);
  writes.push({
    sheet: prices.sheet,
    row: prices.row + 1,
    col: prices.col + kommuneCol,
    values: split.value.map((s, i) => [blankOr(kommunePrices[i]?.blank ?? true, s.remainderKr)]),
  });
  const width = prices.values[0]?.length ?? 0;
  const deptColumns: Write = {
    sheet: prices.sheet,
    row: prices.row,
    col: prices.col + width,
    values: [
      request.departments.map((d) => d.trim()),
      ...split.value.map((s, i) =>
        s.departmentPricesKr.map((p) => blankOr(kommunePrices[i]?.blank ?? true, p)),
      ),
    ],
  };
  writes.push(deptColumns);
  outside.push({ write: deptColumns, owner: N.prices });
  names.push({
    name: N.prices,
    sheet: prices.sheet,
    ref: rectA1(
      {
        row: prices.row,
        col: prices.col,
        rows: prices.values.length,
        cols: width + request.departments.length,
      },
      true,
    ),
  });

  const overlapping = overlapIssues(outside, named);
  if (overlapping.length > 0) return { ok: false, issues: overlapping };
  const list = request.departments.map((d) => d.trim()).join(", ");
  return {
    ok: true,
    plan: {
      writes,
      names,
      undistributed: split.undistributed,
      question: {
        da: `Del »${kommune.name}« i forvaltningerne ${list}? Der tilføjes aktører i ${N.actors} og priskolonner i ${N.prices}; ${kommune.name}s priser bliver den ufordelte rest. Omkostningsposter bliver hos ${kommune.name}.`,
        en: `Split “${kommune.name}” into the departments ${list}? Actors are added to ${N.actors} and price columns to ${N.prices}; ${kommune.name}'s prices become the undistributed remainder. Cost lines stay with ${kommune.name}.`,
      },
    },
  };
}

// ───────────────────────────── edit actors ─────────────────────────────

/** One edited actor row: `previousName` links a rename to the row it came from (absent for a new actor). */
export interface ActorEdit {
  readonly name: string;
  readonly level: string;
  readonly previousName?: string;
}

/**
 * Works out the writes that make the actor list equal `edits` (in order): the block's data rows are rewritten
 * (extra old rows blanked), and a renamed actor's price column header and cost-line `Aktør` cells follow.
 * Removing an actor leaves its price column and cost lines in place (validation then points at them).
 */
export async function planActorEdit(
  port: WorkbookPort,
  edits: readonly ActorEdit[],
): Promise<{ ok: true; plan: EditPlan } | { ok: false; issues: readonly InputIssue[] }> {
  const read = await readBlocks(port);
  if (!read.ok) return read;
  const { actors, prices, costs, named } = read;
  const cols = actorColumns(actors);
  if (cols.name < 0 || cols.level < 0)
    return {
      ok: false,
      issues: [
        issue(
          "missing-column",
          "Aktørlisten mangler kolonnen Aktør eller Niveau.",
          "The actor list lacks the Actor or Level column.",
        ),
      ],
    };
  const problems: InputIssue[] = [];
  const seen = new Set<string>();
  for (const e of edits) {
    if (e.name.trim() === "")
      problems.push(issue("blank-actor", "En aktør mangler et navn.", "An actor has no name."));
    else if (seen.has(lower(e.name)))
      problems.push(
        issue(
          "duplicate-actor",
          `Aktøren »${e.name.trim()}« står to gange.`,
          `The actor “${e.name.trim()}” is listed twice.`,
        ),
      );
    seen.add(lower(e.name));
    if (!LEVELS.includes(levelCode(e.level) as (typeof LEVELS)[number])) {
      problems.push(
        issue(
          "unknown-level",
          `Niveauet »${e.level}« er ukendt (Kommune, Region, Stat eller Andet).`,
          `The level “${e.level}” is unknown (Kommune, Region, Stat or Andet).`,
        ),
      );
    }
  }
  if (problems.length > 0) return { ok: false, issues: problems };

  const width = actors.values[0]?.length ?? 0;
  const dataRows = Math.max(actors.values.length - 1, edits.length);
  const grid: Grid = Array.from({ length: dataRows }, (_, i) => {
    const old = actors.values[i + 1];
    const e = edits[i];
    const r: CellValue[] = Array.from({ length: width }, (_, c) =>
      e === undefined ? null : (old?.[c] ?? null),
    );
    if (e !== undefined) {
      r[cols.name] = e.name.trim();
      r[cols.level] = levelCode(e.level);
    }
    return r;
  });
  const writes: Write[] = [{ sheet: actors.sheet, row: actors.row + 1, col: actors.col, values: grid }];
  const names: { name: string; sheet: string; ref: string }[] = [];
  const outside: { write: Write; owner: string }[] = [];
  if (edits.length > actors.values.length - 1) {
    names.push({
      name: N.actors,
      sheet: actors.sheet,
      ref: rectA1({ row: actors.row, col: actors.col, rows: edits.length + 1, cols: width }, true),
    });
    const extra = edits.length - (actors.values.length - 1);
    outside.push({
      write: {
        sheet: actors.sheet,
        row: actors.row + actors.values.length,
        col: actors.col,
        values: grid.slice(-extra),
      },
      owner: N.actors,
    });
  }

  const renames = edits.filter(
    (e) =>
      e.previousName !== undefined && lower(e.previousName) !== lower(e.name) && e.previousName.trim() !== "",
  );
  const priceHeader = prices.values[0] ?? [];
  for (const e of renames) {
    const c = columnOf(priceHeader, e.previousName ?? "");
    if (c >= 0)
      writes.push({ sheet: prices.sheet, row: prices.row, col: prices.col + c, values: [[e.name.trim()]] });
  }
  if (costs !== undefined && renames.length > 0) {
    const actorCol = columnOf(costs.values[0] ?? [], "Aktør", "Actor");
    if (actorCol >= 0) {
      costs.values.forEach((r, i) => {
        if (i === 0) return;
        const e = renames.find((x) => lower(x.previousName ?? "") === lower(text(r[actorCol])));
        if (e !== undefined)
          writes.push({
            sheet: costs.sheet,
            row: costs.row + i,
            col: costs.col + actorCol,
            values: [[e.name.trim()]],
          });
      });
    }
  }
  const overlapping = overlapIssues(outside, named);
  if (overlapping.length > 0) return { ok: false, issues: overlapping };
  return {
    ok: true,
    plan: {
      writes,
      names,
      undistributed: [],
      question: {
        da: `Gem aktørlisten (${edits.length} aktører)?${renames.length > 0 ? ` Omdøbte aktører omdøbes også i ${N.prices} og ${N.costs}.` : ""}`,
        en: `Save the actor list (${edits.length} actors)?${renames.length > 0 ? ` Renamed actors are renamed in ${N.prices} and ${N.costs} too.` : ""}`,
      },
    },
  };
}

// ───────────────────────────── applying ─────────────────────────────

export type EditOutcome =
  | { readonly ok: true; readonly status: "done" | "cancelled"; readonly undistributed: readonly string[] }
  | { readonly ok: false; readonly issues: readonly InputIssue[] };

/** Writes a plan after `confirm` as one edit (`applyEdits`): every block, then the extended names. */
export async function applyEditPlan(
  port: InputEditPort,
  plan: EditPlan,
  confirm: (q: Text) => Promise<boolean>,
): Promise<EditOutcome> {
  if (!(await confirm(plan.question)))
    return { ok: true, status: "cancelled", undistributed: plan.undistributed };
  await port.applyEdits(
    plan.writes.map((w) => ({ sheet: w.sheet, row: w.row, col: w.col, values: w.values })),
    plan.names.map((n) => ({ name: n.name, sheet: n.sheet, ref: n.ref })),
  );
  return { ok: true, status: "done", undistributed: plan.undistributed };
}

/** Plans and applies a department split. */
export async function splitKommune(
  port: WorkbookPort & InputEditPort,
  request: SplitRequest,
  confirm: (q: Text) => Promise<boolean>,
): Promise<EditOutcome> {
  const planned = await planDepartmentSplit(port, request);
  return planned.ok ? applyEditPlan(port, planned.plan, confirm) : planned;
}

/** Plans and applies an actor-list edit. */
export async function editActors(
  port: WorkbookPort & InputEditPort,
  edits: readonly ActorEdit[],
  confirm: (q: Text) => Promise<boolean>,
): Promise<EditOutcome> {
  const planned = await planActorEdit(port, edits);
  return planned.ok ? applyEditPlan(port, planned.plan, confirm) : planned;
}

// ───────────────────────────── the distribution key in the workbook ─────────────────────────────
//
// The key travels with the workbook on a visible input sheet "Fordelingsnøgle" [D], so a colleague who gets
// the workbook by email sees how the department prices were derived:
//
//   A1 title, A2 guidance, A3 "Kommune (aktør)" B3 <kommune>             (B3 = SOM_Fordelingsnoegle_Kommune)
//   row 5: Ydelse | <forvaltning 1> … <forvaltning n> | Ufordelt (bliver hos kommunen) | I alt | Kontrol
//   row 6…: one row per service; shares as % (0–1 in the cells, format "0.0%").
//   SOM_Fordelingsnoegle = A5:<Kontrol><last row> (header included).
//
// "Ufordelt" is the share that stays with the kommune actor itself (the split rule of split-prices.ts), so every
// row sums to 100 %; "I alt" (=SUM) and "Kontrol" (="OK" or a warning) are formulas a reader without the add-in
// can follow. The reader ignores their stored values and checks the sum itself.

/** Defined name of the key block (header row included). */
export const KEY_NAME = "SOM_Fordelingsnoegle";
/** Defined name of the cell naming the kommune actor that was split. */
export const KEY_KOMMUNE_NAME = "SOM_Fordelingsnoegle_Kommune";
/** Sheet name of the key (Danish in both languages: the defined name is what the tools rely on). */
export const KEY_SHEET = "Fordelingsnøgle";
const KEY_HEADER_ROW = 4;
const KEY_LABELS = {
  service: { da: "Ydelse", en: "Service" },
  rest: { da: "Ufordelt (bliver hos kommunen)", en: "Undistributed (stays with the kommune)" },
  total: { da: "I alt", en: "Total" },
  check: { da: "Kontrol", en: "Check" },
  kommune: { da: "Kommune (aktør)", en: "Kommune (actor)" },
} as const;
/** Largest deviation of a row's sum from 100 % that is accepted (shares are typed as whole/decimal %). */
const KEY_SUM_TOLERANCE = 1e-6;

/** A distribution key as stored in the workbook. */
export interface StoredDistributionKey {
  readonly kommune: string;
  readonly departments: readonly string[];
  /** Department shares per service (0–1, department order); the rest (1 − Σ) stays with the kommune. */
  readonly keys: readonly DistributionKey[];
}

/**
 * The key sheet as data (sheet + names), from a split request. Each row's "Ufordelt" is 1 − Σ department shares.
 * @example distributionKeySpec({ kommune: "Kommune", departments: ["Beskæftigelse"], keys: [{ service: "Kontanthjælp", shares: [0.8] }] }, "da")
 *   // row 6: Kontanthjælp | 0,8 | 0,2 | =SUM(B6:C6) | =IF(ABS(D6-1)<0.000001;"OK";…)
 */
export function distributionKeySpec(key: StoredDistributionKey, lang: "da" | "en"): WorkbookSpec {
  const n = key.departments.length;
  const restCol = 1 + n;
  const totalCol = restCol + 1;
  const checkCol = totalCol + 1;
  const width = checkCol + 1;
  const header: CellValue[] = [
    KEY_LABELS.service[lang],
    ...key.departments.map((d) => d.trim()),
    KEY_LABELS.rest[lang],
    KEY_LABELS.total[lang],
    KEY_LABELS.check[lang],
  ];
  const values: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  key.keys.forEach((k, i) => {
    const r = KEY_HEADER_ROW + 2 + i; // 1-based sheet row
    const shares = key.departments.map((_, j) => k.shares[j] ?? 0);
    const rest = 1 - shares.reduce((a, b) => a + b, 0);
    const first = `${colLetters(1)}${r}`;
    const last = `${colLetters(restCol)}${r}`;
    const total = `${colLetters(totalCol)}${r}`;
    values.push([k.service, ...shares, rest, 1, "OK"]);
    formulas.push([
      ...Array<null>(1 + n + 1).fill(null),
      `=SUM(${first}:${last})`,
      lang === "da"
        ? `=IF(ABS(${total}-1)<0.000001,"OK","Summen skal være 100 %")`
        : `=IF(ABS(${total}-1)<0.000001,"OK","The shares must sum to 100 %")`,
    ]);
  });
  const pct = values.map(() => ["@", ...Array<string>(n + 2).fill("0.0%"), "@"]);
  const guidance =
    lang === "da"
      ? "Hver forvaltnings andel af kommunens pris pr. ydelse (fra opgaveruden: Aktører og forvaltninger). Andelene plus Ufordelt skal give 100 % (se Kontrol). Ret andelene her og vælg »Anvend fordelingsnøglen fra arket« i opgaveruden for at genberegne forvaltningernes priser."
      : "Each department's share of the kommune's price per service (from the task pane: Actors and departments). The shares plus Undistributed must sum to 100 % (see Check). Edit the shares here and choose “Apply the key from the sheet” in the task pane to recompute the department prices.";
  const sheet: SheetSpec = {
    name: KEY_SHEET,
    role: "input",
    columnWidths: [34, ...Array<number>(n).fill(16), 22, 10, 24],
    blocks: [
      { row: 0, col: 0, values: [[lang === "da" ? "Fordelingsnøgle" : "Distribution key"]], style: "title" },
      { row: 1, col: 0, values: [[guidance]], style: "guidance" },
      { row: 2, col: 0, values: [[KEY_LABELS.kommune[lang], key.kommune]], style: "input" },
      { row: KEY_HEADER_ROW, col: 0, values: [header], style: "inputHeader" },
      ...(values.length > 0
        ? [{ row: KEY_HEADER_ROW + 1, col: 0, values, formulas, numberFormat: pct, style: "input" as const }]
        : []),
    ],
  };
  return {
    sheets: [sheet],
    names: [
      {
        name: KEY_NAME,
        sheet: KEY_SHEET,
        ref: rectA1({ row: KEY_HEADER_ROW, col: 0, rows: 1 + values.length, cols: width }, true),
      },
      { name: KEY_KOMMUNE_NAME, sheet: KEY_SHEET, ref: rectA1({ row: 2, col: 1, rows: 1, cols: 1 }, true) },
    ],
  };
}

export type ReadKeyOutcome =
  | { readonly status: "absent" }
  | { readonly status: "ok"; readonly sheet: string; readonly key: StoredDistributionKey }
  | { readonly status: "invalid"; readonly issues: readonly InputIssue[] };

function located(code: string, da: string, en: string, sheet: string, cell?: string): InputIssue {
  return {
    code,
    severity: "error",
    message: { da, en },
    location: { path: [], name: KEY_NAME, sheet, ...(cell !== undefined ? { cell } : {}) },
  };
}

const isBlankCell = (v: CellValue | undefined): boolean =>
  v === null || v === undefined || (typeof v === "string" && v.trim() === "");

/**
 * Reads the key from the workbook (`SOM_Fordelingsnoegle`, `SOM_Fordelingsnoegle_Kommune`). Every problem is a
 * located issue (name, sheet, cell): a share that is not a number or outside 0–100 %, a row whose shares plus
 * Ufordelt do not sum to 100 %, a missing Ydelse column. Blank share cells count as 0 %.
 */
export async function readDistributionKey(port: WorkbookPort): Promise<ReadKeyOutcome> {
  const named = await port.readNames([KEY_NAME, KEY_KOMMUNE_NAME]);
  const block = named.get(lower(KEY_NAME));
  if (block === undefined) return { status: "absent" };
  if (block.kind !== "range")
    return {
      status: "invalid",
      issues: [
        located(
          "key-not-range",
          `Navnet ${KEY_NAME} er ikke et område.`,
          `The name ${KEY_NAME} is not a range.`,
          "",
        ),
      ],
    };
  const at = (r: number, c: number): string => `${colLetters(block.col + c)}${block.row + r + 1}`;
  const kommuneCell = named.get(lower(KEY_KOMMUNE_NAME));
  const kommune =
    kommuneCell?.kind === "range"
      ? text(kommuneCell.values[0]?.[0])
      : kommuneCell?.kind === "constant"
        ? text(kommuneCell.value)
        : "";
  const header = block.values[0] ?? [];
  const serviceCol = columnOf(header, KEY_LABELS.service.da, KEY_LABELS.service.en);
  const restCol = columnOf(header, KEY_LABELS.rest.da, KEY_LABELS.rest.en, "Ufordelt", "Undistributed");
  const ignored = new Set([
    serviceCol,
    columnOf(header, KEY_LABELS.total.da, KEY_LABELS.total.en),
    columnOf(header, KEY_LABELS.check.da, KEY_LABELS.check.en),
  ]);
  const issues: InputIssue[] = [];
  if (serviceCol < 0)
    issues.push(
      located(
        "key-missing-column",
        `Fordelingsnøglen mangler kolonnen Ydelse.`,
        `The distribution key lacks the Service column.`,
        block.sheet,
        at(0, 0),
      ),
    );
  if (kommune === "")
    issues.push({
      ...located(
        "key-no-kommune",
        "Fordelingsnøglen angiver ikke, hvilken kommune-aktør den fordeler.",
        "The distribution key does not say which kommune actor it splits.",
        block.sheet,
      ),
      location: { path: [], name: KEY_KOMMUNE_NAME, sheet: block.sheet },
    });
  const deptCols = header
    .map((h, c) => ({ name: text(h), c }))
    .filter((x) => !ignored.has(x.c) && x.c !== restCol && x.name !== "");
  if (issues.length > 0) return { status: "invalid", issues };
  const keys: DistributionKey[] = [];
  for (let r = 1; r < block.values.length; r++) {
    const row = block.values[r] ?? [];
    const service = text(row[serviceCol]);
    if (service === "") continue;
    const share = (c: number): number | undefined => {
      const v = row[c];
      if (isBlankCell(v)) return 0;
      if (typeof v === "number" && Number.isFinite(v) && v >= 0 && v <= 1) return v;
      issues.push(
        located(
          "key-share-invalid",
          `Andelen i ${at(r, c)} (»${service}«, ${text(header[c])}) skal være en procent mellem 0 % og 100 % (er »${text(v)}«).`,
          `The share in ${at(r, c)} (“${service}”, ${text(header[c])}) must be a percentage from 0 % to 100 % (is “${text(v)}”).`,
          block.sheet,
          at(r, c),
        ),
      );
      return undefined;
    };
    const shares = deptCols.map((d) => share(d.c));
    const rest = restCol >= 0 ? share(restCol) : 0;
    if (shares.some((s) => s === undefined) || rest === undefined) continue;
    const sum = shares.reduce((a: number, b) => a + (b ?? 0), 0) + rest;
    if (Math.abs(sum - 1) > KEY_SUM_TOLERANCE) {
      const pctText = (x: number, lang: "da" | "en"): string =>
        `${(Math.round(x * 1000) / 10).toString().replace(".", lang === "da" ? "," : ".")} %`;
      issues.push(
        located(
          "key-sum-not-100",
          `Andelene for »${service}« (række ${block.row + r + 1}) giver ${pctText(sum, "da")}, ikke 100 %.`,
          `The shares of “${service}” (row ${block.row + r + 1}) sum to ${pctText(sum, "en")}, not 100 %.`,
          block.sheet,
          at(r, 0),
        ),
      );
      continue;
    }
    keys.push({ service, shares: shares.map((s) => s ?? 0) });
  }
  if (issues.length > 0) return { status: "invalid", issues };
  return {
    status: "ok",
    sheet: block.sheet,
    key: { kommune, departments: deptCols.map((d) => d.name), keys },
  };
}

/**
 * Why the key sheet cannot be written, or undefined: a sheet "Fordelingsnøgle" exists without `SOM_Fordelingsnoegle`
 * (not ours, never overwritten), or the name points elsewhere / is not a range.
 */
async function keySheetConflict(
  port: WorkbookPort,
  existing: NamedValue | undefined,
): Promise<InputIssue | undefined> {
  if (existing === undefined) {
    const sheets = await port.listSheets();
    if (!sheets.some((s) => lower(s.name) === lower(KEY_SHEET))) return undefined;
    return located(
      "key-sheet-conflict",
      `Arket »${KEY_SHEET}« findes allerede, men har ikke navnet ${KEY_NAME}. Det overskrives ikke; omdøb arket.`,
      `The sheet “${KEY_SHEET}” exists but has no name ${KEY_NAME}. It is not overwritten; rename the sheet.`,
      KEY_SHEET,
    );
  }
  if (existing.kind === "range" && lower(existing.sheet) === lower(KEY_SHEET)) return undefined;
  return located(
    "key-sheet-conflict",
    `Navnet ${KEY_NAME} peger ikke på arket »${KEY_SHEET}«; ret det i Navnestyring.`,
    `The name ${KEY_NAME} does not point at the sheet “${KEY_SHEET}”; fix it in Name Manager.`,
    existing.kind === "range" ? existing.sheet : "",
  );
}

/**
 * Writes the key sheet (creates it, or rewrites the sheet `SOM_Fordelingsnoegle` points at after `confirm` when it
 * holds filled key rows). A sheet named "Fordelingsnøgle" without the name is not ours and is never overwritten.
 */
export async function saveDistributionKey(
  port: WorkbookPort,
  key: StoredDistributionKey,
  options: { readonly lang: "da" | "en"; readonly confirm: (q: Text) => Promise<boolean> },
): Promise<EditOutcome> {
  const existing = (await port.readNames([KEY_NAME])).get(lower(KEY_NAME));
  const conflict = await keySheetConflict(port, existing);
  if (conflict !== undefined) return { ok: false, issues: [conflict] };
  const spec = distributionKeySpec(key, options.lang);
  if (existing?.kind === "range") {
    const filled = existing.values.slice(1).some((r) => r.some((v) => !isBlankCell(v)));
    if (
      filled &&
      !(await options.confirm({
        da: `Arket »${KEY_SHEET}« har allerede en fordelingsnøgle. Den erstattes af den nye. Fortsæt?`,
        en: `The sheet “${KEY_SHEET}” already holds a distribution key. It is replaced by the new one. Continue?`,
      }))
    )
      return { ok: true, status: "cancelled", undistributed: [] };
  }
  await port.writeSheets(spec);
  return { ok: true, status: "done", undistributed: [] };
}

/** Splits the kommune (as `splitKommune`) and, when done, stores the key in the workbook. */
export async function splitKommuneAndSaveKey(
  port: WorkbookPort & InputEditPort,
  request: SplitRequest,
  confirm: (q: Text) => Promise<boolean>,
  lang: "da" | "en" = "da",
): Promise<EditOutcome> {
  // Refuse before splitting when the key could not be stored afterwards (nothing is written then).
  const conflict = await keySheetConflict(port, (await port.readNames([KEY_NAME])).get(lower(KEY_NAME)));
  if (conflict !== undefined) return { ok: false, issues: [conflict] };
  const out = await splitKommune(port, request, confirm);
  if (!out.ok || out.status !== "done") return out;
  const saved = await saveDistributionKey(port, request, { lang, confirm });
  return saved.ok ? out : saved;
}

/**
 * Plans the re-application of a key to a kommune whose departments already have price columns: per service,
 * the kommune price is taken back as the kommune column plus the department columns, and split again by the
 * key. Writes replace filled cells, so the plan's question must be confirmed (applyEditPlan asks).
 */
export async function planKeyReapply(
  port: WorkbookPort,
  key: StoredDistributionKey,
): Promise<{ ok: true; plan: EditPlan } | { ok: false; issues: readonly InputIssue[] }> {
  const read = await readBlocks(port);
  if (!read.ok) return read;
  const { prices } = read;
  const header = prices.values[0] ?? [];
  const serviceCol = columnOf(header, "Ydelse", "Service");
  const kommuneCol = columnOf(header, key.kommune);
  const deptCols = key.departments.map((d) => columnOf(header, d));
  if (serviceCol < 0 || kommuneCol < 0 || deptCols.some((c) => c < 0))
    return {
      ok: false,
      issues: [
        issue(
          "missing-column",
          `Pristabellen mangler kolonnen Ydelse, »${key.kommune}« eller en forvaltnings kolonne.`,
          `The price table lacks the Service column, “${key.kommune}” or a department's column.`,
        ),
      ],
    };
  const rows = prices.values.slice(1);
  const totals = rows.map((r) => {
    const cells = [kommuneCol, ...deptCols].map((c) => r[c] ?? null);
    const blank = cells.every((v) => isBlankCell(v));
    return {
      service: text(r[serviceCol]),
      priceKr: cells.reduce((a: number, v) => a + (typeof v === "number" ? v : 0), 0),
      blank,
    };
  });
  const split = splitPrices(totals, key.departments, key.keys);
  if (!split.ok)
    return { ok: false, issues: split.issues.map((i) => issue(i.code, i.message.da, i.message.en)) };
  const writes: Write[] = [];
  const column = (c: number, pick: (i: number) => number): Write => ({
    sheet: prices.sheet,
    row: prices.row + 1,
    col: prices.col + c,
    values: split.value.map((_, i) => [totals[i]?.blank ? null : pick(i)]),
  });
  writes.push(column(kommuneCol, (i) => split.value[i]?.remainderKr ?? 0));
  deptCols.forEach((c, j) => writes.push(column(c, (i) => split.value[i]?.departmentPricesKr[j] ?? 0)));
  const list = key.departments.join(", ");
  return {
    ok: true,
    plan: {
      writes,
      names: [],
      undistributed: split.undistributed,
      question: {
        da: `Genberegn priserne for ${key.kommune} og forvaltningerne ${list} i ${N.prices} efter fordelingsnøglen i arket? De udfyldte priser i disse kolonner overskrives (summen pr. ydelse er uændret).`,
        en: `Recompute the prices of ${key.kommune} and the departments ${list} in ${N.prices} from the key in the sheet? The filled prices in these columns are overwritten (the sum per service is unchanged).`,
      },
    },
  };
}

/**
 * Re-reads the key from the workbook and applies it: a fresh split when the departments are not actors yet,
 * else a re-split of their price columns. Always after `confirm`; an invalid key gives its located issues.
 */
export async function applyStoredDistributionKey(
  port: WorkbookPort & InputEditPort,
  confirm: (q: Text) => Promise<boolean>,
): Promise<EditOutcome> {
  const read = await readDistributionKey(port);
  if (read.status === "absent")
    return {
      ok: false,
      issues: [
        issue(
          "key-absent",
          `Projektmappen har ingen fordelingsnøgle (${KEY_NAME}).`,
          `The workbook has no distribution key (${KEY_NAME}).`,
        ),
      ],
    };
  if (read.status === "invalid") return { ok: false, issues: read.issues };
  const actors = await readActorsAndPrices(port);
  if (!actors.ok) return actors;
  const existing = read.key.departments.filter((d) =>
    actors.value.actors.some((a) => lower(a.name) === lower(d)),
  );
  if (existing.length === 0) return splitKommune(port, read.key, confirm);
  if (existing.length < read.key.departments.length)
    return {
      ok: false,
      issues: [
        issue(
          "key-departments-partly-present",
          `Kun nogle af forvaltningerne i nøglen er aktører (${existing.join(", ")}). Tilføj eller fjern dem, så nøgle og aktørliste passer.`,
          `Only some of the key's departments are actors (${existing.join(", ")}). Add or remove them so the key and the actor list match.`,
        ),
      ],
    };
  const planned = await planKeyReapply(port, read.key);
  return planned.ok ? applyEditPlan(port, planned.plan, confirm) : planned;
}
