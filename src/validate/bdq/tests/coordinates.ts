/** BDQ tests of decimal coordinates, their uncertainty and datum (SPACE dimension, no geometry needed). */
import { DATUM_ERROR_GRID, DATUM_ERROR_GRID_DEGREES } from "../data/datumError";
import { isEpsgGeodeticCode } from "../epsg";
import { amended, filledIn, internalPrerequisitesNotMet, notAmended, validation } from "../response";
import type { BdqTestFunction } from "../types";
import { formatDecimal, get, isEmpty, param, toNumber } from "../values";
import { parseCoordinate, parseCoordinatePair, type LatLon } from "../verbatimCoordinates";

function numberInRange(term: string, min: number, max: number): BdqTestFunction {
  return (record) => {
    const v = get(record, term);
    if (isEmpty(v)) return internalPrerequisitesNotMet(`dwc:${term} is bdqval:Empty`);
    const n = toNumber(v);
    if (Number.isNaN(n)) return internalPrerequisitesNotMet(`dwc:${term} is not a number`);
    return validation(
      n >= min && n <= max,
      `dwc:${term} is in range ${min}..${max}`,
      `dwc:${term} is outside ${min}..${max}`
    );
  };
}

export const decimalLatitudeInRange = numberInRange("decimalLatitude", -90, 90);
export const decimalLongitudeInRange = numberInRange("decimalLongitude", -180, 180);
/** 1 m to half the equatorial circumference. */
export const coordinateUncertaintyInRange = numberInRange("coordinateUncertaintyInMeters", 1, 20037509);

export const coordinatesNotZero: BdqTestFunction = (record) => {
  const lat = toNumber(get(record, "decimalLatitude"));
  const lon = toNumber(get(record, "decimalLongitude"));
  if (Number.isNaN(lat) || Number.isNaN(lon)) {
    return internalPrerequisitesNotMet("dwc:decimalLatitude or dwc:decimalLongitude is bdqval:Empty or not a number");
  }
  return validation(
    lat !== 0 || lon !== 0,
    "the coordinates are not both zero",
    "dwc:decimalLatitude and dwc:decimalLongitude are zero"
  );
};

/**
 * The largest shift between WGS 84 and any other geodetic datum, anywhere: about 5.36 km (Chapman & Wieczorek
 * 2020, Georeferencing Best Practices). Only a fallback: maximumDatumShiftMeters gives the shift at the point.
 */
export const MAXIMUM_DATUM_SHIFT_METERS = 5359;

/**
 * The maximum shift in metres between WGS 84 and any other datum at a point, from the 5-degree datum-error grid of
 * the Georeferencing Calculator (DATUM_ERROR_GRID), as the reference implementation (geo_ref_qc
 * UnknownToWGS84Error) looks it up: the cell is floor((90 + lat) / 5), floor((180 + lon) / 5), so a point on a
 * cell edge belongs to the cell north and east of it, and latitude 90 and longitude 180 fall in the last row and
 * band. Coordinates outside -90..90, -180..180 (or not numbers) get the worldwide maximum.
 */
export function maximumDatumShiftMeters(lat: number, lon: number): number {
  if (!(Math.abs(lat) <= 90 && Math.abs(lon) <= 180)) return MAXIMUM_DATUM_SHIFT_METERS;
  const bands = DATUM_ERROR_GRID.length;
  const cells = DATUM_ERROR_GRID[0].length;
  const band = Math.min(Math.floor((180 + lon) / DATUM_ERROR_GRID_DEGREES), bands - 1);
  const cell = Math.min(Math.floor((90 + lat) / DATUM_ERROR_GRID_DEGREES), cells - 1);
  return DATUM_ERROR_GRID[band]?.[cell] ?? MAXIMUM_DATUM_SHIFT_METERS;
}

/**
 * AMENDMENT_GEODETICDATUM_ASSUMEDDEFAULT: fill an empty geodeticDatum with bdqval:defaultGeodeticDatum
 * (EPSG:4326); when coordinates and a valid uncertainty are given, also widen the uncertainty by the maximum
 * datum shift at the point (AMENDED). As in the reference implementation, the given uncertainty is rounded up to
 * a whole metre before the (whole-metre) shift is added.
 */
export const geodeticDatumAssumedDefault: BdqTestFunction = (record, parameters) => {
  if (!isEmpty(record.geodeticDatum)) return notAmended("dwc:geodeticDatum is bdqval:NotEmpty");
  const datum = param(parameters, "defaultGeodeticDatum", "EPSG:4326");
  const uncertainty = toNumber(get(record, "coordinateUncertaintyInMeters"));
  const lat = toNumber(get(record, "decimalLatitude"));
  const lon = toNumber(get(record, "decimalLongitude"));
  const coordinatesValid = Math.abs(lat) <= 90 && Math.abs(lon) <= 180;
  if (coordinatesValid && uncertainty >= 1 && uncertainty <= 20037509) {
    const shift = maximumDatumShiftMeters(lat, lon);
    const widened = String(Math.ceil(uncertainty) + shift);
    return amended(
      { "dwc:geodeticDatum": datum, "dwc:coordinateUncertaintyInMeters": widened },
      `dwc:geodeticDatum assumed ${datum}; dwc:coordinateUncertaintyInMeters widened by ${shift} m, the maximum ` +
        "datum shift at the coordinates"
    );
  }
  return filledIn({ "dwc:geodeticDatum": datum }, `dwc:geodeticDatum is bdqval:Empty; assumed ${datum}`);
};

const near = (a: number, b: number) => Math.abs(a - b) < 1e-6;

/**
 * AMENDMENT_COORDINATES_FROM_VERBATIM: fill empty decimalLatitude/decimalLongitude (and geodeticDatum from
 * verbatimSRS) from verbatimCoordinates or verbatimLatitude + verbatimLongitude, when every verbatim value given
 * reads as geographic coordinates and they agree.
 */
export const coordinatesFromVerbatim: BdqTestFunction = (record) => {
  if (!isEmpty(record.decimalLatitude) || !isEmpty(record.decimalLongitude)) {
    return internalPrerequisitesNotMet("dwc:decimalLatitude or dwc:decimalLongitude is bdqval:NotEmpty");
  }
  const coordinates = get(record, "verbatimCoordinates");
  const latText = get(record, "verbatimLatitude");
  const lonText = get(record, "verbatimLongitude");
  if (isEmpty(coordinates) && (isEmpty(latText) || isEmpty(lonText))) {
    return internalPrerequisitesNotMet(
      "no verbatim coordinates, or only one of dwc:verbatimLatitude/dwc:verbatimLongitude"
    );
  }
  if (/utm|mgrs|grid/i.test(get(record, "verbatimCoordinateSystem"))) {
    return notAmended("dwc:verbatimCoordinateSystem is not geographic coordinates");
  }
  let found: LatLon | undefined;
  if (!isEmpty(coordinates)) {
    found = parseCoordinatePair(coordinates);
    if (!found) return notAmended("dwc:verbatimCoordinates cannot be interpreted as geographic coordinates");
  }
  const lat = isEmpty(latText) ? undefined : parseCoordinate(latText);
  const lon = isEmpty(lonText) ? undefined : parseCoordinate(lonText);
  if ((!isEmpty(latText) && (!lat || lat.axis === "lon")) || (!isEmpty(lonText) && (!lon || lon.axis === "lat"))) {
    return notAmended("dwc:verbatimLatitude or dwc:verbatimLongitude cannot be interpreted as a coordinate");
  }
  if (found) {
    if ((lat && !near(lat.degrees, found.lat)) || (lon && !near(lon.degrees, found.lon))) {
      return notAmended("dwc:verbatimCoordinates and dwc:verbatimLatitude/dwc:verbatimLongitude disagree");
    }
  } else if (lat && lon) {
    if (Math.abs(lat.degrees) > 90 || Math.abs(lon.degrees) > 180)
      return notAmended("verbatim coordinates out of range");
    found = { lat: lat.degrees, lon: lon.degrees };
  }
  if (!found) return notAmended("no geographic coordinates could be interpreted");
  const changes: Record<string, string> = {
    "dwc:decimalLatitude": formatDecimal(found.lat),
    "dwc:decimalLongitude": formatDecimal(found.lon),
  };
  const srs = get(record, "verbatimSRS").trim();
  if (srs !== "") {
    if (!isEpsgGeodeticCode(srs)) return notAmended("dwc:verbatimSRS is not a geographic coordinate reference system");
    changes["dwc:geodeticDatum"] = srs;
  }
  return filledIn(changes, "decimal coordinates filled in from the verbatim coordinates");
};
