/**
 * BDQ tests that need country boundaries (land ∪ EEZ). They run once `loadBdqGeometry()` has resolved; before
 * that they answer EXTERNAL_PREREQUISITES_NOT_MET ("the bdqval:sourceAuthority is not available").
 *
 */
import { isCountryCode } from "../countries";
import {
  admin1Contains,
  hasCountryShape,
  inJurisdiction,
  isAdmin1Name,
  isBdqGeometryLoaded,
  jurisdictionAt,
} from "../geometry";
import {
  amended,
  externalPrerequisitesNotMet,
  filledIn,
  internalPrerequisitesNotMet,
  notAmended,
  notIssue,
  potentialIssue,
  validation,
} from "../response";
import { PCLI_CENTROIDS } from "../data/pcliCentroids";
import type { BdqParameters, BdqResponse, BdqTestFunction } from "../types";
import { get, isEmpty, param, toNumber } from "../values";
import { authorityAvailable } from "./vocabularies";

const BOUNDARIES = /natural\s*earth|marine\s*regions|eez|admin|boundar/i;

function unavailable(parameters: BdqParameters): BdqResponse | undefined {
  if (!authorityAvailable(parameters, BOUNDARIES))
    return externalPrerequisitesNotMet("bdqval:sourceAuthority is not available offline");
  if (!isBdqGeometryLoaded()) return externalPrerequisitesNotMet("the boundary data is not loaded (loadBdqGeometry())");
  return undefined;
}

const validLatLon = (lat: number, lon: number): boolean => Math.abs(lat) <= 90 && Math.abs(lon) <= 180;

/** VALIDATION_COORDINATESCOUNTRYCODE_CONSISTENT: the point is in the country's land or EEZ, plus a 3 km buffer. */
export const coordinatesCountryCodeConsistent: BdqTestFunction = (record, parameters) => {
  if (!authorityAvailable(parameters, BOUNDARIES))
    return externalPrerequisitesNotMet("bdqval:sourceAuthority is not available offline");
  const code = get(record, "countryCode");
  const lat = toNumber(get(record, "decimalLatitude"));
  const lon = toNumber(get(record, "decimalLongitude"));
  if (isEmpty(code) || !isCountryCode(code))
    return internalPrerequisitesNotMet("dwc:countryCode is bdqval:Empty or not a valid code");
  if (!validLatLon(lat, lon))
    return internalPrerequisitesNotMet("dwc:decimalLatitude or dwc:decimalLongitude is bdqval:Empty or invalid");
  const missing = unavailable(parameters);
  if (missing) return missing;
  const buffer = toNumber(param(parameters, "spatialBufferInMeters", "3000"));
  if (code === "XZ") {
    return validation(
      jurisdictionAt(lat, lon).length === 0,
      "the coordinates are on the high seas",
      "the coordinates are inside a national EEZ"
    );
  }
  const inside = inJurisdiction(code, lat, lon, buffer);
  if (inside === undefined)
    return internalPrerequisitesNotMet(`no boundary for dwc:countryCode ${code} in the source authority`);
  return validation(
    inside,
    `the coordinates fall in ${code} or its EEZ`,
    `the coordinates fall outside ${code} and its EEZ`
  );
};

const negate = (text: string): string => {
  const t = text.trim();
  return t.startsWith("-") ? t.slice(1) : t.startsWith("+") ? `-${t.slice(1)}` : `-${t}`;
};

/**
 * AMENDMENT_COORDINATES_TRANSPOSED: when the point is not in the country, try sign changes and a swap of latitude
 * and longitude; amend when exactly one of them puts the point in the country's land or EEZ.
 */
export const coordinatesTransposed: BdqTestFunction = (record, parameters) => {
  const latText = get(record, "decimalLatitude");
  const lonText = get(record, "decimalLongitude");
  const code = get(record, "countryCode");
  if (isEmpty(latText) || isEmpty(lonText) || isEmpty(code)) {
    return internalPrerequisitesNotMet("dwc:decimalLatitude, dwc:decimalLongitude or dwc:countryCode is bdqval:Empty");
  }
  if (!authorityAvailable(parameters, BOUNDARIES))
    return externalPrerequisitesNotMet("bdqval:sourceAuthority is not available offline");
  if (!isBdqGeometryLoaded()) return externalPrerequisitesNotMet("the boundary data is not loaded (loadBdqGeometry())");
  const lat = toNumber(latText);
  const lon = toNumber(lonText);
  if (Number.isNaN(lat) || Number.isNaN(lon))
    return notAmended("dwc:decimalLatitude or dwc:decimalLongitude is not a number");
  if (!hasCountryShape(code.trim())) return notAmended("dwc:countryCode has no boundary in the source authority");
  const c = code.trim();
  if (validLatLon(lat, lon) && inJurisdiction(c, lat, lon))
    return notAmended("the coordinates already fall in dwc:countryCode");
  const candidates: [number, number, string, string][] = [
    [-lat, lon, negate(latText), lonText.trim()],
    [lat, -lon, latText.trim(), negate(lonText)],
    [-lat, -lon, negate(latText), negate(lonText)],
    [lon, lat, lonText.trim(), latText.trim()],
    [-lon, lat, negate(lonText), latText.trim()],
    [lon, -lat, lonText.trim(), negate(latText)],
    [-lon, -lat, negate(lonText), negate(latText)],
  ];
  const fits = candidates.filter(([y, x]) => validLatLon(y, x) && inJurisdiction(c, y, x));
  if (fits.length !== 1) {
    return notAmended(
      fits.length === 0
        ? "no sign change or swap puts the coordinates in dwc:countryCode"
        : "more than one transposition fits"
    );
  }
  const [, , newLat, newLon] = fits[0];
  return amended(
    { "dwc:decimalLatitude": newLat, "dwc:decimalLongitude": newLon },
    `coordinates transposed to fall in ${c}`
  );
};

/** AMENDMENT_COUNTRYCODE_FROM_COORDINATES: the single country whose land or EEZ holds the point; XZ on the high seas. */
export const countryCodeFromCoordinates: BdqTestFunction = (record, parameters) => {
  if (!authorityAvailable(parameters, BOUNDARIES))
    return externalPrerequisitesNotMet("bdqval:sourceAuthority is not available offline");
  const latText = get(record, "decimalLatitude");
  const lonText = get(record, "decimalLongitude");
  if (isEmpty(latText) || isEmpty(lonText))
    return internalPrerequisitesNotMet("dwc:decimalLatitude or dwc:decimalLongitude is bdqval:Empty");
  if (!isEmpty(record.countryCode)) return internalPrerequisitesNotMet("dwc:countryCode is bdqval:NotEmpty");
  const lat = toNumber(latText);
  const lon = toNumber(lonText);
  if (!validLatLon(lat, lon))
    return notAmended("dwc:decimalLatitude or dwc:decimalLongitude is not a valid coordinate");
  if (!isBdqGeometryLoaded()) return externalPrerequisitesNotMet("the boundary data is not loaded (loadBdqGeometry())");
  const codes = jurisdictionAt(lat, lon);
  if (codes.length === 0) return filledIn({ "dwc:countryCode": "XZ" }, "the coordinates are on the high seas (XZ)");
  if (codes.length > 1) return notAmended(`the coordinates fall in more than one country: ${codes.join(", ")}`);
  return filledIn({ "dwc:countryCode": codes[0] }, `the coordinates fall in ${codes[0]}`);
};

/**
 * VALIDATION_COORDINATESSTATEPROVINCE_CONSISTENT: the point lies in (or within bdqval:spatialBufferInMeters, 3 km,
 * of) a first-level division with the name in stateProvince, in any country (the test does not disambiguate
 * duplicate names). Names match ignoring case and accents, in the local, English, Spanish and Russian forms
 * Natural Earth gives.
 */
export const coordinatesStateProvinceConsistent: BdqTestFunction = (record, parameters) => {
  if (!authorityAvailable(parameters, /natural\s*earth|admin/i)) {
    return externalPrerequisitesNotMet("bdqval:sourceAuthority is not available offline");
  }
  const name = get(record, "stateProvince");
  const lat = toNumber(get(record, "decimalLatitude"));
  const lon = toNumber(get(record, "decimalLongitude"));
  if (isEmpty(name)) return internalPrerequisitesNotMet("dwc:stateProvince is bdqval:Empty");
  if (!validLatLon(lat, lon)) {
    return internalPrerequisitesNotMet("dwc:decimalLatitude or dwc:decimalLongitude is bdqval:Empty or invalid");
  }
  if (!isBdqGeometryLoaded()) return externalPrerequisitesNotMet("the boundary data is not loaded (loadBdqGeometry())");
  if (!isAdmin1Name(name))
    return internalPrerequisitesNotMet("dwc:stateProvince was not found in the source authority");
  const buffer = toNumber(param(parameters, "spatialBufferInMeters", "3000"));
  return validation(
    admin1Contains(name, lat, lon, buffer),
    `the coordinates fall in ${name.trim()}`,
    `the coordinates fall outside ${name.trim()}`
  );
};

/** The GBIF catalogue's centres by alpha-2 code: flat [lat, lon, …] and the country's area (km²), if it gives one. */
const centres = new Map<string, { points: readonly number[]; areaKm2: number | null }>();
for (const [code, areaKm2, points] of PCLI_CENTROIDS) centres.set(code, { points, areaKm2 });

/** Great-circle distance in metres (haversine). */
export function distanceMeters(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const r = Math.PI / 180;
  const a =
    Math.sin(((lat2 - lat1) * r) / 2) ** 2 +
    Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(((lon2 - lon1) * r) / 2) ** 2;
  return 2 * 6_371_008.8 * Math.asin(Math.min(1, Math.sqrt(a)));
}

/**
 * ISSUE_COORDINATES_CENTEROFCOUNTRY: POTENTIAL_ISSUE when (1) the point is within bdqval:spatialBufferInMeters
 * (default 5000) of one of the centres the authority gives for dwc:countryCode, and (2)
 * dwc:coordinateUncertaintyInMeters is empty or less than half the square root of the country's area; otherwise
 * NOT_ISSUE.
 *
 * The authority is the BDQ default, the country centroids (PCLI.tsv) of the GBIF Catalogue of Centroids by John Waller
 * (GitHub jhnwllr/catalogue-of-centroids; Waller 2023, https://doi.org/10.3897/biss.7.110728), which gathers the
 * centres used by CoordinateCleaner, geoLocate, the Getty TGN, GeoNames and Geoscience Australia: 777 distinct points
 * for 250 codes, embedded from scripts/data/pcli-centroids.tsv as data/pcliCentroids.ts. Every centre of a code
 * counts. The area is the catalogue's; for the 18 codes it gives none (PT, PG, RE, …) condition (2) holds only when
 * the uncertainty is empty. A code the catalogue does not list is NOT_ISSUE.
 */
export const coordinatesCenterOfCountry: BdqTestFunction = (record, parameters) => {
  if (!authorityAvailable(parameters, /centroid|gbif/i)) {
    return externalPrerequisitesNotMet("bdqval:sourceAuthority is not available offline");
  }
  const code = get(record, "countryCode").trim();
  const lat = toNumber(get(record, "decimalLatitude"));
  const lon = toNumber(get(record, "decimalLongitude"));
  if (isEmpty(code) || !validLatLon(lat, lon)) {
    return internalPrerequisitesNotMet(
      "dwc:countryCode, dwc:decimalLatitude or dwc:decimalLongitude is bdqval:Empty or invalid"
    );
  }
  const centre = centres.get(code);
  if (!centre) return notIssue(`the bdqval:sourceAuthority has no centre for dwc:countryCode ${code}`);
  const buffer = toNumber(param(parameters, "spatialBufferInMeters", "5000"));
  let near = false;
  for (let i = 0; i < centre.points.length && !near; i += 2) {
    near = distanceMeters(lat, lon, centre.points[i], centre.points[i + 1]) <= buffer;
  }
  if (!near) return notIssue(`the coordinates are not within ${buffer} m of a centre of ${code}`);
  const uncertainty = toNumber(get(record, "coordinateUncertaintyInMeters"));
  const small =
    Number.isNaN(uncertainty) || (centre.areaKm2 !== null && uncertainty < Math.sqrt(centre.areaKm2 * 1e6) / 2);
  return small
    ? potentialIssue(
        `the coordinates are within ${buffer} m of a centre of ${code}, which may mean they were generalized`
      )
    : notIssue(
        `the coordinates are near a centre of ${code}, but dwc:coordinateUncertaintyInMeters covers the country`
      );
};
