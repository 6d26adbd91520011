/**
 * `som portfolio <filer eller mappe…> [--out portefolje.xlsx] [--json] [--sort …] [--price-level <år>]`:
 * calculates many SØM workbooks (one intervention each) on every core (`worker_threads`, one file at a time per
 * worker, so memory stays bounded), lists each intervention's key figures, and sums the net result per actor and
 * calendar year across them (src/app/portfolio.ts). A workbook with input issues is listed with its issues; the
 * others still calculate. Progress goes to stderr. Exit 0 when at least one intervention calculated.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { combinePortfolio, PORTFOLIO_SORT_KEYS, type PortfolioDocument } from "../../app/portfolio";
import { formatKr, formatRatio, type Lang } from "../../present/format";
import { renderPortfolioSheet } from "../../workbook/render/portfolio-sheet";
import { hasFlag, optionValue } from "../args";
import { CliError, UsageError } from "../cli-error";
import type { Command } from "../command";
import { COMMAND_SUMMARIES } from "./summaries";
import type { CliIo } from "../io";
import { refuseExisting, requireXlsxName, resolvePath, sameFile, writeOutputFile } from "../paths";
import { FORCE_OPTION } from "../workbook-command";
import { summariseFiles, workerCount } from "../portfolio/pool";
import { renderTable } from "../text-table";

/** The .xlsx files a positional names: the file itself, or a folder's .xlsx files (not recursive, by name). */
export async function portfolioFiles(cwd: string, args: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const arg of args) {
    const p = resolvePath(cwd, arg);
    const stat = await fs.promises.stat(p).catch(() => undefined);
    if (stat === undefined)
      throw new CliError({ da: `Filen eller mappen findes ikke: ${p}`, en: `No such file or folder: ${p}` });
    if (!stat.isDirectory()) {
      out.push(p);
      continue;
    }
    const names: string[] = [];
    const dir = await fs.promises.opendir(p);
    for await (const entry of dir)
      if (
        entry.isFile() &&
        /\.xlsx$/i.test(entry.name) &&
        !entry.name.startsWith("~$") &&
        !entry.name.startsWith(".")
      )
        names.push(entry.name);
    names.sort();
    out.push(...names.map((n) => path.join(p, n)));
  }
  return out;
}

const TX = {
  da: {
    progress: (done: number, total: number, failed: number): string =>
      `Portefølje: ${done} af ${total} projektmapper behandlet${failed > 0 ? ` (${failed} med fejl)` : ""}\n`,
    none: "Ingen .xlsx-filer at beregne.",
    noneOk: "Ingen af projektmapperne kunne beregnes:",
    head: ["Indsats", "Nettoresultat", "Nutidsværdi", "Tilbagebet.år", "Afkast pr. kr.", "f*"],
    notWithin: "ikke inden for tidshorisonten",
    failed: "Projektmapper med fejl (ikke beregnet):",
    sums: (level: string): string => `Nettoresultat pr. aktør og år, summeret (kr., ${level}-priser)`,
    total: "I alt",
    written: (f: string): string => `Porteføljen er skrevet til en ny fil: ${f}\n`,
  },
  en: {
    progress: (done: number, total: number, failed: number): string =>
      `Portfolio: ${done} of ${total} workbooks processed${failed > 0 ? ` (${failed} with issues)` : ""}\n`,
    none: "No .xlsx files to calculate.",
    noneOk: "None of the workbooks could be calculated:",
    head: ["Intervention", "Net result", "Present value", "Break-even", "Return per kr.", "f*"],
    notWithin: "not within the horizon",
    failed: "Workbooks with issues (not calculated):",
    sums: (level: string): string => `Net result per actor and year, summed (kr., ${level} prices)`,
    total: "Total",
    written: (f: string): string => `The portfolio was written to a new file: ${f}\n`,
  },
} as const;

/** At most one progress line per this many ms (and always the last). */
const PROGRESS_EVERY_MS = 1000;

function progressReporter(io: CliIo, lang: Lang): (done: number, total: number, failed: number) => void {
  let last = Date.now();
  return (done, total, failed) => {
    const now = Date.now();
    if (done === total || now - last >= PROGRESS_EVERY_MS) {
      last = now;
      io.stderr(TX[lang].progress(done, total, failed));
    }
  };
}

function summaryText(doc: PortfolioDocument, lang: Lang): string {
  const t = TX[lang];
  const lines: string[] = [];
  type Row = {
    name: string;
    ok: boolean;
    file: string;
    total?: {
      netTotal: number;
      presentValue: number;
      breakEvenYear: number | null;
      returnPerKrone: number | null;
      breakEvenSuccessFactor: number | null;
    };
    issues?: { message: string; sheet: string | null; cell: string | null }[];
  };
  const list = doc.interventions as Row[];
  const ok = list.filter((e) => e.ok && e.total !== undefined);
  lines.push(
    ...renderTable(
      [...t.head],
      ok.map((e) => {
        const f = e.total!;
        return [
          e.name,
          formatKr(f.netTotal, lang),
          formatKr(f.presentValue, lang),
          f.breakEvenYear === null ? t.notWithin : String(f.breakEvenYear),
          f.returnPerKrone === null ? "–" : formatRatio(f.returnPerKrone, lang),
          f.breakEvenSuccessFactor === null ? "–" : formatRatio(f.breakEvenSuccessFactor, lang),
        ];
      }),
      ["left", "right", "right", "right", "right", "right"],
    ),
  );
  const years = [...new Set(Object.values(doc.byActorYear).flatMap((r) => Object.keys(r)))].sort(
    (a, b) => Number(a) - Number(b),
  );
  const actors = Object.keys(doc.byActorYear);
  if (actors.length > 0) {
    lines.push("", t.sums(String(doc.priceLevel ?? "")), "");
    const rows = years.map((y) => {
      const xs = actors.map((a) => doc.byActorYear[a]?.[y] ?? 0);
      return [
        y,
        ...xs.map((x) => formatKr(x, lang)),
        formatKr(
          xs.reduce((s, x) => s + x, 0),
          lang,
        ),
      ];
    });
    lines.push(
      ...renderTable([lang === "da" ? "År" : "Year", ...actors, t.total], rows, [
        "left",
        ...actors.map(() => "right" as const),
        "right",
      ]),
    );
  }
  const bad = list.filter((e) => !e.ok);
  if (bad.length > 0) {
    lines.push("", t.failed);
    for (const e of bad)
      for (const i of e.issues ?? [])
        lines.push(`  - ${e.file}: ${i.sheet !== null ? `${i.sheet}!${i.cell ?? ""}: ` : ""}${i.message}`);
  }
  for (const i of doc.issues) lines.push("", i.message);
  return `${lines.join("\n")}\n`;
}

export const portfolioCommand: Command = {
  name: "portfolio",
  usage: {
    da: "<filer eller mappe…> [--out <portefolje.xlsx>] [--json] [--sort net|pv|breakeven|rpk|critical|probability] [--price-level <år>]",
    en: "<files or folder…> [--out <portfolio.xlsx>] [--json] [--sort net|pv|breakeven|rpk|critical|probability] [--price-level <year>]",
  },
  summary: COMMAND_SUMMARIES.portfolio,
  description: {
    da: "Beregner hver projektmappe på alle processorkerner, viser hver indsats' nøgletal og summerer nettoresultatet\npr. aktør og kalenderår i et fælles prisniveau. En mappe med fejl i input vises med fejlene; de andre beregnes.\nAfslutningskode 0, når mindst én indsats er beregnet.",
    en: "Calculates each workbook on every processor core, lists each intervention's key figures and sums the net result\nper actor and calendar year at a common price level. A workbook with input issues is listed with its issues; the\nothers still calculate. Exit code 0 when at least one intervention calculated.",
  },
  options: [
    {
      name: "out",
      value: "<portefolje.xlsx>",
      help: { da: "Skriv porteføljen som en ny projektmappe", en: "Write the portfolio as a new workbook" },
    },
    FORCE_OPTION,
    { name: "json", help: { da: "Udskriv porteføljen som JSON", en: "Print the portfolio as JSON" } },
    {
      name: "sort",
      value: "<nøgletal>",
      help: {
        da: "Sortér indsatserne: net, pv, breakeven, rpk eller critical",
        en: "Sort the interventions: net, pv, breakeven, rpk or critical",
      },
    },
    {
      name: "price-level",
      value: "<år>",
      help: {
        da: "Prisniveau for summerne (standard: det højeste prisniveau blandt indsatserne)",
        en: "Price level of the sums (default: the highest price level among the interventions)",
      },
    },
  ],
  positionals: { min: 1, max: 100_000 },
  async run(args, { io, lang }) {
    const json = hasFlag(args, "json");
    const outArg = optionValue(args, "out");
    const out = outArg === undefined ? undefined : resolvePath(io.cwd, outArg);
    const force = hasFlag(args, "force");
    if (out !== undefined) {
      requireXlsxName(out);
      refuseExisting(out, force); // before minutes of work, not after
    }
    const sortArg = optionValue(args, "sort");
    const sort = PORTFOLIO_SORT_KEYS.find((k) => k === sortArg);
    if (sortArg !== undefined && sort === undefined)
      throw new UsageError({
        da: `--sort skal være en af ${PORTFOLIO_SORT_KEYS.join(", ")} (ikke ${sortArg}).`,
        en: `--sort must be one of ${PORTFOLIO_SORT_KEYS.join(", ")} (not ${sortArg}).`,
      });
    const levelArg = optionValue(args, "price-level");
    const priceLevel = levelArg === undefined ? undefined : Number(levelArg);
    if (
      priceLevel !== undefined &&
      !(Number.isInteger(priceLevel) && priceLevel >= 1900 && priceLevel <= 2200)
    )
      throw new UsageError({
        da: `--price-level skal være et årstal (ikke ${levelArg ?? ""}).`,
        en: `--price-level must be a year (not ${levelArg ?? ""}).`,
      });
    const files = await portfolioFiles(io.cwd, args.positionals);
    if (out !== undefined && files.some((f) => sameFile(f, out)))
      throw new CliError({
        da: `Uddatafilen er en af inputfilerne (${out}).`,
        en: `The output file is one of the input files (${out}).`,
      });
    if (files.length === 0) throw new CliError({ da: TX.da.none, en: TX.en.none });
    const summaries = await summariseFiles(
      files,
      lang,
      workerCount(files.length),
      progressReporter(io, lang),
    );
    const doc = combinePortfolio(summaries, {
      lang,
      ...(sort === undefined ? {} : { sort }),
      ...(priceLevel === undefined ? {} : { priceLevel }),
    });
    if (json) io.stdout(`${JSON.stringify(doc, null, 2)}\n`);
    else io.stdout(summaryText(doc, lang));
    if (out !== undefined && doc.calculated > 0) {
      const { writeWorkbookSpec } = await import("../../file/xlsx-writer"); // exceljs loads only when writing
      const bytes = await writeWorkbookSpec({ sheets: [renderPortfolioSheet(doc, lang)], names: [] });
      await writeOutputFile(out, bytes, force);
      io.stderr(TX[lang].written(out));
    }
    if (doc.calculated === 0 && !json) io.stderr(`${TX[lang].noneOk}\n`);
    return doc.calculated > 0 ? 0 : 2;
  },
};
