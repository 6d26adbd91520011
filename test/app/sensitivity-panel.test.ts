/**
 * The Følsomhed panel's behaviour in Node, over a minimal fake DOM (the panel only creates elements, sets
 * text and attributes, and listens for clicks) and a fake shell context, with the real use cases over the
 * in-memory template workbook (golden three-actor scenario, 11 × 11 grid on the template's Følsomhed sheet).
 * Pins the panel contract: progress per grid row in a cancellable `progress.run`, a yield to the UI between
 * rows, issues to the shared list, cancel writes nothing, success writes and announces the results.
 */
import { computeSensitivity, prepareSensitivity, writeSensitivity } from "../../src/app/sensitivity-workbook";
import type { InputIssue } from "../../src/engine/types";
import type { PanelContext, ProgressOptions, Text } from "../../src/taskpane/panel";
import { createSensitivityPanel, type SensitivityUseCases } from "../../src/taskpane/panels/sensitivity";
import { buildTemplateSpec } from "../../src/workbook/layout/build-template-spec";
import { MemoryWorkbook } from "../../src/workbook/memory-workbook";
import { RESULT_SHEETS } from "../../src/workbook/names";
import { THREE_ACTORS } from "../golden/fixture-data";

// ───────── a minimal DOM: elements, text nodes, attributes, click listeners ─────────
class FakeNode {
  parent: FakeElement | null = null;
  constructor(readonly data: string = "") {}
  get text(): string {
    return this.data;
  }
}
class FakeElement extends FakeNode {
  readonly kids: FakeNode[] = [];
  readonly attrs = new Map<string, string>();
  readonly listeners = new Map<string, (() => void)[]>();
  constructor(readonly tag: string) {
    super();
  }
  override get text(): string {
    return this.kids.map((k) => k.text).join("");
  }
  get textContent(): string {
    return this.text;
  }
  set textContent(t: string) {
    this.kids.length = 0;
    this.append(new FakeNode(t));
  }
  /** `hidden` and `disabled` reflect their attributes, as in the DOM. */
  get hidden(): boolean {
    return this.attrs.has("hidden");
  }
  set hidden(b: boolean) {
    if (b) this.attrs.set("hidden", "");
    else this.attrs.delete("hidden");
  }
  get disabled(): boolean {
    return this.attrs.has("disabled");
  }
  set disabled(b: boolean) {
    if (b) this.attrs.set("disabled", "");
    else this.attrs.delete("disabled");
  }
  get firstChild(): FakeNode | null {
    return this.kids[0] ?? null;
  }
  append(...nodes: (FakeNode | string)[]): void {
    for (const n of nodes) {
      const node = typeof n === "string" ? new FakeNode(n) : n;
      node.parent = this;
      this.kids.push(node);
    }
  }
  removeChild(n: FakeNode): void {
    this.kids.splice(this.kids.indexOf(n), 1);
  }
  setAttribute(k: string, v: string): void {
    this.attrs.set(k, v);
  }
  getAttribute(k: string): string | null {
    return this.attrs.get(k) ?? null;
  }
  removeAttribute(k: string): void {
    this.attrs.delete(k);
  }
  addEventListener(type: string, fn: () => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), fn]);
  }
  click(): void {
    for (const fn of this.listeners.get("click") ?? []) fn();
  }
  find(pred: (e: FakeElement) => boolean): FakeElement[] {
    const out: FakeElement[] = [];
    const walk = (e: FakeElement): void => {
      if (pred(e)) out.push(e);
      for (const k of e.kids) if (k instanceof FakeElement) walk(k);
    };
    walk(this);
    return out;
  }
  byId(id: string): FakeElement {
    const e = this.find((x) => x.attrs.get("id") === id)[0];
    if (e === undefined) throw new Error(`no #${id}`);
    return e;
  }
}
const fakeDocument = {
  createElement: (tag: string) => new FakeElement(tag),
  createElementNS: (_ns: string, tag: string) => new FakeElement(tag),
  createTextNode: (t: string) => new FakeNode(t),
};

// ───────── a fake shell ─────────
interface Shell {
  readonly ctx: PanelContext;
  readonly notes: { kind: string; text: Text }[];
  readonly issues: (readonly InputIssue[])[];
  readonly reports: [number, number][];
  readonly runs: { label: Text; options: ProgressOptions | undefined }[];
  readonly changed: string[];
  yields: number;
  /** Resolves at the next notify. */
  nextNote(): Promise<{ kind: string; text: Text }>;
  controller: AbortController | undefined;
}

function fakeShell(workbook: MemoryWorkbook, onReport?: (done: number, shell: Shell) => void): Shell {
  let waiting: ((n: { kind: string; text: Text }) => void) | undefined;
  const shell: Shell = {
    notes: [],
    issues: [],
    reports: [],
    runs: [],
    changed: [],
    yields: 0,
    controller: undefined,
    nextNote: () => new Promise((resolve) => (waiting = resolve)),
    ctx: {
      workbook,
      lang: () => "da",
      onLangChange: () => () => undefined,
      progress: {
        run: async (label, task, options) => {
          shell.runs.push({ label, options });
          shell.controller = new AbortController();
          return task((done, total) => {
            shell.reports.push([done, total]);
            onReport?.(done, shell);
          }, shell.controller.signal);
        },
      },
      showIssues: (issues) => void shell.issues.push(issues),
      notify: (kind, text) => {
        shell.notes.push({ kind, text });
        waiting?.({ kind, text });
      },
      confirm: async () => true,
      now: () => new Date(Date.UTC(2026, 10, 23, 19, 30)),
      yieldToUi: async () => {
        shell.yields++;
      },
      host: "browser",
      onInputsChanged: () => () => undefined,
      automatic: (work) => work(),
      workbookChanged: (what) => void shell.changed.push(what),
      onWorkbookChanged: () => () => undefined,
    },
  };
  return shell;
}

const realUseCases: SensitivityUseCases = { prepareSensitivity, computeSensitivity, writeSensitivity };
const workbook = (): MemoryWorkbook =>
  MemoryWorkbook.fromSpec(buildTemplateSpec({ lang: "da", data: THREE_ACTORS }));

function mount(shell: Shell): FakeElement {
  const root = new FakeElement("div");
  createSensitivityPanel(realUseCases).mount(root as unknown as HTMLElement, shell.ctx);
  return root;
}

const saved = (globalThis as { document?: unknown }).document;
beforeAll(() => {
  (globalThis as { document?: unknown }).document = fakeDocument;
});
afterAll(() => {
  (globalThis as { document?: unknown }).document = saved;
});

describe("the Følsomhed panel", () => {
  it("computes in a cancellable progress run, reporting and yielding after every grid row, then writes and shows the results", async () => {
    const wb = workbook();
    const shell = fakeShell(wb);
    const root = mount(shell);
    const note = shell.nextNote();
    root.byId("som-sensitivity-run").click();
    expect((await note).kind).toBe("success");
    expect(shell.runs).toHaveLength(1);
    expect(shell.runs[0]?.options).toEqual({ cancellable: true });
    expect(shell.reports).toEqual(Array.from({ length: 11 }, (_, i) => [i + 1, 11]));
    expect(shell.yields).toBe(11);
    expect(wb.writeSheetsCalls).toBe(1);
    expect((await wb.listSheets()).map((s) => s.name)).toContain(RESULT_SHEETS.sensitivity);
    expect(shell.changed).toEqual(["results"]);
    // Six tornado cards (the template's six parameters), largest swing first: Succesrate 12,5 % … 37,5 %.
    const cards = root.byId("som-tornado-list").find((e) => e.tag === "li");
    expect(cards).toHaveLength(6);
    expect(cards[0]?.text).toContain("Succesrate");
    expect(cards[0]?.text).toContain("12,5 % → 911.500 kr.");
    // Break-even cards per actor and total; Kommune: r* = 490.000 / 7.200.000 = 6,8 %.
    const be = root.byId("som-breakeven-list").find((e) => e.tag === "li");
    expect(be.map((e) => e.getAttribute("data-actor"))).toEqual(["Kommune", "Region", "Stat", ""]);
    expect(be[0]?.text).toContain("6,8 %");
    expect(root.byId("som-sensitivity-run").disabled).toBe(false);
  });

  it("shows input issues in the shared list and writes nothing", async () => {
    const wb = workbook();
    const target = wb.nameTarget("SOM_Grid_Resultat");
    if (target === undefined || !("ref" in target)) throw new Error("no SOM_Grid_Resultat");
    wb.setCell(target.sheet, target.ref, "Overskud");
    const shell = fakeShell(wb);
    const root = mount(shell);
    const note = shell.nextNote();
    root.byId("som-sensitivity-run").click();
    expect((await note).kind).toBe("error");
    expect(shell.issues.at(-1)?.map((i) => i.code)).toEqual(["sensitivity-unknown-result"]);
    expect(wb.writeSheetsCalls).toBe(0);
    expect(root.byId("som-sensitivity-results").hidden).toBe(true);
  });

  it("stops when the user cancels mid-grid: nothing is written and the user is told", async () => {
    const wb = workbook();
    const shell = fakeShell(wb, (done, s) => (done === 4 ? s.controller?.abort() : undefined));
    const root = mount(shell);
    const note = shell.nextNote();
    root.byId("som-sensitivity-run").click();
    const n = await note;
    expect(n.kind).toBe("info");
    expect(n.text.da).toContain("afbrudt");
    expect(shell.reports).toHaveLength(4);
    expect(wb.writeSheetsCalls).toBe(0);
    expect(shell.changed).toEqual([]);
  });
});
