import type { RowChunk, SheetInfo, WorkbookFacts } from "../dwc/table";

/**
 * What the file adapter hands the core: the same small shape as the Excel adapter (sheet info first, then rows
 * in chunks), so validation and export run unchanged on a workbook in Excel, an .xlsx file or a CSV file.
 *
 * @example
 * const source = await openTableFile("birds.xlsx");
 * source.sheets; // [{ name: "Occurrence", headers: ["occurrenceID", "basisOfRecord"], rowCount: 120, visible: true }]
 * for await (const chunk of source.readRows("Occurrence")) chunk.values; // [["occ-1", "HumanObservation"], ...]
 */
export interface TableSource {
  /** The file's path as given. */
  path: string;
  kind: "xlsx" | "csv";
  facts: WorkbookFacts;
  /** Every sheet in workbook order (hidden ones too; `visible` tells). A CSV file is one sheet named after the file. */
  sheets: SheetInfo[];
  /**
   * Names of the "very hidden" sheets: hidden by a program (e.g. a template's vocabulary lists), not by the user,
   * who cannot unhide them in Excel. Other hidden sheets are the user's.
   */
  veryHidden: ReadonlySet<string>;
  /**
   * Things about the file the user should know that are not Darwin Core problems (merged cells, a non-UTF-8
   * encoding), each naming its sheet and cells.
   */
  notes: SourceNote[];
  /** Data rows (row 2 onwards) of one sheet in chunks of at most `chunkRows` rows. */
  readRows(sheet: string, chunkRows?: number): AsyncIterable<RowChunk>;
}

/** A remark about how a file was read, e.g. merged cells whose value sits only in the first cell. */
export interface SourceNote {
  code: "MERGED_CELLS" | "ENCODING" | "HIDDEN_ROWS" | "FORMULA_WITHOUT_RESULT" | "NUL_CHARACTER";
  sheet: string;
  /** The 1-based row of the cell the note is about, when it is about one cell. */
  row?: number;
  /** The 0-based column of that cell. */
  column?: number;
  /**
   * True when what the file gives for the cell is not what the user sees (a formula without its computed value is
   * read as empty): the export must refuse rather than write the wrong value.
   */
  blocking?: boolean;
  message: { en: string; ru: string };
}

/** Default number of rows per chunk: small enough to keep memory flat, big enough to make per-chunk costs vanish. */
export const DEFAULT_CHUNK_ROWS = 5000;

/** Stable codes of file-level failures (the CLI exits 2 on them). */
export type FileErrorCode =
  | "FILE_NOT_FOUND"
  | "FILE_UNREADABLE"
  | "FILE_UNSUPPORTED"
  | "FILE_EMPTY"
  /** Past one of the readers' limits (see README "Limits"): a zip part too big, a sheet spanning too many cells. */
  | "FILE_TOO_LARGE"
  /** Text that no supported encoding reads cleanly, or delimited text that cannot be split into records. */
  | "FILE_MALFORMED"
  | "SHEET_NOT_FOUND"
  | "WRITE_FAILED";

/** A file that cannot be used at all: missing, not a spreadsheet, corrupt or empty. Carries the path. */
export class FileError extends Error {
  readonly code: FileErrorCode;
  readonly path: string;
  constructor(code: FileErrorCode, path: string, message: string) {
    super(`${path}: ${message}`);
    this.name = "FileError";
    this.code = code;
    this.path = path;
  }
}
