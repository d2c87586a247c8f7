/**
 * The *_NOTEMPTY tests: is there a value (bdqval:NotEmpty) in a term, or in any of a group of terms?
 * The text "null" is a value; a NUL or other control character alone is not.
 */
import { compliant, notCompliant, notIssue, potentialIssue } from "../response";
import type { BdqTestFunction } from "../types";
import { get, isEmpty } from "../values";

/** COMPLIANT when `term` (unprefixed) is not empty. `prefixed` names it in comments. */
export function notEmpty(term: string, prefixed = `dwc:${term}`): BdqTestFunction {
  return (record) =>
    isEmpty(record[term]) ? notCompliant(`${prefixed} is bdqval:Empty`) : compliant(`${prefixed} is bdqval:NotEmpty`);
}

/** COMPLIANT when any of `terms` is not empty. */
export function anyNotEmpty(terms: readonly string[], what: string): BdqTestFunction {
  return (record) => {
    for (const t of terms) if (!isEmpty(record[t])) return compliant(`dwc:${t} is bdqval:NotEmpty`);
    return notCompliant(`All ${what} terms are bdqval:Empty`);
  };
}

/** POTENTIAL_ISSUE when `term` is not empty. */
export function issueIfNotEmpty(term: string): BdqTestFunction {
  return (record) =>
    isEmpty(record[term]) ? notIssue(`dwc:${term} is bdqval:Empty`) : potentialIssue(`dwc:${term} is bdqval:NotEmpty`);
}

/** VALIDATION_COUNTRY_NOTEMPTY: country, or the high seas (countryCode XZ with country empty or "High seas"). */
export const countryNotEmpty: BdqTestFunction = (record) => {
  const country = get(record, "country");
  if (!isEmpty(country)) return compliant("dwc:country is bdqval:NotEmpty");
  if (get(record, "countryCode").trim() === "XZ") return compliant("dwc:countryCode is XZ, the high seas");
  return notCompliant("dwc:country is bdqval:Empty and dwc:countryCode is not XZ (high seas)");
};

/**
 * ISSUE_ANNOTATION_NOTEMPTY. There is no annotation store offline; as in the conformance data, the annotations
 * on the record are given as the parameters `annotation` (an annotation's text) and `annotationAlertIf` (an
 * annotation matching the alert criteria). POTENTIAL_ISSUE when either is not empty.
 */
export const annotationNotEmpty: BdqTestFunction = (_record, parameters) => {
  const alert = parameters.annotationAlertIf ?? parameters.annotationAlertif;
  if (!isEmpty(alert)) return potentialIssue("an annotation matching bdqval:annotationAlertIf exists");
  if (!isEmpty(parameters.annotation)) return potentialIssue("an annotation exists on the record");
  return notIssue("no annotation on the record");
};

const LOCATION_TERMS = [
  "higherGeographyID",
  "higherGeography",
  "continent",
  "country",
  "countryCode",
  "stateProvince",
  "county",
  "municipality",
  "waterBody",
  "island",
  "islandGroup",
  "locality",
  "locationID",
  "verbatimLocality",
  "decimalLatitude",
  "decimalLongitude",
  "verbatimCoordinates",
  "verbatimLatitude",
  "verbatimLongitude",
  "footprintWKT",
];
const TAXON_TERMS = [
  "taxonID",
  "scientificNameID",
  "acceptedNameUsageID",
  "parentNameUsageID",
  "originalNameUsageID",
  "taxonConceptID",
  "scientificName",
  "higherClassification",
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
  "genericName",
  "subgenus",
  "infragenericEpithet",
  "specificEpithet",
  "infraspecificEpithet",
  "vernacularName",
  "cultivarEpithet",
];
const EVENT_TEMPORAL_TERMS = [
  "eventDate",
  "year",
  "month",
  "day",
  "startDayOfYear",
  "endDayOfYear",
  "verbatimEventDate",
];

export const locationNotEmpty = anyNotEmpty(LOCATION_TERMS, "location");
export const taxonNotEmpty = anyNotEmpty(TAXON_TERMS, "taxon");
export const eventTemporalNotEmpty = anyNotEmpty(EVENT_TEMPORAL_TERMS, "temporal");
