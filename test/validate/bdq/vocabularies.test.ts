import { runBdqTest } from "../../../src/validate/bdq";
import { interpretCountryCode } from "../../../src/validate/bdq/countries";
import { isStandardGeodeticDatum, standardizeGeodeticDatum } from "../../../src/validate/bdq/epsg";
import { interpretLicense } from "../../../src/validate/bdq/tests/vocabularies";

describe("BDQ vocabulary tests", () => {
  it("basisOfRecord must be exactly a Darwin Core class name", () => {
    expect(runBdqTest("VALIDATION_BASISOFRECORD_STANDARD", { basisOfRecord: "PreservedSpecimen" }).result).toBe(
      "COMPLIANT"
    );
    expect(runBdqTest("VALIDATION_BASISOFRECORD_STANDARD", { basisOfRecord: "preservedspecimen" }).result).toBe(
      "NOT_COMPLIANT"
    );
    expect(runBdqTest("AMENDMENT_BASISOFRECORD_STANDARDIZED", { basisOfRecord: "Preserved Specimen" }).result).toEqual({
      "dwc:basisOfRecord": "PreservedSpecimen",
    });
  });

  it("a source authority that is not embedded is EXTERNAL_PREREQUISITES_NOT_MET", () => {
    const r = runBdqTest("VALIDATION_SEX_STANDARD", { sex: "Male" }, { sourceAuthority: "https://example.org/sex" });
    expect(r.status).toBe("EXTERNAL_PREREQUISITES_NOT_MET");
  });

  it("sex, typeStatus and taxonRank accept the labels of the GBIF vocabulary", () => {
    expect(runBdqTest("VALIDATION_TAXONRANK_STANDARD", { taxonRank: "especie" }).result).toBe("COMPLIANT");
    expect(runBdqTest("AMENDMENT_TAXONRANK_STANDARDIZED", { taxonRank: "especie" }).result).toEqual({
      "dwc:taxonRank": "species",
    });
    expect(runBdqTest("AMENDMENT_SEX_STANDARDIZED", { sex: "f" }).result).toEqual({ "dwc:sex": "Female" });
  });

  it("typeStatus is checked on the first word of each |-separated part", () => {
    expect(runBdqTest("VALIDATION_TYPESTATUS_STANDARD", { typeStatus: "Holotype of Aus bus | Isotype" }).result).toBe(
      "COMPLIANT"
    );
    expect(runBdqTest("AMENDMENT_TYPESTATUS_STANDARDIZED", { typeStatus: "Holo." }).result).toEqual({
      "dwc:typeStatus": "Holotype",
    });
  });

  it("dc:type amends IRIs, case and small typing errors", () => {
    expect(
      runBdqTest("AMENDMENT_DCTYPE_STANDARDIZED", { type: "http://purl.org/dc/dcmitype/StillImage" }).result
    ).toEqual({
      "dc:type": "StillImage",
    });
    expect(runBdqTest("AMENDMENT_DCTYPE_STANDARDIZED", { type: "evnt" }).result).toEqual({ "dc:type": "Event" });
  });

  it("occurrenceStatus is present or absent in lower case", () => {
    expect(runBdqTest("VALIDATION_OCCURRENCESTATUS_STANDARD", { occurrenceStatus: "Present" }).result).toBe(
      "NOT_COMPLIANT"
    );
    expect(runBdqTest("AMENDMENT_OCCURRENCESTATUS_STANDARDIZED", { occurrenceStatus: "0" }).result).toEqual({
      "dwc:occurrenceStatus": "absent",
    });
  });

  it("countryCode: ISO alpha-2, XZ and ZZ are standard; names and alpha-3 codes are amended", () => {
    expect(runBdqTest("VALIDATION_COUNTRYCODE_STANDARD", { countryCode: "XZ" }).result).toBe("COMPLIANT");
    expect(runBdqTest("VALIDATION_COUNTRYCODE_STANDARD", { countryCode: "GRL" }).result).toBe("NOT_COMPLIANT");
    expect(interpretCountryCode("RUS")).toBe("RU");
    expect(interpretCountryCode("Australia")).toBe("AU");
    expect(interpretCountryCode("Россия")).toBe("RU");
    expect(interpretCountryCode("Russia")).toBe("RU");
    expect(interpretCountryCode("Aust.")).toBeUndefined();
  });

  it("geodeticDatum: EPSG codes of geographic CRSs, datums and ellipsoids, or 'not recorded'", () => {
    expect(isStandardGeodeticDatum("EPSG:4326")).toBe(true);
    expect(isStandardGeodeticDatum("EPSG:6326")).toBe(true);
    expect(isStandardGeodeticDatum("EPSG:7030")).toBe(true);
    expect(isStandardGeodeticDatum("EPSG:32754")).toBe(false);
    expect(isStandardGeodeticDatum("not recorded")).toBe(true);
    expect(standardizeGeodeticDatum("WGS 84")).toBe("EPSG:4326");
    expect(standardizeGeodeticDatum("epsg:4284")).toBe("EPSG:4284");
  });

  it("license: Creative Commons 4.0 and CC0 IRIs; abbreviations are amended", () => {
    expect(
      runBdqTest("VALIDATION_LICENSE_STANDARD", { license: "http://creativecommons.org/licenses/by-nc/4.0/legalcode" })
        .result
    ).toBe("COMPLIANT");
    expect(runBdqTest("VALIDATION_LICENSE_STANDARD", { license: "CC-BY" }).result).toBe("NOT_COMPLIANT");
    expect(interpretLicense("CC-BY-NC 4.0")).toBe("https://creativecommons.org/licenses/by-nc/4.0/legalcode");
    expect(interpretLicense("CC0")).toBe("https://creativecommons.org/publicdomain/zero/1.0/legalcode");
    expect(interpretLicense("GPL")).toBeUndefined();
  });
});
