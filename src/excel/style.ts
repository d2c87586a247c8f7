/**
 * How a template sheet looks and what rules its columns carry, as plain data: fills, block colours, number
 * formats, data-validation rules and conditional-format formulas. Pure (no Office.js calls), so the same plan is
 * easy to test and to apply in one batch.
 */
import {
  BLOCK_COLOURS as MODEL_BLOCK_COLOURS,
  getVocabulary,
  LEVEL_COLOURS,
  MARK_COLOURS,
  NUMERIC_RULE_HELP,
  VOCABULARY_SHEET,
  VOCABULARY_SHEET_NAMES,
  vocabularySheetName,
  isVocabularySheetName,
  EXCEL_MAX_ROWS,
  isTextColumn,
  TEMPLATE_LAST_ROW,
  templateLastRow,
  vocabularyRangeName,
  rangeMaxFormula,
  TERM_RANGES,
  type TermRange,
} from "../dwc";
import type { Block, ColumnLevel, Lang, TemplateColumn } from "../dwc/types";
import { columnLetters } from "./address";

/** Header fills by level (`#RRGGBB`, as Office.js takes colours), from the model's shared template look. */
export const LEVEL_FILLS: Readonly<Record<ColumnLevel, string | null>> = {
  required: `#${LEVEL_COLOURS.required}`,
  recommended: `#${LEVEL_COLOURS.recommended}`,
  optional: null,
};

/** A colour per block (`#RRGGBB`), drawn as a thick bottom border under the header cell. */
export const BLOCK_COLOURS = Object.fromEntries(
  Object.entries(MODEL_BLOCK_COLOURS).map(([block, colour]) => [block, `#${colour}`])
) as Readonly<Record<Block, string>>;

/** The vocabulary sheet's names are the model's (the command line's .xlsx files share them). */
export { VOCABULARY_SHEET, VOCABULARY_SHEET_NAMES, vocabularySheetName, isVocabularySheetName };

/** The template rows and text columns are the model's (the .xlsx templates of the command line share them). */
export { EXCEL_MAX_ROWS, isTextColumn, TEMPLATE_LAST_ROW, templateLastRow, vocabularyRangeName };

/** Conditional-format colours of marks and range highlights: the model's (`MARK_COLOURS` of src/dwc). */
export { MARK_COLOURS };

/** Excel's data-validation rule for a numeric Darwin Core term (Office.js `DataValidationRule` shape). */
interface NumericRule {
  kind: "decimal" | "wholeNumber";
  operator: "Between" | "GreaterThan";
  /** A number, or a formula (`=YEAR(TODAY())`) for a bound that moves with the clock. */
  formula1: number | string;
  formula2?: number | string;
}

/** A bound as Office.js takes it: a number as a number, a formula with its `=`. */
const officeBound = (bound: number | string): number | string => (typeof bound === "number" ? bound : `=${bound}`);

/** The data-validation rule of a term range of the model (`TERM_RANGES`), in Office.js's shape. */
export function numericRule(range: TermRange): NumericRule {
  const kind = range.whole ? "wholeNumber" : "decimal";
  const max = rangeMaxFormula(range);
  if (range.minExclusive || max === undefined) return { kind, operator: "GreaterThan", formula1: range.min ?? 0 };
  return { kind, operator: "Between", formula1: range.min ?? 0, formula2: officeBound(max) };
}

/**
 * Range rules of numeric Darwin Core terms: the model's {@link TERM_RANGES} (latitude, longitude, uncertainty above
 * 0, year up to the current year, month, day, day of year) as Excel data validation.
 */
export const NUMERIC_RULES: Readonly<Record<string, NumericRule>> = Object.fromEntries(
  Object.entries(TERM_RANGES).map(([term, range]) => [term, numericRule(range)])
);

/** What one column of a data sheet gets (everything in the Office.js shapes the adapter writes). */
export interface ColumnFormatting {
  /** Data cells' number format: `@` (text), `General` (numeric), or undefined to leave the user's. */
  numberFormat?: string;
  /** Office.js `DataValidationRule`, e.g. `{ list: { inCellDropDown: true, source: "=dwc_basisOfRecord" } }`. */
  rule?: Excel.DataValidationRule;
  errorAlert?: Excel.DataValidationErrorAlert;
  /** Custom conditional-format formula relative to the column's first data cell, and its severity. */
  highlight?: { formula: string; severity: "error" | "warning" };
}

/**
 * The formatting of one template column whose first data cell is row 2 of column `index` (0-based).
 * `vocabularyReady` says whether the vocabulary's named range exists (or is being created in the same batch).
 *
 * @example columnFormatting({ term: "basisOfRecord", type: "string", vocabulary: "basisOfRecord", ... }, 1, "en", true)
 *   // { numberFormat: "@", rule: { list: { inCellDropDown: true, source: "=dwc_basisOfRecord" } },
 *   //   errorAlert: { style: "Stop", ... }, highlight: { formula: '=AND(B2<>"",ISNA(MATCH(B2,dwc_basisOfRecord,0)))', severity: "error" } }
 */
export function columnFormatting(
  column: TemplateColumn,
  index: number,
  lang: Lang,
  vocabularyReady: boolean
): ColumnFormatting {
  const cell = `${columnLetters(index)}2`;
  const out: ColumnFormatting = {};
  const numeric = NUMERIC_RULES[column.term];
  if (numeric) out.numberFormat = "General";
  else if (isTextColumn(column)) out.numberFormat = "@";
  else if (column.type === "integer" || column.type === "decimal") out.numberFormat = "General";
  const vocabulary = column.vocabulary ? getVocabulary(column.vocabulary) : undefined;
  if (vocabulary && vocabulary.concepts.length > 0 && vocabularyReady) {
    const name = vocabularyRangeName(vocabulary.id);
    const severity = vocabulary.closed ? "error" : "warning";
    out.rule = { list: { inCellDropDown: true, source: `=${name}` } };
    out.errorAlert = {
      showAlert: true,
      style: vocabulary.closed ? "Stop" : "Warning",
      title: column.term,
      message:
        lang === "ru"
          ? `Значение не из словаря ${vocabulary.id}.${vocabulary.closed ? "" : " Можно оставить, если уверены."}`
          : `The value is not in the ${vocabulary.id} vocabulary.${vocabulary.closed ? "" : " Keep it only if you are sure."}`,
    };
    // MATCH finds the value in the named list (case-insensitively, like the IPT); blanks are not marked.
    out.highlight = { formula: `=AND(${cell}<>"",ISNA(MATCH(${cell},${name},0)))`, severity };
  } else if (numeric) {
    const basic: Excel.BasicDataValidation = { formula1: numeric.formula1, operator: numeric.operator };
    if (numeric.formula2 !== undefined) basic.formula2 = numeric.formula2;
    out.rule = numeric.kind === "decimal" ? { decimal: basic } : { wholeNumber: basic };
    out.errorAlert = {
      showAlert: true,
      style: "Stop",
      title: column.term,
      message: NUMERIC_RULE_HELP[column.term][lang],
    };
    const bound = (f: number | string) => String(f).replace(/^=/, "");
    const bounds =
      numeric.operator === "Between"
        ? `${cell}<${bound(numeric.formula1)},${cell}>${bound(numeric.formula2 as number | string)}`
        : `${cell}<=${bound(numeric.formula1)}`;
    const whole = numeric.kind === "wholeNumber" ? `,${cell}<>INT(${cell})` : "";
    // A text in a numeric column (e.g. "55,75" with a decimal comma) is also marked: NOT(ISNUMBER()) comes first
    // so that the comparisons are never evaluated on text in a way that hides it.
    out.highlight = { formula: `=AND(${cell}<>"",OR(NOT(ISNUMBER(${cell})),${bounds}${whole}))`, severity: "error" };
  }
  return out;
}

/**
 * Whether a conditional-format formula is one of the add-in's column highlights (so re-formatting a sheet replaces
 * them instead of stacking copies): vocabulary checks refer to a `dwc_` name, range checks start with the numeric
 * test pattern written by {@link columnFormatting}.
 */
export function isOwnHighlightFormula(formula: string): boolean {
  return /MATCH\([A-Z]+\d+,dwc_/.test(formula) || /^=AND\([A-Z]+\d+<>"",OR\(NOT\(ISNUMBER\([A-Z]+\d+\)\)/.test(formula);
}
