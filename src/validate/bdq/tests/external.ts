/**
 * Tests whose source authority is an online service (Getty TGN, the GBIF Backbone Taxonomy, WoRMS): categories
 * T, X and X+G. Offline we can only check their internal prerequisites; everything else is
 * EXTERNAL_PREREQUISITES_NOT_MET, because the authority cannot be reached.
 */
import { externalPrerequisitesNotMet, internalPrerequisitesNotMet } from "../response";
import type { BdqRecord, BdqTestFunction } from "../types";
import { isEmpty, isUnavailableAuthority } from "../values";

const allEmpty = (record: BdqRecord, terms: readonly string[]) => terms.every((t) => isEmpty(record[t]));
const anyEmpty = (record: BdqRecord, terms: readonly string[]) => terms.some((t) => isEmpty(record[t]));

/** A test that needs an online authority: returns the internal-prerequisite comment, or undefined when met. */
function onlineOnly(prerequisite: (record: BdqRecord) => string | undefined): BdqTestFunction {
  return (record) => {
    const problem = prerequisite(record);
    if (problem) return internalPrerequisitesNotMet(problem);
    return externalPrerequisitesNotMet("the bdqval:sourceAuthority is an online service, not available offline");
  };
}

const termEmpty = (term: string) => onlineOnly((r) => (isEmpty(r[term]) ? `dwc:${term} is bdqval:Empty` : undefined));

export const countryFound = termEmpty("country");
export const stateProvinceFound = termEmpty("stateProvince");
export const kingdomFound = termEmpty("kingdom");
export const phylumFound = termEmpty("phylum");
export const classFound = termEmpty("class");
export const orderFound = termEmpty("order");
export const familyFound = termEmpty("family");
export const genusFound = termEmpty("genus");
export const scientificNameFound = termEmpty("scientificName");

export const countryCountryCodeConsistent = onlineOnly((r) =>
  anyEmpty(r, ["country", "countryCode"]) ? "dwc:country or dwc:countryCode is bdqval:Empty" : undefined
);
export const countryStateProvinceUnambiguous = onlineOnly((r) =>
  allEmpty(r, ["country", "stateProvince"]) ? "dwc:country and dwc:stateProvince are bdqval:Empty" : undefined
);

const HIGHER_RANKS = [
  "kingdom",
  "phylum",
  "class",
  "order",
  "superfamily",
  "family",
  "subfamily",
  "tribe",
  "subtribe",
  "genus",
];
export const classificationConsistent = onlineOnly((r) =>
  allEmpty(r, HIGHER_RANKS) ? "all higher classification terms are bdqval:Empty" : undefined
);

const NAME_TERMS = [
  "scientificName",
  "genericName",
  "specificEpithet",
  "infraspecificEpithet",
  "scientificNameAuthorship",
  "cultivarEpithet",
];
export const taxonUnambiguous = onlineOnly((r) =>
  allEmpty(r, ["scientificNameID", ...NAME_TERMS]) ? "all taxon name terms are bdqval:Empty" : undefined
);
export const scientificNameIdFromTaxon = onlineOnly((r) => {
  if (!isEmpty(r.scientificNameID)) return "dwc:scientificNameID is bdqval:NotEmpty";
  return allEmpty(r, NAME_TERMS) ? "all taxon name terms are bdqval:Empty" : undefined;
});
export const scientificNameFromScientificNameId = onlineOnly((r) => {
  if (isEmpty(r.scientificNameID)) return "dwc:scientificNameID is bdqval:Empty";
  return isEmpty(r.scientificName) ? undefined : "dwc:scientificName is bdqval:NotEmpty";
});

/**
 * VALIDATION_COORDINATESTERRESTRIALMARINE_CONSISTENT: needs WoRMS (is the taxon marine?). A taxonIsMarine or
 * geospatialLand parameter naming an unreachable service is reported first, as the test's specification orders.
 */
export const coordinatesTerrestrialMarineConsistent: BdqTestFunction = (record, parameters) => {
  if (isUnavailableAuthority(parameters, "taxonIsMarine") || isUnavailableAuthority(parameters, "geospatialLand")) {
    return externalPrerequisitesNotMet("bdqval:taxonIsMarine or bdqval:geospatialLand is not available");
  }
  if (anyEmpty(record, ["scientificName", "decimalLatitude", "decimalLongitude"])) {
    return internalPrerequisitesNotMet(
      "dwc:scientificName, dwc:decimalLatitude or dwc:decimalLongitude is bdqval:Empty"
    );
  }
  return externalPrerequisitesNotMet("the marine status of taxa (WoRMS) is an online service, not available offline");
};
