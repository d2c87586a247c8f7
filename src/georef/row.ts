/**
 * Reading a record's coordinates for a calculation: the point from decimalLatitude/decimalLongitude (or, when they
 * are empty, from the verbatim terms) and the precision the coordinates were written with, read from the verbatim
 * terms when filled (they keep what the collector wrote), else from the decimal values as written.
 */
import { parseCoordinate, parseCoordinatePair } from "../validate/bdq/verbatimCoordinates";
import { DEGREE, MINUTE, precisionOfPair, SECOND } from "./precision";

/** The Darwin Core terms a calculation reads from a record. */
export const GEOREF_INPUT_TERMS = [
  "decimalLatitude",
  "decimalLongitude",
  "verbatimLatitude",
  "verbatimLongitude",
  "verbatimCoordinates",
  "geodeticDatum",
  "eventDate",
] as const;

/** The Darwin Core terms a calculation fills, in the order they are added to a sheet that lacks them. */
export const GEOREF_OUTPUT_TERMS = [
  "coordinateUncertaintyInMeters",
  "georeferenceProtocol",
  "georeferenceSources",
  "georeferencedBy",
  "georeferencedDate",
] as const;

/** One of {@link GEOREF_OUTPUT_TERMS}. */
export type GeorefOutputTerm = (typeof GEOREF_OUTPUT_TERMS)[number];

/** A record's point and the precision of its written coordinates. */
export interface RowCoordinates {
  latitude: number;
  longitude: number;
  /** Precision in degrees (1/60 for minutes, 0 for exact). */
  precisionDegrees: number;
  /** The precision in words (English), e.g. "nearest minute", "0.01 degrees". */
  precisionLabel: string;
}

/** The two halves of a verbatimCoordinates value, for their precision: `55°45'N, 37°37'E` → both parts. */
export function splitCoordinatePair(text: string): [string, string] | undefined {
  const parts = text.split(/\s*[,;]\s*/);
  if (parts.length === 2) return [parts[0], parts[1]];
  const m = /^(.*?\b[NSns])\b\s*(.+)$/.exec(text) ?? /^(.*?\b[EWew])\b\s*(.+)$/.exec(text);
  return m ? [m[1], m[2]] : undefined;
}

/**
 * A row's coordinates and the precision they were written with, from a getter of the row's values by term ("" when
 * empty or missing). Undefined when the row has no readable coordinates.
 *
 * @example
 * rowCoordinates((t) => ({ decimalLatitude: "55.75", decimalLongitude: "37.6167", verbatimLatitude: "55°45'N",
 *   verbatimLongitude: "37°37'E" })[t] ?? "")
 * // { latitude: 55.75, longitude: 37.6167, precisionDegrees: 1/60, precisionLabel: "nearest minute" }
 */
export function rowCoordinates(get: (term: string) => string): RowCoordinates | undefined {
  const num = (t: string) => (/^[+-]?\d+(?:[.,]\d+)?$/.test(t.trim()) ? Number(t.trim().replace(",", ".")) : NaN);
  let latitude = num(get("decimalLatitude"));
  let longitude = num(get("decimalLongitude"));
  const vLat = get("verbatimLatitude");
  const vLon = get("verbatimLongitude");
  const vPair = get("verbatimCoordinates");
  if (Number.isNaN(latitude) || Number.isNaN(longitude)) {
    const lat = vLat ? parseCoordinate(vLat) : undefined;
    const lon = vLon ? parseCoordinate(vLon) : undefined;
    const pair = vPair ? parseCoordinatePair(vPair) : undefined;
    if (lat && lon) [latitude, longitude] = [lat.degrees, lon.degrees];
    else if (pair) [latitude, longitude] = [pair.lat, pair.lon];
    else return undefined;
  }
  const halves = vPair ? splitCoordinatePair(vPair) : undefined;
  const precision =
    (vLat || vLon ? precisionOfPair(vLat, vLon) : undefined) ??
    (halves ? precisionOfPair(halves[0], halves[1]) : undefined) ??
    precisionOfPair(get("decimalLatitude"), get("decimalLongitude"));
  if (!precision) return undefined;
  return { latitude, longitude, precisionDegrees: precision.degrees, precisionLabel: precision.label };
}

/** A precision a user can choose instead of the one read from the cells. */
export interface PrecisionChoice {
  /** Stable id: `degree`, `minute`, `second`, `d2` (two decimal places of a degree), `m1` (0.1 minute), `exact`… */
  id: string;
  degrees: number;
  /** The unit the precision is counted in, and how many decimal places of it (0 for whole units). */
  unit: "degree" | "minute" | "second" | "exact";
  places: number;
  /** A half or a quarter of the unit (`10.5°` shows half a degree). */
  fraction?: "1/2" | "1/4";
}

const decimals = (unit: "degree" | "minute" | "second", size: number, prefix: string, max: number): PrecisionChoice[] =>
  Array.from({ length: max }, (_, i) => ({ id: `${prefix}${i + 1}`, degrees: size * 10 ** -(i + 1), unit, places: i + 1 }));

/**
 * The precisions of written coordinates the calculator offers (Best Practices, table "metric uncertainty due to
 * precision of coordinates"): whole, half and quarter degrees, one to six decimal places of a degree, whole minutes
 * and up to three decimals of a minute, whole seconds and up to two decimals of a second, and exact.
 */
export const PRECISION_CHOICES: readonly PrecisionChoice[] = [
  { id: "degree", degrees: DEGREE, unit: "degree", places: 0 },
  { id: "half-degree", degrees: DEGREE / 2, unit: "degree", places: 0, fraction: "1/2" },
  { id: "quarter-degree", degrees: DEGREE / 4, unit: "degree", places: 0, fraction: "1/4" },
  ...decimals("degree", DEGREE, "d", 6),
  { id: "minute", degrees: MINUTE, unit: "minute", places: 0 },
  ...decimals("minute", MINUTE, "m", 3),
  { id: "second", degrees: SECOND, unit: "second", places: 0 },
  ...decimals("second", SECOND, "s", 2),
  { id: "exact", degrees: 0, unit: "exact", places: 0 },
];

/** The choice of a precision in degrees (relative tolerance 1e-9), or undefined when none matches. */
export function precisionChoiceOf(degrees: number): PrecisionChoice | undefined {
  return PRECISION_CHOICES.find((c) => (c.degrees === 0 ? degrees === 0 : Math.abs(c.degrees - degrees) <= c.degrees * 1e-9));
}
