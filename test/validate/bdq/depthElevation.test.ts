import { runBdqTest } from "../../../src/validate/bdq";
import { parseVerbatimRange } from "../../../src/validate/bdq/tests/depthElevation";

describe("parseVerbatimRange", () => {
  it("converts feet, fathoms and yards keeping the digits of the factor", () => {
    expect(parseVerbatimRange("10 feet")).toEqual({ min: 3.048, max: 3.048 });
    expect(parseVerbatimRange("10-15 ftm")).toEqual({ min: 18.288, max: 27.432 });
    expect(parseVerbatimRange("10 yards")).toEqual({ min: 9.144, max: 9.144 });
  });

  it("needs a unit", () => {
    expect(parseVerbatimRange("10-15")).toBeUndefined();
    expect(parseVerbatimRange("1000")).toBeUndefined();
  });

  it("reads labelled bounds and ranges written with 'to'", () => {
    expect(parseVerbatimRange("Mindepth 10m, maxdepth=100m")).toEqual({ min: 10, max: 100 });
    expect(parseVerbatimRange("1500 to 1800 ft")?.max).toBeCloseTo(548.64, 9);
  });
});

describe("BDQ depth and elevation tests", () => {
  it("VALIDATION_MINDEPTH_INRANGE refuses negative depths as a prerequisite", () => {
    expect(runBdqTest("VALIDATION_MINDEPTH_INRANGE", { minimumDepthInMeters: "-100" }).status).toBe(
      "INTERNAL_PREREQUISITES_NOT_MET"
    );
    expect(runBdqTest("VALIDATION_MINDEPTH_INRANGE", { minimumDepthInMeters: "12000" }).result).toBe("NOT_COMPLIANT");
  });

  it("VALIDATION_MAXELEVATION_INRANGE uses -430..8850 m unless told otherwise", () => {
    expect(runBdqTest("VALIDATION_MAXELEVATION_INRANGE", { maximumElevationInMeters: "8860" }).result).toBe(
      "NOT_COMPLIANT"
    );
    const parameters = { maximumValidElevationInMeters: "9000" };
    expect(runBdqTest("VALIDATION_MAXELEVATION_INRANGE", { maximumElevationInMeters: "8860" }, parameters).result).toBe(
      "COMPLIANT"
    );
  });

  it("VALIDATION_MINELEVATION_LESSTHAN_MAXELEVATION", () => {
    const r = runBdqTest("VALIDATION_MINELEVATION_LESSTHAN_MAXELEVATION", {
      minimumElevationInMeters: "1",
      maximumElevationInMeters: "0",
    });
    expect(r.result).toBe("NOT_COMPLIANT");
  });

  it("AMENDMENT_MINELEVATIONMAXELEVATION_FROM_VERBATIM fills both bounds", () => {
    const r = runBdqTest("AMENDMENT_MINELEVATIONMAXELEVATION_FROM_VERBATIM", { verbatimElevation: "1500 - 2000 Ft" });
    expect(r.result).toEqual({ "dwc:minimumElevationInMeters": "457.2", "dwc:maximumElevationInMeters": "609.6" });
  });
});
