/**
 * Knowledge files as JSON text: reading an untrusted file (size cap, syntax errors as problems, validation
 * that copies only checked fields) and writing one (stable key order, two-space indent, trailing newline).
 */
import type { KnowledgeBase, KnowledgeRecord } from "./types";
import {
  validateKnowledgeBase,
  type KnowledgeValidation,
  type KnowledgeValidationOptions,
} from "./validate-knowledge";

/** Largest knowledge file read, in characters (a national price list is far smaller). */
export const MAX_KNOWLEDGE_JSON_CHARS = 5 * 1024 * 1024;

/**
 * Parses and validates the text of a knowledge file. Never throws for bad content: a file that is too large,
 * not JSON or not valid is `{ ok: false, problems }`, each problem naming `file`, record and field.
 * @example parseKnowledgeJson(fs.readFileSync("priser.json", "utf8"), "priser.json")
 */
export function parseKnowledgeJson(
  text: string,
  file: string,
  options: KnowledgeValidationOptions = {},
): KnowledgeValidation {
  if (text.length > MAX_KNOWLEDGE_JSON_CHARS) {
    const mb = MAX_KNOWLEDGE_JSON_CHARS / 1024 / 1024;
    return fileProblem(
      file,
      `Filen er for stor til en vidensfil (over ${mb} MB).`,
      `The file is too large for a knowledge file (over ${mb} MB).`,
    );
  }
  let data: unknown;
  try {
    // A leading byte-order mark is common in files saved by Windows editors.
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return fileProblem(
      file,
      `Filen er ikke gyldig JSON (${detail}).`,
      `The file is not valid JSON (${detail}).`,
    );
  }
  return validateKnowledgeBase(data, file, options);
}

function fileProblem(file: string, da: string, en: string): KnowledgeValidation {
  return { ok: false, problems: [{ file, record: "", field: "", message: { da, en } }] };
}

/** Field order of each record when written, so files diff cleanly. */
const RECORD_KEY_ORDER = [
  "kind",
  "id",
  "title",
  "area",
  "intervention",
  "targetGroup",
  "successMeasure",
  "verifiedSomGroup",
  "outcome",
  "treatedShare",
  "controlShare",
  "suggestedSuccessRate",
  "design",
  "evidenceLevel",
  "n",
  "service",
  "unit",
  "consequenceKind",
  "figureKind",
  "amounts",
  "grossAmount",
  "inklOverhead",
  "efterRefusion",
  "gyldigFra",
  "gyldigTil",
  "hovedomraade",
  "deltaByYear",
  "recommended",
  "parameter",
  "values",
  "provenance",
  "gap",
  "tags",
] as const;

function ordered(r: KnowledgeRecord): Record<string, unknown> {
  const src = r as unknown as Readonly<Record<string, unknown>>;
  const out: Record<string, unknown> = {};
  for (const k of RECORD_KEY_ORDER) if (Object.prototype.hasOwnProperty.call(src, k)) out[k] = src[k];
  return out;
}

/** The text of a knowledge file for `kb` (formatVersion 1), ready to save or share. */
export function knowledgeToJson(kb: KnowledgeBase): string {
  const doc = {
    formatVersion: kb.formatVersion,
    name: kb.name,
    ...(kb.description !== undefined ? { description: kb.description } : {}),
    records: kb.records.map(ordered),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
