/**
 * The maximum datum shift at a point (Georeferencing Calculator 5-degree grid) and its use by
 * AMENDMENT_GEODETICDATUM_ASSUMEDDEFAULT. Expected values are read from VertNet/georefcalculator
 * source/datumerrordata.js; the first seven points are those of geo_ref_qc's own test of UnknownToWGS84Error.
 */
import { runBdqTest } from "../../../src/validate/bdq";
import { DATUM_ERROR_GRID } from "../../../src/validate/bdq/data/datumError";
import { MAXIMUM_DATUM_SHIFT_METERS, maximumDatumShiftMeters } from "../../../src/validate/bdq/tests/coordinates";

describe("maximumDatumShiftMeters", () => {
  it("covers the globe with 72 longitude bands of 36 cells", () => {
    expect(DATUM_ERROR_GRID).toHaveLength(72);
    for (const band of DATUM_ERROR_GRID) expect(band).toHaveLength(36);
    expect(Math.max(...DATUM_ERROR_GRID.flat())).toBe(5358);
    expect(Math.min(...DATUM_ERROR_GRID.flat())).toBe(1554);
  });

  it.each([
    [-90, -180, 3289],
    [-89, -179, 3289],
    [-85, -180, 3085],
    [-84, -179, 3085],
    [85, 175, 2825],
    [89, 179, 2825],
    [90, 180, 2825],
  ])("gives the reference implementation's value at %p, %p", (lat, lon, shift) => {
    expect(maximumDatumShiftMeters(lat, lon)).toBe(shift);
  });

  it("gives 2786 m at -30, 130 (conformance dataID 831)", () => {
    expect(maximumDatumShiftMeters(-30, 130)).toBe(2786);
    expect(maximumDatumShiftMeters(-27.5, 132.5)).toBe(2786);
  });

  it("puts a point on a cell edge in the cell north and east of it", () => {
    expect(maximumDatumShiftMeters(-30, 130)).toBe(2786); // cell -30..-25, 130..135
    expect(maximumDatumShiftMeters(-30.000001, 130)).toBe(2862); // cell -35..-30
    expect(maximumDatumShiftMeters(-30, 129.999999)).toBe(2953); // band 125..130
    expect(maximumDatumShiftMeters(-25, 130)).toBe(2700); // cell -25..-20
    expect(maximumDatumShiftMeters(-30, 135)).toBe(2622); // band 135..140
  });

  it("puts the poles and the antimeridian in the outermost cells", () => {
    for (const lon of [-180, -97.3, 0, 42, 179.9, 180]) expect(maximumDatumShiftMeters(-90, lon)).toBe(3289);
    expect(maximumDatumShiftMeters(90, -180)).toBe(2834);
    expect(maximumDatumShiftMeters(90, 0)).toBe(2860);
    expect(maximumDatumShiftMeters(90, 180)).toBe(2825);
    expect(maximumDatumShiftMeters(0, -180)).toBe(2657);
    expect(maximumDatumShiftMeters(0, 180)).toBe(2556);
    expect(maximumDatumShiftMeters(0, 179.999)).toBe(2556);
  });

  it("gives other values across the grid", () => {
    expect(maximumDatumShiftMeters(0, 0)).toBe(5030);
    expect(maximumDatumShiftMeters(-20, 25)).toBe(5358); // the grid maximum
    expect(maximumDatumShiftMeters(-8, -93)).toBe(1554); // the grid minimum
    expect(maximumDatumShiftMeters(-12, -97)).toBe(1600);
    expect(maximumDatumShiftMeters(55.7, 37.6)).toBe(3276);
    expect(maximumDatumShiftMeters(42.38, -71.15)).toBe(2763);
  });

  it("falls back to the worldwide maximum outside the grid", () => {
    expect(maximumDatumShiftMeters(90.1, 0)).toBe(MAXIMUM_DATUM_SHIFT_METERS);
    expect(maximumDatumShiftMeters(0, -180.5)).toBe(MAXIMUM_DATUM_SHIFT_METERS);
    expect(maximumDatumShiftMeters(Number.NaN, 0)).toBe(MAXIMUM_DATUM_SHIFT_METERS);
  });
});

describe("AMENDMENT_GEODETICDATUM_ASSUMEDDEFAULT", () => {
  const run = (record: Record<string, string>) => runBdqTest("AMENDMENT_GEODETICDATUM_ASSUMEDDEFAULT", record);

  it("adds the shift at the point to the uncertainty", () => {
    const r = run({ decimalLatitude: "-30.00", decimalLongitude: "130.00", coordinateUncertaintyInMeters: "50" });
    expect(r.status).toBe("AMENDED");
    expect(r.result).toEqual({ "dwc:geodeticDatum": "EPSG:4326", "dwc:coordinateUncertaintyInMeters": "2836" });
  });

  it("rounds a fractional uncertainty up to a whole metre first, as the reference does", () => {
    const r = run({ decimalLatitude: "0", decimalLongitude: "0", coordinateUncertaintyInMeters: "10.2" });
    expect(r.result).toEqual({ "dwc:geodeticDatum": "EPSG:4326", "dwc:coordinateUncertaintyInMeters": "5041" });
  });

  it("only fills in the datum without coordinates or a valid uncertainty", () => {
    expect(run({ decimalLatitude: "-30", decimalLongitude: "130" }).status).toBe("FILLED_IN");
    expect(run({ decimalLatitude: "-30", coordinateUncertaintyInMeters: "50" }).status).toBe("FILLED_IN");
    expect(run({ decimalLatitude: "95", decimalLongitude: "130", coordinateUncertaintyInMeters: "50" }).status).toBe(
      "FILLED_IN"
    );
  });
});
