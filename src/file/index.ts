/** The file adapter: .xlsx (ExcelJS) and CSV/TSV (papaparse) files for the command line. */
export { columnLetters, quoteSheetName, cellRef } from "./address";
export { decodeText, headerDelimiter, parseDelimited, openDelimited } from "./csv-reader";
export { EncodingSniffer, MAX_RECORD_CHARS, RecordScanner, TextScanError } from "./text-scan";
export {
  MAX_EXCELJS_INFLATED_BYTES,
  MAX_PENDING_XML_CHARS,
  MAX_SHARED_STRINGS_MEMORY,
  MAX_SHEET_CELLS,
  XLSX_LIMITS,
  type XlsxLimits,
} from "./xlsx-package";
export { CSV_STREAMING_THRESHOLD_BYTES, openTableFile, STREAMING_THRESHOLD_BYTES, type OpenOptions } from "./open";
export { openDelimitedStreaming } from "./csv-stream";
export { decodeXmlText, openXlsxStreaming, type XlsxReadOptions } from "./xlsx-stream";
export {
  CORES,
  collectFileSources,
  coreRole,
  isMetadataSheetInfo,
  type CoreName,
  type FileSheet,
  type FileSheetSource,
  type FileSources,
} from "./dataset-sources";
export {
  fileWorkbook,
  newFileWorkbook,
  type FileWorkbook,
  type FileWorkbookOptions,
  type TemplateMetadata,
} from "./file-workbook";
export { removeMarks, writeMarks, type MarkedSheet } from "./marks-writer";
export { DEFAULT_CHUNK_ROWS, FileError, type FileErrorCode, type SourceNote, type TableSource } from "./source";
export { dateToSerial, plainValue, openXlsx } from "./xlsx-reader";
export {
  BLOCK_COLOURS,
  TEMPLATE_LAST_ROW,
  LEVEL_FILLS,
  VOCABULARY_SHEET,
  VOCABULARY_SHEET_NAMES,
  vocabularySheetName,
  isVocabularySheetName,
  addTemplateSheets,
  buildTemplateWorkbook,
  headerNote,
  vocabularyRangeName,
  writeTemplateFile,
  type TemplateWorkbookOptions,
} from "./template-writer";
export { writeStandardisedWorkbook, type StandardisedWorkbook, type WrittenSheets } from "./standardise-writer";
export { writeGeorefWorkbook, type GeorefFill, type GeorefWorkbook, type GeorefWritten } from "./georef-writer";
