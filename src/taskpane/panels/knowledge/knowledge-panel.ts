/**
 * The knowledge panel (vidensdatabase, som-method.md §8): browse and search the starter base, the workbook's
 * own knowledge sheet (`SOM_Viden`) and imported knowledge files; see each record's source, year and
 * confidence, and what is missing; insert the selected records into the calculation (`SOM_Priser`,
 * `SOM_Konsekvenser`, `SOM_Effekter`); import a knowledge file (JSON, or .xlsx with a `SOM_Viden` sheet as
 * written by `som knowledge export --out fil.xlsx`), save it into the workbook's sheet, and
 * export the own knowledge as JSON.
 *
 * All work is done by the use cases in `src/app/knowledge-*.ts`; this file only renders and wires events.
 * Text from records is untrusted (it may come from an emailed file) and is only set through `textContent`.
 */
import type { InsertReport } from "../../../app/knowledge-insert";
import type { LevelShares } from "../../../app/knowledge-rates";
import type { KnowledgeEntry, SaveReport, WorkbookKnowledge } from "../../../app/knowledge-library";
import { figureText } from "../../../knowledge/figure-text";
import { knowledgeToJson } from "../../../knowledge/knowledge-json";
import { searchKnowledge, targetGroupsIn } from "../../../knowledge/search-knowledge";
import type {
  KnowledgeBase,
  KnowledgeRecord,
  ParameterRecord,
  PriceRecord,
  RecordKind,
} from "../../../knowledge/types";
import type { KnowledgeValidation } from "../../../knowledge/validate-knowledge";
import type { Lang } from "../../../present/format";
import type { InputEditPort, WorkbookPort } from "../../../workbook/port";
import { clear, h } from "../../dom";
import { describeError } from "../../errors";
import type { Panel, PanelContext, Text } from "../../panel";
import { splitForm } from "./knowledge-split-form";
import { KT, figureKindText, kindText, originText } from "./knowledge-text";

/** The use cases the panel calls (wired in `index.ts`; tests may pass others). */
export interface KnowledgeUseCases {
  starterKnowledge(): KnowledgeBase;
  readWorkbookKnowledge(port: WorkbookPort): Promise<WorkbookKnowledge>;
  insertKnowledge(
    port: WorkbookPort & InputEditPort,
    records: readonly KnowledgeRecord[],
    options: {
      readonly lang: Lang;
      readonly confirm: (q: Text) => Promise<boolean>;
      /** The user's split of a rate, by record id (from the split form). */
      readonly splits?: ReadonlyMap<string, LevelShares>;
      /** Every record the user can browse, to tell which target group an effect in SOM_Effekter belongs to. */
      readonly knownRecords?: readonly KnowledgeRecord[];
    },
  ): Promise<InsertReport>;
  saveToKnowledgeSheet(
    port: WorkbookPort & InputEditPort,
    records: readonly KnowledgeRecord[],
    options: { readonly lang: Lang; readonly confirm: (q: Text) => Promise<boolean> },
  ): Promise<SaveReport>;
  /** Parse the text of a JSON knowledge file (untrusted). */
  parseKnowledgeJson(text: string, file: string): KnowledgeValidation;
  /** Read the `SOM_Viden` sheet of an .xlsx knowledge file (untrusted bytes); refusals are problems. */
  readKnowledgeXlsx(bytes: Uint8Array, file: string): Promise<KnowledgeValidation>;
}

/** Largest file the pane reads (bytes). */
const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

const KINDS: readonly RecordKind[] = ["targetGroup", "effect", "price", "consequence", "parameter"];

const keyOf = (e: KnowledgeEntry): string =>
  `${e.origin.kind}:${e.origin.kind === "file" ? e.origin.file : e.origin.kind === "workbook" ? e.origin.sheet : ""}:${e.record.id}`;

export function createKnowledgePanel(useCases: KnowledgeUseCases): Panel {
  return {
    id: "knowledge",
    title: KT.tab,
    mount(root: HTMLElement, ctx: PanelContext) {
      const lang = (): Lang => ctx.lang();
      const t = (text: Text): string => text[lang()];

      // ───── state ─────
      const starter = useCases.starterKnowledge();
      let workbook: WorkbookKnowledge = { status: "absent" };
      const imported: { file: string; knowledge: KnowledgeBase }[] = [];
      const selected = new Set<string>();
      let busy = false;
      /** Rates waiting for the user's split (shown as forms under the report). */
      let pendingSplits: PriceRecord[] = [];
      const refusionHelp = starter.records.find(
        (r): r is ParameterRecord => r.kind === "parameter" && r.id === "param_refusionstrappe_2016",
      );

      const entries = (): KnowledgeEntry[] => [
        ...starter.records.map((record) => ({ record, origin: { kind: "starter" as const } })),
        ...(workbook.status === "ok"
          ? workbook.knowledge.records.map((record) => ({
              record,
              origin: { kind: "workbook" as const, sheet: workbook.status === "ok" ? workbook.sheet : "" },
            }))
          : []),
        ...imported.flatMap((f) =>
          f.knowledge.records.map((record) => ({ record, origin: { kind: "file" as const, file: f.file } })),
        ),
      ];

      // ───── static elements ─────
      const intro = h("p", { class: "intro", id: "knowledge-intro" });
      const searchLabel = h("label", { for: "knowledge-search" });
      const search = h("input", { type: "search", id: "knowledge-search", autocomplete: "off" });
      const kindLabel = h("label", { for: "knowledge-kind" });
      const kindSelect = h("select", { id: "knowledge-kind" });
      const groupLabel = h("label", { for: "knowledge-group" });
      const groupSelect = h("select", { id: "knowledge-group" });
      const sources = h("p", { class: "hint", id: "knowledge-sources" });
      const count = h("p", { class: "hint", id: "knowledge-count", "aria-live": "polite" });
      const list = h("ul", { class: "knowledge-list", id: "knowledge-list" });
      const insertBtn = h("button", { type: "button", class: "primary", id: "knowledge-insert" });
      const insertHint = h("p", { class: "hint", id: "knowledge-insert-hint" });
      const report = h("div", { class: "knowledge-report", id: "knowledge-report", "aria-live": "polite" });
      const splits = h("div", { class: "knowledge-splits", id: "knowledge-splits" });
      const reloadBtn = h("button", { type: "button", class: "secondary", id: "knowledge-reload" });
      const importInput = h("input", {
        type: "file",
        id: "knowledge-import",
        accept:
          ".json,.xlsx,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      });
      const importLabel = h("label", { for: "knowledge-import", class: "secondary" });
      const saveBtn = h("button", { type: "button", class: "secondary", id: "knowledge-save" });
      const exportBtn = h("button", { type: "button", class: "secondary", id: "knowledge-export" });
      const fileHint = h("p", { class: "hint", id: "knowledge-file-hint" });

      root.append(
        intro,
        h(
          "div",
          { class: "knowledge-filters" },
          searchLabel,
          search,
          kindLabel,
          kindSelect,
          groupLabel,
          groupSelect,
        ),
        sources,
        count,
        list,
        h("div", { class: "actions" }, insertBtn),
        insertHint,
        report,
        splits,
        h("div", { class: "actions" }, reloadBtn, importLabel, importInput, saveBtn, exportBtn),
        fileHint,
      );

      // ───── rendering ─────
      function renderStatic(): void {
        intro.textContent = t(KT.intro);
        searchLabel.textContent = t(KT.search);
        search.placeholder = t(KT.searchPlaceholder);
        kindLabel.textContent = t(KT.kind);
        groupLabel.textContent = t(KT.group);
        insertBtn.textContent = t(KT.insert);
        insertHint.textContent = t(KT.insertHint);
        reloadBtn.textContent = t(KT.reload);
        importLabel.textContent = t(KT.importFile);
        saveBtn.textContent = t(KT.saveToSheet);
        exportBtn.textContent = t(KT.exportJson);
        fileHint.textContent = t(KT.fileHint);
        const kind = kindSelect.value;
        clear(kindSelect);
        kindSelect.append(
          h("option", { value: "" }, t(KT.allKinds)),
          ...KINDS.map((k) => h("option", { value: k }, kindText(k, lang()))),
        );
        kindSelect.value = kind;
      }

      function renderGroups(): void {
        const value = groupSelect.value;
        clear(groupSelect);
        groupSelect.append(
          h("option", { value: "" }, t(KT.allGroups)),
          ...targetGroupsIn(entries().map((e) => e.record)).map((g) => h("option", { value: g.id }, g.title)),
        );
        groupSelect.value = [...groupSelect.options].some((o) => o.value === value) ? value : "";
      }

      function renderSources(): void {
        const parts = [`${t(KT.starterSource)}: ${starter.records.length}`];
        if (workbook.status === "ok")
          parts.push(`${t(KT.sheetSource)} »${workbook.sheet}«: ${workbook.knowledge.records.length}`);
        else if (workbook.status === "invalid")
          parts.push(`${t(KT.sheetSource)} »${workbook.sheet}«: ${t(KT.sheetInvalid)}`);
        else parts.push(t(KT.noSheet));
        for (const f of imported) parts.push(`${f.file}: ${f.knowledge.records.length}`);
        sources.textContent = parts.join(" · ");
        saveBtn.disabled = busy || imported.length === 0;
        exportBtn.disabled = busy || (imported.length === 0 && workbook.status !== "ok");
      }

      function renderList(): void {
        const all = entries();
        const kind = kindSelect.value as RecordKind | "";
        const found = all.filter(
          (e) =>
            searchKnowledge([e.record], {
              text: search.value,
              ...(kind !== "" ? { kinds: [kind] } : {}),
              ...(groupSelect.value !== "" ? { targetGroup: groupSelect.value } : {}),
            }).length > 0,
        );
        clear(list);
        for (const e of found) list.append(recordItem(e));
        count.textContent = `${found.length} / ${all.length} ${t(KT.records)} · ${selected.size} ${t(KT.selected)}`;
        insertBtn.disabled = busy || selected.size === 0;
      }

      function recordItem(e: KnowledgeEntry): HTMLLIElement {
        const r = e.record;
        const key = keyOf(e);
        const id = `knowledge-pick-${r.id}-${e.origin.kind}`;
        const box = h("input", {
          type: "checkbox",
          id,
          "data-key": key,
          "data-id": r.id,
          class: "knowledge-pick",
        });
        box.checked = selected.has(key);
        box.addEventListener("change", () => {
          if (box.checked) selected.add(key);
          else selected.delete(key);
          count.textContent = `${list.children.length} / ${entries().length} ${t(KT.records)} · ${selected.size} ${t(KT.selected)}`;
          insertBtn.disabled = busy || selected.size === 0;
        });
        const p = r.provenance;
        const li = h(
          "li",
          { class: `knowledge-item kind-${r.kind}`, "data-id": r.id },
          h("label", { class: "check", for: id }, box, h("span", { class: "knowledge-title" }, r.title)),
          h(
            "p",
            { class: "knowledge-meta" },
            `${kindText(r.kind, lang())} · ${originText(e.origin, lang())} · ${r.id}`,
          ),
          h("p", { class: "knowledge-figure" }, figureText(r, lang())),
          ...detailLines(r).map((line) => h("p", { class: "knowledge-detail knowledge-meta" }, line)),
          h(
            "p",
            { class: "knowledge-source" },
            `${t(KT.source)}: ${p.source} (${p.year}; ${t(KT.confidence)} ${p.confidence}${p.confidence === "M" ? ` – ${t(KT.secondary)}` : p.confidence === "L" ? ` – ${t(KT.derived)}` : ""})`,
          ),
          p.derivation
            ? h("p", { class: "knowledge-derivation hint" }, `${t(KT.derivation)}: ${p.derivation}`)
            : null,
          p.note ? h("p", { class: "knowledge-note hint" }, p.note) : null,
          r.gap
            ? h(
                "p",
                { class: "knowledge-gap banner warning" },
                `${t(KT.gap)}: ${r.gap.reason} ${t(KT.gapWhere)}: ${r.gap.where}`,
              )
            : null,
        );
        return li;
      }

      /** What kind of figure a price is, its validity and main area; a consequence's SØM recommendation. */
      function detailLines(r: KnowledgeRecord): string[] {
        const yn = (v: boolean | null): string => t(v === null ? KT.unknown : v ? KT.yes : KT.no);
        if (r.kind === "price") {
          const parts = [`${t(KT.figureKind)}: ${figureKindText(r.figureKind, lang())}`];
          if (r.gyldigFra !== undefined || r.gyldigTil !== undefined)
            parts.push(`${t(KT.validity)}: ${r.gyldigFra ?? "…"} – ${r.gyldigTil ?? "…"}`);
          if (r.hovedomraade !== undefined) parts.push(`${t(KT.mainArea)}: ${r.hovedomraade}`);
          return [parts.join(" · ")];
        }
        if (r.kind === "consequence") return [`${t(KT.recommended)}: ${yn(r.recommended)}`];
        return [];
      }

      function renderSplits(): void {
        clear(splits);
        for (const r of pendingSplits)
          splits.append(
            splitForm({
              record: r,
              refusion: refusionHelp,
              lang: lang(),
              busy,
              onInsert: (shares) => void guarded(() => insert([r], new Map([[r.id, shares]]))),
            }),
          );
      }

      /** Inserts `chosen` (with the user's splits of rates, if any) and shows the report. */
      async function insert(
        chosen: readonly KnowledgeRecord[],
        given?: ReadonlyMap<string, LevelShares>,
      ): Promise<void> {
        const result = await useCases.insertKnowledge(ctx.workbook, chosen, {
          lang: lang(),
          confirm: (q) => ctx.confirm(q),
          knownRecords: entries().map((e) => e.record),
          ...(given !== undefined ? { splits: given } : {}),
        });
        const L = lang();
        const lines = [
          ...result.inserted.map(
            (x) => `${t(KT.insertedRow)} ${x.block} (${x.sheet} ${t(KT.row)} ${x.row}): ${x.recordId}`,
          ),
          ...result.notes.map((n) => `${n.recordId}: ${n.text[L]}`),
          ...result.skipped.map((n) => `${t(KT.notInserted)} ${n.recordId}: ${n.text[L]}`),
        ];
        showReport(
          `${result.inserted.length} ${t(KT.rowsInserted)}`,
          lines,
          result.warnings.map((w) => w.text[L]),
        );
        // Rates still waiting for a split get a form; one just inserted leaves the list.
        const done = new Set(result.inserted.map((x) => x.recordId));
        pendingSplits = [
          ...pendingSplits.filter((r) => !done.has(r.id) && !result.needsSplit.some((x) => x.id === r.id)),
          ...result.needsSplit,
        ];
        if (result.inserted.length > 0) {
          ctx.notify("success", {
            da: `${result.inserted.length} ${KT.rowsInserted.da}.`,
            en: `${result.inserted.length} ${KT.rowsInserted.en}.`,
          });
          ctx.workbookChanged("inputs");
          selected.clear();
        } else ctx.notify("error", result.needsSplit.length > 0 ? KT.needsSplit : KT.nothingInserted);
      }

      function renderAll(): void {
        renderStatic();
        renderGroups();
        renderSources();
        renderList();
        renderSplits();
      }

      function showReport(title: string, lines: readonly string[], warnings: readonly string[] = []): void {
        clear(report);
        if (lines.length === 0 && title === "" && warnings.length === 0) return;
        report.append(
          h("p", { class: "knowledge-report-title" }, title),
          h("ul", {}, ...lines.map((l) => h("li", {}, l))),
        );
        if (warnings.length > 0)
          report.append(
            h(
              "div",
              { class: "banner warning", id: "knowledge-warnings" },
              h("p", { class: "knowledge-report-title" }, t(KT.warnings)),
              h("ul", {}, ...warnings.map((w) => h("li", {}, w))),
            ),
          );
      }

      async function loadWorkbook(): Promise<void> {
        try {
          workbook = await useCases.readWorkbookKnowledge(ctx.workbook);
        } catch (err) {
          workbook = { status: "absent" };
          ctx.notify("error", describeError(err));
        }
        if (workbook.status === "invalid")
          showReport(
            t(KT.sheetProblems),
            workbook.problems.map(
              (p) =>
                `${[p.file, p.record, p.field].filter((s) => s !== "").join(" › ")}: ${p.message[lang()]}`,
            ),
          );
        renderAll();
      }

      async function guarded(task: () => Promise<void>): Promise<void> {
        if (busy) return;
        busy = true;
        renderSources();
        insertBtn.disabled = true;
        for (const b of splits.querySelectorAll("button")) b.disabled = true;
        try {
          await task();
        } catch (err) {
          ctx.notify("error", describeError(err));
        } finally {
          busy = false;
          renderSources();
          renderList();
          renderSplits();
        }
      }

      // ───── events ─────
      search.addEventListener("input", renderList);
      kindSelect.addEventListener("change", renderList);
      groupSelect.addEventListener("change", renderList);

      insertBtn.addEventListener(
        "click",
        () =>
          void guarded(async () => {
            const chosen = entries()
              .filter((e) => selected.has(keyOf(e)))
              .map((e) => e.record);
            await insert(chosen);
          }),
      );

      reloadBtn.addEventListener("click", () => void guarded(loadWorkbook));

      importInput.addEventListener(
        "change",
        () =>
          void guarded(async () => {
            const file = importInput.files?.[0];
            importInput.value = "";
            if (!file) return;
            if (file.size > MAX_IMPORT_BYTES) {
              ctx.notify("error", KT.fileTooLarge);
              return;
            }
            const isXlsx = /\.xlsx$/i.test(file.name);
            // An .xlsx file is read by our safe reader, loaded on demand (a separate chunk); JSON as text.
            const v: KnowledgeValidation = isXlsx
              ? await useCases.readKnowledgeXlsx(new Uint8Array(await file.arrayBuffer()), file.name)
              : useCases.parseKnowledgeJson(await file.text(), file.name);
            if (!v.ok) {
              showReport(
                `${t(KT.fileProblems)} ${file.name}`,
                v.problems.map((p) => {
                  // For .xlsx the location is "file › sheet › række n (id) › column"; JSON names record › field.
                  const where = [isXlsx ? p.file : "", p.record, p.field].filter((s) => s !== "");
                  return `${where.join(" › ")}: ${p.message[lang()]}`;
                }),
              );
              ctx.notify("error", KT.importFailed);
              return;
            }
            const at = imported.findIndex((f) => f.file === file.name);
            if (at >= 0) imported.splice(at, 1);
            imported.push({ file: file.name, knowledge: v.value });
            showReport("", []);
            ctx.notify("success", {
              da: `${v.value.records.length} ${KT.imported.da} ${file.name}.`,
              en: `${v.value.records.length} ${KT.imported.en} ${file.name}.`,
            });
            renderGroups();
          }),
      );

      saveBtn.addEventListener(
        "click",
        () =>
          void guarded(async () => {
            const records = imported.flatMap((f) => f.knowledge.records);
            const result = await useCases.saveToKnowledgeSheet(ctx.workbook, records, {
              lang: lang(),
              confirm: (q) => ctx.confirm(q),
            });
            ctx.notify("success", {
              da: `${result.written} poster gemt i arket »${result.sheet}«.`,
              en: `${result.written} records saved in the sheet »${result.sheet}«.`,
            });
            if (result.skipped.length > 0)
              showReport(
                t(KT.notSaved),
                result.skipped.map((s) => `${s.recordId}: ${s.text[lang()]}`),
              );
            if (result.written > 0) {
              imported.length = 0;
              ctx.workbookChanged("inputs");
              await loadWorkbook();
            }
          }),
      );

      exportBtn.addEventListener("click", () => {
        const own = [
          ...(workbook.status === "ok" ? workbook.knowledge.records : []),
          ...imported.flatMap((f) => f.knowledge.records),
        ];
        const text = knowledgeToJson({ formatVersion: 1, name: t(KT.ownKnowledge), records: own });
        const url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
        const a = h("a", { href: url, download: "vidensbase.json", id: "knowledge-download" });
        document.body.append(a);
        a.click();
        a.remove();
        setTimeout(() => URL.revokeObjectURL(url), 10_000);
        ctx.notify("info", {
          da: `${own.length} egne poster eksporteret (vidensbase.json).`,
          en: `${own.length} own records exported (vidensbase.json).`,
        });
      });

      const offLang = ctx.onLangChange(() => renderAll());
      const offChanged = ctx.onWorkbookChanged((what) => {
        if (what === "inputs" && !busy) void loadWorkbook();
      });

      renderAll();
      void loadWorkbook();
      return () => {
        offLang();
        offChanged();
      };
    },
  };
}
