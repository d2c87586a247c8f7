/**
 * Coverage derived from the data, read incrementally: feed every dataset sheet's row chunks to
 * `addChunkToCoverage`, then `deriveCoverage` gives the bounding box of decimalLatitude/decimalLongitude, the range
 * of eventDate and the kingdom..family names with record counts. `mergeCoverage` applies it to the metadata, keeping
 * every part the user edited. The stats are plain data, so a Web Worker can post them.
 */
import type { Lang } from "../dwc/types";
import { cellToText } from "../dwc/cells";
import type { CellValue, RowChunk } from "../dwc/table";
import type { Coverage, GeographicCoverage, TaxonCoverage, TemporalCoverage, TaxonomicCoverage } from "./types";
import { parseEventDate } from "./dates";

/** The ranks taxonomic coverage lists, in order. */
export const COVERAGE_RANKS = ["kingdom", "phylum", "class", "order", "family"] as const;
export type CoverageRank = (typeof COVERAGE_RANKS)[number];

/** Running totals of what the rows hold (plain, serialisable data). */
export interface CoverageStats {
  /** Rows seen. */
  rows: number;
  /** Rows with a valid coordinate pair. */
  points: number;
  /** Rows with a coordinate that is not a number in range (left out of the box). */
  badCoordinates: number;
  south: number;
  north: number;
  /** Per 1-degree longitude bin (index = floor(lon + 180), 180 in bin 359): smallest and largest longitude; NaN if empty. */
  lonMin: number[];
  lonMax: number[];
  /** Rows with a usable date. */
  dated: number;
  /** Rows with an eventDate that is not an ISO 8601 date or interval; the first such value is kept in `badDateExample`. */
  badDates: number;
  badDateExample: string;
  /** First and last day seen (`YYYY-MM-DD`), "" before any. */
  begin: string;
  end: string;
  /** Record counts per rank and name. */
  taxa: Record<CoverageRank, Record<string, number>>;
}

/** How to read cells. */
export interface CoverageReadOptions {
  /** Workbook date system, for date serials in eventDate. */
  date1904?: boolean;
  /**
   * Cell-to-text conversion for eventDate; default `cellToText` of `src/dwc/cells` with `date1904` (a number with a
   * date format is a date serial, a whole number such as 1995 reads as that year).
   */
  cellText?: (value: CellValue, numberFormat: string | null | undefined) => string;
}

/** Fresh, empty stats. */
export function newCoverageStats(): CoverageStats {
  return {
    rows: 0,
    points: 0,
    badCoordinates: 0,
    south: Infinity,
    north: -Infinity,
    lonMin: new Array<number>(360).fill(NaN),
    lonMax: new Array<number>(360).fill(NaN),
    dated: 0,
    badDates: 0,
    badDateExample: "",
    begin: "",
    end: "",
    taxa: { kingdom: {}, phylum: {}, class: {}, order: {}, family: {} },
  };
}

/** A header's term name: `decimalLatitude`, `dwc:decimalLatitude` and the term IRI all read as `decimallatitude`. */
function headerTerm(header: string): string {
  return header
    .trim()
    .replace(/^.*[/:#]/, "")
    .toLowerCase();
}

function plainText(value: CellValue): string {
  if (value === null) return "";
  return typeof value === "string" ? value.trim() : String(value);
}

function toNumber(value: CellValue): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (typeof value !== "string") return undefined;
  const t = value.trim();
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(t)) return undefined;
  return Number(t);
}

function addDate(stats: CoverageStats, start: string, end: string): void {
  stats.dated++;
  if (stats.begin === "" || start < stats.begin) stats.begin = start;
  if (stats.end === "" || end > stats.end) stats.end = end;
}

function eventDateSpan(
  value: CellValue,
  format: string | null | undefined,
  options: CoverageReadOptions
): string | { start: string; end: string } {
  const text = (
    options.cellText
      ? options.cellText(value, format)
      : cellToText(value, format, { date1904: options.date1904 ?? false })
  ).trim();
  return parseEventDate(text) ?? text;
}

/**
 * Add one chunk of one sheet's rows. `headers` is the sheet's header row (term names as in the sheet; case and a
 * `dwc:` prefix or IRI do not matter). Rows without eventDate use `year`[/`month`[/`day`]] when present.
 */
export function addChunkToCoverage(
  stats: CoverageStats,
  headers: readonly string[],
  chunk: RowChunk,
  options: CoverageReadOptions = {}
): void {
  const terms = headers.map(headerTerm);
  const col = (term: string): number => terms.indexOf(term.toLowerCase());
  const lat = col("decimalLatitude");
  const lon = col("decimalLongitude");
  const date = col("eventDate");
  const year = col("year");
  const month = col("month");
  const day = col("day");
  const ranks = COVERAGE_RANKS.map((r) => ({ rank: r, index: col(r) })).filter((r) => r.index >= 0);
  chunk.values.forEach((row, r) => {
    stats.rows++;
    const formats = chunk.numberFormats?.[r];
    if (lat >= 0 && lon >= 0) {
      const rawLat = row[lat] ?? null;
      const rawLon = row[lon] ?? null;
      if (plainText(rawLat) !== "" || plainText(rawLon) !== "") {
        const y = toNumber(rawLat);
        const x = toNumber(rawLon);
        if (y === undefined || x === undefined || Math.abs(y) > 90 || Math.abs(x) > 180) stats.badCoordinates++;
        else {
          stats.points++;
          if (y < stats.south) stats.south = y;
          if (y > stats.north) stats.north = y;
          const bin = Math.min(359, Math.floor(x + 180));
          if (!(x >= stats.lonMin[bin])) stats.lonMin[bin] = x;
          if (!(x <= stats.lonMax[bin])) stats.lonMax[bin] = x;
        }
      }
    }
    const dateValue = date >= 0 ? (row[date] ?? null) : null;
    if (plainText(dateValue) !== "") {
      const span = eventDateSpan(dateValue, formats?.[date], options);
      if (typeof span === "string") {
        stats.badDates++;
        if (stats.badDateExample === "") stats.badDateExample = span;
      } else addDate(stats, span.start, span.end);
    } else if (year >= 0 && plainText(row[year] ?? null) !== "") {
      const parts = [year, month, day].filter((i) => i >= 0).map((i) => plainText(row[i] ?? null));
      let text = parts[0];
      if (month >= 0 && parts[1]) {
        text += `-${parts[1].padStart(2, "0")}`;
        if (day >= 0 && parts[2]) text += `-${parts[2].padStart(2, "0")}`;
      }
      const span = parseEventDate(text);
      if (span) addDate(stats, span.start, span.end);
      else {
        stats.badDates++;
        if (stats.badDateExample === "") stats.badDateExample = text;
      }
    }
    for (const { rank, index } of ranks) {
      const name = plainText(row[index] ?? null);
      if (name === "") continue;
      const counts = stats.taxa[rank];
      counts[name] = (counts[name] ?? 0) + 1;
    }
  });
}

/**
 * The longitude span of the points as [west, east]. When the points lie on both sides of the antimeridian (Chukotka,
 * the Aleutians) and the widest empty stretch of longitude does not contain it, the box crosses it: west > east.
 */
export function longitudeSpan(stats: CoverageStats): [number, number] | undefined {
  const bins: number[] = [];
  for (let i = 0; i < 360; i++) if (!Number.isNaN(stats.lonMin[i])) bins.push(i);
  if (bins.length === 0) return undefined;
  const west = stats.lonMin[bins[0]];
  const east = stats.lonMax[bins[bins.length - 1]];
  // The gap across the antimeridian, from the easternmost point round to the westernmost one.
  let bestGap = west + 360 - east;
  let span: [number, number] = [west, east];
  for (let k = 1; k < bins.length; k++) {
    const gap = stats.lonMin[bins[k]] - stats.lonMax[bins[k - 1]];
    if (gap > bestGap) {
      bestGap = gap;
      span = [stats.lonMin[bins[k]], stats.lonMax[bins[k - 1]]];
    }
  }
  return span;
}

function geographic(stats: CoverageStats, lang: Lang): GeographicCoverage {
  const span = longitudeSpan(stats);
  if (!span) return { description: "", west: null, east: null, north: null, south: null, source: "data" };
  const n = stats.points;
  const description =
    lang === "ru"
      ? `Ограничивающий прямоугольник координат ${n} ${plural(n, "записи", "записей", "записей")} набора данных.`
      : `Bounding box of the coordinates of ${n} record${n === 1 ? "" : "s"} in the dataset.`;
  return { description, west: span[0], east: span[1], north: stats.north, south: stats.south, source: "data" };
}

function temporal(stats: CoverageStats): TemporalCoverage {
  if (stats.begin === "") return { begin: "", end: "", source: "data" };
  return { begin: stats.begin, end: stats.end === stats.begin ? "" : stats.end, source: "data" };
}

function taxonomic(stats: CoverageStats): TaxonomicCoverage {
  const taxa: TaxonCoverage[] = [];
  for (const rank of COVERAGE_RANKS) {
    const entries = Object.entries(stats.taxa[rank]).sort(
      (a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)
    );
    for (const [name, count] of entries) taxa.push({ rank, name, commonName: "", count });
  }
  return { description: "", taxa, source: "data" };
}

/** Russian plural form for n: one (1, 21), few (2-4, 22-24), many. */
export function plural(n: number, one: string, few: string, many: string): string {
  const d = n % 10;
  const dd = n % 100;
  if (d === 1 && dd !== 11) return one;
  if (d >= 2 && d <= 4 && (dd < 12 || dd > 14)) return few;
  return many;
}

/**
 * Coverage as the data show it; every part has `source: "data"`. `lang` is the language of the generated
 * geographic description (use the metadata language).
 */
export function deriveCoverage(stats: CoverageStats, lang: Lang): Coverage {
  return { geographic: geographic(stats, lang), temporal: temporal(stats), taxonomic: taxonomic(stats) };
}

/**
 * Apply derived coverage: each part the user edited (`source: "user"`) is kept, the others are replaced. This is
 * what the task pane's "refresh" button and the export do.
 */
export function mergeCoverage(current: Coverage, derived: Coverage): Coverage {
  return {
    geographic: current.geographic.source === "user" ? current.geographic : derived.geographic,
    temporal: current.temporal.source === "user" ? current.temporal : derived.temporal,
    taxonomic: current.taxonomic.source === "user" ? current.taxonomic : derived.taxonomic,
  };
}
