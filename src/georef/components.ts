/**
 * The sources of uncertainty of the point-radius method other than coordinate precision (see precision.ts), each
 * in metres. Georeferencing Best Practices (Chapman & Wieczorek 2020), "Calculating Uncertainties"; Georeferencing
 * Calculator Manual (Bloom et al. 2020); Wieczorek et al. (2004) The point-radius method for georeferencing
 * locality descriptions and calculating associated uncertainty.
 */
import { DATUM_ERROR_GRID, DATUM_ERROR_GRID_DEGREES } from "../validate/bdq/data/datumError";

/** Worst-case shift between WGS 84 and any other datum anywhere (Best Practices, "Uncertainty from Unknown Datum"). */
export const WORST_DATUM_ERROR_METERS = 5359;

/**
 * Uncertainty from an unknown datum at a point: the largest distance between the point read in any datum and the
 * same coordinates in WGS 84, from the Calculator's 5-degree grid (Best Practices, "Uncertainty from Unknown
 * Datum"; Calculator Manual, "Understanding uncertainty contributions": 5030 m at 0,0). As in the Calculator
 * (getDatumError), the point takes the value of the nearest grid node: round((lat + 90) / 5), round((lon + 180) /
 * 5). Longitude 180 is the node of −180; latitudes above 87.5 take the last row (85°). Coordinates out of range
 * get the worst case.
 */
export function datumError(latitude: number, longitude: number): number {
  if (!(Math.abs(latitude) <= 90 && Math.abs(longitude) <= 180)) return WORST_DATUM_ERROR_METERS;
  const bands = DATUM_ERROR_GRID.length;
  const cells = DATUM_ERROR_GRID[0].length;
  const band = Math.round((longitude + 180) / DATUM_ERROR_GRID_DEGREES) % bands;
  const cell = Math.min(Math.round((latitude + 90) / DATUM_ERROR_GRID_DEGREES), cells - 1);
  return DATUM_ERROR_GRID[band]?.[cell] ?? WORST_DATUM_ERROR_METERS;
}

const FOOT = 0.3048;

/**
 * Horizontal accuracy of USGS maps by scale denominator, in feet, as the Calculator lists them (getMapScaleError;
 * US National Map Accuracy Standards: 1/50 inch at 1:24,000 is 40 ft, 12.2 m; Best Practices, "Uncertainty in
 * Paper Map Measurements").
 */
export const USGS_MAP_ERROR_FEET: Readonly<Record<number, number>> = {
  250000: 417,
  100000: 167,
  63360: 106,
  62500: 105,
  25000: 41.8,
  24000: 40,
  12000: 33.3,
  10000: 27.8,
  4800: 13.3,
  2400: 6.7,
  1200: 3.3,
};

/** Which accuracy a map of a given scale is taken to have. */
export type MapSeries = "usgs" | "other";

/**
 * Uncertainty from the accuracy of a map of scale 1:`denominator`. For the USGS scales the Calculator lists, their
 * published accuracy (1:24,000 → 40 ft, 12.19 m); for any other map 1 mm at the map's scale, the Calculator's
 * default "when map quality not known" (Best Practices: "A value of 1 mm of error can be used on maps for which
 * the standards are not published"). `series: "other"` forces the 1 mm rule for a non-USGS map of a USGS scale.
 */
export function mapScaleError(denominator: number, series?: MapSeries): number {
  if (!(denominator > 0)) return 0;
  const usgs = USGS_MAP_ERROR_FEET[denominator];
  if (usgs !== undefined && series !== "other") return usgs * FOOT;
  return denominator / 1000;
}

/** Reads a map scale written `1:24000`, `1:24 000`, `1:24,000` or `24000`; undefined when it is not one. */
export function parseMapScale(text: string): number | undefined {
  const m = /^\s*(?:1\s*:\s*)?(\d{1,3}(?:[ ,\u00a0\u202f]?\d{3})*)\s*$/.exec(text);
  if (!m) return undefined;
  const n = Number(m[1].replace(/[ ,\u00a0\u202f]/g, ""));
  return n > 0 ? n : undefined;
}

/**
 * GPS accuracy to use when the receiver's reading was not recorded (Quick Reference Guide, "GPS Accuracy"): 100 m
 * for coordinates taken before 1 May 2000, when Selective Availability was switched off, 30 m after. `eventDate`
 * is an ISO 8601 date (or its start); without a readable one the later default is used.
 */
export function defaultGpsAccuracy(eventDate?: string): number {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(eventDate?.trim() ?? "");
  if (!m) return 30;
  const key = `${m[1]}-${m[2] ?? "01"}-${m[3] ?? "01"}`;
  // A year or month that ends before May 2000 is entirely before it.
  const endOfPeriod = m[3] ? key : m[2] ? `${m[1]}-${m[2]}-31` : `${m[1]}-12-31`;
  return endOfPeriod < "2000-05-01" ? 100 : 30;
}

/**
 * Uncertainty from the precision of a distance: half the precision (the Calculator's getDistancePrecisionError:
 * "10 mi" precision → 5 mi, "1/2 mi" → 0.25 mi). `precision` and the result share a unit.
 */
export function offsetPrecisionError(precision: number): number {
  return precision > 0 ? precision / 2 : 0;
}

/**
 * The precision shown by a distance as written, in its own unit (Best Practices, "Uncertainty Related to Offset
 * Precision"): a fraction's denominator (10.5 → 1/2, 10.25 → 1/4, 10.6 → 1/10); for whole numbers 1, or 10 to the
 * number of trailing zeros (30 → 10), one power less for a power of ten (10 → 1, 100 → 10, 1000 → 100).
 */
export function offsetPrecision(text: string): number | undefined {
  const t = text.trim().replace(",", ".");
  if (!/^\d+(?:\.\d+)?$/.test(t)) return undefined;
  const [whole, fraction = ""] = t.split(".");
  const decimals = fraction.replace(/0+$/, "");
  if (decimals !== "") {
    if (decimals === "5") return 0.5;
    if (decimals === "25" || decimals === "75") return 0.25;
    if (/^(125|375|625|875)$/.test(decimals)) return 0.125;
    return 10 ** -decimals.length;
  }
  const zeros = /0*$/.exec(whole)![0].length;
  if (zeros === 0 || /^0+$/.test(whole)) return 1;
  return /^10+$/.test(whole) ? 10 ** (zeros - 1) : 10 ** zeros;
}

const POINTS_4 = ["n", "e", "s", "w"];
const POINTS_8 = ["ne", "se", "sw", "nw"];
const POINTS_16 = ["nne", "ene", "ese", "sse", "ssw", "wsw", "wnw", "nnw"];
const POINTS_32 = [
  "nbe",
  "nebn",
  "nebe",
  "ebn",
  "ebs",
  "sebe",
  "sebs",
  "sbe",
  "sbw",
  "swbs",
  "swbw",
  "wbs",
  "wbn",
  "nwbw",
  "nwbn",
  "nbw",
];

/** Degrees from north of the 32 compass points, by abbreviation (`n`, `nbe`, `nne`, … `nbw`). */
const POINT_DEGREES: Readonly<Record<string, number>> = Object.fromEntries(
  [
    "n",
    "nbe",
    "nne",
    "nebn",
    "ne",
    "nebe",
    "ene",
    "ebn",
    "e",
    "ebs",
    "ese",
    "sebe",
    "se",
    "sebs",
    "sse",
    "sbe",
    "s",
    "sbw",
    "ssw",
    "swbs",
    "sw",
    "swbw",
    "wsw",
    "wbs",
    "w",
    "wbn",
    "wnw",
    "nwbw",
    "nw",
    "nwbn",
    "nnw",
    "nbw",
  ].map((p, i) => [p, i * 11.25])
);

/** A heading: degrees clockwise from north and the precision (half-angle) it was given with. */
export interface Heading {
  degrees: number;
  precisionDegrees: number;
}

/**
 * Reads a heading: a compass point (`E`, `NE`, `ENE`, `NbE`, also `N by E`) or degrees from north (`75`, `75°`).
 * Its precision is half the angle to the neighbouring points of the same compass (Best Practices, table "Calculating
 * uncertainty using the precision of the recorded direction"; the Calculator's getDirectionError): cardinal points
 * 45°, intercardinal 22.5°, 16-point 11.25°, 32-point 5.625°, a number of degrees 1°.
 */
export function parseHeading(text: string): Heading | undefined {
  const t = text
    .trim()
    .toLowerCase()
    .replace(/\s+by\s+/g, "b")
    .replace(/[\s-]/g, "");
  const deg = /^(\d{1,3}(?:\.\d+)?)°?$/.exec(t);
  if (deg) {
    const d = Number(deg[1]);
    return d <= 360 ? { degrees: d % 360, precisionDegrees: 1 } : undefined;
  }
  if (!(t in POINT_DEGREES)) return undefined;
  const precisionDegrees = POINTS_4.includes(t)
    ? 45
    : POINTS_8.includes(t)
      ? 22.5
      : POINTS_16.includes(t)
        ? 11.25
        : POINTS_32.includes(t)
          ? 5.625
          : 1;
  return { degrees: POINT_DEGREES[t], precisionDegrees };
}

/**
 * Uncertainty of a point `offset` away at a heading known to ±`precisionDegrees`, given the uncertainty of the
 * distance itself (`distanceError`: the starting point's and the distance's own): the distance from the nominal
 * point to the far corner of the arc, √((d + e − d·cos α)² + (d·sin α)²) (Wieczorek et al. 2004; Best Practices,
 * "Uncertainty Related to Heading": 10 km NE ignoring distance imprecision → 3.90 km; the Calculator's
 * getDirectionError). All lengths share a unit.
 */
export function directionError(offset: number, distanceError: number, precisionDegrees: number): number {
  const a = (precisionDegrees * Math.PI) / 180;
  return Math.hypot(offset + distanceError - offset * Math.cos(a), offset * Math.sin(a));
}
