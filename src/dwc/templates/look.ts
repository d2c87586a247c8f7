/**
 * How a template sheet looks, shared by the Excel add-in and the .xlsx files the command line writes, so that a
 * workbook looks the same whichever way it was made.
 */
import type { Block, ColumnLevel } from "../types";

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
