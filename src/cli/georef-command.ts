import * as path from "path";
import { createCellConverter } from "../dwc";
import type { SheetInfo } from "../dwc/table";
import { cellRef, openTableFile, writeGeorefWorkbook, type GeorefFill, type TableSource } from "../file";
import {
  calculateUncertainty,
  datumIsKnown,
  defaultGpsAccuracy,
  formatMapScale,
  GeorefInputError,
  georeferenceValues,
  parseMapScale,
  rowCoordinates,
  type CoordinateSource,
  type GeorefInput,
  type GeorefResult,
} from "../georef";
import { choice, textOption, type ParsedArgs } from "./args";
import { isMetadataSheet } from "./dataset";
import { EXIT, UsageError } from "./errors";
import type { CliIo } from "./io";
import { inputFile } from "./validate-command";

/** Options of `dwc-excel georef`. */
export const GEOREF_OPTIONS = {
  values: ["sheet", "source", "map-scale", "extent-column", "gps-accuracy", "output"],
  flags: ["datum-known", "datum-unknown"],
  aliases: { o: "output" },
};

const SOURCES: readonly CoordinateSource[] = ["gps", "map", "gazetteer", "description"];
const UNCERTAINTY = "coordinateUncertaintyInMeters";
/** Computed rows listed one by one in the summary. */
const LIST_LIMIT = 10;

/** How the whole sheet is georeferenced: what the options say. */
interface Settings {
  source: CoordinateSource | undefined;
  mapScale?: number;
  gpsAccuracy?: number;
  datum: "known" | "unknown" | "per-row";
  extentColumn?: string;
}

function settingsOf(args: ParsedArgs): Settings {
  let source = choice(args.options, "source", SOURCES);
  const scaleText = textOption(args.options, "map-scale");
  let mapScale: number | undefined;
  if (scaleText !== undefined) {
    mapScale = parseMapScale(scaleText);
    if (mapScale === undefined)
      throw new UsageError(`georef: --map-scale must be a scale such as 1:24000 (got "${scaleText}")`);
    if (source === undefined) source = "map";
    else if (source !== "map") throw new UsageError("georef: --map-scale goes with --source map");
  }
  if (source === "map" && mapScale === undefined)
    throw new UsageError("georef: --source map needs the map's scale: --map-scale 1:24000");
  const gpsText = textOption(args.options, "gps-accuracy");
  let gpsAccuracy: number | undefined;
  if (gpsText !== undefined) {
    gpsAccuracy = Number(gpsText.replace(",", "."));
    if (!(gpsAccuracy >= 0) || gpsText.trim() === "") {
      throw new UsageError(`georef: --gps-accuracy must be a distance in metres (got "${gpsText}")`);
    }
    if (source === undefined) source = "gps";
    else if (source !== "gps") throw new UsageError("georef: --gps-accuracy goes with --source gps");
  }
  if (args.options["datum-known"] === true && args.options["datum-unknown"] === true) {
    throw new UsageError("georef: give either --datum-known or --datum-unknown, not both");
  }
  const datum =
    args.options["datum-known"] === true ? "known" : args.options["datum-unknown"] === true ? "unknown" : "per-row";
  return { source, mapScale, gpsAccuracy, datum, extentColumn: textOption(args.options, "extent-column") };
}

/** The sheet to georeference: `--sheet`, or the first visible sheet with data that is not the Metadata sheet. */
function pickSheet(source: TableSource, wanted: string | undefined): SheetInfo | undefined {
  if (wanted !== undefined) {
    return (
      source.sheets.find((s) => s.name === wanted) ??
      source.sheets.find((s) => s.name.toLowerCase() === wanted.toLowerCase())
    );
  }
  const candidates = source.sheets.filter((s) => s.visible && !source.veryHidden.has(s.name) && !isMetadataSheet(s));
  return candidates.find((s) => s.rowCount > 1) ?? candidates[0];
}

/** Every row of a sheet as text, with its 1-based row number. */
async function readRows(source: TableSource, sheet: SheetInfo): Promise<{ row: number; cells: string[] }[]> {
  const text = createCellConverter(source.facts);
  const rows: { row: number; cells: string[] }[] = [];
  for await (const chunk of source.readRows(sheet.name)) {
    chunk.values.forEach((values, r) => {
      const cells: string[] = [];
      for (let c = 0; c < Math.max(sheet.headers.length, values.length); c++) {
        cells.push(text(values[c] ?? null, chunk.numberFormats?.[r]?.[c] ?? null).trim());
      }
      rows.push({ row: chunk.startRow + r, cells });
    });
  }
  return rows;
}

function describe(result: GeorefResult, precisionLabel: string): string {
  const c = result.components;
  const parts = [
    c.coordinatePrecision > 0 ? `coordinate precision ${precisionLabel} ${Math.round(c.coordinatePrecision)} m` : "",
    c.datum > 0 ? `unknown datum ${c.datum} m` : "",
    c.mapScale > 0 ? `map ${Math.round(c.mapScale)} m` : "",
    c.measurement > 0 ? `GPS ${Math.round(c.measurement)} m` : "",
    c.radial > 0 ? `radial ${Math.round(c.radial)} m` : "",
  ].filter(Boolean);
  return parts.join(", ") || "no source of uncertainty";
}

/**
 * `dwc-excel georef FILE [--sheet NAME] [--source gps|map|gazetteer|description] [--map-scale 1:24000]
 * [--datum-known|--datum-unknown] [--extent-column TERM] [--gps-accuracy M] -o OUT.xlsx`: computes
 * coordinateUncertaintyInMeters for every row of a sheet by the point-radius method (src/georef) from its
 * coordinates, the precision they were written with, whether the datum is known (geodeticDatum, unless a flag
 * says) and the options, and writes OUT.xlsx: the input with coordinateUncertaintyInMeters, georeferenceProtocol,
 * georeferenceSources and georeferencedDate filled only where empty (a user's value is never overwritten; missing
 * columns are added). A row with an extent column value is a feature ("named place") with that radial in metres.
 * Exit 0 when written, 2 for unusable input.
 */
export async function georefCommand(args: ParsedArgs, io: CliIo, now: () => Date = () => new Date()): Promise<number> {
  const file = inputFile(args, "georef");
  const output = textOption(args.options, "output");
  if (!output) throw new UsageError("georef: give the workbook to write with -o OUT.xlsx");
  if (!/\.xlsx$/i.test(output)) throw new UsageError(`georef: the output must be an .xlsx file (got ${output})`);
  if (path.resolve(output) === path.resolve(file))
    throw new UsageError("georef: write to a new file, not over the input");
  const settings = settingsOf(args);
  const source = await openTableFile(file);
  const sheet = pickSheet(source, textOption(args.options, "sheet"));
  if (!sheet) {
    const names = source.sheets.map((s) => JSON.stringify(s.name)).join(", ");
    io.err(
      `dwc-excel georef: ${file}: no sheet ${JSON.stringify(textOption(args.options, "sheet") ?? "")} (sheets: ${names})\n`
    );
    return EXIT.unusable;
  }
  const headerIndex = new Map<string, number>();
  sheet.headers.forEach((h, i) => {
    const key = h.trim();
    if (key && !headerIndex.has(key)) headerIndex.set(key, i);
  });
  if (settings.extentColumn !== undefined && !headerIndex.has(settings.extentColumn)) {
    io.err(
      `dwc-excel georef: ${file}: sheet ${sheet.name} has no column "${settings.extentColumn}" (--extent-column)\n`
    );
    return EXIT.unusable;
  }
  const rows = await readRows(source, sheet);
  const date = now();
  const fills: GeorefFill[] = [];
  const listed: string[] = [];
  const problems: string[] = [];
  let kept = 0;
  let withoutCoordinates = 0;
  const uncertaintyColumn = headerIndex.get(UNCERTAINTY) ?? sheet.headers.length;
  for (const { row, cells } of rows) {
    if (cells.every((c) => c === "")) continue;
    const get = (term: string) => {
      const i = headerIndex.get(term);
      return i === undefined ? "" : (cells[i] ?? "");
    };
    if (get(UNCERTAINTY) !== "") {
      kept++;
      continue;
    }
    const coords = rowCoordinates(get);
    if (!coords) {
      withoutCoordinates++;
      continue;
    }
    const datum = get("geodeticDatum");
    const extentText = settings.extentColumn ? get(settings.extentColumn) : "";
    const radial = extentText === "" ? undefined : Number(extentText.replace(",", "."));
    const input: GeorefInput = {
      localityType: radial !== undefined ? "feature" : "coordinates",
      latitude: coords.latitude,
      longitude: coords.longitude,
      coordinatePrecisionDegrees: coords.precisionDegrees,
      datum,
      datumKnown: settings.datum === "per-row" ? datumIsKnown(datum) : settings.datum === "known",
      source: settings.source ?? "description",
      mapScale: settings.mapScale,
      gpsAccuracyMeters:
        settings.source === "gps" ? (settings.gpsAccuracy ?? defaultGpsAccuracy(get("eventDate"))) : undefined,
      radialMeters: radial,
    };
    let result: GeorefResult;
    try {
      result = calculateUncertainty(input);
    } catch (e) {
      if (!(e instanceof GeorefInputError)) throw e;
      problems.push(`  row ${row}: ${e.message}`);
      continue;
    }
    const values = georeferenceValues(result.uncertaintyMeters, settings.source, { date, mapScale: settings.mapScale });
    const fill: Record<string, string> = {};
    for (const [term, value] of Object.entries(values)) if (value !== undefined && get(term) === "") fill[term] = value;
    fills.push({ row, values: fill });
    if (listed.length < LIST_LIMIT) {
      listed.push(
        `  ${cellRef(sheet.name, row, uncertaintyColumn)} = ${result.uncertaintyMeters} m (${describe(result, coords.precisionLabel)})`
      );
    }
  }
  const written = await writeGeorefWorkbook(output, {
    input:
      source.kind === "xlsx"
        ? { kind: "xlsx", path: file }
        : { kind: "csv", sheetName: sheet.name, headers: sheet.headers, rows: rows.map((r) => r.cells) },
    sheetName: sheet.name,
    fills,
  });
  const assumed = [
    settings.source
      ? `source ${settings.source === "map" ? `map ${formatMapScale(settings.mapScale!)}` : settings.source}`
      : "source not given (adds nothing)",
    settings.datum === "per-row"
      ? "datum known where geodeticDatum names one"
      : `datum ${settings.datum} for every row`,
  ];
  const lines = [
    `Wrote ${output} (sheet ${written.sheet}; ${assumed.join("; ")})`,
    `  coordinateUncertaintyInMeters computed: ${fills.length} rows`,
    `  kept (already filled): ${kept} rows`,
    `  without coordinates: ${withoutCoordinates} rows`,
  ];
  if (problems.length > 0) lines.push(`  not computed: ${problems.length} rows`, ...problems.slice(0, LIST_LIMIT));
  if (written.addedColumns.length > 0) lines.push(`  columns added: ${written.addedColumns.join(", ")}`);
  if (listed.length > 0)
    lines.push(fills.length > LIST_LIMIT ? `First ${LIST_LIMIT} of ${fills.length}:` : "Computed:", ...listed);
  io.out(lines.join("\n") + "\n");
  return EXIT.ok;
}
