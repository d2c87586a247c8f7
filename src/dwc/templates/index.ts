/** Template sheets: dataset classes, presets, extension sheets, addable terms and sheet recognition. */
export {
  buildTemplate,
  extensionTemplate,
  EXTENSION_CHOICES,
  addableTerms,
  columnFor,
  SHEET_TITLES,
  TemplateError,
} from "./build";
export type { ExtensionChoice, TemplateErrorCode } from "./build";
export { headerTermName, recogniseSheet, recogniseWorkbook, type SheetForRoles } from "./recognise";
export { CORE_ID_TERM, CORE_ROW_TYPE } from "./levels";
export { EXTENDED_BLOCKS } from "./extended";
export {
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
} from "./look";
