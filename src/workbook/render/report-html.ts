/**
 * The decision report (issue 15) as ONE self-contained HTML document: the same `ReportModel` as the `Rapport`
 * sheet, with inline SVG charts (cumulative net result per actor with an "I alt" line, the tornado) and print CSS
 * (A4 landscape, every section from a new page, table headers repeated across pages, the intervention's name in
 * the page header, the time of calculation and "Side x af y" in the footer through CSS page-margin boxes).
 * No script, no external resource (a Content-Security-Policy forbids loading any), so the file can be mailed and
 * printed anywhere; `som report --out rapport.pdf` prints it with headless Chromium.
 *
 * Every figure is formatted by `src/present/format.ts` (the one rounding). All text is HTML-escaped; text placed in
 * CSS strings is CSS-escaped. Pure and browser-safe.
 */
import { formatDecimal, formatNumber, formatPercent, formatRatio, type Lang } from "../../present/format";
import type {
  LineChartData,
  ReportCell,
  ReportModel,
  ReportSection,
  ReportTable,
  TornadoChartData,
} from "./report-model";

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(s: string): string {
  return s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** Escapes text for a double-quoted CSS string: everything but letters, digits and spaces as `\hex `. */
export function escapeCssString(s: string): string {
  let out = "";
  for (const ch of s) {
    out += /[\p{L}\p{N} .,:()\u2013-]/u.test(ch) ? ch : `\\${(ch.codePointAt(0) ?? 0).toString(16)} `;
  }
  return out;
}

/** A table cell as people read it (the one rounding). */
export function formatCell(c: ReportCell, lang: Lang): string {
  if (c.v === null) return "";
  if (typeof c.v === "string") return c.v;
  switch (c.f) {
    case "kr":
      return formatNumber(c.v, lang, 0);
    case "pct":
      return formatPercent(c.v, lang, 1);
    case "ratio":
      return formatRatio(c.v, lang, 2);
    case "num":
      return formatDecimal(c.v, lang, 3);
    case "year":
    case "int":
      return String(c.v);
    case "text":
      return String(c.v);
  }
}

const PALETTE = ["#0F6C74", "#C0504D", "#4F81BD", "#9BBB59", "#8064A2", "#F79646", "#4BACC6", "#7F7F7F"];

/** Rounds a chart axis step to 1, 2 or 5 × 10^k. */
function niceStep(range: number, ticks: number): number {
  const raw = range / Math.max(1, ticks);
  const mag = 10 ** Math.floor(Math.log10(raw));
  const n = raw / mag;
  return (n <= 1 ? 1 : n <= 2 ? 2 : n <= 5 ? 5 : 10) * mag;
}

function axisTicks(lo: number, hi: number): number[] {
  const min = Math.min(0, lo);
  const max = Math.max(0, hi);
  const step = niceStep(max - min || 1, 5);
  const out: number[] = [];
  for (let v = Math.floor(min / step) * step; v <= max + step * 1e-9; v += step) out.push(v);
  if ((out[out.length - 1] ?? 0) < max) out.push((out[out.length - 1] ?? 0) + step);
  return out;
}

/** The cumulative net result per actor (and "I alt", drawn thicker), one line each, with a zero line. */
export function lineChartSvg(chart: LineChartData, lang: Lang): string {
  const W = 900;
  const H = 360;
  const left = 110;
  const right = 170;
  const top = 36;
  const bottom = 40;
  const all = chart.series.flatMap((s) => s.values);
  const ticks = axisTicks(Math.min(...all), Math.max(...all));
  const lo = ticks[0] ?? 0;
  const hi = ticks[ticks.length - 1] ?? 1;
  const n = chart.categories.length;
  const x = (i: number): number => left + (n <= 1 ? 0 : (i * (W - left - right)) / (n - 1));
  const y = (v: number): number => top + ((hi - v) * (H - top - bottom)) / (hi - lo || 1);
  const parts: string[] = [];
  parts.push(`<text x="${W / 2}" y="20" class="ct">${escapeHtml(chart.title)}</text>`);
  for (const t of ticks) {
    parts.push(
      `<line x1="${left}" x2="${W - right}" y1="${y(t).toFixed(1)}" y2="${y(t).toFixed(1)}" class="${t === 0 ? "zero" : "grid"}"/>`,
      `<text x="${left - 6}" y="${(y(t) + 4).toFixed(1)}" class="yl">${escapeHtml(formatNumber(t, lang))}</text>`,
    );
  }
  chart.categories.forEach((c, i) => {
    if (n > 16 && i % 2 === 1) return;
    parts.push(`<text x="${x(i).toFixed(1)}" y="${H - bottom + 18}" class="xl">${c}</text>`);
  });
  chart.series.forEach((s, k) => {
    const isTotal = k === chart.series.length - 1;
    const color = isTotal ? "#1F1F1F" : (PALETTE[k % PALETTE.length] ?? "#000");
    const pts = s.values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(" ");
    parts.push(
      `<polyline points="${pts}" fill="none" stroke="${color}" stroke-width="${isTotal ? 3.5 : 2}"${isTotal ? ' stroke-dasharray="8 4"' : ""}/>`,
    );
    const ly = top + 8 + k * 20;
    parts.push(
      `<line x1="${W - right + 14}" x2="${W - right + 38}" y1="${ly}" y2="${ly}" stroke="${color}" stroke-width="${isTotal ? 3.5 : 2}"/>`,
      `<text x="${W - right + 44}" y="${ly + 4}" class="lg">${escapeHtml(s.name)}</text>`,
    );
  });
  return `<svg class="chart" viewBox="0 0 ${W} ${H}" role="img" aria-label="${escapeHtml(chart.title)}" xmlns="http://www.w3.org/2000/svg">${parts.join("")}</svg>`;
}

/** The tornado: per parameter a bar from the total net result at the low to that at the high value, around the base. */
export function tornadoSvg(chart: TornadoChartData, lang: Lang): string {
  const W = 900;
  const rowH = 30;
  const left = 170;
  const right = 40;
  const top = 40;
  const H = top + chart.bars.length * rowH + 40;
  const all = [chart.base, ...chart.bars.flatMap((b) => [b.low, b.high])];
  const ticks = axisTicks(Math.min(...all), Math.max(...all));
  const lo = ticks[0] ?? 0;
  const hi = ticks[ticks.length - 1] ?? 1;
  const x = (v: number): number => left + ((v - lo) * (W - left - right)) / (hi - lo || 1);
  const parts: string[] = [];
  parts.push(`<text x="${W / 2}" y="20" class="ct">${escapeHtml(chart.title)}</text>`);
  for (const t of ticks) {
    parts.push(
      `<line x1="${x(t).toFixed(1)}" x2="${x(t).toFixed(1)}" y1="${top - 6}" y2="${H - 34}" class="${t === 0 ? "zero" : "grid"}"/>`,
      `<text x="${x(t).toFixed(1)}" y="${H - 16}" class="xl">${escapeHtml(formatNumber(t, lang))}</text>`,
    );
  }
  chart.bars.forEach((b, i) => {
    const yy = top + i * rowH;
    const a = Math.min(b.low, b.high);
    const z = Math.max(b.low, b.high);
    parts.push(
      `<text x="${left - 8}" y="${yy + rowH / 2 + 4}" class="yl">${escapeHtml(b.label)}</text>`,
      `<rect x="${x(a).toFixed(1)}" y="${yy + 5}" width="${Math.max(1, x(z) - x(a)).toFixed(1)}" height="${rowH - 10}" fill="#0F6C74"/>`,
    );
  });
  parts.push(
    `<line x1="${x(chart.base).toFixed(1)}" x2="${x(chart.base).toFixed(1)}" y1="${top - 10}" y2="${H - 34}" stroke="#C0504D" stroke-width="2"/>`,
    `<text x="${left}" y="${H - 2}" class="lg" fill="#C0504D">${escapeHtml(chart.baseLabel)}: ${escapeHtml(formatNumber(chart.base, lang))}</text>`,
  );
  return `<svg class="chart" viewBox="0 0 ${W} ${H}" role="img" aria-label="${escapeHtml(chart.title)}" xmlns="http://www.w3.org/2000/svg">${parts.join("")}</svg>`;
}

/** The summary's facts (label, value) in two pairs of columns, so the summary fits on its page. */
function factsHtml(t: ReportTable, lang: Lang): string {
  const half = Math.ceil(t.rows.length / 2);
  const pair = (r: readonly ReportCell[] | undefined): string =>
    r === undefined
      ? "<td></td><td></td>"
      : `<th scope="row">${escapeHtml(formatCell(r[0] ?? { v: null, f: "text" }, lang))}</th><td>${escapeHtml(formatCell(r[1] ?? { v: null, f: "text" }, lang))}</td>`;
  const rows = Array.from({ length: half }, (_, i) => `<tr>${pair(t.rows[i])}${pair(t.rows[half + i])}</tr>`);
  const caption = t.caption === undefined ? "" : `<caption>${escapeHtml(t.caption)}</caption>`;
  return `<table class="t facts keep" data-id="${escapeHtml(t.id)}">${caption}<tbody>\n${rows.join("\n")}\n</tbody></table>`;
}

function tableHtml(t: ReportTable, lang: Lang): string {
  if (t.id === "facts") return factsHtml(t, lang);
  const numeric = (c: ReportCell | undefined): boolean =>
    c !== undefined && typeof c.v === "number" && c.f !== "year";
  const head = t.header.map((h) => `<th>${escapeHtml(h)}</th>`).join("");
  const rows = t.rows
    .map((r, i) => {
      const cls = t.boldRows?.includes(i) === true ? ' class="bold"' : "";
      const cells = r
        .map((c) => {
          const classes = [numeric(c) ? "n" : "", c.mark === true ? "mark" : ""].filter((x) => x !== "");
          const attr = classes.length > 0 ? ` class="${classes.join(" ")}"` : "";
          return `<td${attr}>${escapeHtml(formatCell(c, lang))}</td>`;
        })
        .join("");
      return `<tr${cls}>${cells}</tr>`;
    })
    .join("\n");
  const caption = t.caption === undefined ? "" : `<caption>${escapeHtml(t.caption)}</caption>`;
  const wide = t.header.length > 9 ? " wide" : "";
  // A short table is kept on one page (no header left alone at a page's foot).
  const keep = t.rows.length <= 20 ? " keep" : "";
  return `<table class="t${wide}${keep}" data-id="${escapeHtml(t.id)}">${caption}<thead><tr>${head}</tr></thead><tbody>\n${rows}\n</tbody></table>`;
}

function sectionHtml(s: ReportSection, lang: Lang): string {
  const paras = s.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join("\n");
  const body = s.tables
    .map((t) => {
      const chart = s.charts.find((c) => c.tableId === t.id);
      const svg =
        chart === undefined
          ? ""
          : chart.kind === "line"
            ? lineChartSvg(chart, lang)
            : tornadoSvg(chart, lang);
      // The summary's chart replaces its data table (the sheet keeps both; the document reads better).
      if (chart?.kind === "line") return `<figure>${svg}</figure>`;
      return `${tableHtml(t, lang)}${svg === "" ? "" : `<figure>${svg}</figure>`}`;
    })
    .join("\n");
  return `<section id="${s.id}">\n<h2>${escapeHtml(s.title)}</h2>\n${paras}\n${body}\n</section>`;
}

const CSS = (model: ReportModel, footer: string): string => `
@page { size: A4 landscape; margin: 16mm 14mm 16mm 14mm;
  @top-center { content: "${escapeCssString(model.intervention)}"; font: 9pt sans-serif; color: #555; }
  @bottom-left { content: "${escapeCssString(footer)}"; font: 8pt sans-serif; color: #555; }
  @bottom-right { content: "${model.lang === "da" ? "Side" : "Page"} " counter(page) " ${model.lang === "da" ? "af" : "of"} " counter(pages); font: 8pt sans-serif; color: #555; } }
* { box-sizing: border-box; }
html { font: 10pt/1.35 "DejaVu Sans", "Segoe UI", Arial, sans-serif; color: #1F1F1F; }
body { margin: 0 auto; max-width: 270mm; padding: 0 4mm; }
h1 { font-size: 17pt; color: #0F6C74; margin: 0 0 2mm; }
h2 { font-size: 13pt; color: #0F6C74; margin: 0 0 3mm; }
p.stamp { font-size: 8.5pt; color: #595959; margin: 0 0 4mm; }
p { margin: 0 0 2.2mm; max-width: 240mm; }
section { break-before: page; }
section:first-of-type { break-before: auto; }
table.t { border-collapse: collapse; margin: 1mm 0 5mm; font-size: 8.5pt; }
table.t.wide { font-size: 7.5pt; }
table.t.keep { break-inside: avoid; }
table.facts th { background: none; color: #1F1F1F; font-weight: normal; padding: 0.5mm 2mm 0.5mm 0; white-space: nowrap; }
table.facts td { padding: 0.5mm 8mm 0.5mm 0; border-bottom: 0.3pt solid #E0E0E0; }
caption { text-align: left; font-weight: bold; padding: 0 0 1mm; }
th { background: #0F6C74; color: #fff; text-align: left; padding: 1.2mm 2mm; vertical-align: bottom; }
td { padding: 0.8mm 2mm; border-bottom: 0.3pt solid #D0D0D0; vertical-align: top; }
td.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.bold td { font-weight: bold; background: #F2F2F2; }
td.mark { background: #FFC7CE; color: #9C0006; font-weight: bold; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
figure { margin: 2mm 0 5mm; break-inside: avoid; }
svg.chart { width: 100%; max-width: 240mm; height: auto; }
svg text { font-family: "DejaVu Sans", Arial, sans-serif; fill: #1F1F1F; }
svg .ct { font-size: 15px; font-weight: bold; text-anchor: middle; }
svg .yl { font-size: 12px; text-anchor: end; }
svg .xl { font-size: 12px; text-anchor: middle; }
svg .lg { font-size: 12px; }
svg .grid { stroke: #E0E0E0; stroke-width: 1; }
svg .zero { stroke: #7F7F7F; stroke-width: 1.2; }
@media screen { body { padding: 8mm 4mm; } section { border-top: 1px solid #ccc; padding-top: 6mm; margin-top: 8mm; } section:first-of-type { border-top: 0; } }
`;

/**
 * The report as a complete HTML document. `footer` is the page footer's left text (e.g. "Beregnet 2026-12-06 09:05
 * (UTC+01:00)").
 * Example: reportHtml(buildReportModel(results, scenario, rctx), "Beregnet 2026-12-06 09:05 (UTC+01:00)")
 */
export function reportHtml(model: ReportModel, footer: string): string {
  const lang = model.lang;
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(model.title)}</title>
<style>${CSS(model, footer)}</style>
</head>
<body>
<h1>${escapeHtml(model.title)}</h1>
<p class="stamp">${escapeHtml(model.stampLine)}</p>
${model.sections.map((s) => sectionHtml(s, lang)).join("\n")}
</body>
</html>
`;
}
