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
