/**
 * The fake's request context and the base of its proxy objects. Like Office.js, every property read needs a
 * `load()` followed by `context.sync()`; writes and method calls are queued and applied, in order, at the next
 * sync; each sync counts one round trip and the approximate bytes of cell data it moved.
 */
import type { Rect } from "./address";
import type { FakeSheet, FakeWorkbook } from "./state";

/** An Office.js-like error with a stable `code` (`PropertyNotLoaded`, `ItemNotFound`, ...). */
export class FakeOfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
  }
}

/** One queued command: what it does at sync time and the bytes it sends. */
export interface QueuedOp {
  run: () => void;
  bytes: number;
  what: string;
}

/** What one sync did, for tests that count round trips and payloads. */
export interface SyncRecord {
  /** Bytes of cell data sent (writes) and received (loads), approximated as JSON length. */
  bytes: number;
  /** Queued commands executed. */
  ops: number;
  /** Short labels of the commands, e.g. `load Range.values`, `set Range.numberFormat`. */
  what: string[];
}

/** A change the workbook reports through `onChanged`. */
export interface ChangeRecord {
  sheet: FakeSheet;
  rect: Rect;
  changeType: string;
}

/** The shared engine behind every context of one fake workbook. */
export interface FakeEngine {
  state: FakeWorkbook;
  payloadLimit: number;
  syncLog: SyncRecord[];
  /** Called after each sync with the changes its writes made (values, formulas, clears). */
  emitChanges(changes: ChangeRecord[]): void;
  registerHandler(kind: string, sheetId: string | undefined, handler: (args: unknown) => unknown): () => void;
  supports(version: string): boolean;
}

/**
 * The size of a value as it travels in a request: its JSON text, measured exactly (not with the adapter's own
 * estimate, so an adapter that underestimates its requests is caught).
 */
export function requestBytes(v: unknown): number {
  return v === undefined ? 4 : JSON.stringify(v).length;
}

/** The fake `Excel.RequestContext`. */
export class FakeContext {
  queue: QueuedOp[] = [];
  /** Bytes received by loads during the current sync. */
  currentBytes = 0;
  changes: ChangeRecord[] = [];
  readonly trackedObjects = { add: (): void => undefined, remove: (): void => undefined };
  // Assigned by the workbook module to avoid a circular import.
  workbook!: unknown;

  /**
   * False once the `Excel.run` that made the context has returned (true again while `Excel.run(context, …)` reuses
   * it): like Office.js, a proxy used outside its request context fails instead of silently working.
   */
  open = true;

  constructor(readonly engine: FakeEngine) {}

  /** Fails like Office.js when a proxy of this context is used after or outside its `Excel.run`. */
  assertOpen(what: string): void {
    if (!this.open) {
      throw new FakeOfficeError(
        "InvalidObjectPath",
        `${what}: the object belongs to a request context whose Excel.run has ended; use it inside that batch (or track it and pass its context to Excel.run).`,
      );
    }
  }

  enqueue(what: string, run: () => void, bytes = 16): void {
    this.assertOpen(what);
    this.queue.push({ run, bytes, what });
  }

  /** Like `context.load(object, props)`. */
  load<T extends FakeObject>(object: T, props?: LoadArg): T {
    object.load(props);
    return object;
  }

  /** Executes the queued commands as one round trip. */
  async sync<T>(passThrough?: T): Promise<T | undefined> {
    this.assertOpen("context.sync()");
    await Promise.resolve();
    const ops = this.queue;
    this.queue = [];
    this.currentBytes = 0;
    this.changes = [];
    const sent = ops.reduce((n, op) => n + op.bytes, 0);
    const record: SyncRecord = { bytes: sent, ops: ops.length, what: ops.map((o) => o.what) };
    this.engine.syncLog.push(record);
    if (sent > this.engine.payloadLimit) {
      throw new FakeOfficeError("RequestPayloadSizeLimitExceeded", `The request payload size (${sent} bytes) exceeds the limit.`);
    }
    try {
      for (const op of ops) op.run();
    } finally {
      record.bytes += this.currentBytes;
      const changes = this.changes;
      this.changes = [];
      if (changes.length) this.engine.emitChanges(changes);
    }
    if (record.bytes > this.engine.payloadLimit) {
      throw new FakeOfficeError("RequestPayloadSizeLimitExceeded", `The response payload size (${record.bytes} bytes) exceeds the limit.`);
    }
    return passThrough;
  }

  /** Counts bytes a load moves; fails the request when it cannot fit at all. */
  received(bytes: number): void {
    this.currentBytes += bytes;
    if (this.currentBytes > this.engine.payloadLimit * 2) {
      throw new FakeOfficeError("RequestPayloadSizeLimitExceeded", `The response payload size exceeds the limit (${this.currentBytes} bytes so far).`);
    }
  }
}

/** Argument of `load()`: `"a, b"`, `["a", "b"]`, `{ select: "a,b" }` or nothing (all scalar properties). */
export type LoadArg = string | string[] | { select?: string; expand?: string } | undefined;

export function parseLoad(arg: LoadArg): string[] | undefined {
  if (arg === undefined) return undefined;
  const text = typeof arg === "string" ? arg : Array.isArray(arg) ? arg.join(",") : (arg.select ?? "");
  const list = text
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  return list.length ? list : undefined;
}

/**
 * Base of every proxy. Subclasses list their scalar properties and child objects, resolve their target at sync
 * time, and read a property from it. A property is readable only after it was loaded and synced.
 */
export abstract class FakeObject {
  private readonly _data = new Map<string, unknown>();
  private _isNull: boolean | undefined;
  private _cache: unknown;
  private _resolved = false;

  constructor(
    protected readonly _ctx: FakeContext,
    private readonly _resolver: () => unknown,
    /** `getItemOrNullObject` style: a missing target is a null object, not an error. */
    private readonly _nullable = false,
    private readonly _typeName = "Object",
  ) {}

  /** Scalar properties `load()` without arguments fetches. */
  protected abstract readonly _scalars: readonly string[];
  /** Reads one property from the resolved target at sync time. */
  protected abstract _read(target: unknown, prop: string): unknown;
  /** Child objects reachable with `a/b` paths. */
  protected _child(_name: string): FakeObject | undefined {
    return undefined;
  }

  get context(): FakeContext {
    return this._ctx;
  }

  /** The target at sync time; null for a missing nullable target; throws ItemNotFound otherwise. */
  _target(): unknown {
    if (!this._resolved) {
      this._cache = this._resolver();
      this._resolved = true;
      this._isNull = this._cache === null || this._cache === undefined;
    }
    if (this._isNull && !this._nullable) {
      throw new FakeOfficeError("ItemNotFound", `The requested ${this._typeName} does not exist.`);
    }
    return this._cache;
  }

  /** Resolves the target for a write; writes to a null object fail like in Office.js. */
  protected _targetForWrite(): unknown {
    const t = this._target();
    if (t === null || t === undefined) throw new FakeOfficeError("InvalidObjectPath", `Cannot write to a null ${this._typeName}.`);
    return t;
  }

  /** Queues the existence check so that `isNullObject` is known after the next sync. */
  _queueResolve(): void {
    this._ctx.enqueue(`resolve ${this._typeName}`, () => void this._target(), 8);
  }

  get isNullObject(): boolean {
    if (this._isNull === undefined) {
      throw new FakeOfficeError("PropertyNotLoaded", `isNullObject of ${this._typeName} is not available before context.sync().`);
    }
    return this._nullable ? this._isNull : false;
  }

  load(arg?: LoadArg): this {
    const props = parseLoad(arg) ?? [...this._scalars];
    const own: string[] = [];
    for (const p of props) {
      const slash = p.indexOf("/");
      const head = slash >= 0 ? p.slice(0, slash) : p;
      const child = this._child(head);
      if (child) child.load(slash >= 0 ? p.slice(slash + 1) : undefined);
      else own.push(p);
    }
    const unknown = own.filter((p) => !this._scalars.includes(p) && !this._extraLoadable().includes(p));
    this._ctx.enqueue(`load ${this._typeName}.${own.join(",")}`, () => {
      // As Office.js: an unknown property fails the request at sync(), not at load().
      if (unknown.length) throw new FakeOfficeError("InvalidArgument", `${this._typeName} has no property '${unknown[0]}' the fake can load.`);
      const t = this._target();
      if (t === null || t === undefined) return;
      for (const p of own) this._data.set(p, this._read(t, p));
    });
    return this;
  }

  /** Properties loadable by name that are not in the default set (e.g. Range.formulas). */
  protected _extraLoadable(): readonly string[] {
    return [];
  }

  /** Reads a loaded property, or throws PropertyNotLoaded like Office.js. */
  protected _get<T>(prop: string): T {
    if (!this._data.has(prop)) {
      throw new FakeOfficeError(
        "PropertyNotLoaded",
        `The property '${prop}' of ${this._typeName} is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
      );
    }
    return this._data.get(prop) as T;
  }

  /** Loaded properties as a plain object. */
  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this._data);
  }
}

/** `ClientResult<T>`: `value` readable after sync. */
export class FakeClientResult<T> {
  private _has = false;
  private _value: T | undefined;
  constructor(ctx: FakeContext, what: string, compute: () => T) {
    ctx.enqueue(what, () => {
      this._value = compute();
      this._has = true;
    });
  }
  get value(): T {
    if (!this._has) throw new FakeOfficeError("PropertyNotLoaded", "ClientResult.value is not available before context.sync().");
    return this._value as T;
  }
}
