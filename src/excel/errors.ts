/** Failures of the Excel adapter: a stable code the task pane can switch on, and the sheet/cell they concern. */

/** Stable codes of adapter failures. */
export type ExcelAdapterErrorCode =
  /** A sheet named in a call does not exist (any more). */
  | "SHEET_NOT_FOUND"
  /** The sheet has no Darwin Core role (not inserted by the add-in and its headers are not recognised). */
  | "NOT_A_DATASET_SHEET"
  /** The running Excel lacks a requirement set the operation needs. */
  | "REQUIREMENT_NOT_MET"
  /** The user cancelled (AbortSignal). */
  | "CANCELLED"
  /** A cell change to apply no longer matches the cell (the user edited it since the fix was proposed). */
  | "FIX_OUT_OF_DATE"
  /** An import would replace a Metadata sheet that holds entries, and the user has not said to replace it. */
  | "METADATA_EXISTS"
  /** An import has more rows than a worksheet holds (1,048,576 with the header). */
  | "TOO_MANY_ROWS";

/**
 * An exception of the Excel adapter. User-data problems are never thrown (they are `Issue`s); this is for the
 * cases where the code cannot go on. The message names the sheet and cell.
 *
 * @example new ExcelAdapterError("SHEET_NOT_FOUND", "No sheet named \"Occurrence\"", { sheet: "Occurrence" })
 */
export class ExcelAdapterError extends Error {
  readonly code: ExcelAdapterErrorCode;
  readonly sheet?: string;
  /** A1 address of the cell concerned, when there is one. */
  readonly cell?: string;
  constructor(code: ExcelAdapterErrorCode, message: string, where: { sheet?: string; cell?: string } = {}) {
    const at = [where.sheet, where.cell].filter(Boolean).join("!");
    super(at ? `${at}: ${message}` : message);
    this.name = "ExcelAdapterError";
    this.code = code;
    this.sheet = where.sheet;
    this.cell = where.cell;
  }
}

/** Throws CANCELLED when the signal is aborted. */
export function throwIfAborted(signal: { readonly aborted: boolean } | undefined, sheet?: string): void {
  if (signal?.aborted) throw new ExcelAdapterError("CANCELLED", "Cancelled by the user", { sheet });
}
