/**
 * One read per user action. A run reads the ownership names, the scenario and the sheet list, checks, renders
 * and writes; each of those steps used to ask the workbook again (Beregn: 11 round trips, ownership checked
 * twice). `readOnce(port, names)` reads the sheet list and every name a run needs in one `readWorkbook` (2
 * round trips with Office.js) and returns a port that answers `listSheets` and `readNames` of those names from
 * that read. Names outside the read, and everything after a write, go to the workbook as usual.
 */
import type { NamedValue, SheetInfo, WorkbookPort, WorkbookState } from "../workbook/port";

const lower = (s: string): string => s.toLowerCase();

/** `port.readWorkbook(names)`, or `listSheets` + `readNames` on ports without it. */
export async function readWorkbook(port: WorkbookPort, names: readonly string[]): Promise<WorkbookState> {
  if (port.readWorkbook) return port.readWorkbook(names);
  const sheets = await port.listSheets();
  return { sheets, named: await port.readNames(names) };
}

/** A port over `port` whose reads of `names` and of the sheet list are served from one read. */
export async function readOnce(port: WorkbookPort, names: readonly string[]): Promise<WorkbookPort> {
  let state: { sheets: readonly SheetInfo[]; named: ReadonlyMap<string, NamedValue> } | undefined =
    await readWorkbook(port, names);
  const read = new Set(names.map(lower));
  return {
    listSheets: async () => state?.sheets ?? port.listSheets(),
    readNames: async (wanted) => {
      const cached = state;
      if (!cached || !wanted.every((n) => read.has(lower(n)))) return port.readNames(wanted);
      const out = new Map<string, NamedValue>();
      for (const n of wanted) {
        const v = cached.named.get(lower(n));
        if (v !== undefined) out.set(lower(n), v);
      }
      return out;
    },
    writeSheets: async (spec) => {
      state = undefined; // what was read is no longer the workbook
      await port.writeSheets(spec);
    },
  };
}
