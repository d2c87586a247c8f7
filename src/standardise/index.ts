/**
 * Standardising a data holder's own table (the methodology's standardisation step): propose Darwin Core terms for
 * its columns from headers and values, keep the reviewed mapping as data, and apply it to build the Darwin Core
 * table, with ISO dates, decimal coordinates, vocabulary values and the `verbatim…` copies of what was converted.
 *
 * ```ts
 * const proposal = proposeMapping(headers, rows.slice(0, 200));   // per column: term, confidence, reason, action
 * const { headers: dwc, rows: out, summary } = applyMapping(proposal, headers, rows);
 * const saved = toSavedMapping(proposal);                        // JSON to keep; later:
 * recheckMapping(parseSavedMapping(JSON.parse(text)), newHeaders); // { missing, unmapped, ok }
 * ```
 * Pure: no Office.js, DOM, Node or ExcelJS.
 */
export type * from "./types";
export { proposeMapping, guessDatasetClass } from "./propose";
export { applyMapping, converterFor } from "./apply";
export { VERBATIM_OF } from "../dwc/terms";
export { toSavedMapping, parseSavedMapping, recheckMapping, MappingError } from "./mapping";
export { matchHeader, headerKey, dictionarySize, type HeaderMatch, type HeaderStrength } from "./headers";
export { HEADER_VARIANTS, MULTI_VALUE_TERMS } from "./dictionary";
export {
  convertDate,
  convertCoordinate,
  convertCoordinatePair,
  convertNumber,
  dayOrderOf,
  type Converted,
  type ConversionStatus,
  type DayOrder,
} from "./convert";
export { convertVocabulary, convertCountryCode, countryCodeOf, vocabularyWord } from "./words";
export { kindsOf, profileValues } from "./values";
