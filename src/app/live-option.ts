/**
 * Use case for the task pane's checkbox «Levende resultater» (som-method.md §12): read and set the workbook option
 * `SOM_LevendeResultater` (`Ja`/`Nej` on Indstillinger; `Ja` in new workbooks). Setting it is an explicit user
 * action that writes the option's one cell — nothing else — with the label in the cell's language (`Yes`/`No` when
 * the cell holds an English label, else `Ja`/`Nej`, so the template's drop-down stays valid). The option is not a
 * calculation input (not in the input snapshot): changing it never makes results stale.
 *
 * A workbook without the name (made before the option existed) has the option off; the pane then keeps the
 * choice for the session and passes it to Beregn (`calculateWorkbook(…, { live })`) instead of writing anything.
 */
import type { Lang } from "../present/format";
import { LIVE_OPTION_NAME, YES_NO_LABELS } from "../workbook/names";
import type { InputEditPort, WorkbookPort } from "../workbook/port";
import { liveOptionOn } from "./calculate-workbook";

export type LiveOptionState =
  /** The workbook has the option in a cell: `on` is what Beregn will do; the pane may set it. */
  | {
      readonly present: true;
      readonly on: boolean;
      readonly sheet: string;
      /** 0-based position of the option's cell (the name's first cell). */
      readonly row: number;
      readonly col: number;
      /** The language of the label in the cell (`Yes`/`No` → en; anything else → da). */
      readonly labelLang: Lang;
    }
  /** No such name (or not a cell): off unless the caller passes `live` to Beregn. */
  | { readonly present: false; readonly on: false };

/** Reads the option (one `readNames`). */
export async function readLiveOption(port: WorkbookPort): Promise<LiveOptionState> {
  const named = await port.readNames([LIVE_OPTION_NAME]);
  const v = named.get(LIVE_OPTION_NAME.toLowerCase());
  if (v?.kind !== "range") return { present: false, on: false };
  const x = v.values[0]?.[0];
  const text = typeof x === "string" ? x.trim().toLowerCase() : "";
  const english = YES_NO_LABELS.some((l) => l.en.toLowerCase() === text);
  return {
    present: true,
    on: liveOptionOn(named),
    sheet: v.sheet,
    row: v.row,
    col: v.col,
    labelLang: english ? "en" : "da",
  };
}

/**
 * Sets the option to `on` by writing `Ja`/`Nej` (or `Yes`/`No`) into its cell. Returns the state after the write;
 * a workbook without the option is left untouched (`present: false`).
 */
export async function setLiveOption(
  port: WorkbookPort & InputEditPort,
  on: boolean,
): Promise<LiveOptionState> {
  const state = await readLiveOption(port);
  if (!state.present) return state;
  const label = YES_NO_LABELS.find((l) => l.value === on);
  if (label === undefined) return state;
  if (state.on !== on) await port.writeCells(state.sheet, state.row, state.col, [[label[state.labelLang]]]);
  return { ...state, on };
}
