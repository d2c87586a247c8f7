/**
 * The fake `Excel.Range` and what hangs off it: format (fill, font, borders), dataValidation and
 * conditionalFormats. Writes follow Excel: a string typed into a cell that is not text-formatted becomes a number,
 * boolean or date serial (the trap the add-in's text formats prevent).
 */
import type { Rect } from "./address";
import { MAX_COLUMNS, MAX_ROWS, formatRect, intersection, intersects, quoteSheet } from "./address";
import type { FakeContext } from "./context";
import { FakeObject, FakeOfficeError, requestBytes } from "./context";
import type { FakeCell, FakeConditionalFormat as CfState, FakeSheet, FakeValue } from "./state";
import { cellKey, defaultFormat, formatAt, formatGrid, setFormat, validationAt } from "./state";

export interface RangeTarget {
  sheet: FakeSheet;
  rect: Rect;
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Serial of a calendar date in the 1900 (default) or 1904 date system. */
export function dateSerial(y: number, m: number, d: number, date1904: boolean): number {
  const ms = Date.UTC(y, m - 1, d);
  const base = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  return Math.round((ms - base) / 86400000);
}

/**
 * What Excel stores when a value is typed or written into a cell with number format `fmt`: text-formatted cells
 * keep strings; otherwise numeric strings become numbers, TRUE/FALSE booleans, ISO dates date serials.
 * Returns the stored value and a number format Excel would apply (dates), if any.
 */
export function coerceTyped(v: FakeValue, fmt: string, date1904: boolean): { value: FakeValue; format?: string } {
  if (typeof v !== "string" || fmt === "@") return { value: v === "" ? null : v };
  const t = v.trim();
  if (t === "") return { value: v === "" ? null : v };
  if (NUMBER.test(t)) return { value: Number(t) };
  if (/^(true|false)$/i.test(t)) return { value: t.toLowerCase() === "true" };
  const m = ISO_DATE.exec(t);
  if (m) {
    const serial = dateSerial(Number(m[1]), Number(m[2]), Number(m[3]), date1904);
    return { value: serial, format: fmt === "General" ? "yyyy-mm-dd" : undefined };
  }
  return { value: v };
}

function grid<T>(rect: Rect, f: (r: number, c: number) => T): T[][] {
  const out: T[][] = new Array(rect.rows);
  for (let r = 0; r < rect.rows; r++) {
    const row = new Array<T>(rect.columns);
    for (let c = 0; c < rect.columns; c++) row[c] = f(rect.row + r, rect.column + c);
    out[r] = row;
  }
  return out;
}

/** Defines Office-style accessors on a proxy: reads need load+sync, writes are queued. */
function defineProps(obj: FakeObject, props: readonly string[], write: (prop: string, value: unknown) => void): void {
  for (const p of props) {
    Object.defineProperty(obj, p, {
      get: () => (obj as unknown as { _get: (p: string) => unknown })._get(p),
      set: (v: unknown) => write(p, v),
      enumerable: true,
      configurable: true,
    });
  }
}

/** A part of a range's format under a key prefix: `fill.`, `font.`, `borders.EdgeTop.`, or `` for RangeFormat. */
class FakeFormatPart extends FakeObject {
  protected readonly _scalars: readonly string[];
  constructor(
    ctx: FakeContext,
    private readonly range: FakeRange,
    private readonly prefix: string,
    props: readonly string[],
    typeName: string,
  ) {
    super(ctx, () => range._target(), false, typeName);
    this._scalars = props;
    defineProps(this, props, (p, v) => {
      ctx.enqueue(`set ${typeName}.${p}`, () => {
        const t = range._targetForWriteRange();
        setFormat(t.sheet, prefix + p, t.rect, v);
      });
    });
  }
  protected _read(target: unknown, prop: string): unknown {
    const t = target as RangeTarget;
    const g = formatGrid(t.sheet, this.prefix + prop, t.rect);
    const first = g[0]?.[0];
    // Office.js reports null when the cells of the range differ.
    return g.every((row) => row.every((x) => x === first)) ? first : null;
  }
  /** `fill.clear()`: back to no fill. */
  clear(): void {
    this._ctx.enqueue(`clear ${this.prefix}`, () => {
      const t = this.range._targetForWriteRange();
      for (const p of this._scalars) setFormat(t.sheet, this.prefix + p, t.rect, defaultFormat(this.prefix + p));
    });
  }
}

function contains2(outer: Rect, inner: Rect): boolean {
  return inner.row >= outer.row && inner.column >= outer.column && inner.row + inner.rows <= outer.row + outer.rows && inner.column + inner.columns <= outer.column + outer.columns;
}

class FakeBorders {
  constructor(
    private readonly ctx: FakeContext,
    private readonly range: FakeRange,
  ) {}
  getItem(index: string): FakeFormatPart {
    return new FakeFormatPart(this.ctx, this.range, `borders.${index}.`, ["color", "style", "weight"], "RangeBorder");
  }
}

/** `Range.format`. */
export class FakeRangeFormat extends FakeFormatPart {
  readonly fill: FakeFormatPart;
  readonly font: FakeFormatPart;
  readonly borders: FakeBorders;
  constructor(ctx: FakeContext, private readonly owner: FakeRange) {
    super(ctx, owner, "", ["columnWidth", "rowHeight", "wrapText", "horizontalAlignment"], "RangeFormat");
    this.fill = new FakeFormatPart(ctx, owner, "fill.", ["color"], "RangeFill");
    this.font = new FakeFormatPart(ctx, owner, "font.", ["color", "bold", "italic", "name", "size"], "RangeFont");
    this.borders = new FakeBorders(ctx, owner);
  }
  protected _child(name: string): FakeObject | undefined {
    return name === "fill" ? this.fill : name === "font" ? this.font : undefined;
  }
  autofitColumns(): void {
    this._ctx.enqueue("autofitColumns", () => void this.owner._targetForWriteRange());
  }
  autofitRows(): void {
    this._ctx.enqueue("autofitRows", () => void this.owner._targetForWriteRange());
  }
}

/** `Range.dataValidation`. */
export class FakeDataValidation extends FakeObject {
  protected readonly _scalars = ["rule", "errorAlert", "prompt", "ignoreBlanks", "type"] as const;
  constructor(ctx: FakeContext, private readonly owner: FakeRange) {
    super(ctx, () => owner._target(), false, "DataValidation");
    for (const p of ["rule", "errorAlert", "prompt", "ignoreBlanks"] as const) {
      Object.defineProperty(this, p, {
        get: () => this._get(p),
        set: (v: unknown) => this.write(p, v),
        enumerable: true,
      });
    }
    Object.defineProperty(this, "type", { get: () => this._get("type"), enumerable: true });
  }
  private write(prop: string, v: unknown): void {
    this._ctx.enqueue(`set DataValidation.${prop}`, () => {
      const t = this.owner._targetForWriteRange();
      const current = validationAt(t.sheet, t.rect.row, t.rect.column);
      const layer = { ...(current ?? { rule: null }), rect: { ...t.rect } } as Record<string, unknown>;
      if (prop === "rule") {
        const rule = v as Record<string, unknown>;
        const kinds = Object.keys(rule).filter((k) => rule[k] !== undefined);
        if (kinds.length !== 1) throw new FakeOfficeError("InvalidArgument", `A data validation rule needs exactly one kind, got ${kinds.join(",")}.`);
        // Office.js refuses a new rule over cells that already have a different one; clear() first.
        for (const old of t.sheet.validations) {
          if (old.rule && intersects(old.rect, t.rect) && JSON.stringify(old.rule) !== JSON.stringify(rule)) {
            throw new FakeOfficeError("InvalidOperation", "The range already has a data validation rule; call dataValidation.clear() first.");
          }
        }
        layer.rule = JSON.parse(JSON.stringify(rule));
      } else layer[prop] = JSON.parse(JSON.stringify(v));
      t.sheet.validations.push(layer as never);
    });
  }
  protected _read(target: unknown, prop: string): unknown {
    const t = target as RangeTarget;
    const v = validationAt(t.sheet, t.rect.row, t.rect.column);
    if (prop === "type") return v?.rule ? Object.keys(v.rule)[0] : "None";
    if (prop === "rule") return v?.rule ?? {};
    if (prop === "errorAlert") return v?.errorAlert ?? { showAlert: true, style: "Stop", message: "", title: "" };
    if (prop === "prompt") return v?.prompt ?? { showPrompt: false, message: "", title: "" };
    return v?.ignoreBlanks ?? true;
  }
  clear(): void {
    this._ctx.enqueue("clear DataValidation", () => {
      const t = this.owner._targetForWriteRange();
      t.sheet.validations.push({ rect: { ...t.rect }, rule: null });
    });
  }
}

/** A `ConditionalFormat` proxy; `custom` and `cellValue` expose `rule` and `format` like Office.js. */
export class FakeConditionalFormat extends FakeObject {
  protected readonly _scalars = ["id", "type", "priority", "stopIfTrue"] as const;
  readonly custom: { rule: Record<string, unknown>; format: { fill: Record<string, unknown>; font: Record<string, unknown> } };
  readonly cellValue: { rule: unknown; format: { fill: Record<string, unknown>; font: Record<string, unknown> } };
  constructor(ctx: FakeContext, resolver: () => CfState | null, private readonly sheetOf: () => FakeSheet) {
    super(ctx, resolver, false, "ConditionalFormat");
    const cfOf = (): CfState => this._target() as CfState;
    const setter = (what: string, f: (cf: CfState) => void) => ctx.enqueue(`set ConditionalFormat.${what}`, () => f(cfOf()));
    const fmtPart = (part: string) => {
      const o: Record<string, unknown> = {};
      for (const p of ["color", "bold", "italic"]) {
        Object.defineProperty(o, p, {
          set: (v: unknown) => setter(`${part}.${p}`, (cf) => void (cf.format[`${part}.${p}`] = v)),
          get: () => {
            throw new FakeOfficeError("PropertyNotLoaded", `ConditionalFormat ${part}.${p} is write-only in the fake.`);
          },
        });
      }
      return o;
    };
    const customRule: Record<string, unknown> = {};
    Object.defineProperty(customRule, "load", { value: () => this.load("rule"), enumerable: false });
    Object.defineProperty(customRule, "formula", {
      set: (v: unknown) => setter("custom.rule.formula", (cf) => void (cf.rule.formula = v)),
      get: () => this._get<Record<string, unknown>>("rule").formula,
    });
    this.custom = { rule: customRule, format: { fill: fmtPart("fill"), font: fmtPart("font") } };
    const cellValue = { format: { fill: fmtPart("fill"), font: fmtPart("font") } } as { rule: unknown; format: { fill: Record<string, unknown>; font: Record<string, unknown> } };
    Object.defineProperty(cellValue, "rule", {
      set: (v: unknown) => setter("cellValue.rule", (cf) => void (cf.rule = JSON.parse(JSON.stringify(v)))),
      get: () => this._get("rule"),
    });
    this.cellValue = cellValue;
    for (const p of ["id", "type", "priority"]) Object.defineProperty(this, p, { get: () => this._get(p), enumerable: true });
    Object.defineProperty(this, "stopIfTrue", {
      get: () => this._get("stopIfTrue"),
      set: (v: boolean) => setter("stopIfTrue", (cf) => void (cf.stopIfTrue = v)),
    });
  }
  protected _extraLoadable(): readonly string[] {
    return ["rule"];
  }
  protected _child(name: string): FakeObject | undefined {
    // `custom/rule/formula` and `cellValue/rule` load the rule.
    if (name === "custom" || name === "cellValue") {
      // eslint-disable-next-line @typescript-eslint/no-this-alias
      const self = this;
      return { load: () => self.load("rule") } as unknown as FakeObject;
    }
    return undefined;
  }
  protected _read(target: unknown, prop: string): unknown {
    const cf = target as CfState;
    return prop === "rule" ? JSON.parse(JSON.stringify(cf.rule)) : (cf as unknown as Record<string, unknown>)[prop];
  }
  delete(): void {
    this._ctx.enqueue("delete ConditionalFormat", () => {
      const cf = this._target() as CfState;
      const sheet = this.sheetOf();
      sheet.conditionalFormats = sheet.conditionalFormats.filter((x) => x !== cf);
    });
  }
  getRange(): FakeRange {
    return new FakeRange(this._ctx, () => {
      const cf = this._target() as CfState;
      return { sheet: this.sheetOf(), rect: cf.rect };
    });
  }
}

/** `Range.conditionalFormats`: the formats intersecting the range. */
export class FakeConditionalFormatCollection extends FakeObject {
  protected readonly _scalars = ["items"] as const;
  private _items: FakeConditionalFormat[] | undefined;
  constructor(ctx: FakeContext, private readonly owner: FakeRange) {
    super(ctx, () => owner._target(), false, "ConditionalFormatCollection");
  }
  load(arg?: Parameters<FakeObject["load"]>[0]): this {
    const props = typeof arg === "string" ? arg : Array.isArray(arg) ? arg.join(",") : (arg?.select ?? "");
    const itemProps = props
      .split(",")
      .map((s) => s.trim())
      .filter((s) => s.startsWith("items/"))
      .map((s) => s.slice(6));
    this._ctx.enqueue("load ConditionalFormatCollection.items", () => {
      const t = this.owner._target() as RangeTarget;
      const list = t.sheet.conditionalFormats.filter((cf) => intersects(cf.rect, t.rect));
      this._items = list.map((cf) => {
        const proxy = new FakeConditionalFormat(this._ctx, () => cf, () => t.sheet);
        return proxy;
      });
      // Load the items' properties in this same sync (as Office.js does for `items/...` paths).
      for (const proxy of this._items) {
        const wanted = itemProps.length ? itemProps : ["id", "type", "priority", "stopIfTrue"];
        for (const p of wanted) {
          const key = p.startsWith("custom/") || p.startsWith("cellValue/") ? "rule" : p;
          (proxy as unknown as { _data: Map<string, unknown> })._data.set(key, (proxy as unknown as { _read: (t: unknown, p: string) => unknown })._read(proxy._target(), key));
        }
      }
    });
    return this;
  }
  get items(): FakeConditionalFormat[] {
    if (!this._items) throw new FakeOfficeError("PropertyNotLoaded", "ConditionalFormatCollection.items is not loaded.");
    return this._items;
  }
  protected _read(): unknown {
    return undefined;
  }
  add(type: string): FakeConditionalFormat {
    const ref: { cf: CfState | null; sheet?: FakeSheet } = { cf: null };
    this._ctx.enqueue(`add ConditionalFormat ${type}`, () => {
      const t = this.owner._targetForWriteRange();
      if (type !== "Custom" && type !== "CellValue") throw new FakeOfficeError("InvalidArgument", `The fake supports Custom and CellValue conditional formats, not ${type}.`);
      const engine = this._ctx.engine;
      const cf: CfState = {
        id: `cf${engine.state.nextId++}`,
        rect: { ...t.rect },
        type,
        rule: {},
        format: {},
        stopIfTrue: false,
        priority: 0,
      };
      // New formats get the top priority, as in Excel.
      for (const other of t.sheet.conditionalFormats) other.priority++;
      t.sheet.conditionalFormats.push(cf);
      ref.cf = cf;
      ref.sheet = t.sheet;
    });
    return new FakeConditionalFormat(this._ctx, () => ref.cf, () => ref.sheet as FakeSheet);
  }
  getCount(): { value: number } {
    let value: number | undefined;
    this._ctx.enqueue("count ConditionalFormats", () => {
      const t = this.owner._target() as RangeTarget;
      value = t.sheet.conditionalFormats.filter((cf) => intersects(cf.rect, t.rect)).length;
    });
    return {
      get value(): number {
        if (value === undefined) throw new FakeOfficeError("PropertyNotLoaded", "ClientResult.value is not available before context.sync().");
        return value;
      },
    };
  }
  clearAll(): void {
    this._ctx.enqueue("clearAll ConditionalFormats", () => {
      const t = this.owner._targetForWriteRange();
      t.sheet.conditionalFormats = t.sheet.conditionalFormats.filter((cf) => !intersects(cf.rect, t.rect));
    });
  }
}

const RANGE_SCALARS = ["address", "addressLocal", "rowIndex", "columnIndex", "rowCount", "columnCount", "cellCount", "values", "numberFormat", "formulas", "text", "valueTypes"] as const;

/** `Excel.Range`. */
export class FakeRange extends FakeObject {
  protected readonly _scalars = RANGE_SCALARS;
  readonly format: FakeRangeFormat;
  readonly dataValidation: FakeDataValidation;
  readonly conditionalFormats: FakeConditionalFormatCollection;

  constructor(ctx: FakeContext, resolver: () => RangeTarget | null, nullable = false) {
    super(ctx, resolver, nullable, "Range");
    this.format = new FakeRangeFormat(ctx, this);
    this.dataValidation = new FakeDataValidation(ctx, this);
    this.conditionalFormats = new FakeConditionalFormatCollection(ctx, this);
    for (const p of RANGE_SCALARS) {
      Object.defineProperty(this, p, {
        get: () => this._get(p),
        set: (v: unknown) => this.write(p, v),
        enumerable: true,
      });
    }
  }

  protected _child(name: string): FakeObject | undefined {
    return name === "format" ? this.format : name === "dataValidation" ? this.dataValidation : undefined;
  }

  _targetForWriteRange(): RangeTarget {
    return this._targetForWrite() as RangeTarget;
  }

  protected _read(target: unknown, prop: string): unknown {
    const { sheet, rect } = target as RangeTarget;
    const cellsOf = (): number => rect.rows * rect.columns;
    const heavy = prop === "values" || prop === "formulas" || prop === "numberFormat" || prop === "text" || prop === "valueTypes";
    if (heavy && cellsOf() * 3 > this._ctx.engine.payloadLimit) {
      throw new FakeOfficeError("RequestPayloadSizeLimitExceeded", `Reading ${prop} of ${formatRect(rect)} (${cellsOf()} cells) exceeds the payload limit.`);
    }
    let out: unknown;
    switch (prop) {
      case "address":
        out = `${quoteSheet(sheet.name)}!${formatRect(rect)}`;
        break;
      case "addressLocal":
        out = `${quoteSheet(sheet.name)}!${formatRect(rect)}`;
        break;
      case "rowIndex":
        return rect.row;
      case "columnIndex":
        return rect.column;
      case "rowCount":
        return rect.rows;
      case "columnCount":
        return rect.columns;
      case "cellCount":
        return cellsOf();
      case "values":
        out = grid(rect, (r, c) => sheet.cells.get(cellKey(r, c))?.value ?? "");
        break;
      case "formulas":
        out = grid(rect, (r, c) => {
          const cell = sheet.cells.get(cellKey(r, c));
          return cell?.formula ?? cell?.value ?? "";
        });
        break;
      case "numberFormat":
        out = formatGrid(sheet, "numberFormat", rect);
        break;
      case "text":
        out = grid(rect, (r, c) => {
          const v = sheet.cells.get(cellKey(r, c))?.value;
          return v === null || v === undefined ? "" : typeof v === "boolean" ? (v ? "TRUE" : "FALSE") : String(v);
        });
        break;
      case "valueTypes":
        out = grid(rect, (r, c) => {
          const v = sheet.cells.get(cellKey(r, c))?.value;
          if (v === null || v === undefined || v === "") return "Empty";
          if (typeof v === "number") return "Double";
          if (typeof v === "boolean") return "Boolean";
          return /^#/.test(v) && /[!?A]$/.test(v) ? "Error" : "String";
        });
        break;
      default:
        throw new FakeOfficeError("InvalidArgument", `Range.${prop} is not modelled by the fake.`);
    }
    this._ctx.received(requestBytes(out));
    return out;
  }

  private write(prop: string, v: unknown): void {
    if (prop !== "values" && prop !== "formulas" && prop !== "numberFormat") {
      throw new FakeOfficeError("InvalidOperation", `Range.${prop} is read-only.`);
    }
    const bytes = requestBytes(v);
    const copy: unknown = Array.isArray(v) ? v.map((row) => (Array.isArray(row) ? [...row] : row)) : v;
    this._ctx.enqueue(
      `set Range.${prop}`,
      () => {
        const { sheet, rect } = this._targetForWriteRange();
        const at = shapeReader(copy, rect, prop);
        if (prop === "numberFormat") {
          if (!Array.isArray(copy)) setFormat(sheet, "numberFormat", rect, copy);
          else {
            const first = at(0, 0);
            const uniform = (copy as unknown[][]).every((row) => row.every((x) => x === first));
            if (uniform) setFormat(sheet, "numberFormat", rect, first);
            else for (let r = 0; r < rect.rows; r++) for (let c = 0; c < rect.columns; c++) setFormat(sheet, "numberFormat", { row: rect.row + r, column: rect.column + c, rows: 1, columns: 1 }, at(r, c));
          }
          return;
        }
        writeCells(sheet, rect, at, this._ctx.engine.state.date1904);
        this._ctx.changes.push({ sheet, rect: { ...rect }, changeType: "RangeEdited" });
      },
      bytes,
    );
  }

  getCell(row: number, column: number): FakeRange {
    return this.derive((r) => ({ row: r.row + row, column: r.column + column, rows: 1, columns: 1 }));
  }
  getRow(row: number): FakeRange {
    return this.derive((r) => ({ row: r.row + row, column: r.column, rows: 1, columns: r.columns }));
  }
  getColumn(column: number): FakeRange {
    return this.derive((r) => ({ row: r.row, column: r.column + column, rows: r.rows, columns: 1 }));
  }
  getEntireRow(): FakeRange {
    return this.derive((r) => ({ row: r.row, column: 0, rows: r.rows, columns: MAX_COLUMNS }));
  }
  getEntireColumn(): FakeRange {
    return this.derive((r) => ({ row: 0, column: r.column, rows: MAX_ROWS, columns: r.columns }));
  }
  getOffsetRange(rowOffset: number, columnOffset: number): FakeRange {
    return this.derive((r) => ({ ...r, row: r.row + rowOffset, column: r.column + columnOffset }));
  }
  getResizedRange(deltaRows: number, deltaColumns: number): FakeRange {
    return this.derive((r) => ({ ...r, rows: r.rows + deltaRows, columns: r.columns + deltaColumns }));
  }
  getLastRow(): FakeRange {
    return this.derive((r) => ({ row: r.row + r.rows - 1, column: r.column, rows: 1, columns: r.columns }));
  }
  /** The used part (cells with values) of this range; with `nullable`, a null object when there is none. */
  private used(nullable: boolean): FakeRange {
    const r = new FakeRange(
      this._ctx,
      () => {
        const t = this._target() as RangeTarget | null;
        if (!t) return null;
        let r0 = Infinity;
        let r1 = -1;
        let c0 = Infinity;
        let c1 = -1;
        for (const [key, cell] of t.sheet.cells) {
          if ((cell.value === null || cell.value === "") && !cell.formula) continue;
          const r = Math.floor(key / 16384);
          const c = key % 16384;
          if (r < t.rect.row || r >= t.rect.row + t.rect.rows || c < t.rect.column || c >= t.rect.column + t.rect.columns) continue;
          r0 = Math.min(r0, r);
          r1 = Math.max(r1, r);
          c0 = Math.min(c0, c);
          c1 = Math.max(c1, c);
        }
        if (r1 < 0) return nullable ? null : { sheet: t.sheet, rect: { row: t.rect.row, column: t.rect.column, rows: 1, columns: 1 } };
        return { sheet: t.sheet, rect: { row: r0, column: c0, rows: r1 - r0 + 1, columns: c1 - c0 + 1 } };
      },
      nullable,
    );
    if (nullable) r._queueResolve();
    return r;
  }
  /** `Range.getUsedRange(valuesOnly)`: the fake counts values only. */
  getUsedRange(): FakeRange {
    return this.used(false);
  }
  getUsedRangeOrNullObject(): FakeRange {
    return this.used(true);
  }
  getIntersectionOrNullObject(other: FakeRange): FakeRange {
    const r = new FakeRange(
      this._ctx,
      () => {
        const a = this._target() as RangeTarget;
        const b = other._target() as RangeTarget;
        const x = a && b && a.sheet === b.sheet ? intersection(a.rect, b.rect) : undefined;
        return x ? { sheet: a.sheet, rect: x } : null;
      },
      true,
    );
    r._queueResolve();
    return r;
  }
  /** Selects the range and activates its sheet. */
  select(): void {
    this._ctx.enqueue("select Range", () => {
      const t = this._targetForWriteRange();
      this._ctx.engine.state.activeSheetId = t.sheet.id;
      this._ctx.engine.state.selection = { sheetId: t.sheet.id, rect: { ...t.rect } };
    });
  }
  /** `clear(applyTo)`: `Contents`, `Formats` or `All` (default). */
  clear(applyTo = "All"): void {
    this._ctx.enqueue(`clear Range ${applyTo}`, () => {
      const { sheet, rect } = this._targetForWriteRange();
      if (applyTo === "All" || applyTo === "Contents") {
        for (const key of [...sheet.cells.keys()]) {
          const r = Math.floor(key / 16384);
          const c = key % 16384;
          if (r >= rect.row && r < rect.row + rect.rows && c >= rect.column && c < rect.column + rect.columns) sheet.cells.delete(key);
        }
        this._ctx.changes.push({ sheet, rect: { ...rect }, changeType: "RangeEdited" });
      }
      if (applyTo === "All" || applyTo === "Formats") {
        sheet.formats = sheet.formats.filter((l) => !contains2(rect, l.rect));
      }
    });
  }
  private derive(f: (r: Rect) => Rect): FakeRange {
    return new FakeRange(this._ctx, () => {
      const t = this._target() as RangeTarget | null;
      if (!t) return null;
      const rect = f(t.rect);
      if (rect.row < 0 || rect.column < 0 || rect.rows < 1 || rect.columns < 1 || rect.row + rect.rows > MAX_ROWS || rect.column + rect.columns > MAX_COLUMNS) {
        throw new FakeOfficeError("InvalidArgument", "The derived range is outside the grid.");
      }
      return { sheet: t.sheet, rect };
    });
  }
}

/** Reads a written value as a grid: a scalar fills the range; an array must match its size exactly. */
function shapeReader(v: unknown, rect: Rect, prop: string): (r: number, c: number) => unknown {
  if (!Array.isArray(v)) return () => v;
  const rows = v as unknown[][];
  if (rows.length !== rect.rows || rows.some((row) => !Array.isArray(row) || row.length !== rect.columns)) {
    throw new FakeOfficeError(
      "InvalidArgument",
      `The number of rows or columns in the input array for ${prop} doesn't match the size or dimensions of the range (${rect.rows}x${rect.columns}).`,
    );
  }
  return (r, c) => rows[r][c];
}

/** Writes values the way Excel stores typed input. */
export function writeCells(sheet: FakeSheet, rect: Rect, at: (r: number, c: number) => unknown, date1904: boolean): void {
  for (let r = 0; r < rect.rows; r++) {
    for (let c = 0; c < rect.columns; c++) {
      const row = rect.row + r;
      const column = rect.column + c;
      const raw = at(r, c) as FakeValue;
      const key = cellKey(row, column);
      if (typeof raw === "string" && raw.startsWith("=") && raw.length > 1) {
        const cell: FakeCell = { value: null, formula: raw };
        sheet.cells.set(key, cell);
        continue;
      }
      const fmt = String(formatAt(sheet, "numberFormat", row, column));
      const { value, format } = coerceTyped(raw, fmt, date1904);
      if (value === null) sheet.cells.delete(key);
      else sheet.cells.set(key, { value });
      if (format) setFormat(sheet, "numberFormat", { row, column, rows: 1, columns: 1 }, format);
    }
  }
}
