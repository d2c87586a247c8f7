/**
 * The values a numeric Darwin Core term may take: one definition that the validator checks, and that the Excel
 * add-in's and the command line's templates turn into data validation and highlighting.
 */

/** A bound that moves with the clock: the current year (see {@link latestYear}). */
export const CURRENT_YEAR = "currentYear";

/**
 * The range of a numeric term. `min` is inclusive unless `minExclusive`; `max` is inclusive; either may be absent.
 *
 * @example TERM_RANGES.month // { whole: true, min: 1, max: 12 }
 */
export interface TermRange {
  /** Whole numbers only (a year, a month), or any decimal. */
  whole: boolean;
  min?: number;
  /** `min` itself is not allowed (an uncertainty must be above 0). */
  minExclusive?: boolean;
  max?: number | typeof CURRENT_YEAR;
}

/**
 * The earliest year a record's year column may hold. Below it a year is a mistyped or two-digit one ("98", "198").
 * GBIF flags a recorded date before 1600 as RECORDED_DATE_UNLIKELY but publishes it, so an old herbarium sheet's
 * year between 1000 and 1600 is not refused here (the BDQ test VALIDATION_YEAR_INRANGE warns from 1582 down).
 */
export const EARLIEST_YEAR = 1000;

/**
 * Ranges of the numeric terms, from their definitions: latitude -90..90, longitude -180..180,
 * coordinateUncertaintyInMeters above 0 (0 is not an uncertainty: leave the cell blank when unknown), year
 * {@link EARLIEST_YEAR}..the current year (a record cannot be from the future; GBIF flags it
 * RECORDED_DATE_UNLIKELY), month 1..12, day 1..31, day of year 1..366.
 */
export const TERM_RANGES: Readonly<Record<string, TermRange>> = {
  decimalLatitude: { whole: false, min: -90, max: 90 },
  decimalLongitude: { whole: false, min: -180, max: 180 },
  coordinateUncertaintyInMeters: { whole: false, min: 0, minExclusive: true },
  year: { whole: true, min: EARLIEST_YEAR, max: CURRENT_YEAR },
  month: { whole: true, min: 1, max: 12 },
  day: { whole: true, min: 1, max: 31 },
  startDayOfYear: { whole: true, min: 1, max: 366 },
  endDayOfYear: { whole: true, min: 1, max: 366 },
};

/**
 * The current year somewhere on Earth: the year at UTC+14, where a new year starts first, so that no user's own
 * "this year" is ever refused as a future year.
 *
 * @example latestYear(Date.UTC(2026, 11, 31, 12)) // 2027 (already 1 January at UTC+14)
 */
export function latestYear(now: number = Date.now()): number {
  return new Date(now + 14 * 3_600_000).getUTCFullYear();
}

/** A range's upper bound as a number, the current year resolved (undefined when there is none). */
export function rangeMax(range: TermRange, now?: number): number | undefined {
  return range.max === CURRENT_YEAR ? latestYear(now) : range.max;
}

/**
 * A range's upper bound for a spreadsheet: a number, or the formula `YEAR(TODAY())` (without `=`) for the current
 * year (Excel's own clock, so a template keeps up without being rewritten).
 */
export function rangeMaxFormula(range: TermRange): number | string | undefined {
  return range.max === CURRENT_YEAR ? "YEAR(TODAY())" : range.max;
}
