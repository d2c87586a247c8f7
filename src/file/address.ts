/**
 * Spreadsheet addresses for messages: `Occurrence!C12`, `'Associated occurrences'!A2`.
 * Rows are 1-based, columns 0-based, as in `src/dwc/table.ts`.
 */

import { columnLetters } from "../dwc/table";

export { columnLetters };

/** A sheet name as Excel writes it in a reference: quoted when it holds anything but letters, digits and `_`. */
export function quoteSheetName(sheet: string): string {
  return /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

/**
 * A cell reference such as `Occurrence!C12`; the row alone (`Occurrence!12:12`) when the column is unknown (-1);
 * the sheet alone when the row is 0 (a sheet-level issue).
 */
export function cellRef(sheet: string, row: number, column: number): string {
  const s = quoteSheetName(sheet);
  if (row <= 0) return s;
  if (column < 0) return `${s}!${row}:${row}`;
  return `${s}!${columnLetters(column)}${row}`;
}
