/**
 * How a template sheet looks, shared by the Excel add-in and the .xlsx files the command line writes, so that a
 * workbook looks the same whichever way it was made.
 */
import { EARLIEST_YEAR } from "../ranges";
import type { Block, ColumnLevel, Lang } from "../types";

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

/** Name of the very hidden sheet holding the dropdowns' values, in the add-in and in the .xlsx templates alike. */
export const VOCABULARY_SHEET = "DwC vocabularies";

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
