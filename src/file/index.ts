/** The file adapter: .xlsx (ExcelJS) and CSV/TSV (papaparse) files for the command line. */
export { columnLetters, quoteSheetName, cellRef } from "./address";
export { decodeText, headerDelimiter, parseDelimited, openDelimited } from "./csv-reader";
export { CSV_STREAMING_THRESHOLD_BYTES, openTableFile, STREAMING_THRESHOLD_BYTES, type OpenOptions } from "./open";
export { openDelimitedStreaming } from "./csv-stream";
export { decodeXmlText, openXlsxStreaming } from "./xlsx-stream";
export { DEFAULT_CHUNK_ROWS, FileError, type FileErrorCode, type SourceNote, type TableSource } from "./source";
export { dateToSerial, plainValue, openXlsx } from "./xlsx-reader";
export {
  BLOCK_COLOURS,
  LAST_TEMPLATE_ROW,
  LEVEL_FILLS,
  VOCABULARY_SHEET,
  buildTemplateWorkbook,
  headerNote,
  vocabularyRangeName,
  writeTemplateFile,
  type TemplateWorkbookOptions,
} from "./template-writer";
