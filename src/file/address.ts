/**
 * Spreadsheet addresses for messages: `Occurrence!C12`, `'Associated occurrences'!A2`.
 * Rows are 1-based, columns 0-based, as in `src/dwc/table.ts`.
 */

/** Column letters of a 0-based column index: 0 -> "A", 25 -> "Z", 26 -> "AA". */
export function columnLetters(column: number): string {
  let n = column + 1;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

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
