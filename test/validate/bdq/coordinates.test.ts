import { runBdqTest } from "../../../src/validate/bdq";
import { parseCoordinate, parseCoordinatePair } from "../../../src/validate/bdq/verbatimCoordinates";

describe("verbatim coordinates", () => {
  it("reads degrees, minutes and seconds in words or symbols with a hemisphere", () => {
    expect(parseCoordinate("23 degrees 42.72 minutes south")?.degrees).toBeCloseTo(-23.712, 9);
    expect(parseCoordinate("55°45'21\"N")).toMatchObject({ axis: "lat" });
    expect(parseCoordinate("55°45'21\"N")?.degrees).toBeCloseTo(55.755833, 5);
  });

  it("orders a pair by hemisphere, or by range when one value cannot be a latitude", () => {
    expect(parseCoordinatePair("139.92, -23.712")).toEqual({ lat: -23.712, lon: 139.92 });
    expect(parseCoordinatePair("37°37'E 55°45'N")).toEqual({ lat: 55.75, lon: 37 + 37 / 60 });
  });

  it("rejects grid references and out-of-range values", () => {
    expect(parseCoordinatePair("54K 0390210 7377243")).toBeUndefined();
    expect(parseCoordinatePair("23 degrees south 185 degrees, x degrees east")).toBeUndefined();
  });
});

describe("BDQ coordinate tests", () => {
  it("VALIDATION_DECIMALLATITUDE_INRANGE needs a number", () => {
    expect(runBdqTest("VALIDATION_DECIMALLATITUDE_INRANGE", { decimalLatitude: "41.0554 N" }).status).toBe(
      "INTERNAL_PREREQUISITES_NOT_MET"
    );
    expect(runBdqTest("VALIDATION_DECIMALLATITUDE_INRANGE", { decimalLatitude: "-99.2314" }).result).toBe(
      "NOT_COMPLIANT"
    );
  });

  it("VALIDATION_COORDINATES_NOTZERO fails only when both are zero", () => {
    expect(runBdqTest("VALIDATION_COORDINATES_NOTZERO", { decimalLatitude: "0.0", decimalLongitude: "0" }).result).toBe(
      "NOT_COMPLIANT"
    );
    expect(
      runBdqTest("VALIDATION_COORDINATES_NOTZERO", { decimalLatitude: "0", decimalLongitude: "-71.5" }).result
    ).toBe("COMPLIANT");
  });

  it("VALIDATION_COORDINATEUNCERTAINTY_INRANGE rejects 0 m", () => {
    expect(runBdqTest("VALIDATION_COORDINATEUNCERTAINTY_INRANGE", { coordinateUncertaintyInMeters: "0" }).result).toBe(
      "NOT_COMPLIANT"
    );
  });

  it("AMENDMENT_COORDINATES_FROM_VERBATIM fills decimal coordinates and the datum from verbatimSRS", () => {
    const r = runBdqTest("AMENDMENT_COORDINATES_FROM_VERBATIM", {
      verbatimLatitude: "55°45'N",
      verbatimLongitude: "37°37'E",
      verbatimSRS: "EPSG:4326",
    });
    expect(r).toMatchObject({
      status: "FILLED_IN",
      result: {
        "dwc:decimalLatitude": "55.75",
        "dwc:decimalLongitude": "37.6166667",
        "dwc:geodeticDatum": "EPSG:4326",
      },
    });
  });

  it("AMENDMENT_COORDINATES_FROM_VERBATIM does not amend when the verbatim values disagree", () => {
    const r = runBdqTest("AMENDMENT_COORDINATES_FROM_VERBATIM", {
      verbatimCoordinates: "139.92, -23.712",
      verbatimLatitude: "-23.7",
    });
    expect(r.status).toBe("NOT_AMENDED");
  });

  it("AMENDMENT_GEODETICDATUM_ASSUMEDDEFAULT fills EPSG:4326 and widens a given uncertainty", () => {
    expect(runBdqTest("AMENDMENT_GEODETICDATUM_ASSUMEDDEFAULT", {}).result).toEqual({
      "dwc:geodeticDatum": "EPSG:4326",
    });
    const r = runBdqTest("AMENDMENT_GEODETICDATUM_ASSUMEDDEFAULT", {
      decimalLatitude: "55.7",
      decimalLongitude: "37.6",
      coordinateUncertaintyInMeters: "100",
    });
    expect(r.status).toBe("AMENDED");
    expect(Number((r.result as Record<string, string>)["dwc:coordinateUncertaintyInMeters"])).toBeGreaterThan(100);
    expect(runBdqTest("AMENDMENT_GEODETICDATUM_ASSUMEDDEFAULT", { geodeticDatum: "WGS84" }).status).toBe("NOT_AMENDED");
  });
});
