/**
 * The calculator against the worked examples published with the method, with their numbers:
 * - Georeferencing Calculator Manual (Bloom et al. 2020), "Understanding uncertainty contributions";
 * - Georeferencing Best Practices (Chapman & Wieczorek 2020), "Uncertainty Related to Coordinate Precision" (two
 *   examples and the table), "Uncertainty Related to Heading", "Uncertainty Related to Offset Precision";
 * - Georeferencing Quick Reference Guide (Zermoglio et al. 2020), default geographic radials table;
 * - the worked examples of the 2012 Georeferencing Quick Reference Guide (Wieczorek et al. 2012) with the results
 *   the Georeferencing Calculator's own test suite expects for them (VertNet/georefcalculator test_data.js). Those
 *   with "datum not recorded" used the old North American datum grid (79 m at Bakersfield, stated in the example);
 *   the grid has changed since, so those take the published 79 m as the datum contribution.
 */
import {
  calculateUncertainty,
  coordinatePrecisionError,
  directionError,
  mapScaleError,
  metresPerDegree,
  offsetPrecision,
  offsetPrecisionError,
  precisionOfPair,
  type GeorefInput,
} from "../../src/georef";

const MILE = 1609.344;
const dms = (d: number, m: number, s = 0) => d + m / 60 + s / 3600;

describe("Calculator Manual worked example", () => {
  test("'Understanding uncertainty contributions': datum not recorded at 0,0, exact, gazetteer → 5030 m", () => {
    const r = calculateUncertainty({
      localityType: "coordinates",
      latitude: 0,
      longitude: 0,
      coordinatePrecisionDegrees: 0,
      datum: "",
      source: "gazetteer",
      measurementErrorMeters: 0,
    });
    expect(r.components.datum).toBe(5030);
    expect(r.uncertaintyMeters).toBe(5030);
  });
});

describe("Georeferencing Best Practices worked examples", () => {
  test("coordinate precision example 1: 10.27, −123.6 WGS84 → lat 1.1061 km, long 1.0955 km, combined 1.5568 km", () => {
    const precision = precisionOfPair("10.27", "-123.6")!;
    expect(precision.degrees).toBe(0.01);
    const m = metresPerDegree(10.27);
    expect(m.lat * 0.01).toBeCloseTo(1106.1, 0);
    expect(m.lon * 0.01).toBeCloseTo(1095.5, 0);
    expect(coordinatePrecisionError(10.27, precision.degrees) / 1000).toBeCloseTo(1.5568, 3);
  });

  test("coordinate precision example 2: 10.00000, −123.50000 → precision 0.5°, lat 55.6 km, long 54.75 km, 77.87 km", () => {
    const precision = precisionOfPair("10.00000", "-123.50000")!;
    expect(precision.degrees).toBe(0.5);
    const m = metresPerDegree(10);
    // The guide's parts (55.6 and 54.75 km) do not square with its own total (√(55.6² + 54.75²) = 78.03 km); the
    // total reproduces, the longitude part within 0.1 km, the latitude part within 0.4 km.
    expect(Math.abs((m.lon * 0.5) / 1000 - 54.75)).toBeLessThan(0.1);
    expect(Math.abs((m.lat * 0.5) / 1000 - 55.6)).toBeLessThan(0.4);
    expect(coordinatePrecisionError(10, precision.degrees) / 1000).toBeCloseTo(77.87, 1);
  });

  // Table "metric uncertainty due to precision of coordinates based on the WGS84 datum" (values rounded by the guide).
  const TABLE: [string, number, number[]][] = [
    ["1.0 degree", 1, [156904, 146962, 124605, 112109]],
    ["0.1 degree", 0.1, [15691, 14697, 12461, 11211]],
    ["0.01 degree", 0.01, [1570, 1470, 1246, 1121]],
    ["0.001 degree", 0.001, [157, 147, 125, 112]],
    ["0.0001 degree", 0.0001, [16, 15, 13, 12]],
    ["0.00001 degree", 0.00001, [2, 2, 2, 2]],
    ["1.0 minute", 1 / 60, [2615, 2450, 2077, 1869]],
    ["0.1 minute", 0.1 / 60, [262, 245, 208, 187]],
    ["0.01 minute", 0.01 / 60, [27, 25, 21, 19]],
    ["0.001 minute", 0.001 / 60, [3, 3, 3, 2]],
    ["1.0 second", 1 / 3600, [44, 41, 35, 32]],
    ["0.1 second", 0.1 / 3600, [5, 5, 4, 4]],
    ["0.01 second", 0.01 / 3600, [1, 1, 1, 1]],
  ];
  test.each(TABLE)(
    "coordinate precision table: %s at 0°, 30°, 60°, 85° latitude (within the table's 1 m rounding)",
    (_, degrees, published) => {
      [0, 30, 60, 85].forEach((lat, i) => {
        const computed = coordinatePrecisionError(lat, degrees);
        // "Rounded up": the published value is never more than 1 m from the exact one, and never below it by 1 m.
        expect(Math.abs(Math.ceil(computed) - published[i])).toBeLessThanOrEqual(1);
        expect(computed).toBeGreaterThan(published[i] - 1);
      });
    }
  );

  test("heading example: '10 km NE of Lambert Centre', distance imprecision ignored → 3.90 km", () => {
    expect(directionError(10, 0, 22.5)).toBeCloseTo(3.9, 2);
  });

  test("offset precision table (adapted from Wieczorek et al. 2004)", () => {
    const rows: [string, number][] = [
      ["10.1", 0.05],
      ["10.25", 0.125],
      ["10.5", 0.25],
      ["10.6", 0.05],
      ["10.75", 0.125],
      ["10", 0.5],
      ["15", 0.5],
      ["30", 5],
      ["33", 0.5],
      ["100", 5],
      ["140", 5],
      ["1000", 50],
    ];
    for (const [text, uncertainty] of rows)
      expect(offsetPrecisionError(offsetPrecision(text)!)).toBeCloseTo(uncertainty, 10);
  });

  test("map accuracy: USGS 1:24,000 is 40 ft (12.2 m)", () => {
    expect(mapScaleError(24000)).toBeCloseTo(12.2, 1);
  });
});

describe("Quick Reference Guide (2020) default geographic radials", () => {
  test("grid of ¼ degree precision at the equator → 39226 m", () => {
    expect(Math.round(coordinatePrecisionError(0, 0.25))).toBe(39226);
  });
});

describe("Quick Reference Guide 2012 worked examples (results as the Calculator's test suite expects them)", () => {
  const bakersfield = { latitude: dms(35, 22, 24), longitude: -dms(119, 1, 4) };

  test("coordinates only, Example 2: 35.37, −119.02, NAD27, USGS Gosford 1:24,000 map, 0.01° → 1446.325 m", () => {
    const r = calculateUncertainty({
      localityType: "coordinates",
      latitude: 35.37,
      longitude: -119.02,
      coordinatePrecisionDegrees: precisionOfPair("35.37", "-119.02")!.degrees,
      datum: "NAD27",
      source: "map",
      mapScale: 24000,
      measurementErrorMeters: 0,
    });
    expect(r.exactMeters).toBeCloseTo(1446.325, 2);
    expect(r.uncertaintyMeters).toBe(1446);
  });

  test("coordinates only, Example 1: 35°22'24\"N 119°1'4\"W, datum not recorded (79 m), nearest second → 118.837 m", () => {
    const r = calculateUncertainty({
      localityType: "coordinates",
      ...bakersfield,
      coordinatePrecisionDegrees: precisionOfPair(`35°22'24"N`, `119°1'4"W`)!.degrees,
      datum: "",
      datumErrorMeters: 79,
      source: "description",
    });
    expect(r.exactMeters).toBeCloseTo(118.837, 2);
    expect(r.uncertaintyMeters).toBe(119);
  });

  test("named place only: 'Bakersfield', gazetteer, datum not recorded (79 m), radial 3 km → 3.119 km", () => {
    const r = calculateUncertainty({
      localityType: "feature",
      ...bakersfield,
      coordinatePrecisionDegrees: 1 / 3600,
      datumErrorMeters: 79,
      source: "gazetteer",
      radialMeters: 3000,
    });
    expect(r.exactMeters / 1000).toBeCloseTo(3.119, 3);
  });

  test("distance only: '5 mi from Bakersfield', NAD27, 0.001°, radial 2 mi, precision 1 mi → 7.589 mi", () => {
    const input: GeorefInput = {
      localityType: "distance",
      latitude: 35.373,
      longitude: -119.018,
      coordinatePrecisionDegrees: 0.001,
      datum: "NAD27",
      source: "gazetteer",
      radialMeters: 2 * MILE,
      offsetMeters: 5 * MILE,
      offsetPrecisionMeters: offsetPrecision("5")! * MILE,
    };
    expect(calculateUncertainty(input).exactMeters / MILE).toBeCloseTo(7.589, 3);
  });

  test("distance along a path: '13 mi E (by road) Bakersfield', USGS 1:100,000, 0.1 minute, NAD27 → 2.711 mi", () => {
    const r = calculateUncertainty({
      localityType: "path",
      latitude: dms(35, 26.1),
      longitude: -dms(118, 48.1),
      coordinatePrecisionDegrees: precisionOfPair("35°26.1'N", "118°48.1'W")!.degrees,
      datum: "NAD27",
      source: "map",
      mapScale: 100000,
      radialMeters: 2 * MILE,
      measurementErrorMeters: 0.03107 * MILE,
      offsetMeters: 13 * MILE,
      offsetPrecisionMeters: MILE,
    });
    expect(r.exactMeters / MILE).toBeCloseTo(2.711, 3);
  });

  test("distance at a heading, Example 2: '10 mi ENE (by air) Bakersfield', USGS 1:24,000, NAD27 → 7.491 mi", () => {
    const r = calculateUncertainty({
      localityType: "heading",
      latitude: dms(35, 24, 21),
      longitude: -dms(118, 51, 25),
      coordinatePrecisionDegrees: 1 / 3600,
      datum: "NAD27",
      source: "map",
      mapScale: 24000,
      radialMeters: 2 * MILE,
      measurementErrorMeters: 0.007 * MILE,
      offsetMeters: 10 * MILE,
      offsetPrecisionMeters: 10 * MILE,
      headingPrecisionDegrees: 11.25,
    });
    expect(r.exactMeters / MILE).toBeCloseTo(7.491, 3);
  });

  test("distance at a heading, Example 1: '10 mi E (by air) Bakersfield', gazetteer, datum not recorded (79 m) → 12.254 mi", () => {
    const r = calculateUncertainty({
      localityType: "heading",
      latitude: dms(35, 22, 24),
      longitude: -dms(118, 50, 56),
      coordinatePrecisionDegrees: 1 / 3600,
      datumErrorMeters: 79,
      source: "gazetteer",
      radialMeters: 2 * MILE,
      offsetMeters: 10 * MILE,
      offsetPrecisionMeters: 10 * MILE,
      headingPrecisionDegrees: 45,
    });
    expect(r.exactMeters / MILE).toBeCloseTo(12.254, 3);
  });
});
