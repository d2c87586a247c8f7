/**
 * The Darwin Core model: terms, GBIF core/extension definitions, vocabularies, term help, sheet templates and
 * cell-to-text conversion. Pure data and functions; generated data comes from `scripts/generate-model.ts`.
 */
export * from "./types";
export * from "./table";
export { terms, getTerm, headerTermIri, TERM_PREFIXES, VERBATIM_OF, DWC_RELEASE } from "./terms";
export { rowTypes, getRowType, getProperty, vocabularyIdFor } from "./rowTypes";
export { vocabularies, getVocabulary } from "./vocabularies";
export { termHelp, ruTermText } from "./help";
export { blockLabel } from "./blocks";
export { TERM_RANGES, EARLIEST_YEAR, CURRENT_YEAR, latestYear, rangeMax, rangeMaxFormula } from "./ranges";
export type { TermRange } from "./ranges";
export type { TermHelp } from "./help";
export {
  numberToText,
  isDateFormat,
  excelSerialToIso,
  cellToText,
  isExcelError,
  EXCEL_ERRORS,
  createCellConverter,
  numberText,
  toExcelPrecision,
} from "./cells";
export type { CellConverter } from "./cells";
export {
  buildTemplate,
  extensionTemplate,
  EXTENSION_CHOICES,
  addableTerms,
  columnFor,
  SHEET_TITLES,
  TemplateError,
  recogniseSheet,
  recogniseWorkbook,
  headerTermName,
  CORE_ID_TERM,
  CORE_ROW_TYPE,
  EXTENDED_BLOCKS,
  LEVEL_COLOURS,
  BLOCK_COLOURS,
  MARK_COLOURS,
  VOCABULARY_SHEET,
  VOCABULARY_SHEET_NAMES,
  vocabularySheetName,
  isVocabularySheetName,
  NUMERIC_RULE_HELP,
  isTextColumn,
  EXCEL_MAX_ROWS,
  TEMPLATE_LAST_ROW,
  templateLastRow,
  vocabularyRangeName,
} from "./templates";
export type { ExtensionChoice, SheetForRoles, TemplateErrorCode } from "./templates";
