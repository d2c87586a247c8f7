/**
 * The point-radius calculation: the sources of uncertainty of a record combined as the Georeferencing Calculator
 * (Wieczorek & Wieczorek 2020) combines them for each locality type, and the Darwin Core values of the result.
 * Method: Wieczorek et al. 2004; Georeferencing Best Practices (Chapman & Wieczorek 2020), "Calculating
 * Uncertainties"; Georeferencing Quick Reference Guide (Zermoglio et al. 2020), "Georeferencing Methods by Locality
 * Type"; Calculator Manual (Bloom et al. 2020). All distances are in metres.
 */
import { datumError, directionError, mapScaleError, offsetPrecisionError, type MapSeries } from "./components";
import { ellipsoidOfDatum } from "./ellipsoid";
import { coordinatePrecisionError } from "./precision";

/**
 * The locality types the calculation supports (Quick Reference Guide, "Locality Type"): coordinates only; a
 * feature (named place) only; a distance only ("5 km from X"); a distance along a path ("13 km E of X by road");
 * a distance at a heading ("10 km NE of X").
 */
export type LocalityType = "coordinates" | "feature" | "distance" | "path" | "heading";

/** Where the input coordinates came from (Quick Reference Guide, "Coordinate Source"). */
export type CoordinateSource = "gps" | "map" | "gazetteer" | "description";

/** Everything a point-radius calculation needs. Distances in metres, angles in degrees. */
export interface GeorefInput {
  localityType: LocalityType;
  /** The input coordinates: the record's, or the feature's corrected center, in decimal degrees. */
  latitude: number;
  longitude: number;
  /** Precision of the input coordinates in degrees (1/60 for minutes; 0 for exact). */
  coordinatePrecisionDegrees: number;
  /** The geodeticDatum of the input coordinates; empty or undefined when not recorded. */
  datum?: string;
  /** Whether the datum is known. Default: whether `datum` names one. */
  datumKnown?: boolean;
  /** Uncertainty from the unknown datum to use instead of the grid's (e.g. a published value). */
  datumErrorMeters?: number;
  source: CoordinateSource;
  /** Map scale denominator when `source` is "map" (24000 for 1:24,000). */
  mapScale?: number;
  mapSeries?: MapSeries;
  /** GPS accuracy when `source` is "gps" (the Calculator's GPS Accuracy field). */
  gpsAccuracyMeters?: number;
  /** Error of measuring on the map or in a tool (the Calculator's Measurement Error field). */
  measurementErrorMeters?: number;
  /** Geographic radial of the feature (the Calculator's Radial of Feature, formerly "extent"). */
  radialMeters?: number;
  /** Offset distance for the distance locality types. */
  offsetMeters?: number;
  /** Precision the offset was written with (10 for "10 km" in km units is 1 km: give 1000). */
  offsetPrecisionMeters?: number;
  /** Precision (half-angle) of the heading for "heading" localities, e.g. 22.5 for NE. */
  headingPrecisionDegrees?: number;
}

/** Each source's contribution in metres, before the combination. */
export interface UncertaintyComponents {
  coordinatePrecision: number;
  datum: number;
  mapScale: number;
  /** GPS accuracy and measurement error (one field in the Calculator). */
  measurement: number;
  radial: number;
  offset: number;
  offsetPrecision: number;
}

/** The result of a calculation. */
export interface GeorefResult {
  /** coordinateUncertaintyInMeters: the combination rounded to a whole metre, at least 1. */
  uncertaintyMeters: number;
  /** The combination before rounding. */
  exactMeters: number;
  components: UncertaintyComponents;
}

/** Thrown when the inputs cannot make a georeference (bad coordinates, a missing offset). */
export class GeorefInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "GeorefInputError";
  }
}

const NOT_RECORDED = /^\s*(|unknown|not recorded|datum not recorded|not known|неизвестн\S*|не указан\S*)\s*$/i;

/** Whether a geodeticDatum value names a datum (empty, "unknown", "not recorded" do not). */
export function datumIsKnown(datum: string | undefined): boolean {
  return datum !== undefined && !NOT_RECORDED.test(datum);
}

/**
 * coordinateUncertaintyInMeters from an exact combination. The Calculator (gc.html 2020, calculateResults)
 * rounds the uncertainty to the nearest whole metre; Darwin Core does not allow 0, so the result is at least 1.
 */
export function roundUncertainty(meters: number): number {
  return Math.max(1, Math.round(meters));
}

function nonNegative(name: string, value: number | undefined): number {
  if (value === undefined) return 0;
  if (!Number.isFinite(value) || value < 0)
    throw new GeorefInputError(`${name} must be a distance of 0 or more (got ${value})`);
  return value;
}

/** The contribution of each source for an input (those the locality type does not use are 0). */
export function uncertaintyComponents(input: GeorefInput): UncertaintyComponents {
  const { latitude, longitude } = input;
  if (!(Math.abs(latitude) <= 90 && Math.abs(longitude) <= 180)) {
    throw new GeorefInputError(`coordinates out of range: ${latitude}, ${longitude}`);
  }
  const known = input.datumKnown ?? datumIsKnown(input.datum);
  const measurement =
    nonNegative("measurement error", input.measurementErrorMeters) +
    (input.source === "gps" ? nonNegative("GPS accuracy", input.gpsAccuracyMeters) : 0);
  const usesFeature = input.localityType !== "coordinates";
  const usesOffset =
    input.localityType === "distance" || input.localityType === "path" || input.localityType === "heading";
  if (input.localityType === "distance" || input.localityType === "heading") {
    if (input.offsetMeters === undefined)
      throw new GeorefInputError(`a "${input.localityType}" locality needs an offset distance`);
  }
  return {
    coordinatePrecision: coordinatePrecisionError(
      latitude,
      input.coordinatePrecisionDegrees,
      ellipsoidOfDatum(known ? input.datum : undefined)
    ),
    datum: known ? 0 : (input.datumErrorMeters ?? datumError(latitude, longitude)),
    mapScale: input.source === "map" && input.mapScale ? mapScaleError(input.mapScale, input.mapSeries) : 0,
    measurement,
    radial: usesFeature ? nonNegative("radial", input.radialMeters) : 0,
    offset: usesOffset ? nonNegative("offset", input.offsetMeters) : 0,
    offsetPrecision: usesOffset
      ? offsetPrecisionError(nonNegative("offset precision", input.offsetPrecisionMeters))
      : 0,
  };
}

/**
 * Combines the components as the Calculator does for each locality type (calculateMaxErrorDistance; Best
 * Practices, "Combined Uncertainties"):
 * - coordinates only: datum + coordinate precision + map + GPS/measurement;
 * - feature only: the same + the feature's radial;
 * - distance only: the same + the offset itself (the place can be anywhere on the circle) + offset precision;
 * - distance along a path: feature only + offset precision (the path fixes the direction);
 * - distance at a heading: the direction error (components.ts directionError) of the offset, with everything but
 *   coordinate precision as the distance's error, + coordinate precision.
 */
export function combineUncertainty(type: LocalityType, c: UncertaintyComponents, headingPrecisionDegrees = 0): number {
  const base = c.datum + c.mapScale + c.measurement;
  switch (type) {
    case "coordinates":
      return base + c.coordinatePrecision;
    case "feature":
      return base + c.radial + c.coordinatePrecision;
    case "distance":
      return base + c.radial + c.offset + c.offsetPrecision + c.coordinatePrecision;
    case "path":
      return base + c.radial + c.offsetPrecision + c.coordinatePrecision;
    case "heading":
      return (
        directionError(c.offset, base + c.radial + c.offsetPrecision, headingPrecisionDegrees) + c.coordinatePrecision
      );
  }
}

/**
 * The point-radius uncertainty of a record: each source's contribution, their combination for the locality type,
 * and coordinateUncertaintyInMeters rounded as the Calculator rounds it. Throws {@link GeorefInputError} for
 * inputs that cannot make a georeference.
 *
 * @example
 * calculateUncertainty({ localityType: "coordinates", latitude: 0, longitude: 0, coordinatePrecisionDegrees: 0,
 *   source: "gazetteer" }).uncertaintyMeters // 5030: the unknown datum alone (Calculator Manual)
 */
export function calculateUncertainty(input: GeorefInput): GeorefResult {
  const components = uncertaintyComponents(input);
  let heading = 0;
  if (input.localityType === "heading") {
    heading = input.headingPrecisionDegrees ?? NaN;
    if (!(heading >= 0 && heading <= 180))
      throw new GeorefInputError("a heading locality needs the heading's precision (0–180°)");
  }
  const exactMeters = combineUncertainty(input.localityType, components, heading);
  return { uncertaintyMeters: roundUncertainty(exactMeters), exactMeters, components };
}
