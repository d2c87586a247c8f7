/**
 * The fake `Excel.Workbook`, worksheets, names, settings, functions and event sources.
 */
import { MAX_COLUMNS, MAX_ROWS, formatRect, parseAddress, quoteSheet } from "./address";
import type { FakeContext } from "./context";
import { FakeClientResult, FakeObject, FakeOfficeError } from "./context";
import type { RangeTarget } from "./range";
import { FakeRange, dateSerial } from "./range";
import type { FakeName, FakeSheet } from "./state";
import { newSheet, usedRect } from "./state";

/** `onChanged`, `onAdded`... : `add(handler)` registers at the next sync and returns `{ remove() }`. */
export class FakeEventSource {
  constructor(
    private readonly ctx: FakeContext,
    private readonly kind: string,
    private readonly sheetId: () => string | undefined,
  ) {}
  add(handler: (args: unknown) => unknown): { remove: () => void; context: FakeContext } {
    let unregister: (() => void) | undefined;
    this.ctx.enqueue(`register ${this.kind}`, () => {
      unregister = this.ctx.engine.registerHandler(this.kind, this.sheetId(), handler);
    });
    const ctx = this.ctx;
    return {
      context: ctx,
      remove: () => ctx.enqueue(`remove ${this.kind}`, () => unregister?.()),
    };
  }
}

const SHEET_SCALARS = ["name", "id", "visibility", "position", "tabColor"] as const;

/** `Excel.Worksheet`. */
export class FakeWorksheet extends FakeObject {
  protected readonly _scalars = SHEET_SCALARS;
  readonly onChanged: FakeEventSource;
  readonly onSelectionChanged: FakeEventSource;
  readonly freezePanes: {
    freezeRows: (n?: number) => void;
    freezeColumns: (n?: number) => void;
    unfreeze: () => void;
    getLocationOrNullObject: () => FakeRange;
  };

  constructor(ctx: FakeContext, resolver: () => FakeSheet | null, nullable = false) {
    super(ctx, resolver, nullable, "Worksheet");
    for (const p of SHEET_SCALARS) {
      Object.defineProperty(this, p, {
        get: () => this._get(p),
        set: (v: unknown) => this.write(p, v),
        enumerable: true,
      });
    }
    const sheetId = (): string | undefined => (this._target() as FakeSheet | null)?.id;
    this.onChanged = new FakeEventSource(ctx, "sheetChanged", sheetId);
    this.onSelectionChanged = new FakeEventSource(ctx, "sheetSelectionChanged", sheetId);
    const freeze = (rows: number, columns: number) =>
      ctx.enqueue("freezePanes", () => {
        const s = this.sheet();
        s.frozenRows = rows < 0 ? s.frozenRows : rows;
        s.frozenColumns = columns < 0 ? s.frozenColumns : columns;
      });
    this.freezePanes = {
      freezeRows: (n = 1) => freeze(n, -1),
      freezeColumns: (n = 1) => freeze(-1, n),
      unfreeze: () => freeze(0, 0),
      getLocationOrNullObject: () =>
        new FakeRange(
          ctx,
          () => {
            const s = this.sheet();
            if (!s.frozenRows && !s.frozenColumns) return null;
            return {
              sheet: s,
              rect: { row: 0, column: 0, rows: s.frozenRows || MAX_ROWS, columns: s.frozenColumns || MAX_COLUMNS },
            };
          },
          true,
        ),
    };
  }

  private sheet(): FakeSheet {
    return this._targetForWrite() as FakeSheet;
  }

  protected _read(target: unknown, prop: string): unknown {
    const s = target as FakeSheet;
    if (prop === "position") return this._ctx.engine.state.sheets.indexOf(s);
    return (s as unknown as Record<string, unknown>)[prop];
  }

  private write(prop: string, v: unknown): void {
    if (prop === "id") throw new FakeOfficeError("InvalidOperation", "Worksheet.id is read-only.");
    this._ctx.enqueue(`set Worksheet.${prop}`, () => {
      const s = this.sheet();
      const state = this._ctx.engine.state;
      if (prop === "name") {
        const name = String(v);
        checkSheetName(name);
        if (state.sheets.some((o) => o !== s && o.name.toLowerCase() === name.toLowerCase())) {
          throw new FakeOfficeError("ItemAlreadyExists", `A worksheet named "${name}" already exists.`);
        }
        s.name = name;
      } else if (prop === "position") {
        state.sheets.splice(state.sheets.indexOf(s), 1);
        state.sheets.splice(Math.min(Number(v), state.sheets.length), 0, s);
      } else if (prop === "visibility") {
        if (v !== "Visible" && v !== "Hidden" && v !== "VeryHidden") throw new FakeOfficeError("InvalidArgument", `Bad visibility ${String(v)}.`);
        if (v !== "Visible" && state.sheets.filter((o) => o.visibility === "Visible" && o !== s).length === 0) {
          throw new FakeOfficeError("InvalidOperation", "A workbook must keep at least one visible sheet.");
        }
        s.visibility = v;
      } else s.tabColor = String(v);
    });
  }

  private range(f: (s: FakeSheet) => RangeTarget["rect"] | null, nullable = false): FakeRange {
    return new FakeRange(
      this._ctx,
      () => {
        const s = this._target() as FakeSheet | null;
        if (!s) return null;
        const rect = f(s);
        return rect ? { sheet: s, rect } : null;
      },
      nullable,
    );
  }

  /** `getRange()` is the whole sheet; `getRange("B2:C3")`. */
  getRange(address?: string): FakeRange {
    if (address === undefined) return this.range(() => ({ row: 0, column: 0, rows: MAX_ROWS, columns: MAX_COLUMNS }));
    const { sheet, rect } = parseAddress(address);
    if (sheet !== undefined) throw new FakeOfficeError("InvalidArgument", `Worksheet.getRange takes an address without a sheet: ${address}`);
    return this.range(() => rect);
  }
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    if (rowCount < 1 || columnCount < 1 || startRow < 0 || startColumn < 0) {
      throw new FakeOfficeError("InvalidArgument", `getRangeByIndexes(${startRow}, ${startColumn}, ${rowCount}, ${columnCount})`);
    }
    return this.range(() => ({ row: startRow, column: startColumn, rows: rowCount, columns: columnCount }));
  }
  getCell(row: number, column: number): FakeRange {
    return this.range(() => ({ row, column, rows: 1, columns: 1 }));
  }
  /** Bounding box of used cells; A1 on an empty sheet (as Excel). */
  getUsedRange(valuesOnly = false): FakeRange {
    return this.range((s) => usedRect(s, valuesOnly) ?? { row: 0, column: 0, rows: 1, columns: 1 });
  }
  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    const r = this.range((s) => usedRect(s, valuesOnly) ?? null, true);
    r._queueResolve();
    return r;
  }
  activate(): void {
    this._ctx.enqueue("activate Worksheet", () => {
      const s = this.sheet();
      if (s.visibility !== "Visible") throw new FakeOfficeError("InvalidOperation", "Cannot activate a hidden sheet.");
      this._ctx.engine.state.activeSheetId = s.id;
    });
  }
  delete(): void {
    this._ctx.enqueue("delete Worksheet", () => {
      const s = this.sheet();
      const state = this._ctx.engine.state;
      state.sheets = state.sheets.filter((o) => o !== s);
      (this._ctx.engine as unknown as { emitSheetEvent: (k: string, s: FakeSheet) => void }).emitSheetEvent("sheetDeleted", s);
    });
  }
}

function checkSheetName(name: string): void {
  if (!name || name.length > 31 || /[\\/?*[\]:]/.test(name) || name.startsWith("'") || name.endsWith("'")) {
    throw new FakeOfficeError("InvalidArgument", `"${name}" is not a valid worksheet name.`);
  }
}

/** `workbook.worksheets`. */
export class FakeWorksheetCollection extends FakeObject {
  protected readonly _scalars = ["items"] as const;
  private _items: FakeWorksheet[] | undefined;
  readonly onChanged: FakeEventSource;
  readonly onAdded: FakeEventSource;
  readonly onDeleted: FakeEventSource;
  readonly onSelectionChanged: FakeEventSource;
  readonly onActivated: FakeEventSource;

  constructor(ctx: FakeContext) {
    super(ctx, () => ctx.engine.state, false, "WorksheetCollection");
    const none = (): undefined => undefined;
    this.onChanged = new FakeEventSource(ctx, "sheetChanged", none);
    this.onAdded = new FakeEventSource(ctx, "sheetAdded", none);
    this.onDeleted = new FakeEventSource(ctx, "sheetDeleted", none);
    this.onSelectionChanged = new FakeEventSource(ctx, "sheetSelectionChanged", none);
    this.onActivated = new FakeEventSource(ctx, "sheetActivated", none);
  }
  load(arg?: Parameters<FakeObject["load"]>[0]): this {
    const props = (typeof arg === "string" ? arg : Array.isArray(arg) ? arg.join(",") : (arg?.select ?? ""))
      .split(",")
      .map((s) => s.trim().replace(/^items\//, ""))
      .filter(Boolean);
    this._ctx.enqueue("load WorksheetCollection.items", () => {
      this._items = this._ctx.engine.state.sheets.map((s) => {
        const ws = new FakeWorksheet(this._ctx, () => s);
        const data = (ws as unknown as { _data: Map<string, unknown> })._data;
        for (const p of props.length ? props : SHEET_SCALARS) {
          if (!(SHEET_SCALARS as readonly string[]).includes(p)) throw new FakeOfficeError("InvalidArgument", `Worksheet has no property ${p}.`);
          data.set(p, p === "position" ? this._ctx.engine.state.sheets.indexOf(s) : (s as unknown as Record<string, unknown>)[p]);
        }
        return ws;
      });
    });
    return this;
  }
  get items(): FakeWorksheet[] {
    if (!this._items) throw new FakeOfficeError("PropertyNotLoaded", "WorksheetCollection.items is not loaded.");
    return this._items;
  }
  protected _read(): unknown {
    return undefined;
  }
  private byName(name: string): FakeSheet | null {
    return this._ctx.engine.state.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase() || s.id === name) ?? null;
  }
  /** Adds a sheet at the end (named `name`, or SheetN). */
  add(name?: string): FakeWorksheet {
    const ref: { sheet: FakeSheet | null } = { sheet: null };
    this._ctx.enqueue(`add Worksheet ${name ?? ""}`, () => {
      const state = this._ctx.engine.state;
      let n = name;
      if (n === undefined) {
        let i = state.sheets.length + 1;
        while (this.byName(`Sheet${i}`)) i++;
        n = `Sheet${i}`;
      }
      checkSheetName(n);
      if (this.byName(n)) throw new FakeOfficeError("ItemAlreadyExists", `A worksheet named "${n}" already exists.`);
      const s = newSheet(state, n);
      state.sheets.push(s);
      ref.sheet = s;
      (this._ctx.engine as unknown as { emitSheetEvent: (k: string, s: FakeSheet) => void }).emitSheetEvent("sheetAdded", s);
    });
    return new FakeWorksheet(this._ctx, () => ref.sheet);
  }
  getItem(nameOrId: string): FakeWorksheet {
    const ws = new FakeWorksheet(this._ctx, () => this.byName(nameOrId));
    ws._queueResolve();
    return ws;
  }
  getItemOrNullObject(nameOrId: string): FakeWorksheet {
    const ws = new FakeWorksheet(this._ctx, () => this.byName(nameOrId), true);
    ws._queueResolve();
    return ws;
  }
  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this._ctx, () => this._ctx.engine.state.sheets.find((s) => s.id === this._ctx.engine.state.activeSheetId) ?? null);
  }
  getCount(): FakeClientResult<number> {
    return new FakeClientResult(this._ctx, "count Worksheets", () => this._ctx.engine.state.sheets.length);
  }
}

const NAME_SCALARS = ["name", "formula", "comment", "visible", "type", "value"] as const;

/** `Excel.NamedItem`. */
export class FakeNamedItem extends FakeObject {
  protected readonly _scalars = NAME_SCALARS;
  constructor(ctx: FakeContext, resolver: () => FakeName | null, nullable = false) {
    super(ctx, resolver, nullable, "NamedItem");
    for (const p of NAME_SCALARS) {
      Object.defineProperty(this, p, {
        get: () => this._get(p),
        set: (v: unknown) =>
          ctx.enqueue(`set NamedItem.${p}`, () => {
            const n = this._targetForWrite() as FakeName;
            if (p === "formula") n.formula = String(v).startsWith("=") ? String(v) : `=${String(v)}`;
            else if (p === "comment") n.comment = String(v);
            else if (p === "visible") n.visible = Boolean(v);
            else throw new FakeOfficeError("InvalidOperation", `NamedItem.${p} is read-only.`);
          }),
        enumerable: true,
      });
    }
  }
  protected _read(target: unknown, prop: string): unknown {
    const n = target as FakeName;
    if (prop === "type") return "Range";
    if (prop === "value") return n.formula.slice(1);
    return (n as unknown as Record<string, unknown>)[prop];
  }
  delete(): void {
    this._ctx.enqueue("delete NamedItem", () => {
      const n = this._targetForWrite() as FakeName;
      const state = this._ctx.engine.state;
      state.names = state.names.filter((x) => x !== n);
    });
  }
  getRange(): FakeRange {
    return new FakeRange(this._ctx, () => {
      const n = this._target() as FakeName;
      const { sheet, rect } = parseAddress(n.formula);
      const s = this._ctx.engine.state.sheets.find((x) => x.name === sheet);
      if (!s) throw new FakeOfficeError("InvalidReference", `Name ${n.name} refers to a missing sheet.`);
      return { sheet: s, rect };
    });
  }
}

/** `workbook.names`. */
export class FakeNamedItemCollection extends FakeObject {
  protected readonly _scalars = ["items"] as const;
  private _items: FakeNamedItem[] | undefined;
  constructor(ctx: FakeContext) {
    super(ctx, () => ctx.engine.state, false, "NamedItemCollection");
  }
  load(arg?: Parameters<FakeObject["load"]>[0]): this {
    const props = (typeof arg === "string" ? arg : Array.isArray(arg) ? arg.join(",") : (arg?.select ?? ""))
      .split(",")
      .map((s) => s.trim().replace(/^items\//, ""))
      .filter(Boolean);
    this._ctx.enqueue("load NamedItemCollection.items", () => {
      this._items = this._ctx.engine.state.names.map((n) => {
        const item = new FakeNamedItem(this._ctx, () => n);
        const data = (item as unknown as { _data: Map<string, unknown> })._data;
        const read = (item as unknown as { _read: (t: unknown, p: string) => unknown })._read.bind(item);
        for (const p of props.length ? props : NAME_SCALARS) data.set(p, read(n, p));
        return item;
      });
    });
    return this;
  }
  get items(): FakeNamedItem[] {
    if (!this._items) throw new FakeOfficeError("PropertyNotLoaded", "NamedItemCollection.items is not loaded.");
    return this._items;
  }
  protected _read(): unknown {
    return undefined;
  }
  private find(name: string): FakeName | null {
    return this._ctx.engine.state.names.find((n) => n.name.toLowerCase() === name.toLowerCase()) ?? null;
  }
  /** `add(name, reference, comment)`; reference is a Range or a formula string such as `=Sheet1!$A$1:$A$5`. */
  add(name: string, reference: FakeRange | string, comment = ""): FakeNamedItem {
    const ref: { n: FakeName | null } = { n: null };
    this._ctx.enqueue(`add NamedItem ${name}`, () => {
      if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name)) {
        throw new FakeOfficeError("InvalidArgument", `"${name}" is not a valid name.`);
      }
      if (this.find(name)) throw new FakeOfficeError("ItemAlreadyExists", `The name "${name}" already exists.`);
      let formula: string;
      if (typeof reference === "string") formula = reference.startsWith("=") ? reference : `=${reference}`;
      else {
        const t = reference._target() as RangeTarget;
        formula = `=${quoteSheet(t.sheet.name)}!${formatRect(t.rect, true)}`;
      }
      const n: FakeName = { name, formula, comment, visible: true };
      this._ctx.engine.state.names.push(n);
      ref.n = n;
    });
    return new FakeNamedItem(this._ctx, () => ref.n);
  }
  getItem(name: string): FakeNamedItem {
    const item = new FakeNamedItem(this._ctx, () => this.find(name));
    item._queueResolve();
    return item;
  }
  getItemOrNullObject(name: string): FakeNamedItem {
    const item = new FakeNamedItem(this._ctx, () => this.find(name), true);
    item._queueResolve();
    return item;
  }
}

interface SettingRef {
  key: string;
}

/** `Excel.Setting` (workbook.settings, ExcelApi 1.4): JSON values stored in the document. */
export class FakeSetting extends FakeObject {
  protected readonly _scalars = ["key", "value"] as const;
  constructor(ctx: FakeContext, resolver: () => SettingRef | null, nullable = false) {
    super(ctx, resolver, nullable, "Setting");
    Object.defineProperty(this, "key", { get: () => this._get("key"), enumerable: true });
    Object.defineProperty(this, "value", {
      get: () => this._get("value"),
      set: (v: unknown) =>
        ctx.enqueue("set Setting.value", () => {
          const r = this._targetForWrite() as SettingRef;
          ctx.engine.state.settings.set(r.key, JSON.parse(JSON.stringify(v)));
        }),
      enumerable: true,
    });
  }
  protected _read(target: unknown, prop: string): unknown {
    const r = target as SettingRef;
    return prop === "key" ? r.key : JSON.parse(JSON.stringify(this._ctx.engine.state.settings.get(r.key)));
  }
  delete(): void {
    this._ctx.enqueue("delete Setting", () => {
      const r = this._targetForWrite() as SettingRef;
      this._ctx.engine.state.settings.delete(r.key);
    });
  }
}

/** `workbook.settings`. */
export class FakeSettingCollection extends FakeObject {
  protected readonly _scalars = ["items"] as const;
  private _items: FakeSetting[] | undefined;
  constructor(ctx: FakeContext) {
    super(ctx, () => ctx.engine.state, false, "SettingCollection");
  }
  load(): this {
    this._ctx.enqueue("load SettingCollection.items", () => {
      this._items = [...this._ctx.engine.state.settings.keys()].map((key) => {
        const s = new FakeSetting(this._ctx, () => ({ key }));
        const data = (s as unknown as { _data: Map<string, unknown> })._data;
        data.set("key", key);
        data.set("value", JSON.parse(JSON.stringify(this._ctx.engine.state.settings.get(key))));
        return s;
      });
    });
    return this;
  }
  get items(): FakeSetting[] {
    if (!this._items) throw new FakeOfficeError("PropertyNotLoaded", "SettingCollection.items is not loaded.");
    return this._items;
  }
  protected _read(): unknown {
    return undefined;
  }
  private find(key: string): SettingRef | null {
    return this._ctx.engine.state.settings.has(key) ? { key } : null;
  }
  add(key: string, value: unknown): FakeSetting {
    const text = JSON.stringify(value);
    this._ctx.enqueue(
      `add Setting ${key}`,
      () => {
        this._ctx.engine.state.settings.set(key, JSON.parse(text));
      },
      text.length,
    );
    return new FakeSetting(this._ctx, () => ({ key }));
  }
  getItem(key: string): FakeSetting {
    const s = new FakeSetting(this._ctx, () => this.find(key));
    s._queueResolve();
    return s;
  }
  getItemOrNullObject(key: string): FakeSetting {
    const s = new FakeSetting(this._ctx, () => this.find(key), true);
    s._queueResolve();
    return s;
  }
}

/** `Excel.FunctionResult`. */
export class FakeFunctionResult extends FakeObject {
  protected readonly _scalars = ["value", "error"] as const;
  constructor(ctx: FakeContext, compute: () => number) {
    super(ctx, () => ({ value: compute(), error: null }), false, "FunctionResult");
    Object.defineProperty(this, "value", { get: () => this._get("value"), enumerable: true });
    Object.defineProperty(this, "error", { get: () => this._get("error"), enumerable: true });
  }
  protected _read(target: unknown, prop: string): unknown {
    return (target as Record<string, unknown>)[prop];
  }
}

/** `Excel.Workbook`. */
export class FakeWorkbookProxy {
  readonly worksheets: FakeWorksheetCollection;
  readonly names: FakeNamedItemCollection;
  readonly settings: FakeSettingCollection;
  readonly functions: { date: (y: number, m: number, d: number) => FakeFunctionResult };
  readonly application: { suspendApiCalculationUntilNextSync: () => void };

  constructor(private readonly ctx: FakeContext) {
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.names = new FakeNamedItemCollection(ctx);
    this.settings = new FakeSettingCollection(ctx);
    // DATE(y,m,d) honours the workbook's date system: DATE(1904,1,1) is 0 in the 1904 system, 1462 in 1900.
    this.functions = { date: (y, m, d) => new FakeFunctionResult(ctx, () => dateSerial(y, m, d, ctx.engine.state.date1904)) };
    this.application = { suspendApiCalculationUntilNextSync: () => ctx.enqueue("suspendApiCalculation", () => undefined) };
  }
  getSelectedRange(): FakeRange {
    return new FakeRange(this.ctx, () => {
      const sel = this.ctx.engine.state.selection;
      const sheet = this.ctx.engine.state.sheets.find((s) => s.id === sel.sheetId);
      return sheet ? { sheet, rect: sel.rect } : null;
    });
  }
  getActiveCell(): FakeRange {
    return new FakeRange(this.ctx, () => {
      const sel = this.ctx.engine.state.selection;
      const sheet = this.ctx.engine.state.sheets.find((s) => s.id === sel.sheetId);
      return sheet ? { sheet, rect: { row: sel.rect.row, column: sel.rect.column, rows: 1, columns: 1 } } : null;
    });
  }
}
