/**
 * Plain-text tables with aligned columns for the terminal. Width is measured in code points, so Danish
 * letters (æ, ø, å) count as one column.
 */

export type Align = "left" | "right";

const width = (s: string): number => [...s].length;

/**
 * Renders rows under a header, columns separated by two spaces, with a dashed line under the header.
 * Example: `renderTable(["År", "Netto"], [["2025", "1.000 kr."]], ["left", "right"])`.
 */
export function renderTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  align: readonly Align[],
): string[] {
  const all = [header, ...rows];
  const widths = header.map((_, c) => Math.max(...all.map((r) => width(r[c] ?? ""))));
  const line = (cells: readonly string[]): string =>
    widths
      .map((w, c) => {
        const cell = cells[c] ?? "";
        const gap = " ".repeat(w - width(cell));
        return align[c] === "right" ? gap + cell : cell + gap;
      })
      .join("  ")
      .trimEnd();
  const rule = widths.map((w) => "-".repeat(w)).join("  ");
  return [line(header), rule, ...rows.map(line)];
}
