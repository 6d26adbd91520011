/**
 * Checks a `WorkbookSpec` completely BEFORE the first Office call, so that a bad spec (a programmer error)
 * never leaves a half-written workbook, and Office errors during the write become unlikely.
 */
import type { Block, WorkbookSpec } from "../workbook/sheet-model";
import { MAX_COLS, MAX_ROWS, parseRect } from "./a1";

/** A spec that cannot be written; `problems` lists every problem found. */
export class InvalidSpecError extends Error {
  override readonly name = "InvalidSpecError";
  readonly code = "InvalidSpec";
  constructor(readonly problems: readonly string[]) {
    super(
      `Invalid workbook spec: ${problems.slice(0, 5).join("; ")}${problems.length > 5 ? ` (+${problems.length - 5} more)` : ""}`,
    );
  }
}

/** Excel sheet names: 1–31 characters, none of : \ / ? * [ ], not starting/ending with an apostrophe, not "History". */
export function sheetNameProblem(name: string): string | undefined {
  if (name.length === 0 || name.length > 31) return `sheet name "${name}" must be 1–31 characters`;
  if (/[:\\/?*[\]]/.test(name)) return `sheet name "${name}" contains one of : \\ / ? * [ ]`;
  if (name.startsWith("'") || name.endsWith("'"))
    return `sheet name "${name}" starts or ends with an apostrophe`;
  if (name.toLowerCase() === "history") return `sheet name "History" is reserved by Excel`;
  return undefined;
}

/** Excel defined names: start with a letter/underscore/backslash, then letters, digits, _ . \; not a cell reference. */
export function definedNameProblem(name: string): string | undefined {
  if (name.length === 0 || name.length > 255) return `name "${name}" must be 1–255 characters`;
  if (!/^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(name))
    return `name "${name}" has characters Excel does not allow`;
  if (/^[A-Za-z]{1,3}\d{1,7}$/.test(name) || /^[rc]$/i.test(name) || /^R\d*C\d*$/i.test(name))
    return `name "${name}" looks like a cell reference`;
  return undefined;
}

function blockProblems(sheet: string, i: number, b: Block): string[] {
  const where = `${sheet} block ${i}`;
  const out: string[] = [];
  if (!Number.isInteger(b.row) || !Number.isInteger(b.col) || b.row < 0 || b.col < 0)
    return [`${where}: row/col must be non-negative integers`];
  const rows = b.values.length;
  const cols = b.values[0]?.length ?? 0;
  if (rows === 0 || cols === 0) return [`${where}: values must have at least one row and one column`];
  if (b.values.some((r) => r.length !== cols)) out.push(`${where}: values rows have different lengths`);
  if (b.row + rows > MAX_ROWS || b.col + cols > MAX_COLS) out.push(`${where}: extends beyond Excel's grid`);
  for (const r of b.values)
    for (const v of r) {
      if (typeof v === "number" && !Number.isFinite(v)) {
        out.push(`${where}: contains ${String(v)} (Excel cannot store it)`);
        break;
      }
      if (typeof v === "string" && v.length > 32767) out.push(`${where}: text longer than 32,767 characters`);
    }
  if (b.formulas) {
    if (b.formulas.length !== rows || b.formulas.some((r) => r.length !== cols))
      out.push(`${where}: formulas shape differs from values`);
    else if (
      b.formulas.some((r) =>
        r.some((f) => f !== null && (typeof f !== "string" || !f.startsWith("=") || f.length < 2)),
      )
    )
      out.push(`${where}: every formula must start with "="`);
  }
  if (b.numberFormat !== undefined && typeof b.numberFormat !== "string") {
    if (b.numberFormat.length !== rows || b.numberFormat.some((r) => r.length !== cols))
      out.push(`${where}: numberFormat shape differs from values`);
  }
  const nf = (r: number, c: number): string | undefined =>
    typeof b.numberFormat === "string" ? b.numberFormat : b.numberFormat?.[r]?.[c];
  if (b.formulas?.some((row, r) => row.some((f, c) => f !== null && nf(r, c) === "@")))
    out.push(`${where}: a formula in a cell formatted as text ("@") would not calculate`);
  return out;
}

/** Throws `InvalidSpecError` listing every problem; returns normally when the spec can be written. */
export function validateSpec(spec: WorkbookSpec): void {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const s of spec.sheets) {
    const p = sheetNameProblem(s.name);
    if (p) problems.push(p);
    if (seen.has(s.name.toLowerCase())) problems.push(`sheet "${s.name}" appears twice`);
    seen.add(s.name.toLowerCase());
    s.blocks.forEach((b, i) => problems.push(...blockProblems(s.name, i, b)));
    const refs: [string, string][] = [
      ...(s.validations ?? []).map((v): [string, string] => ["validation", v.ref]),
      ...(s.conditionalFormats ?? []).map((v): [string, string] => ["conditional format", v.ref]),
      ...(s.colorScales ?? []).map((v): [string, string] => ["colour scale", v.ref]),
      ...(s.notes ?? []).map((v): [string, string] => ["note", v.ref]),
      ...(s.charts ?? []).flatMap((c): [string, string][] => [
        ["chart categories", c.categories],
        ["chart anchor", c.anchor],
        ...c.series.map((x): [string, string] => ["chart series", x.ref]),
      ]),
    ];
    for (const [what, ref] of refs)
      if (!parseRect(ref)) problems.push(`${s.name}: ${what} ref "${ref}" is not an A1 range`);
    for (const v of s.validations ?? []) {
      if (typeof v.list !== "string") {
        if (v.list.length === 0) problems.push(`${s.name}: validation ${v.ref} has an empty list`);
        if (v.list.some((x) => x.includes(",")))
          problems.push(`${s.name}: validation ${v.ref} list items may not contain commas`);
        if (v.list.join(",").length > 255)
          problems.push(`${s.name}: validation ${v.ref} list longer than 255 characters`);
      } else if (!v.list.startsWith("="))
        problems.push(`${s.name}: validation ${v.ref} list formula must start with "="`);
    }
    for (const c of s.conditionalFormats ?? [])
      if (!c.formula.startsWith("="))
        problems.push(`${s.name}: conditional format ${c.ref} formula must start with "="`);
    for (const c of s.colorScales ?? [])
      if (!Number.isFinite(c.midValue))
        problems.push(`${s.name}: colour scale ${c.ref} midValue must be finite`);
    for (const c of s.charts ?? []) {
      if (c.series.length === 0) problems.push(`${s.name}: chart "${c.title}" has no series`);
      if (!(c.widthCols >= 1 && c.heightRows >= 1))
        problems.push(`${s.name}: chart "${c.title}" size must be ≥ 1×1 cells`);
    }
    if (s.tabColor !== undefined && !/^[0-9A-Fa-f]{6}$/.test(s.tabColor))
      problems.push(`${s.name}: tabColor "${s.tabColor}" must be 6 hex digits`);
    if (
      s.freeze &&
      !(
        Number.isInteger(s.freeze.rows) &&
        Number.isInteger(s.freeze.cols) &&
        s.freeze.rows >= 0 &&
        s.freeze.cols >= 0
      )
    )
      problems.push(`${s.name}: freeze must be non-negative integers`);
    if ((s.columnWidths ?? []).some((w) => !(w >= 0 && w <= 255)))
      problems.push(`${s.name}: column widths must be 0–255 characters`);
  }
  const names = new Set<string>();
  for (const n of spec.names) {
    const p = definedNameProblem(n.name);
    if (p) problems.push(p);
    if (names.has(n.name.toLowerCase())) problems.push(`name "${n.name}" appears twice`);
    names.add(n.name.toLowerCase());
    if ("ref" in n) {
      if (!parseRect(n.ref)) problems.push(`name "${n.name}": ref "${n.ref}" is not an A1 range`);
      const p2 = sheetNameProblem(n.sheet);
      if (p2) problems.push(`name "${n.name}": ${p2}`);
    } else if (typeof n.constant === "number" && !Number.isFinite(n.constant))
      problems.push(`name "${n.name}": constant must be finite`);
  }
  if (problems.length > 0) throw new InvalidSpecError(problems);
}
