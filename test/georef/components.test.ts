import {
  calculateUncertainty,
  CLARKE_1866,
  combineUncertainty,
  datumError,
  datumIsKnown,
  defaultGpsAccuracy,
  directionError,
  ellipsoidOfDatum,
  GeorefInputError,
  georeferenceValues,
  KRASSOWSKY_1940,
  mapScaleError,
  metresPerDegree,
  offsetPrecision,
  parseHeading,
  parseMapScale,
  precisionOfCoordinate,
  precisionOfPair,
  roundUncertainty,
  WGS84,
  WORST_DATUM_ERROR_METERS,
  type UncertaintyComponents,
} from "../../src/georef";
import { DATUM_ERROR_GRID } from "../../src/validate/bdq/data/datumError";

describe("coordinate precision from the written coordinates", () => {
  test.each([
    ["55°45'N", 1 / 60, "nearest minute"],
    [`55°45'30"N`, 1 / 3600, "nearest second"],
    [`55°45'30.5"N`, 0.5 / 3600, "nearest 1/2 second"],
    [`55°45'30.25"`, 0.25 / 3600, "nearest 1/4 second"],
    ["55°45.3'N", 0.1 / 60, "0.1 minutes"],
    ["55 45 N", 1 / 60, "nearest minute"],
    ["55.7512", 0.0001, "0.0001 degrees"],
    ["55.750", 0.25, "nearest 1/4 degree"],
    ["-55", 1, "nearest degree"],
    ["55,75", 0.25, "nearest 1/4 degree"],
  ])("%s → %s degrees", (text, degrees, label) => {
    const p = precisionOfCoordinate(text)!;
    expect(p.degrees).toBeCloseTo(degrees, 12);
    expect(p.label).toBe(label);
  });

  test("not a coordinate", () => {
    expect(precisionOfCoordinate("")).toBeUndefined();
    expect(precisionOfCoordinate("near the river")).toBeUndefined();
    expect(precisionOfPair("", "x")).toBeUndefined();
  });

  test("a pair takes the more specific of the two", () => {
    expect(precisionOfPair("55°45'N", `37°37'30"E`)!.label).toBe("nearest second");
    expect(precisionOfPair("55.75", "")!.degrees).toBe(0.25);
  });
});

describe("metres per degree", () => {
  test("WGS 84 at the equator: a degree of longitude is πa/180", () => {
    expect(metresPerDegree(0).lon).toBeCloseTo((Math.PI * 6378137) / 180, 6);
    expect(metresPerDegree(0).lat).toBeCloseTo(110574.3, 1);
    expect(metresPerDegree(90).lon).toBeCloseTo(0, 6);
  });
  test("the datum chooses the ellipsoid", () => {
    expect(ellipsoidOfDatum("NAD27")).toBe(CLARKE_1866);
    expect(ellipsoidOfDatum("EPSG:4284")).toBe(KRASSOWSKY_1940);
    expect(ellipsoidOfDatum("СК-42")).toBe(KRASSOWSKY_1940);
    expect(ellipsoidOfDatum("WGS84")).toBe(WGS84);
    expect(ellipsoidOfDatum(undefined)).toBe(WGS84);
    expect(metresPerDegree(45, CLARKE_1866).lat).not.toBeCloseTo(metresPerDegree(45).lat, 0);
  });
});

describe("datum error", () => {
  test("the nearest node of the 5-degree grid", () => {
    expect(datumError(0, 0)).toBe(DATUM_ERROR_GRID[36][18]);
    // 2.4° rounds down to the node at 0°, 2.6° up to the node at 5°.
    expect(datumError(2.4, 2.4)).toBe(DATUM_ERROR_GRID[36][18]);
    expect(datumError(2.6, 2.6)).toBe(DATUM_ERROR_GRID[37][19]);
    expect(datumError(55.75, 37.62)).toBe(DATUM_ERROR_GRID[44][29]);
  });
  test("edges and bad input", () => {
    expect(datumError(90, 180)).toBe(DATUM_ERROR_GRID[0][35]);
    expect(datumError(-90, -180)).toBe(DATUM_ERROR_GRID[0][0]);
    expect(datumError(91, 0)).toBe(WORST_DATUM_ERROR_METERS);
    expect(datumError(NaN, 0)).toBe(WORST_DATUM_ERROR_METERS);
  });
  test("known and unknown datums", () => {
    expect(datumIsKnown("WGS84")).toBe(true);
    expect(datumIsKnown("")).toBe(false);
    expect(datumIsKnown("not recorded")).toBe(false);
    expect(datumIsKnown("Unknown")).toBe(false);
    expect(datumIsKnown(undefined)).toBe(false);
  });
});

describe("map scale, GPS, offsets, headings", () => {
  test("map scale error: USGS table, else 1 mm at the scale", () => {
    expect(mapScaleError(24000)).toBeCloseTo(40 * 0.3048, 9);
    expect(mapScaleError(100000)).toBeCloseTo(167 * 0.3048, 9);
    expect(mapScaleError(24000, "other")).toBe(24);
    expect(mapScaleError(200000)).toBe(200);
    expect(mapScaleError(0)).toBe(0);
  });
  test("map scale text", () => {
    expect(parseMapScale("1:24000")).toBe(24000);
    expect(parseMapScale("1:24,000")).toBe(24000);
    expect(parseMapScale("1 : 100 000")).toBe(100000);
    expect(parseMapScale("50000")).toBe(50000);
    expect(parseMapScale("1:abc")).toBeUndefined();
    expect(parseMapScale("1:0")).toBeUndefined();
  });
  test("default GPS accuracy switches on 1 May 2000", () => {
    expect(defaultGpsAccuracy("1999-07-01")).toBe(100);
    expect(defaultGpsAccuracy("2000-04-30")).toBe(100);
    expect(defaultGpsAccuracy("2000-05-01")).toBe(30);
    expect(defaultGpsAccuracy("2000")).toBe(30);
    expect(defaultGpsAccuracy("1998")).toBe(100);
    expect(defaultGpsAccuracy("2000-04")).toBe(100);
    expect(defaultGpsAccuracy(undefined)).toBe(30);
  });
  test("offset precision", () => {
    expect(offsetPrecision("3.2")).toBe(0.1);
    expect(offsetPrecision("3.75")).toBe(0.25);
    expect(offsetPrecision("6")).toBe(1);
    expect(offsetPrecision("10.125")).toBe(0.125);
    expect(offsetPrecision("about 5")).toBeUndefined();
  });
  test("headings and their precision", () => {
    expect(parseHeading("E")).toEqual({ degrees: 90, precisionDegrees: 45 });
    expect(parseHeading("NE")).toEqual({ degrees: 45, precisionDegrees: 22.5 });
    expect(parseHeading("ENE")).toEqual({ degrees: 67.5, precisionDegrees: 11.25 });
    expect(parseHeading("N by E")).toEqual({ degrees: 11.25, precisionDegrees: 5.625 });
    expect(parseHeading("75°")).toEqual({ degrees: 75, precisionDegrees: 1 });
    expect(parseHeading("up")).toBeUndefined();
  });
  test("direction error grows with the offset and the angle", () => {
    expect(directionError(0, 5, 45)).toBe(5);
    expect(directionError(10, 0, 0)).toBe(0);
    expect(directionError(20, 0, 22.5)).toBeCloseTo(2 * directionError(10, 0, 22.5), 9);
  });
});

describe("combination and rounding", () => {
  const c: UncertaintyComponents = {
    coordinatePrecision: 1,
    datum: 10,
    mapScale: 100,
    measurement: 1000,
    radial: 10000,
    offset: 100000,
    offsetPrecision: 1000000,
  };
  test("what each locality type adds up", () => {
    expect(combineUncertainty("coordinates", c)).toBe(1111);
    expect(combineUncertainty("feature", c)).toBe(11111);
    expect(combineUncertainty("path", c)).toBe(1011111);
    expect(combineUncertainty("distance", c)).toBe(1111111);
    expect(combineUncertainty("heading", c, 0)).toBeCloseTo(1011111, 6);
  });
  test("rounding to the nearest metre, never 0", () => {
    expect(roundUncertainty(118.4)).toBe(118);
    expect(roundUncertainty(118.5)).toBe(119);
    expect(roundUncertainty(0.2)).toBe(1);
  });
  test("GPS accuracy counts only for a GPS source; a known datum adds nothing", () => {
    const base = {
      localityType: "coordinates" as const,
      latitude: 55,
      longitude: 37,
      coordinatePrecisionDegrees: 0,
      datum: "WGS84",
    };
    expect(calculateUncertainty({ ...base, source: "gps", gpsAccuracyMeters: 30 }).uncertaintyMeters).toBe(30);
    expect(calculateUncertainty({ ...base, source: "gazetteer", gpsAccuracyMeters: 30 }).uncertaintyMeters).toBe(1);
    expect(calculateUncertainty({ ...base, source: "map", mapScale: 24000 }).exactMeters).toBeCloseTo(12.192, 6);
  });
  test("bad input", () => {
    const base = {
      localityType: "coordinates" as const,
      latitude: 95,
      longitude: 0,
      coordinatePrecisionDegrees: 0,
      source: "gps" as const,
    };
    expect(() => calculateUncertainty(base)).toThrow(GeorefInputError);
    expect(() => calculateUncertainty({ ...base, latitude: 0, localityType: "heading", offsetMeters: 10 })).toThrow(
      /precision/
    );
    expect(() => calculateUncertainty({ ...base, latitude: 0, localityType: "distance" })).toThrow(/offset/);
    expect(() => calculateUncertainty({ ...base, latitude: 0, gpsAccuracyMeters: -1 })).toThrow(/GPS accuracy/);
  });
});

describe("Darwin Core values", () => {
  test("protocol, sources, date, by", () => {
    const v = georeferenceValues(1446, "map", {
      date: new Date("2024-03-05T22:00:00Z"),
      mapScale: 24000,
      georeferencedBy: " A. Mentha ",
    });
    expect(v.coordinateUncertaintyInMeters).toBe("1446");
    expect(v.georeferenceProtocol).toMatch(/Quick Reference Guide .*10\.35035\/e09p-h128/);
    expect(v.georeferenceSources).toMatch(/^map 1:24,000 \| dwc-excel georef/);
    expect(v.georeferencedDate).toBe("2024-03-05");
    expect(v.georeferencedBy).toBe("A. Mentha");
    expect(georeferenceValues(30, "gps", { date: new Date(0) }).georeferencedBy).toBeUndefined();
  });
});
