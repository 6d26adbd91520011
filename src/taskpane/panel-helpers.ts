/**
 * Small helpers the feature panels share (panel layer; no Office.js): texts that follow the UI language, and
 * the cancellable run behind a panel's primary button (one run at a time, progress bar with Cancel, the
 * outcome told through `notify` / `showIssues`).
 */
import type { InputIssue } from "../engine/types";
import type { Lang } from "../present/format";
import { describeError } from "./errors";
import { fill, tr } from "./i18n";
import type { PanelContext, Text } from "./panel";

/** Elements whose text is a `Text` in both languages; `relabel` sets them all to a language. */
export interface TextBinder {
  /** Sets `el`'s text in the current language and keeps it for `relabel`; returns `el`. */
  readonly bind: <E extends Element>(el: E, text: Text) => E;
  readonly relabel: (lang: Lang) => void;
}

export function textBinder(ctx: Pick<PanelContext, "lang">): TextBinder {
  const bound: { el: Element; text: Text }[] = [];
  return {
    bind: <E extends Element>(el: E, text: Text): E => {
      bound.push({ el, text });
      el.textContent = tr(text, ctx.lang());
      return el;
    },
    relabel: (lang: Lang): void => {
      for (const b of bound) b.el.textContent = tr(b.text, lang);
    },
  };
}

/** What a cancellable task returns: cancelled, input issues, or the success value `R` (with `ok: true`). */
export type RunOutcome<R> =
  | { readonly ok: "cancelled" }
  | { readonly ok: false; readonly issues: readonly InputIssue[] }
  | (R & { readonly ok: true });

/** One click's run: the task for `ctx.progress.run` and what to do with its successful outcome. */
export interface RunStart<R> {
  task(report: (done: number, total: number) => void, signal: AbortSignal): Promise<RunOutcome<R>>;
  succeeded(outcome: R & { readonly ok: true }): Promise<void> | void;
}

export interface CancellableRun<R> {
  readonly button: HTMLButtonElement;
  /** The progress bar's label. */
  readonly progressLabel: Text;
  /** Notice for a cancelled run. */
  readonly cancelled: Text;
  /** Error notice for input issues; `{count}` is the number of issues. */
  readonly issues: Text;
  /** `name` of the error the computation throws when cancelled (told as `cancelled`, not as an error). */
  readonly cancelErrorName: string;
  /** True once the panel is unmounted: an outcome arriving later is dropped. */
  readonly disposed: () => boolean;
  /** Also drop a thrown error once disposed (true for the Usikkerhed section, false for Følsomhed). */
  readonly quietErrorsOnceDisposed: boolean;
  /** Called on each click, inside the busy guard (read the options here). */
  start(): RunStart<R>;
}

/**
 * Wires `button` to a cancellable run: ignored while one runs; the button is disabled and `aria-busy` meanwhile;
 * the task runs under the shell's progress bar with Cancel; a cancelled run (outcome or the named error) gives
 * an info notice, input issues go to the issue list with an error notice, any other error is described.
 * Returns the run (what a click does).
 */
export function cancellableRun<R>(ctx: PanelContext, run: CancellableRun<R>): () => Promise<void> {
  const { button } = run;
  let busy = false;
  const go = async (): Promise<void> => {
    if (busy) return;
    busy = true;
    button.disabled = true;
    button.setAttribute("aria-busy", "true");
    try {
      const started = run.start();
      const outcome = await ctx.progress.run(
        run.progressLabel,
        (report, signal) => started.task(report, signal),
        {
          cancellable: true,
        },
      );
      if (run.disposed()) return;
      if (outcome.ok === "cancelled") {
        ctx.notify("info", run.cancelled);
        return;
      }
      if (!outcome.ok) {
        ctx.showIssues(outcome.issues);
        ctx.notify("error", fill(run.issues, { count: outcome.issues.length }));
        return;
      }
      await started.succeeded(outcome);
    } catch (err) {
      if (run.quietErrorsOnceDisposed && run.disposed()) return;
      if (err instanceof Error && err.name === run.cancelErrorName) ctx.notify("info", run.cancelled);
      else ctx.notify("error", describeError(err));
    } finally {
      busy = false;
      button.disabled = false;
      button.setAttribute("aria-busy", "false");
    }
  };
  button.addEventListener("click", () => void go());
  return go;
}
