/**
 * Coordinate precision: how finely the coordinates were written, and the uncertainty that alone adds. Georeferencing
 * Best Practices (Chapman & Wieczorek 2020), "Uncertainty Related to Coordinate Precision"; Georeferencing Quick
 * Reference Guide (Zermoglio et al. 2020), "Coordinate Precision".
 */
import { parseCoordinate } from "../validate/bdq/verbatimCoordinates";
import { metresPerDegree, WGS84, type Ellipsoid } from "./ellipsoid";

/** One second, minute and degree, in degrees. */
export const SECOND = 1 / 3600;
export const MINUTE = 1 / 60;
export const DEGREE = 1;

/** A coordinate precision: its size in degrees (0 = exact) and how to say it. */
export interface CoordinatePrecision {
  degrees: number;
  label: string;
}

/** Precision given as a distance: "exact" contributes nothing. */
export const EXACT: CoordinatePrecision = { degrees: 0, label: "exact" };

function decimalsOf(numberText: string): string {
  const dot = numberText.search(/[.,]/);
  return dot < 0 ? "" : numberText.slice(dot + 1).replace(/0+$/, "");
}

/** Precision of a decimal number written as text, in its own unit (1 for whole numbers). */
function unitPrecision(numberText: string): { size: number; places: number; fraction?: string } {
  const decimals = decimalsOf(numberText);
  if (decimals === "") return { size: 1, places: 0 };
  // A half or a quarter written as decimals shows no more specificity than the fraction (Best Practices' example:
  // 10.00000, −123.50000 has a precision of 0.5 degrees).
  if (decimals === "5") return { size: 0.5, places: 1, fraction: "1/2" };
  if (decimals === "25" || decimals === "75") return { size: 0.25, places: 2, fraction: "1/4" };
  return { size: 10 ** -decimals.length, places: decimals.length };
}

/**
 * The precision of one coordinate as written: `55°45'N` → nearest minute, `55°45'30"` → nearest second,
 * `55°45.5'` → 0.1 minute… `55.7512` → 0.0001 degree, `55` → nearest degree. Trailing zeros after the decimal
 * point show no precision (`10.00000` is whole degrees) and a fraction of .5 or .25/.75 is a half or a quarter of
 * the unit (Best Practices, "Uncertainty Related to Coordinate Precision", example). Undefined when the text is
 * not a geographic coordinate.
 */
export function precisionOfCoordinate(text: string): CoordinatePrecision | undefined {
  const trimmed = text.trim();
  if (!parseCoordinate(trimmed)) return undefined;
  const numbers = trimmed.match(/\d+(?:[.,]\d+)?/g) ?? [];
  if (numbers.length === 0 || numbers.length > 3) return undefined;
  const unit = [DEGREE, MINUTE, SECOND][numbers.length - 1];
  const unitName = ["degree", "minute", "second"][numbers.length - 1];
  const p = unitPrecision(numbers[numbers.length - 1]);
  const label =
    p.places === 0
      ? `nearest ${unitName}`
      : p.fraction
        ? `nearest ${p.fraction} ${unitName}`
        : `${p.size.toFixed(p.places)} ${unitName}s`;
  return { degrees: unit * p.size, label };
}

/**
 * The precision of a latitude/longitude pair: the more specific of the two, because the Calculator assumes the
 * same precision for both and a value may have lost its trailing zeros (Best Practices' example: for 10.27,
 * −123.6 "the lat/long precision is 0.01 degrees"). Undefined when neither can be read.
 */
export function precisionOfPair(latitude: string, longitude: string): CoordinatePrecision | undefined {
  const found = [precisionOfCoordinate(latitude), precisionOfCoordinate(longitude)].filter(
    (p): p is CoordinatePrecision => p !== undefined
  );
  if (found.length === 0) return undefined;
  return found.reduce((a, b) => (b.degrees < a.degrees ? b : a));
}

/**
 * Uncertainty in metres from the precision of the coordinates at a latitude: the length of the diagonal of the
 * box one precision unit wide in latitude and in longitude, √(lat² + lon²) × precision, where lat and lon are the
 * metres in a degree there (Best Practices, "Uncertainty Related to Coordinate Precision" and its table; the
 * Calculator's getCoordPrecisionError). Exact coordinates (precision 0) contribute 0.
 *
 * @example coordinatePrecisionError(10.27, 0.01) // ≈ 1556.8 (Best Practices: 1.5568 km)
 */
export function coordinatePrecisionError(
  latitude: number,
  precisionDegrees: number,
  ellipsoid: Ellipsoid = WGS84
): number {
  if (!(precisionDegrees > 0)) return 0;
  const m = metresPerDegree(latitude, ellipsoid);
  return Math.hypot(m.lat, m.lon) * precisionDegrees;
}
