/**
 * What the task pane needs from the outside world. Components never call Excel or the model directly: hooks call
 * these functions, which the real implementation (`services/officeServices.ts`) backs with the Excel adapter
 * (`src/excel`), the Darwin Core model, the validation engine and the archive writer, and tests back with fakes.
 */
import type { DatasetClass, Lang, Preset, SheetRole, SheetTemplate, TemplateColumn } from "../dwc/types";
import type { ExportSummary } from "../archive/export";
import type { CellChange, Issue } from "../validate/types";
import type { ModelApi } from "./model";
import type { Coverage, DatasetMetadata, MetadataProblem } from "../metadata/types";
import type { GeorefSelection, GeorefWriteRequest, GeorefWriteResult } from "../excel/georef";
import type { MappingProposal, MappingRecheck, SavedMapping, StandardiseSummary } from "../standardise/types";
import type { OverviewData } from "./overview/read";
import type { Outline } from "./overview/projection";
import type { SheetRemark } from "../archive/sheets";

/** Progress of a long task: which phase, and how far (done of total, in the phase's own units). */
export interface Progress {
  phase: "validate" | "read" | "convert" | "zip" | "coverage" | "open" | "import";
  done: number;
  total: number;
  /** The sheet being read, when there is one. */
  sheet?: string;
}

/** Options of a long task: cancellation and progress reports. */
export interface TaskOptions {
  signal: AbortSignal;
  onProgress: (p: Progress) => void;
}

/** The cell under the selection and what the add-in knows about its sheet. */
export interface SelectionContext {
  sheet: string;
  /** 1-based row of the active cell. */
  row: number;
  /** 0-based column of the active cell. */
  column: number;
  /** Text of the header cell (row 1) of that column; "" when blank. */
  header: string;
  /** The sheet's Darwin Core role, when it is a dataset sheet. */
  role?: SheetRole;
}

/** Result of inserting template sheets. */
export interface InsertResult {
  /** Names of the new sheets, in order (a free name is chosen when the template's is taken). */
  sheets: string[];
}

/** Result of "Format existing sheet". */
export interface FormatResult {
  sheet: string;
  /** The role recognised from the headers; undefined when the header row is not Darwin Core. */
  role?: SheetRole;
  /** Number of columns that got dropdowns, number formats or highlighting. */
  formattedColumns: number;
}

/**
 * A packageId made by an export because the metadata had none: written to the Metadata sheet (so the next export
 * reuses it), or why not: `sheetProblems` when the sheet holds entries the add-in cannot read back (rewriting it
 * would lose them), `error` when writing failed.
 */
export type NewPackageId = { saved: true } | { saved: false; reason: "sheetProblems" } | { saved: false; reason: "error"; message: string };

/** An archive built and handed over: its file name, zip chunks, summary and packageId. */
export interface ExportDone {
  kind: "done";
  fileName: string;
  /** The archive as the zip writer's chunks, in order (kept apart: the download makes its Blob from them). */
  zip: readonly Uint8Array[];
  /** What went where, and the validation's findings with their exact counts (`errorCount` > 0 after "Export anyway"). */
  summary: ExportSummary;
  /** The eml.xml packageId: the metadata's own, or a new one (then `newPackageId` says where it was kept). */
  packageId: string;
  newPackageId?: NewPackageId;
}

/**
 * Outcome of an export:
 * - `done`: the archive, nothing blocked it and the validation found no error;
 * - `errors`: the archive is built, but the validation found errors (certainly wrong values that do not stop the
 *   archive): the pane asks before handing it over. `proceed` hands it over (and keeps a new packageId in the
 *   Metadata sheet); nothing is read or validated again;
 * - `blocked`: blockers (in `summary.blockers`, exact number in `summary.blockerCount`: what the archive writer and
 *   the validation refuse, each with its cell) or missing metadata; no archive.
 */
export type ExportOutcome =
  | ExportDone
  | { kind: "errors"; summary: ExportSummary; proceed(): Promise<ExportDone> }
  | { kind: "blocked"; summary: ExportSummary; metadataProblems: MetadataProblem[] };

/** A dataset sheet of the workbook: registered by the add-in or recognised from its Darwin Core headers. */
export interface DatasetSheetInfo {
  name: string;
  role: SheetRole;
  /** Data rows (the header row not counted). */
  records: number;
}

/** A sheet that can be standardised (not a Darwin Core sheet, not the Metadata sheet). */
export interface StandardiseSheetChoice {
  name: string;
  columns: number;
  /** Rows under the header. */
  records: number;
}

/** A mapping saved in the workbook, checked against the headers of the sheet being standardised. */
export interface SavedMappingInfo {
  /** The sheet it was applied to. */
  name: string;
  savedAt: string;
  mapping: SavedMapping;
  recheck: MappingRecheck;
}

/** What "Standardise this sheet" starts from: the sheet's headers, samples and the proposal. */
export interface StandardiseStart {
  sheet: string;
  headers: string[];
  records: number;
  /** Up to three filled values of each column, from the first rows. */
  samples: string[][];
  proposal: MappingProposal;
  /** Mappings saved in the workbook, the best fit for these headers first. */
  saved: SavedMappingInfo[];
}

/** What applying a mapping wrote: the new sheet and the summary of every conversion. */
export interface StandardiseDone {
  /** The new Darwin Core sheet. */
  sheet: string;
  /** The original sheet (unchanged; the summary's cells are its cells). */
  source: string;
  rows: number;
  columns: number;
  summary: StandardiseSummary;
}

/** A sheet an import created. */
export interface ImportedSheetInfo {
  /** The name it got (the class's name, or `Occurrence (2)`… when taken). */
  name: string;
  /** The data file it came from (`occurrence.txt`). */
  location: string;
  records: number;
  columns: number;
  /** Whether the sheet got a Darwin Core role (a core or extension the add-in knows); else it is not exported. */
  registered: boolean;
  /** Defaults written and columns without a term, as data (the pane words them). */
  remarks: SheetRemark[];
}

/** What to do with a Metadata sheet that already holds entries: replace it with the archive's, or keep it. */
export type MetadataChoice = "replace" | "keep";

/**
 * Outcome of opening an archive:
 * - `done`: the sheets are in the workbook; `metadata` says what became of the Metadata sheet (`kept`: the user
 *   kept theirs, or the archive has no eml.xml and the sheet had entries);
 * - `metadataExists`: nothing was written; the workbook's Metadata sheet holds entries and the archive has its
 *   own: ask, then call again with a {@link MetadataChoice}.
 */
export type ImportOutcome =
  | {
      kind: "done";
      sheets: ImportedSheetInfo[];
      metadata: "written" | "replaced" | "kept";
      /** eml.xml's packageId ("" when none), now on the Metadata sheet unless it was kept. */
      packageId: string;
      /** Whether the archive had a readable eml.xml. */
      metadataRead: boolean;
      /** What the archive reader tolerated and eml.xml could not give, in words (English, as the CLI prints). */
      notes: string[];
    }
  | { kind: "metadataExists" };

/** Everything the pane calls. All methods reject with an Error whose message says what failed. */
export interface AddinServices {
  /** Loads the Darwin Core model (lazily: it is large). */
  loadModel(): Promise<ModelApi>;

  /** Inserts template sheets (a dataset's sheets, or one extension sheet) with headers, formats and dropdowns. */
  insertTemplate(templates: SheetTemplate[], lang: Lang): Promise<InsertResult>;
  /** Applies highlighting, number formats and dropdowns to the active sheet without changing any value. */
  formatActiveSheet(lang: Lang): Promise<FormatResult>;

  /** Calls `listener` now and on every selection change; resolves to a function that stops listening. */
  watchSelection(listener: (ctx: SelectionContext | undefined) => void): Promise<() => Promise<void>>;

  /** Validates every dataset sheet and the cross-sheet rules, and marks the cells. */
  validateWorkbook(options: TaskOptions): Promise<Issue[]>;
  /**
   * Validates one dataset sheet and marks its cells ("Validate this sheet only"); resolves to that sheet's findings.
   * The other sheets' findings are not touched. Rejects when `sheet` is not a dataset sheet.
   */
  validateSheet(sheet: string, options: TaskOptions): Promise<Issue[]>;
  /**
   * Starts live validation (every edit, paste or fill re-checks the changed cells and their records and updates
   * the marks) and calls `listener` with the whole issue list after each change. Resolves to a function that stops.
   */
  watchIssues(listener: (issues: Issue[]) => void): Promise<() => Promise<void>>;
  /** Selects one cell (row 1-based, column 0-based) and brings its sheet to the front. */
  selectCell(sheet: string, row: number, column: number): Promise<void>;
  /**
   * Writes the proposed values (keeping originals in verbatim terms where Darwin Core has them). Changes whose
   * cell no longer holds the `from` value are not applied and come back as `outOfDate`.
   */
  applyChanges(changes: CellChange[]): Promise<{ applied: CellChange[]; outOfDate: CellChange[] }>;
  /** Removes every validation mark the add-in made. */
  removeMarks(): Promise<void>;
  /**
   * Writes a validation report (header and text rows) to a new sheet named `name`, or "name (2)"… when taken;
   * resolves to the sheet's name. Never overwrites a sheet.
   */
  writeReport(name: string, header: readonly string[], rows: readonly (readonly string[])[]): Promise<string>;
  /** The workbook's dataset sheets with their roles, in workbook order (one round trip or two). */
  listDatasetSheets(): Promise<DatasetSheetInfo[]>;

  /** The dataset metadata stored in the workbook, or undefined when there is none yet. */
  loadMetadata(): Promise<DatasetMetadata | undefined>;
  /** Stores the metadata inside the workbook (labels and help in `lang`). */
  saveMetadata(metadata: DatasetMetadata, lang: Lang): Promise<void>;
  /** Derives geographic, temporal and taxonomic coverage from the data sheets (all parts `source: "data"`). */
  deriveCoverage(options: TaskOptions, lang: Lang): Promise<Coverage>;

  /**
   * Builds the archive in a Web Worker, which validates the data in the same pass (the only validation of an
   * export; each finding is counted once). Blockers or missing metadata refuse it; errors make it an `errors`
   * outcome the user confirms. The eml.xml packageId is the metadata's (or the Metadata sheet's when the metadata
   * has none); when neither has one, a new one is made and, once the archive is handed over, written to the
   * Metadata sheet (help in `lang`) so that later exports reuse it.
   */
  exportArchive(metadata: DatasetMetadata, options: TaskOptions, lang: Lang): Promise<ExportOutcome>;
  /**
   * Loads the country and sea boundaries (a chunk of its own, from the add-in's origin) so that validation checks
   * coordinates against countries and seas; resolves at once when they are loaded already.
   */
  loadGeography(): Promise<void>;

  /**
   * The selected rows of the active sheet for the georeferencing calculator: coordinates, verbatim coordinates,
   * geodeticDatum, eventDate and the georeference columns, by row. Undefined when no dataset sheet is active.
   */
  readGeorefSelection(): Promise<GeorefSelection | undefined>;
  /**
   * Writes the calculator's values on the user's click: empty cells only, unless replacing (then only cells that
   * still hold the value the user saw); missing columns are added only when `addColumns` (the user agreed).
   */
  writeGeoref(request: GeorefWriteRequest): Promise<GeorefWriteResult>;
  /** Sheets that can be standardised, and the active one when it is one of them. */
  listStandardiseSheets(): Promise<{ sheets: StandardiseSheetChoice[]; active?: string }>;
  /** Reads a sheet's header and first rows and proposes a term per column (`datasetClass` given or guessed). */
  startStandardise(sheet: string, datasetClass?: DatasetClass): Promise<StandardiseStart>;
  /**
   * Reads a mapping file's text (the JSON the CLI's --write-mapping writes) and checks it against `headers`;
   * rejects with a message naming the problem when it is not a usable mapping.
   */
  readMapping(json: string, headers: readonly string[]): Promise<{ mapping: SavedMapping; recheck: MappingRecheck }>;
  /**
   * Applies a mapping to every row of `sheet` and writes the Darwin Core table to a new sheet beside it (the
   * original never changes); keeps the mapping in the workbook under the sheet's name.
   */
  applyStandardise(sheet: string, mapping: SavedMapping, lang: Lang, options: TaskOptions): Promise<StandardiseDone>;
  /**
   * Reads what the map and the charts show: each dataset sheet's ids, names, dates, coordinates, kingdom, family,
   * basisOfRecord and samplingProtocol (only those columns, in chunks), and the bounding box the metadata derives.
   */
  readOverview(options: TaskOptions, lang: Lang): Promise<OverviewData>;
  /** The country outlines the map is drawn on (the boundaries `loadGeography` loads; no network). */
  loadBasemap(): Promise<Outline[]>;
  /** Selects whole rows of a sheet and brings it to the front; resolves to the number of rows selected. */
  selectRows(sheet: string, rows: readonly number[]): Promise<number>;
  /**
   * Opens the large map in an Office dialog window, sends it `messages` once it says it is ready, and passes on
   * what it sends back; resolves to a function that closes it.
   */
  openMapDialog(messages: readonly string[], onMessage: (message: string) => void): Promise<() => void>;
  /**
   * Opens a Darwin Core Archive (the zip's bytes, picked by the user): read in a Web Worker, written as new
   * sheets (core first, every value as text) and the Metadata sheet from eml.xml, all or nothing (Cancel or a
   * failure leaves the workbook as it was). A Metadata sheet with entries is replaced or kept only as `metadata`
   * says; without it, such a sheet gives the `metadataExists` outcome and nothing is written.
   */
  importArchive(bytes: Uint8Array, options: TaskOptions, lang: Lang, metadata?: MetadataChoice): Promise<ImportOutcome>;
}

/** Facts about the host the pane runs in. */
export interface HostInfo {
  /** Office.context.diagnostics.platform, e.g. `PC`, `Mac`, `OfficeOnline`; `unknown` outside Office. */
  platform: string;
  /** Office.context.displayLanguage, e.g. `ru-RU`. */
  displayLanguage: string;
  /** Office's theme is dark, when Office tells; undefined otherwise. */
  officeDark?: boolean;
  /**
   * Follows Office's theme while the pane is open: calls the listener with its darkness when it changes; returns the
   * function that stops. Absent outside Office.
   */
  watchOfficeDark?: (listener: (dark: boolean | undefined) => void) => () => void;
}

export type { DatasetClass, Preset, TemplateColumn };
export type { GeorefSelection, GeorefWriteRequest, GeorefWriteResult };
