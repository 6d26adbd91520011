/**
 * Formula evaluation for fake-Excel hosts that run the template (the stub host, the office.js flows test):
 * what the fake evaluates by default (constants, single-cell references), plus the one function formula the
 * template writes — the sensitivity defaults on `Følsomhed`,
 * `=MIN(1,MAX(0,k*INDEX(SOM_Effekter,2,MATCH("Succesrate",INDEX(SOM_Effekter,1,0),0))))` — computed as Excel
 * would, so a pasted example does not read as "row filled but Lav is empty". Anything else is null.
 */
import { parseAddress, quoteSheet } from "../../../src/excel/a1";
import type { CellValue } from "../../../src/workbook/sheet-model";
import { findSheet, type FakeSheet, type FakeWorkbookModel } from "../../support/fake-excel";
import { cellKey } from "../../support/fake-excel/model";

const TEMPLATE_RATE =
  /^=MIN\(1,MAX\(0,(\d+(?:\.\d+)?)\*INDEX\((\w+),2,MATCH\("([^"]+)",INDEX\(\2,1,0\),0\)\)\)\)$/;
export function evaluateTemplateFormula(
  formula: string,
  sheet: FakeSheet,
  model: FakeWorkbookModel,
): CellValue {
  const body = formula.slice(1).trim();
  if (/^-?\d+(\.\d+)?$/.test(body)) return Number(body);
  if (/^"(?:[^"]|"")*"$/.test(body)) return body.slice(1, -1).replace(/""/g, '"');
  const rate = TEMPLATE_RATE.exec(formula.replace(/\s+/g, ""));
  if (rate) {
    const [, k, name, header] = rate as unknown as [string, string, string, string];
    const ref = model.names.get(name.toLowerCase())?.formula;
    const at = ref ? parseAddress(ref.replace(/^=/, "")) : undefined;
    const s = at ? findSheet(model, at.sheet) : undefined;
    if (!at || !s) return null;
    const value = (r: number, c: number): CellValue => s.cells.get(cellKey(r, c))?.value ?? null;
    for (let c = at.rect.col; c < at.rect.col + at.rect.cols; c++)
      if (value(at.rect.row, c) === header) {
        const v = value(at.rect.row + 1, c);
        return typeof v === "number" ? Math.min(1, Math.max(0, Number(k) * v)) : null;
      }
    return null;
  }
  const addr = parseAddress(body.includes("!") ? body : `${quoteSheet(sheet.name)}!${body}`);
  if (addr && addr.rect.rows === 1 && addr.rect.cols === 1)
    return findSheet(model, addr.sheet)?.cells.get(cellKey(addr.rect.row, addr.rect.col))?.value ?? 0;
  return null;
}
