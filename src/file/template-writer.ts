import ExcelJS from "exceljs";
import {
  BLOCK_COLOURS,
  getVocabulary,
  isTextColumn,
  LEVEL_COLOURS,
  NUMERIC_RULE_HELP,
  rangeMaxFormula,
  TEMPLATE_LAST_ROW,
  TERM_RANGES,
  termHelp,
  type TermRange,
  VOCABULARY_SHEET,
  VOCABULARY_SHEET_NAMES,
  vocabularyRangeName,
  vocabularySheetName,
  isVocabularySheetName,
} from "../dwc";
import type { CellValue } from "../dwc/table";
import type { ColumnLevel, Lang, SheetTemplate, TemplateColumn } from "../dwc/types";
import { freeSheetName } from "../archive/adapter";
import { columnLetters, quoteSheetName } from "./address";
import { FileError } from "./source";

/** Header fills by level and block colours (RGB hex, as ExcelJS takes them), shared with the Excel add-in. */
export { LEVEL_COLOURS as LEVEL_FILLS, BLOCK_COLOURS };

const LEVEL_TEXT: Readonly<Record<ColumnLevel, Record<Lang, string>>> = {
  required: { en: "Required", ru: "Обязательный" },
  recommended: { en: "Strongly recommended", ru: "Настоятельно рекомендуется" },
  optional: { en: "Share if available", ru: "Заполняйте, если есть данные" },
};

/** The vocabulary sheet, its defined names and the template rows are the model's (the Excel add-in shares them). */
export {
  VOCABULARY_SHEET,
  VOCABULARY_SHEET_NAMES,
  vocabularySheetName,
  isVocabularySheetName,
  TEMPLATE_LAST_ROW,
  vocabularyRangeName,
};

type NumericRule = Pick<ExcelJS.DataValidation, "type" | "operator" | "formulae">;

/** The data-validation rule of a term range of the model (`TERM_RANGES`), in ExcelJS's shape. */
export function numericRule(range: TermRange): NumericRule {
  const type = range.whole ? "whole" : "decimal";
  const max = rangeMaxFormula(range);
  if (range.minExclusive || max === undefined) return { type, operator: "greaterThan", formulae: [range.min ?? 0] };
  return { type, operator: "between", formulae: [range.min ?? 0, max] };
}

/** Range rules for numeric Darwin Core terms: the model's {@link TERM_RANGES} as ExcelJS data validation. */
const NUMERIC_RULES: Readonly<Record<string, NumericRule>> = Object.fromEntries(
  Object.entries(TERM_RANGES).map(([term, range]) => [term, numericRule(range)])
);

/** The header note: term, label, level and block, then the definition, comments and examples in `lang`. */
export function headerNote(column: TemplateColumn, lang: Lang): string {
  const help = termHelp(column.term, lang);
  const examplesLabel = lang === "ru" ? "Примеры" : "Examples";
  const lines = [
    `${column.term} — ${help.label}`,
    `${LEVEL_TEXT[column.level][lang]} · ${column.block}`,
    "",
    help.definition,
  ];
  if (help.comments) lines.push("", help.comments);
  if (help.examples.length > 0) lines.push("", `${examplesLabel}: ${help.examples.join("; ")}`);
  return lines.join("\n");
}

/** Options for {@link buildTemplateWorkbook}. */
export interface TemplateWorkbookOptions {
  lang: Lang;
  /** Rows of the Metadata sheet (column A keys, column B values...), when the metadata layout is available. */
  metadataRows?: CellValue[][];
  /** Name of the Metadata sheet. */
  metadataSheetName?: string;
}

/** The vocabulary ids in row 1 of a vocabulary sheet, by their 1-based column. */
function vocabularyColumns(ws: ExcelJS.Worksheet): Map<string, number> {
  const ids = new Map<string, number>();
  ws.getRow(1).eachCell((cell, col) => {
    if (typeof cell.value === "string" && cell.value !== "") ids.set(cell.value, col);
  });
  return ids;
}

/**
 * Writes the very hidden vocabulary sheet (named in `lang`) and its defined names, or adds the missing vocabularies
 * to the workbook's vocabulary sheet when it has one (a template written into a workbook that already holds one);
 * returns the vocabularies the workbook then has.
 */
function ensureVocabularySheet(workbook: ExcelJS.Workbook, ids: string[], taken: Set<string>, lang: Lang): Set<string> {
  const ready = new Set<string>();
  if (ids.length === 0) return ready;
  let ws = workbook.worksheets.find((w) => isVocabularySheetName(w.name));
  const existing = ws ? vocabularyColumns(ws) : new Map<string, number>();
  for (const id of ids) if (existing.has(id)) ready.add(id);
  const missing = ids.filter((id) => !existing.has(id));
  if (missing.length === 0) return ready;
  if (!ws) ws = workbook.addWorksheet(freeSheetName(vocabularySheetName(lang), taken), { state: "veryHidden" });
  const sheet = ws;
  // New vocabularies go right of the last column used, keeping each id's column (its defined name) where it was.
  const first = Math.max(0, ...existing.values());
  missing.forEach((id, i) => {
    const vocabulary = getVocabulary(id);
    if (!vocabulary || vocabulary.concepts.length === 0) return;
    const col = first + i + 1;
    sheet.getCell(1, col).value = id;
    vocabulary.concepts.forEach((concept, r) => {
      const cell = sheet.getCell(r + 2, col);
      cell.value = concept.value;
      cell.numFmt = "@";
    });
    const letters = columnLetters(col - 1);
    workbook.definedNames.add(
      `${quoteSheetName(sheet.name)}!$${letters}$2:$${letters}$${vocabulary.concepts.length + 1}`,
      vocabularyRangeName(id)
    );
    ready.add(id);
  });
  return ready;
}

/**
 * ExcelJS 4.4 keeps range validations in `worksheet.dataValidations` (written as one `sqref` per range) but its
 * typings omit it; per-cell `cell.dataValidation` would mean a million entries for a full-height column.
 */
interface RangeValidations {
  dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void };
}

function addDataSheet(
  workbook: ExcelJS.Workbook,
  template: SheetTemplate,
  name: string,
  lang: Lang,
  vocabularies: Set<string>
): void {
  const ws = workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1, xSplit: 0 }] });
  const validations = (ws as unknown as RangeValidations).dataValidations;
  template.columns.forEach((column, index) => {
    const col = ws.getColumn(index + 1);
    col.width = Math.max(12, column.term.length + 3);
    if (isTextColumn(column)) col.numFmt = "@";
    const cell = ws.getCell(1, index + 1);
    cell.value = column.term;
    cell.numFmt = "@";
    cell.font = { bold: column.level !== "optional" };
    const fill = LEVEL_COLOURS[column.level];
    if (fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: `FF${fill}` } };
    cell.border = { bottom: { style: "thick", color: { argb: `FF${BLOCK_COLOURS[column.block]}` } } };
    cell.note = headerNote(column, lang);
    const letters = columnLetters(index);
    const range = `${letters}2:${letters}${TEMPLATE_LAST_ROW}`;
    const vocabulary = column.vocabulary;
    if (vocabulary && vocabularies.has(vocabulary)) {
      const closed = getVocabulary(vocabulary)?.closed ?? false;
      validations.add(range, {
        type: "list",
        allowBlank: true,
        formulae: [vocabularyRangeName(vocabulary)],
        showErrorMessage: true,
        errorStyle: closed ? "stop" : "warning",
        errorTitle: column.term,
        error:
          lang === "ru" ? `Значение не из словаря ${vocabulary}.` : `The value is not in the ${vocabulary} vocabulary.`,
      });
    } else if (NUMERIC_RULES[column.term]) {
      validations.add(range, {
        ...NUMERIC_RULES[column.term],
        allowBlank: true,
        showErrorMessage: true,
        errorStyle: "stop",
        errorTitle: column.term,
        error: NUMERIC_RULE_HELP[column.term][lang],
      });
    }
  });
}

/**
 * Adds a template's sheets to `workbook` as new sheets (never over one of `taken`, the lower-cased names in use, by
 * the shared rule `freeSheetName`; the names written are added to it): one sheet per template sheet (row 1 the
 * Darwin Core term names, filled by level, definitions as notes, text format on text columns, frozen), dropdowns
 * bound to defined names on the very hidden vocabulary sheet named in `options.lang` ("DwC vocabularies",
 * "DwC словари"; the workbook's own vocabulary sheet is completed when it has one), numeric range rules, and a
 * Metadata sheet when its rows are given. Returns the names of the template sheets, in order.
 *
 * @example addTemplateSheets(workbook, buildTemplate("occurrence", "minimal"), { lang: "en" }, new Set()) // ["Occurrence"]
 */
export function addTemplateSheets(
  workbook: ExcelJS.Workbook,
  sheets: readonly SheetTemplate[],
  options: TemplateWorkbookOptions,
  taken: Set<string>
): string[] {
  const names = sheets.map((s) => freeSheetName(s.title[options.lang], taken));
  const metadataName = options.metadataRows ? freeSheetName(options.metadataSheetName ?? "Metadata", taken) : "";
  const vocabularyIds = [
    ...new Set(sheets.flatMap((s) => s.columns.flatMap((c) => (c.vocabulary ? [c.vocabulary] : [])))),
  ];
  // Data sheets come first so the workbook opens on the core; the vocabulary sheet is created last but its
  // names must exist before validations refer to them, hence the ids are gathered up front.
  const pending = new Set(vocabularyIds.filter((id) => (getVocabulary(id)?.concepts.length ?? 0) > 0));
  sheets.forEach((s, i) => addDataSheet(workbook, s, names[i], options.lang, pending));
  if (options.metadataRows) {
    const ws = workbook.addWorksheet(metadataName);
    options.metadataRows.forEach((row) => ws.addRow(row));
    ws.getColumn(1).width = 28;
    ws.getColumn(2).width = 60;
    ws.getColumn(2).numFmt = "@";
    ws.getRow(1).font = { bold: true };
  }
  ensureVocabularySheet(workbook, [...pending], taken, options.lang);
  return names;
}

/**
 * Builds a template workbook: {@link addTemplateSheets} into a new workbook.
 */
export function buildTemplateWorkbook(sheets: SheetTemplate[], options: TemplateWorkbookOptions): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "dwc-excel";
  addTemplateSheets(workbook, sheets, options, new Set());
  return workbook;
}

/** Writes {@link buildTemplateWorkbook}'s workbook to `path`. */
export async function writeTemplateFile(
  path: string,
  sheets: SheetTemplate[],
  options: TemplateWorkbookOptions
): Promise<void> {
  const workbook = buildTemplateWorkbook(sheets, options);
  try {
    await workbook.xlsx.writeFile(path);
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code ?? (e instanceof Error ? e.message : String(e));
    throw new FileError("WRITE_FAILED", path, `cannot write the file (${reason})`);
  }
}
