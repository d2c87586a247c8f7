import { runBdqTest } from "../../../src/validate/bdq";
import { polynomialParts } from "../../../src/validate/bdq/tests/names";

describe("polynomialParts", () => {
  it("skips rank markers, qualifiers and authorship", () => {
    expect(polynomialParts("Hakea decurrens subsp. physocarpa W.R.Barker")).toEqual({
      genus: "Hakea",
      species: "decurrens",
      infraspecific: "physocarpa",
    });
    expect(polynomialParts("Aus (Bus) cus dus L.")).toEqual({ genus: "Aus", species: "cus", infraspecific: "dus" });
  });
});

describe("BDQ name tests", () => {
  it("VALIDATION_POLYNOMIAL_CONSISTENT compares the atomic name parts with scientificName", () => {
    const base = { scientificName: "Hakea decurrens ssp. physocarpa", genericName: "Hakea" };
    expect(runBdqTest("VALIDATION_POLYNOMIAL_CONSISTENT", { ...base, specificEpithet: "decurrens" }).result).toBe(
      "COMPLIANT"
    );
    expect(runBdqTest("VALIDATION_POLYNOMIAL_CONSISTENT", { ...base, specificEpithet: "physocarpa" }).result).toBe(
      "NOT_COMPLIANT"
    );
  });

  it("VALIDATION_SCIENTIFICNAMEID_COMPLETE accepts LSIDs, URIs with a path and scope:value codes", () => {
    for (const id of ["urn:lsid:ipni.org:names:68749-2", "https://www.gbif.org/species/2435099", "gbif:2435099"]) {
      expect(runBdqTest("VALIDATION_SCIENTIFICNAMEID_COMPLETE", { scientificNameID: id }).result).toBe("COMPLIANT");
    }
    for (const id of ["Wallabia bicolor", "dwc:scientificName", "https://www.gbif.org/", "null"]) {
      expect(runBdqTest("VALIDATION_SCIENTIFICNAMEID_COMPLETE", { scientificNameID: id }).result).toBe("NOT_COMPLIANT");
    }
  });

  it("tests that need the GBIF Backbone check their inputs and otherwise report the authority unreachable", () => {
    expect(runBdqTest("VALIDATION_SCIENTIFICNAME_FOUND", {}).status).toBe("INTERNAL_PREREQUISITES_NOT_MET");
    expect(runBdqTest("VALIDATION_SCIENTIFICNAME_FOUND", { scientificName: "Puma concolor" }).status).toBe(
      "EXTERNAL_PREREQUISITES_NOT_MET"
    );
  });
});
