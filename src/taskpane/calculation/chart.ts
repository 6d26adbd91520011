/**
 * A small inline-SVG line chart of the cumulative net result per actor and in total ("I alt", thick and dark), with
 * a visible title (no chart library). The SVG scales with the pane but never beyond 480 px (taskpane.css), so its
 * 10 px labels stay between 10 and 15 px from a 320 px to a 1280 px wide pane.
 * `chartModel` is pure geometry (tested in Node); `renderChart` turns it into SVG + an HTML legend.
 * Colours are told apart by dash pattern too, so the chart works without colour vision.
 */
import { formatKr, formatNumber, type Lang } from "../../present/format";
import { clear, h, s, uid } from "../dom";
import { fill, T, tr } from "../i18n";

export interface Series {
  readonly name: string;
  /** One value per year (kr.), same length as `years`. */
  readonly values: readonly number[];
  /** The "I alt" line: drawn thick and dark, after the actors. */
  readonly total?: boolean;
}

export interface ChartLine {
  readonly name: string;
  /** SVG `points` of the polyline. */
  readonly points: string;
  readonly color: string;
  readonly dash: string;
  readonly width: number;
}

export interface ChartModel {
  readonly width: number;
  readonly height: number;
  readonly plot: {
    readonly left: number;
    readonly right: number;
    readonly top: number;
    readonly bottom: number;
  };
  readonly lines: readonly ChartLine[];
  readonly yTicks: readonly { readonly y: number; readonly value: number; readonly label: string }[];
  readonly xTicks: readonly { readonly x: number; readonly label: string }[];
  /** y of the zero line. */
  readonly zeroY: number;
}

/** Distinct on white, and distinct in grey scale by dash. */
export const PALETTE = [
  "#0f6cbd",
  "#c50f1f",
  "#107c10",
  "#8764b8",
  "#ca5010",
  "#038387",
  "#4f6bed",
  "#986f0b",
];
const DASHES = ["", "6 3", "2 3", "8 3 2 3", "4 4", "1 2", "10 4", "3 3 1 3"];
/** The "I alt" line. */
const TOTAL_COLOR = "#242424";

const W = 320;
const H = 180;
const PLOT = { left: 62, right: W - 18, top: 10, bottom: H - 24 };

/** A "nice" tick step (1, 2 or 5 × 10^k) for about `count` intervals over `span`. */
export function niceStep(span: number, count = 4): number {
  if (!(span > 0) || !Number.isFinite(span)) return 1;
  const raw = span / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const f = raw / mag;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * mag;
}

/** Axis label: "250.000 kr." below a million, "1,5 mio. kr." from a million. */
export function axisLabel(value: number, lang: Lang): string {
  if (Math.abs(value) >= 1_000_000) {
    const m = value / 1_000_000;
    return `${formatNumber(m, lang, Number.isInteger(Math.round(m * 10) / 10) ? 0 : 1)} ${tr(T.millionKr, lang)}`;
  }
  return formatKr(value, lang);
}

const r1 = (x: number): number => Math.round(x * 10) / 10;

/** The axes of a chart over `years`: scale, ticks and the coordinate functions (shared with the fan chart). */
export interface ChartFrame {
  readonly width: number;
  readonly height: number;
  readonly plot: ChartModel["plot"];
  readonly yTicks: ChartModel["yTicks"];
  readonly xTicks: ChartModel["xTicks"];
  /** y of the zero line. */
  readonly zeroY: number;
  /** SVG point (`x,y`, rounded to 0.1) of year index `i` and value `v` (a non-finite value is drawn at 0). */
  readonly point: (i: number, v: number) => string;
}

/**
 * The frame for `values` over `years`: nice steps that include 0, about five year labels with the first and the
 * last, never two labels crowding each other.
 */
export function chartFrame(years: readonly number[], values: readonly number[], lang: Lang): ChartFrame {
  const all = values.filter((v) => Number.isFinite(v));
  let lo = Math.min(0, ...all);
  let hi = Math.max(0, ...all);
  if (hi - lo < 1) {
    lo -= 1;
    hi += 1;
  }
  const step = niceStep(hi - lo);
  lo = Math.floor(lo / step) * step;
  hi = Math.ceil(hi / step) * step;
  const n = years.length;
  const x = (i: number): number =>
    n <= 1 ? (PLOT.left + PLOT.right) / 2 : PLOT.left + ((PLOT.right - PLOT.left) * i) / (n - 1);
  const y = (v: number): number => PLOT.bottom - ((PLOT.bottom - PLOT.top) * (v - lo)) / (hi - lo);
  const yTicks: { y: number; value: number; label: string }[] = [];
  for (let v = lo; v <= hi + step / 2; v += step) {
    const value = Math.abs(v) < step / 1e6 ? 0 : v;
    yTicks.push({ y: r1(y(value)), value, label: axisLabel(value, lang) });
  }
  const xTicks: { x: number; label: string }[] = [];
  if (n > 0) {
    // about five labels, always the first and the last year, never two labels crowding each other
    const every = Math.max(1, Math.ceil(n / 5));
    const idx: number[] = [];
    for (let i = 0; i < n; i += every) idx.push(i);
    const lastIdx = idx[idx.length - 1] ?? 0;
    if (lastIdx !== n - 1) {
      if (idx.length > 1 && n - 1 - lastIdx < every * 0.75) idx.pop();
      idx.push(n - 1);
    }
    for (const i of idx) xTicks.push({ x: r1(x(i)), label: String(years[i]) });
  }
  return {
    width: W,
    height: H,
    plot: PLOT,
    yTicks,
    xTicks,
    zeroY: r1(y(0)),
    point: (i, v) => `${r1(x(i))},${r1(y(Number.isFinite(v) ? v : 0))}`,
  };
}

export function chartModel(years: readonly number[], series: readonly Series[], lang: Lang): ChartModel {
  const f = chartFrame(
    years,
    series.flatMap((x) => x.values),
    lang,
  );
  return {
    width: f.width,
    height: f.height,
    plot: f.plot,
    lines: series.map((srs, k) => ({
      name: srs.name,
      points: srs.values.map((v, i) => f.point(i, v)).join(" "),
      color: srs.total === true ? TOTAL_COLOR : (PALETTE[k % PALETTE.length] as string),
      dash: srs.total === true ? "" : (DASHES[k % DASHES.length] as string),
      width: srs.total === true ? 3 : 2,
    })),
    yTicks: f.yTicks,
    xTicks: f.xTicks,
    zeroY: f.zeroY,
  };
}

/** The grid lines with their value labels and the year labels of `frame`, appended to `svg`. */
export function appendAxes(svg: SVGSVGElement, frame: Omit<ChartFrame, "point">): void {
  for (const t of frame.yTicks) {
    svg.append(
      s("line", {
        x1: frame.plot.left,
        x2: frame.plot.right,
        y1: t.y,
        y2: t.y,
        class: t.value === 0 ? "axis-zero" : "grid",
      }),
      s("text", { x: frame.plot.left - 4, y: t.y + 3, class: "tick", "text-anchor": "end" }, t.label),
    );
  }
  for (const t of frame.xTicks)
    svg.append(s("text", { x: t.x, y: frame.height - 8, class: "tick", "text-anchor": "middle" }, t.label));
}

/** Render the chart (SVG with title/description) and a legend into `root`. */
export function renderChart(
  root: HTMLElement,
  years: readonly number[],
  series: readonly Series[],
  lang: Lang,
): void {
  clear(root);
  const m = chartModel(years, series, lang);
  const titleId = uid("chart-title");
  const descId = uid("chart-desc");
  const first = years[0] ?? "";
  const last = years[years.length - 1] ?? "";
  const svg = s(
    "svg",
    {
      class: "chart",
      viewBox: `0 0 ${m.width} ${m.height}`,
      role: "img",
      "aria-labelledby": `${titleId} ${descId}`,
      preserveAspectRatio: "xMidYMid meet",
    },
    s("title", { id: titleId }, tr(T.chartTitle, lang)),
    s("desc", { id: descId }, tr(fill(T.chartDesc, { first, last }), lang)),
  );
  appendAxes(svg, m);
  for (const line of m.lines)
    svg.append(
      s("polyline", {
        points: line.points,
        fill: "none",
        stroke: line.color,
        "stroke-width": line.width,
        "stroke-dasharray": line.dash || undefined,
        "stroke-linejoin": "round",
        "data-actor": line.name,
      }),
    );
  const legend = h("ul", { class: "legend", "aria-label": tr(T.chartLegend, lang) });
  for (const line of m.lines)
    legend.append(
      h(
        "li",
        {},
        s(
          "svg",
          { class: "swatch", viewBox: "0 0 20 8", width: 20, height: 8, "aria-hidden": "true" },
          s("line", {
            x1: 0,
            x2: 20,
            y1: 4,
            y2: 4,
            stroke: line.color,
            "stroke-width": line.width + 0.5,
            "stroke-dasharray": line.dash || undefined,
          }),
        ),
        line.name,
      ),
    );
  // A visible title (the SVG's <title> is only a tooltip).
  root.append(h("figcaption", { class: "chart-title" }, tr(T.chartTitle, lang)), svg, legend);
}
