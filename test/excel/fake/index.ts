/**
 * A strict in-memory fake of the Excel JavaScript API subset the add-in uses, for jest and for the browser test.
 * Browser-compatible: no Node imports.
 *
 * Strict like Office.js: reading a property that was not `load()`ed and `sync()`ed throws `PropertyNotLoaded`;
 * writes and method calls are queued and applied at `context.sync()` (or at the end of `Excel.run`); each sync is
 * one round trip, logged with the approximate bytes of cell data it moved; a request over the payload limit
 * (default 5 MB, Excel on the web) fails with `RequestPayloadSizeLimitExceeded`.
 *
 * @example
 * const fake = createFakeExcel([{ name: "Sheet1", values: [["occurrenceID"], ["007"]] }]);
 * const uninstall = fake.install(); // globalThis.Excel / globalThis.Office
 * await Excel.run(async (ctx) => { ... });
 * fake.sheet("Sheet1").value("A2"); // "007"
 * fake.syncCount; // round trips so far
 */
import type { Rect } from "./address";
import { formatRect, parseAddress } from "./address";
import type { ChangeRecord, FakeEngine, SyncRecord } from "./context";
import { FakeContext, FakeOfficeError } from "./context";
import { FakeRange, writeCells } from "./range";
import type { FakeConditionalFormat, FakeName, FakeSheet, FakeValue, FakeWorkbook, ValidationLayer } from "./state";
import { cellKey, formatAt, newSheet, setFormat, usedRect, validationAt } from "./state";
import { FakeWorkbookProxy, FakeWorksheet } from "./workbook";

export { FakeOfficeError } from "./context";
export type { SyncRecord } from "./context";
export type { FakeValue, FakeWorkbook, FakeSheet } from "./state";
export { columnLetters, parseAddress, formatRect } from "./address";

/** A sheet the fake workbook starts with. Values are stored as given (no typing coercion). */
export interface FakeSheetInit {
  name: string;
  /** Rows from A1 (or from `startRow`). `null` or `""` is an empty cell. */
  values?: FakeValue[][];
  /** Number formats parallel to `values` (null = General). */
  numberFormats?: (string | null)[][];
  /** Formula text parallel to `values` (`=A2*2`); the value given in `values` is its cached result. */
  formulas?: (string | null)[][];
  visibility?: "Visible" | "Hidden" | "VeryHidden";
  /** 1-based row of `values[0]`; default 1. */
  startRow?: number;
}

export interface FakeOptions {
  /** The workbook uses the 1904 date system. */
  date1904?: boolean;
  /** Highest ExcelApi requirement set reported as supported (default "1.9", the manifest minimum). */
  excelApi?: string;
  /** Request payload limit in bytes (default 5 MB, as Excel on the web). */
  payloadLimit?: number;
  /** `Office.context.displayLanguage` (default "en-US"). */
  displayLanguage?: string;
  /** `Office.context.platform` / `diagnostics.platform` (default "OfficeOnline"). */
  platform?: string;
}

/** Read-only view of one fake sheet, for assertions. Addresses are A1 without a sheet name. */
export interface FakeSheetInspector {
  readonly id: string;
  readonly name: string;
  readonly visibility: string;
  readonly frozenRows: number;
  readonly frozenColumns: number;
  readonly position: number;
  /** Stored value of one cell (null when empty). */
  value(address: string): FakeValue;
  /** Stored values of a range (null when empty). */
  values(address: string): FakeValue[][];
  formula(address: string): string | undefined;
  numberFormat(address: string): string;
  /** Any format key: `fill.color`, `font.color`, `font.bold`, `borders.EdgeTop.color`, `columnWidth`... */
  format(address: string, key: string): unknown;
  /** The data validation governing one cell, or undefined. */
  validation(address: string): ValidationLayer | undefined;
  /** Every validation assignment, with A1 addresses, in order. */
  validations(): { address: string; rule: Record<string, unknown> | null; errorAlert?: Record<string, unknown> }[];
  /** Conditional formats with A1 addresses, highest priority first. */
  conditionalFormats(): (Omit<FakeConditionalFormat, "rect"> & { address: string })[];
  /** Used range (values only) as A1, or undefined for an empty sheet. */
  usedAddress(): string | undefined;
}

export interface FakeExcel {
  /** The `Excel` namespace: `run`, `RequestContext` and the enums the add-in uses. */
  Excel: Record<string, unknown>;
  /** The `Office` namespace: `onReady`, `context.requirements.isSetSupported`, `context.displayLanguage`. */
  Office: Record<string, unknown>;
  /** The raw workbook state (mutable; prefer the inspectors). */
  state: FakeWorkbook;
  /** Round trips (`context.sync()`, including Excel.run's final one) since creation or `resetCounters()`. */
  readonly syncCount: number;
  /** One record per sync: bytes moved and commands. */
  readonly syncLog: SyncRecord[];
  resetCounters(): void;
  /** Sets `Excel` and `Office` on `target` (default globalThis); returns a function restoring the old ones. */
  install(target?: Record<string, unknown>): () => void;
  sheetNames(): string[];
  sheet(name: string): FakeSheetInspector;
  names(): FakeName[];
  settings(): Record<string, unknown>;
  /** Everything about one sheet (values, formulas, formats, validation, conditional formats) as stable JSON. */
  snapshot(name: string): string;
  /**
   * A user's edit (typing or paste): stores the values as Excel would (strings coerced unless text-formatted),
   * raises `onChanged`, and resolves when every handler (and what they triggered) finished.
   */
  userEdit(sheetName: string, address: string, values: FakeValue[][] | FakeValue): Promise<void>;
  /**
   * A user's row insertion before 1-based `row`: moves the cells below down (formats stay where they are) and
   * raises `onChanged` with changeType `RowInserted`.
   */
  userInsertRows(sheetName: string, row: number, count: number): Promise<void>;
  /** A user's selection change: raises `onSelectionChanged` and resolves when handlers finished. */
  userSelect(sheetName: string, address: string): Promise<void>;
  /** Resolves when no event handler is running. */
  idle(): Promise<void>;
  /** Registered event handlers, optionally of one kind (`sheetChanged`, `sheetAdded`...). */
  handlerCount(kind?: string): number;
  /** Adds a sheet directly (outside any request), e.g. to simulate a user inserting one. */
  addSheet(init: FakeSheetInit): void;
}

interface Handler {
  kind: string;
  sheetId?: string;
  fn: (args: unknown) => unknown;
}

const EXCEL_ENUMS = {
  ConditionalFormatType: { custom: "Custom", cellValue: "CellValue" },
  DataValidationAlertStyle: { stop: "Stop", warning: "Warning", information: "Information" },
  DataValidationOperator: {
    between: "Between",
    notBetween: "NotBetween",
    equalTo: "EqualTo",
    notEqualTo: "NotEqualTo",
    greaterThan: "GreaterThan",
    lessThan: "LessThan",
    greaterThanOrEqualTo: "GreaterThanOrEqualTo",
    lessThanOrEqualTo: "LessThanOrEqualTo",
  },
  SheetVisibility: { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" },
  BorderIndex: { edgeTop: "EdgeTop", edgeBottom: "EdgeBottom", edgeLeft: "EdgeLeft", edgeRight: "EdgeRight" },
  BorderLineStyle: { none: "None", continuous: "Continuous" },
  BorderWeight: { thin: "Thin", medium: "Medium", thick: "Thick" },
  ClearApplyTo: { all: "All", formats: "Formats", contents: "Contents" },
  DataChangeType: { rangeEdited: "RangeEdited", rowInserted: "RowInserted", rowDeleted: "RowDeleted", columnInserted: "ColumnInserted", columnDeleted: "ColumnDeleted", cellInserted: "CellInserted", cellDeleted: "CellDeleted" },
  EventSource: { local: "Local", remote: "Remote" },
  ErrorCodes: { itemNotFound: "ItemNotFound", propertyNotLoaded: "PropertyNotLoaded", invalidArgument: "InvalidArgument" },
};

function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d) return d;
  }
  return 0;
}

/** Creates a fake Excel holding `initialSheets` (default: one empty "Sheet1"). */
export function createFakeExcel(initialSheets: FakeSheetInit[] = [{ name: "Sheet1" }], options: FakeOptions = {}): FakeExcel {
  const state: FakeWorkbook = {
    sheets: [],
    names: [],
    settings: new Map(),
    date1904: options.date1904 ?? false,
    activeSheetId: "",
    selection: { sheetId: "", rect: { row: 0, column: 0, rows: 1, columns: 1 } },
    nextId: 1,
  };
  const handlers: Handler[] = [];
  const pending = new Set<Promise<unknown>>();
  let syncLog: SyncRecord[] = [];
  const excelApi = options.excelApi ?? "1.9";

  const dispatch = (kind: string, sheet: FakeSheet, args: Record<string, unknown>): void => {
    for (const h of handlers.filter((x) => x.kind === kind && (x.sheetId === undefined || x.sheetId === sheet.id))) {
      const p = Promise.resolve()
        .then(() => h.fn(args))
        .finally(() => pending.delete(p));
      // A handler's failure must not break the fake; tests see it through idle().
      pending.add(p);
    }
  };

  const changedArgs = (change: ChangeRecord, triggerSource: string): Record<string, unknown> => {
    const address = formatRect(change.rect);
    const sheetId = change.sheet.id;
    return {
      type: "WorksheetChanged",
      changeType: change.changeType,
      source: "Local",
      triggerSource,
      worksheetId: sheetId,
      address,
      getRange: (ctx: FakeContext) => (ctx.workbook as FakeWorkbookProxy).worksheets.getItem(sheetId).getRange(address),
      getRangeOrNullObject: (ctx: FakeContext) => (ctx.workbook as FakeWorkbookProxy).worksheets.getItem(sheetId).getRange(address),
    };
  };

  const engine: FakeEngine & { emitSheetEvent: (kind: string, s: FakeSheet) => void } = {
    state,
    payloadLimit: options.payloadLimit ?? 5 * 1024 * 1024,
    get syncLog() {
      return syncLog;
    },
    emitChanges(changes) {
      for (const c of changes) dispatch("sheetChanged", c.sheet, changedArgs(c, "ThisLocalAddin"));
    },
    emitSheetEvent(kind, s) {
      dispatch(kind, s, { type: kind === "sheetAdded" ? "WorksheetAdded" : "WorksheetDeleted", worksheetId: s.id, source: "Local" });
    },
    registerHandler(kind, sheetId, fn) {
      const h: Handler = { kind, sheetId, fn };
      handlers.push(h);
      return () => {
        const i = handlers.indexOf(h);
        if (i >= 0) handlers.splice(i, 1);
      };
    },
    supports(version) {
      return compareVersions(version, excelApi) <= 0;
    },
  };

  const addSheet = (init: FakeSheetInit): void => {
    const s = newSheet(state, init.name);
    s.visibility = init.visibility ?? "Visible";
    const r0 = (init.startRow ?? 1) - 1;
    init.values?.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== null && v !== "") s.cells.set(cellKey(r0 + r, c), { value: v });
      }),
    );
    init.formulas?.forEach((row, r) =>
      row.forEach((f, c) => {
        if (!f) return;
        const key = cellKey(r0 + r, c);
        s.cells.set(key, { value: s.cells.get(key)?.value ?? null, formula: f });
      }),
    );
    init.numberFormats?.forEach((row, r) =>
      row.forEach((f, c) => {
        if (f && f !== "General") setFormat(s, "numberFormat", { row: r0 + r, column: c, rows: 1, columns: 1 }, f);
      }),
    );
    state.sheets.push(s);
    if (!state.activeSheetId && s.visibility === "Visible") {
      state.activeSheetId = s.id;
      state.selection = { sheetId: s.id, rect: { row: 0, column: 0, rows: 1, columns: 1 } };
    }
  };
  for (const init of initialSheets) addSheet(init);

  const run = async (...args: unknown[]): Promise<unknown> => {
    const batch = args[args.length - 1] as (ctx: FakeContext) => Promise<unknown>;
    if (typeof batch !== "function") throw new FakeOfficeError("InvalidArgument", "Excel.run needs a batch function.");
    // Excel.run(existingContext, batch) reuses a context, e.g. to remove an event handler it registered.
    const reuse = args.length > 1 && args[0] instanceof FakeContext ? (args[0] as FakeContext) : undefined;
    const ctx = reuse ?? new FakeContext(engine);
    if (!reuse) ctx.workbook = new FakeWorkbookProxy(ctx);
    ctx.open = true;
    try {
      const result = await batch(ctx);
      if (ctx.queue.length) await ctx.sync();
      return result;
    } finally {
      ctx.open = false;
    }
  };

  const findSheet = (name: string): FakeSheet => {
    const s = state.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`fake: no sheet named "${name}" (have ${state.sheets.map((x) => x.name).join(", ")})`);
    return s;
  };
  const rectOf = (address: string): Rect => parseAddress(address).rect;

  const inspector = (name: string): FakeSheetInspector => {
    const s = findSheet(name);
    return {
      id: s.id,
      name: s.name,
      visibility: s.visibility,
      frozenRows: s.frozenRows,
      frozenColumns: s.frozenColumns,
      position: state.sheets.indexOf(s),
      value: (a) => {
        const r = rectOf(a);
        return s.cells.get(cellKey(r.row, r.column))?.value ?? null;
      },
      values: (a) => {
        const r = rectOf(a);
        return Array.from({ length: r.rows }, (_, i) => Array.from({ length: r.columns }, (_, j) => s.cells.get(cellKey(r.row + i, r.column + j))?.value ?? null));
      },
      formula: (a) => {
        const r = rectOf(a);
        return s.cells.get(cellKey(r.row, r.column))?.formula;
      },
      numberFormat: (a) => {
        const r = rectOf(a);
        return String(formatAt(s, "numberFormat", r.row, r.column));
      },
      format: (a, key) => {
        const r = rectOf(a);
        return formatAt(s, key, r.row, r.column);
      },
      validation: (a) => {
        const r = rectOf(a);
        return validationAt(s, r.row, r.column);
      },
      validations: () => s.validations.map((v) => ({ address: formatRect(v.rect), rule: v.rule, errorAlert: v.errorAlert })),
      conditionalFormats: () =>
        [...s.conditionalFormats]
          .sort((a, b) => a.priority - b.priority)
          .map(({ rect, ...rest }) => ({ ...rest, address: formatRect(rect) })),
      usedAddress: () => {
        const u = usedRect(s, true);
        return u ? formatRect(u) : undefined;
      },
    };
  };

  const idle = async (): Promise<void> => {
    while (pending.size) await Promise.allSettled([...pending]);
    // Let handlers' own Excel.run calls that were scheduled last settle too.
    await new Promise((r) => setTimeout(r, 0));
    if (pending.size) await idle();
  };

  const Office = {
    onReady: (cb?: (info: unknown) => void) => {
      const info = { host: "Excel", platform: options.platform ?? "OfficeOnline" };
      // As Office.js: the callback runs later, never before onReady returns.
      return new Promise((resolve) =>
        setTimeout(() => {
          cb?.(info);
          resolve(info);
        }, 0),
      );
    },
    HostType: { Excel: "Excel" },
    PlatformType: { OfficeOnline: "OfficeOnline", PC: "PC", Mac: "Mac" },
    context: {
      displayLanguage: options.displayLanguage ?? "en-US",
      platform: options.platform ?? "OfficeOnline",
      diagnostics: { host: "Excel", platform: options.platform ?? "OfficeOnline", version: "16.0.fake" },
      requirements: {
        isSetSupported: (name: string, version?: string) => name === "ExcelApi" && engine.supports(version ?? "1.1"),
      },
    },
  };

  const Excel = { run, RequestContext: function () {
    throw new FakeOfficeError("NotImplemented", "Use Excel.run with the fake.");
  }, ...EXCEL_ENUMS };

  const fake: FakeExcel = {
    Excel,
    Office,
    state,
    get syncCount() {
      return syncLog.length;
    },
    get syncLog() {
      return syncLog;
    },
    resetCounters() {
      syncLog = [];
    },
    install(target = globalThis as unknown as Record<string, unknown>) {
      const before = { Excel: target.Excel, Office: target.Office };
      target.Excel = Excel;
      target.Office = Office;
      return () => {
        target.Excel = before.Excel;
        target.Office = before.Office;
      };
    },
    sheetNames: () => state.sheets.map((s) => s.name),
    sheet: inspector,
    names: () => state.names.map((n) => ({ ...n })),
    settings: () => Object.fromEntries(state.settings),
    snapshot(name) {
      const s = findSheet(name);
      const cells = [...s.cells.entries()].sort((a, b) => a[0] - b[0]).map(([k, v]) => [formatRect({ row: Math.floor(k / 16384), column: k % 16384, rows: 1, columns: 1 }), v]);
      return JSON.stringify({
        name: s.name,
        visibility: s.visibility,
        frozen: [s.frozenRows, s.frozenColumns],
        cells,
        formats: s.formats,
        validations: s.validations,
        conditionalFormats: s.conditionalFormats,
      });
    },
    async userEdit(sheetName, address, values) {
      const s = findSheet(sheetName);
      const rect = rectOf(address);
      const at = Array.isArray(values) ? (r: number, c: number) => (values as FakeValue[][])[r][c] : () => values;
      writeCells(s, rect, at, state.date1904);
      dispatch("sheetChanged", s, changedArgs({ sheet: s, rect, changeType: "RangeEdited" }, "Unknown"));
      await idle();
    },
    async userInsertRows(sheetName, row, count) {
      const s = findSheet(sheetName);
      const moved = [...s.cells.entries()].filter(([k]) => Math.floor(k / 16384) >= row - 1);
      for (const [k] of moved) s.cells.delete(k);
      for (const [k, cell] of moved) s.cells.set(k + count * 16384, cell);
      const rect = { row: row - 1, column: 0, rows: count, columns: 16384 };
      dispatch("sheetChanged", s, changedArgs({ sheet: s, rect, changeType: "RowInserted" }, "Unknown"));
      await idle();
    },
    async userSelect(sheetName, address) {
      const s = findSheet(sheetName);
      state.activeSheetId = s.id;
      state.selection = { sheetId: s.id, rect: rectOf(address) };
      dispatch("sheetSelectionChanged", s, { type: "WorksheetSelectionChanged", worksheetId: s.id, address: formatRect(rectOf(address)) });
      await idle();
    },
    idle,
    handlerCount: (kind) => handlers.filter((h) => !kind || h.kind === kind).length,
    addSheet,
  };
  return fake;
}

// Re-exported for tests that build ranges or sheets by hand.
export { FakeRange, FakeWorksheet };
