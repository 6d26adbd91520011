/**
 * RichApi host emulator: a small HTTP endpoint on 127.0.0.1 that answers the `ProcessQuery` requests Microsoft's
 * real Office.js client sends (`Excel.run({ session: url }, …)` or `new Excel.RequestContext(url)`), backed by the
 * fake Excel's in-memory workbook. The protocol is written up in docs/office-js-protocol.md.
 *
 * How: every request is interpreted action by action against one fresh context of the fake Excel
 * (test/support/fake-excel): object paths become the fake's proxies (Property → member, Method → call,
 * Indexer → `getItem`), `Query` → `load`, `SetProperty` → assignment, `Method` → call; then one fake `sync()`
 * runs the queued operations in order with the fake's semantics (shape checks, Excel's input parsing, null
 * objects, protected sheets, API versions, non-transactional batches). The answer uses the real response format
 * (`Results` with PascalCase properties and `_Items` for collections; `Error` with `Code`, `Message`,
 * `Location`, `ActionIndex`), so the client raises real `OfficeExtension.Error`s with `code` and `debugInfo`.
 *
 * Faithful to Excel on the web where the fake cannot be: the request size is the real serialized body
 * (5 MB limit → `RequestPayloadSizeLimitExceeded`), the response size likewise, and a request sent with
 * `delayForCellEdit` (flag 64) waits while the user is editing a cell instead of failing with
 * `InvalidOperationInCellEditMode`. Not modelled: events (registration and delivery go through the host, not
 * `ProcessQuery`), `RecursiveQuery`, `EnsureUnchanged`, tracked objects across runs (`ReferenceId` paths).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { ExcelRunner } from "../../../src/excel/office-workbook";
import {
  createFakeExcel,
  FakeOfficeError,
  PAYLOAD_LIMIT_BYTES,
  type FakeExcel,
  type FakeContext,
  type FakeExcelOptions,
  type FakeWorkbookModel,
} from "../fake-excel";
import { loadOfficeJsClient } from "./office-js-client";

/** One request as it went over the wire. */
export interface EmulatedRequest {
  /** Serialized request body, bytes (UTF-8) — what counts against the 5 MB limit. */
  readonly bytes: number;
  /** Serialized response body, bytes. */
  readonly responseBytes: number;
  readonly actions: number;
  /** `?flags=` of the URL (64 = delayForCellEdit). */
  readonly flags: number;
  /** Method and property names the request calls or sets, in order (for readable test failures). */
  readonly calls: readonly string[];
  /** The error code of the reply, if any. */
  readonly error?: string;
  /**
   * Excel.run's clean-up after a batch (only `_RemoveReference` calls): sent after the run has resolved, not
   * awaited by the add-in, so no user waits for it — but it is a request.
   */
  readonly cleanup: boolean;
}

export interface RichApiEmulator {
  /** Base URL of the endpoint (the client posts to `<url>ProcessQuery?flags=…`). */
  readonly url: string;
  /** The fake Excel whose model answers the requests (`fake.model`, `fake.setCellEditMode`, `fake.failOn`…). */
  readonly fake: FakeExcel;
  /** Every request since start or `reset()`, in order. */
  readonly requests: EmulatedRequest[];
  /** `Excel.run` of the real client against this endpoint — pass it to `OfficeWorkbook`. */
  readonly run: ExcelRunner;
  /** Forget recorded requests. */
  reset(): void;
  /** Wait until no request is in flight (Excel.run's clean-up request is sent after the run resolves). */
  settle(): Promise<void>;
  close(): Promise<void>;
}

export interface EmulatorOptions extends Omit<FakeExcelOptions, "payloadLimitBytes"> {
  /** Request and response limit in bytes (default 5 MB, Excel on the web). */
  readonly payloadLimitBytes?: number;
  /** Longest wait of a `delayForCellEdit` request for cell-edit mode to end, ms (default 10 s). */
  readonly delayForCellEditTimeoutMs?: number;
}

interface ArgumentInfo {
  readonly Arguments?: readonly unknown[];
  readonly ReferencedObjectPathIds?: readonly number[];
}
interface ObjectPathInfo {
  readonly Id: number;
  readonly ObjectPathType: number;
  readonly Name: string;
  readonly ParentObjectPathId?: number;
  readonly ArgumentInfo?: ArgumentInfo;
}
interface ActionInfo {
  readonly Id: number;
  readonly ActionType: number;
  readonly Name: string;
  readonly ObjectPathId: number;
  readonly ArgumentInfo?: ArgumentInfo;
  readonly QueryInfo?: { readonly Select?: readonly string[]; readonly Expand?: readonly string[] };
}
interface RequestBody {
  readonly Actions: readonly ActionInfo[];
  readonly ObjectPaths: Readonly<Record<string, ObjectPathInfo>>;
}
interface ResponseError {
  readonly Code: string;
  readonly Message: string;
  readonly Location?: string;
  readonly ActionIndex?: number;
  readonly HttpStatusCode: number;
}
interface ResponseBody {
  readonly Results: { ActionId: number; Value: unknown }[];
  readonly Error?: ResponseError;
  readonly TraceIds: Record<string, never>;
}

/** RichApi enums (see `ActionFactory` and `ObjectPathFactory` in the debug build). */
export const ACTION = { instantiate: 1, query: 2, method: 3, setProperty: 4, trace: 5 } as const;
export const OBJECT_PATH = {
  globalObject: 1,
  newObject: 2,
  method: 3,
  property: 4,
  indexer: 5,
  referenceId: 6,
} as const;
/** The method the client calls on objects it will use in later requests of the same `Excel.run`. */
const KEEP_REFERENCE = "_KeepReference";
/** The workbook method `Excel.run` calls after the batch to release those references. */
const REMOVE_REFERENCE = "_RemoveReference";
/** Request flag the client sets for `Excel.run({ delayForCellEdit: true }, …)`. */
export const FLAG_DELAY_FOR_CELL_EDIT = 64;

type Proxy = Record<string, unknown>;

const camel = (name: string): string => name.charAt(0).toLowerCase() + name.slice(1);
const pascal = (name: string): string => name.charAt(0).toUpperCase() + name.slice(1);

class NotModelled extends Error {}

const isCollection = (o: Proxy): boolean => Object.getOwnPropertyDescriptor(o, "items")?.get !== undefined;

/** Read a loaded property; undefined when it was never loaded (the request failed before). */
function readLoaded(o: Proxy, prop: string): unknown {
  try {
    return o[prop];
  } catch {
    return undefined;
  }
}

function isNull(o: Proxy): boolean {
  if (Object.getOwnPropertyDescriptor(o, "isNullObject") === undefined) return false;
  return readLoaded(o, "isNullObject") === true;
}

/** Host-side state that outlives a request: the fake's context and the objects the client keeps references to. */
interface Session {
  readonly ctx: FakeContext;
  /** `_ReferenceId` → object, for `ReferenceId` paths (objects `Excel.run` keeps across syncs). */
  readonly refs: Map<string, Proxy>;
  readonly refOf: Map<Proxy, string>;
  nextRef: number;
}

/** Interpret one ProcessQuery body against the session's context of the fake Excel. */
async function processQuery(session: Session, body: RequestBody, syncFake: boolean): Promise<ResponseBody> {
  const { ctx, refs, refOf } = session;
  const paths = new Map<number, Proxy>();
  const describe = (id: number): string => {
    const info = body.ObjectPaths[String(id)];
    if (!info) return `#${id}`;
    const parent = info.ParentObjectPathId === undefined ? "" : `${describe(info.ParentObjectPathId)}.`;
    return info.ObjectPathType === OBJECT_PATH.globalObject ? "workbook" : `${parent}${info.Name || "[…]"}`;
  };
  const args = (info: ArgumentInfo | undefined): unknown[] =>
    (info?.Arguments ?? []).map((a, i) => {
      const ref = info?.ReferencedObjectPathIds?.[i];
      return ref !== undefined && ref !== 0 ? resolve(ref) : a;
    });
  const call = (o: Proxy, name: string, a: unknown[], where: string): unknown => {
    const f = o[camel(name)];
    if (typeof f !== "function") throw new NotModelled(`${where}.${name}()`);
    return (f as (...x: unknown[]) => unknown).apply(o, a);
  };
  function resolve(id: number): Proxy {
    const known = paths.get(id);
    if (known) return known;
    const info = body.ObjectPaths[String(id)];
    if (!info) throw new NotModelled(`object path ${id} (not in the request)`);
    const parent = (): Proxy => resolve(info.ParentObjectPathId ?? -1);
    let obj: unknown;
    switch (info.ObjectPathType) {
      case OBJECT_PATH.globalObject:
        obj = ctx.workbook;
        break;
      case OBJECT_PATH.property:
        obj = parent()[camel(info.Name)];
        break;
      case OBJECT_PATH.method:
        obj = call(parent(), info.Name, args(info.ArgumentInfo), describe(info.ParentObjectPathId ?? -1));
        break;
      case OBJECT_PATH.indexer:
        obj = call(parent(), "GetItem", args(info.ArgumentInfo), describe(info.ParentObjectPathId ?? -1));
        break;
      case OBJECT_PATH.referenceId:
        obj = refs.get(info.Name);
        if (obj === undefined) throw new NotModelled(`reference ${info.Name} (unknown to this host)`);
        break;
      default:
        throw new NotModelled(`object path type ${info.ObjectPathType}`);
    }
    if (typeof obj !== "object" || obj === null) throw new NotModelled(describe(id));
    paths.set(id, obj as Proxy);
    return obj as Proxy;
  }

  const done: { index: number; action: ActionInfo; obj: Proxy }[] = [];
  let failure: { index: number; error: unknown } | undefined;
  for (let i = 0; i < body.Actions.length; i++) {
    const action = body.Actions[i] as ActionInfo;
    ctx.tag = i;
    try {
      if (action.ActionType === ACTION.trace) continue;
      const obj = resolve(action.ObjectPathId);
      const where = describe(action.ObjectPathId);
      switch (action.ActionType) {
        case ACTION.instantiate:
          // like Excel, a missing item (getItem of an unknown sheet) fails here, not at its first use
          if (typeof obj.load === "function" && !isCollection(obj)) (obj.load as (p: string) => void)("");
          break;
        case ACTION.query: {
          const select = action.QueryInfo?.Select ?? [];
          if (action.QueryInfo?.Expand?.length) throw new NotModelled(`${where}: load with navigation`);
          const load = obj.load as ((p: string[]) => void) | undefined;
          if (typeof load !== "function") throw new NotModelled(`${where}.load`);
          load.call(obj, isCollection(obj) ? select.map((p) => `items/${p}`) : [...select]);
          break;
        }
        case ACTION.method:
          if (action.Name === KEEP_REFERENCE) {
            // the client keeps using this object in later requests: give it a reference id (`_ReferenceId`)
            if (!refOf.has(obj)) {
              const id = `ref${++session.nextRef}`;
              refs.set(id, obj);
              refOf.set(obj, id);
            }
          } else if (action.Name === REMOVE_REFERENCE) {
            // Excel.run's clean-up after the batch: the references are released
            for (const id of args(action.ArgumentInfo)) {
              const o = refs.get(String(id));
              refs.delete(String(id));
              if (o) refOf.delete(o);
            }
          } else call(obj, action.Name, args(action.ArgumentInfo), where);
          break;
        case ACTION.setProperty: {
          const prop = camel(action.Name);
          let setter: ((v: unknown) => void) | undefined;
          for (let p: object | null = obj; p && !setter; p = Object.getPrototypeOf(p) as object | null)
            setter = Object.getOwnPropertyDescriptor(p, prop)?.set;
          if (!setter) throw new NotModelled(`${where}.${action.Name} =`);
          setter.call(obj, args(action.ArgumentInfo)[0]);
          break;
        }
        default:
          throw new NotModelled(`action type ${action.ActionType}`);
      }
      done.push({ index: i, action, obj });
    } catch (error) {
      failure = { index: i, error };
      break;
    }
  }
  // Excel runs the actions before a failing one: so does the fake's sync (in order, stopping at an error)
  try {
    // a clean-up request only releases references: nothing reaches the workbook (and the fake counts no sync)
    if (syncFake) await ctx.sync();
  } catch (error) {
    const tag = error instanceof FakeOfficeError ? error.failedOp?.tag : undefined;
    failure = { index: typeof tag === "number" ? tag : -1, error };
  }

  const results: { ActionId: number; Value: unknown }[] = [];
  for (const { index, action, obj } of done) {
    if (failure && index >= failure.index) break;
    const ref = refOf.get(obj);
    const withRef = (v: unknown): unknown =>
      v === null || ref === undefined ? v : { _ReferenceId: ref, ...(v as Record<string, unknown>) };
    if (action.ActionType === ACTION.instantiate)
      results.push({ ActionId: action.Id, Value: withRef(isNull(obj) ? null : {}) });
    else if (action.ActionType === ACTION.query)
      results.push({
        ActionId: action.Id,
        Value: isCollection(obj) ? queryValue(obj, action) : withRef(queryValue(obj, action)),
      });
  }
  if (!failure) return { Results: results, TraceIds: {} };
  const { error, index } = failure;
  const code =
    error instanceof FakeOfficeError
      ? error.code
      : error instanceof NotModelled
        ? "GeneralException"
        : "GeneralException";
  const message =
    error instanceof NotModelled
      ? `RichApi emulator: ${error.message} is not modelled (extend test/support/fake-excel)`
      : error instanceof FakeOfficeError
        ? error.message
        : // a bug in the emulator or the fake: say where
          `RichApi emulator bug: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
  const action = body.Actions[index];
  const location =
    error instanceof FakeOfficeError && error.failedOp
      ? error.failedOp.kind
      : action
        ? `${describe(action.ObjectPathId)}${action.Name ? `.${action.Name}` : ""}`
        : undefined;
  return {
    Results: results,
    Error: {
      Code: code,
      Message: message,
      ...(location === undefined ? {} : { Location: location }),
      ...(index >= 0 ? { ActionIndex: index } : {}),
      HttpStatusCode: 400,
    },
    TraceIds: {},
  };
}

/** The `Value` of a Query action: PascalCase properties; collections as `_Items` (items carry `_Id`). */
function queryValue(obj: Proxy, action: ActionInfo): unknown {
  const select = action.QueryInfo?.Select ?? [];
  const pick = (o: Proxy): Record<string, unknown> =>
    Object.fromEntries(select.map((p) => [pascal(p), readLoaded(o, p) ?? null]));
  if (isCollection(obj)) {
    const items = (readLoaded(obj, "items") ?? []) as Proxy[];
    return {
      _Items: items.map((it) => {
        // the key the client uses to address the item later (Indexer path): a sheet's id, a chart's name
        const id = readLoaded(it, "id") ?? readLoaded(it, "name");
        return { ...(id === undefined ? {} : { _Id: id }), ...pick(it) };
      }),
    };
  }
  if (isNull(obj)) return null;
  return pick(obj);
}

const readBody = (req: IncomingMessage): Promise<string> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Start the endpoint on an ephemeral port of 127.0.0.1, backed by `model` (a fake Excel made for it). */
export async function startRichApiEmulator(
  model: FakeWorkbookModel,
  options: EmulatorOptions = {},
): Promise<RichApiEmulator> {
  const {
    payloadLimitBytes = PAYLOAD_LIMIT_BYTES,
    delayForCellEditTimeoutMs = 10_000,
    ...fakeOptions
  } = options;
  const emu = await startRichApiHost({ payloadLimitBytes, delayForCellEditTimeoutMs });
  emu.attach(createFakeExcel(model, { ...fakeOptions, payloadLimitBytes: Infinity }));
  return emu;
}

/** The endpoint without a workbook: `attach(fake)` chooses the fake Excel that answers (tests switch per case). */
export async function startRichApiHost(
  options: Pick<EmulatorOptions, "payloadLimitBytes" | "delayForCellEditTimeoutMs"> = {},
): Promise<RichApiEmulator & { attach(fake: FakeExcel): void }> {
  const { payloadLimitBytes = PAYLOAD_LIMIT_BYTES, delayForCellEditTimeoutMs = 10_000 } = options;
  const requests: EmulatedRequest[] = [];
  let fake: FakeExcel | undefined;
  let session: Session | undefined;
  // Excel processes one request at a time
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };

  const reply = (res: ServerResponse, status: number, json: unknown): number => {
    const text = JSON.stringify(json);
    res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
    res.end(text);
    return Buffer.byteLength(text);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    if (req.method !== "POST" || !url.pathname.endsWith("/ProcessQuery") || !fake || !session) {
      reply(res, 404, { error: { code: "NotFound", message: `${req.method} ${url.pathname}` } });
      return;
    }
    const host = fake;
    const state = session;
    const text = await readBody(req);
    const bytes = Buffer.byteLength(text);
    const flags = Number(url.searchParams.get("flags") ?? 0);
    if (bytes > payloadLimitBytes) {
      const responseBytes = reply(res, 413, {
        error: {
          code: "RequestPayloadSizeLimitExceeded",
          message: `The request payload size (${bytes} bytes) has exceeded the limit (${payloadLimitBytes}).`,
        },
      });
      requests.push({
        bytes,
        responseBytes,
        actions: 0,
        flags,
        calls: [],
        cleanup: false,
        error: "RequestPayloadSizeLimitExceeded",
      });
      return;
    }
    const body = JSON.parse(text) as RequestBody;
    const calls = body.Actions.filter(
      (a) => a.ActionType === ACTION.method || a.ActionType === ACTION.setProperty,
    ).map((a) => a.Name);
    const cleanup = calls.length > 0 && calls.every((c) => c === REMOVE_REFERENCE);
    if ((flags & FLAG_DELAY_FOR_CELL_EDIT) !== 0) {
      const until = Date.now() + delayForCellEditTimeoutMs;
      while (host.inCellEditMode && Date.now() < until) await sleep(5);
    }
    let answer = await serial(() => processQuery(state, body, !cleanup));
    if (Buffer.byteLength(JSON.stringify(answer)) > payloadLimitBytes)
      answer = {
        Results: [],
        Error: {
          Code: "ResponsePayloadSizeLimitExceeded",
          Message: "The response payload size has exceeded the limit.",
          HttpStatusCode: 400,
        },
        TraceIds: {},
      };
    const responseBytes = reply(res, 200, answer);
    requests.push({
      bytes,
      responseBytes,
      actions: body.Actions.length,
      flags,
      calls,
      cleanup,
      ...(answer.Error ? { error: answer.Error.Code } : {}),
    });
  };

  let inFlight = 0;
  const server: Server = createServer((req, res) => {
    inFlight++;
    handle(req, res)
      .catch((err: unknown) => {
        reply(res, 500, { error: { code: "GeneralException", message: String(err) } });
      })
      .finally(() => {
        inFlight--;
      });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const { Excel: client } = loadOfficeJsClient();
  const run: ExcelRunner = (batch, runOptions) =>
    client.run({ ...(runOptions ?? {}), session: url } as unknown as Excel.RunOptions, batch) as ReturnType<
      typeof batch
    >;

  return {
    url,
    get fake(): FakeExcel {
      if (!fake) throw new Error("RichApi emulator: no fake Excel attached");
      return fake;
    },
    requests,
    run,
    attach(next: FakeExcel) {
      fake = next;
      session = { ctx: next.context(), refs: new Map(), refOf: new Map(), nextRef: 0 };
    },
    reset() {
      requests.length = 0;
    },
    async settle() {
      // Excel.run releases its references in a request it does not wait for: let it arrive
      let quiet = 0;
      while (quiet < 3) {
        await sleep(5);
        quiet = inFlight === 0 ? quiet + 1 : 0;
      }
    },
    close() {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
