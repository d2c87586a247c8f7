/**
 * How a template sheet looks, shared by the Excel add-in and the .xlsx files the command line writes, so that a
 * workbook looks the same whichever way it was made.
 */
import { EARLIEST_YEAR } from "../ranges";
import type { Block, ColumnLevel, Lang, TemplateColumn } from "../types";

/**
 * Header fill by level, as RGB hex without `#`: dark green for required and light green for strongly
 * recommended columns, the colours of GBIF's IPT templates (`FF85B372`, `FFD8E3CF`); no fill otherwise.
 */
export const LEVEL_COLOURS: Readonly<Record<ColumnLevel, string | null>> = {
  required: "85B372",
  recommended: "D8E3CF",
  optional: null,
};

/** A colour per block (RGB hex without `#`), drawn under the header cell: the visible cue for a column's block. */
export const BLOCK_COLOURS: Readonly<Record<Block, string>> = {
  RECORD: "5B6770",
  OCCURRENCE: "2E75B6",
  ORGANISM: "7030A0",
  MATERIAL: "8E5B3E",
  EVENT: "C55A11",
  LOCATION: "548235",
  GEOLOGY: "7F6000",
  IDENTIFICATION: "BF8F00",
  TAXON: "C00000",
  MEASUREMENT: "1F4E79",
  RELATIONSHIP: "7B7B7B",
  OTHER: "A6A6A6",
};

/**
 * Name of the very hidden sheet holding the dropdowns' values, by interface language, in the add-in and in the
 * .xlsx files alike. A workbook keeps the name it was made with: whoever looks for the sheet accepts every name
 * here ({@link isVocabularySheetName}), so switching the language never makes a second vocabulary sheet.
 */
const VOCABULARY_SHEET_BY_LANG: Readonly<Record<Lang, string>> = {
  en: "DwC vocabularies",
  ru: "DwC словари",
};

/** The vocabulary sheet's English name (what every workbook had before the sheet was named by language). */
export const VOCABULARY_SHEET = VOCABULARY_SHEET_BY_LANG.en;

/** Every name the vocabulary sheet may have, English first. */
export const VOCABULARY_SHEET_NAMES: readonly string[] = [
  VOCABULARY_SHEET,
  ...Object.values(VOCABULARY_SHEET_BY_LANG).filter((n) => n !== VOCABULARY_SHEET),
];

/**
 * The name a new vocabulary sheet gets in `lang`.
 *
 * @example vocabularySheetName("ru") // "DwC словари"
 */
export function vocabularySheetName(lang: Lang): string {
  return VOCABULARY_SHEET_BY_LANG[lang] ?? VOCABULARY_SHEET;
}

const VOCABULARY_SHEET_LOWER = new Set(VOCABULARY_SHEET_NAMES.map((n) => n.toLowerCase()));

/**
 * Whether a sheet name is one of the vocabulary sheet's names, in any language. Excel compares sheet names
 * case-insensitively, and so does this.
 *
 * @example isVocabularySheetName("dwc СЛОВАРИ") // true
 */
export function isVocabularySheetName(name: string): boolean {
  return VOCABULARY_SHEET_LOWER.has(name.toLowerCase());
}

/** The defined name that holds a vocabulary's values on the vocabulary sheet, e.g. `dwc_basisOfRecord`. */
export function vocabularyRangeName(vocabularyId: string): string {
  return `dwc_${vocabularyId.replace(/[^A-Za-z0-9_]/g, "_")}`;
}

/** The message a numeric column's data validation shows, by term, in both interface languages. */
export const NUMERIC_RULE_HELP: Readonly<Record<string, Record<Lang, string>>> = {
  decimalLatitude: { en: "A decimal latitude between -90 and 90.", ru: "Десятичная широта от -90 до 90." },
  decimalLongitude: { en: "A decimal longitude between -180 and 180.", ru: "Десятичная долгота от -180 до 180." },
  coordinateUncertaintyInMeters: {
    en: "Metres, greater than 0 (leave blank when unknown).",
    ru: "Метры, больше 0 (оставьте пустым, если неизвестно).",
  },
  year: {
    en: `A four-digit year from ${EARLIEST_YEAR} up to this year.`,
    ru: `Год, четыре цифры, от ${EARLIEST_YEAR} до текущего.`,
  },
  month: { en: "A month from 1 to 12.", ru: "Месяц от 1 до 12." },
  day: { en: "A day from 1 to 31.", ru: "День от 1 до 31." },
  startDayOfYear: { en: "A day of the year from 1 to 366.", ru: "День года от 1 до 366." },
  endDayOfYear: { en: "A day of the year from 1 to 366.", ru: "День года от 1 до 366." },
};

/**
 * Whether a template column's cells are formatted as text (`@`): IDs keep their leading zeros, ISO dates stay text
 * instead of turning into date serials, `true`/`false` stay as typed. Numbers (integer, decimal) stay numeric so
 * that range rules apply.
 */
export function isTextColumn(column: Pick<TemplateColumn, "type">): boolean {
  return column.type !== "integer" && column.type !== "decimal";
}

/** Excel's last row (1,048,576). */
export const EXCEL_MAX_ROWS = 1_048_576;

/**
 * Last row that a new template's number formats, dropdowns, range rules and highlighting cover. Bounded (never
 * `A:A`): whole-column ranges cannot take values in Office.js and make conditional formats slow; 50,000 rows cover
 * typical datasets, and a sheet with more data gets {@link templateLastRow} of its data.
 */
export const TEMPLATE_LAST_ROW = 50_000;

/**
 * The last row to format or validate on a sheet whose data ends at `lastDataRow`: {@link TEMPLATE_LAST_ROW}, or
 * 10,000 rows of room below the data when that is further, never past Excel's last row.
 *
 * @example templateLastRow(1) // 50000 (an empty template)
 * @example templateLastRow(120000) // 130000
 */
export function templateLastRow(lastDataRow = 1): number {
  return Math.min(EXCEL_MAX_ROWS, Math.max(TEMPLATE_LAST_ROW, lastDataRow + 10_000));
}

/**
 * Colours of the marks and of the template's range highlights (`#RRGGBB`): Excel's "light red fill with dark red
 * text" and "yellow fill with dark yellow text". A blocker is red as an error: the cell is wrong either way, and the
 * task pane and the command line say which ones stop the export.
 */
export const MARK_COLOURS = {
  blocker: { fill: "#FFC7CE", font: "#9C0006" },
  error: { fill: "#FFC7CE", font: "#9C0006" },
  warning: { fill: "#FFEB9C", font: "#9C5700" },
} as const;
