/**
 * The pane's budget section (som-method.md §11): Nettoudgift per actor for the budget year and the three
 * estimate years, in the budget sign convention (expenditure positive), and one sentence on the investment
 * pool. It shows the figures the calculation computed for the `Budget` sheet, so the two cannot disagree.
 */
import type { Results } from "../../engine/types";
import { formatKr, formatNumber, formatPercent, type Lang } from "../../present/format";
import type { BudgetFigures } from "../../workbook/render/budget-sheet";
import { h } from "../dom";
import { fill, tr } from "../i18n";

const TX = {
  title: { da: "Budget {from}–{to}", en: "Budget {from}–{to}" },
  note: {
    da: "Nettoudgift i {unit}, {prices}. Udgifter er positive, mindreudgifter og merindtægter negative (budgettets fortegn).",
    en: "Net expenditure in {unit}, {prices}. Expenditure is positive, savings and extra revenue negative (budget sign).",
  },
  prices: { da: "{year}-priser", en: "{year} prices" },
  notConverted: {
    da: "{year}-priser (prisindekset mangler {budget})",
    en: "{year} prices (the index lacks {budget})",
  },
  thousands: { da: "1.000 kr.", en: "1,000 kr." },
  kr: { da: "kr.", en: "kr." },
  who: { da: "Aktør", en: "Actor" },
  total: { da: "I alt", en: "Total" },
  outside: {
    da: "* Uden for beregningsårene (vist som 0).",
    en: "* Outside the calculation years (shown as 0).",
  },
  poolRepaid: {
    da: "Investeringspulje ({share} af kommunens gevinst tilbage): behov {needed}, tilbagebetalt fra {year}.",
    en: "Investment pool ({share} of the municipality's gain paid back): needs {needed}, repaid from {year}.",
  },
  poolNotRepaid: {
    da: "Investeringspulje ({share} af kommunens gevinst tilbage): behov {needed}, ikke tilbagebetalt inden {last}; saldo {left}.",
    en: "Investment pool ({share} of the municipality's gain paid back): needs {needed}, not repaid by {last}; balance {left}.",
  },
} as const;

/** The budget section for the latest calculation. */
export function budgetSection(results: Results, budget: BudgetFigures, lang: Lang): HTMLElement {
  const { view, pool } = budget;
  const inThousands = budget.unit === "thousands";
  const amount = (x: number): string => formatNumber(inThousands ? x / 1000 : x, lang);
  const prices = view.atBudgetPrices
    ? fill(TX.prices, { year: view.priceYear })
    : fill(TX.notConverted, { year: view.priceYear, budget: view.budgetYear });
  const head = h(
    "tr",
    {},
    h("th", { scope: "col" }, tr(TX.who, lang)),
    ...view.years.map((y, k) =>
      h("th", { scope: "col", class: "num" }, `${y}${view.outside[k] ? " *" : ""}`),
    ),
  );
  const rows = [
    ...results.actors.map((a, i) => ({ name: a.name, net: view.byActor[i]?.net ?? [], total: false })),
    ...(results.actors.length > 1 ? [{ name: tr(TX.total, lang), net: view.total.net, total: true }] : []),
  ].map((r) =>
    h(
      "tr",
      r.total ? { class: "total" } : {},
      h("th", { scope: "row" }, r.name),
      ...r.net.map((x) => h("td", { class: "num" }, amount(x))),
    ),
  );
  const last = results.years[results.years.length - 1] ?? view.budgetYear;
  const share = formatPercent(pool.share, lang);
  const poolText =
    pool.repaidYear !== null
      ? fill(TX.poolRepaid, { share, needed: formatKr(pool.moneyNeeded, lang), year: pool.repaidYear })
      : fill(TX.poolNotRepaid, {
          share,
          needed: formatKr(pool.moneyNeeded, lang),
          last,
          left: formatKr(pool.balanceAtEnd, lang),
        });
  return h(
    "section",
    { id: "som-budget", class: "budget", "aria-labelledby": "som-budget-title" },
    h(
      "h2",
      { id: "som-budget-title" },
      tr(fill(TX.title, { from: view.years[0] ?? "", to: view.years[3] ?? "" }), lang),
    ),
    h(
      "p",
      { class: "hint" },
      tr(
        fill(TX.note, { unit: tr(inThousands ? TX.thousands : TX.kr, lang), prices: tr(prices, lang) }),
        lang,
      ),
    ),
    h("table", { class: "budget-table" }, h("thead", {}, head), h("tbody", {}, ...rows)),
    view.outside.some((o) => o) ? h("p", { class: "hint" }, tr(TX.outside, lang)) : null,
    pool.hasKommune ? h("p", { class: "budget-pool" }, tr(poolText, lang)) : null,
  );
}
