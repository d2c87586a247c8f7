/** A1 references for the Excel adapter. */

import { columnLetters } from "../dwc/table";

export { columnLetters };

/** A sheet name as written in a formula: quoted unless it is a plain identifier (`Occurrence`, `'DwC vocabularies'`). */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}

/** `B2:B50000` for 0-based column `column`, rows `firstRow`..`lastRow` (1-based). */
export function columnRange(column: number, firstRow: number, lastRow: number): string {
  const l = columnLetters(column);
  return `${l}${firstRow}:${l}${lastRow}`;
}

/**
 * Parses a range address as Office.js reports it (`Sheet1!B2:C5`, `'My sheet'!A1`, `B2`) into 1-based rows and
 * 0-based columns.
 */
export function parseRangeAddress(address: string): {
  sheet?: string;
  firstRow: number;
  lastRow: number;
  firstColumn: number;
  lastColumn: number;
} {
  let a = address;
  let sheet: string | undefined;
  const bang = a.lastIndexOf("!");
  if (bang >= 0) {
    sheet = a
      .slice(0, bang)
      .replace(/^'(.*)'$/, "$1")
      .replace(/''/g, "'");
    a = a.slice(bang + 1);
  }
  const [p, q = p] = a.replace(/\$/g, "").split(":");
  const cell = (s: string): { row?: number; column?: number } => {
    const m = /^([A-Za-z]*)(\d*)$/.exec(s);
    if (!m) throw new Error(`Cannot read the range address "${address}"`);
    let column: number | undefined;
    if (m[1]) {
      column = 0;
      for (const ch of m[1].toUpperCase()) column = column * 26 + (ch.charCodeAt(0) - 64);
      column -= 1;
    }
    return { row: m[2] ? Number(m[2]) : undefined, column };
  };
  const s = cell(p);
  const e = cell(q);
  return {
    sheet,
    firstRow: s.row ?? 1,
    lastRow: e.row ?? 1048576,
    firstColumn: s.column ?? 0,
    lastColumn: e.column ?? 16383,
  };
}
