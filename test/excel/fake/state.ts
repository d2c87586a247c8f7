/**
 * The workbook the fake Excel holds: plain data that proxies read at sync time and tests inspect directly.
 * Values are sparse (a Map per sheet); formats are layers (rectangle + key + value, last wins) so that formatting
 * 50,000 rows costs one entry, as Excel stores it.
 */
import type { Rect } from "./address";
import { contains, intersects } from "./address";

/** A cell value as Office.js reports it (`""` for an empty cell when read). */
export type FakeValue = string | number | boolean | null;

export interface FakeCell {
  value: FakeValue;
  /** Formula text (`=A1+1`) or undefined for a constant. */
  formula?: string;
}

/** One format assignment: e.g. key `numberFormat`, `fill.color`, `font.bold`, `borders.EdgeTop.color`. */
export interface FormatLayer {
  rect: Rect;
  key: string;
  value: unknown;
}

/** A data-validation assignment on a rectangle (last wins per cell). */
export interface ValidationLayer {
  rect: Rect;
  rule: Record<string, unknown> | null;
  errorAlert?: Record<string, unknown>;
  prompt?: Record<string, unknown>;
  ignoreBlanks?: boolean;
}

/** A conditional format as stored. */
export interface FakeConditionalFormat {
  id: string;
  rect: Rect;
  type: string;
  /** custom: `{ formula }`; cellValue: `{ formula1, formula2, operator }`. */
  rule: Record<string, unknown>;
  format: Record<string, unknown>;
  stopIfTrue: boolean;
  priority: number;
}

export interface FakeSheet {
  id: string;
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  cells: Map<number, FakeCell>;
  formats: FormatLayer[];
  validations: ValidationLayer[];
  conditionalFormats: FakeConditionalFormat[];
  frozenRows: number;
  frozenColumns: number;
  tabColor: string;
}

export interface FakeName {
  name: string;
  formula: string;
  comment: string;
  visible: boolean;
}

export interface FakeWorkbook {
  sheets: FakeSheet[];
  names: FakeName[];
  settings: Map<string, unknown>;
  date1904: boolean;
  activeSheetId: string;
  selection: { sheetId: string; rect: Rect };
  nextId: number;
}

export const cellKey = (row: number, column: number): number => row * 16384 + column;

/** Default of each format key when no layer sets it. */
export const FORMAT_DEFAULTS: Record<string, unknown> = {
  numberFormat: "General",
  "fill.color": "#FFFFFF",
  "font.color": "#000000",
  "font.bold": false,
  "font.italic": false,
  "font.name": "Calibri",
  "font.size": 11,
  wrapText: false,
  columnWidth: 48,
  rowHeight: 15,
  horizontalAlignment: "General",
};

export function newSheet(wb: FakeWorkbook, name: string): FakeSheet {
  const id = `{00000000-0001-0000-0000-${String(wb.nextId++).padStart(12, "0")}}`;
  return {
    id,
    name,
    visibility: "Visible",
    cells: new Map(),
    formats: [],
    validations: [],
    conditionalFormats: [],
    frozenRows: 0,
    frozenColumns: 0,
    tabColor: "",
  };
}

/** What a cell shows for format `key` when nothing sets it. */
export function defaultFormat(key: string): unknown {
  return key.endsWith(".style") ? "None" : key.startsWith("borders.") ? null : FORMAT_DEFAULTS[key];
}

/** Value of format `key` for one cell: the last layer covering it, else the default. */
export function formatAt(sheet: FakeSheet, key: string, row: number, column: number): unknown {
  for (let i = sheet.formats.length - 1; i >= 0; i--) {
    const l = sheet.formats[i];
    if (l.key === key && row >= l.rect.row && row < l.rect.row + l.rect.rows && column >= l.rect.column && column < l.rect.column + l.rect.columns) {
      return l.value;
    }
  }
  return defaultFormat(key);
}

/** Format `key` for every cell of `rect`, as a grid. Scans layers once per key (fast for big reads). */
export function formatGrid(sheet: FakeSheet, key: string, rect: Rect): unknown[][] {
  const dflt = defaultFormat(key);
  const grid: unknown[][] = Array.from({ length: rect.rows }, () => new Array(rect.columns).fill(dflt));
  for (const l of sheet.formats) {
    if (l.key !== key || !intersects(l.rect, rect)) continue;
    const r0 = Math.max(l.rect.row, rect.row);
    const r1 = Math.min(l.rect.row + l.rect.rows, rect.row + rect.rows);
    const c0 = Math.max(l.rect.column, rect.column);
    const c1 = Math.min(l.rect.column + l.rect.columns, rect.column + rect.columns);
    for (let r = r0; r < r1; r++) for (let c = c0; c < c1; c++) grid[r - rect.row][c - rect.column] = l.value;
  }
  return grid;
}

/** Adds a format layer, dropping older layers of the same key that the new one hides completely. */
export function setFormat(sheet: FakeSheet, key: string, rect: Rect, value: unknown): void {
  sheet.formats = sheet.formats.filter((l) => !(l.key === key && contains(rect, l.rect)));
  sheet.formats.push({ rect: { ...rect }, key, value });
}

/** Bounding box of cells holding a value or formula, or undefined for a sheet without values. */
export function usedRect(sheet: FakeSheet, valuesOnly: boolean): Rect | undefined {
  let r0 = Infinity;
  let r1 = -1;
  let c0 = Infinity;
  let c1 = -1;
  for (const [key, cell] of sheet.cells) {
    if ((cell.value === null || cell.value === "") && !cell.formula) continue;
    const r = Math.floor(key / 16384);
    const c = key % 16384;
    if (r < r0) r0 = r;
    if (r > r1) r1 = r;
    if (c < c0) c0 = c;
    if (c > c1) c1 = c;
  }
  if (!valuesOnly) {
    for (const l of sheet.formats) {
      // Excel counts formatted cells in the used range, but not whole-row/column formats beyond the data.
      if (l.rect.rows > 100000 || l.rect.columns > 1000) continue;
      r0 = Math.min(r0, l.rect.row);
      r1 = Math.max(r1, l.rect.row + l.rect.rows - 1);
      c0 = Math.min(c0, l.rect.column);
      c1 = Math.max(c1, l.rect.column + l.rect.columns - 1);
    }
  }
  if (r1 < 0) return undefined;
  return { row: r0, column: c0, rows: r1 - r0 + 1, columns: c1 - c0 + 1 };
}

/** The data-validation layer governing one cell, if any. */
export function validationAt(sheet: FakeSheet, row: number, column: number): ValidationLayer | undefined {
  for (let i = sheet.validations.length - 1; i >= 0; i--) {
    const v = sheet.validations[i];
    if (contains(v.rect, { row, column, rows: 1, columns: 1 })) return v.rule ? v : undefined;
  }
  return undefined;
}
