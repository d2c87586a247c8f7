import { isBdqEmpty, runBdqTest } from "../../../src/validate/bdq";

describe("bdqval:Empty", () => {
  it("is a value of only characters U+0000..U+0020", () => {
    expect(isBdqEmpty(undefined)).toBe(true);
    expect(isBdqEmpty(" \t\u0000\u000e\u000f")).toBe(true);
    expect(isBdqEmpty("null")).toBe(false);
    expect(isBdqEmpty("\u00a0")).toBe(false);
  });
});

describe("BDQ completeness tests", () => {
  it("VALIDATION_COUNTRY_NOTEMPTY accepts the high seas without a country", () => {
    expect(runBdqTest("VALIDATION_COUNTRY_NOTEMPTY", { countryCode: "XZ" }).result).toBe("COMPLIANT");
    expect(runBdqTest("VALIDATION_COUNTRY_NOTEMPTY", { countryCode: "UG" }).result).toBe("NOT_COMPLIANT");
  });

  it("VALIDATION_LOCATION_NOTEMPTY needs any one location term", () => {
    expect(runBdqTest("VALIDATION_LOCATION_NOTEMPTY", { waterBody: "Baltic Sea" }).result).toBe("COMPLIANT");
    expect(runBdqTest("VALIDATION_LOCATION_NOTEMPTY", { country: "\u0000" }).result).toBe("NOT_COMPLIANT");
  });

  it("ISSUE_DATAGENERALIZATIONS_NOTEMPTY flags any generalisation", () => {
    expect(runBdqTest("ISSUE_DATAGENERALIZATIONS_NOTEMPTY", { dataGeneralizations: "rounded to 0.1°" }).result).toBe(
      "POTENTIAL_ISSUE"
    );
  });

  it("ISSUE_ANNOTATION_NOTEMPTY reads annotations given as parameters", () => {
    expect(runBdqTest("ISSUE_ANNOTATION_NOTEMPTY", {}, { annotationAlertIf: "locality disputed" }).result).toBe(
      "POTENTIAL_ISSUE"
    );
    expect(runBdqTest("ISSUE_ANNOTATION_NOTEMPTY", {}).result).toBe("NOT_ISSUE");
  });
});
