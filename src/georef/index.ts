/**
 * The georeferencing calculator: coordinateUncertaintyInMeters by the point-radius method (Wieczorek et al. 2004),
 * combined as the Georeferencing Calculator does (Wieczorek & Wieczorek 2020; Calculator Manual, Bloom et al.
 * 2020), with the Darwin Core values that document it. Pure: no DOM, Node or Office.js.
 *
 * ```ts
 * calculateUncertainty({ localityType: "coordinates", latitude: 55.75, longitude: 37.6167,
 *   coordinatePrecisionDegrees: precisionOfPair("55°45'N", "37°37'E")!.degrees, datum: "", source: "description" });
 * ```
 */
export {
  calculateUncertainty,
  combineUncertainty,
  datumIsKnown,
  GeorefInputError,
  roundUncertainty,
  uncertaintyComponents,
  type CoordinateSource,
  type GeorefInput,
  type GeorefResult,
  type LocalityType,
  type UncertaintyComponents,
} from "./calculate";
export {
  datumError,
  defaultGpsAccuracy,
  directionError,
  mapScaleError,
  offsetPrecision,
  offsetPrecisionError,
  parseHeading,
  parseMapScale,
  USGS_MAP_ERROR_FEET,
  WORST_DATUM_ERROR_METERS,
  type Heading,
  type MapSeries,
} from "./components";
export {
  CLARKE_1866,
  ellipsoidOfDatum,
  INTERNATIONAL_1924,
  KRASSOWSKY_1940,
  metresPerDegree,
  WGS84,
  type Ellipsoid,
  type MetresPerDegree,
} from "./ellipsoid";
export {
  coordinatePrecisionError,
  DEGREE,
  EXACT,
  MINUTE,
  precisionOfCoordinate,
  precisionOfPair,
  SECOND,
  type CoordinatePrecision,
} from "./precision";
export {
  formatMapScale,
  GEOREFERENCE_PROTOCOL,
  GEOREFERENCE_TOOL,
  georeferenceSources,
  georeferenceValues,
  type GeoreferenceValues,
} from "./dwc-values";
export {
  GEOREF_INPUT_TERMS,
  GEOREF_OUTPUT_TERMS,
  PRECISION_CHOICES,
  precisionChoiceOf,
  rowCoordinates,
  splitCoordinatePair,
  type GeorefOutputTerm,
  type PrecisionChoice,
  type RowCoordinates,
} from "./row";
export {
  georeferenceRows,
  planGeorefWrite,
  type GeorefCellWrite,
  type GeorefRowCells,
  type GeorefSettings,
  type GeorefWritePlan,
  type RowGeoreference,
} from "./rows";
