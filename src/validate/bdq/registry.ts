/** Which function implements which BDQ test, by label. */
import type { BdqTestFunction } from "./types";
import * as coordinates from "./tests/coordinates";
import * as dates from "./tests/dates";
import * as depth from "./tests/depthElevation";
import * as external from "./tests/external";
import * as geo from "./tests/geospatial";
import * as names from "./tests/names";
import {
  annotationNotEmpty,
  countryNotEmpty,
  eventTemporalNotEmpty,
  issueIfNotEmpty,
  locationNotEmpty,
  notEmpty,
  taxonNotEmpty,
} from "./tests/notEmpty";
import * as vocab from "./tests/vocabularies";

/** Implementations keyed by BDQ label. The 4 aggregate MEASURE_*_ tests are not single-record tests here. */
export const IMPLEMENTATIONS: Readonly<Record<string, BdqTestFunction>> = {
  // Completeness: is there a value?
  VALIDATION_BASISOFRECORD_NOTEMPTY: notEmpty("basisOfRecord"),
  VALIDATION_COUNTRYCODE_NOTEMPTY: notEmpty("countryCode"),
  VALIDATION_COUNTRY_NOTEMPTY: countryNotEmpty,
  VALIDATION_DCTYPE_NOTEMPTY: notEmpty("type", "dc:type"),
  VALIDATION_DECIMALLATITUDE_NOTEMPTY: notEmpty("decimalLatitude"),
  VALIDATION_DECIMALLONGITUDE_NOTEMPTY: notEmpty("decimalLongitude"),
  VALIDATION_EVENTDATE_NOTEMPTY: notEmpty("eventDate"),
  VALIDATION_EVENTTEMPORAL_NOTEMPTY: eventTemporalNotEmpty,
  VALIDATION_GEODETICDATUM_NOTEMPTY: notEmpty("geodeticDatum"),
  VALIDATION_KINGDOM_NOTEMPTY: notEmpty("kingdom"),
  VALIDATION_LICENSE_NOTEMPTY: notEmpty("license", "dcterms:license"),
  VALIDATION_LOCATION_NOTEMPTY: locationNotEmpty,
  VALIDATION_NAMEPUBLISHEDINYEAR_NOTEMPTY: notEmpty("namePublishedInYear"),
  VALIDATION_OCCURRENCEID_NOTEMPTY: notEmpty("occurrenceID"),
  VALIDATION_OCCURRENCESTATUS_NOTEMPTY: notEmpty("occurrenceStatus"),
  VALIDATION_SCIENTIFICNAMEAUTHORSHIP_NOTEMPTY: notEmpty("scientificNameAuthorship"),
  VALIDATION_SCIENTIFICNAMEID_NOTEMPTY: notEmpty("scientificNameID"),
  VALIDATION_SCIENTIFICNAME_NOTEMPTY: notEmpty("scientificName"),
  VALIDATION_TAXONRANK_NOTEMPTY: notEmpty("taxonRank"),
  VALIDATION_TAXON_NOTEMPTY: taxonNotEmpty,
  VALIDATION_YEAR_NOTEMPTY: notEmpty("year"),
  ISSUE_DATAGENERALIZATIONS_NOTEMPTY: issueIfNotEmpty("dataGeneralizations"),
  ISSUE_ESTABLISHMENTMEANS_NOTEMPTY: issueIfNotEmpty("establishmentMeans"),
  ISSUE_ANNOTATION_NOTEMPTY: annotationNotEmpty,

  // Time
  VALIDATION_DATEIDENTIFIED_INRANGE: dates.dateIdentifiedInRange,
  VALIDATION_DATEIDENTIFIED_STANDARD: dates.dateIdentifiedStandard,
  VALIDATION_DAY_INRANGE: dates.dayInRange,
  VALIDATION_DAY_STANDARD: dates.dayStandard,
  VALIDATION_ENDDAYOFYEAR_INRANGE: dates.endDayOfYearInRange,
  VALIDATION_EVENTDATE_INRANGE: dates.eventDateInRange,
  VALIDATION_EVENTDATE_STANDARD: dates.eventDateStandard,
  VALIDATION_EVENT_CONSISTENT: dates.eventConsistent,
  VALIDATION_MONTH_STANDARD: dates.monthStandard,
  VALIDATION_STARTDAYOFYEAR_INRANGE: dates.startDayOfYearInRange,
  VALIDATION_YEAR_INRANGE: dates.yearInRange,
  AMENDMENT_DATEIDENTIFIED_STANDARDIZED: dates.dateIdentifiedStandardized,
  AMENDMENT_DAY_STANDARDIZED: dates.dayStandardized,
  AMENDMENT_EVENTDATE_FROM_VERBATIM: dates.eventDateFromVerbatim,
  AMENDMENT_EVENTDATE_FROM_YEARMONTHDAY: dates.eventDateFromYearMonthDay,
  AMENDMENT_EVENTDATE_FROM_YEARSTARTDAYOFYEARENDDAYOFYEAR: dates.eventDateFromYearStartEndDayOfYear,
  AMENDMENT_EVENTDATE_STANDARDIZED: dates.eventDateStandardized,
  AMENDMENT_EVENT_FROM_EVENTDATE: dates.eventFromEventDate,
  AMENDMENT_MONTH_STANDARDIZED: dates.monthStandardized,
  MEASURE_EVENTDATE_DURATIONINSECONDS: dates.eventDateDurationInSeconds,

  // Space without geometry
  VALIDATION_COORDINATES_NOTZERO: coordinates.coordinatesNotZero,
  VALIDATION_COORDINATEUNCERTAINTY_INRANGE: coordinates.coordinateUncertaintyInRange,
  VALIDATION_DECIMALLATITUDE_INRANGE: coordinates.decimalLatitudeInRange,
  VALIDATION_DECIMALLONGITUDE_INRANGE: coordinates.decimalLongitudeInRange,
  AMENDMENT_COORDINATES_FROM_VERBATIM: coordinates.coordinatesFromVerbatim,
  AMENDMENT_GEODETICDATUM_ASSUMEDDEFAULT: coordinates.geodeticDatumAssumedDefault,
  VALIDATION_MAXDEPTH_INRANGE: depth.maxDepthInRange,
  VALIDATION_MINDEPTH_INRANGE: depth.minDepthInRange,
  VALIDATION_MAXELEVATION_INRANGE: depth.maxElevationInRange,
  VALIDATION_MINELEVATION_INRANGE: depth.minElevationInRange,
  VALIDATION_MINDEPTH_LESSTHAN_MAXDEPTH: depth.minDepthLessThanMaxDepth,
  VALIDATION_MINELEVATION_LESSTHAN_MAXELEVATION: depth.minElevationLessThanMaxElevation,
  AMENDMENT_MINDEPTHMAXDEPTH_FROM_VERBATIM: depth.depthFromVerbatim,
  AMENDMENT_MINELEVATIONMAXELEVATION_FROM_VERBATIM: depth.elevationFromVerbatim,

  // Controlled values
  VALIDATION_BASISOFRECORD_STANDARD: vocab.basisOfRecordStandard,
  AMENDMENT_BASISOFRECORD_STANDARDIZED: vocab.basisOfRecordStandardized,
  VALIDATION_COUNTRYCODE_STANDARD: vocab.countryCodeStandard,
  AMENDMENT_COUNTRYCODE_STANDARDIZED: vocab.countryCodeStandardized,
  VALIDATION_DCTYPE_STANDARD: vocab.dcTypeStandard,
  AMENDMENT_DCTYPE_STANDARDIZED: vocab.dcTypeStandardized,
  VALIDATION_DEGREEOFESTABLISHMENT_STANDARD: vocab.degreeOfEstablishmentStandard,
  AMENDMENT_DEGREEOFESTABLISHMENT_STANDARDIZED: vocab.degreeOfEstablishmentStandardized,
  VALIDATION_ESTABLISHMENTMEANS_STANDARD: vocab.establishmentMeansStandard,
  AMENDMENT_ESTABLISHMENTMEANS_STANDARDIZED: vocab.establishmentMeansStandardized,
  VALIDATION_GEODETICDATUM_STANDARD: vocab.geodeticDatumStandard,
  AMENDMENT_GEODETICDATUM_STANDARDIZED: vocab.geodeticDatumStandardized,
  VALIDATION_LICENSE_STANDARD: vocab.licenseStandard,
  AMENDMENT_LICENSE_STANDARDIZED: vocab.licenseStandardized,
  VALIDATION_OCCURRENCESTATUS_STANDARD: vocab.occurrenceStatusStandard,
  AMENDMENT_OCCURRENCESTATUS_STANDARDIZED: vocab.occurrenceStatusStandardized,
  AMENDMENT_OCCURRENCESTATUS_ASSUMEDDEFAULT: vocab.occurrenceStatusAssumedDefault,
  VALIDATION_PATHWAY_STANDARD: vocab.pathwayStandard,
  AMENDMENT_PATHWAY_STANDARDIZED: vocab.pathwayStandardized,
  VALIDATION_SEX_STANDARD: vocab.sexStandard,
  AMENDMENT_SEX_STANDARDIZED: vocab.sexStandardized,
  VALIDATION_TAXONRANK_STANDARD: vocab.taxonRankStandard,
  AMENDMENT_TAXONRANK_STANDARDIZED: vocab.taxonRankStandardized,
  VALIDATION_TYPESTATUS_STANDARD: vocab.typeStatusStandard,
  AMENDMENT_TYPESTATUS_STANDARDIZED: vocab.typeStatusStandardized,

  // Names without an authority
  VALIDATION_POLYNOMIAL_CONSISTENT: names.polynomialConsistent,
  VALIDATION_SCIENTIFICNAMEID_COMPLETE: names.scientificNameIdComplete,

  // Geometry (after loadBdqGeometry())
  VALIDATION_COORDINATESCOUNTRYCODE_CONSISTENT: geo.coordinatesCountryCodeConsistent,
  VALIDATION_COORDINATESSTATEPROVINCE_CONSISTENT: geo.coordinatesStateProvinceConsistent,
  AMENDMENT_COORDINATES_TRANSPOSED: geo.coordinatesTransposed,
  AMENDMENT_COUNTRYCODE_FROM_COORDINATES: geo.countryCodeFromCoordinates,
  ISSUE_COORDINATES_CENTEROFCOUNTRY: geo.coordinatesCenterOfCountry,

  // Online authorities: prerequisites only
  VALIDATION_COUNTRY_FOUND: external.countryFound,
  VALIDATION_STATEPROVINCE_FOUND: external.stateProvinceFound,
  VALIDATION_COUNTRYCOUNTRYCODE_CONSISTENT: external.countryCountryCodeConsistent,
  VALIDATION_COUNTRYSTATEPROVINCE_UNAMBIGUOUS: external.countryStateProvinceUnambiguous,
  VALIDATION_KINGDOM_FOUND: external.kingdomFound,
  VALIDATION_PHYLUM_FOUND: external.phylumFound,
  VALIDATION_CLASS_FOUND: external.classFound,
  VALIDATION_ORDER_FOUND: external.orderFound,
  VALIDATION_FAMILY_FOUND: external.familyFound,
  VALIDATION_GENUS_FOUND: external.genusFound,
  VALIDATION_SCIENTIFICNAME_FOUND: external.scientificNameFound,
  VALIDATION_CLASSIFICATION_CONSISTENT: external.classificationConsistent,
  VALIDATION_TAXON_UNAMBIGUOUS: external.taxonUnambiguous,
  AMENDMENT_SCIENTIFICNAMEID_FROM_TAXON: external.scientificNameIdFromTaxon,
  AMENDMENT_SCIENTIFICNAME_FROM_SCIENTIFICNAMEID: external.scientificNameFromScientificNameId,
  VALIDATION_COORDINATESTERRESTRIALMARINE_CONSISTENT: external.coordinatesTerrestrialMarineConsistent,
};
