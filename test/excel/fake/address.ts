/**
 * A1 addresses for the fake Excel: parsing and formatting, 0-based rectangles. Browser-safe (no Node imports).
 */

/** Excel's grid size (Excel 2007 and later). */
export const MAX_ROWS = 1048576;
export const MAX_COLUMNS = 16384;

/** A rectangle of cells, 0-based, inclusive start, `rows`/`columns` counts. */
export interface Rect {
  row: number;
  column: number;
  rows: number;
  columns: number;
}

/** Column letters for a 0-based column index: 0 -> A, 26 -> AA. */
export function columnLetters(column: number): string {
  let n = column + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** 0-based column index of column letters: A -> 0. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d+)$/;
const COL = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?(\d+)$/;

/** Error thrown for an address the fake cannot read, with Excel's code. */
export class FakeAddressError extends Error {
  readonly code = "InvalidArgument";
}

/**
 * Parses `A1`, `A1:C3`, `A:A`, `B:D`, `1:1`, `2:5`, optionally prefixed by `Sheet!` or `'My sheet'!`.
 * Returns the sheet name (or undefined) and the rectangle.
 */
export function parseAddress(address: string): { sheet?: string; rect: Rect } {
  let sheet: string | undefined;
  let a = address.trim();
  if (a.startsWith("=")) a = a.slice(1);
  const bang = a.lastIndexOf("!");
  if (bang >= 0) {
    sheet = a.slice(0, bang);
    if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
    a = a.slice(bang + 1);
  }
  const [p, q = p] = a.split(":");
  const cp = CELL.exec(p);
  const cq = CELL.exec(q);
  if (cp && cq) {
    const r1 = Number(cp[2]) - 1;
    const r2 = Number(cq[2]) - 1;
    const c1 = columnIndex(cp[1]);
    const c2 = columnIndex(cq[1]);
    return { sheet, rect: normalise(r1, c1, r2, c2, address) };
  }
  const kp = COL.exec(p);
  const kq = COL.exec(q);
  if (kp && kq) return { sheet, rect: normalise(0, columnIndex(kp[1]), MAX_ROWS - 1, columnIndex(kq[1]), address) };
  const rp = ROW.exec(p);
  const rq = ROW.exec(q);
  if (rp && rq) return { sheet, rect: normalise(Number(rp[1]) - 1, 0, Number(rq[1]) - 1, MAX_COLUMNS - 1, address) };
  throw new FakeAddressError(`Invalid address "${address}"`);
}

function normalise(r1: number, c1: number, r2: number, c2: number, address: string): Rect {
  const row = Math.min(r1, r2);
  const column = Math.min(c1, c2);
  const rect = { row, column, rows: Math.abs(r2 - r1) + 1, columns: Math.abs(c2 - c1) + 1 };
  if (row < 0 || column < 0 || row + rect.rows > MAX_ROWS || column + rect.columns > MAX_COLUMNS) {
    throw new FakeAddressError(`Address out of the grid: "${address}"`);
  }
  return rect;
}

/** Quotes a sheet name for a reference when Excel would: `'My sheet'`, `Occurrence`. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** `A1` or `A1:C3` (relative), or absolute with `$` when `absolute` is set. */
export function formatRect(rect: Rect, absolute = false): string {
  const d = absolute ? "$" : "";
  const a = `${d}${columnLetters(rect.column)}${d}${rect.row + 1}`;
  if (rect.rows === 1 && rect.columns === 1) return a;
  return `${a}:${d}${columnLetters(rect.column + rect.columns - 1)}${d}${rect.row + rect.rows}`;
}

/** Whether two rectangles share a cell. */
export function intersects(a: Rect, b: Rect): boolean {
  return a.row < b.row + b.rows && b.row < a.row + a.rows && a.column < b.column + b.columns && b.column < a.column + a.columns;
}

/** The common part of two rectangles, or undefined. */
export function intersection(a: Rect, b: Rect): Rect | undefined {
  if (!intersects(a, b)) return undefined;
  const row = Math.max(a.row, b.row);
  const column = Math.max(a.column, b.column);
  return {
    row,
    column,
    rows: Math.min(a.row + a.rows, b.row + b.rows) - row,
    columns: Math.min(a.column + a.columns, b.column + b.columns) - column,
  };
}

/** Whether `inner` lies inside `outer`. */
export function contains(outer: Rect, inner: Rect): boolean {
  return (
    inner.row >= outer.row &&
    inner.column >= outer.column &&
    inner.row + inner.rows <= outer.row + outer.rows &&
    inner.column + inner.columns <= outer.column + outer.columns
  );
}
