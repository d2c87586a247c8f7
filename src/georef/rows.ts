/**
 * Georeferencing a set of rows with one set of answers (the task pane's calculator for the selected rows): each
 * row's uncertainty from its own coordinates and datum and the shared inputs, and the cells that a write would set,
 * keep or replace. Pure: the adapter reads the rows and writes the cells.
 */
import { calculateUncertainty, datumIsKnown, GeorefInputError, type CoordinateSource, type GeorefResult } from "./calculate";
import { defaultGpsAccuracy } from "./components";
import { georeferenceValues, type GeoreferenceValues } from "./dwc-values";
import { GEOREF_OUTPUT_TERMS, rowCoordinates, type GeorefOutputTerm } from "./row";

/** One sheet row as text by Darwin Core term ("" or absent when empty or the column is missing). */
export interface GeorefRowCells {
  /** 1-based sheet row. */
  row: number;
  cells: Readonly<Record<string, string>>;
}

/** The answers given once for all the rows. */
export interface GeorefSettings {
  source: CoordinateSource;
  /** Map scale denominator when `source` is "map". */
  mapScale?: number;
  /** GPS accuracy in metres when `source` is "gps"; undefined: the Quick Reference Guide's default by eventDate. */
  gpsAccuracyMeters?: number;
  /** Precision of the coordinates in degrees for every row; undefined: read from each row's cells. */
  precisionDegrees?: number;
  /** Whether the datum is known; "per-row": from each row's geodeticDatum. */
  datum: "per-row" | "known" | "unknown";
  /** Extent (radial) of the named place in metres; when given, each row is a named place of that size. */
  radialMeters?: number;
  georeferencedBy?: string;
  /** Names the tool in georeferenceSources (default: the core's). */
  tool?: string;
}

/** The outcome of one row. */
export type RowGeoreference =
  | {
      row: number;
      status: "computed";
      result: GeorefResult;
      /** The precision used, in degrees, and whether it was read from the row (not chosen by the user). */
      precisionDegrees: number;
      precisionFromCells: boolean;
      datumKnown: boolean;
      /** GPS accuracy used (source "gps" only) and whether it is the default for the row's eventDate. */
      gpsAccuracyMeters?: number;
      gpsDefault?: boolean;
      values: GeoreferenceValues;
    }
  | { row: number; status: "noCoordinates" }
  | { row: number; status: "invalid"; message: string };

/**
 * Each row's georeference with the shared settings on `date`. A row without readable coordinates is
 * "noCoordinates"; one the calculation refuses (coordinates out of range) is "invalid" with the reason.
 *
 * @example
 * georeferenceRows([{ row: 2, cells: { decimalLatitude: "35.37", decimalLongitude: "-119.02", geodeticDatum: "NAD27" } }],
 *   { source: "map", mapScale: 24000, datum: "per-row" }, new Date())[0].result.uncertaintyMeters // 1446
 */
export function georeferenceRows(
  rows: readonly GeorefRowCells[],
  settings: GeorefSettings,
  date: Date
): RowGeoreference[] {
  return rows.map(({ row, cells }) => {
    const get = (term: string) => (cells[term] ?? "").trim();
    const coords = rowCoordinates(get);
    if (!coords) return { row, status: "noCoordinates" };
    const datum = get("geodeticDatum");
    const datumKnown = settings.datum === "per-row" ? datumIsKnown(datum) : settings.datum === "known";
    const gpsDefault = settings.source === "gps" && settings.gpsAccuracyMeters === undefined;
    const gpsAccuracyMeters =
      settings.source === "gps" ? (settings.gpsAccuracyMeters ?? defaultGpsAccuracy(get("eventDate"))) : undefined;
    const precisionDegrees = settings.precisionDegrees ?? coords.precisionDegrees;
    const radial = settings.radialMeters !== undefined && settings.radialMeters > 0 ? settings.radialMeters : undefined;
    let result: GeorefResult;
    try {
      result = calculateUncertainty({
        localityType: radial !== undefined ? "feature" : "coordinates",
        latitude: coords.latitude,
        longitude: coords.longitude,
        coordinatePrecisionDegrees: precisionDegrees,
        datum,
        datumKnown,
        source: settings.source,
        mapScale: settings.source === "map" ? settings.mapScale : undefined,
        gpsAccuracyMeters,
        radialMeters: radial,
      });
    } catch (e) {
      if (!(e instanceof GeorefInputError)) throw e;
      return { row, status: "invalid", message: e.message };
    }
    const values = georeferenceValues(result.uncertaintyMeters, settings.source, {
      date,
      mapScale: settings.source === "map" ? settings.mapScale : undefined,
      georeferencedBy: settings.georeferencedBy,
      tool: settings.tool,
    });
    return {
      row,
      status: "computed",
      result,
      precisionDegrees,
      precisionFromCells: settings.precisionDegrees === undefined,
      datumKnown,
      ...(gpsAccuracyMeters !== undefined ? { gpsAccuracyMeters, gpsDefault } : {}),
      values,
    };
  });
}

/** One cell a write would set: its row and term, the value, and the value it replaces ("" when empty). */
export interface GeorefCellWrite {
  row: number;
  term: GeorefOutputTerm;
  value: string;
  current: string;
}

/** What writing the computed rows would do. */
export interface GeorefWritePlan {
  /** Cells to set: empty ones, and filled ones with another value when replacing. */
  writes: GeorefCellWrite[];
  /** Filled cells that would be replaced (a subset of `writes`, listed to the user first). */
  replaced: GeorefCellWrite[];
  /** Filled cells left as they are (not replacing, or the value is already the same). */
  kept: { row: number; term: GeorefOutputTerm; current: string }[];
  /** Rows that get at least one cell. */
  rows: number;
}

/**
 * The cells a write would set for the computed rows: only empty cells, unless `replace`, when filled cells with a
 * different value are replaced too (and listed in `replaced`). A row whose coordinateUncertaintyInMeters holds another
 * value is left whole when not replacing (its protocol, sources and date belong to that value). Cells of terms the
 * rows' sheet lacks count as empty.
 */
export function planGeorefWrite(
  outcomes: readonly RowGeoreference[],
  rows: readonly GeorefRowCells[],
  replace: boolean
): GeorefWritePlan {
  const byRow = new Map(rows.map((r) => [r.row, r.cells]));
  const plan: GeorefWritePlan = { writes: [], replaced: [], kept: [], rows: 0 };
  for (const o of outcomes) {
    if (o.status !== "computed") continue;
    const cells = byRow.get(o.row) ?? {};
    const uncertainty = (cells.coordinateUncertaintyInMeters ?? "").trim();
    // The other terms document the uncertainty: next to a different uncertainty the user keeps, they would lie.
    const keepRow = !replace && uncertainty !== "" && uncertainty !== o.values.coordinateUncertaintyInMeters;
    let any = false;
    for (const term of GEOREF_OUTPUT_TERMS) {
      const value = o.values[term];
      if (value === undefined) continue;
      const current = (cells[term] ?? "").trim();
      if (keepRow) {
        if (current !== "") plan.kept.push({ row: o.row, term, current });
      } else if (current === "") {
        plan.writes.push({ row: o.row, term, value, current });
        any = true;
      } else if (replace && current !== value) {
        const write = { row: o.row, term, value, current };
        plan.writes.push(write);
        plan.replaced.push(write);
        any = true;
      } else {
        plan.kept.push({ row: o.row, term, current });
      }
    }
    if (any) plan.rows++;
  }
  return plan;
}
