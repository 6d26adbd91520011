/**
 * Inserting knowledge records into the calculation (som-method.md §8: "the user copies values into the
 * calculation and may change them"):
 * - a price record → a row of `SOM_Priser`, its per-level amounts converted to the workbook's price level
 *   P with the price index (som-method.md §5: x_P = x_b × I(P) / I(b), I from `SOM_Prisindeks`) and put in
 *   the column of the actor with that level;
 * - a consequence record → a row of `SOM_Konsekvenser` (Effektmål, Ydelse, Enhed, Art, År 1…);
 * - an effect record → a row of `SOM_Effekter` with its suggested success rate.
 * The `Kilde` column always gets the record's source, year and confidence, and says which figures are missing.
 *
 * Rows go into blank rows of the block. A filled row for the same service (prices), outcome + service
 * (consequences) or outcome (effects) is only overwritten after the user confirms; when the block has no
 * blank row left, rows are appended directly below it and the defined name is extended — also only after
 * the user confirms (the cells below a block cannot be read through the name).
 *
 * Decisions [D] where SØM is silent:
 * - when several actors share a level (forvaltninger), the level's whole amount goes to the first of them
 *   and a note asks the user to split it; a level no actor has is not inserted (note);
 * - an unknown figure (gap) is left blank — which the calculation reads as 0 — and the `Kilde` cell says
 *   "MANGLER" with the pointer to the official figure, so the gap stays visible.
 */
import type { InputIssue, Level } from "../engine/types";
import { missingIndexYearText, shippedPriceIndex } from "../knowledge/price-index";
import type { KnowledgeRecord, PriceRecord } from "../knowledge/types";
import { planIndexFill } from "./knowledge-index-fill";
import { figureKindSource, rateSplit, type LevelShares } from "./knowledge-rates";
import { sameTargetGroupWarnings } from "./knowledge-target-groups";
import type { Lang } from "../present/format";
import { colLetters, parseCellA1, parseRectA1 } from "../workbook/a1";
import {
  COLUMNS,
  CONSEQUENCE_KIND_LABELS,
  LEVEL_LABELS,
  MAX_CONSEQUENCE_YEARS,
  N,
  consequenceYearHeader,
} from "../workbook/names";
import type { CellEdit, InputEditPort, NameEdit, WorkbookPort } from "../workbook/port";
import { normalizeHeader, readBlock, type BlockRead } from "../workbook/read/block";
import { readInteger } from "../workbook/read/scalar";
import type { CellValue } from "../workbook/sheet-model";

/** A text in both languages. */
export interface Bilingual {
  readonly da: string;
  readonly en: string;
}

/** What the workbook holds that insertion needs. Read once by `readInsertionTarget`. */
export interface InsertionTarget {
  /** Price level P: `SOM_Prisniveau`, else `SOM_Startaar`; undefined when neither is a whole number. */
  readonly priceLevel: number | undefined;
  /** I(year) from `SOM_Prisindeks` (rows with a whole year and a positive number). */
  readonly priceIndex: ReadonlyMap<number, number>;
  /** Actors of `SOM_Aktoerer` in order, with their level when it is one of the known labels. */
  readonly actors: readonly { readonly name: string; readonly level: Level | undefined }[];
  readonly prices: BlockGeometry | undefined;
  readonly consequences: BlockGeometry | undefined;
  readonly effects: BlockGeometry | undefined;
  /** `SOM_Prisindeks` as a block, so missing index years can be added from the shipped nettoprisindeks. */
  readonly priceIndexBlock: BlockGeometry | undefined;
}

/** A block as read, plus the geometry needed to write into it. */
export interface BlockGeometry {
  readonly read: BlockRead;
  /** 0-based first and last sheet column of the block, and its last sheet row. */
  readonly firstCol: number;
  readonly lastCol: number;
  readonly lastRow: number;
  /** 0-based sheet rows inside the block (after the header) that are blank, in order. */
  readonly blankRows: readonly number[];
}

function geometry(read: BlockRead | undefined): BlockGeometry | undefined {
  if (read === undefined) return undefined;
  const rect = parseRectA1(read.ref);
  if (rect === undefined) return undefined;
  const filled = new Set(read.rows.map((r) => r.row));
  const blankRows: number[] = [];
  for (let r = read.headerRow + 1; r < rect.row + rect.rows; r++) if (!filled.has(r)) blankRows.push(r);
  return {
    read,
    firstCol: rect.col,
    lastCol: rect.col + rect.cols - 1,
    lastRow: rect.row + rect.rows - 1,
    blankRows,
  };
}

const cellText = (v: CellValue | undefined): string =>
  v === null || v === undefined ? "" : String(v).trim();
const same = (a: string, b: string): boolean => normalizeHeader(a) === normalizeHeader(b);

function levelOf(text: string): Level | undefined {
  return LEVEL_LABELS.find((l) => same(l.da, text) || same(l.en, text) || same(l.level, text))?.level;
}

/** Reads what insertion needs in one `readNames` call. */
export async function readInsertionTarget(port: WorkbookPort): Promise<InsertionTarget> {
  const named = await port.readNames([
    N.priceLevel,
    N.startYear,
    N.priceIndex,
    N.actors,
    N.prices,
    N.consequences,
    N.effects,
  ]);
  const ignored: InputIssue[] = [];
  const priceLevel = readInteger(named, N.priceLevel, ignored) ?? readInteger(named, N.startYear, ignored);
  const indexBlock = readBlock(named, N.priceIndex, COLUMNS[N.priceIndex], ignored);
  const priceIndex = new Map<number, number>();
  for (const r of indexBlock?.rows ?? []) {
    const y = r.fields.get("year")?.value;
    const i = r.fields.get("index")?.value;
    if (
      typeof y === "number" &&
      Number.isInteger(y) &&
      typeof i === "number" &&
      Number.isFinite(i) &&
      i > 0 &&
      !priceIndex.has(y)
    )
      priceIndex.set(y, i);
  }
  const actorBlock = readBlock(named, N.actors, COLUMNS[N.actors], ignored);
  const actors = (actorBlock?.rows ?? [])
    .map((r) => ({
      name: cellText(r.fields.get("actor")?.value),
      level: levelOf(cellText(r.fields.get("level")?.value)),
    }))
    .filter((a) => a.name !== "");
  // A row with only a note (Bemærkning) is not free for a new record: every column counts.
  const readAll = (name: typeof N.prices | typeof N.consequences | typeof N.effects) =>
    readBlock(named, name, COLUMNS[name], ignored, { everyColumnIsData: true });
  return {
    priceLevel,
    priceIndex,
    actors,
    prices: geometry(readAll(N.prices)),
    consequences: geometry(readAll(N.consequences)),
    effects: geometry(readAll(N.effects)),
    priceIndexBlock: geometry(indexBlock),
  };
}

// ───────────────────────────── Planning (pure) ─────────────────────────────

export type TargetBlock = typeof N.prices | typeof N.consequences | typeof N.effects | typeof N.priceIndex;

/** The geometry of a target block in `target`. */
export function blockGeometry(target: InsertionTarget, block: TargetBlock): BlockGeometry | undefined {
  if (block === N.prices) return target.prices;
  if (block === N.consequences) return target.consequences;
  if (block === N.effects) return target.effects;
  return target.priceIndexBlock;
}

/** One row to write: sheet cells by 0-based column (columns not listed are left as they are). */
export interface PlannedRow {
  readonly recordId: string;
  readonly block: TargetBlock;
  readonly sheet: string;
  /** The key that identifies the row in its block (service, outcome + service, outcome), for messages. */
  readonly label: string;
  readonly cells: ReadonlyMap<number, CellValue>;
  /**
   * Where the row goes: a blank row of the block; a filled row with the same key (overwrite, needs
   * confirmation); or the next row below the block (append, needs confirmation; the name is extended).
   */
  readonly target: { readonly kind: "blank" | "replace" | "append"; readonly row: number };
}

export interface InsertionNote {
  readonly recordId: string;
  readonly text: Bilingual;
}

export interface InsertionPlan {
  readonly rows: readonly PlannedRow[];
  /** Records that cannot be inserted, and why (missing block, missing index year, unknown success rate…). */
  readonly refused: readonly InsertionNote[];
  /** Things the user should know about rows that are inserted (gaps left blank, amounts moved, years cut). */
  readonly notes: readonly InsertionNote[];
  /**
   * Rates (and prices known only as a gross amount) that were NOT inserted because nobody said how they split
   * across actors after refusion: the pane asks the user for the split (`PlanOptions.splits`) and tries again.
   */
  readonly needsSplit: readonly PriceRecord[];
  /** Warnings about the calculation as a whole (e.g. two effects for one target group: double counting). */
  readonly warnings: readonly InsertionNote[];
}

export interface PlanOptions {
  /** Language of the labels written into cells (Art: Udgift/Indtægt). */
  readonly lang: Lang;
  /** Outcome (Effektmål) to put on inserted consequence lines; default: see `planInsertion`. */
  readonly effectName?: string;
  /** The user's split of a rate's gross amount across levels (shares 0–1 summing to 1), by record id. */
  readonly splits?: ReadonlyMap<string, LevelShares>;
  /**
   * Every record the user can browse (starter, workbook, files): used to tell which target group an effect
   * already in `SOM_Effekter` belongs to. Default: the records being inserted.
   */
  readonly knownRecords?: readonly KnowledgeRecord[];
}

const fmtNumber = (x: number): string => String(Math.round(x * 1e6) / 1e6).replace(".", ",");

function sourceText(r: KnowledgeRecord, extra: string[]): string {
  const p = r.provenance;
  return [`${p.source} (${p.year}, sikkerhed ${p.confidence})`, ...extra].join(" – ");
}

function gapText(r: KnowledgeRecord, what: string): string {
  return `MANGLER ${what}: ${r.gap?.where ?? "se vidensdatabasen"}`;
}

/**
 * Plans the insertion of `records` into the workbook described by `target`. Pure: same inputs, same plan.
 *
 * Effektmål of a consequence line, in order of preference: `options.effectName`; an outcome of `SOM_Effekter`
 * (or of an effect inserted in the same batch) equal to the record's success measure; the only outcome when
 * there is exactly one; else the record's success measure (note: add it to `SOM_Effekter`).
 * Effektmål of an effect row: the success measure of its target group when `records` holds it, else the outcome.
 */
export function planInsertion(
  target: InsertionTarget,
  records: readonly KnowledgeRecord[],
  options: PlanOptions,
): InsertionPlan {
  const rows: PlannedRow[] = [];
  const refused: InsertionNote[] = [];
  const notes: InsertionNote[] = [];
  const needsSplit: PriceRecord[] = [];
  const refuse = (r: KnowledgeRecord, da: string, en: string): void =>
    void refused.push({ recordId: r.id, text: { da, en } });
  const note = (r: KnowledgeRecord, da: string, en: string): void =>
    void notes.push({ recordId: r.id, text: { da, en } });

  // Rows claimed so far in this plan, per block, so two records never land in the same row.
  const usedBlank = new Map<TargetBlock, number>();
  const appended = new Map<TargetBlock, number>();
  const replaced = new Set<string>();
  const place = (
    block: TargetBlock,
    g: BlockGeometry,
    existingRow: number | undefined,
  ): PlannedRow["target"] => {
    if (existingRow !== undefined && !replaced.has(`${block}:${existingRow}`)) {
      replaced.add(`${block}:${existingRow}`);
      return { kind: "replace", row: existingRow };
    }
    const used = usedBlank.get(block) ?? 0;
    const blank = g.blankRows[used];
    if (blank !== undefined) {
      usedBlank.set(block, used + 1);
      return { kind: "blank", row: blank };
    }
    const n = appended.get(block) ?? 0;
    appended.set(block, n + 1);
    return { kind: "append", row: g.lastRow + 1 + n };
  };
  /** The existing data row whose key cells match, if any. */
  const findRow = (g: BlockGeometry, match: (get: (key: string) => string) => boolean): number | undefined =>
    g.read.rows.find((row) => match((key) => cellText(row.fields.get(key)?.value)))?.row;
  const colOf = (g: BlockGeometry, key: string): number | undefined => g.read.columns.get(key)?.col;
  const missingBlock = (r: KnowledgeRecord, name: string): void =>
    refuse(
      r,
      `Projektmappen har ikke navnet ${name} (eller det har ingen overskriftsrække).`,
      `The workbook has no name ${name} (or it has no header row).`,
    );

  const effectNames: string[] = (target.effects?.read.rows ?? [])
    .map((row) => cellText(row.fields.get("effect")?.value))
    .filter((s) => s !== "");
  const groupMeasure = new Map<string, string>();
  for (const r of records)
    if (r.kind === "targetGroup" && r.successMeasure) groupMeasure.set(r.id, r.successMeasure);

  // Effects first, so consequences inserted in the same batch can use their outcome.
  const ordered = [
    ...records.filter((r) => r.kind === "effect"),
    ...records.filter((r) => r.kind !== "effect"),
  ];
  for (const r of ordered) {
    switch (r.kind) {
      case "effect": {
        const g = target.effects;
        if (!g) {
          missingBlock(r, N.effects);
          break;
        }
        if (r.suggestedSuccessRate === null) {
          refuse(
            r,
            `"${r.title}" har ingen foreslået succesrate (${r.gap?.reason ?? "effekten kendes ikke netto"}). Se ${r.gap?.where ?? "kilden"}.`,
            `"${r.title}" has no suggested success rate (${r.gap?.reason ?? "the net effect is not known"}). See ${r.gap?.where ?? "the source"}.`,
          );
          break;
        }
        const name = (r.targetGroup !== null ? groupMeasure.get(r.targetGroup) : undefined) ?? r.outcome;
        const cells = new Map<number, CellValue>();
        const ce = colOf(g, "effect");
        const cr = colOf(g, "successRate");
        if (ce === undefined || cr === undefined) {
          missingBlock(r, N.effects);
          break;
        }
        cells.set(ce, name);
        cells.set(cr, r.suggestedSuccessRate);
        const cs = colOf(g, "source");
        const src = sourceText(r, [
          `${r.intervention}: ${r.design}`,
          ...(r.treatedShare !== null && r.controlShare !== null
            ? [`${fmtNumber(r.treatedShare * 100)} % − ${fmtNumber(r.controlShare * 100)} %`]
            : []),
          ...(r.evidenceLevel !== null ? [`evidensniveau ${r.evidenceLevel}`] : []),
        ]);
        if (cs !== undefined) cells.set(cs, src);
        else
          note(
            r,
            `${N.effects} har ingen kolonne "Kilde"; kilden er ikke skrevet.`,
            `${N.effects} has no "Source" column; the source was not written.`,
          );
        const existing = findRow(g, (get) => same(get("effect"), name));
        rows.push({
          recordId: r.id,
          block: N.effects,
          sheet: g.read.sheet,
          label: name,
          cells,
          target: place(N.effects, g, existing),
        });
        if (!effectNames.some((e) => same(e, name))) effectNames.push(name);
        break;
      }
      case "price":
        planPrice(r, target, options, {
          rows,
          needsSplit,
          refuse: (da, en) => refuse(r, da, en),
          note: (da, en) => note(r, da, en),
          place,
          findRow,
          colOf,
          missingBlock,
        });
        break;
      case "consequence": {
        const g = target.consequences;
        const ce = g && colOf(g, "effect");
        const cv = g && colOf(g, "service");
        const ck = g && colOf(g, "kind");
        if (!g || ce === undefined || cv === undefined || ck === undefined) {
          missingBlock(r, N.consequences);
          break;
        }
        let effect = options.effectName;
        if (effect === undefined) {
          effect = effectNames.find((e) => same(e, r.successMeasure));
          if (effect === undefined && effectNames.length === 1) {
            effect = effectNames[0] ?? r.successMeasure;
            note(
              r,
              `Effektmålet er sat til "${effect}" (det eneste i ${N.effects}).`,
              `The outcome was set to "${effect}" (the only one in ${N.effects}).`,
            );
          }
          if (effect === undefined) {
            effect = r.successMeasure;
            note(
              r,
              `Effektmålet "${effect}" findes ikke i ${N.effects}; tilføj det dér med en succesrate, eller ret effektmålet på linjen.`,
              `The outcome "${effect}" is not in ${N.effects}; add it there with a success rate, or change the line's outcome.`,
            );
          }
        }
        const cells = new Map<number, CellValue>();
        cells.set(ce, effect);
        cells.set(cv, r.service);
        const cu = colOf(g, "unit");
        if (cu !== undefined) cells.set(cu, r.unit);
        const label =
          CONSEQUENCE_KIND_LABELS.find((k) => k.kind === r.consequenceKind) ?? CONSEQUENCE_KIND_LABELS[0];
        cells.set(ck, label[options.lang]);
        // Year columns: År 1 … År 20 among the block's extra columns.
        const yearCol = new Map<number, number>();
        for (const x of g.read.extraColumns)
          for (let j = 1; j <= MAX_CONSEQUENCE_YEARS; j++) {
            const h = consequenceYearHeader(j);
            if (!yearCol.has(j) && (same(x.header, h.da) || same(x.header, h.en))) yearCol.set(j, x.col);
          }
        const gaps: number[] = [];
        const cut: number[] = [];
        r.deltaByYear.forEach((d, i) => {
          const c = yearCol.get(i + 1);
          if (d === null) gaps.push(i + 1);
          if (c !== undefined) cells.set(c, d);
          else if (d !== null && d !== 0) cut.push(i + 1);
        });
        // Year columns beyond the record's years are cleared (the record says nothing about them).
        for (const [j, c] of yearCol) if (j > r.deltaByYear.length) cells.set(c, null);
        const extra: string[] = [];
        if (gaps.length > 0) {
          extra.push(gapText(r, `tal for år ${span(gaps)}`));
          note(
            r,
            `Ændringen for år ${span(gaps)} er ukendt og står tom (regnes som 0). Det officielle tal: ${r.gap?.where ?? "se kilden"}.`,
            `The change for year ${span(gaps)} is unknown and left blank (counted as 0). Official figure: ${r.gap?.where ?? "see the source"}.`,
          );
        }
        if (cut.length > 0)
          note(
            r,
            `${N.consequences} har ingen kolonne for år ${span(cut)}; de år er ikke indsat.`,
            `${N.consequences} has no column for year ${span(cut)}; those years were not inserted.`,
          );
        const cs = colOf(g, "source");
        if (cs !== undefined) cells.set(cs, sourceText(r, extra));
        const priced =
          target.prices?.read.rows.some((row) =>
            same(cellText(row.fields.get("service")?.value), r.service),
          ) ?? false;
        const pricedInBatch = records.some((x) => x.kind === "price" && same(x.service, r.service));
        if (!priced && !pricedInBatch)
          note(
            r,
            `Ydelsen "${r.service}" har ingen pris i ${N.prices}; indsæt eller skriv en pris.`,
            `The service "${r.service}" has no price in ${N.prices}; insert or type one.`,
          );
        const key = `${effect} / ${r.service}`;
        const existing = findRow(g, (get) => same(get("effect"), effect) && same(get("service"), r.service));
        rows.push({
          recordId: r.id,
          block: N.consequences,
          sheet: g.read.sheet,
          label: key,
          cells,
          target: place(N.consequences, g, existing),
        });
        break;
      }
      case "targetGroup":
        refuse(
          r,
          `"${r.title}" er en målgruppe; den indsættes ikke som tal. Skriv den i SOM_Maalgruppe og brug dens effekter og konsekvenser.`,
          `"${r.title}" is a target group; it is not inserted as figures. Type it in SOM_Maalgruppe and use its effects and consequences.`,
        );
        break;
      case "parameter":
        refuse(
          r,
          `"${r.title}" er en parameter; skriv værdien i Indstillinger (fx SOM_Diskonteringsrente).`,
          `"${r.title}" is a parameter; type the value on the settings sheet (e.g. SOM_Diskonteringsrente).`,
        );
        break;
    }
  }
  const warnings = sameTargetGroupWarnings(
    (target.effects?.read.rows ?? []).map((row) => cellText(row.fields.get("effect")?.value)),
    records,
    options.knownRecords ?? records,
  );
  return { rows, refused, notes, needsSplit, warnings };
}

/** "3", "3–5", "1, 3–5". */
function span(years: readonly number[]): string {
  const parts: string[] = [];
  let i = 0;
  while (i < years.length) {
    let j = i;
    while (j + 1 < years.length && (years[j + 1] ?? 0) === (years[j] ?? 0) + 1) j++;
    parts.push(i === j ? `${years[i]}` : `${years[i]}–${years[j]}`);
    i = j + 1;
  }
  return parts.join(", ");
}

interface PriceHelpers {
  readonly rows: PlannedRow[];
  readonly needsSplit: PriceRecord[];
  refuse(da: string, en: string): void;
  note(da: string, en: string): void;
  place(block: TargetBlock, g: BlockGeometry, existingRow: number | undefined): PlannedRow["target"];
  findRow(g: BlockGeometry, match: (get: (key: string) => string) => boolean): number | undefined;
  colOf(g: BlockGeometry, key: string): number | undefined;
  missingBlock(r: KnowledgeRecord, name: string): void;
}

/**
 * The factor I(P) / I(b) that converts an amount at price year b to price level P (som-method.md §5), or a
 * message naming the missing index year. b = P needs no index (factor 1).
 * @example priceLevelFactor(2015, 2025, new Map([[2015, 100], [2025, 125]])) // { ok: true, factor: 1.25 }
 */
export function priceLevelFactor(
  priceYear: number,
  priceLevel: number,
  index: ReadonlyMap<number, number>,
):
  | { readonly ok: true; readonly factor: number; readonly from?: number; readonly to?: number }
  | { readonly ok: false; readonly missing: readonly number[] } {
  if (priceYear === priceLevel) return { ok: true, factor: 1 };
  const from = index.get(priceYear);
  const to = index.get(priceLevel);
  if (from === undefined || to === undefined) {
    return { ok: false, missing: [priceYear, priceLevel].filter((y) => !index.has(y)) };
  }
  return { ok: true, factor: to / from, from, to };
}

function planPrice(r: PriceRecord, target: InsertionTarget, options: PlanOptions, h: PriceHelpers): void {
  const g = target.prices;
  const cv = g && h.colOf(g, "service");
  if (!g || cv === undefined) {
    h.missingBlock(r, N.prices);
    return;
  }
  const P = target.priceLevel;
  if (P === undefined) {
    h.refuse(
      "Prisniveauet kendes ikke: udfyld SOM_Prisniveau eller SOM_Startaar, så prisen kan omregnes.",
      "The price level is not known: fill in SOM_Prisniveau or SOM_Startaar so the price can be converted.",
    );
    return;
  }
  // A rate (or a price known only as a gross amount) is never inserted as if it were a split price.
  const split = options.splits?.get(r.id);
  const rate = rateSplit(r, split);
  if (rate.kind === "needsSplit") {
    h.needsSplit.push(r);
    h.refuse(rate.text.da, rate.text.en);
    return;
  }
  if (rate.kind === "badSplit") {
    h.refuse(rate.text.da, rate.text.en);
    return;
  }
  const amounts = rate.kind === "split" ? rate.amounts : r.amounts;
  const b = r.provenance.year;
  if (r.gyldigTil !== undefined && Number(r.gyldigTil.slice(0, 4)) < P)
    h.note(
      `"${r.title}" gælder til ${r.gyldigTil}; prisniveau ${P} ligger efter. Tjek, om ydelsen stadig findes med samme sats (fx erstattes uddannelseshjælp af en ny kontanthjælp fra 1. juli 2025).`,
      `"${r.title}" applies until ${r.gyldigTil}; price level ${P} is later. Check that the benefit still exists at that rate (e.g. uddannelseshjælp is replaced by a new kontanthjælp from 1 July 2025).`,
    );
  const conv = priceLevelFactor(b, P, target.priceIndex);
  if (!conv.ok) {
    const years = conv.missing.join(" og ");
    const series = shippedPriceIndex();
    const beyond = conv.missing
      .filter((y) => !series.annual.has(y))
      .map((y) => missingIndexYearText(y, series));
    h.refuse(
      [
        `Prisindekset (SOM_Prisindeks) mangler år ${years}. Prisen er i ${b}-priser og skal omregnes til prisniveau ${P}: tilføj indekset for ${years} (nettoprisindekset fra Danmarks Statistik).`,
        ...beyond.map((t) => t.da),
      ].join(" "),
      [
        `The price index (SOM_Prisindeks) has no year ${conv.missing.join(" and ")}. The price is at ${b} prices and must be converted to price level ${P}: add the index for ${conv.missing.join(" and ")} (Statistics Denmark's net price index).`,
        ...beyond.map((t) => t.en),
      ].join(" "),
    );
    return;
  }
  // Actor columns of SOM_Priser: extra columns headed by an actor's name.
  const actorCols = target.actors
    .map((a) => ({ ...a, col: g.read.extraColumns.find((x) => same(x.header, a.name))?.col }))
    .filter((a): a is { name: string; level: Level | undefined; col: number } => a.col !== undefined);
  const cells = new Map<number, CellValue>();
  cells.set(cv, r.service);
  const cu = h.colOf(g, "unit");
  if (cu !== undefined) cells.set(cu, r.unit);
  const cy = h.colOf(g, "priceYear");
  if (cy !== undefined) cells.set(cy, P);
  for (const a of actorCols) cells.set(a.col, null);
  const gapLevels: string[] = [];
  for (const level of ["Kommune", "Region", "Stat"] as const) {
    const amount = amounts[level];
    const at = actorCols.filter((a) => a.level === level);
    if (amount === null) {
      gapLevels.push(level);
      continue;
    }
    if (at.length === 0) {
      if (amount !== 0)
        h.note(
          `Ingen aktør har niveauet ${level}, så beløbet ${fmtNumber(amount)} kr. (${b}-priser) er ikke indsat.`,
          `No actor has the level ${level}, so the amount ${fmtNumber(amount)} kr. (${b} prices) was not inserted.`,
        );
      continue;
    }
    const first = at[0];
    if (first) cells.set(first.col, amount * conv.factor);
    if (at.length > 1 && amount !== 0)
      h.note(
        `Flere aktører har niveauet ${level}; hele beløbet står hos "${first?.name}". Fordel det selv mellem ${at.map((a) => `"${a.name}"`).join(", ")}.`,
        `Several actors have the level ${level}; the whole amount is with "${first?.name}". Split it yourself between ${at.map((a) => `"${a.name}"`).join(", ")}.`,
      );
  }
  const extra: string[] = [...figureKindSource(r, rate)];
  if (b !== P && conv.from !== undefined && conv.to !== undefined)
    extra.push(`${b}-priser omregnet til ${P} med indeks ${fmtNumber(conv.from)} → ${fmtNumber(conv.to)}`);
  if (gapLevels.length > 0) {
    extra.push(gapText(r, `beløb for ${gapLevels.join(", ")}`));
    h.note(
      `Beløbet for ${gapLevels.join(", ")} er ukendt og står tomt (regnes som 0). Det officielle tal: ${r.gap?.where ?? "se kilden"}.`,
      `The amount for ${gapLevels.join(", ")} is unknown and left blank (counted as 0). Official figure: ${r.gap?.where ?? "see the source"}.`,
    );
  }
  const cs = h.colOf(g, "source");
  if (cs !== undefined) cells.set(cs, sourceText(r, extra));
  else
    h.note(
      `${N.prices} har ingen kolonne "Kilde"; kilden er ikke skrevet.`,
      `${N.prices} has no "Source" column; the source was not written.`,
    );
  const existing = h.findRow(g, (get) => same(get("service"), r.service));
  h.rows.push({
    recordId: r.id,
    block: N.prices,
    sheet: g.read.sheet,
    label: r.service,
    cells,
    target: h.place(N.prices, g, existing),
  });
}

// ───────────────────────────── Writing ─────────────────────────────

export interface InsertReport {
  /** Rows written: record, block, sheet and the A1 row number. */
  readonly inserted: readonly {
    readonly recordId: string;
    readonly block: TargetBlock;
    readonly sheet: string;
    readonly row: number;
  }[];
  /** Records not inserted (refused by the plan, or overwrite/append declined by the user). */
  readonly skipped: readonly InsertionNote[];
  readonly notes: readonly InsertionNote[];
  /** Rates not inserted until the user says how they split across actors (see `InsertionPlan.needsSplit`). */
  readonly needsSplit: readonly PriceRecord[];
  /** Warnings about the calculation as a whole (two effects for one target group, an index of another series). */
  readonly warnings: readonly InsertionNote[];
}

/** The question put to the user before filled rows are overwritten or rows are appended below a block. */
export function confirmQuestion(rows: readonly PlannedRow[]): Bilingual {
  const replace = rows.filter((r) => r.target.kind === "replace");
  const append = rows.filter((r) => r.target.kind === "append");
  const da: string[] = [];
  const en: string[] = [];
  if (replace.length > 0) {
    const list = replace.map((r) => `${r.block} række ${r.target.row + 1} (${r.label})`).join("; ");
    da.push(`Disse rækker er allerede udfyldt og bliver overskrevet: ${list}.`);
    en.push(`These rows are already filled and will be overwritten: ${list.replace(/ række /g, " row ")}.`);
  }
  if (append.length > 0) {
    const blocks = [...new Set(append.map((r) => r.block))].join(", ");
    da.push(
      `${blocks} har ikke flere tomme rækker: ${append.length} række(r) tilføjes lige under blokken, og navnet udvides. Celler dér bliver overskrevet.`,
    );
    en.push(
      `${blocks} has no blank rows left: ${append.length} row(s) are added directly below the block and the name is extended. Cells there will be overwritten.`,
    );
  }
  return { da: `${da.join(" ")} Fortsæt?`, en: `${en.join(" ")} Continue?` };
}

/**
 * Writes a plan: first asks (once) when rows would be overwritten or appended; on "no" only the rows going
 * into blank rows are written. Each contiguous run of rows in a block is one block of the edit; a block that
 * grew gets its name redefined to cover the new rows. Everything is one edit (`applyEdits`; Office.js: one
 * `Excel.run`), so a failure never leaves some blocks written while the message says nothing changed.
 */
export async function applyInsertionPlan(
  port: InputEditPort,
  target: InsertionTarget,
  plan: InsertionPlan,
  confirm: (question: Bilingual) => Promise<boolean>,
): Promise<InsertReport> {
  const edits = await insertionEdits(target, plan, confirm);
  await port.applyEdits(edits.cells, edits.names);
  return edits.report;
}

/** What `applyInsertionPlan` writes (after asking), without writing it. */
async function insertionEdits(
  target: InsertionTarget,
  plan: InsertionPlan,
  confirm: (question: Bilingual) => Promise<boolean>,
): Promise<{ report: InsertReport; cells: CellEdit[]; names: NameEdit[] }> {
  const needsAsk = plan.rows.some((r) => r.target.kind !== "blank");
  const ok = needsAsk ? await confirm(confirmQuestion(plan.rows)) : true;
  const skipped: InsertionNote[] = [...plan.refused];
  const rows = ok ? plan.rows : plan.rows.filter((r) => r.target.kind === "blank");
  if (!ok)
    for (const r of plan.rows)
      if (r.target.kind !== "blank")
        skipped.push({
          recordId: r.recordId,
          text: {
            da: `Ikke indsat: "${r.label}" ville overskrive eller udvide ${r.block}.`,
            en: `Not inserted: "${r.label}" would overwrite or extend ${r.block}.`,
          },
        });

  const inserted: InsertReport["inserted"][number][] = [];
  const cells: CellEdit[] = [];
  const names: NameEdit[] = [];
  for (const block of [N.priceIndex, N.prices, N.consequences, N.effects] as const) {
    const g = blockGeometry(target, block);
    const mine = rows.filter((r) => r.block === block).sort((a, b) => a.target.row - b.target.row);
    if (!g || mine.length === 0) continue;
    // Existing values of replaced rows, so columns the plan does not touch are written back unchanged.
    const existing = new Map<number, Map<number, CellValue>>();
    for (const row of g.read.rows) {
      const m = new Map<number, CellValue>();
      for (const [, c] of row.fields) m.set(colIndexOf(c.cell), c.value);
      for (const c of row.extra) m.set(colIndexOf(c.cell), c.value);
      existing.set(row.row, m);
    }
    const width = g.lastCol - g.firstCol + 1;
    let i = 0;
    while (i < mine.length) {
      let j = i;
      while (j + 1 < mine.length && (mine[j + 1]?.target.row ?? 0) === (mine[j]?.target.row ?? 0) + 1) j++;
      const run = mine.slice(i, j + 1);
      const values = run.map((r) => {
        const old = existing.get(r.target.row);
        return Array.from({ length: width }, (_, k) => {
          const c = g.firstCol + k;
          return r.cells.has(c) ? (r.cells.get(c) ?? null) : (old?.get(c) ?? null);
        });
      });
      const first = run[0];
      if (first) cells.push({ sheet: g.read.sheet, row: first.target.row, col: g.firstCol, values });
      for (const r of run)
        inserted.push({ recordId: r.recordId, block, sheet: r.sheet, row: r.target.row + 1 });
      i = j + 1;
    }
    const lastWritten = mine[mine.length - 1]?.target.row ?? g.lastRow;
    if (lastWritten > g.lastRow) {
      const rect = parseRectA1(g.read.ref);
      if (rect) {
        const top = Math.min(rect.row, g.read.headerRow);
        names.push({
          name: block,
          sheet: g.read.sheet,
          ref: `${colA1(g.firstCol)}${top + 1}:${colA1(g.lastCol)}${lastWritten + 1}`,
        });
      }
    }
  }
  return {
    report: {
      inserted,
      skipped,
      notes: plan.notes.filter((n) => inserted.some((x) => x.recordId === n.recordId)),
      needsSplit: plan.needsSplit,
      warnings: plan.warnings,
    },
    cells,
    names,
  };
}

/**
 * `target` as it is once the index rows of `fill` are written: their years known to the conversion, the rows they
 * take no longer blank — what reading the workbook again would give, without a round trip.
 */
function afterIndexFill(target: InsertionTarget, fill: InsertionPlan): InsertionTarget {
  const g = target.priceIndexBlock;
  if (g === undefined) return target;
  const cy = g.read.columns.get("year")?.col;
  const ci = g.read.columns.get("index")?.col;
  const priceIndex = new Map(target.priceIndex);
  for (const r of fill.rows) {
    const y = cy === undefined ? undefined : r.cells.get(cy);
    const i = ci === undefined ? undefined : r.cells.get(ci);
    if (typeof y === "number" && typeof i === "number" && !priceIndex.has(y)) priceIndex.set(y, i);
  }
  const used = new Set(fill.rows.map((r) => r.target.row));
  return {
    ...target,
    priceIndex,
    priceIndexBlock: {
      ...g,
      blankRows: g.blankRows.filter((row) => !used.has(row)),
      lastRow: Math.max(g.lastRow, ...fill.rows.map((r) => r.target.row)),
    },
  };
}

/**
 * Reads the workbook, plans and writes in one go: the use case behind the task pane's "Indsæt" button.
 * @example await insertKnowledge(workbook, [price], { lang: "da", confirm: ctx.confirm })
 */
export async function insertKnowledge(
  port: WorkbookPort & InputEditPort,
  records: readonly KnowledgeRecord[],
  options: PlanOptions & { readonly confirm: (question: Bilingual) => Promise<boolean> },
): Promise<InsertReport> {
  const target = await readInsertionTarget(port);
  // Index years the prices need and the workbook lacks: offered from the shipped nettoprisindeks (asked once).
  const fill = planIndexFill(target, records, options);
  const warnings: InsertionNote[] = [];
  if (fill?.kind === "conflict") warnings.push({ recordId: "", text: fill.text });
  let added: Awaited<ReturnType<typeof insertionEdits>> | undefined;
  let planTarget = target;
  if (fill?.kind === "offer" && (await options.confirm(fill.question))) {
    added = await insertionEdits(target, fill.plan, () => Promise.resolve(true));
    planTarget = afterIndexFill(target, fill.plan);
  }
  const plan = planInsertion(planTarget, records, options);
  const main = await insertionEdits(planTarget, plan, options.confirm);
  // the index years and the records in one edit (one Excel.run): written together or reported together
  await port.applyEdits([...(added?.cells ?? []), ...main.cells], [...(added?.names ?? []), ...main.names]);
  const report = main.report;
  const addedRows = added?.report.inserted ?? [];
  return {
    ...report,
    inserted: [...addedRows, ...report.inserted],
    warnings: [...warnings, ...report.warnings],
  };
}

const colIndexOf = (cell: string): number => parseCellA1(cell)?.col ?? -1;
const colA1 = colLetters;
