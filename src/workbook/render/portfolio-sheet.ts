/**
 * The `Portefølje` sheet of `som portfolio --out` (som-method.md §11, [D]): one row per intervention with its key
 * figures (in the list's sort order), the files with input issues, and the net result summed per actor and
 * calendar year at the portfolio price level, with the same sums in the budget sign (Nettoudgift = −net).
 * User text (file, intervention and actor names) is written as text.
 */
import type { PortfolioDocument } from "../../app/portfolio";
import type { Lang } from "../../present/format";
import type { CellValue, SheetSpec } from "../sheet-model";
import { SheetWriter } from "./sheet-writer";

const KR = "#,##0";

const T = {
  da: {
    title: "SØM-portefølje",
    stamp: (ok: number, bad: number, level: string): string =>
      `${ok} indsatser beregnet, ${bad} med fejl i input. Summer i ${level}-priser.`,
    list: "Indsatser (nøgletal i indsatsens eget prisniveau; positive tal = gevinst)",
    head: [
      "Fil",
      "Indsats",
      "Prisniveau",
      "Nettoresultat i alt",
      "Nutidsværdi",
      "Tilbagebetalingsår",
      "Afkast pr. krone",
      "Kritisk succesfaktor f*",
      "P(Σ NR > 0) (simulering)",
    ],
    notWithin: "ikke inden for tidshorisonten",
    none: "–",
    failed: "Filer med fejl (ikke beregnet)",
    failedHead: ["Fil", "Problem"],
    sums: "Nettoresultat pr. aktør og kalenderår, summeret over indsatserne (positive tal = gevinst)",
    budget: "Samme summer i budgettets fortegn: Nettoudgift (udgifter positive)",
    actor: "Aktør",
    total: "I alt",
    issues: "Bemærkninger",
  },
  en: {
    title: "SØM portfolio",
    stamp: (ok: number, bad: number, level: string): string =>
      `${ok} interventions calculated, ${bad} with input issues. Sums at ${level} prices.`,
    list: "Interventions (key figures at the intervention's own price level; positive = gain)",
    head: [
      "File",
      "Intervention",
      "Price level",
      "Net result, total",
      "Present value",
      "Break-even year",
      "Return per krone",
      "Break-even factor f*",
      "P(Σ NR > 0) (simulation)",
    ],
    notWithin: "not within the horizon",
    none: "–",
    failed: "Files with issues (not calculated)",
    failedHead: ["File", "Issue"],
    sums: "Net result per actor and calendar year, summed over the interventions (positive = gain)",
    budget: "The same sums in the budget sign: net expenditure (expenditure positive)",
    actor: "Actor",
    total: "Total",
    issues: "Notes",
  },
} as const;

interface ListedOk {
  readonly file: string;
  readonly name: string;
  readonly ok: true;
  readonly priceLevel: number;
  readonly total: {
    readonly netTotal: number;
    readonly presentValue: number;
    readonly breakEvenYear: number | null;
    readonly returnPerKrone: number | null;
    readonly breakEvenSuccessFactor: number | null;
    /** From the workbook's own simulation settings; null without them. */
    readonly probabilityPositive: number | null;
  };
}
interface ListedBad {
  readonly file: string;
  readonly ok: false;
  readonly issues: readonly {
    readonly message: string;
    readonly sheet: string | null;
    readonly cell: string | null;
  }[];
}

/** The `Portefølje` sheet for a combined portfolio. */
export function renderPortfolioSheet(doc: PortfolioDocument, lang: Lang): SheetSpec {
  const t = T[lang];
  const w = new SheetWriter();
  const list = doc.interventions as readonly (ListedOk | ListedBad)[];
  w.add([[t.title]], { style: "title" });
  w.add([[t.stamp(doc.calculated, doc.failed, String(doc.priceLevel ?? t.none))]], { style: "muted" });
  w.skip();
  w.add([[t.list]], { style: "subtitle" });
  w.add([[...t.head]], { style: "header" });
  const ok = list.filter((e): e is ListedOk => e.ok);
  if (ok.length > 0)
    w.add(
      ok.map((e): CellValue[] => [
        e.file,
        e.name,
        e.priceLevel,
        e.total.netTotal,
        e.total.presentValue,
        e.total.breakEvenYear ?? t.notWithin,
        e.total.returnPerKrone ?? t.none,
        e.total.breakEvenSuccessFactor ?? t.none,
        e.total.probabilityPositive ?? t.none,
      ]),
      {
        numberFormat: ok.map(() => ["@", "@", "0", KR, KR, "0", "0.00", "0.00", "0.0%"]),
        style: "output",
      },
    );
  const bad = list.filter((e): e is ListedBad => !e.ok);
  if (bad.length > 0) {
    w.skip();
    w.add([[t.failed]], { style: "subtitle" });
    w.add([[...t.failedHead]], { style: "header" });
    const rows: CellValue[][] = [];
    for (const e of bad)
      for (const i of e.issues.length > 0 ? e.issues : [{ message: "", sheet: null, cell: null }])
        rows.push([e.file, `${i.sheet !== null ? `${i.sheet}!${i.cell ?? ""}: ` : ""}${i.message}`]);
    w.add(rows, { style: "output" });
  }
  const actors = Object.keys(doc.byActorYear);
  const years = [...new Set(actors.flatMap((a) => Object.keys(doc.byActorYear[a] ?? {})))].sort(
    (a, b) => Number(a) - Number(b),
  );
  const table = (title: string, sign: 1 | -1): void => {
    w.skip();
    w.add([[title]], { style: "subtitle" });
    w.add([[t.actor, ...years.map(Number), t.total]], {
      style: "header",
      numberFormat: [["@", ...years.map(() => "0"), "@"]],
    });
    const totals = years.map(() => 0);
    for (const a of actors) {
      const row = years.map((y) => sign * (doc.byActorYear[a]?.[y] ?? 0));
      row.forEach((x, i) => (totals[i] = (totals[i] ?? 0) + x));
      w.add([[a, ...row, row.reduce((s, x) => s + x, 0)]], { numberFormat: KR, style: "output" });
    }
    w.add([[t.total, ...totals, totals.reduce((s, x) => s + x, 0)]], {
      numberFormat: KR,
      style: "outputBold",
    });
  };
  table(t.sums, 1);
  table(t.budget, -1);
  if (doc.issues.length > 0) {
    w.skip();
    w.add([[t.issues]], { style: "subtitle" });
    w.add(
      doc.issues.map((i) => [i.message]),
      { style: "muted" },
    );
  }
  return {
    name: lang === "da" ? "Portefølje" : "Portfolio",
    role: "result",
    columnWidths: [36, 40, ...Array.from({ length: Math.max(8, years.length + 2) }, () => 15)],
    blocks: w.blocks,
    freeze: { rows: 0, cols: 1 },
    tabColor: "1F6E6E",
  };
}
