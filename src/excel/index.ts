/**
 * The Excel adapter: the only code that calls `Excel.run` / `Office.*`. Inserts templates, formats sheets, reads
 * sheets in chunks, validates live and on demand, applies fixes and feeds the archive writer.
 */
export { ExcelAdapterError, type ExcelAdapterErrorCode } from "./errors";
export {
  BLOCK_COLOURS,
  LEVEL_FILLS,
  MARK_COLOURS,
  NUMERIC_RULES,
  TEMPLATE_LAST_ROW,
  VOCABULARY_SHEET,
  columnFormatting,
  vocabularyRangeName,
  type ColumnFormatting,
} from "./style";
export { REGISTRY_KEY, type Registry, type RegistryEntry } from "./registry";
export {
  insertTemplate,
  formatExistingSheet,
  freeSheetName,
  columnsForHeaders,
  templateForRole,
  type InsertedSheet,
  type FormatResult,
} from "./template";
export {
  readSheetInChunks,
  readSheetExtent,
  readWorkbookFacts,
  chunksOf,
  DEFAULT_CHUNK_ROWS,
  TARGET_REQUEST_BYTES,
  type ChunkOptions,
  type SheetExtent,
} from "./read";
export { listWorkbookSheets, recogniseSheets, isInternalSheet, type DatasetSheet, type WorkbookSheets } from "./sheets";
export { clearAllMarks, markGrid, type MarksRecord } from "./marks";
export {
  validateWorkbook,
  validateSheet,
  startLiveValidation,
  handleChange,
  subscribeIssues,
  currentIssues,
  clearValidationMarks,
  selectCell,
  applyFix,
  resetValidationState,
  validatedSheets,
  loadGeography,
  type ValidationProgress,
  type ValidateOptions,
  type IssuesChange,
  type IssuesListener,
  type LiveOptions,
  type LiveValidation,
  type FixResult,
} from "./validation";
export {
  collectExportSources,
  readMetadataSheet,
  writeMetadataSheet,
  type ExportSheetSource,
  type ExportSources,
} from "./export";
export { readSelection, watchSelection, type SelectionInfo } from "./selection";
export { writeReportSheet, type ReportSheet } from "./report";
export { excelWorkbook } from "./adapter";
export { MINIMUM_EXCEL_API, missingRequirement, supportsExcelApi } from "./requirements";
export {
  readGeorefSelection,
  writeGeoref,
  GEOREF_BLOCK_ROWS,
  GEOREF_MAX_ROWS,
  type GeorefSelection,
  type GeorefCellToWrite,
  type GeorefWriteRequest,
  type GeorefWriteResult,
} from "./georef";
export {
  listStandardiseCandidates,
  readSourceTable,
  proposeForSheet,
  standardisedTemplate,
  writeStandardisedSheet,
  standardiseSheet,
  loadSavedMappings,
  saveMapping,
  rowBlocks,
  MAPPINGS_KEY,
  MAX_SAVED_MAPPINGS,
  PROPOSAL_SAMPLE_ROWS,
  STANDARDISE_CHUNK_ROWS,
  type StandardiseCandidate,
  type SourceTable,
  type SheetProposal,
  type WrittenSheet,
  type StandardiseResult,
  type StoredMapping,
} from "./standardise";
export { columnChunks, rowBlocksOf, selectRows } from "./columns";
export { openDialog, listenToParent, sendToParent, MAP_DIALOG_PAGE, DIALOG_READY } from "./dialog";
export {
  importSheets,
  metadataSheetState,
  jsonBytes,
  type ImportSheetInput,
  type ImportSheetsOptions,
  type ImportSheetsResult,
  type ImportedSheet,
  type MetadataSheetState,
} from "./import";
