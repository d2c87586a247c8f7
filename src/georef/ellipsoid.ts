/**
 * Ellipsoids and the length of a degree. The Georeferencing Calculator measures every distance on the ellipsoid of
 * the datum the coordinates were read in (Calculator Manual, Appendix A "Datum": the datum "provides the
 * characteristics of the ellipsoid model of the earth, which the distance calculations depend on"); when the datum
 * is not recorded it uses WGS 84.
 */

/** An ellipsoid by its semi-major axis (metres) and inverse flattening. */
export interface Ellipsoid {
  name: string;
  semiMajorAxis: number;
  inverseFlattening: number;
}

/** WGS 84 (also close enough for GRS 80, i.e. ETRS89, NAD83, GDA94/2020, GSK-2011 at these scales). */
export const WGS84: Ellipsoid = { name: "WGS 84", semiMajorAxis: 6378137, inverseFlattening: 298.257223563 };
/** Clarke 1866, the ellipsoid of NAD27. */
export const CLARKE_1866: Ellipsoid = { name: "Clarke 1866", semiMajorAxis: 6378206.4, inverseFlattening: 294.9786982 };
/** International 1924 (Hayford), the ellipsoid of ED50. */
export const INTERNATIONAL_1924: Ellipsoid = {
  name: "International 1924",
  semiMajorAxis: 6378388,
  inverseFlattening: 297,
};
/** Krassowsky 1940, the ellipsoid of Pulkovo 1942 (SK-42) and SK-95, on which Soviet and Russian maps are drawn. */
export const KRASSOWSKY_1940: Ellipsoid = { name: "Krassowsky 1940", semiMajorAxis: 6378245, inverseFlattening: 298.3 };

const BY_DATUM: readonly { pattern: RegExp; ellipsoid: Ellipsoid }[] = [
  { pattern: /nad\s*-?\s*27|north american datum 1927|epsg:\s*4267\b/i, ellipsoid: CLARKE_1866 },
  {
    pattern: /pulkovo|sk\s*-?\s*42|sk\s*-?\s*95|ск\s*-?\s*(42|95)|пулков|epsg:\s*(4284|4200)\b/i,
    ellipsoid: KRASSOWSKY_1940,
  },
  { pattern: /\bed\s*-?\s*50\b|european datum 1950|epsg:\s*4230\b/i, ellipsoid: INTERNATIONAL_1924 },
];

/**
 * The ellipsoid of a geodeticDatum value: Clarke 1866 for NAD27, Krassowsky 1940 for Pulkovo 1942/SK-42/SK-95,
 * International 1924 for ED50, WGS 84 for anything else (including an unknown datum, as the Calculator does).
 */
export function ellipsoidOfDatum(datum: string | undefined): Ellipsoid {
  if (!datum) return WGS84;
  return BY_DATUM.find((d) => d.pattern.test(datum))?.ellipsoid ?? WGS84;
}

/** Metres in one degree of latitude and of longitude at a latitude. */
export interface MetresPerDegree {
  lat: number;
  lon: number;
}

/**
 * Length of one degree of latitude and of longitude at `latitude` (degrees) on an ellipsoid, as the Calculator
 * computes them (source: NIMA TR8350.2, used in the Calculator's calculateLatLongMetersPerDegree): a degree of
 * latitude is the arc of one degree on the meridian radius of curvature M = a(1−e²)/(1−e²sin²φ)^1.5, a degree of
 * longitude the arc of one degree on the parallel, whose radius is N·cos φ with N = a/√(1−e²sin²φ).
 */
export function metresPerDegree(latitude: number, ellipsoid: Ellipsoid = WGS84): MetresPerDegree {
  const f = 1 / ellipsoid.inverseFlattening;
  const e2 = 2 * f - f * f;
  const phi = (latitude * Math.PI) / 180;
  const w = 1 - e2 * Math.sin(phi) ** 2;
  const meridian = (ellipsoid.semiMajorAxis * (1 - e2)) / w ** 1.5;
  const primeVertical = ellipsoid.semiMajorAxis / Math.sqrt(w);
  return { lat: (Math.PI * meridian) / 180, lon: (Math.PI * primeVertical * Math.cos(phi)) / 180 };
}
