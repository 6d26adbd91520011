/**
 * `som knowledge list|show|export`: browse the knowledge database (vidensdatabase) on the command line and
 * convert knowledge files. The source is the shipped starter base, or `--file` — a JSON knowledge file, or an
 * .xlsx file with a knowledge sheet (`SOM_Viden`; a SØM workbook with its own "Viden" sheet works too).
 *
 *   som knowledge list [--kind pris] [--search fængsel] [--group adult_homeless] [--json]
 *   som knowledge show <id> [--json]
 *   som knowledge export --out egne-priser.xlsx|.json [--file kilde.json|.xlsx] [--force]
 *   som knowledge index [--json]      (the shipped nettoprisindeks: monthly values and our annual means)
 */
import * as path from "node:path";
import { readWorkbookKnowledge, starterKnowledge, starterTargetGroups } from "../../app/knowledge-library";
import { FileReadError } from "../../file/file-read-error";
import { FileWorkbook } from "../../file/file-workbook";
import {
  knowledgeToJson,
  MAX_KNOWLEDGE_JSON_CHARS,
  parseKnowledgeJson,
} from "../../knowledge/knowledge-json";
import { figureText } from "../../knowledge/figure-text";
import { KIND_LABELS } from "../../knowledge/knowledge-table";
import { searchKnowledge } from "../../knowledge/search-knowledge";
import type { KnowledgeBase, KnowledgeRecord, RecordKind } from "../../knowledge/types";
import type { KnowledgeProblem } from "../../knowledge/validate-knowledge";
import { formatNumber, type Lang } from "../../present/format";
import { priceIndexDocument, shippedPriceIndex } from "../../knowledge/price-index";
import { knowledgeSheetSpec } from "../../workbook/layout/knowledge-sheet";
import { hasFlag, optionValue } from "../args";
import { CliError, UsageError } from "../cli-error";
import type { Command } from "../command";
import { COMMAND_SUMMARIES } from "./summaries";
import { readFileCapped } from "../../file/read-capped";
import { refuseExisting, resolvePath, sameFile, writeOutputFile } from "../paths";
import { renderTable } from "../text-table";

const KIND_WORDS: readonly { readonly kind: RecordKind; readonly words: readonly string[] }[] = [
  ...KIND_LABELS.map((k) => ({ kind: k.kind, words: [k.kind, k.da, k.en] })),
  { kind: "parameter", words: ["parameter", "parametre", "parameters"] },
];

function kindOf(text: string): RecordKind {
  const t = text.trim().toLowerCase();
  const hit = KIND_WORDS.find((k) => k.words.some((w) => w.toLowerCase() === t));
  if (!hit)
    throw new UsageError({
      da: `Ukendt --kind: ${text}. Brug målgruppe, effekt, pris, konsekvens eller parameter.`,
      en: `Unknown --kind: ${text}. Use target group, effect, price, consequence or parameter.`,
    });
  return hit.kind;
}

const kindLabel = (k: RecordKind, lang: Lang): string =>
  KIND_LABELS.find((x) => x.kind === k)?.[lang] ?? (lang === "da" ? "Parameter" : "Parameter");

/** The problems of an invalid knowledge source, as a user error with exit code 2 (the content's fault). */
function problemsError(problems: readonly KnowledgeProblem[], lang: Lang): CliError {
  const lines = problems
    .slice(0, 50)
    .map((p) => `  - ${[p.file, p.record, p.field].filter((s) => s !== "").join(" › ")}: ${p.message[lang]}`);
  if (problems.length > 50)
    lines.push(lang === "da" ? `  … og ${problems.length - 50} til` : `  … and ${problems.length - 50} more`);
  const title = { da: "Vidensfilen har fejl:", en: "The knowledge file has problems:" };
  return new CliError({ da: [title.da, ...lines].join("\n"), en: [title.en, ...lines].join("\n") }, 2);
}

/** Reads the knowledge source: `--file` (JSON or .xlsx) or the shipped starter base. */
async function loadSource(file: string | undefined, cwd: string, lang: Lang): Promise<KnowledgeBase> {
  if (file === undefined) return starterKnowledge();
  const p = resolvePath(cwd, file);
  const label = path.basename(p);
  if (/\.json$/i.test(p)) {
    let bytes: Uint8Array;
    try {
      bytes = await readFileCapped(p, MAX_KNOWLEDGE_JSON_CHARS * 4);
    } catch (e) {
      if (e instanceof FileReadError)
        throw new CliError({
          da: `Filen er for stor til en vidensfil: ${p}`,
          en: `The file is too large for a knowledge file: ${p}`,
        });
      throw e;
    }
    const v = parseKnowledgeJson(new TextDecoder("utf-8").decode(bytes), label, {
      externalTargetGroups: starterTargetGroups(),
    });
    if (!v.ok) throw problemsError(v.problems, lang);
    return v.value;
  }
  if (/\.xlsx$/i.test(p)) {
    let wb: FileWorkbook;
    try {
      wb = await FileWorkbook.open(p);
    } catch (e) {
      if (e instanceof FileReadError)
        throw new CliError({ da: `${p}: ${e.messageIn("da")}`, en: `${p}: ${e.messageIn("en")}` });
      throw e;
    }
    const k = await readWorkbookKnowledge(wb, label);
    if (k.status === "absent")
      throw new CliError({
        da: `${p} har ikke navnet SOM_Viden (et vidensark). Eksportér et med 'som knowledge export --out fil.xlsx'.`,
        en: `${p} has no name SOM_Viden (a knowledge sheet). Export one with 'som knowledge export --out file.xlsx'.`,
      });
    if (k.status === "invalid") throw problemsError(k.problems, lang);
    return k.knowledge;
  }
  throw new CliError({
    da: `Vidensfilen skal ende på .json eller .xlsx: ${p}`,
    en: `The knowledge file must end in .json or .xlsx: ${p}`,
  });
}

function listLines(records: readonly KnowledgeRecord[], lang: Lang): string[] {
  const header =
    lang === "da"
      ? ["Id", "Type", "Titel", "Tal", "År", "Sikkerhed"]
      : ["Id", "Type", "Title", "Figure", "Year", "Confidence"];
  const cut = (s: string, w: number): string =>
    [...s].length > w ? `${[...s].slice(0, w - 1).join("")}…` : s;
  const rows = records.map((r) => [
    r.id,
    kindLabel(r.kind, lang),
    cut(r.title, 50),
    cut(figureText(r, lang), 40),
    String(r.provenance.year),
    r.provenance.confidence,
  ]);
  return renderTable(header, rows, ["left", "left", "left", "left", "right", "left"]);
}

function showLines(r: KnowledgeRecord, lang: Lang): string[] {
  const L =
    lang === "da"
      ? {
          kind: "Type",
          fig: "Tal",
          src: "Kilde",
          year: "År",
          conf: "Sikkerhed",
          der: "Udregning",
          note: "Note",
          gap: "Mangler",
          where: "Hvor findes tallet",
        }
      : {
          kind: "Type",
          fig: "Figure",
          src: "Source",
          year: "Year",
          conf: "Confidence",
          der: "Derivation",
          note: "Note",
          gap: "Gap",
          where: "Where to find it",
        };
  const lines = [
    `${r.title} (${r.id})`,
    `  ${L.kind}: ${kindLabel(r.kind, lang)}`,
    `  ${L.fig}: ${figureText(r, lang)}`,
  ];
  const yn = (v: boolean | null): string =>
    v === null
      ? lang === "da"
        ? "ukendt"
        : "not known"
      : v
        ? lang === "da"
          ? "ja"
          : "yes"
        : lang === "da"
          ? "nej"
          : "no";
  if (r.kind === "price") {
    const kinds = {
      pris: { da: "pris (SØM-type gennemsnitsomkostning)", en: "price (SØM-type average cost)" },
      sats: {
        da: "sats (lovbestemt ydelse, brutto) – ikke en SØM-pris",
        en: "rate (legal benefit, gross) – not a SØM price",
      },
      takst: { da: "takst (tilbuddets pris)", en: "tariff (the provider's charge)" },
    } as const;
    lines.push(
      `  ${lang === "da" ? "Ydelse" : "Service"}: ${r.service} (${r.unit})`,
      `  ${lang === "da" ? "Art af tal" : "Kind of figure"}: ${kinds[r.figureKind][lang]}`,
      `  ${lang === "da" ? "Inkl. administration og overhead" : "Incl. administration and overhead"}: ${yn(r.inklOverhead)}; ${lang === "da" ? "efter refusion" : "after refusion"}: ${yn(r.efterRefusion)}`,
    );
    if (r.grossAmount !== undefined)
      lines.push(
        `  ${lang === "da" ? "Bruttobeløb" : "Gross amount"}: ${formatNumber(r.grossAmount, lang, Number.isInteger(r.grossAmount) ? 0 : 2)} kr./${r.unit}`,
      );
    if (r.gyldigFra !== undefined || r.gyldigTil !== undefined)
      lines.push(`  ${lang === "da" ? "Gyldig" : "Valid"}: ${r.gyldigFra ?? "…"} – ${r.gyldigTil ?? "…"}`);
    if (r.hovedomraade !== undefined)
      lines.push(`  ${lang === "da" ? "Hovedområde" : "Main area"}: ${r.hovedomraade}`);
    if (r.targetGroup !== undefined)
      lines.push(`  ${lang === "da" ? "Målgruppe" : "Target group"}: ${r.targetGroup}`);
  }
  if (r.kind === "consequence")
    lines.push(
      `  ${lang === "da" ? "Ydelse" : "Service"}: ${r.service} (${r.unit}), ${r.consequenceKind}; ${r.targetGroup} – ${r.successMeasure}`,
      `  ${lang === "da" ? "Anbefalet af SØM" : "Recommended by SØM"}: ${yn(r.recommended)}`,
    );
  if (r.kind === "effect")
    lines.push(
      `  ${lang === "da" ? "Indsats" : "Intervention"}: ${r.intervention}; ${r.outcome}; ${r.design}`,
    );
  lines.push(
    `  ${L.src}: ${r.provenance.source}`,
    `  ${L.year}: ${r.provenance.year}`,
    `  ${L.conf}: ${r.provenance.confidence}${
      r.provenance.confidence === "M"
        ? lang === "da"
          ? " (sekundær kilde)"
          : " (secondary source)"
        : r.provenance.confidence === "L"
          ? lang === "da"
            ? " (afledt tal eller svag kilde)"
            : " (derived figure or weak source)"
          : ""
    }`,
  );
  if (r.provenance.derivation) lines.push(`  ${L.der}: ${r.provenance.derivation}`);
  if (r.provenance.note) lines.push(`  ${L.note}: ${r.provenance.note}`);
  if (r.gap) lines.push(`  ${L.gap}: ${r.gap.reason}`, `  ${L.where}: ${r.gap.where}`);
  return lines;
}

/** The shipped nettoprisindeks as text: source, base, last full year, one row per year (months + our mean). */
function indexLines(lang: Lang): string[] {
  const s = shippedPriceIndex();
  const months =
    lang === "da"
      ? ["Jan", "Feb", "Mar", "Apr", "Maj", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dec"]
      : ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  const years = [...new Set([...s.monthly.keys()].map((k) => Number(k.slice(0, 4))))];
  const rows = years.map((y) => [
    String(y),
    ...months.map((_, m) => {
      const v = s.monthly.get(`${y}-${String(m + 1).padStart(2, "0")}`);
      return v === undefined ? "–" : formatNumber(v, lang, 1);
    }),
    s.annual.has(y) ? formatNumber(s.annual.get(y) ?? 0, lang, 2) : "–",
  ]);
  const mean = lang === "da" ? "Gns. (vores)" : "Mean (ours)";
  const head = [lang === "da" ? "År" : "Year", ...months, mean];
  return [
    `${s.series} (${s.publisher}), ${s.base} = 100`,
    `${lang === "da" ? "Kilde" : "Source"}: ${s.source}`,
    `${lang === "da" ? "Tabel" : "Table"}: ${s.table}`,
    lang === "da"
      ? `Sidste hele år: ${s.lastFullYear}. Et prisniveau efter ${s.lastFullYear} kræver et fremskrevet indeks med kilde (fx Finansministeriet eller KL).`
      : `Last full year: ${s.lastFullYear}. A price level after ${s.lastFullYear} needs a forecast index with a source (e.g. the Ministry of Finance or KL).`,
    lang === "da"
      ? s.annualNote
      : "The annual figures are the mean of the year's twelve monthly values, computed by SØM for Excel (not Statistics Denmark's own annual figures, which may differ in the last decimal). Only full years have an annual figure.",
    "",
    ...renderTable(head, rows, ["left", ...months.map(() => "right" as const), "right"]),
  ];
}

export const knowledgeCommand: Command = {
  name: "knowledge",
  usage: {
    da: "list|show <id>|export|index [--file <viden.json|.xlsx>] [--kind <type>] [--search <tekst>] [--group <id>] [--json] [--out <fil.json|.xlsx>] [--force]",
    en: "list|show <id>|export|index [--file <knowledge.json|.xlsx>] [--kind <type>] [--search <text>] [--group <id>] [--json] [--out <file.json|.xlsx>] [--force]",
  },
  summary: COMMAND_SUMMARIES.knowledge,
  description: {
    da: "list: posterne (filtrér med --kind, --search, --group). show <id>: én post med kilde, år og sikkerhed.\nexport --out: gem vidensbasen som JSON eller som .xlsx med et vidensark (SOM_Viden), fx til en kommunes egen prisliste.\nKilden er startvidensbasen eller --file (JSON, eller .xlsx med navnet SOM_Viden).\nindex: nettoprisindekset (Danmarks Statistik, 2015 = 100), der følger med: månedstal med kilde og vores årsgennemsnit.",
    en: "list: the records (filter with --kind, --search, --group). show <id>: one record with source, year and confidence.\nexport --out: save the knowledge base as JSON or as .xlsx with a knowledge sheet (SOM_Viden), e.g. for a municipality's own price list.\nThe source is the starter base or --file (JSON, or .xlsx with the name SOM_Viden).\nindex: the shipped net price index (Statistics Denmark, 2015 = 100): monthly values with their source and our annual means.",
  },
  options: [
    {
      name: "file",
      value: "<fil>",
      help: {
        da: "Vidensfil (.json eller .xlsx); standard: startvidensbasen",
        en: "Knowledge file (.json or .xlsx); default: the starter base",
      },
    },
    {
      name: "kind",
      value: "<type>",
      help: {
        da: "Kun målgruppe, effekt, pris, konsekvens eller parameter",
        en: "Only target group, effect, price, consequence or parameter",
      },
    },
    {
      name: "search",
      value: "<tekst>",
      help: { da: "Fritekst (alle ord skal forekomme)", en: "Free text (every word must occur)" },
    },
    {
      name: "group",
      value: "<id>",
      help: {
        da: "Målgruppe-id: gruppen og dens effekter og konsekvenser",
        en: "Target-group id: the group and its effects and consequences",
      },
    },
    { name: "json", help: { da: "Udskriv som JSON", en: "Print as JSON" } },
    { name: "out", value: "<fil>", help: { da: "export: .json eller .xlsx", en: "export: .json or .xlsx" } },
    {
      name: "force",
      help: { da: "export: overskriv en eksisterende fil", en: "export: overwrite an existing file" },
    },
  ],
  positionals: { min: 1, max: 2 },
  async run(args, { io, lang }) {
    const sub = args.positionals[0] ?? "";
    const fileArg = optionValue(args, "file");
    if (sub === "list") {
      if (args.positionals.length > 1)
        throw new UsageError({
          da: `Uventet argument: ${args.positionals[1]}`,
          en: `Unexpected argument: ${args.positionals[1]}`,
        });
      const kb = await loadSource(fileArg, io.cwd, lang);
      const kind = optionValue(args, "kind");
      const search = optionValue(args, "search");
      const group = optionValue(args, "group");
      const found = searchKnowledge(kb.records, {
        ...(kind !== undefined ? { kinds: [kindOf(kind)] } : {}),
        ...(search !== undefined ? { text: search } : {}),
        ...(group !== undefined ? { targetGroup: group } : {}),
      });
      if (hasFlag(args, "json")) io.stdout(knowledgeToJson({ ...kb, records: found }));
      else {
        io.stdout(`${kb.name}\n`);
        io.stdout(
          found.length === 0
            ? lang === "da"
              ? "Ingen poster.\n"
              : "No records.\n"
            : `${listLines(found, lang).join("\n")}\n`,
        );
        io.stdout(
          lang === "da"
            ? `${found.length} af ${kb.records.length} poster.\n`
            : `${found.length} of ${kb.records.length} records.\n`,
        );
      }
      return 0;
    }
    if (sub === "show") {
      const id = args.positionals[1];
      if (id === undefined)
        throw new UsageError({
          da: "show kræver et id: som knowledge show <id>",
          en: "show needs an id: som knowledge show <id>",
        });
      const kb = await loadSource(fileArg, io.cwd, lang);
      const r = kb.records.find((x) => x.id === id);
      if (!r)
        throw new CliError({
          da: `Ingen post med id "${id}" i ${kb.name}.`,
          en: `No record with id "${id}" in ${kb.name}.`,
        });
      io.stdout(
        hasFlag(args, "json") ? `${JSON.stringify(r, null, 2)}\n` : `${showLines(r, lang).join("\n")}\n`,
      );
      return 0;
    }
    if (sub === "index") {
      if (args.positionals.length > 1)
        throw new UsageError({
          da: `Uventet argument: ${args.positionals[1]}`,
          en: `Unexpected argument: ${args.positionals[1]}`,
        });
      io.stdout(
        hasFlag(args, "json")
          ? `${JSON.stringify(priceIndexDocument(), null, 2)}\n`
          : `${indexLines(lang).join("\n")}\n`,
      );
      return 0;
    }
    if (sub === "export") {
      if (args.positionals.length > 1)
        throw new UsageError({
          da: `Uventet argument: ${args.positionals[1]}`,
          en: `Unexpected argument: ${args.positionals[1]}`,
        });
      const outArg = optionValue(args, "out");
      if (outArg === undefined)
        throw new UsageError({
          da: "export kræver --out <fil.json|fil.xlsx>",
          en: "export needs --out <file.json|file.xlsx>",
        });
      const out = resolvePath(io.cwd, outArg);
      if (!/\.(json|xlsx)$/i.test(out))
        throw new CliError({
          da: `Uddatafilen skal ende på .json eller .xlsx: ${out}`,
          en: `The output file must end in .json or .xlsx: ${out}`,
        });
      if (fileArg !== undefined && sameFile(resolvePath(io.cwd, fileArg), out))
        throw new CliError({
          da: `Uddatafilen er selve kildefilen (${out}); vælg et andet navn.`,
          en: `The output file is the source file itself (${out}); choose another name.`,
        });
      const force = hasFlag(args, "force");
      refuseExisting(out, force);
      const kb = await loadSource(fileArg, io.cwd, lang);
      if (/\.json$/i.test(out)) {
        await writeOutputFile(out, knowledgeToJson(kb), force);
      } else {
        const { sheet, name } = knowledgeSheetSpec({ lang, records: kb.records });
        const { writeWorkbookSpec } = await import("../../file/xlsx-writer");
        await writeOutputFile(out, await writeWorkbookSpec({ sheets: [sheet], names: [name] }), force);
        const params = kb.records.filter((r) => r.kind === "parameter").length;
        if (params > 0)
          io.stderr(
            lang === "da"
              ? `Bemærk: ${params} parameterpost(er) (diskonteringsrente, indeks) findes kun i JSON-formatet og er ikke med i .xlsx-filen.\n`
              : `Note: ${params} parameter record(s) (discount rate, index) exist only in the JSON format and are not in the .xlsx file.\n`,
          );
      }
      io.stdout(lang === "da" ? `Vidensbasen er skrevet: ${out}\n` : `Knowledge base written: ${out}\n`);
      return 0;
    }
    throw new UsageError({
      da: `Ukendt underkommando: ${sub} (brug list, show, export eller index)`,
      en: `Unknown subcommand: ${sub} (use list, show, export or index)`,
    });
  },
};
