import { isBdqGeometryLoaded, loadBdqGeometry, runBdqTest } from "../../../src/validate/bdq";
import { jurisdictionAt } from "../../../src/validate/bdq/geometry";

describe("BDQ spatial tests before the geometry is loaded", () => {
  it("answer EXTERNAL_PREREQUISITES_NOT_MET rather than guessing", () => {
    // This runs first: Jest gives each test file its own module registry.
    expect(isBdqGeometryLoaded()).toBe(false);
    const r = runBdqTest("VALIDATION_COORDINATESCOUNTRYCODE_CONSISTENT", {
      countryCode: "RU",
      decimalLatitude: "55.75",
      decimalLongitude: "37.62",
    });
    expect(r.status).toBe("EXTERNAL_PREREQUISITES_NOT_MET");
  });
});

describe("BDQ spatial tests", () => {
  beforeAll(() => loadBdqGeometry());

  it("finds the country of a point on land, at sea within 200 nautical miles, and on the high seas", () => {
    expect(jurisdictionAt(55.75, 37.62)).toEqual(["RU"]);
    expect(jurisdictionAt(18.84, -94.48)).toEqual(["MX"]);
    expect(jurisdictionAt(-38.28, 72.05)).toEqual([]);
  });

  it("VALIDATION_COORDINATESCOUNTRYCODE_CONSISTENT: Moscow is in Russia, not in Finland", () => {
    const moscow = { decimalLatitude: "55.75", decimalLongitude: "37.62" };
    expect(runBdqTest("VALIDATION_COORDINATESCOUNTRYCODE_CONSISTENT", { ...moscow, countryCode: "RU" }).result).toBe(
      "COMPLIANT"
    );
    expect(runBdqTest("VALIDATION_COORDINATESCOUNTRYCODE_CONSISTENT", { ...moscow, countryCode: "FI" }).result).toBe(
      "NOT_COMPLIANT"
    );
  });

  it("AMENDMENT_COORDINATES_TRANSPOSED swaps latitude and longitude entered the wrong way round", () => {
    const r = runBdqTest("AMENDMENT_COORDINATES_TRANSPOSED", {
      countryCode: "RU",
      decimalLatitude: "37.62",
      decimalLongitude: "55.75",
    });
    expect(r).toMatchObject({
      status: "AMENDED",
      result: { "dwc:decimalLatitude": "55.75", "dwc:decimalLongitude": "37.62" },
    });
  });

  it("AMENDMENT_COUNTRYCODE_FROM_COORDINATES fills the country, or XZ on the high seas", () => {
    expect(
      runBdqTest("AMENDMENT_COUNTRYCODE_FROM_COORDINATES", { decimalLatitude: "55.75", decimalLongitude: "37.62" })
        .result
    ).toEqual({
      "dwc:countryCode": "RU",
    });
    expect(
      runBdqTest("AMENDMENT_COUNTRYCODE_FROM_COORDINATES", { decimalLatitude: "10", decimalLongitude: "-40" }).result
    ).toEqual({
      "dwc:countryCode": "XZ",
    });
  });

  it("VALIDATION_COORDINATESSTATEPROVINCE_CONSISTENT matches names in any language, ignoring accents", () => {
    const moscow = { decimalLatitude: "55.75", decimalLongitude: "37.62" };
    expect(
      runBdqTest("VALIDATION_COORDINATESSTATEPROVINCE_CONSISTENT", { ...moscow, stateProvince: "Moscow" }).result
    ).toBe("COMPLIANT");
    expect(
      runBdqTest("VALIDATION_COORDINATESSTATEPROVINCE_CONSISTENT", { ...moscow, stateProvince: "Москва" }).result
    ).toBe("COMPLIANT");
    expect(
      runBdqTest("VALIDATION_COORDINATESSTATEPROVINCE_CONSISTENT", { ...moscow, stateProvince: "Tasmania" }).result
    ).toBe("NOT_COMPLIANT");
    expect(
      runBdqTest("VALIDATION_COORDINATESSTATEPROVINCE_CONSISTENT", { ...moscow, stateProvince: "Nowhere" }).status
    ).toBe("INTERNAL_PREREQUISITES_NOT_MET");
  });

  it("ISSUE_COORDINATES_CENTEROFCOUNTRY flags a point at a centre of France (more in centerOfCountry.test.ts)", () => {
    expect(
      runBdqTest("ISSUE_COORDINATES_CENTEROFCOUNTRY", {
        countryCode: "FR",
        decimalLatitude: "46.565",
        decimalLongitude: "2.55",
      }).result
    ).toBe("POTENTIAL_ISSUE");
    expect(
      runBdqTest("ISSUE_COORDINATES_CENTEROFCOUNTRY", {
        countryCode: "FR",
        decimalLatitude: "48.85",
        decimalLongitude: "2.35",
      }).result
    ).toBe("NOT_ISSUE");
  });
});
