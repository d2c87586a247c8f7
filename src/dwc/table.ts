/**
 * The plain shape in which adapters (Excel, .xlsx files, CSV) hand sheet contents to the core, and the core
 * hands values back. Row and column numbers are the spreadsheet's: rows 1-based (row 1 = header), columns 0-based.
 */

/** A cell as read: text, a number (possibly a date serial), a boolean, or null for an empty cell. */
export type CellValue = string | number | boolean | null;

/** A block of consecutive rows of one sheet, as read in one request. */
export interface RowChunk {
  /** 1-based spreadsheet row number of `values[0]`. */
  startRow: number;
  values: CellValue[][];
  /**
   * Number format per cell, parallel to `values`, where the adapter has it (Excel `numberFormat`). Used to tell a
   * date serial from a plain number. May be omitted (CSV).
   */
  numberFormats?: (string | null)[][];
  /** Formula text per cell (`=A1+1`), null where the cell holds a constant. May be omitted. */
  formulas?: (string | null)[][];
}

/** Facts about a workbook that change how its cells are read. */
export interface WorkbookFacts {
  /** The workbook uses the 1904 date system (Excel for Mac legacy). */
  date1904: boolean;
}

/** What an adapter knows about a sheet before reading its rows. */
export interface SheetInfo {
  name: string;
  /** Header row (row 1) as text; blank headers are "". */
  headers: string[];
  /** Last used row (1-based); 1 for a header-only sheet, 0 for an empty sheet. */
  rowCount: number;
  visible: boolean;
}

/** Spreadsheet column letters of a 0-based column: 0 -> `A`, 25 -> `Z`, 26 -> `AA`, 27 -> `AB`. */
export function columnLetters(column: number): string {
  let letters = "";
  for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}
