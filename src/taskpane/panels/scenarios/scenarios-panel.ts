/**
 * The scenarios panel (som-method.md §9): save the current calculation as a named scenario, list, restore
 * (with confirmation), rename, delete; write the `Sammenligning` sheet and show "why did it move" for two
 * scenarios; edit actors and levels; split a kommune into departments with a distribution key.
 *
 * All work is done by the use cases in `src/app/scenarios.ts`, `compare.ts` and `departments.ts` (injected,
 * see `index.ts`); this file only renders and wires events. Scenario, actor and service names are untrusted
 * text and are only set through `textContent`.
 */
import type { CompareOptions, CompareWriteOutcome } from "../../../app/compare";
import type {
  ActorEdit,
  ActorsAndPrices,
  EditOutcome as DeptOutcome,
  SplitRequest,
} from "../../../app/departments";
import type {
  EditOutcome,
  RestoreOutcome,
  SaveOutcome,
  StoreState,
  Text as AppText,
} from "../../../app/scenarios";
import { DEPARTMENT_SUGGESTIONS } from "../../../engine/departments/split-prices";
import { DECOMPOSITION_FACTORS } from "../../../engine/decompose/mix-scenarios";
import type { InputIssue } from "../../../engine/types";
import { LEVELS } from "../../../engine/types";
import { formatKr, type Lang } from "../../../present/format";
import { LEVEL_LABELS } from "../../../workbook/names";
import { FACTOR_LABELS } from "../../../workbook/render/comparison-sheet";
import type { InputEditPort, WorkbookPort } from "../../../workbook/port";
import { clear, h } from "../../dom";
import { describeError } from "../../errors";
import { fill, same } from "../../i18n";
import type { Panel, PanelContext, Text } from "../../panel";
import { ST } from "./scenarios-text";

type Port = WorkbookPort & InputEditPort;
type Confirm = (q: AppText) => Promise<boolean>;

/** The use cases the panel calls (wired in `index.ts`; tests may pass others). */
export interface ScenariosUseCases {
  listScenarios(port: WorkbookPort): Promise<StoreState>;
  saveScenario(
    port: WorkbookPort,
    name: string,
    options: { now: Date; replace?: boolean },
  ): Promise<SaveOutcome>;
  restoreScenario(port: Port, id: number, confirm: Confirm): Promise<RestoreOutcome>;
  renameScenario(port: WorkbookPort, id: number, name: string): Promise<EditOutcome>;
  deleteScenario(port: WorkbookPort, id: number): Promise<EditOutcome>;
  compareWorkbook(
    port: WorkbookPort,
    options: CompareOptions,
    ctx: { now: Date; lang: Lang },
  ): Promise<CompareWriteOutcome>;
  readActorsAndPrices(
    port: WorkbookPort,
  ): Promise<{ ok: true; value: ActorsAndPrices } | { ok: false; issues: readonly InputIssue[] }>;
  editActors(port: Port, edits: readonly ActorEdit[], confirm: Confirm): Promise<DeptOutcome>;
  /** Splits the kommune and stores the key in the workbook (sheet Fordelingsnøgle, `SOM_Fordelingsnoegle`). */
  splitKommune(port: Port, request: SplitRequest, confirm: Confirm, lang: Lang): Promise<DeptOutcome>;
  /** Re-reads the key from the workbook and applies it (always after `confirm`). */
  applyStoredKey(port: Port, confirm: Confirm): Promise<DeptOutcome>;
}

export function createScenariosPanel(useCases: ScenariosUseCases): Panel {
  return {
    id: "scenarios",
    title: ST.tab,
    mount(root: HTMLElement, ctx: PanelContext) {
      const t = (text: Text): string => text[ctx.lang()];
      let store: StoreState = { ok: true, scenarios: [], problems: [], exists: false };
      const excluded = new Set<number>();
      let fromId: number | undefined;
      let toId: number | undefined;
      let renaming: number | undefined;
      let lastCompare: CompareWriteOutcome | undefined;
      let actors: { name: string; level: string; previousName?: string }[] = [];
      let services: string[] = [];
      let deptKommune = "";
      let deptText = DEPARTMENT_SUGGESTIONS.map((d) => d[ctx.lang()]).join("\n");
      let keyShares = new Map<string, number[]>();
      let busy = false;

      /** Runs a use case with the pane busy; issues go to the shell's list, errors to a notice. */
      const run = async (task: () => Promise<void>): Promise<void> => {
        if (busy) return;
        busy = true;
        render();
        try {
          await task();
        } catch (err) {
          ctx.notify("error", describeError(err));
        } finally {
          busy = false;
          render();
        }
      };
      const failed = (issues: readonly InputIssue[]): void => {
        ctx.showIssues(issues);
        const first = issues[0];
        if (first !== undefined) ctx.notify("error", first.message);
      };
      const refresh = async (): Promise<void> => {
        store = await useCases.listScenarios(ctx.workbook);
        if (!store.ok) failed(store.issues);
      };
      const loadActors = async (): Promise<void> => {
        const read = await useCases.readActorsAndPrices(ctx.workbook);
        if (!read.ok) return failed(read.issues);
        actors = read.value.actors.map((a) => ({ name: a.name, level: a.level, previousName: a.name }));
        services = read.value.services.map((s) => s.service);
        deptKommune = actors.find((a) => a.level === "Kommune")?.name ?? "";
      };

      // ───── sections ─────
      const saveSection = (): HTMLElement => {
        const name = h("input", { type: "text", id: "scenarios-name", maxlength: 80, autocomplete: "off" });
        const replace = h("input", { type: "checkbox", id: "scenarios-replace" });
        const btn = h(
          "button",
          { type: "button", class: "primary", id: "scenarios-save", disabled: busy },
          t(ST.save),
        );
        btn.addEventListener(
          "click",
          () =>
            void run(async () => {
              const out = await useCases.saveScenario(ctx.workbook, name.value, {
                now: ctx.now(),
                replace: replace.checked,
              });
              if (!out.ok) return failed(out.issues);
              ctx.showIssues([]);
              ctx.notify("success", fill(ST.saved, { name: out.scenario.name }));
              await refresh();
            }),
        );
        return h(
          "section",
          { id: "scenarios-save-section" },
          h("h2", {}, t(ST.saveTitle)),
          h("div", { class: "field" }, h("label", { for: "scenarios-name" }, t(ST.nameLabel)), " ", name),
          h(
            "div",
            { class: "field" },
            h("label", { class: "check", for: "scenarios-replace" }, replace, h("span", {}, t(ST.replace))),
          ),
          h("div", { class: "actions" }, btn),
        );
      };

      const listSection = (): HTMLElement => {
        const section = h("section", { id: "scenarios-list-section" }, h("h2", {}, t(ST.listTitle)));
        const list = store.ok ? store.scenarios : [];
        if (list.length === 0) {
          section.append(h("p", { class: "hint" }, t(ST.none)));
          return section;
        }
        const ul = h("ul", { class: "scenario-list", id: "scenarios-list" });
        for (const s of list) {
          const id = `scenarios-include-${s.id}`;
          const box = h("input", { type: "checkbox", id, checked: !excluded.has(s.id) });
          box.addEventListener("change", () => {
            if (box.checked) excluded.delete(s.id);
            else excluded.add(s.id);
          });
          const net = s.figures.find((f) => f.scope === "total" && f.field === "netTotal")?.value;
          const restore = h(
            "button",
            { type: "button", class: "secondary", disabled: busy, "data-id": s.id },
            t(ST.restore),
          );
          restore.addEventListener(
            "click",
            () =>
              void run(async () => {
                const out = await useCases.restoreScenario(ctx.workbook, s.id, (q) => ctx.confirm(q));
                if (!out.ok) return failed(out.issues);
                if (out.status === "cancelled") return;
                const skipped = out.plan.skipped.map((x) => x.reason[ctx.lang()]).join(" ");
                if (out.status === "already-current")
                  ctx.notify("info", fill(ST.alreadyCurrent, { name: s.name }));
                else {
                  ctx.workbookChanged("inputs");
                  ctx.notify("success", fill(ST.restored, { name: s.name }));
                }
                if (skipped !== "") ctx.notify("info", fill(ST.skippedNames, { list: skipped }));
              }),
          );
          const rename = h("button", { type: "button", class: "secondary", disabled: busy }, t(ST.rename));
          rename.addEventListener("click", () => {
            renaming = s.id;
            render();
          });
          const del = h("button", { type: "button", class: "secondary", disabled: busy }, t(ST.remove));
          del.addEventListener(
            "click",
            () =>
              void run(async () => {
                if (!(await ctx.confirm(fill(ST.confirmDelete, { name: s.name })))) return;
                const out = await useCases.deleteScenario(ctx.workbook, s.id);
                if (!out.ok) return failed(out.issues);
                await refresh();
              }),
          );
          const li = h(
            "li",
            { class: "scenario", "data-id": s.id },
            h("label", { class: "check", for: id }, box, h("span", { class: "scenario-name" }, s.name)),
            h(
              "p",
              { class: "hint" },
              `${t(fill(ST.savedAt, { when: s.savedAt.slice(0, 16).replace("T", " ") }))} · ${typeof net === "number" ? t(fill(ST.net, { kr: formatKr(net, ctx.lang()) })) : ""}`,
            ),
          );
          if (renaming === s.id) {
            const input = h("input", {
              type: "text",
              value: s.name,
              maxlength: 80,
              "aria-label": t(ST.rename),
            });
            const ok = h("button", { type: "button", class: "primary" }, t(ST.ok));
            ok.addEventListener(
              "click",
              () =>
                void run(async () => {
                  const out = await useCases.renameScenario(ctx.workbook, s.id, input.value);
                  if (!out.ok) return failed(out.issues);
                  renaming = undefined;
                  await refresh();
                }),
            );
            li.append(h("div", { class: "actions" }, input, ok));
          } else li.append(h("div", { class: "actions" }, restore, rename, del));
          ul.append(li);
        }
        section.append(ul);
        return section;
      };

      const compareSection = (): HTMLElement => {
        const list = store.ok ? store.scenarios : [];
        const section = h("section", { id: "scenarios-compare-section" }, h("h2", {}, t(ST.compareTitle)));
        if (list.length === 0) return section;
        const select = (
          id: string,
          label: Text,
          current: number | undefined,
          fallback: number,
          set: (v: number) => void,
        ): HTMLElement => {
          const sel = h("select", { id });
          list.forEach((s, i) =>
            sel.append(
              h(
                "option",
                {
                  value: s.id,
                  selected:
                    (current ?? list[fallback]?.id) === s.id || (current === undefined && i === fallback),
                },
                s.name,
              ),
            ),
          );
          sel.addEventListener("change", () => set(Number(sel.value)));
          return h("div", { class: "field" }, h("label", { for: id }, t(label)), " ", sel);
        };
        const btn = h(
          "button",
          { type: "button", class: "primary", id: "scenarios-compare", disabled: busy },
          t(ST.compare),
        );
        btn.addEventListener(
          "click",
          () =>
            void run(async () => {
              const select = list.filter((s) => !excluded.has(s.id)).map((s) => s.id);
              const from = fromId ?? list[0]?.id;
              const to = toId ?? list[1]?.id;
              const options: CompareOptions = {
                select,
                ...(from === undefined ? {} : { from }),
                ...(to === undefined ? {} : { to }),
              };
              const out = await useCases.compareWorkbook(ctx.workbook, options, {
                now: ctx.now(),
                lang: ctx.lang(),
              });
              lastCompare = out;
              if (!out.ok) return failed(out.issues);
              ctx.showIssues([]);
              ctx.workbookChanged("results");
              ctx.notify("success", ST.compared);
            }),
        );
        section.append(
          select("scenarios-from", ST.from, fromId, 0, (v) => (fromId = v)),
          select("scenarios-to", ST.to, toId, 1, (v) => (toId = v)),
          h("div", { class: "actions" }, btn),
        );
        if (lastCompare?.ok === true && lastCompare.model.decomposition !== null) {
          const d = lastCompare.model.decomposition;
          section.append(h("h3", {}, t(ST.whyTitle)), h("p", { class: "hint" }, `${d.from} → ${d.to}`));
          if (!d.outcome.ok)
            section.append(
              h(
                "p",
                { class: "banner warning" },
                t(d.outcome.reason === "different-perspective" ? ST.refusedPerspective : ST.refused),
              ),
            );
          else {
            const fig = d.outcome.value.total.netTotal;
            const dl = h("dl", { class: "kf-grid", id: "scenarios-why" });
            for (const f of DECOMPOSITION_FACTORS)
              dl.append(
                h("dt", {}, t(FACTOR_LABELS[f])),
                h("dd", {}, formatKr(fig.contributions[f], ctx.lang())),
              );
            dl.append(h("dt", {}, t(ST.difference)), h("dd", {}, formatKr(fig.difference, ctx.lang())));
            section.append(dl, h("p", { class: "hint" }, t(ST.method)));
          }
        }
        return section;
      };

      const levelSelect = (
        value: string,
        onChange: (v: string) => void,
        label: string,
      ): HTMLSelectElement => {
        const sel = h("select", { "aria-label": label });
        for (const l of LEVELS)
          sel.append(
            h(
              "option",
              { value: l, selected: l === value },
              LEVEL_LABELS.find((x) => x.level === l)?.[ctx.lang()] ?? l,
            ),
          );
        sel.addEventListener("change", () => onChange(sel.value));
        return sel;
      };

      const actorsSection = (): HTMLElement => {
        const section = h("section", { id: "scenarios-actors-section" }, h("h2", {}, t(ST.actorsTitle)));
        const load = h(
          "button",
          { type: "button", class: "secondary", id: "scenarios-load-actors", disabled: busy },
          t(ST.load),
        );
        load.addEventListener("click", () => void run(loadActors));
        section.append(h("div", { class: "actions" }, load));
        if (actors.length === 0) return section;
        const ul = h("ul", { class: "actor-list", id: "scenarios-actors" });
        actors.forEach((a) => {
          const name = h("input", { type: "text", value: a.name, "aria-label": t(ST.actorName) });
          name.addEventListener("input", () => (a.name = name.value));
          ul.append(
            h(
              "li",
              {},
              name,
              levelSelect(a.level, (v) => (a.level = v), t(ST.level)),
            ),
          );
        });
        const add = h("button", { type: "button", class: "secondary", disabled: busy }, t(ST.addActor));
        add.addEventListener("click", () => {
          actors.push({ name: "", level: "Kommune" });
          render();
        });
        const save = h(
          "button",
          { type: "button", class: "primary", id: "scenarios-save-actors", disabled: busy },
          t(ST.saveActors),
        );
        save.addEventListener(
          "click",
          () =>
            void run(async () => {
              const edits: ActorEdit[] = actors.map((a) =>
                a.previousName === undefined
                  ? { name: a.name, level: a.level }
                  : { name: a.name, level: a.level, previousName: a.previousName },
              );
              const out = await useCases.editActors(ctx.workbook, edits, (q) => ctx.confirm(q));
              if (!out.ok) return failed(out.issues);
              if (out.status === "cancelled") return;
              ctx.workbookChanged("inputs");
              ctx.notify("success", ST.actorsSaved);
              await loadActors();
            }),
        );
        section.append(ul, h("div", { class: "actions" }, add, save), departmentsSection());
        return section;
      };

      const departmentsSection = (): HTMLElement => {
        const section = h(
          "section",
          { id: "scenarios-departments" },
          h("h3", {}, t(ST.deptTitle)),
          h("p", { class: "hint" }, t(ST.deptIntro)),
        );
        const kommuner = actors.filter((a) => a.level === "Kommune" && a.previousName !== undefined);
        if (kommuner.length === 0) {
          section.append(h("p", { class: "hint" }, t(ST.noKommune)));
          return section;
        }
        const sel = h("select", { id: "scenarios-kommune" });
        for (const k of kommuner)
          sel.append(h("option", { value: k.name, selected: k.name === deptKommune }, k.name));
        sel.addEventListener("change", () => (deptKommune = sel.value));
        const area = h("textarea", { id: "scenarios-departments-list", rows: 5 });
        area.value = deptText;
        area.addEventListener("input", () => (deptText = area.value));
        const departments = (): string[] =>
          deptText
            .split("\n")
            .map((x) => x.trim())
            .filter((x) => x !== "");
        const make = h("button", { type: "button", class: "secondary", disabled: busy }, t(ST.makeKey));
        make.addEventListener("click", () => {
          const n = departments().length;
          keyShares = new Map(
            services.map(
              (s) => [s, Array.from({ length: n }, (_, i) => keyShares.get(s)?.[i] ?? 0)] as const,
            ),
          );
          render();
        });
        // The key also lives in the workbook (sheet Fordelingsnøgle): re-read and apply it after edits there.
        const applyKey = h(
          "button",
          { type: "button", class: "secondary", id: "scenarios-apply-key", disabled: busy },
          t(ST.applyKey),
        );
        applyKey.addEventListener(
          "click",
          () =>
            void run(async () => {
              const out = await useCases.applyStoredKey(ctx.workbook, (q) => ctx.confirm(q));
              if (!out.ok) return failed(out.issues);
              if (out.status === "cancelled") return;
              ctx.workbookChanged("inputs");
              ctx.notify("success", ST.keyApplied);
              if (out.undistributed.length > 0)
                ctx.notify("info", fill(ST.undistributed, { list: out.undistributed.join(", ") }));
              await loadActors();
            }),
        );
        section.append(
          h("div", { class: "field" }, h("label", { for: "scenarios-kommune" }, t(ST.kommune)), " ", sel),
          h("div", { class: "field" }, h("label", { for: "scenarios-departments-list" }, t(ST.departments))),
          area,
          h("div", { class: "actions" }, make, applyKey),
          h("p", { class: "hint" }, t(ST.keyHint)),
        );
        if (keyShares.size > 0) {
          const names = departments();
          const table = h("table", { id: "scenarios-key" });
          table.append(h("tr", {}, h("th", {}, t(ST.service)), ...names.map((d) => h("th", {}, d))));
          for (const [service, shares] of keyShares) {
            const row = h("tr", {}, h("th", {}, service));
            names.forEach((d, i) => {
              const input = h("input", {
                type: "number",
                min: 0,
                max: 100,
                step: 1,
                value: Math.round((shares[i] ?? 0) * 1000) / 10,
                "aria-label": `${service} – ${d} (%)`,
              });
              input.addEventListener("input", () => (shares[i] = Number(input.value) / 100));
              row.append(h("td", {}, input));
            });
            table.append(row);
          }
          const split = h(
            "button",
            { type: "button", class: "primary", id: "scenarios-split", disabled: busy },
            t(ST.split),
          );
          split.addEventListener(
            "click",
            () =>
              void run(async () => {
                const request: SplitRequest = {
                  kommune: deptKommune,
                  departments: names,
                  keys: [...keyShares].map(([service, shares]) => ({
                    service,
                    shares: names.map((_, i) => shares[i] ?? 0),
                  })),
                };
                const out = await useCases.splitKommune(
                  ctx.workbook,
                  request,
                  (q) => ctx.confirm(q),
                  ctx.lang(),
                );
                if (!out.ok) return failed(out.issues);
                if (out.status === "cancelled") return;
                ctx.workbookChanged("inputs");
                ctx.notify("success", ST.splitDone);
                if (out.undistributed.length > 0)
                  ctx.notify("info", fill(ST.undistributed, { list: out.undistributed.join(", ") }));
                keyShares = new Map();
                await loadActors();
              }),
          );
          section.append(table, h("div", { class: "actions" }, split));
        }
        return section;
      };

      const render = (): void => {
        clear(root);
        root.append(
          h("p", { class: "intro" }, t(ST.intro)),
          saveSection(),
          listSection(),
          compareSection(),
          actorsSection(),
        );
        for (const p of store.ok ? store.problems : [])
          root.append(h("p", { class: "hint" }, t(same(p[ctx.lang()]))));
      };

      render();
      void run(refresh);
      const offLang = ctx.onLangChange(() => render());
      return () => offLang();
    },
  };
}
