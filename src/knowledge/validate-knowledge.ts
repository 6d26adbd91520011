/**
 * Validation of knowledge files (JSON parsed from an untrusted file, or rows read from a workbook sheet).
 *
 * Rules are the JSON schema in `knowledge.schema.json`, written out here so that every problem names the
 * file, the record (its id, or its position) and the field, in Danish and English. The validator builds
 * new objects field by field from what it checked, so unknown keys — including `__proto__` — are dropped,
 * never merged.
 */
import type {
  Confidence,
  ConsequenceRecord,
  EffectRecord,
  EvidenceLevel,
  FigureKind,
  Gap,
  KnowledgeBase,
  KnowledgeRecord,
  LevelAmounts,
  ParameterRecord,
  PriceRecord,
  Provenance,
  TargetGroupRecord,
} from "./types";

export interface KnowledgeProblem {
  readonly file: string;
  /** Record id when it has one, else "#<position>" (1-based). Empty for file-level problems. */
  readonly record: string;
  readonly field: string;
  readonly message: { readonly da: string; readonly en: string };
}

export type KnowledgeValidation =
  | { readonly ok: true; readonly value: KnowledgeBase }
  | { readonly ok: false; readonly problems: readonly KnowledgeProblem[] };

/** Caps that keep a hostile file from exhausting memory or time. */
export const KNOWLEDGE_LIMITS = { records: 20_000, textLength: 2_000, years: 20 } as const;

const ID_PATTERN = /^[a-z0-9_]{1,80}$/;

/** A user's id in a message or a record label: at most 80 characters (a 4 MB id is not echoed per problem). */
const short = (text: string): string => (text.length > 80 ? `${text.slice(0, 80)}…` : text);

type Obj = Readonly<Record<string, unknown>>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const own = (o: Obj, key: string): unknown =>
  Object.prototype.hasOwnProperty.call(o, key) ? o[key] : undefined;

class Checker {
  readonly problems: KnowledgeProblem[] = [];
  constructor(
    private readonly file: string,
    private record: string,
  ) {}
  at(record: string): this {
    this.record = record;
    return this;
  }
  fail(field: string, da: string, en: string): void {
    this.problems.push({ file: this.file, record: this.record, field, message: { da, en } });
  }
  text(o: Obj, field: string, required = true): string | undefined {
    const v = own(o, field);
    if (v === undefined || v === null || v === "") {
      if (required) this.fail(field, `Feltet "${field}" mangler.`, `The field "${field}" is missing.`);
      return undefined;
    }
    if (typeof v !== "string") {
      this.fail(field, `Feltet "${field}" skal være tekst.`, `The field "${field}" must be text.`);
      return undefined;
    }
    if (v.length > KNOWLEDGE_LIMITS.textLength) {
      this.fail(field, `Feltet "${field}" er for langt.`, `The field "${field}" is too long.`);
      return undefined;
    }
    return v;
  }
  /** A finite number, or null when `nullable` (a gap). `undefined` when absent and not required. */
  num(
    o: Obj,
    field: string,
    opts: { nullable?: boolean; min?: number; max?: number; required?: boolean } = {},
  ): number | null | undefined {
    const v = own(o, field);
    if (v === undefined) {
      if (opts.required ?? true)
        this.fail(field, `Feltet "${field}" mangler.`, `The field "${field}" is missing.`);
      return undefined;
    }
    if (v === null) {
      if (opts.nullable) return null;
      this.fail(field, `Feltet "${field}" skal være et tal.`, `The field "${field}" must be a number.`);
      return undefined;
    }
    if (typeof v !== "number" || !Number.isFinite(v)) {
      this.fail(field, `Feltet "${field}" skal være et tal.`, `The field "${field}" must be a number.`);
      return undefined;
    }
    if ((opts.min !== undefined && v < opts.min) || (opts.max !== undefined && v > opts.max)) {
      this.fail(
        field,
        `Feltet "${field}" skal ligge mellem ${opts.min ?? "−∞"} og ${opts.max ?? "∞"} (er ${v}).`,
        `The field "${field}" must be between ${opts.min ?? "−∞"} and ${opts.max ?? "∞"} (is ${v}).`,
      );
      return undefined;
    }
    return v;
  }
  oneOf<T extends string | number>(
    o: Obj,
    field: string,
    allowed: readonly T[],
    nullable = false,
  ): T | null | undefined {
    const v = own(o, field);
    if (v === null && nullable) return null;
    if ((allowed as readonly unknown[]).includes(v)) return v as T;
    this.fail(
      field,
      `Feltet "${field}" skal være en af: ${allowed.join(", ")}.`,
      `The field "${field}" must be one of: ${allowed.join(", ")}.`,
    );
    return undefined;
  }
}

/** An optional yes/no/unknown field: absent or null → null; anything but a boolean is a problem. */
function boolOrNull(c: Checker, o: Obj, field: string): boolean | null | undefined {
  const v = own(o, field);
  if (v === undefined || v === null) return null;
  if (typeof v === "boolean") return v;
  c.fail(field, `"${field}" skal være true, false eller null.`, `"${field}" must be true, false or null.`);
  return undefined;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** An optional calendar date "YYYY-MM-DD" that exists (no 31 June). */
function isoDate(c: Checker, o: Obj, field: string): string | undefined | "invalid" {
  const v = own(o, field);
  if (v === undefined || v === null) return undefined;
  const m = typeof v === "string" ? ISO_DATE.exec(v) : null;
  const y = Number(m?.[1]);
  const mo = Number(m?.[2]);
  const d = Number(m?.[3]);
  const days = [
    31,
    y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28,
    31,
    30,
    31,
    30,
    31,
    31,
    30,
    31,
    30,
    31,
  ];
  if (!m || mo < 1 || mo > 12 || d < 1 || d > (days[mo - 1] ?? 0)) {
    c.fail(
      field,
      `"${field}" skal være en dato som 2025-07-01 (er "${String(v)}").`,
      `"${field}" must be a date like 2025-07-01 (is "${String(v)}").`,
    );
    return "invalid";
  }
  return v as string;
}

function provenance(c: Checker, o: Obj): Provenance | undefined {
  const p = own(o, "provenance");
  if (!isObj(p)) {
    c.fail("provenance", "Posten mangler kilde (provenance).", "The record has no provenance (source).");
    return undefined;
  }
  const source = c.text(p, "source");
  const year = c.num(p, "year", { min: 1900, max: 2100 });
  const confidence = c.oneOf<Confidence>(p, "confidence", ["H", "M", "L"]);
  const derivation = c.text(p, "derivation", false);
  const note = c.text(p, "note", false);
  if (confidence === "L" && derivation === undefined && note === undefined)
    c.fail(
      "provenance.derivation",
      "Et afledt tal (L) skal vise sin udregning.",
      "A derived figure (L) must show its arithmetic.",
    );
  if (source === undefined || typeof year !== "number" || !confidence) return undefined;
  return { source, year, confidence, ...(derivation ? { derivation } : {}), ...(note ? { note } : {}) };
}

function gap(c: Checker, o: Obj): Gap | undefined | "invalid" {
  const g = own(o, "gap");
  if (g === undefined) return undefined;
  if (!isObj(g)) {
    c.fail(
      "gap",
      `Feltet "gap" skal have "reason" og "where".`,
      `The field "gap" needs "reason" and "where".`,
    );
    return "invalid";
  }
  const reason = c.text(g, "reason");
  const where = c.text(g, "where");
  return reason && where ? { reason, where } : "invalid";
}

function tags(c: Checker, o: Obj): readonly string[] | undefined {
  const t = own(o, "tags");
  if (t === undefined) return undefined;
  if (!Array.isArray(t) || t.length > 50 || !t.every((x) => typeof x === "string" && x.length <= 100)) {
    c.fail("tags", `"tags" skal være en liste af korte tekster.`, `"tags" must be a list of short texts.`);
    return undefined;
  }
  return t as string[];
}

function levelAmounts(c: Checker, o: Obj): LevelAmounts | undefined {
  const a = own(o, "amounts");
  if (!isObj(a)) {
    c.fail("amounts", "Prisen mangler beløb pr. niveau (amounts).", "The price has no per-level amounts.");
    return undefined;
  }
  const k = c.num(a, "Kommune", { nullable: true });
  const r = c.num(a, "Region", { nullable: true });
  const s = c.num(a, "Stat", { nullable: true });
  if (k === undefined || r === undefined || s === undefined) return undefined;
  return { Kommune: k, Region: r, Stat: s };
}

function record(c: Checker, o: Obj, ids: ReadonlySet<string>): KnowledgeRecord | undefined {
  const before = c.problems.length;
  const id = c.text(o, "id");
  if (id !== undefined && !ID_PATTERN.test(id))
    c.fail(
      "id",
      `Id "${short(id)}" må kun have små bogstaver, tal og _ (højst 80 tegn).`,
      `Id "${short(id)}" may only hold lower-case letters, digits and _ (at most 80 characters).`,
    );
  const title = c.text(o, "title");
  const prov = provenance(c, o);
  const g = gap(c, o);
  const t = tags(c, o);
  const kind = c.oneOf(o, "kind", ["targetGroup", "effect", "price", "consequence", "parameter"] as const);
  const base = {
    id: id ?? "",
    title: title ?? "",
    provenance: prov as Provenance,
    ...(g && g !== "invalid" ? { gap: g } : {}),
    ...(t ? { tags: t } : {}),
  };
  let rec: KnowledgeRecord | undefined;
  switch (kind) {
    case "targetGroup": {
      const area = c.oneOf(o, "area", ["voksne", "boern_unge", "handicap"] as const);
      const sm = own(o, "successMeasure") === null ? null : c.text(o, "successMeasure");
      const verified = own(o, "verifiedSomGroup");
      if (typeof verified !== "boolean")
        c.fail(
          "verifiedSomGroup",
          `"verifiedSomGroup" skal være true eller false.`,
          `"verifiedSomGroup" must be true or false.`,
        );
      if (sm === null && !g)
        c.fail(
          "successMeasure",
          "Et ukendt succesmål kræver en 'gap' med henvisning.",
          "An unknown success measure needs a 'gap' with a pointer.",
        );
      if (area && sm !== undefined && typeof verified === "boolean")
        rec = {
          ...base,
          kind,
          area,
          successMeasure: sm,
          verifiedSomGroup: verified,
        } satisfies TargetGroupRecord;
      break;
    }
    case "effect": {
      const intervention = c.text(o, "intervention");
      const tg = own(o, "targetGroup") === null ? null : c.text(o, "targetGroup");
      if (typeof tg === "string" && !ids.has(tg))
        c.fail(
          "targetGroup",
          `Målgruppen "${tg}" findes ikke i filen.`,
          `The target group "${tg}" is not in the file.`,
        );
      const outcome = c.text(o, "outcome");
      const treated = c.num(o, "treatedShare", { nullable: true, min: 0, max: 1 });
      const control = c.num(o, "controlShare", { nullable: true, min: 0, max: 1 });
      const suggested = c.num(o, "suggestedSuccessRate", { nullable: true, min: 0, max: 1 });
      if (
        typeof treated === "number" &&
        typeof control === "number" &&
        typeof suggested === "number" &&
        Math.abs(treated - control - suggested) > 1e-9
      )
        c.fail(
          "suggestedSuccessRate",
          "Foreslået succesrate skal være indsats − kontrol.",
          "The suggested success rate must be treated − control.",
        );
      const design = c.text(o, "design");
      const level = c.oneOf<EvidenceLevel>(o, "evidenceLevel", [1, 2, 3], true);
      const n = c.num(o, "n", { required: false, min: 1 });
      if (suggested === null && !g)
        c.fail(
          "suggestedSuccessRate",
          "En ukendt effekt kræver en 'gap' med henvisning.",
          "An unknown effect needs a 'gap' with a pointer.",
        );
      if (
        intervention &&
        tg !== undefined &&
        outcome &&
        treated !== undefined &&
        control !== undefined &&
        suggested !== undefined &&
        design &&
        level !== undefined
      )
        rec = {
          ...base,
          kind,
          intervention,
          targetGroup: tg,
          outcome,
          treatedShare: treated,
          controlShare: control,
          suggestedSuccessRate: suggested,
          design,
          evidenceLevel: level,
          ...(typeof n === "number" ? { n } : {}),
        } satisfies EffectRecord;
      break;
    }
    case "price": {
      const service = c.text(o, "service");
      const unit = c.text(o, "unit");
      const amounts = levelAmounts(c, o);
      const gross = c.num(o, "grossAmount", { required: false });
      // A file without the kind of figure means a price (what a municipality's own price list holds).
      const figureKind =
        own(o, "figureKind") === undefined
          ? "pris"
          : c.oneOf<FigureKind>(o, "figureKind", ["pris", "sats", "takst"]);
      const inklOverhead = boolOrNull(c, o, "inklOverhead");
      const efterRefusion = boolOrNull(c, o, "efterRefusion");
      const tg = own(o, "targetGroup") === undefined ? undefined : c.text(o, "targetGroup");
      if (typeof tg === "string" && !ids.has(tg))
        c.fail(
          "targetGroup",
          `Målgruppen "${tg}" findes ikke i filen.`,
          `The target group "${tg}" is not in the file.`,
        );
      const from = isoDate(c, o, "gyldigFra");
      const to = isoDate(c, o, "gyldigTil");
      if (
        typeof from === "string" &&
        typeof to === "string" &&
        from !== "invalid" &&
        to !== "invalid" &&
        from > to
      )
        c.fail("gyldigTil", `"gyldigTil" ligger før "gyldigFra".`, `"gyldigTil" is before "gyldigFra".`);
      const area = own(o, "hovedomraade") === undefined ? undefined : c.text(o, "hovedomraade");
      const unknown = amounts !== undefined && Object.values(amounts).some((x) => x === null);
      if (unknown && !g)
        c.fail(
          "amounts",
          "Et ukendt beløb (null) kræver en 'gap' med henvisning.",
          "An unknown amount (null) needs a 'gap' with a pointer.",
        );
      if (figureKind === "sats" && unknown && typeof gross !== "number")
        c.fail(
          "grossAmount",
          "En sats uden fordeling på niveauer skal have bruttobeløbet (grossAmount).",
          "A rate without a split by level needs its gross amount (grossAmount).",
        );
      if (
        service &&
        unit &&
        amounts &&
        figureKind &&
        inklOverhead !== undefined &&
        efterRefusion !== undefined
      )
        rec = {
          ...base,
          kind,
          service,
          unit,
          amounts,
          ...(typeof gross === "number" ? { grossAmount: gross } : {}),
          figureKind,
          inklOverhead,
          efterRefusion,
          ...(typeof tg === "string" ? { targetGroup: tg } : {}),
          ...(typeof from === "string" && from !== "invalid" ? { gyldigFra: from } : {}),
          ...(typeof to === "string" && to !== "invalid" ? { gyldigTil: to } : {}),
          ...(typeof area === "string" ? { hovedomraade: area } : {}),
        } satisfies PriceRecord;
      break;
    }
    case "consequence": {
      const tg = c.text(o, "targetGroup");
      if (tg !== undefined && !ids.has(tg))
        c.fail(
          "targetGroup",
          `Målgruppen "${tg}" findes ikke i filen.`,
          `The target group "${tg}" is not in the file.`,
        );
      const sm = c.text(o, "successMeasure");
      const service = c.text(o, "service");
      const unit = c.text(o, "unit");
      const ck = c.oneOf(o, "consequenceKind", ["Udgift", "Indtaegt"] as const);
      const d = own(o, "deltaByYear");
      let delta: (number | null)[] | undefined;
      if (
        !Array.isArray(d) ||
        d.length === 0 ||
        d.length > KNOWLEDGE_LIMITS.years ||
        !d.every((x) => x === null || (typeof x === "number" && Number.isFinite(x)))
      )
        c.fail(
          "deltaByYear",
          `"deltaByYear" skal være 1–20 tal eller null.`,
          `"deltaByYear" must be 1–20 numbers or nulls.`,
        );
      else delta = d as (number | null)[];
      if (delta && delta.some((x) => x === null) && !g)
        c.fail(
          "deltaByYear",
          "Ukendte år (null) kræver en 'gap' med henvisning.",
          "Unknown years (null) need a 'gap' with a pointer.",
        );
      const recommended = boolOrNull(c, o, "recommended");
      if (tg && sm && service && unit && ck && delta && recommended !== undefined)
        rec = {
          ...base,
          kind,
          targetGroup: tg,
          successMeasure: sm,
          service,
          unit,
          consequenceKind: ck,
          deltaByYear: delta,
          recommended,
        } satisfies ConsequenceRecord;
      break;
    }
    case "parameter": {
      const parameter = c.oneOf(o, "parameter", ["discountRate", "indexUprating", "refusion"] as const);
      const v = own(o, "values");
      const values: { label: string; value: number }[] = [];
      if (!Array.isArray(v) || v.length === 0 || v.length > 100)
        c.fail("values", `"values" skal være en liste.`, `"values" must be a list.`);
      else
        v.forEach((item: unknown, i) => {
          if (!isObj(item))
            return c.fail(`values[${i}]`, "Skal have label og value.", "Needs label and value.");
          const label = c.text(item, "label");
          const value = c.num(item, "value");
          if (label && typeof value === "number") values.push({ label, value });
        });
      if (parameter && values.length > 0)
        rec = { ...base, kind, parameter, values } satisfies ParameterRecord;
      break;
    }
    default:
      break;
  }
  return c.problems.length === before ? rec : undefined;
}

export interface KnowledgeValidationOptions {
  /**
   * Target-group ids defined elsewhere (e.g. the shipped starter base) that records in this file may refer
   * to — a municipality's own sheet can add consequences for "adult_homeless" without repeating the group.
   */
  readonly externalTargetGroups?: Iterable<string>;
}

/**
 * Validates a parsed knowledge file. All problems are returned at once, each naming file, record and field.
 * @example validateKnowledgeBase(JSON.parse(text), "priser-odense.json")
 */
export function validateKnowledgeBase(
  data: unknown,
  file: string,
  options: KnowledgeValidationOptions = {},
): KnowledgeValidation {
  const c = new Checker(file, "");
  if (!isObj(data)) {
    c.fail(
      "",
      "Filen er ikke en vidensfil (et JSON-objekt).",
      "The file is not a knowledge file (a JSON object).",
    );
    return { ok: false, problems: c.problems };
  }
  if (own(data, "formatVersion") !== 1)
    c.fail("formatVersion", "Ukendt formatVersion (forventer 1).", "Unknown formatVersion (expected 1).");
  const name = c.text(data, "name");
  const description = c.text(data, "description", false);
  const raw = own(data, "records");
  if (!Array.isArray(raw)) {
    c.fail("records", `"records" skal være en liste.`, `"records" must be a list.`);
    return { ok: false, problems: c.problems };
  }
  if (raw.length > KNOWLEDGE_LIMITS.records) {
    c.fail(
      "records",
      `For mange poster (over ${KNOWLEDGE_LIMITS.records}).`,
      `Too many records (over ${KNOWLEDGE_LIMITS.records}).`,
    );
    return { ok: false, problems: c.problems };
  }
  // Target-group ids first, so references can be checked in any record order.
  const groupIds = new Set<string>(options.externalTargetGroups ?? []);
  for (const r of raw)
    if (isObj(r) && own(r, "kind") === "targetGroup" && typeof own(r, "id") === "string")
      groupIds.add(own(r, "id") as string);
  const seen = new Set<string>();
  const records: KnowledgeRecord[] = [];
  raw.forEach((r: unknown, i) => {
    const id = isObj(r) && typeof own(r, "id") === "string" ? (own(r, "id") as string) : undefined;
    const label = id === undefined ? `#${i + 1}` : short(id);
    c.at(label);
    if (!isObj(r)) return c.fail("", "Posten er ikke et objekt.", "The record is not an object.");
    if (id !== undefined && seen.has(id))
      c.fail("id", `Id "${label}" findes to gange.`, `Id "${label}" occurs twice.`);
    if (id !== undefined) seen.add(id);
    const rec = record(c, r, groupIds);
    if (rec) records.push(rec);
  });
  c.at("");
  if (c.problems.length > 0 || name === undefined) return { ok: false, problems: c.problems };
  return { ok: true, value: { formatVersion: 1, name, ...(description ? { description } : {}), records } };
}
