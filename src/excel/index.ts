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
export { MINIMUM_EXCEL_API, missingRequirement, supportsExcelApi } from "./requirements";
