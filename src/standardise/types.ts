/**
 * Types of the standardisation step: proposing Darwin Core terms for a data holder's own columns, saving the
 * mapping as data, and applying it to build a Darwin Core table whose every original value can be traced.
 */
import type { DatasetClass, Text2 } from "../dwc/types";

/** A cell as the adapters hand it over: text, a number, or null for an empty cell. */
export type RawCell = string | number | null;

/** How sure a proposal is: header and values agree; one of them points there; or they do not decide. */
export type Confidence = "confident" | "likely" | "ambiguous";

/**
 * What happens to a column: `map` puts its values under the term, converted to the term's format where they can be
 * (ISO dates, decimal degrees, vocabulary values) with the original kept in the matching `verbatim…` term;
 * `verbatim` copies the values under the term exactly as written (a `verbatim…` term, or any term the user wants
 * untouched); `leave-out` keeps the column out of the new table and lists each of its filled cells in the summary.
 */
export type ColumnAction = "map" | "verbatim" | "leave-out";

/** What the values of a column look like, as far as the sample tells. */
export type ValueKind =
  | "empty"
  | "date"
  | "latitude"
  | "longitude"
  | "coordinate"
  | "coordinatePair"
  | "integer"
  | "number"
  | "numberRange"
  | "latinName"
  | "latinWord"
  | "epithet"
  | "cyrillicText"
  | "countryCode"
  | "countryName"
  | "sex"
  | "lifeStage"
  | "basisOfRecord"
  | "text";

/** The proposal for one column. */
export interface ColumnProposal {
  /** 0-based position in the table. */
  index: number;
  header: string;
  /** The proposed Darwin Core term, or null when nothing fits. */
  term: string | null;
  confidence: Confidence;
  action: ColumnAction;
  /** Why, in both interface languages. */
  reason: Text2;
  /** What the sample values look like. */
  values: ValueKind;
  /** Other terms the header or the values could stand for, best first (for the user to choose from). */
  alternatives: string[];
}

/** The proposal for a whole table. */
export interface MappingProposal {
  datasetClass: DatasetClass;
  /** Why this dataset class (or "given" when the caller named it). */
  datasetClassReason: Text2;
  columns: ColumnProposal[];
}

/** One column of a saved mapping. */
export interface SavedColumn {
  header: string;
  term: string | null;
  action: ColumnAction;
}

/** A mapping as data: what the user reviewed and keeps to apply again to the next table from the same source. */
export interface SavedMapping {
  version: 1;
  datasetClass: DatasetClass;
  columns: SavedColumn[];
}

/** The result of {@link recheckMapping}: how a saved mapping fits a table's headers. */
export interface MappingRecheck {
  /** Saved headers the table does not have (one entry per missing occurrence). */
  missing: string[];
  /** Headers of the table the mapping says nothing about: their cells will be left out. */
  unmapped: string[];
  ok: boolean;
}

/**
 * One cell the summary names. `row` is the spreadsheet row (2 = first data row), `column` the 0-based column of the
 * original table.
 */
export interface CellNote {
  row: number;
  column: number;
  header: string;
  /** The value as written. */
  value: string;
  /** The term it went to (null for a left-out cell). */
  term: string | null;
  /** The new value, for a conversion. */
  to?: string;
  /** Why it was left as written, or what was assumed, in both languages. */
  reason?: Text2;
}

/** Per-column counts of what {@link applyMapping} did. */
export interface ColumnSummary {
  column: number;
  header: string;
  term: string | null;
  action: ColumnAction;
  /** Filled cells. */
  filled: number;
  /** Cells whose value changed (dates to ISO, decimal commas, DMS, vocabulary words). */
  converted: number;
  /** Cells already in the term's format, copied unchanged. */
  unchanged: number;
  /** Cells left as written because they could not be converted or the reading is ambiguous. */
  kept: CellNote[];
  /** Cells converted under an assumption the user should see (a day-first date whose day is 12 or less). */
  assumed: CellNote[];
  /** Filled cells of a left-out column. */
  leftOut: number;
}

/** What {@link applyMapping} did, cell by cell where a cell changed, was kept as written or was left out. */
export interface StandardiseSummary {
  columns: ColumnSummary[];
  /** Every changed cell: value as written, term and new value. */
  conversions: CellNote[];
  /** Every cell kept as written although its term wants another format. */
  kept: CellNote[];
  /** Every filled cell left out of the new table. */
  leftOut: CellNote[];
  /** Values derived from others (countryCode from country, coordinates from verbatimCoordinates). */
  derived: number;
  /** Headers of the table the mapping did not mention (their cells are in `leftOut`). */
  unmappedHeaders: string[];
}

/** The standardised table: Darwin Core headers, rows of text, and the summary. */
export interface StandardisedTable {
  headers: string[];
  rows: string[][];
  summary: StandardiseSummary;
}
